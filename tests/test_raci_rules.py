"""The ownership and hand-off rules read the merged RACI (`org.raci`) instead of the graph,
and answer exactly as they did from the graph.

OW001-OW006, PR005 and PR008 once asked the networkx graph (`model.graph.claims`, `owners`,
`roles_of`, `get_edge_data`, `in_degree`, a team's out-edges); they now ask `org.raci`, so a
re-check after a RACI edit builds no graph. Here the graph's queries and the rules as they
were written against the graph (kept below as the reference) are compared with the new ones
on every example, hostile fixture, a generated org and an org written to stress the order
of OW001's owners and OW005's in-degree: the same issues (message, file, line, column,
related locations, hint), in the same order.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, FIXTURES, REPO

import orgspec.checks.processes as processes
from orgspec.checks import ownership
from orgspec.engine.context import RuleContext, Shared
from orgspec.engine.lint import lint_org, load_org
from orgspec.findings import Issue, Related
from orgspec.i18n import M
from orgspec.load.config import Config, Selector
from orgspec.model import graph as graphq
from orgspec.model.graph import ROLE_RELATION, build_graph
from orgspec.model.models import ROLES
from orgspec.model.org import Org, node_key

TODAY = dt.date(2026, 11, 30)

# Who holds what, written to make the graph's order matter: a holder's first statement on a
# duty is not always accountable (so the in-edge order is not the accountable order), the
# charter side comes before the duty side in the files, a person, a position and a team
# share ids with nothing, a holder is accountable twice, and a process serves a duty that
# nobody claims (the graph's in-degree counted it).
STRESS = """\
- kind: Team
  id: zeta
  lead: ann
  members: [ann, bob]
  responsibilities:
    - {ref: refunds, role: accountable}
    - {ref: payouts, role: consulted}
    - {ref: payouts, role: accountable}
    - {ref: audits, role: responsible}
- kind: Team
  id: alpha
  parent: zeta
  responsibilities: [{ref: refunds, role: informed}, {ref: refunds, role: accountable}]
- {kind: Team, id: idle, parent: zeta}
- {kind: Team, id: lonely}
- {kind: Person, id: ann}
- {kind: Person, id: bob}
- kind: Role
  id: cashier
  team: alpha
  holders: [bob]
  duties: [{ref: payouts, role: accountable}, {ref: refunds, role: responsible}]
- kind: Responsibility
  id: refunds
  consulted: [alpha]
  accountable: [bob, zeta, bob]
  responsible: [alpha]
- kind: Responsibility
  id: payouts
  informed: [ann]
  accountable: [alpha]
- {kind: Responsibility, id: audits, responsible: [alpha, zeta]}
- {kind: Responsibility, id: served-only}
- {kind: Responsibility, id: nobody-at-all}
- {kind: Responsibility, id: placeholder, accountable: TBD}
- kind: Process
  id: serve
  owner: lonely
  responsibility: served-only
  steps:
    - {id: a, owner: idle, next: [b]}
    - {id: b, owner: alpha}
- kind: Process
  id: pay
  owner: zeta
  responsibility: payouts
  steps: [{id: a, owner: alpha}, {id: b, owner: idle}, {id: c, owner: zeta}]
