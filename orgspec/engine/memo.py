"""Values kept between runs in the cache, by a digest of their inputs or by the org: what
`context.Shared` offers the rules, without the org (a warm re-check that has no org,
`engine.warm`, keeps OW007's groups through the same entries)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from orgspec.load.cache import Cache

T = TypeVar("T")


@dataclass
class Memo:
    """The cache of a run (None: nothing is kept) and the org's name in it (`repr` of its
    first file, as a list: two orgs sharing a cache folder keep their own)."""

    cache: Cache | None
    org_name: str

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
        """Store `value` under `name` for this org, once the cache is primed."""
        if self.cache is not None and self.cache.primed():
            self.cache.put("memo", self._kept_key(name), value)

    def _kept_key(self, name: str) -> bytes:
        from orgspec.load.cache import make_key

        return make_key("kept", name, self.org_name)
