"""The order names are listed in: alphabetical for Latin script, pinyin for Chinese (both
scripts), so a list of 技术部, 客服部, 运营部 reads 技术部 (jì), 客服部 (kè), 运营部 (yùn), as in a
Chinese spreadsheet's pinyin sort, not by the ASCII ids behind them.

pypinyin (phrase-aware: 重庆 is chóng) gives the readings; it loads a dictionary (about
0.3 s of CPU), so it is imported only when a name with Han characters is sorted, and each
name's key is cached for the run.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from orgspec.han import is_han as _is_han


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character (Simplified or Traditional)."""
    return any(_is_han(ch) for ch in text)


@lru_cache(maxsize=65536)
def collation_key(text: str) -> tuple[tuple[str, int, str], ...]:
    """The sort key of `text`: per character (its letters, its tone 0-5, the character),
    letters being a Han character's toneless pinyin and any other character folded
    (case, width, accents), so Chinese and Latin names interleave alphabetically and ties
    fall back to the characters themselves (a total, stable order)."""
    folded = unicodedata.normalize("NFKC", text)
    if not any(_is_han(ch) for ch in folded):
        return tuple((_fold(ch), 0, ch) for ch in folded)
    readings = _readings(folded)
    return tuple((reading.rstrip("012345"), int(reading[-1]) if reading[-1:].isdigit() else 0,
                  ch) if _is_han(ch) else (_fold(ch), 0, ch)
                 for ch, reading in zip(folded, readings, strict=True))


def name_key(name: str, ident: str = "") -> tuple[Any, ...]:
    """The sort key of an entity shown by `name` (its id when it has none), with `ident`
    as the tiebreak: `sorted(teams, key=lambda t: name_key(t.name or t.id, t.id))`."""
    return (collation_key(name or ident), ident)


def _fold(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in base if not unicodedata.combining(c)) or ch


def _readings(text: str) -> list[str]:
    """One pinyin reading (TONE3: `zhong1`) per character of `text` (pypinyin gives one per
    Han character and, with `errors=list`, one per other character); "" for a character
    that is not Han."""
    from pypinyin import Style, pinyin

    apart: Any = list  # pypinyin's `errors` also takes a callable returning a list
    groups = pinyin(text, style=Style.TONE3, errors=apart, strict=False)
    if len(groups) != len(text):  # not one per character: read each alone
        groups = [pinyin(ch, style=Style.TONE3, errors=apart, strict=False)[0] for ch in text]
    return [group[0] if _is_han(ch) else "" for ch, group in zip(text, groups, strict=True)]
