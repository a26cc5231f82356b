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
