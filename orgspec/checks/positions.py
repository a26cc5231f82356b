"""Positions (岗位): open seats, holders outside the team, duties outside the team's
charter, unmeasurable KPIs, and people carrying too much. One pass each, near-linear."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from orgspec.checks.holderteams import holder_teams, teams_hint
from orgspec.engine.context import RuleContext
from orgspec.engine.holdback import value_words
from orgspec.engine.registry import check
from orgspec.engine.rolesslip import Slip, open_seat_slips, roles_slip
from orgspec.findings import Issue, Related
from orgspec.i18n import M
from orgspec.model.models import is_vacant
from orgspec.model.org import Org, Origin, RoleClaim, ident_of, node_key
from orgspec.model.positions import accountable_count, kpi_measurable, kpi_verdict, seats
from orgspec.model.teamtree import TeamTree
from orgspec.model.unresolved import meant
from orgspec.text.measurable import MISSING, kpi_hint


@check("RO001", graph=False, kinds=("Role", "Person", "Team"), text=(), names=("Person",))
def position_vacancy(ctx: RuleContext) -> Iterator[Issue]:
    """A position with open seats: vacant holders, no holder, or headcount over holders."""
    org = ctx.org
    for rid, pos in org.positions.items():
        s = seats(org, rid)
        if not s.open:
            continue
        origin = org.origin("Role", rid)
        # the seats written open (`holders: [待招聘]`) are open seats as written; the rest
        # are those `headcount` plans beyond them (trial 34's leftover: '2 open seats
        # (written as '待招聘')' where one was written so)
        written_open = min(s.open, len(s.vacant_at))
        if written_open:
            written = pos.holders[s.vacant_at[0]]
            where = origin.locate("holders", s.vacant_at[0]) if _listed(origin, "holders") \
                else origin.locate("holders")
            said: str = M(" (written as {value!r})", value=written) \
                if written_open == s.open else \
                M(" ({written} written as {value!r}, {more} more from `headcount: {n}`)",
                  written=written_open, value=written, more=s.open - written_open,
                  n=pos.headcount)
        else:
            where = origin.locate("headcount" if pos.headcount is not None else "id")
            said = ""
        what = M("no holder") if s.filled == 0 and s.planned == 1 else \
            M("{open} open seats of {planned}", open=s.open, planned=s.planned) if s.open > 1 \
            else M("{open} open seat of {planned}", open=s.open, planned=s.planned)
        yield Issue(M("position {position!r} has {what}{said}", position=rid, what=what,
                      said=said), where, node_key("role", rid),
                    hint=_vacancy_hint(org, pos.team))


# No field records who covers an open seat (trial 32: the hint asked for one the user could
# not find); a suppression's end date and reason can, and the finding is back on that date.
# No date in the example: one fixed here goes by, and the suppression copied as told
# is then an expired one (SU002) with the finding still there (trial 32b).
def _vacancy_hint(org: Org, team: str | None) -> M:
    """RO001's hint, its example reason naming who would cover: the lead of the position's
    `team` by name, else the team lead in general words (a name made up, or another
    team's lead, reads as a suggestion: trial 33a)."""
    found = org.teams.get(team) if team else None
    lead = org.people.get(str(found.lead)) if found is not None and found.lead else None
    name = (lead.name or "").strip() if lead is not None else ""
    if name and not any(c in name for c in "`\n\r"):
        return M("write the person who holds it in `holders`; to record who covers it until "
                 "then, write on the line above: `# orgspec: ignore[RO001] {lead} covers "
                 "until hired`, and add `until=` with the day the seat is to be filled to "
                 "have the finding back on that day", lead=name)
    return M("write the person who holds it in `holders`; to record who covers it until "
             "then, write on the line above: `# orgspec: ignore[RO001] the team lead covers "
             "until hired`, and add `until=` with the day the seat is to be filled to have "
             "the finding back on that day")


def _listed(origin: Origin, field: str) -> bool:
    return isinstance(origin.fmap.node((*origin.path, field)), list)


def _tree(ctx: RuleContext) -> TeamTree:
    return ctx.shared.memo("team-tree", lambda: TeamTree(ctx.org))


def _within(tree: TeamTree, team: str, below: str) -> bool:
    """True when `below` is `team` or a team under it (a team's subtree counts)."""
    return below == team or tree.is_ancestor(team, below)


@check("RO002", graph=False, text=(), names=("Team", "Person"))
def holder_outside_team(ctx: RuleContext) -> Iterator[Issue]:
    """A holder who is neither a member nor the lead of the position's team or of a team
    below it. When none of a position's holders is on its team, each of them is on some
    team, and that makes two findings or more with its duties outside the team's charter
    (RO003), the `team:` is the one mistake: one finding there (`wrong_team`), each RO003
    of the position held back behind it (`engine.noteam.duties_behind`)."""
    org = ctx.org
    tree = _tree(ctx)
    # `members: [林雪]` names lin-xue but no id: that is RF001's one finding. Person ->
    # the teams naming them so; listed only once a holder is on none of the team's teams.
    unknown: dict[str, list[str]] | None = None
    held: set[str] | None = None
    for rid, pos in org.positions.items():
        team = pos.team
        if team is None or team not in org.teams:
            continue
        holders = org.position_holders[rid]
        off: list[str] = []
        for pid in holders:
            if any(_within(tree, team, t) for t in org.person_teams.get(pid, ())):
                continue
            if unknown is None:
                unknown = _named_unresolved(org)
            if any(_within(tree, team, t) for t in unknown.get(pid, ())):
                continue
            if held is None:
                held = _on_held_teams(org)
            if pid in held:
                continue  # on a team held as invalid (`kind: 团队`): where is not known
            off.append(pid)
        if not off:
            continue
        if len(off) == len(holders) and all(org.person_teams.get(p) for p in off):
            duties = _duties_outside(ctx, rid, team)
            if len(off) + len(duties) > 1:
                yield wrong_team(ctx, rid, team, off, duties)
                continue
        for pid in off:
            yield _outside(org, rid, team, pid)


def _outside(org: Org, rid: str, team: str, pid: str) -> Issue:
    """RO002 on one holder of position `rid` of `team`, at the holder in `holders` (or the
    position in their `roles`)."""
    pos = org.positions[rid]
    # found only now: most positions' holders are on their teams, and the origin
    # is a look-up among every entity of the org (dearer per item the bigger it is)
    origin = org.origin("Role", rid)
    written: dict[str, int] = {}  # holder -> its first index
    for i, holder in enumerate(pos.holders):
        written.setdefault(holder, i)
    if pid in written:
        i = written[pid]
        where = origin.locate("holders", i) if _listed(origin, "holders") \
            else origin.locate("holders")
    else:
        person = org.origin("Person", pid)
        where = person.locate("roles", org.people[pid].roles.index(rid)) \
            if _listed(person, "roles") else person.locate("roles")
    return Issue(M("{person!r} holds position {position!r} but is not on its team "
                   "{team!r}", person=pid, position=rid, team=team), where,
                 node_key("role", rid),
                 related=(_members_of(org, team),),
                 hint=M("add {person!r} to the members of {team!r}, or move the "
                        "position to the team they work in", person=pid, team=team))


def wrong_team(ctx: RuleContext, rid: str, team: str, off: list[str],
               duties: list[str]) -> Issue:
    """RO002 at the `team:` (`team`) of position `rid`, none of whose holders (`off`, each
    on some team) is on it; `duties`: its duties the team's charter does not cover. The hint names
    the team the holders share, when there is one outside the position's team's line, else
    the teams each holder is on (`holderteams`: a team split in two). MT004 on those duties
    naming `team` is held back behind it too (`engine.noteam.duties_behind`)."""
    org = ctx.org
    values = {"position": rid, "team": team, "holders": off}
    if duties:
        message = M("{holders} hold position {position!r}, but none of them is on its team "
                    "{team!r}, whose charter does not cover its duties {duties} either",
                    duties=duties, **values)
    else:
        message = M("{holders} hold position {position!r}, but none of them is on its team "
                    "{team!r}", **values)
    shared = _shared_team(ctx, team, off)
    if shared is not None:
        hint = M("if the position belongs to {shared!r}, where its holders are, write "
                 "`team: {id}`; otherwise add its holders to {team!r}", shared=shared,
                 id=shared, team=team)
    elif (placed := holder_teams(org, rid, team, off)) is not None:
        hint = teams_hint(placed, team)  # a team split in two: each holder's new team
    else:
        hint = M("write the team the position belongs to in `team:`, or add its holders to "
                 "{team!r}", team=team)
    origin = org.origin("Role", rid)
    return Issue(message, origin.locate("team"), node_key("role", rid),
                 related=(_members_of(org, team),), hint=hint)


def _members_of(org: Org, team: str) -> Related:
    """RO002's related location: the team's `members`, or, when it lists none, its id (where
    the entity is named, not the `- kind: Team` line it starts on), said so."""
    origin = org.origin("Team", team)
    node = origin.fmap.node(origin.path)
    if isinstance(node, dict) and "members" in node:
        return Related(origin.locate("members"), M("members of {team!r}", team=team))
    return Related(origin.locate("id"), M("team {team!r}, which lists no members", team=team))


def _shared_team(ctx: RuleContext, team: str, people: list[str]) -> str | None:
    """The lowest team every one of `people` is on or below, when it is neither `team`'s
    nor one of its ancestors (that would not be a move); None when there is none."""
    org = ctx.org
    tree = _tree(ctx)
    common: list[str] | None = None  # the teams from the first person's team up, in order
    for pid in people:
        line: list[str] = []
        for t in sorted(org.person_teams.get(pid, ())):
            line.extend(x for x in _up(org, t) if x not in line)
        common = line if common is None else [t for t in common if t in line]
    for t in common or ():
        if t != team and not tree.is_ancestor(t, team):
            return t
    return None


def _up(org: Org, team: str) -> list[str]:
    """`team` and the teams above it, nearest first (a cycle stops where it repeats)."""
    out: list[str] = []
    at: str | None = team
    while at is not None and at in org.teams and at not in out:
        out.append(at)
        at = org.teams[at].parent
    return out


def _duties_outside(ctx: RuleContext, rid: str, team: str) -> list[str]:
    """The duties position `rid` holds that neither its team `team` nor a team below it
    holds in any role (RO003's), in the order its claims were written."""
    out: list[str] = []
    for claim in _claims(ctx).get(rid, ()):
        if _outside_charter(ctx, team, claim.responsibility) and \
                claim.responsibility not in out:
            out.append(claim.responsibility)
    return out


def _claims(ctx: RuleContext) -> dict[str, list[RoleClaim]]:
    def index() -> dict[str, list[RoleClaim]]:
        out: dict[str, list[RoleClaim]] = {}
        for claim in ctx.org.role_claims:
            out.setdefault(claim.position, []).append(claim)
        return out

    return ctx.shared.memo("position-claims", index)


def _outside_charter(ctx: RuleContext, team: str, duty: str) -> bool:
    """Whether `duty` is known and neither `team` nor a team below it holds it; answered
    once per (team, duty) in a run (a charter and a position listing one duty 999 times
    walked its 5,000 holdings per entry: 7 s)."""
    answers: dict[tuple[str, str], bool] = ctx.shared.memo("outside-charter", dict)
    found = answers.get((team, duty))
    if found is None:
        org = ctx.org
        tree = _tree(ctx)
        teams = {h.holder[5:] for h in org.raci.by_duty.get(duty, ())
                 if h.holder.startswith("team:")}
        found = answers[team, duty] = duty in org.responsibilities and \
            not any(_within(tree, team, t) for t in teams)
    return found


# Teams: a slip in `roles` is a position of a team the person is not on (`engine.rolesslip`)
@check("RO006", graph=False, kinds=("Person", "Role", "Team"), text=())
def holders_roles_mismatch(ctx: RuleContext) -> Iterator[Issue]:
    """A position's `holders` and people's `roles` that disagree, once per position, at its
    `holders`: a person lists the position in `roles` but its `holders` (naming someone)
    do not name them, or a holder's `roles` (written) do not list it. Both sides are read
    as holding it; each person's side is a related location. `holders: [待招聘]` names no
    one: a person's `roles` fill a seat of it (`model.positions.seats`), unless they list
    a position of another team in place of it, the one open position of their team: that
    slip is said at it (`open_seat_slips`)."""
    org = ctx.org
    written = {rid: set(pos.holders) for rid, pos in org.positions.items()
               if any(not is_vacant(h) for h in pos.holders)}
    claims: dict[str, list[Related]] = {}  # position -> people whose roles name it wrongly
    for pid, person in org.people.items():
        for i, rid in enumerate(person.roles):
            if rid in written and pid not in written[rid] and person.roles.index(rid) == i:
                origin = org.origin("Person", pid)
                claims.setdefault(rid, []).append(Related(
                    origin.locate("roles", i) if _listed(origin, "roles")
                    else origin.locate("roles"),
                    M("{person!r} lists {position!r} in `roles`, but is not one of its "
                      "`holders`", person=pid, position=rid)))
    for rid, pos in org.positions.items():
        related = list(claims.get(rid, ()))
        slips: list[Slip] = []
        for i, pid in enumerate(pos.holders):
            holder = org.people.get(pid)
            if holder is not None and holder.roles and rid not in holder.roles and \
                    pos.holders.index(pid) == i:
                slip = roles_slip(org, _tree(ctx), rid, pid)
                if slip is not None:
                    slips.append(slip)
                related.append(_holder_related(org, pid, slip))
        if not related:
            continue
        related.sort(key=lambda r: (r.location.file, r.location.line, r.location.col))
        if len(related) == 1 and len(slips) == 1:
            # one slip in one person's `roles`: this finding says it; the RO002 (and more)
            # it makes are held back behind it (`engine.rolesslip`)
            hint = _slip_hint(org, slips[0])
        else:
            hint = M("make both sides say the same, or write who holds {position!r} on "
                     "one side only (its `holders`, or each person's `roles`)", position=rid)
        yield Issue(M("the `holders` of position {position!r} and the `roles` of the people "
                      "disagree on who holds it", position=rid),
                    org.origin("Role", rid).locate("holders"), node_key("role", rid),
                    related=tuple(related), hint=hint)
    for slip in open_seat_slips(org, _tree(ctx)):
        yield _open_seat_slip(org, slip)


def _open_seat_slip(org: Org, slip: Slip) -> Issue:
    """RO006 at the open seat of position `slip.meant` (where RO001 would say it), its
    related location the position of another team `slip.person` lists in `roles`. An open
    seat is weaker evidence than `holders` naming them: the hint says the other way out
    too (they hold that position: on its team, RO001 then says the seat)."""
    pos = org.positions[slip.meant]
    origin = org.origin("Role", slip.meant)
    vacant = [i for i, h in enumerate(pos.holders) if is_vacant(h)]
    if vacant:
        where = origin.locate("holders", vacant[0]) if _listed(origin, "holders") \
            else origin.locate("holders")
        said: str = M(" (written as {value!r})", value=pos.holders[vacant[0]])
    else:
        where = origin.locate("headcount" if pos.headcount is not None else "id")
        said = ""
    person = org.origin("Person", slip.person)
    at = person.locate("roles", org.people[slip.person].roles.index(slip.listed)) \
        if _listed(person, "roles") else person.locate("roles")
    own = str(pos.team)
    roles = [slip.meant if r == slip.listed else r for r in org.people[slip.person].roles]
    fix = "roles: [" + ", ".join(dict.fromkeys(roles)) + "]"
    return Issue(
        M("position {position!r} has an open seat{said}, and {person!r}, on its team "
          "{own!r}, lists a position of another team in `roles`", position=slip.meant,
          said=said, person=slip.person, own=own),
        where, node_key("role", slip.meant),
        related=(Related(at, M("{person!r} lists {listed!r} here, a position of {team!r}, "
                               "which they are not on", person=slip.person,
                               listed=slip.listed, team=slip.team)),),
        hint=M("{person!r} lists {listed!r} in `roles` (line {line}), a position of {team!r}, "
               "which they are not on, while {position!r}, a position of their team {own!r}, "
               "has an open seat: write `{fix}`; if they do hold {listed!r}, add them to the "
               "members of {team!r} instead", person=slip.person, listed=slip.listed,
               team=slip.team, position=slip.meant, own=own, line=person.locate("roles").line,
               fix=fix, slip=True, open=True))


def _holder_related(org: Org, pid: str, slip: Slip | None) -> Related:
    """RO006's related location for holder `pid` whose `roles` do not list the position:
    their `roles`, or the position of another team they list there by mistake (`slip`)."""
    origin = org.origin("Person", pid)
    if slip is None:
        return Related(origin.locate("roles"), M(
            "{person!r} is one of its `holders`, but their `roles` do not list it",
            person=pid))
    at = origin.locate("roles", org.people[pid].roles.index(slip.listed)) \
        if _listed(origin, "roles") else origin.locate("roles")
    return Related(at, M("{person!r} is one of its `holders`, but their `roles` list "
                         "{listed!r} here, a position of {team!r}, which they are not on",
                         person=pid, listed=slip.listed, team=slip.team))


def _slip_hint(org: Org, slip: Slip) -> M:
    """RO006's hint for `slip`: the `roles` to write, the meant position in place of the
    listed one, on the line where they are written."""
    roles = [slip.meant if r == slip.listed else r for r in org.people[slip.person].roles]
    fix = "roles: [" + ", ".join(dict.fromkeys(roles)) + "]"
    line = org.origin("Person", slip.person).locate("roles").line
    return M("{person!r} lists {listed!r} in `roles` (line {line}), a position of {team!r}, "
             "which they are not on, while {position!r}, a position of their team {own!r}, names "
             "them in its `holders`: write `{fix}`", person=slip.person, listed=slip.listed,
             team=slip.team, position=slip.meant, own=org.positions[slip.meant].team,
             line=line, fix=fix, slip=True)


def _named_unresolved(org: Org) -> dict[str, list[str]]:
    """Person id -> the teams whose `lead` or `members` name them other than by id (by
    name, or in one item of several ids: `members: [chen， sun]`); a name two people share
    names each of them."""
    out: dict[str, list[str]] = {}
    for ref in meant(org):
        if ref.field in ("Team.lead", "Team.members"):
            for pid in ref.parts or ((ref.meant,) if ref.meant is not None else
                                     ref.candidates):
                out.setdefault(pid, []).append(ident_of(ref.entity))
    return out


def _on_held_teams(org: Org) -> set[str]:
    """The people the dropped `lead` or `members` of a team name: a team held as invalid
    (`kind: 团队`, `id: 马尼拉客服组`) or a duplicate's copy, whose place is not known."""
    out: set[str] = set()
    for key, dropped in org.incomplete.items():
        if key.startswith("team:") and "/" not in key:
            for name in ("lead", "members"):
                out.update(value_words(dropped.get(name)))
    return out


@check("RO003", graph=False, text=())
def position_duty_outside_charter(ctx: RuleContext) -> Iterator[Issue]:
    """A position's duty that neither its team nor a team below it holds in any role.
    Each claim looks only at the holders of its own duty (near-linear). Held back behind
    RO002 at a position's wrong `team:` (`engine.noteam.duties_behind`)."""
    org = ctx.org
    for claim in org.role_claims:
        pos = org.positions.get(claim.position)
        if pos is None or pos.team not in org.teams \
                or not _outside_charter(ctx, pos.team, claim.responsibility):
            continue
        yield Issue(M("position {position!r} holds duty {duty!r}, which its team {team!r} "
                      "does not cover", position=claim.position, duty=claim.responsibility,
                      team=pos.team), claim.origin.locate(),
                    node_key("role", claim.position),
                    hint=M("add {duty!r} to the charter of {team!r}, or give the duty to "
                           "the position of the team that holds it",
                           duty=claim.responsibility, team=pos.team))


@check("RO004", local=True)
def kpi_not_measurable(ctx: RuleContext) -> Iterator[Issue]:
    """A KPI without a metric or target value, or vague wording without a number."""
    org = ctx.org
    for rid, pos in org.positions.items():
        for i, kpi in enumerate(pos.kpis):
            v = kpi_verdict(kpi)
            if kpi_measurable(v):
                continue
            if v.vague and not v.target:
                why: object = M("{words} without a target value",
                                words=[repr(w) for w in v.vague])
            else:
                why = [MISSING[m] for m in v.missing]
            where = org.origin("Role", rid).locate("kpis", i)
            yield Issue(M("KPI {kpi!r} of position {position!r} is not measurable: {why}",
                          kpi=kpi.id or kpi.title, position=rid, why=why), where, node_key("role",
                          rid),
                        hint=kpi_hint(kpi.title))


@check("RO005", graph=False, text=())
def person_overload(ctx: RuleContext) -> Iterator[Issue]:
    """One person accountable for too many duties, or leading/holding too many units."""
    org = ctx.org
    max_a, max_r = int(ctx.options["max_accountable"]), int(ctx.options["max_roles"])
    led: dict[str, int] = {}
    for team in org.teams.values():
        if team.lead in org.people:
            led[team.lead] = led.get(team.lead, 0) + 1
    # Only someone who leads, holds a position or holds a duty themself can be over a
    # limit: the others are not visited (one key built and looked up per person was most
    # of the rule), unless a limit is below zero.
    direct = dict.fromkeys(h[7:] for h in org.raci.by_holder if h.startswith("person:"))
    # the busy people themselves, not every person tested against them, each with what the
    # table it comes from holds for them (their positions, the teams they lead): a person's
    # id lies on its own page of memory, and a look-up per table per person (20,000 at
    # 5,000 teams, in tables of 5,000-15,000) took 0.8 -> 13.3 ms (16.7x for 10x the
    # org). The order is fixed (holders, leads, direct holders); findings are sorted later.
    positions = org.people_positions
    if min(max_a, max_r) < 0:
        busy: Iterable[tuple[str, list[str], int]] = (
            (pid, positions.get(pid, []), led.get(pid, 0)) for pid in org.people)
    else:
        busy = chain(((pid, held, led.get(pid, 0)) for pid, held in positions.items()),
                     ((pid, [], n) for pid, n in led.items() if pid not in positions),
                     ((pid, [], 0) for pid in direct if pid not in positions and pid not in led))
    for pid, held, leads in busy:
        hats = leads + len(held)
        count = accountable_count(org, pid) if held or pid in direct else 0
        parts: list[str] = []
        if count > max_a:
            parts.append(M("is accountable for 1 duty (more than {max})", max=max_a)
                         if count == 1 else
                         M("is accountable for {count} duties (more than {max})", count=count,
                           max=max_a))
        if hats > max_r:
            parts.append(_hats(leads, len(held), max_r))
        if parts:
            what = parts[0] if len(parts) == 1 else M("{first} and {second}", first=parts[0],
                                                      second=parts[1])
            # the count and the limit kept for `engine.rolesslip`: a position of another
            # team listed by mistake in `roles` may be the one over the limit
            yield Issue(M("{person!r} {what}: a single point of failure", person=pid,
                          what=what, hats=hats, most=max_r, accountable=count > max_a),
                        org.origin("Person", pid).locate("id"), node_key("person", pid),
                        hint=M("hand some of it to a deputy or another position"))


def _hats(teams: int, positions: int, most: int) -> M:
    """RO005's `leads 1 team and holds 2 positions (3 teams and positions, more than 2)`,
    in the right number, and without a part that is zero."""
    led = M("leads 1 team") if teams == 1 else M("leads {n} teams", n=teams)
    held = M("holds 1 position") if positions == 1 else M("holds {n} positions", n=positions)
    if not positions:
        return M("{what} (more than {max})", what=led, max=most)
    if not teams:
        return M("{what} (more than {max})", what=held, max=most)
    # the limit is on teams and positions together: `holds 2 positions (more than 2)`
    # read as if 2 were more than 2 (trial 34's leftover)
    return M("{led} and {held} ({n} teams and positions, more than {max})", led=led,
             held=held, n=teams + positions, max=most)
