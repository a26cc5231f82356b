"""The responsibility graph as GraphML, GEXF, node-link JSON, DOT or Mermaid text."""

from __future__ import annotations

import io
import json
import re
from typing import Any

FORMATS = ("graphml", "gexf", "json", "dot", "mermaid")


def plain(g: Any) -> Any:
    """A copy of the graph with only serialisable attributes (no source sites)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.add_nodes_from((n, {k: str(v) for k, v in d.items()}) for n, d in g.nodes(data=True))
    out.add_edges_from((u, v, {k: str(val) for k, val in d.items() if k != "site"})
                       for u, v, d in g.edges(data=True))
    return out


def export(g: Any, fmt: str) -> str:
    """Render the graph in one of FORMATS."""
    import networkx as nx

    g = plain(g)
    if fmt == "json":
        data = nx.node_link_data(g, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "dot":
        return to_dot(g)
    if fmt == "mermaid":
        return to_mermaid(g)
    buffer = io.BytesIO()
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    writer(g, buffer)
    return buffer.getvalue().decode("utf-8")


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: Any) -> str:
    """Graphviz DOT; every id and label quoted."""
    lines = ["digraph orgspec {", "  rankdir=LR;"]
    for node, kind in g.nodes(data="kind"):
        lines.append(f"  {_dot_quote(node)} [label={_dot_quote(node)}, kind={_dot_quote(kind)}];")
    for u, v, rel in g.edges(data="relation"):
        lines.append(f"  {_dot_quote(u)} -> {_dot_quote(v)} [label={_dot_quote(rel or '')}];")
    return "\n".join(lines) + "\n}\n"


_MERMAID_UNSAFE = re.compile(r'["<>#&`\[\]{}()|\n\r]')


def mermaid_label(text: str) -> str:
    """Text that is inert inside a quoted Mermaid label (entity codes for specials)."""
    return _MERMAID_UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def to_mermaid(g: Any) -> str:
    """A Mermaid flowchart; node ids are generated, labels escaped."""
    ids = {node: f"n{i}" for i, node in enumerate(sorted(g.nodes))}
    lines = ["flowchart LR"]
    lines += [f'  {ids[n]}["{mermaid_label(n)}"]' for n in sorted(g.nodes)]
    for u, v, rel in g.edges(data="relation"):
        lines.append(f'  {ids[u]} -->|"{mermaid_label(rel or "")}"| {ids[v]}')
    return "\n".join(lines) + "\n"


def process_flowchart(org: Any, process: str) -> str:
    """A Mermaid flowchart of one process: steps labelled with name and owner, `next` as
    arrows, steps without an owner marked as gaps. Every user string is escaped."""
    from orgspec.model.models import is_placeholder

    proc = org.processes[process]
    ids = {step.id: f"s{i}" for i, step in enumerate(proc.steps)}
    lines = ["flowchart TD", "  classDef gap stroke:#c00,stroke-width:3px,stroke-dasharray:4"]
    gaps = []
    for step in proc.steps:
        name = mermaid_label(step.name or step.id)
        owner = step.owner if step.owner and not is_placeholder(step.owner) else None
        who = mermaid_label(owner) if owner else "no owner"
        lines.append(f'  {ids[step.id]}["{name}<br/>{who}"]')
        if owner is None:
            gaps.append(ids[step.id])
    for step in proc.steps:
        lines += [f"  {ids[step.id]} --> {ids[n]}" for n in step.next if n in ids]
    if gaps:
        lines.append(f"  class {','.join(gaps)} gap")
    return "\n".join(lines) + "\n"
