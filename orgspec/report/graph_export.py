"""The responsibility graph as GraphML, GEXF, node-link JSON, DOT or Mermaid text.

One id scheme for every format: a node's id is its graph key (`team:cs`), unique across kinds;
`kind`, `entity_id` (the id in the org files, `cs`) and `name` (客服部) are attributes, and the
name is the label that yEd, Gephi, Graphviz and Mermaid show. No attribute is called `id`:
readers (networkx's GEXF writer, python-igraph's GraphML reader) take such an attribute for
the node's own id and merge nodes of different kinds.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from orgspec.escape import mermaid_label, neutralise

if TYPE_CHECKING:
    from orgspec.report.diagram import FlowStep

FORMATS = ("graphml", "gexf", "json", "dot", "mermaid")
NODE_ATTRS = ("kind", "entity_id", "name", "label")
# Mermaid's defaults (GitHub renders with them): more edges or characters and it draws an
# error box instead of the diagram. Characters are counted as JavaScript does (UTF-16 units).
MERMAID_MAX_EDGES = 500
MERMAID_MAX_CHARS = 50_000


class DiagramTooLarge(ValueError):
    """A Mermaid diagram past Mermaid's limits; the message says what to use instead."""


def plain(g: Any) -> Any:
    """A copy of the graph for export: string attributes only (no source sites), node
    attributes renamed to NODE_ATTRS (+ `process` for steps)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.add_nodes_from((neutralise(n), _node_attrs(n, d)) for n, d in g.nodes(data=True))
    out.add_edges_from((neutralise(u), neutralise(v),
                        {k: neutralise(str(val)) for k, val in d.items() if k != "site"})
                       for u, v, d in g.edges(data=True))
    return out


def _node_attrs(key: str, data: dict[str, Any]) -> dict[str, str]:
    """Export attributes; hidden characters (which XML 1.0 cannot even carry) as U+FFFD."""
    name = neutralise(str(data.get("name") or data.get("id") or key))
    attrs = {"kind": neutralise(str(data.get("kind", ""))),
             "entity_id": neutralise(str(data.get("id", key))), "name": name, "label": name}
    attrs.update((k, neutralise(str(v))) for k, v in data.items()
                 if k not in ("kind", "id", "name"))
    return attrs


def export(g: Any, fmt: str) -> str:
    """Render the graph in one of FORMATS. Raises DiagramTooLarge for a Mermaid diagram that
    Mermaid would refuse to draw."""
    import networkx as nx

    g = plain(g)
    if fmt == "json":
        import json

        data = nx.node_link_data(g, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "dot":
        return to_dot(g)
    if fmt == "mermaid":
        return to_mermaid(g)
    if fmt == "gexf":
        return to_gexf(g)
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer)
    return buffer.getvalue().decode("utf-8")


def claims(g: Any) -> list[tuple[str, str, str]]:
    """Edges as (source, target, relation), each once: a RACI claim written on both sides
    (in the duty and in the team's charter) is one claim."""
    seen: dict[tuple[str, str, str], None] = {}
    for u, v, rel in g.edges(data="relation"):
        seen.setdefault((u, v, rel or ""), None)
    return list(seen)


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot_quote(text: str) -> str:
    """A DOT label that Graphviz shows as `text`: Graphviz decodes HTML entities in labels,
    so `&` is written `&amp;`; line breaks become `\\n`."""
    text = neutralise(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + re.sub("\r\n|[\r\n]", "\\\\n", text) + '"'


_DOT_SHAPE = {"team": "box", "person": "ellipse", "responsibility": "note",
              "objective": "hexagon", "kr": "component", "process": "cds", "step": "box"}


def to_dot(g: Any) -> str:
    """Graphviz DOT: nodes keyed by graph key and labelled by name, one edge per claim."""
    lines = ["digraph orgspec {", "  rankdir=LR;", "  node [fontname=\"sans-serif\"];"]
    for node, d in sorted(g.nodes(data=True)):
        extra = "".join(f", {k}={_dot_quote(d[k])}" for k in ("kind", "entity_id") if k in d)
        shape = _DOT_SHAPE.get(d.get("kind", ""), "box")
        lines.append(f"  {_dot_id(node)} [label={_dot_quote(d.get('label', node))}, "
                     f"shape={shape}{extra}];")
    lines += [f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_quote(rel)}];"
              for u, v, rel in claims(g)]
    return "\n".join(lines) + "\n}\n"


