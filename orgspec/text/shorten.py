"""Text a user wrote, on one line and cut to a width with `…`, for a message to quote."""

from __future__ import annotations

import unicodedata

from orgspec.text.separators import FULL_COMMAS

# what a cut text does not end with before its `…`: blanks and separators
_TRAILING = " ,;:：" + FULL_COMMAS
# columns of a text a message quotes (a key result's, a wrong value): 30 Chinese characters
SHOWN = 60
# a cut this near the start of a word (in columns) backs up to the word's start; further,
# the word is cut (a 40-letter identifier is better cut than dropped)
_WORD_BACK = 16


def columns(char: str) -> int:
    """How many terminal columns `char` takes: 2 for a wide character (汉字, full-width
    forms), else 1."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _in_word(char: str) -> bool:
    """Whether `char` belongs to a word or number that a cut should not split (`132万`'s
    digits, `retention`, `99.95%`): Latin letters, digits and the marks inside a number."""
    return char.isascii() and (char.isalnum() or char in ".,%_-/")


def shorten(text: str, width: int) -> str:
    """`text` with its blanks and line breaks as single spaces and, when it takes more
    than `width` columns, cut to fit with `…` (counted in the width): before the word or
    number the cut would split (`from 1.2M to…`, not `from 1.2M to 1.3…`), unless that
    word is long, and without the blanks or punctuation before the cut."""
    flat = " ".join(text.split())
    if sum(columns(c) for c in flat) <= width:
        return flat
    used, end = 0, 0
    for i, char in enumerate(flat):
        used += columns(char)
        if used > width - 1:  # `…` takes one column
            break
        end = i + 1
    cut = end
    if end < len(flat) and _in_word(flat[end]):
        start = cut
        while start > 0 and _in_word(flat[start - 1]):
            start -= 1
        if start > 0 and sum(columns(c) for c in flat[start:end]) <= _WORD_BACK:
            cut = start
    kept = flat[:cut].rstrip(_TRAILING)
    return (kept or flat[:end]) + "…"


def shown(value: object) -> object:
    """`value` as a message quotes it: a text wider than SHOWN columns on one line and cut
    with `…` (`'99999999999…'` for a 5,000-digit `headcount`), as a key result's text is
    (`model.krname`), so every output format says one short message; else `value`."""
    if isinstance(value, str) and sum(columns(c) for c in value) > SHOWN:
        return shorten(value, SHOWN)
    return value
