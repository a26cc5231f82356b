"""A list of plain items (`members:`, `responsibilities:`) one of whose items lost its
`- ` (fresh-user trial 35, a Simplified Chinese org): each said as the missing `- `, at the
item's line, with the line to write; followed, the check is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = """\
- kind: Team
  id: cs
  name: 客服部
  lead: liu-yang
  members:
    - liu-yang
    - he-min
    - xu-fang
  responsibilities:
    - complaint-handling
    - refund-handling
- kind: Team
  id: ops
  name: 运营部
  lead: he-min
  members: [he-min]
  responsibilities:
    - order-exceptions
"""
PEOPLE = """\
- {kind: Person, id: liu-yang, name: 刘洋}
- {kind: Person, id: he-min, name: 何敏}
- {kind: Person, id: xu-fang, name: 徐芳}
"""
DUTIES = """\
- {kind: Responsibility, id: complaint-handling, name: 投诉处理, accountable: cs}
- {kind: Responsibility, id: refund-handling, name: 退款处理, accountable: cs}
- {kind: Responsibility, id: order-exceptions, name: 订单异常, accountable: ops}
"""


def _check(org: Path, lang: str = "en") -> tuple[list[tuple[str, str, int]], str]:
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in found], text


def _org(write_org, teams: str) -> Path:  # type: ignore[no-untyped-def]
    return write_org({"teams.yaml": teams, "people.yaml": PEOPLE, "duties.yaml": DUTIES})


def test_the_org_is_clean(write_org) -> None:  # type: ignore[no-untyped-def]
    assert _check(_org(write_org, TEAMS))[0] == []


def _said(org: Path, line: int, item: str) -> None:
    found, text = _check(org)
    assert found == [("IN001", "teams.yaml", line)]
    assert f"teams.yaml:{line}:5: IN001 [error] `{item}` seems to miss its `- `: the other " \
        "items of the list start with `- `, so YAML cannot read this line\n" \
        f"    hint: start it with `- `, like the items above: `- {item}`\n" in text
    assert "`:`" not in text and "key: value" not in text and "spaces" not in text
    _, zh = _check(org, "zh")
    assert f"teams.yaml:{line}:5: IN001 [错误] `{item}` 似乎缺了 `- `：这个列表的其他项都以 " \
        "`- ` 开头，所以 YAML 读不了这一行\n" \
        f"    建议: 像上面的项一样以 `- ` 开头：`- {item}`\n" in zh
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_the_last_member_without_its_dash(write_org) -> None:  # type: ignore[no-untyped-def]
    """2b. Before: IN001 `this line has no `:` after its text`, hint `write it as key:
    value, or start it with # to make it a comment` (followed, the member is lost)."""
    _said(_org(write_org, TEAMS.replace("    - xu-fang", "    xu-fang")), 8, "xu-fang")


def test_a_middle_member_without_its_dash(write_org) -> None:  # type: ignore[no-untyped-def]
    _said(_org(write_org, TEAMS.replace("    - he-min", "    he-min")), 7, "he-min")


def test_the_last_duty_without_its_dash_before_the_next_team(write_org) -> None:  # type: ignore[no-untyped-def]
    """2a. Before: IN001 at the next team's `- kind: Team` (line 12), hint `move the `-` to
    start after 4 spaces`, which, followed, nests that team in the charter. Now the duty's
    line, with its `- `."""
    org = _org(write_org, TEAMS.replace("    - refund-handling", "    refund-handling"))
    _said(org, 11, "refund-handling")


@pytest.mark.parametrize(("before", "after", "line", "items"), [
    ("    - xu-fang", "      xu-fang", 8, ("he-min", "xu-fang")),
    ("    - refund-handling", "      refund-handling", 11,
     ("complaint-handling", "refund-handling")),
])
def test_an_item_without_its_dash_indented_under_the_item_above(
        write_org, before: str, after: str, line: int, items: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    """2c. Before: YAML folds `xu-fang` into `he-min xu-fang`: RF001 with the hint `write
    the items separately, `he-min, xu-fang`` (in a block list, followed, the same again),
    plus HI007 on the person it left on no team; a duty's `complaint-handling
    refund-handling` was told to add a duty named so. Now one IN017 at the line, the items
    read as meant, the hint one item per line."""
    teams = TEAMS.replace(before, after)
    org = _org(write_org, teams)
    found, text = _check(org)
    assert found == [("IN017", "teams.yaml", line)]
    first, second = items
    assert f"teams.yaml:{line}:7: IN017 [error] `{second}` has no `- ` of its own, so YAML " \
        f"reads it as part of the item above: '{first} {second}'\n" \
        f"    hint: write one item per line, each starting with `- `: `- {first}` / " \
        f"`- {second}`\n" in text
    _, zh = _check(org, "zh")
    assert "add" not in text and "name:" not in text
    assert f"teams.yaml:{line}:7: IN017 [错误] `{second}` 前面没有自己的 `- `，所以 YAML 把它" \
        f"读成上面那一项的一部分：'{first} {second}'\n" \
        f"    建议: 每行写一项，都以 `- ` 开头：`- {first}` / `- {second}`\n" in zh
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_a_long_item_over_two_lines_is_still_one_item(write_org) -> None:  # type: ignore[no-untyped-def]
    positions = "- kind: Position\n  id: agent\n  name: 客服专员\n  team: cs\n" \
        "  holders: [he-min]\n  kpis:\n    - 首次回应时间\n      不超过5分钟\n"
    org = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "duties.yaml": DUTIES,
                     "positions.yaml": positions})
    assert not [f for f in _check(org)[0] if f[0].startswith("IN")]
