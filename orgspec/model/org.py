"""The validated org: entities by kind and id, each with the place it was written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from orgspec.findings import Location
from orgspec.model.models import (
    ROLES,
    Meeting,
    Objective,
    Person,
    Process,
    Responsibility,
    Role,
    Team,
    is_placeholder,
)

if TYPE_CHECKING:  # annotations only: the model does not run loader code
    from orgspec.load.sourcemap import FileMap
    from orgspec.load.suppress import Directive
    from orgspec.load.yamlevents import Path
    from orgspec.model.aliases import Renamed


@dataclass(frozen=True)
class Origin:
    """Where an entity (or an inline part of one) was written."""

    fmap: FileMap
    path: Path
    # the lists an invalid item was cut from (`members: ["", zzz]`: validate.salvage), each
    # as (its path below the entity, the index as written of each item kept), deepest first:
    # the model's `members[0]` is the file's `members[1]`
    kept: tuple[tuple[tuple[Any, ...], tuple[int, ...]], ...] = ()

    def locate(self, *sub: Any) -> Location:
        """The location of a field or item below the entity (`origin.locate("owner")`)."""
        return self.fmap.locate((*self.path, *self._written(sub)))

    def at(self, name: str) -> Location:
        """Where field `name` of the entity is written, else its `id`: a finding about a
        field left out sits on the id line, as the entity's other findings do, not on the
        line the entity starts (`- kind: Team`)."""
        node = self.fmap.node(self.path)
        return self.locate(name if isinstance(node, dict) and name in node else "id")

    def part(self, *sub: Any) -> Origin:
        """The origin of an inline part (`part("responsibilities", 2)`), where it is written."""
        n = len(sub)
        return Origin(self.fmap, (*self.path, *self._written(sub)),
                      tuple((p[n:], i) for p, i in self.kept if p[:n] == sub and len(p) > n))

    def _written(self, sub: tuple[Any, ...]) -> tuple[Any, ...]:
        """`sub` (model indices) with each index of a list an item was cut from as written."""
        if not self.kept:
            return sub
        out = list(sub)
        for path, written in self.kept:
            n = len(path)
            if tuple(sub[:n]) == path and len(sub) > n and isinstance(sub[n], int) and \
                    0 <= sub[n] < len(written):
                out[n] = written[sub[n]]
        return tuple(out)

    def value(self, *sub: Any) -> Location:
        """Where the value of a field or item is written: a text value (`owner: 周明`) at
        the text, not at its key, like a list's items; a list, a mapping or an empty value
        at its key (`locate`)."""
        path = (*self.path, *self._written(sub))
        if isinstance(self.fmap.node(path), str):
            return self.fmap.value(path)
        return self.fmap.locate(path)

    @property
    def file(self) -> str:
        return self.fmap.file


@dataclass(frozen=True)
class Claim:
    """A team's charter entry: `team` claims `role` on `responsibility`."""

    team: str
    responsibility: str
    role: str
    origin: Origin


@dataclass(frozen=True)
class RoleClaim:
    """A position's duty: position `position` holds `role` on `responsibility`."""

    position: str
    responsibility: str
    role: str
    origin: Origin


