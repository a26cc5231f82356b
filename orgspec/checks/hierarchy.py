"""The team tree: no parent cycles, consistent parents and children, one root, sane teams."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.i18n import M
from orgspec.model.graph import named
from orgspec.model.models import is_open_seat, is_unowned
from orgspec.model.org import ident_of, node_key
from orgspec.model.teamtree import pointer_cycles

MAX_CYCLE_NAMES = 20


def _id(node: str) -> str:
    return ident_of(node)


def _children(ctx: RuleContext) -> dict[str, list[str]]:
    """Team id -> the ids of the teams whose `parent` it is, in team order (the org
    graph's `parent_of` edges), once per run."""
    def build() -> dict[str, list[str]]:
        teams = ctx.org.teams
        out: dict[str, list[str]] = {}
        for tid, team in teams.items():
            if team.parent in teams:
                out.setdefault(team.parent, []).append(tid)
        return out

    children: dict[str, list[str]] = ctx.shared.memo("team-children", build)
    return children


@check("HI001", graph=False, kinds=("Team",), text=())
def team_parent_cycle(ctx: RuleContext) -> Iterator[Issue]:
    """One finding per cycle in the parent map (each team has one parent, so a cycle is
    found by walking up from every team: `pointer_cycles`)."""
    teams = ctx.org.teams
    up = {node_key("team", tid): node_key("team", team.parent)
          for tid, team in teams.items() if team.parent in teams}
    for found in pointer_cycles(up):
        component = set(found)
        cycle = _walk_cycle(ctx, _id(min(component)), component)
        # each team by name, as every finding says it (trial 35: ids alone, where HI009
        # names the people of a manager loop)
        shown = " -> ".join(_team_said(ctx, t) for t in [*cycle[:MAX_CYCLE_NAMES], cycle[0]])
        more = M(" (+{n} more)", n=len(cycle) - MAX_CYCLE_NAMES) \
            if len(cycle) > MAX_CYCLE_NAMES else ""
        origin = ctx.org.origin("Team", cycle[0])
        yield Issue(M("teams form a parent cycle: {cycle}{more}", cycle=shown, more=more),
                    origin.locate("parent"), node_key("team", cycle[0]),
                    related=tuple(Related(ctx.org.origin("Team", t).locate("parent"),
                                          M("{team} has parent {parent}", team=t,
                                            parent=ctx.org.teams[t].parent))
                                  for t in cycle[1:MAX_CYCLE_NAMES]),
                    hint=M("every chain of `parent` must end at a root team"),
                    teams=tuple(cycle))


def _team_said(ctx: RuleContext, tid: str) -> str:
    """A team as a reader knows it: its name, with the id beside it (the id alone when it
    has no name of its own)."""
    from orgspec.model.graph import display_name
    from orgspec.model.idnames import said_name_id

    name = display_name(ctx.org.teams[tid], tid)
    return said_name_id(name, tid) if name != tid else tid


def _walk_cycle(ctx: RuleContext, start: str, component: set[str]) -> list[str]:
    """The teams of a cycle in `parent` order, walked iteratively from `start`."""
    order, seen, team = [], set(), start
    while team not in seen and node_key("team", team) in component:
        seen.add(team)
        order.append(team)
        team = ctx.org.teams[team].parent or ""
    return order


@check("HI002", graph=False, kinds=("Team",), text=())
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
                parent = org.teams[child].parent
                # no parent written: not "its parent is None" (trial 32b)
                text = M("team {team!r} lists {child!r} as a child, but {child!r} has no "
                         "`parent`", team=tid, child=child) if parent is None else \
                    M("team {team!r} lists {child!r} as a child, but its parent is {parent!r}",
                      team=tid, child=child, parent=parent)
                yield Issue(text, origin.locate("children", i), node_key("team", tid),
                            hint=M("write `parent: {team}` in {child!r}, or take {child!r} "
                                   "out of `children`", team=tid, child=child),
                            related=(Related(org.origin("Team", child).locate("id"),
                                             M("{id} is defined here", id=child)),),
                            teams=(tid, child, org.teams[child].parent or ""))
        for child in sorted(_children(ctx).get(tid, ())):
            if child not in listed:
                where = org.origin("Team", child).locate("parent")
                yield Issue(M("team {team!r} has parent {parent!r}, which does not list it in "
                              "`children`", team=child, parent=tid), where, node_key("team",
                              child), teams=(child, tid),
                            hint=M("add {team!r} to the `children` of {parent!r}, or leave "
                                   "`children` out there: the `parent` fields say it",
                                   team=child, parent=tid))


@check("HI003", local=True)
def multiple_roots(ctx: RuleContext) -> Iterator[Issue]:
    """With option `root`, every team without a parent other than the root is a second root."""
    root = ctx.options["root"]
    if not root:
        return
    for tid, team in ctx.org.teams.items():
        if team.parent is None and tid != root:
            yield Issue(M("team {team!r} is a second root; the org's root is {root!r}", team=tid,
                          root=root),
                        ctx.org.origin("Team", tid).locate("id"), node_key("team", tid),
                        hint=M("set `parent:` so the team sits under {root!r}", root=root))


@check("HI004", graph=False, kinds=("Team", "Person"), text=())
def lead_not_member(ctx: RuleContext) -> Iterator[Issue]:
    """A team's lead must also be one of its members."""
    for tid, team in ctx.org.teams.items():
        if team.lead in ctx.org.people and team.members and team.lead not in team.members:
            yield Issue(M("lead {lead!r} of team {team!r} is not one of its members",
                            lead=team.lead, team=tid),
                        ctx.org.origin("Team", tid).locate("lead"), node_key("team", tid),
                        hint=M("add {lead} to `members`", lead=team.lead))


def rolled_up(parents: dict[str, str | None], holders: Iterable[str]) -> set[str]:
    """The holders and every team above them: the teams whose subtree holds something.
    Each team is walked up once (near-linear); cycles and unknown parents end the walk."""
    out: set[str] = set()
    for team in holders:
        while team is not None and team in parents and team not in out:
            out.add(team)
            team = parents[team]  # type: ignore[assignment]
    return out


def parent_map(ctx: RuleContext) -> dict[str, str | None]:
    """Team id -> parent id, computed once per run."""
    return ctx.shared.memo("team-parents", lambda: {
        tid: team.parent for tid, team in ctx.org.teams.items()})


# a lead is a person, so an open seat is not a position to name there: the finding itself
# records the seat, and a suppression with an end date who covers it (as RO001's hint)
_LEAD_SEAT = M("write the person who leads it in `lead` once hired; to record who covers the "
               "open seat until then, write on the line above: `# orgspec: ignore[HI005] the "
               "lead of the team above covers until hired`, and add `until=` with the day the "
               "seat is to be filled to have the finding back on that day")


@check("HI005", local=True)
def team_without_lead(ctx: RuleContext) -> Iterator[Issue]:
    """A team with no lead, a placeholder one (`TBD`, `待定`) or an open seat (`待招聘`).
    At the word written (as RF001 and OW002 point at a placeholder), else at an empty
    `lead:` key, else at the team's `id`."""
    for tid, team in ctx.org.teams.items():
        if not team.lead or is_unowned(team.lead):
            origin = ctx.org.origin("Team", tid)
            yield Issue(M("team {id!r} has no lead (written as {value!r})", id=tid,
                          value=team.lead) if team.lead else
                        M("team {id!r} has no lead", id=tid),
                        origin.value("lead") if team.lead else origin.at("lead"),
                        node_key("team", tid),
                        hint=_LEAD_SEAT if is_open_seat(team.lead) else
                        M("name its lead under `lead`: the person who answers for the team"))


@check("HI006", graph=False, kinds=("Team",), text=())
def team_without_members(ctx: RuleContext) -> Iterator[Issue]:
    """A team with no members, when no team below it has members either (a parent whose
    people all sit in its child teams is a grouping)."""
    teams = ctx.org.teams
    staffed = rolled_up(parent_map(ctx), (tid for tid, team in teams.items() if team.members))
    for tid in teams:
        if tid not in staffed:
            yield Issue(M("team {team!r} has no members", team=tid),
                        ctx.org.origin("Team", tid).at("members"), node_key("team", tid),
                        hint=M("list its people under `members`, or make teams with people "
                               "its child teams (`parent: {team}` on them)", team=tid))


@check("HI007", graph=False, kinds=("Team", "Person", "Role"), text=(), names=("Team",))
def person_without_team(ctx: RuleContext) -> Iterator[Issue]:
    """Every person belongs to (or leads) some team. The hint names the teams of the
    positions the person holds (RO002's finding there is held back behind this one:
    `engine.noteam`), else the teams the person's manager leads (a new hire, trial 36)."""
    org = ctx.org
    on_team = org.person_teams  # the org graph's `member_of` and `leads` edges
    for pid in org.people:
        if not on_team.get(pid):
            teams = list(dict.fromkeys(
                str(org.positions[rid].team) for rid in org.people_positions.get(pid, ())
                if org.positions[rid].team in org.teams))
            manager = org.people[pid].manager
            if not teams and manager is not None and manager != pid:
                teams = [tid for tid, team in org.teams.items() if team.lead == manager]
            hint = M("add the person to the `members` of {teams}",
                     teams=[named(org, "Team", t) for t in teams]) if teams else \
                M("add the person to a team's `members`")
            yield Issue(M("person {person!r} is on no team", person=pid),
                        org.origin("Person", pid).locate("id"), node_key("person", pid),
                        hint=hint)


@check("HI008", graph=False, kinds=("Team", "Person"), text=())
def span_of_control(ctx: RuleContext) -> Iterator[Issue]:
    """A team's direct span (members other than the lead, plus child teams) has a limit.
    Read from the teams: the org graph's `member_of`, `leads` and `parent_of` edges."""
    limit = int(ctx.options["max"])
    # the people each team names, known ids only, as HI007 and the other person-to-team
    # rules read them: not every member looked up again among all the people (a page of
    # memory per person at 50,000 people)
    named, children = ctx.org.team_people, _children(ctx)
    for tid, team in ctx.org.teams.items():
        pids = named[tid]
        staff = len(pids) - (1 if pids and pids[0] == team.lead else 0)
        span = staff + len(children.get(tid, ()))
        if span > limit:
            yield Issue(M("team {team!r} has a span of control of {span} (members and child "
                          "teams), over the limit of {limit}", team=tid, span=span, limit=limit),
                        ctx.org.origin("Team", tid).locate("id"), node_key("team", tid),
                        hint=M("split the team or add a level"))


@check("HI009", graph=False, kinds=("Person",), text=())
def manager_loop(ctx: RuleContext) -> Iterator[Issue]:
    """A person who is their own `manager`, or people whose managers lead round in a loop:
    one finding per loop, at the `manager` of its first member in file order."""
    people = ctx.org.people
    order = {pid: i for i, pid in enumerate(people)}
    up = {pid: person.manager for pid, person in people.items() if person.manager in people}
    for found in pointer_cycles(up):
        first = min(range(len(found)), key=lambda i: order[found[i]])
        cycle = [*found[first:], *found[:first]]
        head = cycle[0]
        where = ctx.org.origin("Person", head).locate("manager")
        if len(cycle) == 1:
            yield Issue(M("{person} is their own manager", person=_said(ctx, head)), where,
                        node_key("person", head),
                        hint=M("set `manager:` to the person they report to, or leave it out"))
            continue
        shown = " -> ".join(_said(ctx, p) for p in [*cycle[:MAX_CYCLE_NAMES], head])
        more = M(" (+{n} more)", n=len(cycle) - MAX_CYCLE_NAMES) \
            if len(cycle) > MAX_CYCLE_NAMES else ""
        yield Issue(M("managers form a loop: {cycle}{more}", cycle=shown, more=more), where,
                    node_key("person", head),
                    related=tuple(Related(ctx.org.origin("Person", p).locate("manager"),
                                          M("{person} reports to {manager}",
                                            person=_said(ctx, p),
                                            manager=_said(ctx, people[p].manager or "")))
                                  for p in cycle[1:MAX_CYCLE_NAMES]),
                    hint=M("every chain of `manager` must end at someone who reports to "
                           "nobody in the org"))


def _said(ctx: RuleContext, pid: str) -> str:
    """A person as a reader knows them: their name, with the id beside it."""
    name = ctx.org.people[pid].name if pid in ctx.org.people else ""
    return f"{name} ({pid})" if name and name != pid else pid
