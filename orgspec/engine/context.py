"""What a check sees: the org, its own options, and the graph built once per run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from orgspec.engine.memo import Memo
from orgspec.model.org import Org

if TYPE_CHECKING:
    import networkx as nx

    from orgspec.engine.summary import FileSummary
    from orgspec.load.cache import Cache

T = TypeVar("T")


@dataclass
class Shared:
    """State shared by every check of one run (the graph is built on first use)."""

    org: Org
    today: dt.date = field(default_factory=dt.date.today)
    _graph: Any = None
    _memo: dict[str, Any] = field(default_factory=dict)
    cache: Cache | None = None  # the on-disk cache of this run, if any (see `remember`)
    # each file's content hash, with the cache (`engine.parts` keeps work per file by it)
    digests: Mapping[str, str] | None = None
    # each file's summary as read, with the cache (OW007 reads its duties' text sites)
    summaries: Mapping[str, FileSummary] | None = None

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a value once per run and share it between rules (e.g. the gap analysis)."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def remember(self, name: str, inputs: object, compute: Callable[[], T],
                 kind: type[T]) -> T:
        """`compute()`, kept in the run's cache between runs (`memo.Memo.remember`)."""
        return self._kept().remember(name, inputs, compute, kind)

    def kept(self, name: str, kind: type[T]) -> T | None:
        """The value last stored under `name` for this org (`memo.Memo.kept`)."""
        return self._kept().kept(name, kind)

    def keep(self, name: str, value: object) -> None:
        """Store `value` under `name` for this org (`memo.Memo.keep`)."""
        self._kept().keep(name, value)

    def _kept(self) -> Memo:
        return Memo(self.cache, repr(self.org.files[:1]))

    @property
    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            from orgspec.model.graph import build_graph

            self._graph = build_graph(self.org)
        return self._graph


@dataclass
class RuleContext:
    """Handed to one check: the org, the graph and the rule's effective options."""

    shared: Shared
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def org(self) -> Org:
        return self.shared.org

    @property
    def graph(self) -> nx.MultiDiGraph:
        return self.shared.graph
