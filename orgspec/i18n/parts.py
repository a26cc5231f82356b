"""A said message as its parts: text, and the code spans its templates wrote (`` `{key}` ``).

A page that shows code spans (Markdown, HTML, chat) cannot find them again in the said text:
a value may hold a backtick (`unknown field `we`ird``, an id `'a`b'`), which would end one
span early or open another. The parts come from the templates, so a value is text or code
as its place in the template says, whatever it holds.
"""

from __future__ import annotations

import string
from typing import Any

from orgspec.i18n import LIST_SEP, M, P, lookup, plural_template, said_value
from orgspec.lazyre import lazy

#: (text, is_code): a code part is the span's content, without its backticks
Part = tuple[str, bool]

_SPAN = lazy(r"`([^`\n]*)`")  # a template's code span: one backtick each side
_FORMATTER = string.Formatter()


def said_parts(value: object) -> list[Part] | None:
    """The parts of `value` when it knows the message it was said from: an `M` (English)
    or a message said from one in a known language (`Said`, a name-bearing value of
    `report.idnames`: `source` and `lang`); None otherwise, or when the parts do not give
    back `value` exactly (the text was changed after it was said). Joined with each code
    part in backticks, the parts are `str(value)`."""
    source, lang = _source(value)
    if source is None or lang is None:
        return None
    parts = message_parts(source, lang)
    joined = "".join(f"`{text}`" if code else text for text, code in parts)
    return parts if joined == str(value) else None


def message_parts(text: M, lang: str) -> list[Part]:
    """`say(text, lang)` as parts: each code span of the template (in `lang`) one code
    part, its values said as text in it; a value outside the spans that is a message
    itself (or a list of them) gives its own parts."""
    template = _template(text, lang)
    out: list[Part] = []
    at = 0
    for span in _SPAN.finditer(template):
        out += _text_parts(template[at:span.start()], text, lang)
        out.append((_fill(span.group(1), text, lang), True))
        at = span.end()
    out += _text_parts(template[at:], text, lang)
    return [p for p in out if p[0] or p[1]]


def _source(value: object) -> tuple[M | None, str | None]:
    if isinstance(value, M):
        return value, "en"
    source = getattr(value, "source", None)
    return (source, getattr(value, "lang", None)) if isinstance(source, M) else (None, None)


def _template(text: M, lang: str) -> str:
    if lang == "en":
        return text.template
    if isinstance(text, P):
        return plural_template(text, lang)
    return lookup(text.template, lang, getattr(text, "context", None))


def _fill(piece: str, text: M, lang: str) -> str:
    """`piece` of `text`'s template with its values said, as `say` does."""
    if not text.values:
        return piece
    return piece.format(**{k: said_value(v, lang) for k, v in text.values.items()})


def _text_parts(piece: str, text: M, lang: str) -> list[Part]:
    if not text.values:
        return [(piece, False)]
    out: list[Part] = []
    for literal, field, spec, conversion in _FORMATTER.parse(piece):
        if literal:
            out.append((literal, False))
        if field is None:
            continue
        value = text.values.get(field)
        if not spec and not conversion and field in text.values:
            out += _value_parts(value, lang)
        else:
            mark = f"!{conversion}" if conversion else ""
            out.append((_fill(f"{{{field}{mark}:{spec or ''}}}", text, lang), False))
    return out


def _value_parts(value: Any, lang: str) -> list[Part]:
    if isinstance(value, list | tuple):
        out: list[Part] = []
        for i, one in enumerate(value):
            if i:
                out.append((lookup(LIST_SEP, lang), False))
            out += _value_parts(one, lang)
        return out
    if isinstance(value, M):
        return message_parts(value, lang)
    source, said_in = _source(value)
    if source is not None and said_in is not None:  # a value said with its names already
        parts = said_parts(value)
        if parts is not None:
            return parts
    return [(str(said_value(value, lang)), False)]
