"""Plain list items written out of line with their field (fresh-user trial 36): dedented
left of `  members:` (before: IN001 at the next field, "a `: ` here would start a field",
hint: quote the value), or indented deeper than a later item (before: IN001 "not a field
of the item above", no hint, at the later item). Now one IN001 at the first item out of
line, the hint the item at the right indentation; followed, the check is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import where_and_text

TEAMS = """\
- kind: Team
  id: merchandising
  name: 商品部
  lead: xie-ying
  members:
    - xie-ying
    - han-mei
  responsibilities:
    - product-selection
"""
PEOPLE = """\
- {kind: Person, id: xie-ying, name: 谢颖}
- {kind: Person, id: han-mei, name: 韩梅}
"""
DUTIES = "- {kind: Responsibility, id: product-selection, name: 选品, accountable: merchandising}\n"
MEMBERS = "    - xie-ying\n    - han-mei\n"


def _check(org: Path, lang: str = "en") -> tuple[list[tuple[str, str, int, int]], str]:
    return where_and_text(org, lang)


def test_the_org_is_clean(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "duties.yaml": DUTIES})
    assert _check(org)[0] == []


@pytest.mark.parametrize(("written", "col", "said", "hint", "zh"), [
    ("- xie-ying\n- han-mei\n", 1,
     "`- xie-ying` starts its `-` after 0 spaces, left of `members:` above it (2), so YAML "
     "does not read it as an item of `members`",
     "indent each item of `members:` by 4 spaces, two more than `members:`: "
     "`    - xie-ying`", "把 `members:` 的每一项缩进 4 个空格"),
    ("      - xie-ying\n    - han-mei\n", 7,
     "`- xie-ying` is indented 6 spaces and `- han-mei` below it 4, so YAML ends the list "
     "of `members:` at `- han-mei`",
     "indent `- xie-ying` by 4 spaces, like `- han-mei`: `    - xie-ying`",
     "把 `- xie-ying` 缩进 4 个空格"),
])
def test_items_out_of_line(write_org, written: str, col: int, said: str, hint: str,  # type: ignore[no-untyped-def]
                           zh: str) -> None:
    teams = TEAMS.replace(MEMBERS, written)
    org = write_org({"teams.yaml": teams, "people.yaml": PEOPLE, "duties.yaml": DUTIES})
    found, text = _check(org)
    assert found == [("IN001", "teams.yaml", 6, col)]
    assert f"teams.yaml:6:{col}: IN001 [error] {said}\n    hint: {hint}\n" in text
    assert "quotes" not in text
    assert zh in _check(org, "zh")[1]
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed
    assert _check(org)[0] == []
