"""How well `i18n.content_lang` tells the script of short texts (the size of a tiny org's
names and titles): accuracy on tests/data/script_fragments.tsv, frozen before the heuristic
was changed (fragments of 2-8 Chinese characters from the founders' seed documents, every
third clause, labelled by the document's script).

    python tests/script_eval.py                    # this checkout
    PYTHONPATH=/work/main python tests/script_eval.py   # another checkout, for a before

Two figures: all fragments, and the decidable ones (holding a character whose script
differs: a fragment the two scripts write alike can only follow the locale, here C, so zh).
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "script_fragments.tsv"


def main() -> int:
    os.environ.update({"LANG": "C", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""})
    import opencc

    from orgspec.i18n import content_lang

    t2s, s2t = opencc.OpenCC("t2s").convert, opencc.OpenCC("s2t").convert
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    right = decidable = right_decidable = 0
    for row in rows:
        said = content_lang([row["text"]])
        ok = said == row["label"]
        right += ok
        if t2s(row["text"]) != s2t(row["text"]):  # the scripts write it otherwise
            decidable += 1
            right_decidable += ok
    print(f"all: {right}/{len(rows)} = {right / len(rows):.1%}; decidable: "
          f"{right_decidable}/{decidable} = {right_decidable / decidable:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
