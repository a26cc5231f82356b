"""The responsibility graph: one networkx MultiDiGraph of the org, and networkx-style queries.

Nodes are `"team:x"`, `"person:x"`, `"responsibility:x"`, `"objective:x"`, `"kr:obj/kr"`,
`"process:x"`, `"step:proc/step"`, `"role:x"` (a position) and `"meeting:x"`, each with
`kind`, `id` and `name` (display_name) attributes. Edges carry a `relation`: parent_of,
member_of, leads, accountable_for, responsible_for, consulted_on, informed_of, owns,
has_key_result, aligns_to, performs, tracks, next, serves, holds (person -> role), in_team
(role -> team), attends (team, role or person -> meeting) and chairs (the meeting's owner ->
meeting).
Both sides of a RACI claim become edges, tagged with `source` ("duty" or "charter").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from orgspec.i18n import M
from orgspec.model.idnames import name_id
from orgspec.model.models import is_placeholder
from orgspec.model.org import ENTITY_KINDS, Org, Origin, node_key

if TYPE_CHECKING:
    import networkx as nx

ROLE_RELATION = {"accountable": "accountable_for", "responsible": "responsible_for",
                 "consulted": "consulted_on", "informed": "informed_of"}


def build_graph(org: Org) -> nx.MultiDiGraph:
    """Build the graph once per run from the validated org."""
    import networkx as nx

    keys = _Keys(org)
    nodes: list[tuple[str, dict[str, Any]]] = [
        (key, {"kind": kind.lower(), "id": ident, "name": display_name(entity, ident)})
        for kind in ENTITY_KINDS
        for (ident, key), entity in zip(keys.of[kind].items(), org.table(kind).values(),
                                        strict=True)]
    edges: list[tuple[str, str, dict[str, Any]]] = []
    _team_edges(org, keys, edges)
    _duty_edges(org, keys, edges)
    _objective_edges(org, keys, nodes, edges)
    _process_edges(org, keys, nodes, edges)
    _position_edges(org, keys, edges)
    _meeting_edges(org, keys, edges)
    g = nx.MultiDiGraph()
    if not _fill(g, nodes, edges):
        g.add_nodes_from(nodes)  # in bulk: one call per node costs as much as the rules
        g.add_edges_from(edges)
    return g


class _Keys:
    """Each entity's node key (`team:x`), made once: every edge names its ends by the very
    string of the node, so filling the adjacency finds each end on identity (a fresh equal
    string is hashed and compared with the stored key, read from wherever it lies)."""

    def __init__(self, org: Org) -> None:
        self.of = {kind: {ident: node_key(kind, ident) for ident in org.table(kind)}
                   for kind in ENTITY_KINDS}
        self.teams, self.people = self.of["Team"], self.of["Person"]
        self.duties, self.objectives = self.of["Responsibility"], self.of["Objective"]
        self.positions = self.of["Role"]

    def holder(self, ref: str | None) -> str | None:
        """`Org.holder`: the node of a team, person or position reference, or None."""
        if ref is None or is_placeholder(ref):
            return None
        return self.teams.get(ref) or self.people.get(ref) or self.positions.get(ref)


def _fill(g: nx.MultiDiGraph, nodes: Nodes, edges: Edges) -> bool:
    """Fill an empty MultiDiGraph's adjacency as `add_nodes_from(nodes)` then
    `add_edges_from(edges)` would (the same dicts in the same order, keys 0, 1, ... per
    node pair), without a method call per edge: 40-60 % of the build. Each node's and
    edge's data dict is fresh, so it is stored as it is, not copied. False (nothing done)
    when the graph does not keep plain dicts (another networkx layout): then the caller
    adds normally."""
    try:
        succ, pred, attrs = g._succ, g._pred, g._node
    except AttributeError:
        return False
    plain = (g.node_dict_factory, g.adjlist_outer_dict_factory, g.adjlist_inner_dict_factory,
             g.edge_key_dict_factory, g.edge_attr_dict_factory, g.node_attr_dict_factory)
    if any(f is not dict for f in plain) or succ or pred or attrs or g._adj is not succ:
        return False
    for n, data in nodes:
        if n not in attrs:
            succ[n], pred[n], attrs[n] = {}, {}, data
        else:
            attrs[n].update(data)
    for u, v, data in edges:
        if u not in succ:
            succ[u], pred[u], attrs[u] = {}, {}, {}
        if v not in succ:
            succ[v], pred[v], attrs[v] = {}, {}, {}
        keys = succ[u].get(v)
        if keys is None:
            succ[u][v] = pred[v][u] = {0: data}
        else:
            key = len(keys)
            while key in keys:
                key += 1
            keys[key] = data
    return True


def display_name(entity: Any, ident: str) -> str:
    """What a person calls the entity: its `name`, an objective's or key result's `title`,
    else its id."""
    cls = type(entity)
    field = _NAME_FIELD.get(cls, "")
    if field == "":
        fields = getattr(cls, "model_fields", None)
        if fields is not None:  # a pydantic model: a missing attribute costs ~100 us to raise
            field = _NAME_FIELD[cls] = \
                "name" if "name" in fields else "title" if "title" in fields else None
    if field != "":
        name = getattr(entity, field) if field else None
    else:
        name = getattr(entity, "name", None)
        if name is None and not hasattr(entity, "name"):
            name = getattr(entity, "title", None)
    return str(name) if name else ident


# a pydantic model class -> the field that names its entities (None: it has none); read
# from `model_fields` once per class (a descriptor costing ~1 us a read, on every entity)
_NAME_FIELD: dict[type, str | None] = {}


def named(org: Org, kind: str, ident: str) -> str:
    """How a line of text names an entity of `kind` (`"Team"`) in `org`: `公关部 (pr-team)`
    (an `M`: `idnames.name_id`, one form in every language), its name first as the reports show it,
    the id to find it by; the id alone when it has no name of its own (or is unknown).
    `id_of` gives the id back."""
    entity = org.table(kind).get(ident)
    name = display_name(entity, ident) if entity is not None else ident
    return name_id(name, ident) if name != ident else ident


def id_of(value: Any) -> str:
    """The id in a value `named` made, or the value itself (an id)."""
    return str(value.values["id"]) if isinstance(value, M) and "id" in value.values else str(value)


Edges = list[tuple[str, str, dict[str, Any]]]
Nodes = list[tuple[str, dict[str, Any]]]


def _team_edges(org: Org, keys: _Keys, edges: Edges) -> None:
    teams, people = keys.teams, keys.people
    for tid, team in org.teams.items():
        t = teams[tid]
        if team.parent in teams:
            edges.append((teams[team.parent], t, {"relation": "parent_of"}))
        edges.extend((people[pid], t, {"relation": "member_of"})
                     for pid in team.members if pid in people)
        if team.lead in people:
            edges.append((people[team.lead], t, {"relation": "leads"}))


def _duty_edges(org: Org, keys: _Keys, edges: Edges) -> None:
    duties = keys.duties
    edges.extend((h.holder, duties[h.duty],
                  {"relation": ROLE_RELATION[h.role], "source": h.source,
                   "site": (h.origin, h.path)}) for h in org.raci.holds)


def site_path(origin: Origin, path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A claim's path below its origin: `(role, i)` becomes `(role,)` when the role was
    written as a single id rather than a list."""
    if len(path) == 2 and not isinstance(origin.fmap.node((*origin.path, path[0])), list):
        return path[:1]
    return path


