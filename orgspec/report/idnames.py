"""A finding's message with each id it quotes said with its name (`客服部 (customer-service)`),
for a reader: the reports (`view.Namer`) and `check`'s text output. Light: no model, no
templates (the text output is on the hook's path)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Self

from orgspec.i18n import M, said_from, say, template_args
from orgspec.model.idnames import said_name_id
from orgspec.text.lazyre import lazy


class Named(str):
    """An id said with its name (`客服部 (customer-service)`); `{x!r}` in a template shows
    it without the quotes an id gets. A message said with names inside another keeps the
    `M` and language it was said from (`source`, `lang`: `i18n.parts` finds its code spans
    by them)."""

    source: M | None
    lang: str | None

    def __new__(cls, text: str, said: object = None) -> Self:
        self = super().__new__(cls, text)
        self.source = getattr(said, "source", None)
        self.lang = getattr(said, "lang", None)
        return self

    def __repr__(self) -> str:
        return str(self)


def with_names(message: str, names: Mapping[str, str], lang: str,
               again: Callable[[M], object] | None = None) -> str:
    """`message` (an `M`, or a message said from one: `i18n.Said`) said in `lang` with each
    value that is an id in `names` (id -> name) said as `name (id)`, and ids a check
    joined itself (`a, b`) alike; `again` is applied to a value that is an `M` itself.
    An id the template shows as code (`` `{id}` ``: the id to write) stays as it is, as
    does one whose name the message says already, and every id of a message about a name
    (a value `name`: `name “退货组” of team 'returns' is inside the quotes “”`; SC004 says
    its entity's name and id itself, `何　静 (he-jing)`, by the name as written).
    `message` as it is when it names no such id (a plain text, a message without values)."""
    source = message if isinstance(message, M) else getattr(message, "source", None)
    if not isinstance(source, M) or not source.values or (not names and again is None):
        return message
    template = "\n".join(template_args(source))
    said = {v for v in source.values.values() if type(v) is str}
    about_a_name = "name" in source.values  # SC005, RF008: its ids are its subject

    def name_of(ident: str) -> str | None:
        name = names.get(ident)
        return None if name is None or about_a_name or name in said else name

    def id_named(value: object, lang: str) -> object:
        """The id a did-you-mean tells to write, said first: `marketing（市场部）`, so a
        reader copies the id, not the name."""
        name = name_of(value) if type(value) is str else None
        if name is None:
            return named(value)
        return Named(say(M("{id} ({name})", id=value, name=name), lang))

    def named(value: object) -> object:
        if isinstance(value, list | tuple):
            return [named(v) for v in value]
        if isinstance(value, M):
            inner = again(value) if again is not None else value
            if not isinstance(inner, str):
                return inner
            said_named = with_names(inner, names, lang, again)
            return inner if said_named is inner else Named(said_named, said_named)
        if type(value) is not str:
            return value
        if (name := name_of(value)) is not None:
            return Named(said_name_id(name, value))
        if ", " in value:  # ids a check joined itself
            parts = [(p, name_of(p)) for p in value.split(", ")]
            if all(n is not None for _, n in parts):
                return Named(", ".join(said_name_id(str(n), p) for p, n in parts))
        return value

    values = {k: v if _in_code(template, k) else
              id_named(v, lang) if k == "id" and template.startswith(_MEANT) else named(v)
              for k, v in source.values.items()}
    if values == source.values:
        return message
    return said_from(type(source).__new__(type(source), *template_args(source), **values),
                     lang)


_MEANT = "did you mean "  # a hint whose `{id}` is the id to write


def _in_code(template: str, key: str) -> bool:
    """Whether `template` shows value `key` inside backticks (`` `{key}` ``, `` `{key!r}` ``,
    `` `aligns_to: {key}` ``): text to write as it is, no place for a name."""
    return any(f"{{{key}}}" in span or f"{{{key}!" in span or f"{{{key}:" in span
               for span in _CODE.findall(template))


_CODE = lazy(r"`[^`\n]*`")  # a code span: one line in backticks


# an id as a message quotes it (`{x!r}`), `'customer-service'`: an id's letters (`ID_PATTERN`)
# between quotes, not an apostrophe's (`the team's lead`)
QUOTED_ID = lazy(r"(?<![A-Za-z0-9'])'([a-z0-9][a-z0-9_-]{0,62})'(?![A-Za-z0-9'])")
_SPANS = lazy(r"(`[^`\n]*`)")  # `_CODE`, kept by a split


def named_quotes(text: str, names: Mapping[str, str]) -> str:
    """`text`, a message said before and kept only as text (a baseline entry's), with each
    id it quotes (`'cs'`) that `names` (id -> name) has said as `with_names` says it, `客服部
    (cs)`; what a code span shows (`` `cs` ``) stays as it is. `text` when none is named."""
    if not names or "'" not in text:
        return text

    def named(m: re.Match[str]) -> str:
        name = names.get(m.group(1))
        return m.group() if name is None else said_name_id(name, m.group(1))

    pieces = _SPANS.split(text)  # odd pieces are code spans
    out = [piece if i % 2 else QUOTED_ID.sub(named, piece) for i, piece in enumerate(pieces)]
    return "".join(out)
