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
