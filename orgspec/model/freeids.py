"""SC002's suggested id (`add id: wang-jian-guo`, read from the name of an entity written
without one) made free in the whole org.

Each file is validated on its own (and its problems cached with it), so the id a hint
reads from a name cannot know the other files' ids. Once the org is assembled, a suggested
id that an entity of any kind already has (or keeps in its `aliases`, or failed
validation with), or that an earlier hint suggested, becomes the first free `-2`, `-3`
... (`text.slug.free_id`), in file order: the same on every path that assembles an org
(the cached file units are read back unchanged, the hints are made free after them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from orgspec.i18n import M

if TYPE_CHECKING:
    from orgspec.findings import Issue
    from orgspec.model.org import Org

MISSING_FIELD = "SC002"


def free_id_hints(org: Org, issues: list[Issue]) -> list[Issue]:
    """`issues` with each entity's SC002 hint suggesting an id no other entity of `org`
    has and no hint before it suggested (a part's, a step's say, is left: its siblings'
    ids were free of it already); `issues` itself when none needs it."""
    wanted = [n for n, i in enumerate(issues) if i.code == MISSING_FIELD and not i.entity
              and isinstance(i.hint, M) and isinstance(i.hint.values.get("id"), str)]
    if not wanted:
        return issues
    from orgspec.text.slug import free_id

    taken = _ids(org)
    out = list(issues)
    for n in wanted:
        hint = out[n].hint
        assert isinstance(hint, M)  # `wanted`'s
        ident = free_id(hint.values["id"], taken.__contains__)
        taken.add(ident)
        if ident != hint.values["id"]:
            out[n] = replace(out[n], hint=M(hint.template, **{**hint.values, "id": ident}))
    return out


def _ids(org: Org) -> set[str]:
    """Every id in use in `org`: its entities' (any kind), their former ids (`aliases`)
    and those of entities that failed validation."""
    from orgspec.model.org import ENTITY_KINDS

    ids = {ident for kind in ENTITY_KINDS for ident in org.table(kind)}
    ids.update(key.partition(":")[2] for key in org.invalid)
    for kind, aliased in org.aliased.items():
        table = org.table(kind)
        ids.update(a for ident in aliased for a in getattr(table[ident], "aliases", ()))
    return ids
