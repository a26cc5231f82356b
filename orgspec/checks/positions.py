"""Positions (岗位): open seats, holders outside the team, duties outside the team's
charter, unmeasurable KPIs, and people carrying too much. One pass each, near-linear."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.model.org import Origin, node_key
from orgspec.model.positions import accountable_count, kpi_measurable, kpi_verdict, seats
from orgspec.text.measurable import rewrite_hint


@check("RO001", graph=False)
def position_vacancy(ctx: RuleContext) -> Iterator[Issue]:
    """A position with open seats: vacant holders, no holder, or headcount over holders."""
    org = ctx.org
    for rid, pos in org.positions.items():
        s = seats(org, rid)
        if not s.open:
            continue
        origin = org.origin("Role", rid)
        if s.vacant_at:
            written = pos.holders[s.vacant_at[0]]
            where = origin.locate("holders", s.vacant_at[0]) if _listed(origin, "holders") \
                else origin.locate("holders")
            said = f" (written as {written!r})"
        else:
            where = origin.locate("headcount" if pos.headcount is not None else "id")
            said = ""
        what = "no holder" if s.filled == 0 and s.planned == 1 else \
            f"{s.open} open seat{'s' if s.open > 1 else ''} of {s.planned}"
        yield Issue(f"position {rid!r} has {what}{said}", where, node_key("role", rid),
                    hint="name the person who holds it, or plan who covers its duties "
                         "until it is filled")


def _listed(origin: Origin, field: str) -> bool:
    return isinstance(origin.fmap.node((*origin.path, field)), list)


@check("RO002", graph=False)
def holder_outside_team(ctx: RuleContext) -> Iterator[Issue]:
    """A holder who is neither a member nor the lead of the position's team."""
    org = ctx.org
    for rid, pos in org.positions.items():
        if pos.team not in org.teams:
            continue
        origin = org.origin("Role", rid)
        written: dict[str, int] = {}  # holder -> its first index (not a list search each)
        for i, holder in enumerate(pos.holders):
            written.setdefault(holder, i)
        for pid in org.position_holders[rid]:
            if pos.team in org.person_teams.get(pid, ()):
                continue
            if pid in written:
                i = written[pid]
                where = origin.locate("holders", i) if _listed(origin, "holders") \
                    else origin.locate("holders")
            else:
                person = org.origin("Person", pid)
                where = person.locate("roles", org.people[pid].roles.index(rid)) \
                    if _listed(person, "roles") else person.locate("roles")
            yield Issue(f"{pid!r} holds position {rid!r} but is not on its team "
                        f"{pos.team!r}", where, node_key("role", rid),
                        related=(Related(org.origin("Team", pos.team).locate("members"),
                                         f"members of {pos.team!r}"),),
                        hint=f"add {pid!r} to the members of {pos.team!r}, or move the "
                             "position to the team they work in")


@check("RO003", graph=False)
def position_duty_outside_charter(ctx: RuleContext) -> Iterator[Issue]:
    """A position's duty that its team holds in no role."""
    org = ctx.org
    covered: dict[str, set[str]] = {}  # team id -> the duties it holds in any role
    for claim in org.role_claims:
        pos = org.positions.get(claim.position)
        if pos is None or pos.team not in org.teams \
                or claim.responsibility not in org.responsibilities:
            continue
        if pos.team not in covered:
            holds = org.raci.by_holder.get(node_key("team", pos.team), ())
            covered[pos.team] = {h.duty for h in holds}
        if claim.responsibility in covered[pos.team]:
            continue
        yield Issue(f"position {claim.position!r} holds duty {claim.responsibility!r}, "
                    f"which its team {pos.team!r} does not cover", claim.origin.locate(),
                    node_key("role", claim.position),
                    hint=f"add {claim.responsibility!r} to the charter of {pos.team!r}, or "
                         "give the duty to the position of the team that holds it")


@check("RO004", graph=False)
def kpi_not_measurable(ctx: RuleContext) -> Iterator[Issue]:
    """A KPI without a metric or target value, or vague wording without a number."""
    org = ctx.org
    for rid, pos in org.positions.items():
        for i, kpi in enumerate(pos.kpis):
            v = kpi_verdict(kpi)
            if kpi_measurable(v):
                continue
            if v.vague and not v.target:
                why = f"{', '.join(repr(w) for w in v.vague)} without a target value"
            else:
                why = "no " + ", no ".join(m.removeprefix("a ") for m in v.missing)
            where = org.origin("Role", rid).locate("kpis", i)
            yield Issue(f"KPI {kpi.id or kpi.title!r} of position {rid!r} is not "
                        f"measurable: {why}", where, node_key("role", rid),
                        hint=rewrite_hint(kpi.title))


@check("RO005", graph=False)
def person_overload(ctx: RuleContext) -> Iterator[Issue]:
    """One person accountable for too many duties, or leading/holding too many units."""
    org = ctx.org
    max_a, max_r = int(ctx.options["max_accountable"]), int(ctx.options["max_roles"])
    led: dict[str, int] = {}
    for team in org.teams.values():
        if team.lead in org.people:
            led[team.lead] = led.get(team.lead, 0) + 1
    for pid in org.people:
        held = org.people_positions.get(pid, [])
        hats = led.get(pid, 0) + len(held)
        direct = node_key("person", pid) in org.raci.by_holder
        count = accountable_count(org, pid) if direct or held else 0
        parts = []
        if count > max_a:
            parts.append(f"is accountable for {count} duties (more than {max_a})")
        if hats > max_r:
            parts.append(f"leads {led.get(pid, 0)} teams and holds {len(held)} positions "
                         f"(more than {max_r})")
        if parts:
            yield Issue(f"{pid!r} {' and '.join(parts)}: a single point of failure",
                        org.origin("Person", pid).locate("id"), node_key("person", pid),
                        hint="hand some of it to a deputy or another position")
