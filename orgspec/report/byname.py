"""The order of every list a reader sees of teams, people, positions, duties, objectives,
processes and meetings: by the name shown, in the reader's collation (`text.collate`:
pinyin under zh and en, strokes under zh-Hant, or the config's `name-order`), the id only
breaking a tie. The report, `orgspec who` and `show`, and the handbook site all sort so,
so a list reads the same in each (trial 33a: a team page listed its duties by id)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from orgspec.model.names import duty_title
from orgspec.model.org import Org
from orgspec.text.collate import name_key, person_key


def shown_name(org: Org, kind: str, ident: str) -> str:
    """What an entity of `kind` ("Team", "Person", "Role", "Responsibility", "Objective",
    "Process", "Meeting") is called where it is listed: a duty's title (`duty_title`), an
    objective's title, else the entity's `name`; its id when it has none or is unknown."""
    entity = org.table(kind).get(ident)
    if entity is None:
        return ident
    if kind == "Responsibility":
        return duty_title(entity, ident)
    return str(getattr(entity, "name", None) or getattr(entity, "title", None) or ident)


def sort_key(org: Org, kind: str, ident: str, order: str) -> tuple[Any, ...]:
    """The sort key of entity `ident` of `kind` by its shown name in `order`
    (text.collate.ORDERS): a person's name read as a name (`person_key`: 曾 as a surname),
    any other by `name_key`; the id is the tiebreak."""
    key = person_key if kind == "Person" else name_key
    return key(shown_name(org, kind, ident), ident, order)


def by_name(org: Org, kind: str, ids: Iterable[str], order: str) -> list[str]:
    """`ids` of `kind` once each, by shown name in `order` (`sort_key`), the ids no entity
    of `kind` has last, as written (an unknown reference stays where a reader sees it)."""
    unique = list(dict.fromkeys(ids))
    table = org.table(kind)
    known = [i for i in unique if i in table]
    return sorted(known, key=lambda i: sort_key(org, kind, i, order)) + [
        i for i in unique if i not in table]


NODE_KINDS = {"team": "Team", "person": "Person", "role": "Role",
               "responsibility": "Responsibility", "objective": "Objective",
               "process": "Process", "meeting": "Meeting"}


def node_sort_key(org: Org, node: str, order: str) -> tuple[Any, ...]:
    """`sort_key` of a graph node (`team:x`, `person:y`, `role:z`): a list of holders of
    several kinds (a duty's accountable teams and people, a meeting's attendees) by name."""
    kind, _, ident = node.partition(":")
    return sort_key(org, NODE_KINDS.get(kind, "Team"), ident, order)


def refs_by_name(org: Org, written: Iterable[str], order: str) -> list[str]:
    """Team, person and position references (a meeting's attendees) once each: those that
    name one by its name in `order` (`node_sort_key`), then those that name none (unknown
    ids, placeholders) as written."""
    refs = list(dict.fromkeys(written))
    known = [r for r in refs if org.holder(r)]
    return sorted(known, key=lambda r: node_sort_key(org, org.holder(r) or r, order)) + [
        r for r in refs if not org.holder(r)]
