"""The responsibility graph: edges from both sides of RACI, queries, exports, deep structures."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from orgspec.cli import main
from orgspec.engine.lint import lint, load_org
from orgspec.load.config import Config, Selector
from orgspec.model.graph import (
    accountable_owners,
    build_graph,
    child_teams,
    is_orphan,
    members,
    parent_view,
    step_view,
    teams_of,
    unowned_responsibilities,
)
from orgspec.report.graph_export import export, mermaid_label


@pytest.fixture(scope="module")
def ecommerce() -> nx.MultiDiGraph:
    return build_graph(load_org([str(EXAMPLES / "ecommerce")]).org)


def test_both_sides_of_raci_become_edges(ecommerce) -> None:
    g = ecommerce
    assert accountable_owners(g, "responsibility:user-feedback") == [
        "team:customer-service", "team:tech"]
    sources = {d["source"] for _, _, d in g.in_edges("responsibility:user-feedback", data=True)
               if d["relation"] == "accountable_for"}
    assert sources == {"duty", "charter"}
    assert unowned_responsibilities(g) == []


def test_team_and_people_queries(ecommerce) -> None:
    g = ecommerce
    assert members(g, "team:order-platform") == ["person:li-na", "person:zhao-lei"]
    assert child_teams(g, "team:tech") == ["team:order-platform"]
    assert teams_of(g, "person:li-na") == ["team:order-platform"]
    assert not is_orphan(g, "team:tech")


def test_typed_views_have_no_member_cycles(ecommerce) -> None:
    tree = parent_view(ecommerce)
    assert nx.is_directed_acyclic_graph(tree)
    assert set(tree.nodes) == {n for n, k in ecommerce.nodes(data="kind") if k == "team"}
    flow = step_view(ecommerce, "process:complaint-flow")
    assert next(iter(nx.topological_sort(flow))) == "step:complaint-flow/receive"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "dot", "mermaid"])
def test_every_export_format_is_well_formed(ecommerce, fmt: str) -> None:
    text = export(ecommerce, fmt)
    if fmt in ("graphml", "gexf"):
        ET.fromstring(text.encode("utf-8"))
    elif fmt == "json":
        data = json.loads(text)
        assert len(data["nodes"]) == ecommerce.number_of_nodes()
    elif fmt == "dot":
        assert text.startswith("digraph orgspec {") and '"team:order-platform"' in text
    else:
        assert text.startswith("flowchart LR")


def test_graph_command_writes_a_file(tmp_path) -> None:
    target = tmp_path / "org.graphml"
    result = CliRunner().invoke(main, ["graph", str(EXAMPLES / "minimal"), "--format", "graphml",
                                       "-o", str(target)])
    assert result.exit_code == 0
    assert nx.read_graphml(target).number_of_nodes() > 0


def test_mermaid_and_dot_escape_hostile_names() -> None:
    nasty = 'x"]; click n0 call alert(1) %% <script>|'
    assert not set('"[]<>|();') & set(mermaid_label(nasty).replace("#", "").replace(";", ""))
    g = nx.MultiDiGraph()
    g.add_node(nasty, kind="team")
    dot = export(g, "dot")
    assert '"x\\"]; click' in dot


def _chain(n: int, cycle: bool) -> str:
    lines = []
    for i in range(n):
        last = not cycle and i == n - 1
        parent = "" if last else f", parent: t{(i + 1) % n}"
        lines.append(f"- {{kind: Team, id: t{i}{parent}}}")
    return "\n".join(lines) + "\n"


def test_ten_thousand_deep_chain_has_no_cycle(write_org) -> None:
    root = write_org({"chain.yaml": _chain(10_000, cycle=False)})
    result = lint([str(root)], Config(select=[Selector("HI001", "t")]))
    assert result.findings == []


def test_ten_thousand_team_cycle_is_one_finding(write_org) -> None:
    root = write_org({"ring.yaml": _chain(10_000, cycle=True)})
    [finding] = lint([str(root)], Config(select=[Selector("HI001", "t")])).findings
    assert finding.message.startswith("teams form a parent cycle: t0 -> t1 -> t2")
    assert finding.message.endswith("(+9980 more)")
    assert len(finding.related) == 19


def test_mermaid_refuses_a_graph_past_its_limits(write_org) -> None:
    members = ", ".join(f"p{i}" for i in range(501))
    people = "".join(f"- {{kind: Person, id: p{i}}}\n" for i in range(501))
    root = write_org({"t.yaml": f"- {{kind: Team, id: big, members: [{members}]}}\n{people}"})
    run = CliRunner().invoke(main, ["graph", str(root), "--format", "mermaid"])
    assert run.exit_code == 2
    assert run.output.strip() == (
        "orgspec: error: the graph has 501 edges (Mermaid draws at most 500), too large for "
        "Mermaid: draw one process with --process ID, or export the whole graph with "
        "--format dot or graphml")
    assert CliRunner().invoke(main, ["graph", str(root), "--format", "dot"]).exit_code == 0


def test_exports_key_nodes_by_kind_and_label_them_by_name(write_org) -> None:
    root = write_org({"t.yaml": "- {kind: Team, id: cs, name: 客服部, responsibilities: [cs]}\n"
                      "- {kind: Responsibility, id: cs, name: 客服, accountable: cs}\n"})
    g = build_graph(load_org([str(root)]).org)
    gexf = ET.fromstring(export(g, "gexf"))
    ns = "{http://www.gexf.net/1.2draft}"
    nodes = {n.get("id"): n.get("label") for n in gexf.iter(f"{ns}node")}
    assert nodes == {"team:cs": "客服部", "responsibility:cs": "客服"}
    assert gexf.find(f"{ns}graph").get("name") is None
    graphml = export(g, "graphml")
    assert 'attr.name="id"' not in graphml and '<node id="team:cs">' in graphml
    dot = export(g, "dot")
    # the claim is written in the duty and in the charter: one edge
    assert dot.count('"team:cs" -> "responsibility:cs"') == 1
    assert '"team:cs" [label="客服部", shape=box, kind="team", entity_id="cs"];' in dot


def test_queries_take_plain_ids_as_well_as_keys(ecommerce) -> None:
    g = ecommerce
    assert members(g, "order-platform") == members(g, "team:order-platform") == [
        "person:li-na", "person:zhao-lei"]
    assert accountable_owners(g, "user-feedback") == ["team:customer-service", "team:tech"]
    assert child_teams(g, "tech") == ["team:order-platform"]
    assert teams_of(g, "li-na") == ["team:order-platform"]
    assert not is_orphan(g, "tech")
    assert next(iter(step_view(g, "complaint-flow"))).startswith("step:complaint-flow/")


@pytest.mark.parametrize(("query", "ref", "message"), [
    (members, "no-such-team", "no team 'no-such-team' in the org graph"),
    (teams_of, "nobody", "no person 'nobody' in the org graph"),
    (accountable_owners, "team:tech-typo", "no node 'team:tech-typo' in the org graph"),
    (child_teams, "li-na", "no team 'li-na' in the org graph"),  # a person, not a team
])
def test_queries_raise_on_unknown_ids(ecommerce, query, ref, message) -> None:
    from orgspec.model.graph import UnknownNode

    with pytest.raises(UnknownNode, match=message):
        query(ecommerce, ref)


@pytest.mark.parametrize("org_dir", sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()))
def test_the_bulk_filled_graph_is_the_one_networkx_builds(org_dir: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """build_graph fills networkx's adjacency itself; the graph (nodes, edges, keys, data
    and the order of every adjacency) equals add_nodes_from + add_edges_from's."""
    import orgspec.model.graph as graph_module

    org = load_org([str(EXAMPLES / org_dir)]).org
    filled = graph_module.build_graph(org)
    monkeypatch.setattr(graph_module, "_fill", lambda *a: False)
    added = graph_module.build_graph(org)
    assert list(filled.nodes(data=True)) == list(added.nodes(data=True))
    assert list(filled.edges(keys=True, data=True)) == list(added.edges(keys=True, data=True))
    assert [list(filled.pred[n].items()) for n in filled] == \
        [list(added.pred[n].items()) for n in added]
    if org_dir == "ecommerce":  # a holder written on both sides of a duty: parallel edges
        assert any(len(keys) > 1 for n in filled for keys in filled.succ[n].values())
