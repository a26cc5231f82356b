"""Meetings and coordination (沟通机制): every meeting owned, recurring and attended; every
hand-off between two teams covered by a meeting or channel both attend. Near-linear: team
pairs come only from shared duties and process hand-offs, never from all pairs of teams."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from orgspec.checks.placeholders import seat_hint, unfilled
from orgspec.engine.context import RuleContext, Shared
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.i18n import M, P
from orgspec.model.krname import step_named
from orgspec.model.models import is_open_seat, is_unowned, is_vacant
from orgspec.model.org import Hold, Org, Origin, node_key
from orgspec.model.positions import Presence, cadence_of, presence


def cadence_hint(*names: str | None) -> M:
    """Short: how often, then weekdays and a time or a part of the day, with one example in
    the reader's words on the rhythm the meeting's `names` (name, id) say (晨会: every
    weekday); every form is in the rule's docs (`orgspec explain MT002`) and README."""
    from orgspec.text.cadenceexample import cadence_example

    return M("write how often, optionally with weekdays and a time or part of the day, "
             "e.g. {example}", example=cadence_example(*names))


@check("MT001", local=True)
def meeting_without_owner(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting with no owner, a placeholder one (`待定`) or an open seat (`待招聘`)."""
    for mid, meeting in ctx.org.meetings.items():
        if is_unowned(meeting.owner):
            origin = ctx.org.origin("Meeting", mid)
            said = M(" (written as {value!r})", value=meeting.owner) if meeting.owner else ""
            yield Issue(M("meeting {meeting!r} has no owner{said}", meeting=mid, said=said),
                        origin.value("owner") if meeting.owner else origin.locate("id"),
                        node_key("meeting", mid),
                        hint=seat_hint(M("name the team, position or person who chairs "
                                         "it"), "owner", meeting.owner))


@check("MT002", local=True)
def meeting_without_cadence(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting with no cadence, or one that is not recognised."""
    for mid, meeting in ctx.org.meetings.items():
        if cadence_of(meeting.cadence) is not None:
            continue
        origin = ctx.org.origin("Meeting", mid)
        if meeting.cadence is None:
            yield Issue(M("meeting {meeting!r} has no cadence", meeting=mid), origin.locate("id"),
                        node_key("meeting", mid), hint=cadence_hint(meeting.name, mid))
        else:
            yield Issue(M("meeting {meeting!r} has an unrecognised cadence {cadence!r}",
                          meeting=mid, cadence=meeting.cadence),
                        origin.value("cadence"), node_key("meeting", mid),
                        hint=_cadence_hint(meeting.cadence, meeting.name, mid))


def _cadence_hint(cadence: str, *names: str | None) -> M:
    """MT002's hint for a cadence not read: from what of it was understood (how often but no
    time, an event or a festival said without its rhythm), else the short general one on
    the rhythm the meeting's `names` say."""
    from orgspec.model.unreadcadence import kept_example, unread

    got = unread(cadence)
    if got.kind == "time":
        return M("{left!r} names no time of day: write when it starts, e.g. {example}",
                 left=got.left, example=got.example)
    if got.kind == "yearly":
        return M("if it is held every year, write {example}", example=got.example)
    if got.kind == "each":
        return M("if it is held each time, write {example}", example=got.example)
    if got.kind == "during":
        return M("a cadence says how often, not in which period: write {example}, and say in "
                 "the meeting's `purpose` that it is held during {what!r}",
                 example=got.example, what=got.left)
    kept = kept_example(cadence, *names)  # its weekdays and time, as written (trial 35)
    if kept:
        return M("write how often, optionally with weekdays and a time or part of the day, "
                 "e.g. {example}", example=kept)
    return cadence_hint(*names)


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
            if not zone.startswith("?") or (where == "cadence" and zone == field):
                continue  # `timezone: CST` and `每周一 10:00 CST`: one zone, said once
            choices = ambiguous(zone)
            twice = where == "timezone" and said.zone == zone
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
                  choices=" / ".join(choices)) if where == "timezone" and not twice else \
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


