"""Facts about positions and meetings the checks, lookups and reports share: open seats,
cadences, which teams a meeting brings together, a KPI's measurability and what a person
answers for through their teams and positions. Everything is computed in one pass over the
org (near-linear), never pairwise over teams."""

from __future__ import annotations

from dataclasses import dataclass, field

from orgspec.model.models import ROLES, Kpi, Role, is_vacant
from orgspec.model.okr import judge
from orgspec.model.org import Org, node_key
from orgspec.model.schedule import schedule_of
from orgspec.model.teamtree import TeamTree
from orgspec.text.measurable import Verdict


def cadence_of(text: str | None) -> str | None:
    """The canonical cadence (`"weekly"` ...) of what was written (`每周`, `Weekly`,
    `every 2 weeks`, `每周一 10:00`), or None when it is missing or not recognised."""
    return schedule_of(text).cadence


@dataclass(frozen=True)
class Seats:
    """A position's seats: planned, filled by people, and the holders written as vacant."""

    planned: int
    filled: int
    vacant_at: tuple[int, ...]  # indexes of `holders` written 待招聘, 空缺, vacant ...

    @property
    def open(self) -> int:
        return max(0, self.planned - self.filled)


def seats(org: Org, rid: str) -> Seats:
    """The seats of position `rid`. A holder id that is not a person still counts as filled
    (the reference check reports it), so one typo gives one finding. Without `headcount`
    the seats are those `holders` writes (people and 待招聘 alike) or, when more, the people
    who hold it: a person whose `roles` name it fills a seat written as open."""
    pos: Role = org.positions[rid]
    # one pass over the holders, each judged once (RO001 asks this of every position)
    at: list[int] = []
    named: set[str] = set()
    for i, h in enumerate(pos.holders):
        if is_vacant(h):
            at.append(i)
        else:
            named.add(h)
    vacant = tuple(at)
    held = org.position_holders.get(rid)
    filled = len(named.union(held)) if held else len(named)
    planned = pos.headcount if pos.headcount is not None else \
        max(1, len(named) + len(vacant), filled)
    return Seats(planned, filled, vacant)


def kpi_verdict(kpi: Kpi) -> Verdict:
    """What a KPI states, judged like a key result (metric and target value); a KPI is
    measured every period, so it needs no deadline of its own."""
    return judge(kpi.title, kpi.metric, kpi.target, dated=True)


def kpi_measurable(verdict: Verdict) -> bool:
    """True when a KPI names a metric and a target, without vague wording in their place."""
    return not verdict.missing and not (verdict.vague and not verdict.target)


_NONE: set[str] = set()  # no meetings (never changed)
MAX_LINE = 64  # marked teams above a team: deeper lines are walked, not kept


@dataclass
class Presence:
    """Which teams each meeting and channel brings together, and the teams of each holder.

    `team_meetings` maps a team id to the meetings it is represented in: the team itself,
    one of its positions, or one of its people (lead or member) is the owner or an
    attendee. `team_attends` maps a team id to the meetings the team itself (its id) owns or
    attends: attendance by a team covers every team below it, so `meetings_of` adds those of
    the team's ancestors (each step O(1) through `tree`). `team_channels` maps a team id to
    its channels (case-folded)."""

    person_teams: dict[str, list[str]]
    team_meetings: dict[str, set[str]] = field(default_factory=dict)
    team_attends: dict[str, set[str]] = field(default_factory=dict)
    team_channels: dict[str, set[str]] = field(default_factory=dict)
    tree: TeamTree | None = None
    # team -> meetings_of(team); marked team -> (marked teams in its line, the meetings
    # they attend as teams)
    _full: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    _line: dict[str, tuple[int, set[str]]] = field(default_factory=dict, repr=False,
                                                   compare=False)

    def teams_of(self, org: Org, holder: str) -> list[str]:
        """The team ids a holder node stands for: a team itself, a position's team, a
        person's teams."""
        kind, _, ident = holder.partition(":")
        if kind == "team":
            return [ident]
        if kind == "role":
            team = org.positions[ident].team
            return [team] if team in org.teams else []
        return self.person_teams.get(ident, [])

    def meetings_of(self, team: str) -> set[str]:
        """The meetings team `team` takes part in: its own, and those a team above it
        attends as a team (a meeting of `company` includes every department). Kept per
        team: a pair check asks for each team ~20 times, and the set grows with the depth
        of the tree."""
        full = self._full.get(team)
        if full is None:
            own = self.team_meetings.get(team, set())
            above = self._above(team)
            full = own | above if above else own
            self._full[team] = full
        return full

    def parts_of(self, team: str) -> tuple[set[str], set[str]]:
        """`meetings_of(team)` in two parts, not joined: (the team's own meetings, those the
        teams above it attend as teams). The second is one set object for every team below
        the same marked team, so two teams of one line are seen to meet without a look at
        either set (MT004 asks this for 50,000 pairs at 5,000 teams)."""
        return self.team_meetings.get(team, _NONE), self._above(team)

    def _above(self, team: str) -> set[str]:
        """The meetings the teams above `team` attend as teams. Inside the tree it is the
        line of the nearest marked ancestor, kept per marked team and built from the one
        above it (each marked team's set once, not a union over every ancestor per
        question); lines of more than MAX_LINE marked teams are not kept (a deep chain
        would hold a set growing with its depth for every team) but walked, as outside
        the tree (parent cycles)."""
        tree = self.tree
        if tree is None:
            return set()
        line: list[str] = []
        node = tree.up.get(team) if team in tree.up else None
        while node is not None and node not in self._line and len(line) <= MAX_LINE:
            line.append(node)
            node = tree.up[node]
        depth = len(line) + (self._line[node][0] if node in self._line else 0)
        if team not in tree.up or depth > MAX_LINE:
            return set().union(*(self.team_attends.get(t, ()) for t in tree.marked_above(team)))
        got = self._line[node][1] if node in self._line else set()
        for i, marked in enumerate(reversed(line)):  # nearest the root first
            got = self.team_attends.get(marked, set()) | got
            self._line[marked] = (depth - len(line) + i + 1, got)
        return got

    def nested(self, a: str, b: str) -> bool:
        """True when one of teams `a`, `b` is below the other (O(1))."""
        return self.tree is not None and (self.tree.is_ancestor(a, b)
                                          or self.tree.is_ancestor(b, a))

    def share(self, a: str, b: str) -> bool:
        """True when teams `a` and `b` meet in one meeting or share a channel."""
        return not self.meetings_of(a).isdisjoint(self.meetings_of(b)) or \
            bool(self.team_channels.get(a, set()) & self.team_channels.get(b, set()))


