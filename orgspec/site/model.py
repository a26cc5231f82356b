"""The site's view of the org: names, links and the relations each page shows, built once.

Every URL here is relative to the site root (`teams/x.html`); a template prefixes the page's
own way back to the root, so the same files work from `file://`, a host root or a sub-path.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from orgspec.findings import LintResult
from orgspec.i18n import M, say_list
from orgspec.model.models import ROLES, Objective, is_placeholder
from orgspec.model.names import duty_title
from orgspec.model.org import Org, ident_of, node_key
from orgspec.model.positions import Involvement
from orgspec.paths import repo_links, windows_reserved
from orgspec.report.byname import NODE_KINDS, sort_key
from orgspec.report.view import FindingRow, ReportView, TeamHealth
from orgspec.site.labels import LABELS

FOLDERS = {"Team": "teams", "Person": "people", "Responsibility": "duties",
           "Objective": "okrs", "Process": "processes", "Role": "positions",
           "Meeting": "meetings"}
KIND_NAMES = {"Team": "team", "Person": "person", "Responsibility": "duty",
              "Objective": "objective", "Process": "process", "Role": "position",
              "Meeting": "meeting"}


def page_name(ident: str) -> str:
    """The file name of an entity page. `index` would shadow the folder's list page, and a
    device name Windows reserves (`con`, `nul`, `com1`: `windows_reserved`) is no file
    there, so these get a `_` before them, `_index`, `_con` (no id starts with `_`, so
    nothing else can take that name). site.js's `own_page` names pages alike."""
    return f"_{ident}" if ident == "index" or windows_reserved(ident) else ident


@dataclass(frozen=True)
class Link:
    """A name shown for an entity; `href` is empty when there is no page to link to."""

    text: str
    href: str = ""
    sub: str = ""


@dataclass
class Handoff:
    process: Link
    step: str
    next_step: str
    other: Link
    step_name: str = ""  # the steps' names (the ids when they have none)
    next_name: str = ""


@dataclass
class KrView:
    id: str
    title: str
    metric: str
    baseline: str  # the values with the key result's unit (`15 分鐘`)
    current: str
    target: str
    due: str
    owner: Link | None
    measurable: bool
    missing: str  # what it lacks (`no target value`), in the page's language
    progress: int | None  # percent (over 100 past the target), when baseline, current and
    # target are numbers in one unit
    unjudged: str = ""  # the invalid field (`period`, `key_results.k.due`) the verdict rests on
    # the findings located on it, worst first: (severity label, code), as the report's
    # `KrRow.findings` (its mark reads them: ✗ beside an OK008 on a measurable key result)
    findings: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class KpiView:
    title: str
    metric: str
    target: str
    measurable: bool
    missing: str  # what it lacks, or its vague words, in the page's language


@dataclass(frozen=True)
class Above:
    """Meetings attended through the teams above (`SiteModel.above`): (team above, how many
    of its meetings, the meeting when it is one), nearest first; `more` teams further above
    that attend meetings and are not listed, from the page of `last` (the farthest listed)
    on."""

    groups: list[tuple[Link, int, Link | None]]
    more: int = 0
    last: Link | None = None


@dataclass
class Source:
    file: str
    line: int
    view: str = ""
    edit: str = ""
    updated: str = ""


