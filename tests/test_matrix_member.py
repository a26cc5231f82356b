"""A person on two teams (a matrix organisation, an analyst two departments share) is no
finding, by design: docs/rules.md says so under HI007, and the person's teams are all shown."""

from __future__ import annotations

from typing import Any

from conftest import REPO, run_cli

ORG = """\
- {kind: Team, id: ops, name: 运营部, lead: a, members: [a, c], responsibilities: [{ref: r}]}
- {kind: Team, id: goods, name: 商品部, lead: b, members: [b, c], responsibilities: [{ref: s}]}
- {kind: Person, id: a, name: 甲}
- {kind: Person, id: b, name: 乙}
- {kind: Person, id: c, name: 丙, manager: a}
- {kind: Responsibility, id: r, name: 活动运营, accountable: ops}
- {kind: Responsibility, id: s, name: 选品, accountable: goods}
"""


def test_a_person_on_two_teams_is_no_finding(write_org: Any) -> None:
    folder = write_org({"org.yaml": ORG})
    run = run_cli("check", str(folder), "--isolated", "--format", "json", "--lang", "en",
                  "--select", "all")
    assert [f for f in run.json()["findings"] if f["entity"] == "person:c"] == []
    shown = run_cli("show", "person", "c", str(folder), "--isolated", "--lang", "en").stdout
    assert "    - goods 商品部\n    - ops 运营部\n" in shown


def test_the_rules_doc_says_why() -> None:
    doc = (REPO / "docs" / "rules.md").read_text("utf-8")
    hi007 = doc[doc.index("### HI007"):doc.index("### HI008")]
    assert "a person on two or more teams (a matrix organisation" in hi007
