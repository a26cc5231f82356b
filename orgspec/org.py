"""The validated org: entities by kind and id, each with the place it was written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Location
from orgspec.models import Objective, Person, Process, Responsibility, Team, is_placeholder
from orgspec.sourcemap import FileMap
from orgspec.suppress import Directive
from orgspec.yamlevents import Path


@dataclass(frozen=True)
class Origin:
    """Where an entity (or an inline part of one) was written."""

    fmap: FileMap
    path: Path

    def locate(self, *sub: Any) -> Location:
        """The location of a field or item below the entity (`origin.locate("owner")`)."""
        return self.fmap.locate((*self.path, *sub))

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


@dataclass
class Org:
    """All valid entities, their origins, and what could not be loaded."""

    teams: dict[str, Team] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    responsibilities: dict[str, Responsibility] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    processes: dict[str, Process] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)  # "team:x" -> origin
    invalid: set[str] = field(default_factory=set)  # "team:x" that failed validation
    # "team:x" or "objective:o/key_result:k" -> fields dropped as invalid -> value written
    incomplete: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file -> text, if it decoded
    directives: list[Directive] = field(default_factory=list)  # suppression comments

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

    def accountable_holders(self) -> dict[str, list[str]]:
        """Duty -> its accountable owners ("team:x", "person:y"), from both RACI sides.
        The same owners as `graph.accountable_owners`, without building the graph."""
        out: dict[str, set[str]] = {rid: set() for rid in self.responsibilities}
        for rid, resp in self.responsibilities.items():
            out[rid].update(self._owner_node(ref) for ref in resp.accountable)
        for claim in self.claims:
            if claim.role == "accountable" and claim.responsibility in out:
                out[claim.responsibility].add(node_key("team", claim.team))
        return {rid: sorted(h for h in holders if h) for rid, holders in out.items()}

    def _owner_node(self, ref: str) -> str:
        if is_placeholder(ref):
            return ""
        if ref in self.teams:
            return node_key("team", ref)
        return node_key("person", ref) if ref in self.people else ""

    def mentions_in_failed(self, ident: str) -> bool:
        """True when a file that failed to load mentions `ident` (it may define it)."""
        return any(ident in text or not text for text in self.failed.values())


ENTITY_KINDS = ("Team", "Person", "Responsibility", "Objective", "Process")
_TABLES = {"Team": "teams", "Person": "people", "Responsibility": "responsibilities",
           "Objective": "objectives", "Process": "processes"}


def node_key(kind: str, ident: str) -> str:
    """The entity's name in findings and in the graph: `team:order-platform`."""
    return f"{kind.lower()}:{ident}"