def _objective_edges(org: Org, keys: _Keys, nodes: Nodes, edges: Edges) -> None:
    objectives = keys.objectives
    for oid, obj in org.objectives.items():
        o = objectives[oid]
        owner = keys.holder(obj.owner)
        if owner is not None:
            edges.append((owner, o, {"relation": "owns"}))
        if obj.aligns_to in objectives:
            edges.append((o, objectives[obj.aligns_to], {"relation": "aligns_to"}))
        for kr in obj.key_results:
            k = f"kr:{oid}/{kr.id}"
            nodes.append((k, {"kind": "kr", "id": kr.id, "name": display_name(kr, kr.id)}))
            edges.append((o, k, {"relation": "has_key_result"}))
            kr_owner = keys.holder(kr.owner)
            if kr_owner is not None:
                edges.append((kr_owner, k, {"relation": "owns"}))


def _process_edges(org: Org, keys: _Keys, nodes: Nodes, edges: Edges) -> None:
    processes = keys.of["Process"]
    for pid, proc in org.processes.items():
        p = processes[pid]
        owner = keys.holder(proc.owner)
        if owner is not None:
            edges.append((owner, p, {"relation": "owns"}))
        if proc.responsibility in keys.duties:
            edges.append((p, keys.duties[proc.responsibility], {"relation": "serves"}))
        steps = {s.id: step_node(pid, s.id) for s in proc.steps}
        for step in proc.steps:
            s = steps[step.id]
            nodes.append((s, {"kind": "step", "id": step.id, "process": pid,
                              "name": display_name(step, step.id)}))
            edges.append((p, s, {"relation": "has_step"}))
            for ref, relation in ((step.owner, "performs"), (step.tracker, "tracks")):
                who = keys.holder(ref)
                if who is not None:
                    edges.append((who, s, {"relation": relation}))
            edges.extend((s, steps[n], {"relation": "next"}) for n in step.next if n in steps)


