"""How well RF001's hint names the person a reference calls as people do at work (`王总`,
`小王`, `雅婷`) on tests/data/person_calls.tsv (frozen before the matcher was written, never
tuned on). Each row is checked as a user meets it: an org of the row's roster (one team, all
of them members), the reference written in the row's field, `lint`; the suggestion is the
one roster id RF001's hint at the reference names (`-` when it names none, or two or more:
a hint that lists the people who match picks none). A row is right when the suggestion is
its `expect`; a suggested id is also written in place of the reference, which must leave no
RF001 (the hint followed literally).

    python tests/personcall_eval.py [-v] [--hk]       # this checkout (--hk: person_calls_hk.tsv)
    PYTHONPATH=/work/main python tests/personcall_eval.py  # another checkout, for a before
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "person_calls.tsv"
HK = DATA.with_name("person_calls_hk.tsv")  # Hong Kong forms: 陳生, 陳太, 阿豪, 豪哥, 肥陳


def rows(path: Path = DATA) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def roster(row: dict[str, str]) -> list[tuple[str, str]]:
    return [tuple(p.split(":", 1)) for p in row["roster"].split(",")]  # type: ignore[misc]


def org_text(row: dict[str, str], written: str) -> str:
    """The row's org with `written` in its field; clean when `written` is a roster id."""
    people = roster(row)
    ids = [i for i, _ in people]
    field, lead, members, manager, parent, owner = row["field"], ids[0], list(ids), "", "", "t"
    if field == "lead":
        lead = written
    elif field == "members":
        members.append(written)
    elif field == "manager":
        manager = f", manager: {written}"
    elif field == "parent":
        parent = f"  parent: {written}\n"
    elif field == "owner":
        owner = written
    text = (f"- kind: Team\n  id: t\n  name: T\n  lead: {lead}\n  members: [{', '.join(members)}]\n"
            f"  responsibilities: [d]\n{parent}"
            "- {kind: Responsibility, id: d, name: D}\n"
            f"- {{kind: Meeting, id: m, name: M, cadence: weekly, owner: {owner}, "
            "attendees: [t]}\n")
    text += "".join(f"- {{kind: Person, id: {i}, name: {n}"
                    f"{manager if i == ids[-1] else ''}}}\n" for i, n in people)
    return text


def _rf001(text: str, written: str | None) -> list[object]:
    from orgspec.engine.lint import lint
    from orgspec.load.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "org.yaml").write_text(text, "utf-8")
        found = lint([tmp], Config(lang="en")).findings
    return [f for f in found if f.code == "RF001" and
            (written is None or repr(written) in str(f.message))]


def suggested(row: dict[str, str]) -> str:
    """The one roster id RF001's hint names, else `-`."""
    found = _rf001(org_text(row, row["written"]), row["written"])
    hint = str(found[0].hint) if found else ""
    named = [i for i, _ in roster(row) if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", hint)]
    return named[0] if len(named) == 1 else "-"


def followed(row: dict[str, str], ident: str) -> bool:
    """Whether writing `ident` in place of the reference leaves no RF001."""
    return not _rf001(org_text(row, ident), None)


def main() -> int:
    right, wrong = 0, []
    data = rows(HK if "--hk" in sys.argv else DATA)
    for row in data:
        got = suggested(row)
        ok = got == row["expect"] and (got == "-" or followed(row, got))
        right += ok
        if not ok:
            wrong.append(f"  {row['case']}: {row['written']} -> {got}, expected "
                         f"{row['expect']} ({row['why']})")
    print(f"right: {right}/{len(data)}")
    if "-v" in sys.argv:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
