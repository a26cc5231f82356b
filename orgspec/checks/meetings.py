"""Meetings and coordination (沟通机制): every meeting owned, recurring and attended; every
hand-off between two teams covered by a meeting or channel both attend. Near-linear: team
pairs come only from shared duties and process hand-offs, never from all pairs of teams."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.i18n import M
from orgspec.model.models import ROLES, is_placeholder
from orgspec.model.org import Hold, Org, Origin, node_key
from orgspec.model.positions import Presence, cadence_of, is_open_owner, presence

CADENCE_HINT = M("write daily (every day, weekends too), weekly, biweekly, monthly, quarterly, "
                 "half-yearly or yearly (每日, 每周, 双周, 每月, 每季度, 每半年, 每年), optionally "
                 "with weekdays and a time (每周一 10:00, 工作日 9:30, 隔周三 14:00, weekdays "
                 "9:30, every other Wednesday 2pm), a day of the month (每月15日, "
                 "每月最后一个工作日, monthly on the 15th; 每月初一 is the 1st), a date or "
                 "festival of the year (每年3月1日, 每年双十一前两周, 每年春节前) or a lunar day "
                 "(每逢农历十五, 每年农历正月初八)")


@check("MT001", local=True)
def meeting_without_owner(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting with no owner, or a placeholder one."""
    for mid, meeting in ctx.org.meetings.items():
        if is_open_owner(meeting.owner):
            origin = ctx.org.origin("Meeting", mid)
            said = M(" (written as {value!r})", value=meeting.owner) if meeting.owner else ""
            yield Issue(M("meeting {meeting!r} has no owner{said}", meeting=mid, said=said),
                        origin.locate("owner" if meeting.owner else "id"),
                        node_key("meeting", mid),
                        hint=M("name the team, position or person who chairs it"))


