"""The ids SC002 and SC003 suggest made free in the whole org: SC002's (`add id:
wang-jian-guo`, read from the name of an entity written without one) and SC003's (`id: HR`
written as `hr`, `id: 大客户组` in pinyin).

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
INVALID_VALUE = "SC003"


def free_id_hints(org: Org, issues: list[Issue]) -> list[Issue]:
    """`issues` with each entity's SC002 or SC003 hint suggesting an id no other entity of
    `org` has and no hint before it suggested (a part's, a step's say, is left: its siblings'
    ids were free of it already); `issues` itself when none needs it."""
    wanted = [n for n, i in enumerate(issues) if _suggests_id(i)]
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


def _suggests_id(issue: Issue) -> bool:
    """Whether `issue`'s hint suggests an entity's id: SC002's (an entity written without
    one, so with no entity key) or SC003's (an entity's `id` that is no slug: its pinyin
    or lowercase form; not a stray blank's, whose hint says to delete it)."""
    hint = issue.hint
    if not isinstance(hint, M) or not isinstance(hint.values.get("id"), str):
        return False
    if issue.code == MISSING_FIELD:
        return not issue.entity
    message = issue.message
    return issue.code == INVALID_VALUE and "field" not in hint.values \
        and isinstance(message, M) and message.values.get("field") == "id"


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
