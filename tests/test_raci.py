"""The one RACI source: `org.raci`, both sides of a claim merged, used by graph and view."""

from __future__ import annotations

from pathlib import Path

from orgspec.engine.lint import load_org
from orgspec.model.graph import accountable_owners, build_graph
from orgspec.model.org import ident_of

ORG = """\
- kind: Team
  id: shop
  lead: ada
  members: [ada]
  responsibilities: [{ref: refunds, role: responsible}]
- {kind: Team, id: ops, responsibilities: [refunds, ghost]}
- {kind: Person, id: ada}
- {kind: Responsibility, id: refunds, accountable: [shop, TBD, nobody], consulted: ada}
- {kind: Responsibility, id: payouts}
"""


def test_holds_merge_duty_and_charter_in_source_order(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(ORG, "utf-8")
    org = load_org([str(tmp_path)]).org
    holds = [(h.duty, h.holder, h.role, h.source) for h in org.raci.holds]
    assert holds == [
        ("refunds", "team:shop", "accountable", "duty"),
        ("refunds", "person:ada", "consulted", "duty"),
        ("refunds", "team:shop", "responsible", "charter"),
        ("refunds", "team:ops", "accountable", "charter"),
    ]  # TBD is a placeholder, nobody is unknown, ghost is no duty: none of them hold
    assert org.raci.accountable == {"refunds": ["team:ops", "team:shop"], "payouts": []}
    assert org.raci.holders("refunds", "consulted") == ["person:ada"]
    assert org.raci is org.raci  # computed once
    graph = build_graph(org)
    assert accountable_owners(graph, "responsibility:refunds") == org.raci.accountable["refunds"]
    assert (org.holder("ada"), org.holder("shop"), org.holder("TBD"), org.holder(None)) == (
        "person:ada", "team:shop", None, None)
    assert ident_of("team:a:b") == "a:b"


def test_accountable_of_some_duties_is_the_whole_racis(tmp_path: Path) -> None:
    """`Raci.accountable_of` (the findings' teams, in a process that did not build
    `org.raci`) gives each known duty's accountable holders as `org.raci` does: both sides,
    positions, placeholders and unknown owners left out, unknown duties absent."""
    from orgspec.model.org import Raci

    (tmp_path / "org.yaml").write_text(ORG + """\
- {kind: Role, id: lead, team: shop, duties: [{ref: payouts, role: accountable}]}
""", "utf-8")
    org = load_org([str(tmp_path)]).org
    asked = ["refunds", "payouts", "ghost", "refunds"]
    assert Raci.accountable_of(org, asked) == {
        "refunds": ["team:ops", "team:shop"], "payouts": ["role:lead"]}
    whole = Raci.of(org).accountable
    assert Raci.accountable_of(org, whole) == whole
