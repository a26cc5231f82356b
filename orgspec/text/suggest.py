"""Did-you-mean over many ids: an index built once, so each lookup costs O(length), not O(ids).

Below `SMALL` ids, `difflib.get_close_matches` over all of them (the best suggestion, cheap
at that size). Above, a deletion index (the SymSpell idea): every id and every id with one
character deleted point to the id. A typo of one edit (a character dropped, added, changed
or two swapped) shares a key with its id: the word itself, or the word with one character
deleted. Candidates found so are ranked by difflib's ratio (cutoff 0.6), ties by id.

The index is compact: its keys are the hashes of those strings (an int each, the string
itself is dropped once hashed) and a key's value is the id itself, a list only where ids
collide: about 70 bytes a key instead of ~180 for a str key and a list per key, so at
65,000 ids (650,000 keys) it is built without a miss to memory per key. A hash shared by
strings that differ only widens the candidates; each is kept only if it really shares a
string with the word (`_shares_a_key`), so the candidates, and the suggestion, are those of
the string index.

A ratio alone suggests unrelated pinyin ids: `huang-lei` and `zhang-wei` share `ang-` and
`ei` (ratio 0.78). So a candidate must also be a plausible typo: within `allowed(word)`
edits (a character dropped, added, changed, or two neighbours swapped), one edit per five
characters, at least one: `zhang-wie` -> `zhang-wei` (1 of 1), `custmer-service` ->
`customer-service` (1 of 3), but not `huang-lei` -> `zhang-wei` (3 of 1).
"""

from __future__ import annotations

import difflib
import heapq
from collections.abc import Iterable

SMALL = 2000
_RANKED = 5  # the best candidates by ratio that are checked for a plausible typo
CUTOFF = 0.6  # difflib's ratio a candidate needs


