"""How well PR007 reads steps' SLAs (`checks.processes.is_duration` / `is_zero`) on
tests/data/slas.tsv: `tune` rows (new-user trial B's reports and their like, tuned on) and
`blind` rows (frozen with them, not scored until the change was done). A row is right when
PR007 accepts it (a duration longer than zero, or a day deadline) exactly when labelled ok.

    python tests/sla_eval.py [--blind]              # this checkout
    PYTHONPATH=/work/main python tests/sla_eval.py  # another checkout, for a before
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "slas.tsv"


def rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def right(row: dict[str, str]) -> bool:
    from orgspec.checks.processes import is_duration, is_zero

    text = row["text"]
    return (is_duration(text) and not is_zero(text)) == (row["ok"] == "1")


def scores() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for row in rows():
        for split in (row["split"], "all"):
            ok, total = out.get(split, (0, 0))
            out[split] = (ok + right(row), total + 1)
    return out


def main() -> int:
    for split, (ok, total) in sorted(scores().items()):
        print(f"{split}: {ok}/{total} = {ok / total:.1%}")
    for row in rows():  # the blind rows' failures only when asked: seen, they would tune
        if not right(row) and (row["split"] != "blind" or "--blind" in sys.argv):
            print("  wrong:", row["split"], row["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
