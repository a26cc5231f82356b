"""Ids and references made one string object per distinct value (`sys.intern`).

An id is written once where its entity is defined and again in every reference to it; read
from YAML (or unpickled from a forked parser or the cache) each of those is a string object
of its own, scattered over the heap. A dict or set probe whose key is the very object
stored in the table succeeds on identity and never reads the stored key; with every id
and reference interned where an entity joins the org, the rules' lookups by id
(`org.teams[ref]`, a set of holders) read only the table and the probing string. At 5,000
teams the org holds ~145,000 entities, far more pages than the data TLB maps, so each key
read on another page is a page walk (docs/benchmarks.md, issue 20's ninth and tenth
passes). Only the fields that hold ids are interned: names and prose are never looked up
by value, and interning every short string cost more than the lookups gained (eleventh
pass).
"""

from __future__ import annotations

import sys
import typing
from typing import Any

from orgspec.model.aliases import FIELDS


def _fields() -> dict[str, tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]]:
    """Kind -> (its reference fields, (each list of parts, the parts' id and reference
    fields)), from `aliases.FIELDS`."""
    out = {}
    for kind, fields in FIELDS.items():
        top = tuple(name for name, _ in fields if "." not in name)
        parts: dict[str, list[str]] = {}
        for name, _ in fields:
            if "." in name:
                head, _, sub = name.partition(".")
                parts.setdefault(head, ["id"]).append(sub)
        out[kind] = (top, tuple((head, tuple(subs)) for head, subs in parts.items()))
    return out


_FIELDS = _fields()


def intern_ids(model: Any, kind: str) -> None:
    """Intern, in place, the id of `model` (an entity of `kind`, `"Team"`), its references
    (`aliases.FIELDS`) and the ids and references of its parts (charter items, key results,
    steps, duties). Equal values stay equal; the model is frozen to its users, not to this
    (its `__dict__` is written directly, once, before anyone reads it)."""
    intern = sys.intern
    values = model.__dict__
    values["id"] = intern(values["id"])
    top, parts = _FIELDS[kind]
    for name in top:
        value = values[name]
        if value.__class__ is str:
            values[name] = intern(value)
        elif value:  # a list of ids (or None, or empty)
            values[name] = [intern(ref) for ref in value]
    for name, subs in parts:
        for part in values[name]:
            held = part.__dict__
            for sub in subs:
                value = held[sub]
                if value is not None:
                    held[sub] = intern(value)


# the field-name sets models share (`share_fields_sets`), by value; never written to
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
# a model class -> its fields that may hold models (lists of charter items, key results...)
_NESTED: dict[type, tuple[str, ...]] = {}


def share_fields_sets(model: Any) -> None:
    """Make `model`'s `__pydantic_fields_set__` (the names of the fields its file wrote),
    and those of the models in its fields, one set object per distinct value. pydantic
    gives each instance a set of its own: 30 % of the models' memory (16 MiB for the
    32,000 models of 500 teams, 17 distinct values; `docs/benchmarks.md`, thirteenth
    pass). Sharing is safe because nothing writes to them: the models are frozen (the
    only in-place writer, `__setattr__`, refuses first), and `model_copy` copies the set
    before it adds the updated names."""
    cls = model.__class__
    nested = _NESTED.get(cls)
    if nested is None:
        nested = _NESTED[cls] = _model_fields(cls)
    held = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(held), held)
    if shared is not held:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    if nested:
        values = model.__dict__
        for name in nested:
            value = values[name]
            if value.__class__ is list:
                for item in value:
                    if hasattr(item, "__pydantic_fields_set__"):
                        share_fields_sets(item)
            elif hasattr(value, "__pydantic_fields_set__"):
                share_fields_sets(value)


def _model_fields(cls: type) -> tuple[str, ...]:
    """The fields of pydantic model class `cls` whose type names a model."""
    from pydantic import BaseModel

    def holds_model(tp: Any) -> bool:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return True
        return any(holds_model(arg) for arg in typing.get_args(tp))

    fields = getattr(cls, "model_fields", {})
    return tuple(name for name, info in fields.items() if holds_model(info.annotation))
