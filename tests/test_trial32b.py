"""Trial 32b (placeholders followed literally): a child listed in `children` whose team
writes no `parent` was said as "its parent is None", with no hint; a meeting attended by
placeholders alone was said as if its teams were empty."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import json_findings, where

TREE = """\
- {kind: Team, id: company, name: 公司, lead: a, members: [a], children: [tech, ops]}
- {kind: Team, id: tech, name: 技术部, lead: a, members: [a]}
- {kind: Team, id: ops, name: 运营部, lead: a, members: [a], parent: tech}
- {kind: Person, id: a, name: 王芳}
"""


def test_a_listed_child_without_parent_is_said_so_with_a_hint(write_org: Any) -> None:
    found = [f for f in json_findings(write_org({"o.yaml": TREE})) if f["code"] == "HI002"]
    assert where(found) == [("HI002", "o.yaml", 1, 73), ("HI002", "o.yaml", 1, 79)]
    assert [f["message"] for f in found] == [
        "team 'company' lists 'tech' as a child, but 'tech' has no `parent`",
        "team 'company' lists 'ops' as a child, but its parent is 'tech'"]
    assert all("None" not in f["message"] for f in found)
    assert [f["hint"] for f in found] == [
        "write `parent: company` in 'tech', or take 'tech' out of `children`",
        "write `parent: company` in 'ops', or take 'ops' out of `children`"]


def test_doing_what_the_hint_says_leaves_no_hi002(write_org: Any) -> None:
    fixed = TREE.replace("members: [a]}\n- {kind: Team, id: ops",
                         "members: [a], parent: company}\n- {kind: Team, id: ops") \
        .replace("parent: tech}", "parent: company}")
    assert [f for f in where(json_findings(write_org({"o.yaml": fixed})))
            if f[0] == "HI002"] == []
    taken_out = TREE.replace("children: [tech, ops]", "children: []") \
        .replace("parent: tech}", "}")
    assert [f for f in where(json_findings(write_org({"o.yaml": taken_out})))
            if f[0] == "HI002"] == []


def test_a_child_left_out_of_children_gets_a_hint_that_works(write_org: Any) -> None:
    empty = TREE.replace("children: [tech, ops]", "children: []") \
        .replace("members: [a]}\n- {kind: Team, id: ops",
                 "members: [a], parent: company}\n- {kind: Team, id: ops")
    found = [f for f in json_findings(write_org({"o.yaml": empty})) if f["code"] == "HI002"]
    assert where(found) == [("HI002", "o.yaml", 2, 60)]
    assert found[0]["hint"] == ("add 'tech' to the `children` of 'company', or leave "
                                "`children` out there: the `parent` fields say it")
    left_out = empty.replace(", children: []", "")
    assert [f for f in where(json_findings(write_org({"o.yaml": left_out})))
            if f[0] == "HI002"] == []


MEETING = """\
- {kind: Team, id: cs, name: 客服部, lead: a, members: [a]}
- {kind: Person, id: a, name: 王芳}
- {kind: Meeting, id: m, name: 周例会, owner: cs, cadence: 每周一 10:00, attendees: ATTENDEES}
"""


@pytest.mark.parametrize(("attendees", "column"), [("[TBD]", 68), ("[暂无, 待定]", 68)])
def test_a_meeting_attended_by_placeholders_alone_says_what_was_written(
        write_org: Any, attendees: str, column: int) -> None:
    found = json_findings(write_org({"o.yaml": MEETING.replace("ATTENDEES", attendees)}))
    assert [f for f in where(found) if f[0] != "OW006"] == [("MT003", "o.yaml", 3, column)]
    found = [f for f in found if f["code"] == "MT003"]
    first = attendees.strip("[]").split(",")[0]
    assert found[0]["message"] == f"meeting 'm' has no attendees (written as {first!r})"