def _position_edges(org: Org, keys: _Keys, edges: Edges) -> None:
    people = keys.people
    for rid, pos in org.positions.items():
        r = keys.positions[rid]
        if pos.team in keys.teams:
            edges.append((r, keys.teams[pos.team], {"relation": "in_team"}))
        edges.extend((people[pid], r, {"relation": "holds"})
                     for pid in org.position_holders[rid])


def _meeting_edges(org: Org, keys: _Keys, edges: Edges) -> None:
    meetings = keys.of["Meeting"]
    for mid, meeting in org.meetings.items():
        m = meetings[mid]
        owner = keys.holder(meeting.owner)
        if owner is not None:
            edges.append((owner, m, {"relation": "chairs"}))
        edges.extend((who, m, {"relation": "attends"})
                     for who in dict.fromkeys(keys.holder(a) for a in meeting.attendees)
                     if who is not None)


def step_node(process: str, step: str) -> str:
    """The node name of a process step."""
    return f"step:{process}/{step}"


# Queries. Rules use these instead of walking the graph by hand. Each takes a node key
# (`"team:tech"`) or a plain id (`"tech"`, read as the kind the query expects) and raises
# UnknownNode for anything the graph does not hold, rather than answering `[]`.

_ANY = ("team", "person", "responsibility", "objective", "process")


class UnknownNode(LookupError):
    """A query named a node the graph does not have (a typo, or an entity that failed to load)."""

    def __str__(self) -> str:
        return str(self.args[0])


def resolve(g: nx.MultiDiGraph, ref: str, *kinds: str) -> str:
    """The node key for `ref`: a key such as `"team:tech"` as is, or a plain id such as
    `"tech"` looked up as each of `kinds` in turn. Raises UnknownNode if none exists."""
    if ":" in ref:
        if ref in g:
            return ref
        raise UnknownNode(f"no node {ref!r} in the org graph")
    for kind in kinds:
        key = f"{kind}:{ref}"
        if key in g:
            return key
    wanted = " or ".join(kinds) or "node"
    raise UnknownNode(f"no {wanted} {ref!r} in the org graph (an unknown id, or an entity "
                      "that failed validation)")


