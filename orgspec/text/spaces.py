"""Blank characters a user types without seeing them at either end of a value: the IME's
full-width space (U+3000), a non-breaking space pasted from a web page or a document, a tab
inside quotes. They make an id that looks right unknown, so they are named in words; inside
a name they hide it from a search (`without_wide_spaces`), as IME quotes around it do
(`quotes_around`)."""

from __future__ import annotations

import unicodedata

from orgspec.han import is_han
from orgspec.i18n import M
from orgspec.lazyre import lazy

# Quotes a Chinese IME types instead of ASCII ones (`[“p1”]`): YAML keeps them as part of
# the value, so the id they surround is unknown.
IME_QUOTES = "“”‘’「」『』＂＇"

_NAMES = {"\u3000": M("a full-width space"), "\xa0": M("a non-breaking space"),
          "\t": M("a tab"), " ": M("a space")}


def stray_blank(value: str) -> tuple[str, str, bool] | None:
    """(the value without the blanks at its ends, the first stray one in words, e.g. `a
    full-width space`, whether it is at the end), or None when it has none."""
    bare = value.strip()
    if bare == value or not bare:
        return None
    at_end = value != value.rstrip()
    char = value[len(value.rstrip())] if at_end else value[0]
    what = _NAMES.get(char) or M("a blank character ({name})",
                                 name=unicodedata.name(char, f"U+{ord(char):04X}").lower())
    return bare, what, at_end


def fold_width(text: str) -> str:
    """`text` with full-width ASCII forms as ASCII (`２小时` -> `2小时`, `１０：００` ->
    `10:00`, `ＨＲ` -> `HR`) and the ideographic space as a space; Han characters and all else
    as they are: the width an IME gives a digit says nothing about its value. Same length."""
    return text.translate(_WIDTH)


_WIDTH = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: " "})


# Space separators other than the ASCII space: U+3000 (an IME's full-width space), no-break
# and the typographic spaces. Each looks like a space but is not one to a search.
WIDE_SPACE = lazy("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# The quote pairs a Chinese IME types where YAML wants `"` or `'`; each side either way
# round, as IMEs alternate them (“x“, ”x”).
QUOTE_PAIRS = ("“”", "‘’", "「」", "『』", "＂", "＇")
_QUOTE_CHARS = frozenset("".join(QUOTE_PAIRS))


def without_wide_spaces(name: str) -> str:
    """`name` without its wide spaces (WIDE_SPACE): dropped between two Han characters
    (何　静 -> 何静) and at either end, else an ASCII space."""
    out = []
    for i, ch in enumerate(name):
        if WIDE_SPACE.match(ch):
            before, after = name[i - 1:i], name[i + 1:i + 2]
            if (is_han(before) and is_han(after)) or not before or not after:
                continue
            ch = " "
        out.append(ch)
    return "".join(out).strip()


def quotes_around(text: str) -> str | None:
    """The quote pair (`“”`) that `text` stands wholly inside, else None (`“双11”大促`:
    the quotes close inside the text)."""
    if len(text) <= 2 or text[0] not in _QUOTE_CHARS:  # most names: no pair to try
        return None
    for pair in QUOTE_PAIRS:
        if len(text) > 2 and text[0] in pair and text[-1] in pair and \
                not any(q in text[1:-1] for q in pair):
            return text[0] + text[-1]
    return None
