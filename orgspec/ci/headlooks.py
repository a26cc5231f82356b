"""Entities renamed since git `HEAD` without `aliases`, id and name together, read from the
org's files as written: what `ci.unaliased` finds between two checked orgs (`--diff`),
for a plain `check`, which has the org as `HEAD` holds it as raw files only.

`tech` (技術部) renamed `technology` (技術中心), its lead and members as they were: no
name ties the two, so `ci.headrenames` said nothing and the RF001s of `tech` were told to
add it back (trial 31), where `check --diff HEAD` said it looks renamed (same members).
The same keys, in the same order, one-to-one: the name, a team's members, all it says but
its id, a position's holders with all it says but its name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from orgspec.i18n import M
from orgspec.load.loader import RawEntity

Looks = dict[str, tuple[str, M]]  # former id -> (current id, what they share)
_Key = Callable[[str, dict[str, Any]], "str | None"]


def _name(ident: str, data: dict[str, Any]) -> str | None:
    name = data.get("name") or data.get("title")
    name = name.strip() if isinstance(name, str) else ""
    return name if name and name != ident else None


def _members(ident: str, data: dict[str, Any]) -> str | None:
    members = data.get("members") if data.get("kind") == "Team" else None
    if not isinstance(members, list) or not members:
        return None
    return json.dumps(sorted(str(m) for m in members), ensure_ascii=False)


def _rest(data: dict[str, Any], leave: frozenset[str]) -> str | None:
    rest = {k: v for k, v in data.items() if k not in leave}
    return json.dumps(rest, sort_keys=True, ensure_ascii=False, default=str) if rest else None


def _content(ident: str, data: dict[str, Any]) -> str | None:
    return _rest(data, frozenset(("kind", "id", "aliases")))


def _held(ident: str, data: dict[str, Any]) -> str | None:
    if not data.get("holders"):
        return None
    return _rest(data, frozenset(("kind", "id", "aliases", "name", "names")))


# as `ci.unaliased._KEYS`, with the words its hint says them in
_KEYS: tuple[tuple[_Key, M], ...] = (
    (_name, M("same name")), (_members, M("same members")), (_content, M("same content")),
    (_held, M("same holders and duties")))


def looks_renamed(then: Iterable[RawEntity], now: Iterable[RawEntity], kind: str) -> Looks:
    """Former id -> (current id, what they share) for each entity of `kind` (as written:
    `Team`) that `then` (the files at `HEAD`) defines and `now` does not, by id or
    `aliases`, and that alone shares a key with one entity `now` defines and `then` did
    not. O(entities of `kind`)."""
    before = _table(then, kind)
    after = _table(now, kind)
    kept = {a for data in after.values() for a in _aliases(data)}
    gone = {i for i in before if i not in after and i not in kept}
    added = {i for i in after if i not in before}
    out: Looks = {}
    for key, why in _KEYS:
        olds = _by(key, before, gone - out.keys())
        news = _by(key, after, added - {new for new, _ in out.values()})
        for value, old in olds.items():
            new = news.get(value, [])
            if len(old) == 1 and len(new) == 1:
                out[old[0]] = (new[0], why)
    return out


def _table(entities: Iterable[RawEntity], kind: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for entity in entities:
        ident = entity.data.get("id")
        if entity.kind == kind and isinstance(ident, str):
            out.setdefault(ident, entity.data)
    return out


def _aliases(data: dict[str, Any]) -> list[str]:
    aliases = data.get("aliases")
    return [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []


def _by(key: _Key, table: dict[str, dict[str, Any]], idents: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ident in sorted(idents):
        value = key(ident, table[ident])
        if value is not None:
            out.setdefault(value, []).append(ident)
    return out