def presence(org: Org, tree: TeamTree | None = None) -> Presence:
    """Build the meeting and channel presence of every team, in one pass. Without `tree`,
    a tree is built whose marked teams are those that attend a meeting as a team."""
    out = Presence(org.person_teams)
    for tid, team in org.teams.items():
        if team.channels:
            out.team_channels[tid] = {c.casefold() for c in team.channels}
    for mid, meeting in org.meetings.items():
        for ref in {*meeting.attendees, *([meeting.owner] if meeting.owner else [])}:
            holder = org.holder(ref)
            if holder is not None:
                for tid in out.teams_of(org, holder):
                    out.team_meetings.setdefault(tid, set()).add(mid)
                if holder.startswith("team:"):
                    out.team_attends.setdefault(holder[5:], set()).add(mid)
    out.tree = tree or TeamTree(org, out.team_attends.__contains__)
    return out


@dataclass(frozen=True)
class Duty:
    """One RACI role a person or position holds on a duty, and how: `via` is the node that
    holds it (`"team:x"`, `"role:y"` or the person itself)."""

    duty: str
    role: str
    via: str


def raci_of(org: Org, node: str) -> list[Duty]:
    """What a person (`"person:x"`), position (`"role:x"`) or team answers for, in RACI
    order then duty id: a person through themself, the teams they lead or belong to and the
    positions they hold; a position through itself. Each (duty, role, via) appears once."""
    found = {(h.duty, h.role, via) for via in _vias(org, node)
             for h in org.raci.by_holder.get(via, ())}
    order = {role: i for i, role in enumerate(ROLES)}
    return [Duty(d, r, v) for d, r, v in sorted(found, key=lambda x: (order[x[1]], x[0], x[2]))]


def accountable_count(org: Org, person: str) -> int:
    """How many distinct duties a person is accountable for, themself or through the
    positions they hold (not through the teams they lead: a lead answers for a team)."""
    vias = [node_key("person", person)]
    vias += [node_key("role", r) for r in org.people_positions.get(person, [])]
    return len({h.duty for v in vias for h in org.raci.by_holder.get(v, ())
                if h.role == "accountable"})


@dataclass(frozen=True)
class AccountableLoad:
    """How many distinct duties a person is accountable for: `own` themself or through a
    position they hold, `led` only through a team they lead (a duty counted in `own` is not
    counted again). The report's load table, the site's person page and `orgspec show
    person` all say these two numbers."""

    own: int
    led: int

    @property
    def total(self) -> int:
        return self.own + self.led


