"""Session 33 leftovers: HI005 at the placeholder written, the rule words in `rules --format
json`, a person written as surname + title (`王总`) or given name (`雅婷`) suggested by id."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import json_findings, where

# --- 1: HI005 points at the placeholder written, as RF001 and OW002 do ---------------------

BLOCK = """\
- kind: Team
  id: platform
  name: Platform
{lead}  members: [ada]
  responsibilities: [uptime]
- {{kind: Person, id: ada, name: Ada Lovelace}}
- {{kind: Responsibility, id: uptime, name: Uptime}}
"""


@pytest.mark.parametrize(("lead", "want"), [
    ("  lead: 待定\n", (4, 9)),  # the word
    ("  lead:   'TBD'  # asked HR\n", (4, 11)),  # the quoted word, not its key
    ("  lead: 待招聘\n", (4, 9)),  # an open seat
    ("  lead:\n", (4, 3)),  # nothing written: the key
    ("", (2, 3)),  # no key at all: the team's id
])
def test_hi005_points_at_the_placeholder_else_the_key_else_the_id(
        write_org: Any, lead: str, want: tuple[int, int]) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead=lead)}), "--select", "HI005")
    assert where(found) == [("HI005", "o.yaml", *want)]


def test_following_the_hi005_hint_leaves_a_clean_check(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: 待定\n")}))
    assert [f["code"] for f in found] == ["HI005"]
    # the hint: "name its lead under `lead`"
    assert json_findings(write_org({"o.yaml": BLOCK.format(lead="  lead: ada\n")})) == []

