"""A position list pasted twice (the second half an older draft): the copy of a position id
is RF002's one finding. The copy is not loaded, so its duties are no claims of the first
definition: no RO003 for a duty of the copy outside the first's team, no MT004 counting
that team among a duty's teams, no second RF002 for a duty written in full in both."""

from __future__ import annotations

from conftest import json_findings as check
from conftest import where

ORG = """\
- kind: Team
  id: company
  name: 总经办
  lead: boss
  members: [boss]
  responsibilities: [strategy]
- kind: Team
  id: product
  name: 产品部
  parent: company
  lead: wang
  members: [wang]
  responsibilities: [requirements, launch]
- kind: Team
  id: cs
  name: 客服部
  parent: company
  lead: chen
  members: [chen]
  responsibilities: [complaints]
- {kind: Person, id: boss, name: 周建国}
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: chen, name: 陈静}
- {kind: Responsibility, id: strategy, name: 战略, accountable: company}
- {kind: Responsibility, id: requirements, name: 需求, accountable: product}
- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs}
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: 每周一 10:00
  owner: boss
  attendees: [boss, chen]
"""
FIRST = """\
- kind: Position
  id: pm
  name: 产品经理
  team: product
  holders: [wang]
  duties:
  - requirements
  - {id: launch, name: 上线协调, description: 协调产品上线}
"""
# the older draft pasted below: another team, a duty of cs, the inline duty again
COPY = FIRST.replace("team: product", "team: cs").replace("  - requirements\n",
                                                          "  - complaints\n")


def test_a_position_pasted_twice_is_one_rf002(write_org) -> None:
    folder = write_org({"org.yaml": ORG, "positions.yaml": FIRST + COPY})
    found = check(folder)
    assert where(found) == [("RF002", "positions.yaml", 10, 3)]
    assert found[0]["message"] == "duplicate Role id 'pm'"
    assert found[0]["related"][0]["line"] == 2


def test_the_first_half_alone_is_clean(write_org) -> None:
    """What the copy would add without being loaded is none of the first's."""
    assert check(write_org({"org.yaml": ORG, "positions.yaml": FIRST})) == []


def test_a_team_pasted_twice_claims_nothing_for_the_first(write_org) -> None:
    """A team's copy with another charter: its charter is not the first's (no second
    accountable for complaints), RF002 alone."""
    copy = "- kind: Team\n  id: product\n  name: 产品部\n  parent: company\n" \
           "  responsibilities: [complaints]\n"
    found = check(write_org({"org.yaml": ORG + copy, "positions.yaml": FIRST}))
    assert where(found) == [("RF002", "org.yaml", 34, 3)]