@check("MT003", graph=False, kinds=("Meeting", "Team", "Person", "Role"), text=())
def meeting_without_attendees(ctx: RuleContext) -> Iterator[Issue]:
    """A meeting no one attends: no attendees, or only empty teams and open positions; or
    one whose attendees are not all decided (`[ops, TBD]`, `[ops, 待招聘]`: a placeholder
    or an open-seat word is this rule's whatever else is listed, as an owner's is its
    field's rule). Unknown attendees are left to the reference check (one mistake, one
    finding)."""
    org = ctx.org
    for mid, meeting in org.meetings.items():
        undecided = [j for j, a in enumerate(meeting.attendees) if unfilled(org, a)]
        if undecided and len(undecided) < len(meeting.attendees):
            yield _undecided_attendee(org, mid, meeting.attendees, undecided)
            continue
        # each attendee resolved once: with none known, every attendee resolved to nothing
        known = [h for h in (org.holder(a) for a in meeting.attendees) if h is not None]
        if not known:
            if not undecided and meeting.attendees:
                continue  # every real attendee is an unknown id: RF001 says so
        elif any(_someone(org, h) for h in known):
            continue
        origin = org.origin("Meeting", mid)
        # `attendees: [TBD]`: said as written, not as empty teams (trial 32b)
        said = M("meeting {meeting!r} has no attendees", meeting=mid) \
            if not meeting.attendees else \
            M("meeting {meeting!r} has no attendees (written as {value!r})", meeting=mid,
              value=meeting.attendees[0]) if undecided else \
            M("meeting {meeting!r} has attendees with nobody in them (empty teams or open "
              "positions)", meeting=mid)
        yield Issue(said,
                    origin.locate("attendees" if meeting.attendees else "id"),
                    node_key("meeting", mid),
                    hint=M("list the teams, positions or people who attend it"))


def _undecided_attendee(org: Org, mid: str, attendees: list[str], undecided: list[int]
                        ) -> Issue:
    """MT003 at the first of the attendees `undecided` (indexes) of meeting `mid`, listed
    beside real ones (`[ops, TBD]`): the meeting is not decided yet, as with `[TBD]`, so
    the coordination gaps are held back behind it (`engine.undecidedmeeting`). One finding
    for the meeting, whose hint names each such attendee to replace."""
    origin = org.origin("Meeting", mid)
    value = attendees[undecided[0]]
    words = list(dict.fromkeys(attendees[j] for j in undecided))  # `[ops, TBD, TBD]`: once
    where = origin.value("attendees", undecided[0]) \
        if isinstance(origin.fmap.node((*origin.path, "attendees")), list) \
        else origin.value("attendees")
    quoted = [M("{id!r}", id=w) for w in words]
    seat = next((w for w in words if is_open_seat(w)), None)
    hint: M = P("write the team, position or person who attends in place of {values}, or "
             "leave it out",
             "write the teams, positions or people who attend in place of {values}, or "
             "leave them out", n=len(words), values=quoted)
    if seat is not None:  # `[ops, 待招聘]`: how to record the open seat
        hint = M("{hint}; while a seat is open, write a position in its place, with "
                 "`holders: [{seat}]` on the position (RO001 reports the open seat)",
                 hint=hint, seat=seat)
    return Issue(P("meeting {meeting!r} has an attendee not named yet (written as {value!r})",
                   "meeting {meeting!r} has {n} attendees not named yet (written as {values})",
                   n=len(words), meeting=mid, value=value, values=quoted),
                 where, node_key("meeting", mid), hint=hint)


