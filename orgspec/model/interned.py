"""Ids and references made one string object per distinct value (`sys.intern`).

An id is written once where its entity is defined and again in every reference to it; read
from YAML (or unpickled from a forked parser or the cache) each of those is a string object
of its own, scattered over the heap. A dict or set probe whose key is the very object
stored in the table succeeds on identity and never reads the stored key; with every id
interned where an entity joins the org, the rules' lookups by id (`org.teams[ref]`, a set
of holders) read only the table and the probing string. At 5,000 teams the org holds
~145,000 entities, far more pages than the data TLB maps, so each key read on another page
is a page walk (docs/benchmarks.md, issue 20's ninth and tenth passes).
"""

from __future__ import annotations

import sys

from pydantic import BaseModel

# Id and Ref fields are at most 100 characters (`models.Ref`); a longer string is prose.
_LONGEST = 100


def intern_strings(model: BaseModel) -> None:
    """Intern, in place, every string of at most 100 characters in `model`'s fields, in
    its lists and in the models nested in it (ids, references, short names). Equal values
    stay equal; the model is frozen to its users, not to this (its `__dict__` is written
    directly, once, before anyone reads it)."""
    intern = sys.intern
    values = model.__dict__
    for key, value in values.items():
        cls = value.__class__
        if cls is str:
            if len(value) <= _LONGEST:
                values[key] = intern(value)
        elif cls is list:
            for i, item in enumerate(value):
                if item.__class__ is str:
                    if len(item) <= _LONGEST:
                        value[i] = intern(item)
                elif isinstance(item, BaseModel):
                    intern_strings(item)
        elif isinstance(value, BaseModel):
            intern_strings(value)