@dataclass
class SiteModel:
    """Lookups over one org and its lint result, shared by every page."""

    org: Org
    result: LintResult
    view: ReportView
    people_pages: bool = True
    repo_url: str = ""
    repo_branch: str = "main"
    repo_kind: str = ""  # github, gitlab or gitea; "": from the URL
    repo_root: str = ""
    # the org's folder: a page's source file is named relative to it (`teams/teams.yaml`),
    # the same from whichever folder the site was built; "": as the loader shows it
    root: str = ""
    updated: dict[str, str] = field(default_factory=dict)  # file -> YYYY-MM-DD
    charters: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    holders: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    findings_of: dict[str, list[FindingRow]] = field(default_factory=dict)
    team_rows: dict[str, list[FindingRow]] = field(default_factory=dict)
    health: dict[str, TeamHealth] = field(default_factory=dict)
    lint: bool = True  # the rules' findings and team health shown (`SiteOptions.findings`)
    children: dict[str, list[str]] = field(default_factory=dict)
    handoffs_out: dict[str, list[Handoff]] = field(default_factory=dict)
    handoffs_in: dict[str, list[Handoff]] = field(default_factory=dict)
    led: dict[str, list[str]] = field(default_factory=dict)
    member_of: dict[str, list[str]] = field(default_factory=dict)
    okr_children: dict[str, list[str]] = field(default_factory=dict)
    serving: dict[str, list[str]] = field(default_factory=dict)
    steps_by: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    tracked_by: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    objectives_by: dict[str, list[str]] = field(default_factory=dict)
    process_owners: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    team_positions: dict[str, list[str]] = field(default_factory=dict)
    meetings_of: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # by node
    # by team: (meeting, ""), the meetings it is represented in, by meeting name; those it
    # attends through a team above are `above`'s
    team_meetings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # the names two teams, positions or people share: their links say the id too, as the
    # report's RACI header does (`陳志明 (chihming-chen)`)
    shared: frozenset[str] = frozenset()
    _krs: dict[str, list[KrView]] = field(default_factory=dict, repr=False)
    _kpis: dict[str, list[KpiView]] = field(default_factory=dict, repr=False)
    # (kind, id) -> its sort key by name: a person's page sorts some 20 duties and meetings,
    # each looked up once per build, not once per list it is in
    _sort_keys: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict,
                                                               repr=False)

    def __post_init__(self) -> None:
        org = self.org
        for raci in self.view.raci:
            for holder, letters in raci.cells.items():
                if holder.startswith("team:"):  # a team's charter, as its page lists it
                    self.charters.setdefault(ident_of(holder), []).append((raci.duty,
                                                                           letters))
        self.holders = _holders(org)
        named = Counter(str(entity.name) for table in (org.teams, org.positions, org.people)
                        for entity in table.values() if entity.name)
        self.shared = frozenset(name for name, n in named.items() if n > 1)
        # the findings, then those the baseline knows, marked known (check counts them
        # so; the team health counts both)
        for f, row in [*zip(self.result.findings, self.view.rows, strict=False),
                       *zip(self.result.baselined, self.view.known_rows, strict=False)]:
            self.findings_of.setdefault(f.entity, []).append(row)
            for tid in row.teams:  # every team the finding involves (`Finding.teams`)
                self.team_rows.setdefault(tid, []).append(row)
        self.health = {h.team: h for h in self.view.health} if self.lint else {}
        # each list made here is in the reader's order of names (`report.byname`): the
        # entities are walked so, and each list keeps the walk's order
        for tid in self.by_name("Team", org.teams):
            team = org.teams[tid]
            if team.parent in org.teams and team.parent != tid:
                self.children.setdefault(team.parent, []).append(tid)
            if team.lead in org.people:
                self.led.setdefault(team.lead, []).append(tid)
            for member in dict.fromkeys(team.members):
                if member in org.people:
                    self.member_of.setdefault(member, []).append(tid)
        for oid in self.by_name("Objective", org.objectives):
            obj = org.objectives[oid]
            if obj.aligns_to in org.objectives and obj.aligns_to != oid:
                self.okr_children.setdefault(obj.aligns_to, []).append(oid)
            for ref in dict.fromkeys([obj.owner, *(kr.owner for kr in obj.key_results)]):
                if ref:
                    self.objectives_by.setdefault(ref, []).append(oid)
        for pid in self.by_name("Process", org.processes):
            proc = org.processes[pid]
            if proc.owner:
                self.process_owners.setdefault(proc.owner, []).append(pid)
            if proc.responsibility:
                self.serving.setdefault(proc.responsibility, []).append(pid)
            for s in proc.steps:
                if s.owner:
                    self.steps_by.setdefault(s.owner, []).append((pid, s.id, s.name or s.id))
                if s.tracker:
                    self.tracked_by.setdefault(s.tracker, []).append(
                        (pid, s.id, s.name or s.id))
            self._handoffs(pid)
        self._positions_and_meetings()

    def _positions_and_meetings(self) -> None:
        """Positions by team; meetings by the node that chairs (True) or attends them,
        and by every team represented in them (the team, its positions or its people)."""
        from orgspec.model.positions import attendance_of, meeting_index, presence

        org = self.org
        for rid in self.by_name("Role", org.positions):
            pos = org.positions[rid]
            if pos.team in org.teams:
                self.team_positions.setdefault(pos.team, []).append(rid)
        self.meetings_of = meeting_index(org)
        own = presence(org).team_meetings
        for tid in org.teams:  # its own meetings (those of a team above: `above`)
            found = dict.fromkeys(own.get(tid, ()), "")
            for a in attendance_of(org, node_key("team", tid), self.meetings_of, above=False):
                found.setdefault(a.meeting, "")
            if found:
                self.team_meetings[tid] = [(mid, "") for mid in self.by_name("Meeting", found)]

    @cached_property
    def teams_below(self) -> dict[str, int]:
        """Team -> how many teams are below it, counted bottom-up once (linear); a team on
        or below a parent cycle is not in it."""
        org = self.org
        order = [t for t, team in org.teams.items()
                 if team.parent not in org.teams or team.parent == t]
        placed = set(order)
        for tid in order:
            for child in self.children.get(tid, ()):
                if child not in placed:
                    placed.add(child)
                    order.append(child)
        out = dict.fromkeys(order, 0)
        for tid in reversed(order):
            parent = org.teams[tid].parent
            if parent in placed and parent != tid:
                out[parent] += out[tid] + 1
        return out

    ABOVE_SHOWN = 5  # teams above whose meetings a page counts and links; the rest summed

    @cached_property
    def _above_index(self) -> tuple[dict[str, str], dict[str, int]]:
        """Team -> the nearest team above it that attends a meeting, and how many teams
        above it do, worked out once top-down (linear in the teams; each page then walks
        at most `ABOVE_SHOWN` of them, not its whole ancestry: a chain of 2,000 teams made
        every page walk the chain). A team on or below a parent cycle is in neither."""
        org = self.org
        nearest: dict[str, str] = {}
        count = {t: 0 for t, team in org.teams.items()
                 if team.parent not in org.teams or team.parent == t}
        queue = deque(count)
        while queue:
            tid = queue.popleft()
            attends = bool(self.meetings_of.get(node_key("team", tid)))
            for child in self.children.get(tid, ()):
                if child in count:
                    continue
                count[child] = count[tid] + attends
                near = tid if attends else nearest.get(tid)
                if near is not None:
                    nearest[child] = near
                queue.append(child)
        return nearest, count

    def _attending_above(self, tid: str) -> tuple[Iterator[str], int]:
        """The teams above `tid` that attend meetings, nearest first, lazily, and how many
        there are (-1: not known, on or below a parent cycle, where the walk stops)."""
        nearest, count = self._above_index
        if tid not in count:
            return (t for t in list(self.up(tid))[1:]
                    if self.meetings_of.get(node_key("team", t))), -1

        def walk() -> Iterator[str]:
            node = nearest.get(tid)
            while node is not None:
                yield node
                node = nearest.get(node)

        return walk(), count[tid]

    def above(self, teams: Iterable[str], reached: Iterable[str]) -> Above:
        """The meetings a team, or a person through `teams` (their own), attends through
        the teams above, grouped by that team, nearest first, each meeting once (not one of
        `reached`, the meetings met directly); at most `ABOVE_SHOWN` teams above each own
        team listed, the rest counted (`Above.more`)."""
        own = list(teams)
        walked, found = set(own), set(reached)
        groups: list[tuple[Link, int, Link | None]] = []
        more, last, prev = 0, "", ""
        for tid in own:
            chain, total = self._attending_above(tid)
            listed = 0
            for above in chain:
                if listed == self.ABOVE_SHOWN:
                    left = total - listed if total >= 0 else 1 + sum(1 for _ in chain)
                    if left > more:
                        more, last = left, prev
                    break
                listed += 1
                prev = above
                if above in walked:
                    continue
                walked.add(above)
                mids = [mid for mid, _ in self.meetings_of.get(node_key("team", above), ())
                        if mid not in found]
                found.update(mids)
                if mids:  # one meeting is named; more are counted
                    groups.append((self.team(above), len(mids),
                                   self.meeting(mids[0]) if len(mids) == 1 else None))
        return Above(groups, more, self.team(last) if last else None)

    # order ------------------------------------------------------------------------------

    @property
    def order(self) -> str:
        """The reader's order of names (text.collate.ORDERS), as the report's."""
        return self.view.name_order

    def by_name(self, kind: str, ids: Iterable[str]) -> list[str]:
        """`ids` of `kind` (`"Team"` ...) once each, by the name shown in the reader's
        order, the id breaking a tie; unknown ids last as written (`report.byname`)."""
        unique = list(dict.fromkeys(ids))
        table = self.org.table(kind)
        return sorted((i for i in unique if i in table), key=lambda i: self.name_key(kind, i)) \
            + [i for i in unique if i not in table]

    def name_key(self, kind: str, ident: str) -> tuple[Any, ...]:
        """The sort key of `ident` of `kind` by its shown name (`report.byname.sort_key`),
        made once per build."""
        key = self._sort_keys.get((kind, ident))
        if key is None:
            key = self._sort_keys[kind, ident] = sort_key(self.org, kind, ident, self.order)
        return key

    def node_name_key(self, node: str) -> tuple[Any, ...]:
        """`name_key` of a graph node (`team:x`, `person:y`, `role:z`)."""
        kind, _, ident = node.partition(":")
        return self.name_key(NODE_KINDS.get(kind, "Team"), ident)

    def shown_holders(self, rid: str, role: str) -> list[str]:
        """The holders of `role` on duty `rid` (team, person or position ids, as
        `holders`) by name, as a page lists them; `holders` keeps the RACI source's order,
        which `who_to_ask` picks from."""
        found = self.holders.get(rid, {}).get(role, [])
        return sorted(found, key=lambda h: self.node_name_key(self.org.holder(h) or h))

    # names and links -------------------------------------------------------------------

    def url(self, kind: str, ident: str) -> str:
        if kind == "Person" and not self.people_pages:
            return ""
        return f"{FOLDERS[kind]}/{page_name(ident)}.html"

    def team(self, tid: str) -> Link:
        team = self.org.teams.get(tid)
        if team is None:
            return Link(tid)
        return Link(self._said(team.name, tid), self.url("Team", tid))

    def _said(self, name: str | None, ident: str) -> str:
        """`name`, with `(ident)` when another entity shares it; `ident` for no name."""
        if not name:
            return ident
        return f"{name} ({ident})" if name in self.shared and name != ident else name

    @cached_property
    def _meant(self) -> dict[tuple[str, str, str], str]:
        """(entity key, field, value written) -> the id an unknown reference means, as
        `check` reads it (`model.unresolved.meant`); walked on first use, when a page has
        a reference that is no id."""
        from orgspec.model.unresolved import meant

        return {(u.entity, str(u.path[0]), u.value): u.meant for u in meant(self.org)
                if u.meant and len(u.path) <= 2}

    def meant_person(self, entity: str, field: str, value: str) -> str | None:
        """The person `value`, written in `field` of `entity` (`team:cs`, `members`) and no
        person's id, means as `check` reads it: `张　三` (a full-width space) or `张三` for
        `zhang-san`, `li-si` for `李四　`; None when it means none (RF001 says so)."""
        found = self._meant.get((entity, field, value))
        return found if found is not None and found in self.org.people else None

    def person(self, pid: str) -> Link:
        person = self.org.people.get(pid)
        if person is None:
            return Link(pid)
        text = self._said(person.name, pid)
        if not self.people_pages:  # no person page says their other-script name: said here
            from orgspec.model.names import name_with_other, other_name, written_entity

            text = name_with_other(text, other_name(
                person, self.view.lang, written_entity(self.org, "Person", pid)))
        return Link(text, self.url("Person", pid), person.title or "")

    def duty(self, rid: str) -> Link:
        resp = self.org.responsibilities.get(rid)
        if resp is None:
            return Link(rid)
        return Link(duty_title(resp, rid), self.url("Responsibility", rid))

    def objective(self, oid: str) -> Link:
        obj = self.org.objectives.get(oid)
        return Link(obj.title, self.url("Objective", oid)) if obj else Link(oid)

    def process(self, pid: str) -> Link:
        proc = self.org.processes.get(pid)
        return Link(proc.name or pid, self.url("Process", pid)) if proc else Link(pid)

    def position(self, rid: str) -> Link:
        pos = self.org.positions.get(rid)
        if pos is None:
            return Link(rid)
        team = self.org.teams.get(pos.team or "")
        return Link(self._said(pos.name, rid), self.url("Role", rid),
                    (team.name or team.id) if team else "")

    def meeting(self, mid: str) -> Link:
        meeting = self.org.meetings.get(mid)
        return Link(meeting.name or mid, self.url("Meeting", mid)) if meeting else Link(mid)

    def owner(self, ref: str | None) -> Link | None:
        """A team, person or position by id (that order wins, as in `Org.holder`);
        placeholders and unknown ids show as written."""
        if not ref:
            return None
        if ref in self.org.teams:
            return self.team(ref)
        if ref in self.org.people:
            return self.person(ref)
        if ref in self.org.positions:
            return self.position(ref)
        return Link(ref)

    def node(self, node: str) -> Link:
        """A link for a graph node key (`team:x`, `person:y`, `role:z`)."""
        kind, _, ident = node.partition(":")
        return {"team": self.team, "person": self.person, "role": self.position}.get(
            kind, Link)(ident)

    # relations ---------------------------------------------------------------------------

    def up(self, tid: str) -> Iterator[str]:
        """`tid`, then its parent chain nearest first, lazily (a walk that stops at the
        first lead costs what it walks, not the whole ancestry); stops at a cycle."""
        seen = {tid}
        yield tid
        node = self.org.teams[tid].parent
        while node in self.org.teams and node not in seen:
            seen.add(node)
            yield node
            node = self.org.teams[node].parent

    CRUMBS_NEAR = 3  # a breadcrumb shows the root, an ellipsis, and this many nearest levels

    def crumbs(self, tid: str) -> list[Link | None]:
        """The breadcrumb above team `tid`, root first, bounded: the root, None (drawn as an
        ellipsis) and the `CRUMBS_NEAR` nearest ancestors when the chain is deeper, so a
        page costs O(1) however deep the tree (a chain of 2,000 teams made every page list
        its whole ancestry: quadratic time and size). Stops at a cycle."""
        near: list[str] = []
        seen = {tid}
        node = self.org.teams[tid].parent
        while node in self.org.teams and node not in seen and len(near) <= self.CRUMBS_NEAR:
            seen.add(node)
            near.append(node)
            node = self.org.teams[node].parent
        if node not in self.org.teams or node in seen:  # the whole chain fits
            return [self.team(a) for a in near[::-1]]
        shown: list[Link | None] = [self.team(a) for a in near[:self.CRUMBS_NEAR][::-1]]
        return [self.team(self._root(node)), None, *shown]

    def _root(self, tid: str) -> str:
        """The top of `tid`'s parent chain (memoised: linear over all teams); at a cycle,
        the first team met twice."""
        roots = self.__dict__.setdefault("_roots", {})
        path, node, seen = [], tid, set()
        while node not in roots:
            parent = self.org.teams[node].parent
            path.append(node)
            seen.add(node)
            if parent not in self.org.teams or parent in seen:
                roots[node] = node
                path.pop()
                break
            node = parent
        top = roots[node]
        for n in path:
            roots[n] = top
        return str(top)

    def who_to_ask(self, rid: str, team: str = "") -> tuple[Link | None, str]:
        """Whom to ask about a duty: an accountable person; else the lead of the first
        accountable team, walking up the tree when a team has no lead; else a holder of an
        accountable position, or while it is vacant the lead of its team (walking up).
        Of several accountable teams (an overlap, OW001), `team` comes first when it is one
        of them (its own page asks its own lead), then those the duty itself names.
        Returns (person, the team whose lead it is, when that is not the accountable team
        or the position is vacant)."""
        named = {ident_of(h.holder) for h in self.org.raci.by_duty.get(rid, ())
                 if h.role == "accountable" and h.source == "duty"}
        teams = sorted((h for h in self.holders.get(rid, {}).get("accountable", [])
                        if h in self.org.teams), key=lambda t: (t != team, t not in named))
        people = [h for h in self.holders.get(rid, {}).get("accountable", [])
                  if h in self.org.people]
        if people:
            return self.person(people[0]), ""
        if not teams:
            positions = [h for h in self.holders.get(rid, {}).get("accountable", [])
                         if h in self.org.positions]
            if not positions:
                return None, ""
            held = self.org.position_holders.get(positions[0], [])
            if held:
                return self.person(held[0]), ""
            home = self.org.positions[positions[0]].team
            if home not in self.org.teams:
                return None, ""
            for tid in self.up(home):
                lead = self.org.teams[tid].lead
                if lead in self.org.people:
                    return self.person(lead), tid  # always said: the position is vacant
            return None, ""
        for tid in self.up(teams[0]):
            lead = self.org.teams[tid].lead
            if lead in self.org.people:
                return self.person(lead), "" if tid == teams[0] else tid
        return None, ""

    def unknown_lead(self, rid: str) -> str:
        """The lead written on the duty's first accountable team when it is not a known
        person ("" otherwise): why `who_to_ask` fell back to a lead further up."""
        teams = [h for h in self.holders.get(rid, {}).get("accountable", [])
                 if h in self.org.teams]
        lead = self.org.teams[teams[0]].lead if teams else None
        return lead if lead and lead not in self.org.people else ""

    def team_duties(self, tid: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(charter: duties held A or R, duties held only C or I), each (duty, letters)."""
        rows = sorted(self.charters.get(tid, []),
                      key=lambda row: self.name_key("Responsibility", row[0]))
        main = [(d, ls) for d, ls in rows if "A" in ls or "R" in ls]
        return main, [(d, ls) for d, ls in rows if "A" not in ls and "R" not in ls]

    def involvement(self, node: str, above: bool = True) -> Involvement:
        """The duties and meetings of a person, team or position: the same view
        `orgspec show` prints (`model.positions.involvement`); `above=False`: without the
        meetings of the teams above (`above`)."""
        from orgspec.model.positions import involvement

        return involvement(self.org, node, self.meetings_of, above)

    def position_duties(self, rid: str) -> list[tuple[str, str]]:
        """(duty, RACI letters) a position holds, by duty title in the reader's order."""
        letters: dict[str, set[str]] = {}
        for hold in self.org.raci.by_holder.get(node_key("role", rid), ()):
            letters.setdefault(hold.duty, set()).add(hold.role[0].upper())
        return [(d, "".join(x for x in "ARCI" if x in letters[d]))
                for d in self.by_name("Responsibility", letters)]

    def kpis(self, rid: str) -> list[KpiView]:
        """A position's KPIs with the key-result judgement (metric and target), worked out
        once per position."""
        cached = self._kpis.get(rid)
        if cached is None:
            cached = self._kpis[rid] = self._make_kpis(rid)
        return cached

    def _make_kpis(self, rid: str) -> list[KpiView]:
        from orgspec.model.okr import stated_target
        from orgspec.model.positions import kpi_measurable, kpi_verdict
        from orgspec.text.measurable import MISSING
        from orgspec.text.quantity import with_unit

        out = []
        for kpi in self.org.positions[rid].kpis:
            v = kpi_verdict(kpi)
            why: list[str] = [MISSING[m] for m in v.missing]
            if not why and v.vague:
                why = [M("vague wording: {words}", words=list(v.vague))]
            target = stated_target(kpi.title, kpi.target, v)
            out.append(KpiView(kpi.title, kpi.metric or "", with_unit(target, kpi.unit),
                               kpi_measurable(v), say_list(why, self.view.lang)))
        return out

    def steps_of(self, ref: str, tracked: bool = False) -> list[tuple[str, str, str]]:
        """(process, step id, step name) owned (or, with `tracked`, tracked) by a team,
        person or position."""
        return (self.tracked_by if tracked else self.steps_by).get(ref, [])

    def objectives_of(self, ref: str) -> list[str]:
        return self.objectives_by.get(ref, [])

    def okr_chain(self, oid: str) -> list[str]:
        out: list[str] = []
        seen = {oid}
        node = self.org.objectives[oid].aligns_to
        while node in self.org.objectives and node not in seen:
            seen.add(node)
            out.append(node)
            node = self.org.objectives[node].aligns_to
        return out[::-1]

    def krs(self, obj: Objective) -> list[KrView]:
        """The key results with their verdicts, worked out once per objective."""
        cached = self._krs.get(obj.id)
        if cached is None:
            cached = self._krs[obj.id] = self._make_krs(obj)
        return cached

    def _make_krs(self, obj: Objective) -> list[KrView]:
        from orgspec.model.okr import judged, key_result_values, shown_targets
        from orgspec.text.measurable import MISSING
        from orgspec.text.quantity import with_unit

        found = self.kr_findings.get(obj.id, [])
        out = []
        for i, kr in enumerate(obj.key_results):
            j = judged(self.org.incomplete, obj.id, obj, kr)  # as `check` and the report
            vals = key_result_values(obj, kr, j.verdict)  # as check and export read them
            metric, due = self._read_from(obj, kr.metric, vals.due,
                                          j.verdict if j.measurable else None)
            out.append(KrView(kr.id, kr.title, metric,
                              with_unit(vals.baseline, kr.unit),
                              with_unit(vals.current, kr.unit),
                              with_unit(shown_targets(kr.title, kr.target, j.verdict)
                                        or vals.target, kr.unit), due, self.owner(kr.owner),
                              j.measurable,
                              say_list([MISSING[m] for m in j.missing], self.view.lang),
                              vals.progress, j.unjudged,
                              found[i] if i < len(found) else []))
        return out

    def _read_from(self, obj: Objective, metric: str | None, due: Any,
                   verdict: Any) -> tuple[str, str]:
        """A key result's metric and due cells: the fields, else where the verdict read them
        (`(in the title)`; `end of 2027-Q1`, the objective's period) when it is measurable
        (`verdict` None otherwise), so a ✓ never stands beside empty cells."""
        words = LABELS[self.view.lang]
        shown = metric or (words["metric_in_title"] if verdict is not None and
                           verdict.metric else "")
        if due:
            return shown, due.isoformat()
        if verdict is None or not verdict.deadline:
            return shown, ""
        return shown, words["due_period"].format(period=obj.period) if obj.period else \
            words["metric_in_title"]  # a deadline in the sentence with no year to date it

    @cached_property
    def kr_findings(self) -> dict[str, list[list[tuple[str, str]]]]:
        """Objective id -> the findings on each of its key results, as the report marks
        them (`KrRow.findings`)."""
        return {o.id: [kr.findings for kr in o.krs] for o in self.view.okrs}

    def source(self, kind: str, ident: str) -> Source | None:
        key = node_key(kind, ident)
        origin = self.org.origins.get(key)
        if origin is None:
            return None
        line = origin.locate("id").line
        src = Source(self._in_org(origin.file), line,
                     updated=self.updated.get(origin.file, ""))
        if self.repo_url:
            src.view, src.edit = repo_links(self.repo_url, self.repo_branch,
                                            self._in_repo(origin.file), line, self.repo_kind)
        return src

    def _in_org(self, file: str) -> str:
        """`file` relative to the org's folder (`root`), with `/`; as given when outside
        it (or on another drive)."""
        import os

        if not self.root:
            return file.replace(os.sep, "/")
        try:
            rel = os.path.relpath(os.path.abspath(file), self.root)
        except ValueError:  # another drive
            return file.replace(os.sep, "/")
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return file.replace(os.sep, "/")
        return rel.replace(os.sep, "/")

    def _in_repo(self, file: str) -> str:
        import os

        if not self.repo_root:
            return file.replace(os.sep, "/")
        return os.path.relpath(os.path.abspath(file), self.repo_root).replace(os.sep, "/")

    def owner_teams(self, ref: str) -> list[str]:
        """The teams an owner stands for: a team itself, a position's team, the teams a
        person leads or belongs to; none for an unknown id."""
        org = self.org
        kind, _, ident = (org.holder(ref) or "").partition(":")
        if kind == "team":
            return [ident]
        if kind == "role":
            team = org.positions[ident].team
            return [team] if team in org.teams else []
        return org.person_teams.get(ident, []) if kind == "person" else []

    def hands_off(self, a: str | None, b: str | None) -> bool:
        """Whether `a` passing work to `b` is a hand-off between teams: two owners that
        share no team. A position's step passed to its own team, or a team's to one of its
        people, stays inside the team."""
        if not a or not b or a == b or is_placeholder(a) or is_placeholder(b):
            return False
        return not set(self.owner_teams(a)) & set(self.owner_teams(b))

    def _handoffs(self, pid: str) -> None:
        """Each hand-off between teams, out of and into the teams of the two owners (a
        position's step counts for its team)."""
        proc = self.org.processes[pid]
        owner = {s.id: s.owner for s in proc.steps}
        names = {s.id: s.name or s.id for s in proc.steps}
        for s in proc.steps:
            for n in s.next:
                a, b = s.owner, owner.get(n)
                if a is None or b is None or not self.hands_off(a, b):
                    continue
                link = self.process(pid)
                for team in self.owner_teams(a) or [a]:
                    self.handoffs_out.setdefault(team, []).append(Handoff(
                        link, s.id, n, _plain(self.owner(b)), names[s.id], names[n]))
                for team in self.owner_teams(b) or [b]:
                    self.handoffs_in.setdefault(team, []).append(Handoff(
                        link, s.id, n, _plain(self.owner(a)), names[s.id], names[n]))


def _plain(link: Link | None) -> Link:
    return link if link is not None else Link("")


def _holders(org: Org) -> dict[str, dict[str, list[str]]]:
    """Duty -> role -> team or person ids, from the org's one RACI source (both sides;
    unknown and placeholder owners left out)."""
    return {rid: {role: [ident_of(h) for h in org.raci.holders(rid, role)] for role in ROLES}
            for rid in org.responsibilities}


def entity_findings(model: SiteModel, kind: str, ident: str) -> list[FindingRow]:
    return model.findings_of.get(node_key(kind, ident), [])
