"""Trial 11 (周晓雯): rules her org showed silent or unclear. A step owned by a position is
handed to the position's team (PR005, PR008: a position is named wherever a team can be)."""

from __future__ import annotations

from typing import Any

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config, Selector

# a reduced copy of her org: 场控 (changkong) is a position in 直播运营部 with a role on
# live-incident only; 退货处理 hands a step to it on after-sales
ORG = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: zhi-bo-yun-ying-bu, name: 直播运营部, lead: lina, members: [lina]}
- {kind: Team, id: ke-fu-bu, name: 客服部, lead: lina, members: [lina]}
- {kind: Team, id: ji-shu-bu, name: 技术部, lead: lina, members: [lina]}
- kind: Position
  id: changkong
  name: 场控
  team: zhi-bo-yun-ying-bu
  holders: [lina]
  duties: [live-incident]
- {kind: Responsibility, id: live-incident, name: 直播事故处理, accountable: ji-shu-bu}
- {kind: Responsibility, id: after-sales, name: 售后, accountable: ke-fu-bu}
- kind: Process
  id: return-flow
  name: 退货处理
  owner: ke-fu-bu
  responsibility: after-sales
  steps:
    - {id: apply, owner: ke-fu-bu, next: [check]}
    - {id: check, owner: changkong, next: [refund]}
    - {id: refund, owner: ke-fu-bu}
- kind: Process
  id: live-incident-flow
  owner: changkong
  responsibility: live-incident
  steps:
    - {id: report, owner: changkong, next: [debug]}
    - {id: debug, owner: ji-shu-bu}
- kind: Process
  id: after-sales-by-ops
  owner: changkong
  responsibility: after-sales
  steps:
    - {id: only, owner: ke-fu-bu}
"""


def _found(write_org: Any, files: dict[str, str], *codes: str) -> list[Finding]:
    config = Config(select=[Selector(c, "t") for c in codes], lang="en")
    return lint([str(write_org(files))], config).findings


def _said(found: list[Finding]) -> list[tuple[str, int, str]]:
    return [(f.code, f.location.line, f.message) for f in found]


def test_a_step_handed_to_a_position_without_a_role_is_pr005(write_org: Any) -> None:
    assert _said(_found(write_org, {"o.yaml": ORG}, "PR005")) == [
        ("PR005", 20, "step 'check' of process 'return-flow' is handed to position "
                      "'changkong' of team 'zhi-bo-yun-ying-bu', neither of which holds a "
                      "role on duty 'after-sales'")]


def test_a_process_owned_by_a_position_without_a_role_is_pr008(write_org: Any) -> None:
    assert _said(_found(write_org, {"o.yaml": ORG}, "PR008")) == [
        ("PR008", 31, "owner 'changkong' of process 'after-sales-by-ops' (a position of team "
                      "'zhi-bo-yun-ying-bu') holds no role on the duty it serves, "
                      "'after-sales', nor does its team")]


# RF001 on a meeting's or a process's reference names the meeting, or the step and process,
# as it names the duty of a RACI list
REFS = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: ke-fu-bu, lead: lina, members: [lina]}
- {kind: Meeting, id: zao-hui, name: 早会, owner: ke-fubu, attendees: [ke-fu-bu, zhibo]}
- kind: Process
  id: return-flow
  owner: kefu
  steps:
    - {id: apply, owner: ke-fu-bu, next: [check]}
    - {id: check, owner: cang-ku}
"""


def test_an_unknown_reference_names_its_meeting_or_step_and_process(write_org: Any) -> None:
    assert [(line, said) for _c, line, said in _said(
        _found(write_org, {"o.yaml": REFS}, "RF001"))] == [
        (3, "unknown Team, Person or Role 'ke-fubu' in `owner` of meeting 'zao-hui'"),
        (3, "unknown Team, Person or Role 'zhibo' in `attendees` of meeting 'zao-hui'"),
        (6, "unknown Team, Person or Role 'kefu' in `owner` of process 'return-flow'"),
        (9, "unknown Team, Person or Role 'cang-ku' in `owner` of step 'check' of process "
            "'return-flow'")]


# `role: 执行` stays refused (design: a value has one spelling, the format's English word, that
# the schema, exports and diffs read, as field names do), and the finding says why
ROLE = """\
- {kind: Person, id: lina, name: 李娜}
- kind: Team
  id: ji-shu-bu
  lead: lina
  members: [lina]
  responsibilities:
    - {ref: live-incident, role: %s}
- {kind: Responsibility, id: live-incident, accountable: ji-shu-bu}
"""


def test_a_raci_word_as_a_role_says_the_format_spells_it_in_english(write_org: Any) -> None:
    for word, role in (("执行", "responsible"), ("知会", "informed"), ("R", "responsible")):
        found = _found(write_org, {"o.yaml": ROLE % word}, "SC003")
        assert [(f.code, f.location.line, f.message, f.hint) for f in found] == [
            ("SC003", 7, f"charter item 'live-incident': `role`: '{word}' means `{role}`, "
                         "but a value is written in the format's own word, the one spelling "
                         "the schema, exports and diffs read", f"write `role: {role}`")], word


# a bare charter entry counts as accountable (the README's merge of both sides): OW001 says
# so, and how to write another role, where the duty names the team in another role
BARE = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: zhi-bo, lead: lina, members: [lina]}
- kind: Team
  id: zhu-bo
  lead: lina
  members: [lina]
  responsibilities: [live-gmv]
- {kind: Responsibility, id: live-gmv, accountable: zhi-bo, responsible: zhu-bo}
"""


def test_a_bare_charter_entry_says_it_counts_as_accountable(write_org: Any) -> None:
    [found] = _found(write_org, {"o.yaml": BARE}, "OW001", "OW004")
    assert (found.code, found.location.line, found.hint) == (
        "OW001", 8, "zhu-bo's charter lists live-gmv without a role, which counts as "
                    "accountable; the duty itself makes it responsible: write "
                    "`{ref: live-gmv, role: responsible}` in the charter, or keep one "
                    "accountable owner")
