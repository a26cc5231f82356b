"""Escaping user text for the terminal: one finding is one line, and no escape sequences."""

from __future__ import annotations

import re

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def tty_text(value: str) -> str:
    """Replace newlines with ⏎ and control, bidi and invisible characters with escapes."""
    value = _BREAKS.sub("⏎", value)
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in value)