Pair = tuple[str, str]  # two team ids, sorted
Handoff = tuple[int, str, int]  # step index, next step id, team pair code
Judged = tuple[list[tuple[str, list[int]]], list[tuple[str, list[int], list[Handoff]]]]
MOST_NAMED = 12  # teams, pairs and hand-offs named in one finding; the rest are counted
# pairs named in a message: each names two teams (`客服部 (cs)–技术部 (tech)`), so twelve made a
# line of 700 characters beside the list of the teams
PAIRS_NAMED = 3
# teams named in a message and its hint (each `客服部 (cs)`): twelve made a line of 300
# characters, said twice; the related locations still list up to MOST_NAMED
TEAMS_NAMED = 5
_HIGH = 1 << 32  # a pair of team numbers as one int: the lower number times this, plus the other
_NO_MEETINGS: frozenset[str] = frozenset()


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
    """The rule's compact input: every team as a small int (its place in `org.teams`), the
    teams each holder node and each process owner stands for as a tuple of those ints
    (looked up once per holder and owner, not once per RACI statement and step), and per
    team number its meetings, channels and place in the tree, in lists.

    A pair of teams is one int (`code`), so judging a pair hashes no string and reads no
    team id: at 5,000 teams the ids, the 5,000-entry tables keyed by them and the tuples
    of two ids (100,000 pairs) lie on more pages than the CPU keeps translations for, and
    each look-up by id was a page walk or two (MT004 grew 12-13x for 10x the org)."""

    def __init__(self, org: Org, where: Presence) -> None:
        self.org, self.where = org, where
        self.names: list[str] = list(org.teams)
        self.number: dict[str, int] = {t: i for i, t in enumerate(self.names)}
        self._of: dict[str, tuple[int, ...]] = {}
        self._owner: dict[str | None, str | None] = {}
        self._meet: list[tuple[set[str], set[str]] | None] = [None] * len(self.names)
        channels = where.team_channels
        self._channels = [channels.get(t) for t in self.names]
        tree = where.tree
        # a team outside the tree (on or below a parent cycle) has no place: -1
        self._enter = [tree.enter.get(t, -1) if tree else -1 for t in self.names]
        self._leave = [tree.leave.get(t, -1) if tree else -1 for t in self.names]
        self._top = self._tops(where)
        self._below = self._through_below(org, where)

    @staticmethod
    def _through_below(org: Org, where: Presence) -> dict[str, set[str]]:
        """Per team with no people of its own (no members, no lead but a placeholder: a
        grouping, or a team emptied when it was split), the meetings of the teams below
        it: it takes part in them through those teams (`ops`, parent of `ops-content` and
        `ops-events`, shares a duty through its position, whose holders sit below it).
        Walked only below such teams; none in most orgs."""
        empty = [tid for tid, t in org.teams.items()
                 if not t.members and (not t.lead or is_vacant(t.lead))]
        if not empty:
            return {}
        children: dict[str, list[str]] = {}
        for tid, team in org.teams.items():
            if team.parent in org.teams and team.parent != tid:
                children.setdefault(str(team.parent), []).append(tid)
        own = where.team_meetings
        out: dict[str, set[str]] = {}
        for tid in empty:
            found: set[str] = set()
            seen, todo = {tid}, list(children.get(tid, ()))
            while todo:
                child = todo.pop()
                if child in seen:
                    continue
                seen.add(child)
                found |= own.get(child, _NO_MEETINGS)
                todo.extend(children.get(child, ()))
            if found:
                out[tid] = found
        return out

    def _parts(self, team: str) -> tuple[set[str], set[str]]:
        """`Presence.parts_of(team)`, with the meetings of the teams below a team with no
        people of its own among its own (`_through_below`)."""
        own, above = self.where.parts_of(team)
        below = self._below.get(team)
        return (own | below, above) if below else (own, above)

    def _tops(self, where: Presence) -> list[int]:
        """Per team number, the topmost team at or above it that attends a meeting as a
        team (-1: none, or outside the tree). Two teams with one such team meet: it is
        above both (its meetings include them) or it is one of them (one is below the
        other). A company whose top team attends one meeting settles every pair here, in
        O(1), where comparing their meeting sets costs the depth of the org (the sets hold
        every team-attended meeting above: 24 meetings at 500 teams, 32 at 5,000)."""
        top = [-1] * len(self.names)
        tree = where.tree
        if tree is None:
            return top
        order: list[str | None] = [None] * len(tree.enter)
        for team, clock in tree.enter.items():
            order[clock] = team
        number, parent, attends = self.number, tree.parent, where.team_attends
        for at in order:  # parents before their children
            if at is None or at not in number:
                continue
            up = parent.get(at)
            above = top[number[up]] if up is not None and up in number else -1
            top[number[at]] = above if above >= 0 else number[at] if attends.get(at) else -1
        return top

    def _num(self, team: str) -> int:
        got = self.number.get(team)
        if got is None:  # not a team of the org (kept as the string-keyed rule kept it)
            got = self.number[team] = len(self.names)
            self.names.append(team)
            self._meet.append(None)
            self._channels.append(self.where.team_channels.get(team))
            self._enter.append(-1)
            self._leave.append(-1)
            self._top.append(-1)
        return got

    def of(self, holder: str) -> tuple[int, ...]:
        got = self._of.get(holder)
        if got is None:
            got = self._of[holder] = tuple(self._num(t)
                                           for t in self.where.teams_of(self.org, holder))
        return got

    def owner(self, ref: str | None) -> str | None:
        """`org.holder(ref)`, kept per reference."""
        if ref in self._owner:
            return self._owner[ref]
        got = self._owner[ref] = self.org.holder(ref)
        return got

    def code(self, a: str, b: str) -> int:
        """The code of the pair of teams `a` and `b` (`pair`'s inverse)."""
        x, y = self._num(a), self._num(b)
        return x * _HIGH + y if x < y else y * _HIGH + x

    def pair(self, code: int) -> Pair:
        """The two team ids of a pair's `code`, sorted by id."""
        a, b = self.names[code // _HIGH], self.names[code % _HIGH]
        return (a, b) if a < b else (b, a)

    def closed(self, code: int) -> bool:
        """True when the pair's teams meet in one meeting or share a channel
        (`Presence.share`), or one is below the other (`Presence.nested`)."""
        a, b = divmod(code, _HIGH)
        top = self._top[a]
        if top >= 0 and top == self._top[b]:
            return True
        meet = self._meet
        ma, mb = meet[a], meet[b]
        if ma is None:
            ma = meet[a] = self._parts(self.names[a])
        if mb is None:
            mb = meet[b] = self._parts(self.names[b])
        (own_a, above_a), (own_b, above_b) = ma, mb
        if above_a and above_a is above_b:  # one line of teams attending as teams
            return True
        if not (own_a.isdisjoint(own_b) and own_a.isdisjoint(above_b)
                and above_a.isdisjoint(own_b) and above_a.isdisjoint(above_b)):
            return True
        ca, cb = self._channels[a], self._channels[b]
        if ca and cb and not ca.isdisjoint(cb):
            return True
        ea, eb = self._enter[a], self._enter[b]
        if ea >= 0 and eb >= 0:
            la, lb = self._leave[a], self._leave[b]
            return (ea < eb and lb <= la) or (eb < ea and la <= lb)
        return self.where.nested(self.names[a], self.names[b])


def _duty_pairs(holds: list[Hold], teams: _Teams) -> set[int]:
    """The team pairs (`_Teams.pair` codes) that share a duty (its RACI statements
    `holds`): accountable or responsible in one, responsible or consulted in the other."""
    first: set[int] = set()
    second: set[int] = set()
    for h in holds:
        role = h.role
        if role == "accountable":
            first.update(teams.of(h.holder))
        elif role == "responsible":
            got = teams.of(h.holder)
            first.update(got)
            second.update(got)
        elif role == "consulted":
            second.update(teams.of(h.holder))
    if not first or not second or (len(first) == 1 and first == second):
        return set()
    return {a * _HIGH + b if a < b else b * _HIGH + a for a in first for b in second
            if a != b}


def _handoffs(org: Org, teams: _Teams, pid: str) -> list[Handoff]:
    """(step index, next step id, team pair code) for every hand-off between two teams in
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
            out += [(i, nxt, a * _HIGH + b if a < b else b * _HIGH + a)
                    for a in teams.of(src) for b in teams.of(dst)
                    if a != b]
    return out


_CLOSED = object()  # a pair that a meeting or channel brings together, or one unit


def _gaps(org: Org, where: Presence, shared: Shared | None = None) -> list[_Gap]:
    """Every duty (by id) then every process (by id) with a team pair that no meeting or
    channel brings together. A duty or process whose pairs were all named by an earlier gap
    is added to that gap's `also`: one meeting fixes both. Each pair is judged once, so the
    work is linear in the number of shared duties and hand-offs. With `shared` (a run with
    a cache), each duty's and process's open pairs are kept for the next run, which judges
    only the duties of the files whose duties changed (`keptduties`)."""
    # pair code -> _CLOSED, or the first gap naming it (None while none has): one table of
    # pairs looked up once per pair met. A pair's verdict does not depend on the order the
    # pairs are met in, so the duties are judged in the org's order and only those with an
    # open pair are sorted by id (sorting all 50,000 ids at 5,000 teams read every id:
    # 20x the time of 5,000)
    state: dict[int, Any] = {}
    out: list[_Gap] = []
    teams = _Teams(org, where)

    def judge(met: Iterable[int]) -> list[int]:
        """The pairs of `met` (each once in the org) that no meeting or channel closes."""
        opened: list[int] = []
        for code in met:
            got = state.get(code, state)
            if got is state:
                got = state[code] = _CLOSED if teams.closed(code) else None
            if got is not _CLOSED:
                opened.append(code)
        return opened

    def add(kind: str, ident: str, opened: list[int]) -> _Gap | None:
        """Add the new gap the open pairs `opened` make, or this duty or process to the gap
        that named all of them first (in id order)."""
        named = sum(state[code] is not None for code in opened)
        if named == len(opened):  # the gap that named the first of its pairs (by id)
            state[min(opened, key=teams.pair)].also.append((kind, ident))
            return None
        gap = _Gap(kind, ident, sorted(teams.pair(code) for code in opened))
        out.append(gap)
        for code in opened:
            if state[code] is None:
                state[code] = gap
        return gap

    # a pair's verdict does not depend on the gaps named before: every duty and process
    # is judged first
    duties, processes = _judged(org, teams, judge, state, shared)
    for rid, opened in sorted(duties, key=itemgetter(0)):
        add("Responsibility", rid, opened)
    for pid, opened, handoffs in sorted(processes, key=itemgetter(0)):
        gap = add("Process", pid, opened)
        if gap is not None:
            open_pairs = set(gap.pairs)
            gap.handoffs = [(i, nxt, pair) for i, nxt, code in handoffs
                            if (pair := teams.pair(code)) in open_pairs]
    return out


def _judged(org: Org, teams: _Teams, judge: Callable[[Iterable[int]], list[int]],
            state: dict[int, Any], shared: Shared | None) -> Judged:
    """(duty id, its open pair codes) for every duty with one, and (process id, its open
    pair codes, its hand-offs) for every process with one: each judged (`judge`), or, with
    `shared` and the verdicts the run before kept there, only the duties of the files whose
    duties changed (`keptduties.to_redo`), the others' and the processes' as kept (their
    pairs marked open in `state`, as judging them does). Keeps them for the next run."""
    from orgspec.checks import keptduties as kd

    by_duty = org.raci.by_duty
    kept = shared.kept(kd.NAME, kd.KeptDuties) if shared is not None else None
    prints = kd.prints_of(org, shared.summaries, shared.digests, kept) \
        if shared is not None else None
    if shared is None or prints is None or shared.summaries is None:
        return ([(rid, opened) for rid, holds in by_duty.items()
                 if (opened := judge(_duty_pairs(holds, teams)))],
                _open_processes(org, teams, judge))
    ids = kd.ids_of(shared.summaries, prints, kept)
    redo = kd.to_redo(kept, org.files, prints, ids)
    if kept is None or redo is None:
        duties = [(rid, opened) for rid, holds in by_duty.items()
                  if (opened := judge(_duty_pairs(holds, teams)))]
        processes = _open_processes(org, teams, judge)
    else:
        def codes(pairs: list[kd.Pair]) -> list[int]:
            out = [teams.code(a, b) for a, b in pairs]
            for code in out:
                state.setdefault(code, None)
            return out

        duties = [(rid, codes(pairs)) for rid, pairs in kept.opened.items()
                  if rid not in redo and rid in by_duty]
        duties += [(rid, opened) for rid in redo if rid in by_duty
                   and (opened := judge(_duty_pairs(by_duty[rid], teams)))]
        processes = [(pid, codes(pairs), [(i, nxt, teams.code(*pair))
                                           for i, nxt, pair in handoffs])
                     for pid, pairs, handoffs in kept.processes]
        if not redo:
            return duties, processes  # nothing changed: the entry holds them
    shared.keep(kd.NAME, kd.KeptDuties(
        tuple(org.files), prints, ids,
        {rid: [teams.pair(code) for code in opened] for rid, opened in duties},
        [(pid, [teams.pair(code) for code in opened],
          [(i, nxt, teams.pair(code)) for i, nxt, code in handoffs])
         for pid, opened, handoffs in processes]))
    return duties, processes


def _open_processes(org: Org, teams: _Teams, judge: Callable[[Iterable[int]], list[int]],
                    ) -> list[tuple[str, list[int], list[Handoff]]]:
    """(process id, its open pair codes, its hand-offs) for every process with one."""
    out = []
    for pid in org.processes:
        handoffs = _handoffs(org, teams, pid)
        if handoffs and (opened := judge(dict.fromkeys(h[2] for h in handoffs))):
            out.append((pid, opened, handoffs))
    return out


def _presence(ctx: RuleContext) -> Presence:
    return ctx.shared.memo("meeting-presence", lambda: presence(ctx.org))


def _named(items: list[M]) -> list[M] | P:
    """The teams of a message: all of them up to TEAMS_NAMED + 1 (one more is named rather
    than counted), else the first TEAMS_NAMED and how many there are (`a, b, c, d, e and 7
    more teams`; `a、b、c、d、e 等 12 个团队`)."""
    if len(items) <= TEAMS_NAMED + 1:
        return items
    return P("{teams} and {n} more team", "{teams} and {n} more teams",
             teams=items[:TEAMS_NAMED], n=len(items) - TEAMS_NAMED, total=len(items))


def _pairs(pairs: list[Pair]) -> list[M] | M:
    """The first PAIRS_NAMED `pairs` (`a–b`), then how many more (`a–b, c–d, e–f and 10
    more`)."""
    named = [M("{a}–{b}", a=a, b=b) for a, b in pairs[:PAIRS_NAMED]]
    if len(pairs) <= PAIRS_NAMED:
        return named
    return M("{pairs} and {n} more", pairs=named, n=len(pairs) - PAIRS_NAMED)


def _message(gap: _Gap) -> tuple[M, M]:
    """The finding's message and hint: what is missing between which teams, and the one
    meeting or channel that closes it."""
    teams = gap.teams
    # each id an `M` of its own, not a quoted string: a reader is shown it with its name
    # (`客服部 (cs)`, `report.idnames.with_names`)
    quoted = _named([M("{id!r}", id=t) for t in teams])
    pairs = _pairs(gap.pairs)
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
                  teams=quoted, pairs=pairs), hint)
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
              pairs=pairs), hint)


def _related(org: Org, gap: _Gap) -> tuple[Related, ...]:
    """Where each team is defined, each hand-off between them, and the duties and processes
    the same missing meeting leaves open."""
    out = [Related(org.origin("Team", t).locate("id"), M("team {team!r}", team=t))
           for t in gap.teams[:MOST_NAMED]]
    steps = org.processes[gap.ident].steps if gap.kind == "Process" else []
    name_of = {s.id: s.name for s in steps}
    seen: set[tuple[int, str]] = set()
    for i, nxt, _pair in gap.handoffs:
        if (i, nxt) in seen or len(seen) >= MOST_NAMED:
            continue
        seen.add((i, nxt))
        out.append(Related(org.origin("Process", gap.ident).locate("steps", i, "next"),
                           M("hand-off {step!r} -> {next!r}",
                             step=step_named(steps[i].name, steps[i].id),
                             next=step_named(name_of.get(nxt), nxt))))
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
    for gap in _gaps(org, _presence(ctx), ctx.shared):
        message, hint = _message(gap)
        kind = "responsibility" if gap.kind == "Responsibility" else "process"
        yield Issue(message, org.origin(gap.kind, gap.ident).locate("id"),
                    node_key(kind, gap.ident), related=_related(org, gap), hint=hint,
                    teams=tuple(gap.teams))


@check("MT005", graph=False, kinds=("Meeting", "Team", "Person", "Role"), text=())
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
