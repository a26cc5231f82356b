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


# Characters that hide, reorder or corrupt text when shown as they are: C0 and C1 controls
# (but tab and newline), bidi controls and overrides (Trojan Source), zero-width characters,
# lone surrogates and the noncharacters (U+FDD0-FDEF and U+xFFFE/U+xFFFF of every plane).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                     "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(chr(p * 0x10000 + 0xFFFE) + chr(p * 0x10000 + 0xFFFF)
                               for p in range(17)) + "]")


def visible_text(value: str) -> str:
    """Show each hidden character as its code point, `[U+202E]`, so it is seen and inert."""
    return _HIDDEN.sub(lambda m: f"[U+{ord(m.group()):04X}]", value)
