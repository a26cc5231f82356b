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
