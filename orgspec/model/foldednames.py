"""Entities by the name they are written under in another script, width, case or spacing:
one index for RF001's hint (`checks.references`) and the reference a rule reads as meant
(`model.unresolved`), so both find `林志伟` for 林志偉, `ＨＲ部` for HR部 and `returns cell`
for Returns Cell alike."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


class FoldedNames(Generic[T]):
    """`names` (a name as written -> what it names; of names that fold alike, the first, or
    what `merge` makes of them)
    looked up as `text.fold.fold_name` folds them. Built on first use: the ASCII names
    (cheap: spaces and case) for any value, the Chinese ones too only once a value that is
    not all ASCII asks, as only such a value can be their other script or width."""

    def __init__(self, names: Mapping[str, T],
                 merge: Callable[[T, T], T] | None = None) -> None:
        self._names = names
        self._merge = merge  # of two names that fold alike (张伟, 張偉); else the first
        self._ascii: dict[str, T] | None = None
        self._all: dict[str, T] | None = None

    def get(self, value: str) -> T | None:
        """What `value` names in another script, width, case or spacing, else None. An
        all-ASCII value is matched against the ASCII names only."""
        from orgspec.text.fold import fold_name

        plain = value.isascii()
        index = self._ascii if plain else self._all
        if index is None:
            index = {}
            for name, found in self._names.items():
                if name.isascii():
                    self._add(index, " ".join(name.split()).casefold(), found)
                elif not plain:
                    self._add(index, fold_name(name), found)
            if plain:
                self._ascii = index
            else:
                self._all = index
        return index.get(fold_name(value))

    def _add(self, index: dict[str, T], key: str, found: T) -> None:
        if key in index and self._merge is not None:
            index[key] = self._merge(index[key], found)
        else:
            index.setdefault(key, found)
