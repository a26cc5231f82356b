"""A list item whose `-` has no space after it (`-han-mei`), in a list of ids
(fresh-user trial 36, a Simplified Chinese org): one finding at the `-`, saying the space
is missing, the hint the lines written right; the items read as meant when the file
parses, so nothing follows from the slip (no RF001 on `-xie-ying -han-mei`, no HI007)."""

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
  responsibilities: [product-selection]
"""
PEOPLE = """\
- {kind: Person, id: xie-ying, name: 谢颖}
- {kind: Person, id: han-mei, name: 韩梅}
"""
DUTIES = """\
- kind: Responsibility
  id: product-selection
  name: 选品
  accountable: merchandising
  responsible:
    - xie-ying
    - han-mei
"""
MEMBERS = "  members:\n    - xie-ying\n    - han-mei\n"
RESPONSIBLE = "  responsible:\n    - xie-ying\n    - han-mei\n"


def _check(org: Path, lang: str = "en") -> tuple[list[tuple[str, str, int, int]], str]:
    return where_and_text(org, lang)


def _org(write_org, teams: str = TEAMS, duties: str = DUTIES) -> Path:  # type: ignore[no-untyped-def]
    return write_org({"teams.yaml": teams, "people.yaml": PEOPLE, "duties.yaml": duties})


def test_the_org_is_clean(write_org) -> None:  # type: ignore[no-untyped-def]
    assert _check(_org(write_org))[0] == []


BOTH = "`- xie-ying` / `- han-mei`"


@pytest.mark.parametrize(("field", "glued", "where", "code", "said", "hint"), [
    # Before: RF001 "'-xie-ying -han-mei' is not a known person", hint "... or add a
    # person named -xie-ying -han-mei", and HI007 on han-mei
    ("members", "  members:\n    -xie-ying\n    -han-mei\n", (6, 5), "IN017",
     "`-xie-ying` has no space after the `-`, so YAML reads it as text "
     "('-xie-ying -han-mei'), not as a list item", f"write one item per line, each with a "
     f"space after its `-`: {BOTH}"),
    ("responsible", "  responsible:\n    -xie-ying\n    -han-mei\n", (6, 5), "IN017",
     "`-xie-ying` has no space after the `-`, so YAML reads it as text "
     "('-xie-ying -han-mei'), not as a list item", f"write one item per line, each with a "
     f"space after its `-`: {BOTH}"),
    # Before: RF001 on 'xie-ying -han-mei'
    ("members", "  members:\n    - xie-ying\n      -han-mei\n", (7, 7), "IN017",
     "`-han-mei` has no space after the `-`, so YAML reads it as text "
     "('xie-ying -han-mei'), not as a list item", f"write one item per line, each with a "
     f"space after its `-`: {BOTH}"),
    # Before: IN001 "this line has no `:` after its text", hint "write it as `key: value`"
    ("members", "  members:\n    - xie-ying\n    -han-mei\n", (7, 5), "IN001",
     "`-han-mei` has no space after the `-`, so YAML does not read it as a list item",
     "write `- han-mei`: a space after the `-`"),
    ("responsible", "  responsible:\n  -xie-ying\n  -han-mei\n", (6, 3), "IN001",
     "`-xie-ying` has no space after the `-`, so YAML does not read it as a list item",
     f"write one item per line, each with a space after its `-`: {BOTH}"),
])
def test_a_dash_without_its_space(write_org, field: str, glued: str,  # type: ignore[no-untyped-def]
                                  where: tuple[int, int], code: str, said: str,
                                  hint: str) -> None:
    if field == "members":
        org, name, right = _org(write_org, teams=TEAMS.replace(MEMBERS, glued)), \
            "teams.yaml", TEAMS
    else:
        org, name, right = _org(write_org, duties=DUTIES.replace(RESPONSIBLE, glued)), \
            "duties.yaml", DUTIES
    found, text = _check(org)
    assert found == [(code, name, *where)]
    assert f"{name}:{where[0]}:{where[1]}: {code} [error] {said}\n    hint: {hint}\n" in text
    assert "add a person" not in text and "key: value" not in text
    _, zh = _check(org, "zh")
    assert f"{where[0]}:{where[1]}: {code} [错误]" in zh and "`-` 后面没有空格" in zh
    assert "每行写一项，每个 `-` 后面都加一个空格" in zh or "写成 `- han-mei`：" in zh
    (org / name).write_text(right, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_a_kpi_that_starts_with_a_dash_is_text(write_org) -> None:  # type: ignore[no-untyped-def]
    positions = "- kind: Position\n  id: buyer\n  name: 买手\n  team: merchandising\n" \
        "  holders: [han-mei]\n  kpis:\n    -退货率低于5%\n"
    org = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "duties.yaml": DUTIES,
                     "positions.yaml": positions})
    assert not [f for f in _check(org)[0] if f[0].startswith("IN")]
