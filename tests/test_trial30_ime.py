"""Trial 30 (an ops lead typing with a Chinese IME): a full-width comma in a flow list is
said at the comma."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings, where

ORG = """\
- kind: Team
  id: ops
  name: 运营部
  lead: li-na
  members: [li-na, zhang-wei]
  responsibilities: [promo]
- kind: Team
  id: marketing
  name: 市场部
  lead: chen-jing
  members: [chen-jing]
  responsibilities: [{ref: promo, role: consulted}]
- {kind: Person, id: li-na, name: 李娜}
- {kind: Person, id: zhang-wei, name: 张伟, manager: li-na}
- {kind: Person, id: chen-jing, name: 陈静}
- kind: Responsibility
  id: promo
  name: 大促
  accountable: ops
  consulted: [marketing]
- kind: Meeting
  id: weekly
  name: 周会
  cadence: weekly
  owner: li-na
  attendees: [ops, marketing]
"""


def org(write_org, old: str, new: str) -> Path:
    assert old in ORG
    folder: Path = write_org({"org.yaml": ORG.replace(old, new, 1)})
    return folder


def test_the_org_as_written_is_clean(write_org) -> None:
    assert json_findings(write_org({"org.yaml": ORG})) == []


@pytest.mark.parametrize(("old", "new", "at"), [
    ("consulted: [marketing]", "consulted: [marketing，ops]", (20, 24)),
    ("attendees: [ops, marketing]", "attendees: [ops， marketing]", (26, 18)),
    ("attendees: [ops, marketing]", "attendees: [\"ops，marketing\"]", (26, 19)),
    ("consulted: [marketing]", "consulted:\n    - marketing、ops", (21, 16)),
])
def test_a_full_width_comma_in_a_list_is_said_at_the_comma(write_org, old: str, new: str,
                                                           at: tuple[int, int]) -> None:
    found = json_findings(org(write_org, old, new))
    assert where(found) == [("RF001", "org.yaml", *at)]
    assert found[0]["end_column"] == at[1] + 1
