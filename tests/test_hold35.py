"""Trial 35 (a fresh user, Simplified Chinese org): one mistake gives one finding; what it
makes false is held back behind it (`engine.holdback`). Each test failed before its fix."""

from __future__ import annotations

from conftest import json_findings, where

PROCESS = """\
- kind: Team
  id: kefu
  name: 客服部
  lead: lin-xue
  members: [lin-xue]
  responsibilities: [tousu-chuli]
- kind: Person
  id: lin-xue
  name: 林雪
- kind: Responsibility
  id: tousu-chuli
  name: 投诉处理
  accountable: kefu
- kind: Process
  id: tousu
  name: 投诉处理流程
  owner: kefu
  responsibility: tousu-chuli
  steps:
    - id: receive
      name: 接收
      owner: kefu
      next: [investigate]
    - id: investigate
      name: 调查
      owner: kefu
      next: [resolve]
    - id: resolve
      name: 解决
      owner: kefu
"""


def test_a_next_written_as_a_list_in_a_list_is_one_finding(write_org) -> None:
    """`next: [[resolve]]`: SC003 drops the value; PR003 (`resolve` unreachable) read the
    flow without it, so it is held back (before: SC003 and PR003 at `resolve`)."""
    org = write_org({"org.yaml": PROCESS.replace("next: [resolve]", "next: [[resolve]]")})
    assert where(json_findings(org)) == [("SC003", "org.yaml", 27, 14)]


LEFT = """\
- kind: Team
  id: kefu
  name: 客服部
  lead: lin-xue
  members: [lin-xue, ma-chao]
  responsibilities: [tousu-chuli]
- kind: Person
  id: lin-xue
  name: 林雪
- kind: Person
  id: ma-chao
  name: 马超
- kind: Responsibility
  id: tousu-chuli
  name: 投诉处理
  accountable: kefu
- kind: Position
  id: kefu-zhuanyuan
  name: 客服专员
  team: kefu
  headcount: 3
  # orgspec: ignore[RO001] 郑雪已离职，正在招聘
  holders: [lin-xue, ma-chao, zheng-xue]
"""


def test_a_person_who_left_still_holding_a_suppressed_seat_is_one_finding(write_org) -> None:
    """`zheng-xue` left (no such person) but is still in `holders`, under a suppression of
    RO001 for the seat being filled: the RF001 hides the vacancy RO001 would report, so the
    suppression is not known to be unused (before: RF001 and SU001)."""
    found = json_findings(write_org({"org.yaml": LEFT}))
    assert where(found) == [("RF001", "org.yaml", 23, 31)]


def test_an_unused_suppression_beside_a_reference_rule_it_does_not_read_is_said(
        write_org) -> None:
    """An RF001 in `holders` hides no finding of a rule that reads no `holders` (OW006)."""
    org = write_org({"org.yaml": LEFT.replace("ignore[RO001]", "ignore[OW006]")})
    assert where(json_findings(org)) == [("SU001", "org.yaml", 22, 3),
                                         ("RF001", "org.yaml", 23, 31)]


def test_a_suppression_still_used_once_the_holder_is_written_as_vacant(write_org) -> None:
    """The fix the RF001 hint gives (`vacant` in their place): RO001 is suppressed, and no
    finding is left."""
    org = write_org({"org.yaml": LEFT.replace("zheng-xue]", "vacant]")})
    assert where(json_findings(org)) == []


MERGED = """\
- kind: Team
  id: kefu
  name: 客服部
  lead: ab
  members: [ab]
  responsibilities: [tousu-chuli]
- kind: Responsibility
  id: tousu-chuli
  name: 投诉处理
  accountable: kefu
- kind: Person
  <<: {id: ab, name: 甲}
"""


def test_a_merge_key_is_one_finding(write_org) -> None:
    """`<<: {id: ab, name: 甲}`: merge keys are not read (as anchors are not: IN005), so
    one finding at the `<<`, saying to write the fields themselves; the person is held by
    the id written there, so `lead: ab` says nothing more (before: RF001 at `lead`, SC002
    missing id, SC001 unknown `<<`)."""
    found = json_findings(write_org({"org.yaml": MERGED}))
    assert where(found) == [("IN005", "org.yaml", 12, 3)]
    assert found[0]["message"] == "merge keys (<<) are not read"
    assert found[0]["hint"] == "write the fields themselves in place of `<<:`"


def test_a_step_whose_next_is_itself_is_one_finding(write_org) -> None:
    """`investigate` has `next: [investigate]`: one finding, the loop at its `next` (before:
    PR004 at `receive`, which only leads into that loop, PR004 for the loop, and PR003 for
    `resolve`, reached once `investigate` leads on to the step listed after it)."""
    org = write_org({"org.yaml": PROCESS.replace("next: [resolve]", "next: [investigate]")})
    found = json_findings(org)
    assert where(found) == [("PR004", "org.yaml", 27, 7)]
    assert found[0]["message"] == "steps of process 'tousu' loop with no exit: 调查 (investigate)"


def test_a_real_loop_beside_a_self_loop_is_still_said(write_org) -> None:
    """Only what the self-loop cuts off is held (`receive`, `resolve`): steps no start
    reaches that lead into another loop with no exit are still said, and so is that
    loop."""
    text = PROCESS.replace("next: [resolve]", "next: [investigate]") + (
        "    - id: a\n      name: 甲\n      owner: kefu\n      next: [b]\n"
        "    - id: b\n      name: 乙\n      owner: kefu\n      next: [c]\n"
        "    - id: c\n      name: 丙\n      owner: kefu\n      next: [b]\n")
    found = json_findings(write_org({"org.yaml": text}))
    assert where(found) == [("PR004", "org.yaml", 27, 7),  # investigate's loop
                            ("PR003", "org.yaml", 31, 7), ("PR004", "org.yaml", 34, 7),  # a
                            ("PR003", "org.yaml", 35, 7), ("PR004", "org.yaml", 38, 7),  # b-c
                            ("PR003", "org.yaml", 39, 7)]
