"""The validated org: entities by kind and id, each with the place it was written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Location
from orgspec.models import Objective, Person, Process, Responsibility, Team
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

    def mentions_in_failed(self, ident: str) -> bool:
        """True when a file that failed to load mentions `ident` (it may define it)."""
        return any(ident in text or not text for text in self.failed.values())


ENTITY_KINDS = ("Team", "Person", "Responsibility", "Objective", "Process")
_TABLES = {"Team": "teams", "Person": "people", "Responsibility": "responsibilities",
           "Objective": "objectives", "Process": "processes"}


def node_key(kind: str, ident: str) -> str:
    """The entity's name in findings and in the graph: `team:order-platform`."""
    return f"{kind.lower()}:{ident}"
