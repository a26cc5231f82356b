"""A finding's message with each id it quotes said with its name (`客服部 (customer-service)`),
for a reader: the reports (`view.Namer`) and `check`'s text output. Light: no model, no
templates (the text output is on the hook's path)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from orgspec.i18n import M, P, say


class Named(str):
    """An id said with its name (`客服部 (customer-service)`); `{x!r}` in a template shows
    it without the quotes an id gets."""

    def __repr__(self) -> str:
        return str(self)


def with_names(message: str, names: Mapping[str, str], lang: str,
               again: Callable[[M], object] | None = None) -> str:
    """`message` (an `M`, or a message said from one: `i18n.Said`) said in `lang` with each
    value that is an id in `names` (id -> name) said as `name (id)`, and ids a check
    joined itself (`a, b`) alike; `again` is applied to a value that is an `M` itself.
    `message` as it is when it names no such id (a plain text, a message without values)."""
    source = message if isinstance(message, M) else getattr(message, "source", None)
    if not isinstance(source, M) or not source.values or (not names and again is None):
        return message

    def named(value: object) -> object:
        if isinstance(value, list | tuple):
            return [named(v) for v in value]
        if isinstance(value, M):
            return again(value) if again is not None else value
        if type(value) is str and value in names:
            return Named(f"{names[value]} ({value})")
        if type(value) is str and ", " in value:  # ids a check joined itself
            parts = value.split(", ")
            if all(p in names for p in parts):
                return Named(", ".join(f"{names[p]} ({p})" for p in parts))
        return value

    values = {k: named(v) for k, v in source.values.items()}
    if values == source.values:
        return message
    return say(type(source).__new__(type(source), *template_args(source), **values), lang)


def template_args(source: object) -> tuple[str, ...]:
    """The positional arguments that make an `M` (a `P`'s two forms, an `MC`'s context)."""
    if isinstance(source, P):
        return source.singular, source.plural
    context = getattr(source, "context", None)
    template = str(getattr(source, "template", ""))
    return (context, template) if context is not None else (template,)
