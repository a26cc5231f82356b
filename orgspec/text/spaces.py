"""Blank characters a user types without seeing them at either end of a value: the IME's
full-width space (U+3000), a non-breaking space pasted from a web page or a document, a tab
inside quotes. They make an id that looks right unknown, so they are named in words."""

from __future__ import annotations

import unicodedata

from orgspec.i18n import M

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