"""


def _orgs(tmp: Path) -> list[Org]:
    stress = tmp / "stress"
    stress.mkdir()
    (stress / "org.yaml").write_text(STRESS, "utf-8")
    generated = tmp / "generated"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams", "40",
                    "--out", str(generated)], check=True, capture_output=True)
    folders = [p for p in sorted(EXAMPLES.iterdir()) if p.is_dir()]
    folders += sorted(p for p in (FIXTURES / "hostile").iterdir() if p.is_dir())
    folders += [FIXTURES / "broken-processes", stress, generated / "teams"]
    config = Config(extends="strict", select=[Selector("ALL", "test")])
    return [load_org([str(f)], config).org for f in folders]


# The rules as they were written against the graph (before `org.raci` answered them).

def _old_overlap(ctx: RuleContext) -> Iterator[Issue]:
    g, accountable = ctx.graph, ctx.org.raci.accountable
    for rid in ctx.org.responsibilities:
        if len(accountable[rid]) < 2:
            continue
        node = node_key("responsibility", rid)
        first: dict[str, Any] = {}
        for owner, site in graphq.claims(g, node, "accountable"):
            first.setdefault(owner, site)
        sites = list(first.items())
        names = [ownership._id(o) for o, _ in sites]
        yield Issue(M("duty {duty!r} has {count} accountable owners: {names}", duty=rid,
                      count=len(sites), names=names),
                    ownership._where(sites[0][1]), node,
                    related=tuple(Related(ownership._where(site),
                                          M("{owner} is accountable here",
                                            owner=ownership._id(o)))
                                  for o, site in sites[1:]),
                    # the hint reads the charters, not the graph: the rule's own
                    hint=ownership._bare_hint(ctx, rid, names) or
                    M("keep one accountable owner; make the others `responsible` or "
                      "`consulted`"))


def _old_gaps(ctx: RuleContext) -> Iterator[tuple[str, Any, str]]:
    g, org = ctx.graph, ctx.org
    accountable = org.raci.accountable
    for rid, resp in org.responsibilities.items():
        node = node_key("responsibility", rid)
        if accountable[rid]:
            continue
        if any(not ownership.is_placeholder(a) and org.holder(a) is None
               for a in resp.accountable):
            continue
        if org.raci.holders(rid, "responsible"):
            yield rid, resp, "responsible"
        elif not ownership._written(resp) and g.in_degree(node) == 0:
            yield rid, resp, "unclaimed"
        else:
            yield rid, resp, "gap"


def _old_doers(ctx: RuleContext) -> list[list[str]]:
    return [graphq.owners(ctx.graph, node_key("responsibility", rid), "responsible")
            for rid, _resp, kind in _old_gaps(ctx) if kind == "responsible"]


def _old_disagreements(ctx: RuleContext) -> list[set[str]]:
    g, org = ctx.graph, ctx.org
    out = []
    for claim in org.claims:
        resp = org.responsibilities.get(claim.responsibility)
        if resp is None or not ownership._written(resp) or claim.team not in org.teams:
            continue
        node = node_key("responsibility", claim.responsibility)
        out.append(graphq.roles_of(g, node, node_key("team", claim.team), "duty"))
    return out


def _new_disagreements(ctx: RuleContext) -> list[set[str]]:
    org = ctx.org
    return [org.raci.roles(c.responsibility, node_key("team", c.team), "duty")
            for c in org.claims
            if (r := org.responsibilities.get(c.responsibility)) is not None
            and ownership._written(r) and c.team in org.teams]


def _old_team_holders(ctx: RuleContext) -> list[str]:
    relations = set(ROLE_RELATION.values())
    return [tid for tid in ctx.org.teams
            if any(rel in relations for _, _, rel in
                   ctx.graph.out_edges(node_key("team", tid), data="relation"))]


def _old_roles(ctx: RuleContext, team: str, duty: str) -> set[str]:
    back = {rel: role for role, rel in ROLE_RELATION.items()}
    edges = ctx.graph.get_edge_data(node_key("team", team), node_key("responsibility", duty))
    return {back[d["relation"]] for d in (edges or {}).values() if d.get("relation") in back}


def _ctx(org: Org) -> RuleContext:
    return RuleContext(Shared(org, TODAY))


def _said(issues: list[Issue]) -> list[tuple[object, ...]]:
    return [(i.message, repr(i.message), i.location, i.entity, i.related,
             [repr(r.message) for r in i.related], i.hint) for i in issues]


def test_raci_answers_every_graph_query_the_rules_asked(tmp_path: Path) -> None:
    """Query by query, over every duty, role, holder and side: `org.raci` gives what the
    graph gave (claims in the graph's in-edge order, sorted owners, roles per side, the
    roles on a team -> duty edge, an in-degree of zero, the teams holding any duty)."""
    compared = {"claims": 0, "roles": 0, "unclaimed": 0, "served": 0}
    for org in _orgs(tmp_path):
        g, raci = build_graph(org), org.raci
        served = {p.responsibility for p in org.processes.values()}
        for rid in org.responsibilities:
            node = node_key("responsibility", rid)
            for role in ROLES:
                assert raci.claims(rid, role) == graphq.claims(g, node, role), (rid, role)
                assert raci.holders(rid, role) == graphq.owners(g, node, role), (rid, role)
                compared["claims"] += bool(raci.claims(rid, role))
            # every holder with an edge to the duty, and a few teams without one
            holders = {*g.predecessors(node), *(node_key("team", t) for t in list(org.teams)[:5])}
            for holder in sorted(h for h in holders if not h.startswith("process:")):
                ident = ownership.ident_of(holder)
                for source in ("duty", "charter"):
                    if holder.startswith(("team:", "person:")):
                        assert raci.roles(rid, holder, source) == graphq.roles_of(
                            g, node, holder, source)
                if holder.startswith("team:"):
                    old = _old_roles(_Graphed(g), ident, rid)  # type: ignore[arg-type]
                    assert raci.roles(rid, holder) == old
                    compared["roles"] += bool(old)
            unclaimed = not raci.by_duty[rid] and rid not in served
            assert unclaimed == (g.in_degree(node) == 0), rid
            compared["unclaimed"] += unclaimed
            compared["served"] += not raci.by_duty[rid] and rid in served
        assert [t for t in org.teams if node_key("team", t) in raci.by_holder] == \
            _old_team_holders(_Graphed(g, org))  # type: ignore[arg-type]
    assert all(compared.values()), compared  # the corpus exercises each


class _Graphed:
    """Just enough of a RuleContext for the graph helpers above."""

    def __init__(self, g: Any, org: Org | None = None) -> None:
        self.graph, self.org = g, org


def test_rules_find_what_they_found_from_the_graph(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule by rule: OW001, the gaps behind OW002/OW003/OW005, OW003's doers, OW004's
    written roles, OW006's holders, PR005 and PR008 give the same issues as the graph
    versions, and the corpus has findings of each."""
    found = {"OW001": 0, "gaps": 0, "OW002": 0, "OW003": 0, "OW005": 0, "OW004": 0,
             "OW006": 0, "PR005": 0, "PR008": 0}
    for org in _orgs(tmp_path):
        ctx = _ctx(org)
        new = list(ownership.responsibility_overlap(ctx))
        assert _said(new) == _said(list(_old_overlap(ctx)))
        found["OW001"] += len(new)
        gaps = list(ownership._find_gaps(_ctx(org)))
        assert gaps == list(_old_gaps(ctx))
        found["gaps"] += len(gaps)
        assert [ownership.ident_of(o) for d in _old_doers(ctx) for o in d] == [
            ownership.ident_of(o) for rid, _r, kind in gaps if kind == "responsible"
            for o in org.raci.holders(rid, "responsible")]
        assert _new_disagreements(ctx) == _old_disagreements(ctx)
        for code, rule in (("OW002", ownership.responsibility_gap),
                           ("OW003", ownership.responsible_without_accountable),
                           ("OW004", ownership.charter_disagreement),
                           ("OW005", ownership.unclaimed_responsibility),
                           ("OW006", ownership.team_without_duties)):
            found[code] += len(list(rule(_ctx(org))))
        assert [t for t in org.teams if t not in ownership.rolled_up(
            ownership.parent_map(ctx), _old_team_holders(ctx))] == [
            ownership.ident_of(i.entity) for i in ownership.team_without_duties(_ctx(org))]
        for code, rule in (("PR005", processes.handoff_without_duty),
                           ("PR008", processes.owner_without_duty)):
            new = list(rule(_ctx(org)))
            with monkeypatch.context() as patch:
                patch.setattr(processes, "_roles", _old_roles)
                assert _said(new) == _said(list(rule(_ctx(org)))), code
            found[code] += len(new)
    assert all(found.values()), found


def test_a_check_builds_no_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No built-in rule reads the graph now: a strict check of the examples and the stress
    org never builds it, and finds what it found with the graph built for it."""
    (tmp_path / "org.yaml").write_text(STRESS, "utf-8")
    config = Config(extends="strict", select=[Selector("ALL", "test")])
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    for folder in (EXAMPLES / "ecommerce", tmp_path):
        built: list[int] = []
        real = Shared.graph.fget  # type: ignore[attr-defined]

        def counted(self: Shared, real: Any = real, built: list[int] = built) -> Any:
            built.append(1)
            return real(self)

        with monkeypatch.context() as patch:
            patch.setattr(Shared, "graph", property(counted))
            result, _ = lint_org([str(folder)], config, TODAY)
        assert built == []
        codes = {f.code for f in result.findings}
        assert folder != tmp_path or {"OW001", "OW005", "HI006", "PR005"} <= codes, codes