@dataclass
class Org:
    """All valid entities, their origins, and what could not be loaded."""

    teams: dict[str, Team] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    responsibilities: dict[str, Responsibility] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    processes: dict[str, Process] = field(default_factory=dict)
    positions: dict[str, Role] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    role_claims: list[RoleClaim] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)  # "team:x" -> origin
    invalid: set[str] = field(default_factory=set)  # "team:x" that failed validation
    invalid_at: dict[str, Origin] = field(default_factory=dict)  # where each was written
    # "team:x" or "objective:o/key_result:k" -> fields dropped as invalid -> value written
    incomplete: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file -> text, if it decoded
    # a re-import's `.new` waiting to be merged (IN018) -> its text: ids it defines are
    # referred to elsewhere before they are in the org (`engine.pending`)
    pending: dict[str, str] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)  # suppression comments
    renamed: list[Renamed] = field(default_factory=list)  # references to a former id
    # kind -> ids of the entities registered with `aliases`, in the order they joined: the
    # few that `model.aliases` reads, without a walk over every entity
    aliased: dict[str, list[str]] = field(default_factory=dict)
    # set on an org localized for display (`model.names.localized`): the reader's language,
    # and the org as written, whose names the search still finds
    localized_to: str | None = None
    written: Org | None = field(default=None, repr=False, compare=False)

    def table(self, kind: str) -> dict[str, Any]:
        """The entities of one kind (`"Team"` ...), by id."""
        table: dict[str, Any] = getattr(self, _TABLES[kind])
        return table

    def origin(self, kind: str, ident: str) -> Origin:
        return self.origins[node_key(kind, ident)]

    def entity_count(self) -> int:
        return sum(len(self.table(k)) for k in ENTITY_KINDS)

    def entities(self) -> Iterator[tuple[str, str]]:
        for kind in ENTITY_KINDS:
            for ident in self.table(kind):
                yield kind, ident

    def holder(self, ref: str | None) -> str | None:
        """The node of a team, person or position reference (`"team:x"`, `"role:y"`), or
        None (unknown or placeholder). The one owner lookup of the model; a team wins over
        a person, a person over a position of the same id."""
        if ref is None or is_placeholder(ref):
            return None
        if ref in self.teams:
            return node_key("team", ref)
        if ref in self.people:
            return node_key("person", ref)
        return node_key("role", ref) if ref in self.positions else None

    @cached_property
    def team_people(self) -> dict[str, list[str]]:
        """Team id -> the people it names, each once: its lead first (when a person), then
        its members, in order; ids that name no person are left out."""
        people = self.people
        return {tid: [pid for pid in dict.fromkeys((*([team.lead] if team.lead else []),
                                                     *team.members)) if pid in people]
                for tid, team in self.teams.items()}

    @cached_property
    def person_teams(self) -> dict[str, list[str]]:
        """Person id -> the team ids they lead or belong to, in team order."""
        out: dict[str, list[str]] = {}
        for tid, pids in self.team_people.items():
            for pid in pids:
                out.setdefault(pid, []).append(tid)
        return out

    @cached_property
    def people_positions(self) -> dict[str, list[str]]:
        """Person id -> the position ids they hold (from `holders` and `Person.roles`),
        sorted; people holding none are absent."""
        held: dict[str, set[str]] = {}
        for rid, pos in self.positions.items():
            for pid in pos.holders:
                if pid in self.people:
                    held.setdefault(pid, set()).add(rid)
        for pid, person in self.people.items():
            for rid in person.roles:
                if rid in self.positions:
                    held.setdefault(pid, set()).add(rid)
        return {pid: sorted(rids) for pid, rids in held.items()}

    @cached_property
    def position_holders(self) -> dict[str, list[str]]:
        """Position id -> the known people holding it, sorted (both sides merged)."""
        out: dict[str, list[str]] = {rid: [] for rid in self.positions}
        for pid, rids in self.people_positions.items():
            for rid in rids:
                out[rid].append(pid)
        return {rid: sorted(pids) for rid, pids in out.items()}

    @cached_property
    def raci(self) -> Raci:
        """Who holds each duty in which role, both RACI sides merged; computed once, on
        first use (after validation has filled the tables)."""
        return Raci.of(self)

    def mentions_in_failed(self, ident: str) -> bool:
        """True when a file that failed to load mentions `ident` (it may define it)."""
        return any(ident in text or not text for text in self.failed.values())


ENTITY_KINDS = ("Team", "Person", "Responsibility", "Objective", "Process", "Role", "Meeting")
_TABLES = {"Team": "teams", "Person": "people", "Responsibility": "responsibilities",
           "Objective": "objectives", "Process": "processes", "Role": "positions",
           "Meeting": "meetings"}


def node_key(kind: str, ident: str) -> str:
    """The entity's name in findings and in the graph: `team:order-platform`."""
    return f"{kind.lower()}:{ident}"