def allowed(word: str) -> int:
    """How many edits a typo of `word` may hold: one per five characters, at least one."""
    return max(1, len(word) // 5)


def edits(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of `a` and `b` (insertions, deletions,
    substitutions, swaps of neighbours), or `limit + 1` once it must exceed `limit`.
    O(len(a) * len(b)) on short ids."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit and min(prev) > limit:  # a swap reaches back two rows
            return limit + 1
        before, prev = prev, row
    return prev[-1]


class Suggester:
    """Close ids for unknown ones, over a fixed set of `ids` (any iterable of str)."""

    def __init__(self, ids: Iterable[str]) -> None:
        # in the order given (an org's tables: the order its entities were made in, so a
        # walk over them reads memory in order), each id once; sorting them would read
        # every id again in an order unrelated to where it lies, and no suggestion depends
        # on the order
        self.ids = list(dict.fromkeys(ids))
        self._index: dict[int, str | list[str]] | None = None

    def close(self, word: str) -> str | None:
        """The closest id (difflib ratio >= 0.6), or None."""
        return self._ranked(word, self._pool(word))

    def nearest(self, word: str) -> list[str]:
        """Every id as close to `word` as the closest (`close`), sorted: `t02` is as close to
        `t002` as to `t012`, so a hint names both rather than pick one (`close` takes the
        larger string, difflib's tie-break, the wrong one half the time)."""
        return self._tied(word, self._pool(word))

    def extended(self, word: str) -> list[str]:
        """The ids whose hyphen-separated parts begin or end with all of `word`'s, and
        have more (`product` -> `product-center`, `marketing` -> `brand-marketing`): an id
        renamed by adding a word, which no edit distance finds. Sorted; O(ids)."""
        if not word or not all(word.split("-")):
            return []
        return sorted(i for i in self.ids
                      if i.startswith(word + "-") or i.endswith("-" + word))

    def _pool(self, word: str) -> Iterable[str]:
        if len(self.ids) <= SMALL:
            limit = allowed(word)
            return [c for c in self.ids if abs(len(c) - len(word)) <= limit]
        return self._candidates(word)

    def close_many(self, words: Iterable[str]) -> dict[str, str | None]:
        """{word: `close(word)`} for each of `words`, the same suggestions. Over many ids
        whose index is not built, the words are indexed instead (their strings, a few per
        word) and the ids walked once against them: the same candidates as the ids'
        index finds, without a table of every id's strings (ten or more per id, 1.5 million
        at 5,000 teams, each insert on a page of its own)."""
        return {word: self._ranked(word, pool) for word, pool in self._pools(words).items()}

    def nearest_many(self, words: Iterable[str]) -> dict[str, list[str]]:
        """{word: `nearest(word)`} for each of `words`, their candidates found as
        `close_many` finds them."""
        return {word: self._tied(word, pool) for word, pool in self._pools(words).items()}

    def _pools(self, words: Iterable[str]) -> dict[str, Iterable[str]]:
        """{word: its candidates} for each of `words` (`close_many`)."""
        asked = list(dict.fromkeys(words))
        if len(self.ids) <= SMALL or self._index is not None:
            return {word: self._pool(word) for word in asked}
        keys: dict[str, list[int]] = {}  # a word's string -> the words it is a string of
        for i, word in enumerate(asked):
            for key in {word, *_deletions(word)}:
                keys.setdefault(key, []).append(i)
        lengths = {len(key) for key in keys}
        found: list[set[str]] = [set() for _ in asked]
        for ident in self.ids:
            n = len(ident)
            if n in lengths:
                for i in keys.get(ident, ()):
                    found[i].add(ident)
            if n - 1 in lengths:
                for k in range(n):
                    hit = keys.get(ident[:k] + ident[k + 1:])
                    if hit is not None:
                        for i in hit:
                            found[i].add(ident)
        return dict(zip(asked, found, strict=True))

    def _ranked(self, word: str, pool: Iterable[str]) -> str | None:
        """The best of `pool` by difflib's ratio that is a plausible typo of `word`."""
        limit = allowed(word)
        ranked = best_matches(word, pool, _RANKED, CUTOFF)
        return next((c for c in ranked if edits(word, c, limit) <= limit), None)

    def _tied(self, word: str, pool: Iterable[str]) -> list[str]:
        """The plausible typos of `word` in `pool` with the best ratio among them, sorted."""
        limit = allowed(word)
        scored = [(r, c) for r, c in best_scored(word, pool, _RANKED, CUTOFF)
                  if edits(word, c, limit) <= limit]
        return sorted(c for r, c in scored if r == scored[0][0]) if scored else []

    def _candidates(self, word: str) -> list[str]:
        """The ids sharing a string with `word` (itself or with one character deleted),
        sorted."""
        index = self._build()
        keys = {word, *_deletions(word)}
        found: set[str] = set()
        for key in keys:
            hit = index.get(hash(key))
            if hit is None:
                continue
            for ident in (hit,) if isinstance(hit, str) else hit:
                if ident not in found and _shares_a_key(ident, keys):
                    found.add(ident)
        return sorted(found)

    def _build(self) -> dict[int, str | list[str]]:
        if self._index is None:
            index: dict[int, str | list[str]] = {}
            for ident in self.ids:
                for key in {ident, *_deletions(ident)}:
                    h = hash(key)
                    held = index.get(h)
                    if held is None:
                        index[h] = ident
                    elif isinstance(held, str):
                        index[h] = [held, ident]
                    else:
                        held.append(ident)
            self._index = index
        return self._index


def best_matches(word: str, pool: Iterable[str], n: int, cutoff: float) -> list[str]:
    """`difflib.get_close_matches(word, pool, n, cutoff)`, as `best_scored` finds them."""
    return [c for _, c in best_scored(word, pool, n, cutoff)]


def best_scored(word: str, pool: Iterable[str], n: int,
                cutoff: float) -> list[tuple[float, str]]:
    """(ratio, candidate) of `difflib.get_close_matches(word, pool, n, cutoff)` (the `n` best
    by ratio, ties to the larger string), best first, computing the ratio of as few
    candidates as it can: they are taken from the highest bound on their ratio down (two
    strings of lengths a and b match in at most min(a, b) characters, in fewer when they
    differ and a == b), and none is taken once the `n` found beat the bound of the next.
    Among the close ids of a dense org (`li-01234-2` beside hundreds of `li-0xxxx-2`) most
    candidates share one bound, so this computes about `n` ratios a word where difflib
    computes one per candidate, and the candidates grow with the org."""
    size = len(word)

    def bound(c: str) -> float:
        if c == word:
            return 1.0
        length = size + len(c)
        matched = min(size, len(c)) - (size == len(c))
        return 2.0 * matched / length if length else 1.0

    ranked = sorted(((bound(c), c) for c in pool), reverse=True)
    found: list[tuple[float, str]] = []  # (ratio, candidate), a heap of the n best
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    for top, c in ranked:
        if top < cutoff or (len(found) >= n and found[0] > (top, c)):
            break
        matcher.set_seq1(c)
        if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
            ratio = matcher.ratio()
            if ratio >= cutoff:
                if len(found) < n:
                    heapq.heappush(found, (ratio, c))
                else:
                    heapq.heappushpop(found, (ratio, c))
    return sorted(found, reverse=True)


def _shares_a_key(ident: str, keys: set[str]) -> bool:
    return ident in keys or any(key in keys for key in _deletions(ident))


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option closest to `word` by difflib's ratio (>= cutoff), over a short list (rule
    codes and names); a tie goes to the first in sorted order, so `OK04` reads as `OK004`,
    not `OK014` (difflib's own ranking prefers the larger string)."""
    scored = [(-difflib.SequenceMatcher(None, word, o).ratio(), o) for o in sorted(options)]
    best = min(scored, default=None)
    return best[1] if best is not None and -best[0] >= cutoff else None