def accountable_load(org: Org, person: str) -> AccountableLoad:
    """`AccountableLoad` of `person` (an id; unknown: zero)."""
    vias = [node_key("person", person)]
    vias += [node_key("role", r) for r in org.people_positions.get(person, [])]
    own = {h.duty for v in vias for h in org.raci.by_holder.get(v, ())
           if h.role == "accountable"}
    led = {h.duty for t in org.person_teams.get(person, []) if org.teams[t].lead == person
           for h in org.raci.by_holder.get(node_key("team", t), ())
           if h.role == "accountable"} - own
    return AccountableLoad(len(own), len(led))


def split_team_held(org: Org, person: str, duties: list[Duty]) -> tuple[list[Duty], list[Duty]]:
    """A person's duties (from `raci_of`) as (their own, their teams'): a duty held by a team
    they belong to but do not lead is the team's, never the person's own accountability; held
    directly, through a position or through a team they lead, it is their own."""
    own: list[Duty] = []
    team: list[Duty] = []
    for d in duties:
        kind, _, ident = d.via.partition(":")
        member_only = kind == "team" and ident in org.teams and org.teams[ident].lead != person
        (team if member_only else own).append(d)
    return own, team


@dataclass(frozen=True)
class Attendance:
    """A meeting someone takes part in: `chairs` when the node it comes through owns it,
    `via` the node the meeting names (`"person:x"` itself, `"team:y"`, `"role:z"`);
    `above` when that is a team above the person's or team's own (a meeting of `company`
    includes every department, as MT004 and MT005 count it)."""

    meeting: str
    chairs: bool
    via: str
    above: bool = False


MeetingIndex = dict[str, list[tuple[str, bool]]]


def meeting_index(org: Org) -> MeetingIndex:
    """Node -> (meeting id, owns it) for every node a meeting names as owner or attendee,
    meetings in id order; one pass over the meetings."""
    out: MeetingIndex = {}
    for mid in sorted(org.meetings):
        meeting = org.meetings[mid]
        chair = org.holder(meeting.owner)
        for node in dict.fromkeys([*([chair] if chair else []),
                                   *(org.holder(a) for a in meeting.attendees)]):
            if node is not None:
                out.setdefault(node, []).append((mid, node == chair))
    return out


def _vias(org: Org, node: str) -> list[str]:
    """The nodes a person acts through: themself, then their teams, then their positions."""
    kind, _, ident = node.partition(":")
    if kind != "person":
        return [node]
    return [node, *(node_key("team", t) for t in org.person_teams.get(ident, [])),
            *(node_key("role", r) for r in org.people_positions.get(ident, []))]


def attendance_of(org: Org, node: str, index: MeetingIndex | None = None,
                  above: bool = True) -> list[Attendance]:
    """Every meeting a person, team or position hosts or attends, in meeting-id order, once
    each: a person directly, through the teams they lead or belong to and through the
    positions they hold. A meeting reached several ways keeps the way that chairs it, else
    the most direct (the person, then a team, then a position). Pass `index` (from
    `meeting_index`) when asking for many nodes; `above=False` leaves out the meetings
    reached only through a team above (the site groups those by team: `SiteModel.above`)."""
    index = meeting_index(org) if index is None else index
    found: dict[str, Attendance] = {}
    for via in _vias(org, node):
        for mid, chairs in index.get(via, ()):
            had = found.get(mid)
            if had is None or (chairs and not had.chairs):
                found[mid] = Attendance(mid, chairs, via)
    for via in _teams_above(org, node) if above else ():  # attended, never chaired
        for mid, _ in index.get(via, ()):
            found.setdefault(mid, Attendance(mid, False, via, above=True))
    return [found[mid] for mid in sorted(found)]


def _teams_above(org: Org, node: str) -> list[str]:
    """The teams above a team, or above the teams a person belongs to, nearest first, as
    nodes (`"team:x"`); the node's own teams left out; a parent cycle walked once."""
    kind, _, ident = node.partition(":")
    own = [ident] if kind == "team" else org.person_teams.get(ident, []) \
        if kind == "person" else []
    seen = set(own)
    out: list[str] = []
    for tid in own:
        team = org.teams.get(tid)
        parent = team.parent if team is not None else None
        while parent is not None and parent not in seen and parent in org.teams:
            seen.add(parent)
            out.append(node_key("team", parent))
            parent = org.teams[parent].parent
    return out


@dataclass(frozen=True)
class Involvement:
    """What one person, team or position takes part in: its RACI duties (`raci_of`) and its
    meetings (`attendance_of`). The one view `orgspec show` and the site's pages read."""

    duties: list[Duty]
    meetings: list[Attendance]


def involvement(org: Org, node: str, index: MeetingIndex | None = None,
                above: bool = True) -> Involvement:
    """The duties and meetings of `node` (`"person:x"`, `"team:y"`, `"role:z"`); `above`
    as `attendance_of` says."""
    return Involvement(raci_of(org, node), attendance_of(org, node, index, above))