def ident_of(key: str) -> str:
    """The id in a node key: `team:order-platform` -> `order-platform`."""
    return key.split(":", 1)[1]


class Hold(NamedTuple):
    """One RACI statement: `holder` ("team:x", "person:y" or "role:z") holds `role` on duty
    `duty`, written on the duty (`source` "duty", at `path` below `origin`), in a team
    charter (`source` "charter") or in a position's duties (`source` "position").
    Immutable; a named tuple, not a frozen dataclass: an org has one per RACI statement
    (16,500 at 500 teams), and a frozen dataclass costs 3x the time to make."""

    duty: str
    holder: str
    role: str
    source: str
    origin: Origin
    path: tuple[Any, ...] = ()


@dataclass
class Raci:
    """Every RACI statement of the org, both sides merged, and who holds what per duty.

    `holds` keeps source order: each duty's own roles first (duties in order, roles in
    ROLES order), then the charter claims in file order, then the positions' duties in file
    order. References to unknown or
    placeholder owners are left out; claims on unknown duties too.
    """

    holds: list[Hold]
    by_duty: dict[str, list[Hold]]
    # the duties one of whose RACI fields names no owner of the org (a placeholder such as
    # `待定`, or an unknown id): the rules that look for placeholders read these alone
    unresolved: frozenset[str] = frozenset()

    @classmethod
    def of(cls, org: Org) -> Raci:
        # one pass over the statements, each duty's list filled as its holds are made (no
        # second walk over 16,500 holds at 500 teams); a hold made as a plain tuple of the
        # named tuple's class: `Hold(...)` is a Python-level call each
        make = tuple.__new__
        holds: list[Hold] = []
        by_duty: dict[str, list[Hold]] = {}
        unresolved: set[str] = set()
        origins = org.origins
        # an owner is named on many duties: each reference resolved once (`holder`)
        holder_of: dict[str, str | None] = {}
        for rid, resp in org.responsibilities.items():
            mine: list[Hold] = []
            by_duty[rid] = mine
            origin = origins["responsibility:" + rid]
            for role in ROLES:
                for i, ref in enumerate(getattr(resp, role)):
                    holder = holder_of.get(ref, "")
                    if holder == "":
                        holder = holder_of[ref] = org.holder(ref)
                    if holder is not None:
                        mine.append(make(Hold, (rid, holder, role, "duty", origin, (role, i))))
                    else:
                        unresolved.add(rid)
            holds += mine
        teams: dict[str, str] = {}  # team id -> its node key, made once per team
        for c in org.claims:
            of_duty = by_duty.get(c.responsibility)  # claims on unknown duties are left out
            if of_duty is not None:
                team = teams.get(c.team)
                if team is None:
                    team = teams[c.team] = node_key("team", c.team)
                hold = make(Hold, (c.responsibility, team, c.role, "charter", c.origin, ()))
                holds.append(hold)
                of_duty.append(hold)
        for rc in org.role_claims:
            of_duty = by_duty.get(rc.responsibility)
            if of_duty is not None:
                hold = make(Hold, (rc.responsibility, node_key("role", rc.position), rc.role,
                                   "position", rc.origin, ()))
                holds.append(hold)
                of_duty.append(hold)
        return cls(holds, by_duty, frozenset(unresolved))

    @cached_property
    def by_holder(self) -> dict[str, list[Hold]]:
        """Holder node -> its RACI statements, in `holds` order."""
        out: dict[str, list[Hold]] = {}
        for hold in self.holds:
            out.setdefault(hold.holder, []).append(hold)
        return out

    @cached_property
    def by_pair(self) -> dict[tuple[str, str], list[Hold]]:
        """(duty, holder node) -> the holder's RACI statements on the duty, in `holds` order."""
        out: dict[tuple[str, str], list[Hold]] = {}
        for hold in self.holds:
            out.setdefault((hold.duty, hold.holder), []).append(hold)
        return out

    def roles(self, duty: str, holder: str, source: str | None = None) -> set[str]:
        """The roles `holder` holds on `duty`, on one side (`source`: "duty", "charter",
        "position") or on any; the graph's `model.graph.roles_of` without a graph."""
        return {h.role for h in self.by_pair.get((duty, holder), ())
                if source is None or h.source == source}

    def claims(self, duty: str, role: str) -> list[tuple[str, tuple[Origin, tuple[Any, ...]]]]:
        """(holder node, site) for every statement of `role` on `duty`, in the order the
        graph's `model.graph.claims` gives them: the duty's own side first, then holders in
        the order of their first statement of any role on the duty (the graph's in-edge
        order), each holder's statements in `holds` order. A site is (origin, path below
        it)."""
        holds = self.by_duty.get(duty, [])
        first: dict[str, int] = {}
        for hold in holds:
            first.setdefault(hold.holder, len(first))
        found = sorted((h for h in holds if h.role == role),
                       key=lambda h: (h.source != "duty", first[h.holder]))
        return [(h.holder, (h.origin, h.path)) for h in found]

    def holders(self, duty: str, role: str = "accountable") -> list[str]:
        """The distinct holders of `role` on `duty`, sorted."""
        return sorted({h.holder for h in self.by_duty.get(duty, ()) if h.role == role})

    @cached_property
    def accountable(self) -> dict[str, list[str]]:
        """Duty -> its accountable holders, sorted (every duty, possibly empty); each duty's
        statements walked as `by_duty` holds them, not looked up again by id (50,000 ids
        at 5,000 teams: a look-up each on a page of its own)."""
        return {rid: sorted({h.holder for h in holds if h.role == "accountable"})
                for rid, holds in self.by_duty.items()}

    @staticmethod
    def accountable_of(org: Org, duties: Iterable[str]) -> dict[str, list[str]]:
        """`Raci.of(org).accountable` of `duties` alone (the known ones among them), without
        making every statement of the org: a run that needs a few duties' holders (the
        findings' teams) when no rule of this process built `org.raci`."""
        wanted = {rid for rid in duties if rid in org.responsibilities}
        found: dict[str, set[str]] = {rid: set() for rid in wanted}
        for rid in wanted:
            for ref in org.responsibilities[rid].accountable:
                holder = org.holder(ref)
                if holder is not None:
                    found[rid].add(holder)
        for c in org.claims:
            if c.role == "accountable" and c.responsibility in found:
                found[c.responsibility].add(node_key("team", c.team))
        for rc in org.role_claims:
            if rc.role == "accountable" and rc.responsibility in found:
                found[rc.responsibility].add(node_key("role", rc.position))
        return {rid: sorted(holders) for rid, holders in found.items()}

    @cached_property
    def matrix(self) -> dict[str, dict[str, str]]:
        """Duty -> holder node (`team:x`, `role:y` for a position, `person:z`) -> its RACI
        letters in ARCI order (`"AR"`): the one matrix the report, the export and the site
        show, both sides of every claim and the positions' duties merged."""
        out: dict[str, dict[str, str]] = {}
        for rid, holds in self.by_duty.items():
            letters: dict[str, set[str]] = {}
            for hold in holds:
                letters.setdefault(hold.holder, set()).add(hold.role[0].upper())
            out[rid] = {h: "".join(sorted(ls, key="ARCI".index)) for h, ls in letters.items()}
        return out

    def columns(self, names: Mapping[str, str] | None = None, order: str = "pinyin") -> list[str]:
        """The matrix's holders in column order: teams, then positions, then people, each
        by the label in `names` (holder node -> label) in `order` (text.collate.ORDERS:
        strokes or pinyin for Chinese), the id breaking ties; by id without `names`."""
        from orgspec.text.collate import name_key, person_key

        kinds = {"team": 0, "role": 1, "person": 2}
        held = {h for cells in self.matrix.values() for h in cells}
        labels = names or {}
        return sorted(held, key=lambda h: (kinds.get(h.split(":", 1)[0], 3),
                                           (person_key if h.startswith("person:") else name_key)(
                                               labels.get(h, ""), h, order)))