GEXF_NS = "http://www.gexf.net/1.2draft"


def to_gexf(g: Any) -> str:
    """GEXF 1.2: node id = graph key, label = name, `kind`/`entity_id`/`name` as declared
    node attributes, edges with ids and their relation. Deterministic (no date stamp)."""
    from xml.etree.ElementTree import Element, SubElement, indent, tostring

    root = Element("gexf", {"xmlns": GEXF_NS, "version": "1.2"})
    graph = SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_keys = ["kind", "entity_id", "name", "process"]
    edge_keys = ["relation", "source"]
    for cls, keys in (("node", node_keys), ("edge", edge_keys)):
        attrs = SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, key in enumerate(keys):
            SubElement(attrs, "attribute", {"id": str(i), "title": key, "type": "string"})
    nodes = SubElement(graph, "nodes")
    for node, d in g.nodes(data=True):
        el = SubElement(nodes, "node", {"id": node, "label": d.get("label", node)})
        _attvalues(el, node_keys, d)
    edges = SubElement(graph, "edges")
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        el = SubElement(edges, "edge", {"id": str(i), "source": u, "target": v,
                                        "label": d.get("relation", "")})
        _attvalues(el, edge_keys, d)
    indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, "unicode") + "\n"


def _attvalues(el: Any, keys: list[str], data: dict[str, str]) -> None:
    from xml.etree.ElementTree import SubElement

    present = [(i, data[k]) for i, k in enumerate(keys) if k in data]
    if present:
        values = SubElement(el, "attvalues")
        for i, value in present:
            SubElement(values, "attvalue", {"for": str(i), "value": value})


def check_mermaid(text: str, edges: int, subject: str) -> str:
    """`text` if Mermaid draws it; else DiagramTooLarge naming the limit and `subject`."""
    chars = len(text.encode("utf-16-le")) // 2
    if edges > MERMAID_MAX_EDGES or chars > MERMAID_MAX_CHARS:
        size = (f"{edges} edges (Mermaid draws at most {MERMAID_MAX_EDGES})"
                if edges > MERMAID_MAX_EDGES else
                f"{chars} characters (Mermaid draws at most {MERMAID_MAX_CHARS})")
        raise DiagramTooLarge(f"{subject} has {size}")
    return text


def to_mermaid(g: Any) -> str:
    """A Mermaid flowchart: generated node ids, names as labels, one edge per claim."""
    ids = {node: f"n{i}" for i, node in enumerate(sorted(g.nodes))}
    lines = ["flowchart LR"]
    lines += [f'  {ids[n]}["{mermaid_label(g.nodes[n].get("label", n))}"]'
              for n in sorted(g.nodes)]
    edges = claims(g)
    lines += [f'  {ids[u]} -->|"{mermaid_label(rel)}"| {ids[v]}' for u, v, rel in edges]
    return check_mermaid("\n".join(lines) + "\n", len(edges), "the graph")


# The marks of a process flowchart, by the site's flowchart legend key (`diagram.LEGEND`):
# the Mermaid class and its style (`back`, a loop back, is a dashed arrow `-.->`).
MERMAID_MARKS = {"step-gap": ("gap", "stroke:#c00,stroke-width:3px,stroke-dasharray:4"),
                 "step-unreachable": ("unreachable", "stroke:#888,stroke-dasharray:2 3,"
                                                     "color:#777"),
                 "missing": ("missing", "fill:none,stroke:#888,stroke-dasharray:4 3")}


