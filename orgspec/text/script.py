"""Traditional Chinese read as Simplified, so one vocabulary judges both scripts.

Two of the seed documents are in Traditional script (提昇, 優化, 進一步, 召開, 上線, 確保).
OpenCC's `t2s` conversion (phrase-aware, maintained) maps them onto the Simplified words the
heuristics list. Two entry points: `simplified` (phrase-aware, for judging one field) and
`to_simplified` (character by character through a growing translate table, so the cost is per
distinct character, not per text: for comparing many duties). Never used on output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from orgspec.han import HAN_RANGES, han_char

_TABLE: dict[int, str] = {}
# every character `to_simplified` has looked at (in `_TABLE` or not a Han one): a text's
# others are found by one set difference, not one test per character
_SEEN: set[str] = set()


@lru_cache(maxsize=1)
def _converter() -> Any:
    from orgspec.i18n import t2s  # the content-language judgement's converter: one per run

    return t2s()


@lru_cache(maxsize=16384)
def simplified(text: str) -> str:
    """`text` with Traditional characters and phrases converted to Simplified; same length is
    not promised. Latin text and Simplified text come back as they were."""
    if not han_char().search(text):
        return text
    return str(_converter().convert(text))


def to_simplified(text: str) -> str:
    """`text` with every Traditional character replaced by its Simplified form (same length)."""
    if text.isascii():  # nothing to convert (the table holds no ASCII): most English duties
        return text
    fresh = set(text).difference(_SEEN)
    if not fresh:
        return text.translate(_TABLE)
    # not a lone surrogate (a command-line argument that was not UTF-8): OpenCC encodes
    new = [c for c in fresh
           if c >= "\u3400" and ord(c) not in _TABLE and not "\ud800" <= c < "\ue000"]
    if new:
        folded = _converter().convert("\n".join(new)).split("\n")
        if len(folded) == len(new):
            _TABLE.update((ord(c), f) for c, f in zip(new, folded, strict=True))
        else:  # a character became a line break or vanished: keep them unconverted
            _TABLE.update((ord(c), c) for c in new)
    _SEEN.update(fresh)
    return text.translate(_TABLE)


def to_simplified_each(texts: list[str]) -> list[str]:
    """`to_simplified` of each text, with one scan for characters not yet in the table."""
    to_simplified("".join(texts))
    return [t.translate(_TABLE) for t in texts]


# The code points `traditional_forms` asks OpenCC about: the Han ranges of the Basic
# Multilingual Plane (extension A, the unified block, the compatibility ideographs), where
# every Traditional/Simplified pair orgspec meets lies; the supplementary extensions (about
# 80,000 rare characters) would cost ten times the scan for no pair.
_FOLDABLE = tuple((lo, hi + 1) for lo, hi in HAN_RANGES if hi < 0x10000)


# the tables of `keeping_forms`, innermost last; empty outside it
_FORMS_KEPT: list[dict[str, tuple[str, ...]]] = []


@contextmanager
def keeping_forms(table: dict[str, tuple[str, ...]]) -> Iterator[dict[str, tuple[str, ...]]]:
    """While inside, `traditional_forms` is `table`: as an earlier run computed it (from the
    same OpenCC and orgspec: the caller's cache key says so), or, when empty, filled on
    first use for the caller to keep for the next run (a site's search index and the HTML
    report's filter carry a fold table: 0.1-0.16 s of CPU a build otherwise)."""
    _FORMS_KEPT.append(table)
    try:
        yield table
    finally:
        _FORMS_KEPT.remove(table)


def traditional_forms() -> dict[str, tuple[str, ...]]:
    """Simplified character -> the characters `to_simplified` turns into it (发 -> 發, 髮),
    for every foldable code point; about 3,900 entries, 0.1 s of CPU once (`keeping_forms`
    keeps them between runs). Read-only."""
    if _FORMS_KEPT:
        table = _FORMS_KEPT[-1]
        if not table:
            table.update(_traditional_forms())
        return table
    return _traditional_forms()


@lru_cache(maxsize=1)
def _traditional_forms() -> dict[str, tuple[str, ...]]:
    """`traditional_forms` as OpenCC gives them."""
    chars = "".join(chr(c) for a, b in _FOLDABLE for c in range(a, b))
    to_simplified(chars)  # one conversion fills the table for every character
    out: dict[str, list[str]] = {}
    for ch in chars:
        folded = to_simplified(ch)
        if folded != ch:
            out.setdefault(folded, []).append(ch)
    return {s: tuple(ts) for s, ts in out.items()}


def fold_table(chars: Iterable[str]) -> dict[str, str]:
    """Traditional -> Simplified for every Traditional form of the Simplified characters
    among `chars` (strings of one character; others are skipped): all a browser needs to
    fold a text made of those characters, and a query for it, as `to_simplified` does. The
    site's search index (`meta.js`) and the HTML report's text filter both carry one."""
    forms = traditional_forms()
    return {t: s for s in chars if len(s) == 1 and s in forms for t in forms[s]}
