"""`members: [王伟，李娜]`: names typed with a full-width comma where ids are needed (trial 6).
One mistake, one finding: the RF001 at the item tells the user what to write (the ids of
the people named), and both people, whom YAML leaves on no team, are held back behind it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

PEOPLE = """\
- kind: Person
  id: wang-wei
  name: 王伟
- kind: Person
  id: li-na
  name: 李娜
- kind: Person
  id: zhao-lei
  name: 赵磊
"""


def team(lead: str, members: str) -> str:
    return f"""\
- kind: Team
  id: ops
  name: 运营部
  lead: {lead}
  members: {members}
  responsibilities: [orders]
- kind: Responsibility
  id: orders
  name: 订单处理
  accountable: ops
"""


def check(write_org, lang: str, lead: str, members: str) -> list[dict[str, Any]]:
    root = write_org({"teams.yaml": team(lead, members), "people.yaml": PEOPLE})
    run = run_cli("check", str(root), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang, cwd=root)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings]


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "write the ids of those named, separated by ASCII commas: "
           "`members: [zhao-lei, wang-wei, li-na]` (2 findings that follow from this mistake "
           "are held back until it is fixed: HI007 on person 'li-na', HI007 on person "
           "'wang-wei')"),
    ("zh", "写成所列名称对应的 id，用半角逗号分隔：`members: [zhao-lei, wang-wei, li-na]`"
           "（由这个错误引起的 2 条问题在改正之前暂不报告："
           "人员 'li-na' 的 HI007、人员 'wang-wei' 的 HI007）"),
])
def test_names_with_a_full_width_comma_are_one_finding_saying_the_ids(
        write_org, lang: str, hint: str) -> None:
    found = check(write_org, lang, "zhao-lei", "[zhao-lei, 王伟，李娜]")
    assert where(found) == [("RF001", "teams.yaml", 5, 25)]
    assert found[0]["hint"] == hint


def test_ids_with_a_full_width_comma_keep_the_plain_hint(write_org) -> None:
    found = check(write_org, "en", "zhao-lei", "[zhao-lei, wang-wei，li-na]")
    assert where(found) == [("RF001", "teams.yaml", 5, 31)]
    assert found[0]["hint"].startswith("separate the items with ASCII commas: "
                                       "`members: [zhao-lei, wang-wei, li-na]` (2 findings")


def test_a_name_that_is_no_ones_stays_as_written(write_org) -> None:
    found = check(write_org, "en", "zhao-lei", "[zhao-lei, 王伟，张三]")
    # li-na is on no team indeed
    assert where(found) == [("HI007", "people.yaml", 5, 3), ("RF001", "teams.yaml", 5, 25)]
    assert found[1]["hint"] == (
        "write the ids of those named, separated by ASCII commas: "
        "`members: [zhao-lei, wang-wei, 张三]` (1 finding that follows from this mistake is "
        "held back until it is fixed: HI007 on person 'wang-wei')")


def test_names_in_one_string_are_written_as_the_list_of_their_ids(write_org) -> None:
    found = check(write_org, "en", "zhao-lei", "王伟、李娜")
    assert where(found) == [("RF001", "teams.yaml", 5, 12)]
    assert found[0]["hint"].startswith("'王伟、李娜' is one string: write the list "
                                       "`members: [wang-wei, li-na]` (3 findings")
    assert found[0]["hint"].endswith("HI004 on team 'ops', HI007 on person 'li-na', "
                                     "HI007 on person 'wang-wei')")


def test_a_lead_by_name_and_members_by_name_are_two_mistakes(write_org) -> None:
    """`lead: 王伟` is a mistake of its own, told the id; the people the two name, left
    on no team, are held back; zhao-lei, whom neither names, is on no team indeed."""
    found = check(write_org, "en", "王伟", "[王伟，李娜]")
    assert where(found) == [("HI007", "people.yaml", 8, 3), ("RF001", "teams.yaml", 4, 9),
                            ("RF001", "teams.yaml", 5, 15)]
    found = found[1:]
    assert found[0]["hint"].startswith("王伟 is the name of person `wang-wei`: write "
                                       "`wang-wei`")
    assert found[1]["hint"].startswith("write the ids of those named, separated by ASCII "
                                       "commas: `members: [wang-wei, li-na]`")
