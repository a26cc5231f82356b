"""The team tree: no parent cycles, consistent parents and children, one root, sane teams."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.model.graph import child_teams, leads, members, parent_view, teams_of
from orgspec.model.org import ident_of, node_key

MAX_CYCLE_NAMES = 20


def _id(node: str) -> str:
    return ident_of(node)


@check("HI001")
def team_parent_cycle(ctx: RuleContext) -> Iterator[Issue]:
    """One finding per cycle in the parent map, found with strongly connected components."""
    import networkx as nx

    view = parent_view(ctx.graph)
    for component in nx.strongly_connected_components(view):
        first = min(component)
        if len(component) == 1 and not view.has_edge(first, first):
            continue
        cycle = _walk_cycle(ctx, _id(first), component)
        shown = " -> ".join(cycle[:MAX_CYCLE_NAMES])
        more = f" (+{len(cycle) - MAX_CYCLE_NAMES} more)" if len(cycle) > MAX_CYCLE_NAMES else ""
        origin = ctx.org.origin("Team", cycle[0])
        yield Issue(f"teams form a parent cycle: {shown} -> {cycle[0]}{more}",
                    origin.locate("parent"), node_key("team", cycle[0]),
                    related=tuple(Related(ctx.org.origin("Team", t).locate("parent"),
                                          f"{t} has parent {ctx.org.teams[t].parent}")
                                  for t in cycle[1:MAX_CYCLE_NAMES]),
                    hint="every chain of `parent` must end at a root team")


def _walk_cycle(ctx: RuleContext, start: str, component: set[str]) -> list[str]:
    """The teams of a cycle in `parent` order, walked iteratively from `start`."""
    order, seen, team = [], set(), start
    while team not in seen and node_key("team", team) in component:
        seen.add(team)
        order.append(team)
        team = ctx.org.teams[team].parent or ""
    return order


@check("HI002")
def parent_children_mismatch(ctx: RuleContext) -> Iterator[Issue]:
    """Where a team lists `children`, they and the children's `parent` fields must agree."""
    org = ctx.org
    for tid, team in org.teams.items():
        if team.children is None:
            continue
        origin = org.origin("Team", tid)
        listed = set(team.children)
        for i, child in enumerate(team.children):
            if child in org.teams and org.teams[child].parent != tid:
                yield Issue(f"team {tid!r} lists {child!r} as a child, but its parent "
                            f"is {org.teams[child].parent!r}", origin.locate("children", i),
                            node_key("team", tid),
                            related=(Related(org.origin("Team", child).locate("id"),
                                             f"{child} is defined here"),))
        for child in child_teams(ctx.graph, node_key("team", tid)):
            if _id(child) not in listed:
                where = org.origin("Team", _id(child)).locate("parent")
                yield Issue(f"team {_id(child)!r} has parent {tid!r}, which does not "
                            "list it in `children`", where, node_key("team", _id(child)))


@check("HI003", graph=False)
def multiple_roots(ctx: RuleContext) -> Iterator[Issue]:
    """With option `root`, every team without a parent other than the root is a second root."""
    root = ctx.options["root"]
    if not root:
        return
    for tid, team in ctx.org.teams.items():
        if team.parent is None and tid != root:
            yield Issue(f"team {tid!r} is a second root; the org's root is {root!r}",
                        ctx.org.origin("Team", tid).locate("id"), node_key("team", tid),
                        hint=f"set `parent:` so the team sits under {root!r}")


@check("HI004", graph=False)
def lead_not_member(ctx: RuleContext) -> Iterator[Issue]:
    """A team's lead must also be one of its members."""
    for tid, team in ctx.org.teams.items():
        if team.lead in ctx.org.people and team.members and team.lead not in team.members:
            yield Issue(f"lead {team.lead!r} of team {tid!r} is not one of its members",
                        ctx.org.origin("Team", tid).locate("lead"), node_key("team", tid),
                        hint=f"add {team.lead} to `members`")


@check("HI007")
def person_without_team(ctx: RuleContext) -> Iterator[Issue]:
    """Every person belongs to (or leads) some team."""
    for pid in ctx.org.people:
        if not teams_of(ctx.graph, node_key("person", pid)):
            yield Issue(f"person {pid!r} is on no team",
                        ctx.org.origin("Person", pid).locate("id"), node_key("person", pid),
                        hint="add the person to a team's `members`")


@check("HI008")
def span_of_control(ctx: RuleContext) -> Iterator[Issue]:
    """A team's direct span (members other than the lead, plus child teams) has a limit."""
    limit = int(ctx.options["max"])
    g = ctx.graph
    for tid in ctx.org.teams:
        node = node_key("team", tid)
        people = set(members(g, node)) - set(leads(g, node))
        span = len(people) + len(child_teams(g, node))
        if span > limit:
            yield Issue(f"team {tid!r} has a span of control of {span} (members and "
                        f"child teams), over the limit of {limit}",
                        ctx.org.origin("Team", tid).locate("id"), node,
                        hint="split the team or add a level")
