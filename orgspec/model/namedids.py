"""The ids a display name stands for where an id belongs (`responsible: [张伟]`,
`attendees: [董洁，曾志伟]`, `负责人：董洁`): one resolver for every hint that turns a name into
an id, so that a name two people share is said as both, never as the first of them."""

from __future__ import annotations

from orgspec.i18n import M
from orgspec.model.foldednames import FoldedNames
from orgspec.model.org import Org

_WORDS = {"Team": M("team"), "Person": M("person"), "Role": M("position")}
Named = tuple[str, tuple[str, ...]]  # (kind, the ids of that kind the name is written for)


class NamedIds:
    """Entities of `kinds` by display name: as written, else in another script, width,
    case or spacing (`model.foldednames`). A name entities of several kinds share stands
    for those of the earliest kind in `kinds` (a team before a person); within a kind,
    every entity with the name, in id order. Built once per kinds, O(entities)."""

    def __init__(self, org: Org, kinds: tuple[str, ...]) -> None:
        self.org = org
        by_name: dict[str, Named] = {}
        for kind in kinds:
            found: dict[str, list[str]] = {}
            for ident, entity in org.table(kind).items():
                name = getattr(entity, "name", None)
                if name and str(name).strip():
                    found.setdefault(str(name).strip(), []).append(ident)
            for name, ids in found.items():
                by_name.setdefault(name, (kind, tuple(sorted(ids))))
        self._names = by_name
        self._folded = FoldedNames(by_name, _both)

    def named(self, value: str) -> Named | None:
        """(kind, ids) of the entities `value` is the display name of, else None."""
        bare = value.strip()
        return self._names.get(bare) or self._folded.get(bare)

    def id_of(self, value: str) -> str | None:
        """The one id `value` names; None when it names none or several."""
        named = self.named(value)
        return named[1][0] if named is not None and len(named[1]) == 1 else None


def _both(first: Named, other: Named) -> Named:
    """Two names that fold alike (张伟 and 張偉, `Ann Lee` and `ann  lee`): each entity of
    either, when of one kind (a name written in another script may be either person), else
    the first (a team before a person, as for one name)."""
    if first[0] != other[0]:
        return first
    return first[0], tuple(sorted({*first[1], *other[1]}))


def several(org: Org, value: str, named: Named) -> M:
    """What to write for `value`, the name of several entities `named`: each id with what
    tells it apart (`tell_apart`), none picked."""
    kind, ids = named
    return M("{value} is the name of more than one {kind}: {ids}; write the id of the one "
             "meant", value=value.strip(), kind=_WORDS.get(kind, kind),
             ids=tell_apart(org, kind, ids))


def tell_apart(org: Org, kind: str, ids: tuple[str, ...]) -> list[str]:
    """Each of `ids` (of `kind`) with what tells it apart from the others of its name:
    `` `zhangwei2` (技术部, 后端开发) ``: a person's teams and title (else positions), a
    position's team, a team's parent."""
    return [_one(org, kind, ident) for ident in ids]


def _one(org: Org, kind: str, ident: str) -> str:
    words: list[str] = []
    if kind == "Person":
        words = [_name(org, "Team", t) for t in org.person_teams.get(ident, [])]
        title = org.people[ident].title
        words += [str(title)] if title else [_name(org, "Role", r)
                                             for r in org.people_positions.get(ident, [])]
    elif kind == "Role":
        team = org.positions[ident].team
        words = [_name(org, "Team", team)] if team else []
    elif kind == "Team":
        parent = org.teams[ident].parent
        words = [_name(org, "Team", parent)] if parent else []
    if not words:
        return f"`{ident}`"
    return M("`{id}` ({what})", id=ident, what=" · ".join(words))


def _name(org: Org, kind: str, ident: str) -> str:
    entity = org.table(kind).get(ident)
    name = getattr(entity, "name", None) if entity is not None else None
    return str(name) if name else ident
