"""Escaping user text for each output channel (terminal, workflow commands, Markdown, XML).

The one escaping module: every output stage imports it from here."""

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


def gh_data(text: str) -> str:
    """GitHub workflow command data: `%`, CR and LF escaped (`%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """GitHub workflow command property: data escaping plus `:` and `,`."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")


def gh_line(text: str) -> str:
    """A human line printed inside GitHub Actions: it must not start or forge a command."""
    text = tty_text(text).replace("##[", "##\u200b[")
    return " \u200b" + text if text.lstrip().startswith("::") else text


_MD_SPECIAL = re.compile(r'([\\`*_{}\[\]()#+\-.!|~<>"\'=:$&])')
_MD_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                         "\u2060-\u2064\u2066-\u2069\ufeff]")


def md_inline(value: object, max_len: int = 1000) -> str:
    """User text for a Markdown table cell or line: one line, no markup, no mentions."""
    text = re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", str(value))
    text = _MD_CONTROL.sub("\ufffd", text)
    if len(text) > max_len:
        text = text[:max_len] + "…"
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("@", "@\u200b")
    return re.sub(r"#(?=\d)", "#\u200b", text)
