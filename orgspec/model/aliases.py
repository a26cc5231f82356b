"""References written with a former id (`aliases:`) resolved to the entity that keeps it.

`aliases: [tech]` on team `technology` says `tech` was its id: `owner: tech` elsewhere still
means that team, so the org is read as if it said `technology` (no unknown reference, no
team without its duties), and each such reference is recorded (`Renamed`) for RF005 to
suggest the current id. An id that an entity of the wanted kind has now is never
resolved; a former id two entities of one kind claim goes to the first by id (as the
site's redirects do); the kinds a field may name are tried in their order (team, person,
position for an owner: `Org.holder`'s order).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from orgspec.model.models import ROLES, is_placeholder
from orgspec.model.org import Org, Origin, node_key

OWNERS = ("Team", "Person", "Role")
TEAM, PERSON, ROLE, DUTY, OBJECTIVE = ("Team",), ("Person",), ("Role",), \
    ("Responsibility",), ("Objective",)
# per kind: (field, the kinds it names); a field in a list of parts is "list.field"
FIELDS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "Team": (("parent", TEAM), ("lead", PERSON), ("members", PERSON), ("children", TEAM),
             ("responsibilities.ref", DUTY)),
    "Person": (("roles", ROLE), ("manager", PERSON)),
    "Responsibility": tuple((role, OWNERS) for role in ROLES),
    "Objective": (("owner", OWNERS), ("aligns_to", OBJECTIVE), ("key_results.owner", OWNERS)),
    "Process": (("owner", OWNERS), ("responsibility", DUTY), ("steps.owner", OWNERS),
                ("steps.tracker", OWNERS)),
    "Role": (("team", TEAM), ("holders", PERSON), ("duties.ref", DUTY)),
    "Meeting": (("owner", OWNERS), ("attendees", OWNERS)),
}


@dataclass(frozen=True)
class Renamed:
    """Entity `entity` ("team:x") names `kind` `ident` by its former id `written`, at
    `field` below the entity (`("members",)`, `("steps", 2, "owner")`) and, in a list
    field, item `index` (None for a single value)."""

    entity: str
    field: tuple[Any, ...]
    index: int | None
    written: str
    kind: str
    ident: str


def resolve_aliases(org: Org) -> None:
    """Rewrite every reference to a former id in `org` to the current id, in place (the
    entities, and the charter and position claims taken from them), recording each in
    `org.renamed`. O(entities) when no entity has `aliases`, else O(references)."""
    former = _former(org)
    if not former:
        return
    renamed: list[Renamed] = []
    for kind, fields in FIELDS.items():
        table = org.table(kind)
        for ident, entity in table.items():
            key = node_key(kind, ident)
            update: dict[str, Any] = {}
            for name, kinds in fields:
                top, _, part = name.partition(".")
                if not part:
                    value = _resolved(org, former, getattr(entity, top), kinds, key, (top,),
                                      renamed)
                    if value is not None:
                        update[top] = value
                    continue
                items = list(getattr(update.get(top, entity), top) if top not in update
                             else update[top])
                changed = False
                for i, item in enumerate(items):
                    value = _resolved(org, former, getattr(item, part), kinds, key,
                                      (top, i, part), renamed)
                    if value is not None:
                        items[i] = item.model_copy(update={part: value})
                        changed = True
                if changed:
                    update[top] = items
            if update:
                table[ident] = entity.model_copy(update=update)
    if renamed:
        org.renamed = renamed
        duties = {(r.entity, r.field[1]): r.ident for r in renamed
                  if r.kind == "Responsibility" and r.field[0] in ("responsibilities", "duties")}
        if duties:
            _claims(org, duties)


def former_keys(org: Org) -> dict[str, tuple[str, ...]]:
    """Entity key -> the keys it had under its former ids (`team:logistics` ->
    (`team:warehouse`,)), for the former ids a reference is read as naming it (`_former`);
    {} when no entity has `aliases`."""
    out: dict[str, list[str]] = {}
    for kind, pairs in _former(org).items():
        for old, ident in sorted(pairs.items()):
            out.setdefault(node_key(kind, ident), []).append(node_key(kind, old))
    return {key: tuple(olds) for key, olds in out.items()}


def former_ids(org: Org, kinds: tuple[str, ...]) -> dict[str, str]:
    """Former id -> current id over `kinds` (in their order: an earlier kind wins), for the
    former ids that are no current id of any of them: what a did-you-mean close to a former
    id suggests instead (the current id, which references should be written with)."""
    former = _former(org)
    out: dict[str, str] = {}
    for kind in kinds:
        for old, ident in former.get(kind, {}).items():
            if not any(old in org.table(k) for k in kinds):
                out.setdefault(old, ident)
    return out


def _former(org: Org) -> dict[str, dict[str, str]]:
    """Kind -> former id -> current id, for former ids that are no current id of the kind;
    the first entity by id wins a former id two claim."""
    out: dict[str, dict[str, str]] = {}
    for kind in FIELDS:
        table = org.table(kind)
        for ident in aliased(org, kind):
            for old in table[ident].aliases:
                if old not in table:
                    out.setdefault(kind, {}).setdefault(old, ident)
    return out


def aliased(org: Org, kind: str) -> list[str]:
    """The ids of the entities of `kind` (`"Team"`) that have `aliases`, sorted."""
    table = org.table(kind)
    return sorted(i for i in org.aliased.get(kind, ()) if table[i].aliases)


def _resolved(org: Org, former: dict[str, dict[str, str]], value: Any, kinds: tuple[str, ...],
              key: str, field: tuple[Any, ...], renamed: list[Renamed]) -> Any:
    """`value` (an id, a list of ids or None) with former ids replaced, or None when it
    names none."""
    if isinstance(value, list):
        out = None
        for j, item in enumerate(value):
            new = _one(org, former, item, kinds)
            if new is not None:
                out = out or list(value)
                out[j] = new[1]
                renamed.append(Renamed(key, field, j, item, *new))
        return out
    new = _one(org, former, value, kinds)
    if new is None:
        return None
    renamed.append(Renamed(key, field, None, value, *new))
    return new[1]


def _one(org: Org, former: dict[str, dict[str, str]], value: str | None,
         kinds: tuple[str, ...]) -> tuple[str, str] | None:
    if value is None or is_placeholder(value):
        return None
    if any(value in org.table(k) or node_key(k, value) in org.invalid for k in kinds):
        return None  # an id in use now is what it says
    for kind in kinds:
        ident = former.get(kind, {}).get(value)
        if ident is not None:
            return kind, ident
    return None


def _claims(org: Org, duties: dict[tuple[str, int], str]) -> None:
    """The charter and position claims with their duty as resolved (`duties`: (entity key,
    entry index) -> duty id); a claim of a duplicate entity (not the one registered) is
    left as written."""
    def now(kind: str, ident: str, origin: Origin, written: str) -> str:
        key = node_key(kind, ident)
        mine = org.origins.get(key)
        if mine is None or mine.fmap is not origin.fmap or mine.path != origin.path[:-2]:
            return written
        return duties.get((key, origin.path[-1]), written)

    org.claims = [replace(c, responsibility=now("Team", c.team, c.origin, c.responsibility))
                  for c in org.claims]
    org.role_claims = [replace(c, responsibility=now("Role", c.position, c.origin,
                                                     c.responsibility))
                       for c in org.role_claims]
