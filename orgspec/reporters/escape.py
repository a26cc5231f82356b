"""Escaping user text for each output channel (workflow commands, Markdown, Mermaid)."""

from __future__ import annotations

import re

from orgspec.textsafe import neutralise, tty_text


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
# What GitHub turns into a link or a notification in Markdown text: @user and @org/team
# mentions, #123, GH-123 and owner/repo#123 references. A zero-width space after the sigil
# keeps the text as the user wrote it and the reference dead.
_GH_REFERENCE = re.compile(r"@|#(?=\d)|(?<![A-Za-z0-9])GH(?=-\d)", re.IGNORECASE)


def gh_refs(text: str) -> str:
    """`text` with every GitHub mention and issue reference neutralised (U+200B after the
    sigil of `@name`, `#12`, `GH-7`, `owner/repo#9`)."""
    return _GH_REFERENCE.sub(lambda m: m.group() + "\u200b", text)


def md_inline(value: object, max_len: int = 1000) -> str:
    """User text for a Markdown table cell or line: one line, no markup, no mentions, no
    references, hidden characters replaced by U+FFFD (joiners inside emoji and words kept)."""
    text = re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", str(value))
    text = neutralise(text)
    if len(text) > max_len:
        text = text[:max_len] + "…"
    return _MD_SPECIAL.sub(r"\\\1", gh_refs(text))


# Inside a quoted Mermaid label these would end the label, open markup or an entity; they
# become Mermaid entity codes (`#35;`), which Mermaid turns back into the character.
_MERMAID_SPECIAL = re.compile(r'["<>#&`\[\]{}()|;:\\]')
# Mermaid's encodeEntities deletes the last `;` of a line that matches `style.*:\S*#.*;` or
# `classDef.*:\S*#.*;` (so `style:(x)` drew as `style:(x#41`): no label may spell them.
_MERMAID_KEYWORD = re.compile("style|classDef")


def mermaid_label(text: str) -> str:
    """Text that Mermaid draws literally inside a quoted label (`id["..."]`, `-->|"..."|`):
    specials as entity codes, `style`/`classDef` with one letter encoded (`st#121;le`),
    line breaks as spaces (Mermaid drops them next to a `<br/>`), hidden characters as
    U+FFFD (joiners inside emoji and words kept)."""
    text = re.sub("\r\n|[\r\n\x85\u2028\u2029\v\f]", " ", text)  # labels are one line
    text = _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", neutralise(text))
    return _MERMAID_KEYWORD.sub(lambda m: m.group()[:2] + f"#{ord(m.group()[2])};"
                                + m.group()[3:], text)
