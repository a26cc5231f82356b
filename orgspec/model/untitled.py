"""A KPI or key result written as a mapping without its `title` (`- metric: 準時出貨率`),
said with the entity it belongs to and a `title:` line to add, where the bare SC002 said
only `missing required field kpis[0].title` (trial 31)."""

from __future__ import annotations

from typing import Any

from orgspec.i18n import M
from orgspec.model.entitysaid import KIND_WORDS

_PARTS = {"kpis", "key_results"}


def untitled(loc: tuple[Any, ...], item: Any, entity: str) -> tuple[M, M] | None:
    """(message, hint) for the missing `title` at `loc` (`("kpis", 0, "title")`) of the
    entity keyed `entity` (`role:cs-specialist`), whose item there is `item`; None for any
    other missing field."""
    if len(loc) != 3 or loc[0] not in _PARTS or not isinstance(loc[1], int) or \
            loc[2] != "title" or ":" not in entity:
        return None
    kind, _, ident = entity.partition(":")
    number, whole = loc[1] + 1, KIND_WORDS.get(kind, kind)
    said = M("KPI {n} of {kind} {id!r} has no `title`", n=number, kind=whole, id=ident) \
        if loc[0] == "kpis" else \
        M("key result {n} of {kind} {id!r} has no `title`", n=number, kind=whole, id=ident)
    example = _example(item)
    if example is None:
        return said, M("add a line to it such as `title: {example}`: what it measures, in "
                       "words", example=M("on-time shipping rate at least 98%"))
    return said, M("add a line to it such as `title: {example}`: what it measures, in words "
                   "(the fields it has stay as they are)", example=example)


def _example(item: Any) -> str | None:
    """A title read from the item's own `metric` and `target` (`準時出貨率 98%`), or None."""
    if not isinstance(item, dict):
        return None
    metric = item.get("metric")
    if not isinstance(metric, str) or not metric.strip():
        return None
    target = item.get("target")
    if isinstance(target, str | int | float) and not isinstance(target, bool) and \
            str(target).strip():
        return f"{metric.strip()} {str(target).strip()}"
    return metric.strip()


def unknown_in_part(path: tuple[Any, ...], entity: str) -> M | None:
    """The unknown field at `path` (`("key_results", 2, "標題")`) of an item of the entity
    keyed `entity`, said with the item's number counted from 1 as SC002 counts it (`key
    result 3 of objective ...`), not `key_results[2].標題`; None outside a list's item."""
    if len(path) != 3 or not isinstance(path[1], int) or ":" not in entity or \
            path[0] not in _ITEM_WORDS:
        return None
    kind, _, ident = entity.partition(":")
    return M(_ITEM_WORDS[path[0]], n=path[1] + 1, kind=KIND_WORDS.get(kind, kind), id=ident,
             field=str(path[2]))


_ITEM_WORDS = {
    "key_results": M("key result {n} of {kind} {id!r} has an unknown field `{field}`"),
    "kpis": M("KPI {n} of {kind} {id!r} has an unknown field `{field}`"),
    "steps": M("step {n} of {kind} {id!r} has an unknown field `{field}`"),
    "responsibilities": M("charter item {n} of {kind} {id!r} has an unknown field `{field}`"),
}
