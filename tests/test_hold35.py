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
