"""Entities renamed without `aliases`: between two revisions an id is gone and a new one of
the same kind has the same name, the same members (a team) or the same content. The org
diff says it looks like a rename, and an unknown reference to the old id (RF001) is told
to keep it in the new entity's `aliases` (`aliases: [shi-chang]`) so references still work.

Only one-to-one matches count: two removed teams both called 运营部 match nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from orgspec.i18n import M
from orgspec.model.org import Org

Guessed = dict[str, tuple[str, M]]  # former id -> (current id, what they share)


def _name(entity: Any, ident: str) -> str | None:
    name = getattr(entity, "name", None) or getattr(entity, "title", None)
    name = str(name).strip() if name else ""
    return name if name and name != ident else None


def _members(entity: Any, ident: str) -> str | None:
    members = getattr(entity, "members", None) if entity.kind == "Team" else None
    return json.dumps(sorted(members)) if members else None


def _held(entity: Any, ident: str) -> str | None:
    """A position's holders and everything else it says but its name (a position given a
    new id and name, `店长` -> `天猫店长`); not the holders alone: a person promoted leaves
    one position for another."""
    if not getattr(entity, "holders", None):
        return None
    data = entity.model_dump(mode="json", exclude={"kind", "id", "aliases", "name", "names"},
                             exclude_defaults=True)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _content(entity: Any, ident: str) -> str | None:
    data = entity.model_dump(mode="json", exclude={"kind", "id", "aliases"}, exclude_defaults=True)
    return json.dumps(data, sort_keys=True, ensure_ascii=False) if data else None


# what two entities must share, in the order tried; each with how a hint says it
_KEYS: tuple[tuple[Callable[[Any, str], str | None], M], ...] = (
    (_name, M("same name")), (_members, M("same members")), (_content, M("same content")),
    (_held, M("same holders and duties")))


def unaliased(a: Org, b: Org, kind: str, gone: set[str], added: set[str]) -> Guessed:
    """Former id -> (current id, what they share) for each entity of `kind` that looks
    renamed from `a` to `b`: an id of `gone` (in `a` only, not renamed with `aliases`)
    and one of `added` (in `b` only) that alone share a name, members, content or (a
    position) all but the name.
    O(entities of `kind` gone or added)."""
    ta, tb = a.table(kind), b.table(kind)
    out: Guessed = {}
    for key, why in _KEYS:
        before = _by(key, ta, gone - out.keys())
        after = _by(key, tb, added - {new for new, _ in out.values()})
        for value, olds in before.items():
            news = after.get(value, [])
            if len(olds) == 1 and len(news) == 1:
                out[olds[0]] = (news[0], why)
    return out


def _by(key: Callable[[Any, str], str | None], table: dict[str, Any],
        idents: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ident in sorted(idents):
        value = key(table[ident], ident)
        if value is not None:
            out.setdefault(value, []).append(ident)
    return out
