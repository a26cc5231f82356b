"""What a check sees: the org, its own options, and the graph built once per run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from orgspec.model.org import Org

if TYPE_CHECKING:
    import networkx as nx

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

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a value once per run and share it between rules (e.g. the gap analysis)."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def remember(self, name: str, inputs: object, compute: Callable[[], T],
                 kind: type[T]) -> T:
        """`compute()`, kept in the run's cache between runs under `name` and `repr(inputs)`:
        for a pure, costly function of `inputs` (plain data whose repr is exact) that stays
        the same when the edit was elsewhere. A missing or doubtful entry is computed."""
        if self.cache is None:
            return compute()
        from orgspec.load.cache import make_key

        key = make_key("memo", name, repr(inputs))
        value = self.cache.get("memo", key, kind)
        if value is None:
            value = compute()
            if self.cache.primed():
                self.cache.put("memo", key, value)
        return value

    def kept(self, name: str, kind: type[T]) -> T | None:
        """The value last stored under `name` for this org (`keep`), None without one or
        a cache. For values that are checked or pure per item (a memo by text), never
        trusted as a result."""
        if self.cache is None:
            return None
        return self.cache.get("memo", self._kept_key(name), kind)

    def keep(self, name: str, value: object) -> None:
        """Store `value` under `name` for this org (the org's first file names it: two orgs
        sharing a cache folder keep their own), once the cache is primed."""
        if self.cache is not None and self.cache.primed():
            self.cache.put("memo", self._kept_key(name), value)

    def _kept_key(self, name: str) -> bytes:
        from orgspec.load.cache import make_key

        return make_key("kept", name, repr(self.org.files[:1]))

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
