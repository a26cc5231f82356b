"""Meetings and coordination (沟通机制): every meeting owned, recurring and attended; every
hand-off between two teams covered by a meeting or channel both attend. Near-linear: team
pairs come only from shared duties and process hand-offs, never from all pairs of teams."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location
from orgspec.i18n import M
from orgspec.model.models import ROLES, is_placeholder
from orgspec.model.org import Org, node_key
from orgspec.model.positions import Presence, cadence_of, is_open_owner, presence

CADENCE_HINT = M("write daily, weekly, biweekly, monthly, quarterly or yearly "
                 "(每日, 每周, 双周, 每月, 每季度, 每年), optionally with weekdays and a time "
                 "(每周一 10:00, Mon-Fri 9:30)")


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


def _someone(org: Org, holder: str) -> bool:
    """True when a team, position or person node stands for at least one person."""
    kind, _, ident = holder.partition(":")
    if kind == "person":
        return True
    if kind == "role":
        return bool(org.position_holders.get(ident))
    team = org.teams[ident]
    return bool(team.members) or team.lead is not None


@check("MT003", graph=False)
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


Evidence = tuple[str, tuple[Any, ...]]  # (duty id, ()) or (process id, (step index, next))


def _pairs(org: Org, where: Presence) -> Iterator[tuple[str, str, Evidence]]:
    """(team, team, evidence) for every duty two teams share (accountable or responsible
    in one, responsible or consulted in the other) and every process hand-off between two
    teams, in the order met. Evidence is turned into words and a location only when a
    pair is reported."""
    for rid, holds in org.raci.by_duty.items():
        doers: dict[str, set[str]] = {r: set() for r in ROLES}
        for h in holds:
            for tid in where.teams_of(org, h.holder):
                doers[h.role].add(tid)
        first = doers["accountable"] | doers["responsible"]
        second = doers["responsible"] | doers["consulted"]
        if not first or not second or (len(first | second) < 2):
            continue
        for a in first:
            for b in second - {a}:
                yield a, b, (rid, ())
    for pid, proc in org.processes.items():
        owner = {s.id: org.holder(s.owner) for s in proc.steps}
        if proc.channels:
            continue  # the process names where its hand-offs are talked over
        for i, step in enumerate(proc.steps):
            src = owner[step.id]
            if src is None:
                continue
            for nxt in step.next:
                dst = owner.get(nxt)
                if dst is None or dst == src:
                    continue
                for a in where.teams_of(org, src):
                    for b in where.teams_of(org, dst):
                        if a != b:
                            yield a, b, (pid, (i, nxt))


def _evidence(org: Org, evidence: Evidence) -> tuple[str, Location]:
    ident, step = evidence
    if not step:
        return M("share duty {duty!r}", duty=ident), org.origin("Responsibility",
        ident).locate("id")
    i, nxt = step
    name = org.processes[ident].steps[i].id
    return (M("hand off {process!r} step {step!r} -> {next!r}", process=ident, step=name,
              next=nxt),
            org.origin("Process", ident).locate("steps", i, "next"))


def _presence(ctx: RuleContext) -> Presence:
    return ctx.shared.memo("meeting-presence", lambda: presence(ctx.org))


@check("MT004", graph=False)
def coordination_gap(ctx: RuleContext) -> Iterator[Issue]:
    """Two teams that share a duty or a hand-off with no common meeting or channel. A
    meeting a team attends (by its id) includes every team below it; a team and a team
    below it are one unit and are never a gap."""
    org = ctx.org
    if not org.meetings and not any(t.channels for t in org.teams.values()):
        return  # the org does not write its meetings down yet: nothing to compare with
    where = _presence(ctx)
    seen: set[tuple[str, str]] = set()
    for a, b, evidence in _pairs(org, where):
        pair = (a, b) if a < b else (b, a)
        if pair in seen:
            continue
        seen.add(pair)
        if where.share(a, b) or where.nested(a, b):
            continue  # a team talks with the teams below it inside itself
        x, y = pair
        what, loc = _evidence(org, evidence)
        yield Issue(M("teams {a!r} and {b!r} {what}, but no meeting or channel includes both",
                      a=x, b=y, what=what),
                    loc, node_key("team", x),
                    hint=M("add {a!r} and {b!r} to a meeting (e.g. a joint weekly meeting), "
                           "or give both teams the same channel", a=x, b=y))


@check("MT005", graph=False)
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