def flowchart_mermaid(steps: Sequence[FlowStep], subject: str, unknown: str = "unknown step",
                      legend: Mapping[str, str] | None = None) -> str:
    """A Mermaid flowchart of a process's steps (the `FlowStep`s the site's and the HTML
    report's flowcharts draw): each box says the step, its owner (or the words for none) and
    its SLA, `next` as arrows. The marks are the other flowcharts': a step without an owner
    (`step-gap`) and one the start does not lead to (`step-unreachable`) get a class, a
    `next` naming no step ends at a dashed box saying that name and `unknown`, a loop back is
    a dashed arrow; with `legend` (`legend_<mark>` and `legend` words of the report's labels)
    a `Key` subgraph says what each mark drawn means. Every user string is escaped. Raises
    DiagramTooLarge past Mermaid's limits (`subject` names the chart)."""
    from orgspec.report.diagram import LEGEND, back_edges, successors

    succ, ghost = successors(steps)
    ids = [f"s{i}" for i in range(len(steps))] + [f"m{j}" for j in range(len(ghost))]
    boxes = [(step.label, "<br/>".join(mermaid_label(w) for w in (step.owner, step.sla) if w))
             for step in steps] + [(n, mermaid_label(unknown)) for n in ghost]
    marks = [set(step.kind.split()) for step in steps] + [{"missing"} for _ in ghost]
    back = back_edges(succ)
    drawn = [k for k in LEGEND if (k == "back" and back) or any(k in m for m in marks)]
    lines = ["flowchart TD"]
    lines += [f"  classDef {MERMAID_MARKS[k][0]} {MERMAID_MARKS[k][1]}"
              for k in drawn if k in MERMAID_MARKS]
    for node, (label, owner) in zip(ids, boxes, strict=True):
        said = mermaid_label(label) + (f"<br/>{owner}" if owner else "")  # escaped above
        lines.append(f'  {node}["{said}"]')
    arrows = [f"  {ids[i]} {'-.->' if (i, t) in back or t >= len(steps) else '-->'} {ids[t]}"
              for i, targets in enumerate(succ) for t in targets]
    lines += arrows
    for k in drawn:
        if k in MERMAID_MARKS:
            lines.append(f"  class {','.join(n for n, m in zip(ids, marks, strict=True) if k in m)}"
                         f" {MERMAID_MARKS[k][0]}")
    links = 0
    if legend is not None and drawn:
        # below every step: each step that leads on to none (but back) has an unseen link to
        # the key; without them Mermaid lays the key out beside the first steps, over lines
        ends = [ids[i] for i, targets in enumerate(succ)
                if all((i, t) in back for t in targets)]
        lines += _mermaid_key(drawn, legend, ends)
        links = len(ends)
    return check_mermaid("\n".join(lines) + "\n", len(arrows) + links, subject)


def _mermaid_key(drawn: list[str], legend: Mapping[str, str], ends: list[str]) -> list[str]:
    """The `Key` subgraph: one sample box per class drawn, an arrow for a loop back; then an
    invisible link (`~~~`) from each of `ends` to it, so that it is laid out below them."""
    lines = [f'  subgraph key["{mermaid_label(legend["legend"])}"]']
    classes = []
    for i, k in enumerate(drawn):
        words = mermaid_label(legend[f"legend_{k}"])
        if k == "back":
            lines += [f'  ka{i}["⋯"]', f'  kb{i}["⋯"]', f'  ka{i} -.->|"{words}"| kb{i}']
        else:
            lines.append(f'  k{i}["{words}"]')
            classes.append(f"  class k{i} {MERMAID_MARKS[k][0]}")
    return [*lines, "  end", f"  {' & '.join(ends)} ~~~ key", *classes]


def process_flowchart(org: Any, process: str, labels: Mapping[str, str] | None = None,
                      findings: Sequence[Any] = ()) -> str:
    """A Mermaid flowchart of one process (`flowchart_mermaid`) in the words of `labels`
    (the report's, `report.labels.LABELS[lang]`; English when None), its unreachable steps
    those PR003 `findings` name. Raises DiagramTooLarge past Mermaid's limits."""
    from orgspec.report.labels import LABELS
    from orgspec.report.view import process_steps

    words = labels if labels is not None else LABELS["en"]
    return flowchart_mermaid(process_steps(org, process, findings, words),
                             f"process {process!r}", words["unknown_step"], words)