@check("MT002", local=True)
def meeting_without_cadence(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting with no cadence, or one that is not recognised."""
    for mid, meeting in ctx.org.meetings.items():
        if cadence_of(meeting.cadence) is not None:
            continue
        origin = ctx.org.origin("Meeting", mid)
        if meeting.cadence is None:
            yield Issue(M("meeting {meeting!r} has no cadence", meeting=mid), origin.locate("id"),
                        node_key("meeting", mid), hint=CADENCE_HINT)
        else:
            yield Issue(M("meeting {meeting!r} has an unrecognised cadence {cadence!r}",
                          meeting=mid, cadence=meeting.cadence),
                        origin.locate("cadence"), node_key("meeting", mid), hint=CADENCE_HINT)


ZONE_HINT = M("write an IANA time zone name, e.g. timezone: America/Los_Angeles, Asia/Shanghai "
              "or Asia/Singapore (or UTC+8)")


@check("MT006", local=True)
def meeting_time_zone(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting whose time zone cannot be used: ambiguous (CST, IST), unknown, or said two
    ways that disagree (a `timezone:` and a zone in the cadence)."""
    from orgspec.model.schedule import schedule_of
    from orgspec.text.timezones import ambiguous, as_written, closest_zone, read_zone

    for mid, meeting in ctx.org.meetings.items():
        origin = ctx.org.origin("Meeting", mid)
        field = read_zone(meeting.timezone) if meeting.timezone else ""
        said = schedule_of(meeting.cadence)
        for zone, written, where in (
                (field, meeting.timezone or "", "timezone"),
                (said.zone, as_written(meeting.cadence or "", said.zone_said), "cadence")):
            if not zone.startswith("?"):
                continue
            choices = ambiguous(zone)
            if choices and where == "cadence" and field and not field.startswith("?"):
                # `每周三 16:00 CST` with `timezone: Asia/Manila`: the field says the zone
                yield _abbreviation_beside(mid, origin, written, choices, field)
                continue
            close = None if choices else closest_zone(written)  # `Asia/Manilla`
            message = M("meeting {meeting!r} gives time zone {zone!r}, which names more than "
                        "one zone ({choices})", meeting=mid, zone=written,
                        choices=list(choices)) if choices else \
                M("meeting {meeting!r} gives time zone {zone!r}, which is not a known time "
                  "zone", meeting=mid, zone=written)
            hint = M("did you mean `{name}`?", name=close) if close else \
                ZONE_HINT if not choices else \
                M("write the one meant as `timezone:` ({choices})",
                  choices=" / ".join(choices)) if where == "timezone" else \
                M("write the one meant as `timezone:` ({choices}) and leave the "
                  "abbreviation out of the cadence", choices=" / ".join(choices))
            yield Issue(message, origin.locate(where), node_key("meeting", mid), hint=hint)
        if field and said.zone and not field.startswith("?") and \
                not said.zone.startswith("?") and field != said.zone:
            yield Issue(M("meeting {meeting!r} gives its time in {said!r} ({zone}) but its "
                          "timezone is {field!r}", meeting=mid,
                          said=as_written(meeting.cadence or "", said.zone_said),
                          zone=said.zone, field=field),
                        origin.locate("cadence"), node_key("meeting", mid),
                        hint=M("keep one of them: the zone in the cadence or `timezone:`"))


def _abbreviation_beside(mid: str, origin: Origin, written: str, choices: tuple[str, ...],
                         field: str) -> Issue:
    """MT006 for an abbreviation of several zones in the cadence (`CST`) of a meeting whose
    `timezone:` names one zone: which of them, if any, the field is."""
    if field in choices:
        return Issue(M("meeting {meeting!r} gives its time in {said!r}, which names more "
                       "than one zone; its timezone {field} is one of them", meeting=mid,
                       said=written, field=field),
                     origin.locate("cadence"), node_key("meeting", mid),
                     hint=M("leave {said!r} out of the cadence: `timezone:` already says "
                            "{field}", said=written, field=field))
    return Issue(M("meeting {meeting!r} gives its time in {said!r} ({choices}), which is not "
                   "its timezone {field}", meeting=mid, said=written,
                   choices=" / ".join(choices), field=field),
                 origin.locate("cadence"), node_key("meeting", mid),
                 hint=M("leave {said!r} out of the cadence, so that the time is read in "
                        "{field}; if it is {choices} time, write that as `timezone:` instead",
                        said=written, field=field, choices=" / ".join(choices)))


def _someone(org: Org, holder: str) -> bool:
    """True when a team, position or person node stands for at least one person."""
    kind, _, ident = holder.partition(":")
    if kind == "person":
        return True
    if kind == "role":
        return bool(org.position_holders.get(ident))
    team = org.teams[ident]
    return bool(team.members) or team.lead is not None


@check("MT003", graph=False, text=())
def meeting_without_attendees(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting no one attends: no attendees, or only empty teams and open positions.
    Unknown attendees are left to the reference check (one mistake, one finding)."""
    org = ctx.org
    for mid, meeting in org.meetings.items():
        known = [h for h in (org.holder(a) for a in meeting.attendees) if h is not None]
        unknown = [a for a in meeting.attendees
                   if not is_placeholder(a) and org.holder(a) is None]
        if unknown and not known:
            continue  # every real attendee is an unknown id: RF001 says so
        if any(_someone(org, h) for h in known):
            continue
        origin = org.origin("Meeting", mid)
        said = M("meeting {meeting!r} has no attendees", meeting=mid) \
            if not meeting.attendees else \
            M("meeting {meeting!r} has attendees with nobody in them (empty teams or open "
              "positions)", meeting=mid)
        yield Issue(said,
                    origin.locate("attendees" if meeting.attendees else "id"),
                    node_key("meeting", mid),
                    hint=M("list the teams, positions or people who attend it"))


Pair = tuple[str, str]  # two team ids, sorted
MOST_NAMED = 12  # teams, pairs and hand-offs named in one finding; the rest are counted


@dataclass
class _Gap:
    """One coordination gap: a duty or a process whose teams have pairs with no meeting or
    channel in common. `also` are the later duties and processes whose gaps were all this
    one's pairs already (one missing meeting, one finding)."""

    kind: str  # "Responsibility" or "Process"
    ident: str
    pairs: list[Pair]
    handoffs: list[tuple[int, str, Pair]] = field(default_factory=list)  # (step, next, pair)
    also: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)

    @property
    def teams(self) -> list[str]:
        return sorted({t for pair in self.pairs for t in pair})


class _Teams:
    """The teams each holder node and each process owner stands for, looked up once per
    holder and owner rather than once per RACI statement and step: a position holds many
    duties and owns many steps, and each look-up reaches the position, its team and the
    org's tables of 10,000s of entries (dearer per item the bigger the org)."""

    def __init__(self, org: Org, where: Presence) -> None:
        self.org, self.where = org, where
        self._of: dict[str, list[str]] = {}
        self._owner: dict[str | None, str | None] = {}

    def of(self, holder: str) -> list[str]:
        got = self._of.get(holder)
        if got is None:
            got = self._of[holder] = self.where.teams_of(self.org, holder)
        return got

    def owner(self, ref: str | None) -> str | None:
        """`org.holder(ref)`, kept per reference."""
        if ref in self._owner:
            return self._owner[ref]
        got = self._owner[ref] = self.org.holder(ref)
        return got


def _duty_pairs(holds: list[Hold], teams: _Teams) -> set[Pair]:
    """The team pairs that share a duty (its RACI statements `holds`): accountable or
    responsible in one, responsible or consulted in the other."""
    doers: dict[str, set[str]] = {r: set() for r in ROLES}
    for h in holds:
        doers[h.role].update(teams.of(h.holder))
    first = doers["accountable"] | doers["responsible"]
    second = doers["responsible"] | doers["consulted"]
    return {(a, b) if a < b else (b, a) for a in first for b in second if a != b}


def _handoffs(org: Org, teams: _Teams, pid: str) -> list[tuple[int, str, Pair]]:
    """(step index, next step id, team pair) for every hand-off between two teams in
    process `pid`, in step order; none when the process names its channels."""
    proc = org.processes[pid]
    if proc.channels:
        return []  # the process names where its hand-offs are talked over
    owner = {s.id: teams.owner(s.owner) for s in proc.steps}
    out = []
    for i, step in enumerate(proc.steps):
        src = owner[step.id]
        if src is None:
            continue
        for nxt in step.next:
            dst = owner.get(nxt)
            if dst is None or dst == src:
                continue
            out += [(i, nxt, (a, b) if a < b else (b, a))
                    for a in teams.of(src) for b in teams.of(dst)
                    if a != b]
    return out


_CLOSED = object()  # a pair that a meeting or channel brings together, or one unit


def _gaps(org: Org, where: Presence) -> list[_Gap]:
    """Every duty (by id) then every process (by id) with a team pair that no meeting or
    channel brings together. A duty or process whose pairs were all named by an earlier gap
    is added to that gap's `also`: one meeting fixes both. Each pair is judged once, so the
    work is linear in the number of shared duties and hand-offs."""
    # pair -> _CLOSED, or the first gap naming it (None while none has): one table of
    # pairs looked up once per pair met, not one for the verdict and one for the gap
    # (100,000 pairs at 5,000 teams: every look-up in it is a cache miss)
    state: dict[Pair, Any] = {}
    out: list[_Gap] = []
    teams = _Teams(org, where)

    def add(kind: str, ident: str, met: Iterable[Pair]) -> _Gap | None:
        """Judge the pairs `met` (each once in the org), and add the new gap they make, or
        this duty or process to the gap that named all its open pairs first."""
        opened: list[Pair] = []
        named: list[_Gap] = []
        for pair in met:
            got = state.get(pair, state)
            if got is state:
                a, b = pair
                got = state[pair] = _CLOSED if where.share(a, b) or where.nested(a, b) \
                    else None
            if got is _CLOSED:
                continue
            opened.append(pair)
            if got is not None:
                named.append(got)
        if not opened:
            return None
        opened.sort()
        if len(named) == len(opened):
            state[opened[0]].also.append((kind, ident))
            return None
        gap = _Gap(kind, ident, opened)
        out.append(gap)
        for pair in opened:
            if state[pair] is None:
                state[pair] = gap
        return gap

    for rid, holds in sorted(org.raci.by_duty.items(), key=itemgetter(0)):
        add("Responsibility", rid, _duty_pairs(holds, teams))
    for pid in sorted(org.processes):
        handoffs = _handoffs(org, teams, pid)
        gap = add("Process", pid, dict.fromkeys(h[2] for h in handoffs))
        if gap is not None:
            open_pairs = set(gap.pairs)
            gap.handoffs = [h for h in handoffs if h[2] in open_pairs]
    return out


def _presence(ctx: RuleContext) -> Presence:
    return ctx.shared.memo("meeting-presence", lambda: presence(ctx.org))


def _named(items: list[str]) -> list[str]:
    """At most MOST_NAMED items, then how many more."""
    if len(items) <= MOST_NAMED:
        return items
    return [*items[:MOST_NAMED], M("{n} more", n=len(items) - MOST_NAMED)]


def _message(gap: _Gap) -> tuple[M, M]:
    """The finding's message and hint: what is missing between which teams, and the one
    meeting or channel that closes it."""
    teams = gap.teams
    quoted = _named([repr(t) for t in teams])
    if gap.kind == "Responsibility":
        hint = M("hold one meeting with {teams} about this duty (e.g. a joint weekly "
                 "meeting), or give them a common channel", teams=quoted)
        if len(teams) == 2:
            return (M("teams {a!r} and {b!r} share duty {duty!r}, but no meeting or channel "
                      "includes both", a=teams[0], b=teams[1], duty=gap.ident), hint)
        if len(gap.pairs) == len(teams) * (len(teams) - 1) // 2:
            return (M("{n} teams share duty {duty!r} ({teams}), but no two of them share a "
                      "meeting or channel", n=len(teams), duty=gap.ident, teams=quoted), hint)
        return (M("{n} teams share duty {duty!r} ({teams}), but no meeting or channel includes "
                  "them all; these have none in common: {pairs}", n=len(teams), duty=gap.ident,
                  teams=quoted, pairs=_named([f"{a}–{b}" for a, b in gap.pairs])), hint)
    hint = M("give process {process!r} a channel (`channels:`) where its hand-offs are talked "
             "over, or add {teams} to one meeting", process=gap.ident, teams=quoted)
    if len(teams) == 2:
        return (M("teams {a!r} and {b!r} hand work to each other in process {process!r}, but "
                  "no meeting or channel includes both", a=teams[0], b=teams[1],
                  process=gap.ident), hint)
    if len(gap.pairs) == len(teams) * (len(teams) - 1) // 2:
        return (M("process {process!r} hands work between {n} teams ({teams}), but no two of "
                  "them share a meeting or channel", process=gap.ident, n=len(teams),
                  teams=quoted), hint)
    return (M("process {process!r} hands work between {n} teams ({teams}), but no meeting or "
              "channel includes them all; these have none in common: {pairs}",
              process=gap.ident, n=len(teams), teams=quoted,
              pairs=_named([f"{a}–{b}" for a, b in gap.pairs])), hint)


def _related(org: Org, gap: _Gap) -> tuple[Related, ...]:
    """Where each team is defined, each hand-off between them, and the duties and processes
    the same missing meeting leaves open."""
    out = [Related(org.origin("Team", t).locate("id"), M("team {team!r}", team=t))
           for t in gap.teams[:MOST_NAMED]]
    steps = org.processes[gap.ident].steps if gap.kind == "Process" else []
    seen: set[tuple[int, str]] = set()
    for i, nxt, _pair in gap.handoffs:
        if (i, nxt) in seen or len(seen) >= MOST_NAMED:
            continue
        seen.add((i, nxt))
        out.append(Related(org.origin("Process", gap.ident).locate("steps", i, "next"),
                           M("hand-off {step!r} -> {next!r}", step=steps[i].id, next=nxt)))
    for kind, ident in gap.also[:MOST_NAMED]:
        said = M("teams named here also share duty {duty!r}", duty=ident) \
            if kind == "Responsibility" else \
            M("teams named here also hand work over in process {process!r}", process=ident)
        out.append(Related(org.origin(kind, ident).locate("id"), said))
    return tuple(out)


@check("MT004", graph=False, text=())
def coordination_gap(ctx: RuleContext) -> Iterator[Issue]:
    """Teams that share a duty or hand work over in a process with no common meeting or
    channel: one finding per duty or process, at it, naming its teams. A meeting a team
    attends (by its id) includes every team below it; a team and a team below it are one
    unit and are never a gap."""
    org = ctx.org
    if not org.meetings and not any(t.channels for t in org.teams.values()):
        return  # the org does not write its meetings down yet: nothing to compare with
    for gap in _gaps(org, _presence(ctx)):
        message, hint = _message(gap)
        kind = "responsibility" if gap.kind == "Responsibility" else "process"
        yield Issue(message, org.origin(gap.kind, gap.ident).locate("id"),
                    node_key(kind, gap.ident), related=_related(org, gap), hint=hint,
                    teams=tuple(gap.teams))


@check("MT005", graph=False, text=())
def team_without_meeting(ctx: RuleContext) -> Iterator[Issue]:
    """A team that takes part in no recurring meeting at all (in an org that writes its
    meetings down: with none at all, every team would be reported). A meeting a team above
    attends as a team counts."""
    org = ctx.org
    if not org.meetings:
        return
    where = _presence(ctx)
    for tid in org.teams:
        if not where.meetings_of(tid):
            yield Issue(M("team {team!r} takes part in no recurring meeting", team=tid),
                        org.origin("Team", tid).locate("id"), node_key("team", tid),
                        hint=M("add a meeting with the team (or its people) as attendees, "
                               "e.g. a weekly meeting (周例会)"))