def _sources(g: nx.MultiDiGraph, node: str, relation: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for src, _, data in g.in_edges(node, data=True):
        if data.get("relation") == relation:
            yield src, data


def owners(g: nx.MultiDiGraph, responsibility: str, role: str = "accountable") -> list[str]:
    """The distinct nodes holding `role` on a responsibility node, sorted."""
    responsibility = resolve(g, responsibility, "responsibility")
    return sorted({src for src, _ in _sources(g, responsibility, ROLE_RELATION[role])})


def accountable_owners(g: nx.MultiDiGraph, responsibility: str) -> list[str]:
    """The distinct teams or people accountable for a responsibility (node keys, sorted)."""
    return owners(g, responsibility, "accountable")


def claims(g: nx.MultiDiGraph, responsibility: str, role: str) -> list[tuple[str, Any]]:
    """(owner node, site) for every written claim of `role`, duty side first; a site is
    (origin, path below it) and locates the claim."""
    responsibility = resolve(g, responsibility, "responsibility")
    found = list(_sources(g, responsibility, ROLE_RELATION[role]))
    found.sort(key=lambda item: item[1].get("source") != "duty")
    return [(owner, data["site"]) for owner, data in found]


def roles_of(g: nx.MultiDiGraph, responsibility: str, owner: str, source: str) -> set[str]:
    """The RACI roles `owner` holds on a duty, as written on one side ("duty"/"charter")."""
    responsibility = resolve(g, responsibility, "responsibility")
    owner = resolve(g, owner, "team", "person")
    back = {rel: role for role, rel in ROLE_RELATION.items()}
    return {back[d["relation"]] for s, _, d in g.in_edges(responsibility, data=True)
            if s == owner and d.get("source") == source and d.get("relation") in back}


def responsibilities(g: nx.MultiDiGraph) -> list[str]:
    """Every responsibility node."""
    return [n for n, kind in g.nodes(data="kind") if kind == "responsibility"]


def unowned_responsibilities(g: nx.MultiDiGraph) -> list[str]:
    """Responsibility nodes with no accountable owner."""
    return [r for r in responsibilities(g) if not accountable_owners(g, r)]


def is_orphan(g: nx.MultiDiGraph, node: str) -> bool:
    """True when no RACI, membership or ownership edge reaches or leaves the node."""
    node = resolve(g, node, *_ANY)
    return bool(g.degree(node) == 0)


def members(g: nx.MultiDiGraph, team: str) -> list[str]:
    """Person nodes that are members of a team node."""
    team = resolve(g, team, "team")
    return sorted(src for src, _ in _sources(g, team, "member_of"))


def leads(g: nx.MultiDiGraph, team: str) -> list[str]:
    """Person nodes that lead a team node."""
    team = resolve(g, team, "team")
    return sorted(src for src, _ in _sources(g, team, "leads"))


def child_teams(g: nx.MultiDiGraph, team: str) -> list[str]:
    """Team nodes whose parent is `team`."""
    team = resolve(g, team, "team")
    return sorted(dst for _, dst, rel in g.out_edges(team, data="relation") if rel == "parent_of")


def teams_of(g: nx.MultiDiGraph, person: str) -> list[str]:
    """Team nodes a person is a member or lead of."""
    person = resolve(g, person, "person")
    return sorted({dst for _, dst, rel in g.out_edges(person, data="relation")
                   if rel in ("member_of", "leads")})


def parent_view(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The team tree alone, as parent -> child edges (for cycle checks)."""
    import networkx as nx

    view = nx.DiGraph()
    view.add_nodes_from(n for n, k in g.nodes(data="kind") if k == "team")
    view.add_edges_from((u, v) for u, v, rel in g.edges(data="relation") if rel == "parent_of")
    return view


def step_view(g: nx.MultiDiGraph, process: str) -> nx.DiGraph:
    """One process's steps and their `next` edges."""
    import networkx as nx

    process = resolve(g, process, "process")
    view = nx.DiGraph()
    steps = [v for _, v, rel in g.out_edges(process, data="relation") if rel == "has_step"]
    view.add_nodes_from(steps)
    for s in steps:
        view.add_edges_from((s, v) for _, v, rel in g.out_edges(s, data="relation")
                            if rel == "next")
    return view
