"""Did-you-mean over many ids: an index built once, so each lookup costs O(length), not O(ids).

Below `SMALL` ids, `difflib.get_close_matches` over all of them (the best suggestion, cheap
at that size). Above, a deletion index (the SymSpell idea): every id and every id with one
character deleted point to the id. A typo of one edit (a character dropped, added, changed
or two swapped) shares a key with its id: the word itself, or the word with one character
deleted. Candidates found so are ranked by difflib's ratio (cutoff 0.6), ties by id.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

SMALL = 2000


class Suggester:
    """Close ids for unknown ones, over a fixed set of `ids` (any iterable of str)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = sorted(set(ids))
        self._index: dict[str, list[str]] | None = None

    def close(self, word: str) -> str | None:
        """The closest id (difflib ratio >= 0.6), or None."""
        if len(self.ids) <= SMALL:
            pool = [c for c in self.ids if abs(len(c) - len(word)) <= 3]
            found = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
            return found[0] if found else None
        index = self._build()
        keys = {word, *_deletions(word)}
        pool = sorted({c for key in keys for c in index.get(key, ())})
        best = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
        return best[0] if best else None

    def _build(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = defaultdict(list)
            for ident in self.ids:
                index[ident].append(ident)
                for key in _deletions(ident):
                    index[key].append(ident)
            self._index = dict(index)
        return self._index


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option closest to `word` by difflib's ratio (>= cutoff), over a short list (rule
    codes and names); a tie goes to the first in sorted order, so `OK04` reads as `OK004`,
    not `OK014` (difflib's own ranking prefers the larger string)."""
    scored = [(-difflib.SequenceMatcher(None, word, o).ratio(), o) for o in sorted(options)]
    best = min(scored, default=None)
    return best[1] if best is not None and -best[0] >= cutoff else None
