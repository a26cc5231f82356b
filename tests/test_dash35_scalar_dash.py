"""A list of plain items (`members:`, `responsibilities:`) one of whose items lost its
`- ` (fresh-user trial 35, a Simplified Chinese org): each said as the missing `- `, at the
item's line, with the line to write; followed, the check is clean."""

from __future__ import annotations

from pathlib import Path

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
