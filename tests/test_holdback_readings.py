"""A reference that spells a team by its name's reading (`ke-fu-bu`, `kefubu` for 客服部:
the id a roster import gives such a team) is the one mistake it is, as a typo of the id
is: RF001 says which team it means, and what the missing role would make false (the team
holds no duty, the process owner has no role on its duty, the position's duty is outside
its team) is held back behind it (trial 17 #4)."""

from __future__ import annotations

import pytest
from test_trial7 import check, where

ORG = """\
- kind: Team
  id: customer-service
  name: 客服部
  lead: chen-jing
  members: [chen-jing]
- kind: Person
  id: chen-jing
  name: 陳靜
- kind: Responsibility
  id: complaint-handling
  name: 投訴處理
  accountable: {holder}
- kind: Process
  id: complaint-flow
  name: 投訴處理流程
  owner: customer-service
  responsibility: complaint-handling
  steps:
    - {{id: receive, name: 受理, owner: customer-service, sla: 2小時}}
- kind: Position
  id: cs-specialist
  name: 客服專員
  team: customer-service
  holders: [chen-jing]
  duties: [complaint-handling]
"""


@pytest.mark.parametrize("holder", ["ke-fu-bu", "kefubu", "customer-servce"])
def test_a_team_spelt_by_its_reading_is_one_finding(write_org, holder: str) -> None:
    found = check(write_org({"org.yaml": ORG.format(holder=holder)}), "zh-Hant")
    assert where(found) == [("RF001", "org.yaml", 12, 16)]
    hint = found[0]["hint"]
    assert hint.startswith("是不是要寫 'customer-service'？")
    for held in ("OW006", "PR008", "RO003"):
        assert held in hint


def test_with_the_id_written_right_nothing_is_found(write_org) -> None:
    assert check(write_org({"org.yaml": ORG.format(holder="customer-service")})) == []


def test_a_reading_two_teams_share_guesses_neither(write_org) -> None:
    """客服部 and 客服埠 read alike: `ke-fu-bu` may mean either, so nothing is held back
    behind it and RF001 suggests neither."""
    org = ORG.format(holder="ke-fu-bu") + (
        "- kind: Team\n  id: support-port\n  name: 客服埠\n  lead: chen-jing\n")
    found = check(write_org({"org.yaml": org}), "zh-Hant")
    rf = [f for f in found if f["code"] == "RF001"]
    assert len(rf) == 1 and "customer-service" not in rf[0]["hint"]
    assert {f["code"] for f in found} >= {"RF001", "RO003"}
