"""References that name no entity, and whom each most likely means.

`lead: 刘洋` names no person, but person `liu-yang` is called 刘洋: the rules that read the
team's members would say liu-yang is on no team, a cascade of the one unknown reference
(RF001). `accountable: opz` on a duty names no team, but `ops` is one edit away: the rules
that read the duty's RACI lists would say ops holds no duty. `members: 张三、李四` (or the
item `[ops，cs]`) is one string where two ids were meant. `meant(org)` lists each unresolved
reference of every entity (the fields `model.aliases.FIELDS` lists) with the id it most
likely means: an entity whose display name or alias is the value, whose id is the value in
another case, or whose id is a plausible typo of it (`text.suggest`); or, for a value of
several ids, those ids (`parts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from orgspec.han import is_han
from orgspec.model.aliases import FIELDS, former_ids
from orgspec.model.foldednames import FoldedNames
from orgspec.model.models import is_placeholder, is_vacant, seat_word_is_id
from orgspec.model.org import ENTITY_KINDS, Org, node_key
from orgspec.model.othernames import OtherNames
from orgspec.model.personcalls import PersonCalls
from orgspec.text.separators import split_ids
from orgspec.text.spaces import IME_QUOTES
from orgspec.text.suggest import Suggester

# the kind a field of a list of parts is read as (`RuleMeta.reads`): `steps.owner` is
# `Step.owner`; and the part's key below its entity (`process:p/step:s`)
PARTS = {"steps": "Step", "key_results": "KeyResult", "responsibilities": "Charter"}
_PART_KEYS = {"steps": ("step", "id"), "key_results": ("key_result", "id"),
              "responsibilities": ("charter", "ref")}


@dataclass(frozen=True)
class Unresolved:
    """`entity` ("team:ops") wrote `value` at `path` below it (`("members", 1)`,
    `("steps", 2, "owner")`), read by rules as `field` ("Team.members", "Step.owner");
    `meant` is the id it most likely names, `parts` the ids a value of several lists
    (`张三、李四`: `zhang-san`, `li-si`, each part guessed as `meant` is, else as written);
    `key` is the entity or part it is in (`process:p/step:s`); `candidates` the ids of
    every entity a name several share is written for (`张伟`: `zhangwei`, `zhangwei2`),
    none of them `meant`, as RF001's hint lists them and picks none."""

    entity: str
    field: str
    path: tuple[Any, ...]
    value: str
    meant: str | None
    parts: tuple[str, ...] = ()
    key: str = ""
    candidates: tuple[str, ...] = ()


def _in(tables: dict[str, Any], kinds: tuple[str, ...], value: str) -> bool:
    return any(value in tables[k] for k in kinds)


def meant(org: Org, known: dict[str, dict[str, str]] | None = None,
          mentions: dict[str, set[str]] | None = None) -> list[Unresolved]:
    """Every unresolved reference, in kind and entity order; O(references) after one index
    per kind, built only when some reference is unresolved. `known`: kind -> id -> the id
    it is known to mean (an entity renamed without `aliases` since a git revision, as
    `ci.unaliased` found it), tried before any guess. `mentions`, when given, is filled
    with the ids each entity key names in its reference fields (resolved or not), and each
    part key (`process:p/step:s`) the ids that part names, in the same walk."""
    out: list[Unresolved] = []
    # kinds -> (index in `out`, value) of each reference whose id is to be guessed: all
    # guessed together once every one is known (`_Guess.ids_for`)
    asked: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    split: dict[tuple[str, ...], list[int]] = {}  # kinds -> indexes of values with parts
    tables = {kind: org.table(kind) for kind in ENTITY_KINDS}
    for key, part, field, path, value, kinds in references(org):
        if mentions is not None:
            for at in (key, part) if part != key else (key,):
                named = mentions.get(at)
                if named is None:
                    named = mentions[at] = set()
                named.add(value)
        if value in tables[kinds[0]] or (len(kinds) > 1 and any(value in tables[k]
                                                                for k in kinds)):
            continue
        if any(node_key(k, value) in org.invalid for k in kinds) or is_placeholder(value) or \
                (is_vacant(value) and not seat_word_is_id(value, partial(_in, tables, kinds))):
            continue  # `RECRUITING` beside a team `recruiting` is that id mistyped
        parts = tuple(split_ids(value))
        found = None
        if not parts and known:
            found = next((known[k][value] for k in kinds if value in known.get(k, {})), None)
        if not parts and found is None:
            asked.setdefault(kinds, []).append((len(out), value))
        elif parts:  # `[王伟，李娜]`: each part that is no id is guessed like a value
            split.setdefault(kinds, []).append(len(out))
        out.append(Unresolved(key, field, path, value, found, parts, part))
    guesses: dict[tuple[str, ...], _Guess] = {}
    for kinds, wanted in asked.items():
        guess = guesses[kinds] = _Guess(org, kinds)
        ids = guess.ids_for(value for _, value in wanted)
        for i, value in wanted:
            if ids[value] is not None:
                out[i] = replace(out[i], meant=ids[value])
            elif shared := guess.shared(value):
                out[i] = replace(out[i], candidates=shared)
    for kinds, where in split.items():
        guess = guesses.get(kinds) or _Guess(org, kinds)
        unknown = {p for i in where for p in out[i].parts
                   if not any(p in tables[k] for k in kinds)}
        ids = guess.ids_for(unknown) if unknown else {}
        for i in where:
            out[i] = replace(out[i], parts=tuple(ids.get(p) or p for p in out[i].parts))
    return out


Reference = tuple[str, str, str, tuple[Any, ...], str, tuple[str, ...]]


def references(org: Org) -> Iterator[Reference]:
    """(entity key, key of the entity or part it is in, `Kind.field`, path below the
    entity, value, kinds it may name) for each id written in a reference field."""
    for kind, fields in FIELDS.items():
        plan = [_field_plan(kind, name, kinds) for name, kinds in fields]  # once per kind
        for ident, entity in org.table(kind).items():
            key = node_key(kind, ident)
            for top, part, label, word, by, kinds in plan:
                value = getattr(entity, top)
                if not value:  # most fields are empty: no generator for them
                    continue
                if not part:
                    yield from _values(key, key, label, (top,), value, kinds)
                    continue
                for i, item in enumerate(value):
                    written = getattr(item, part)
                    if written:
                        inner = f"{key}/{word}:{getattr(item, by)}" if word else key
                        yield from _values(key, inner, label, (top, i, part), written, kinds)


def _field_plan(kind: str, name: str, kinds: tuple[str, ...]
                ) -> tuple[str, str, str, str, str, tuple[str, ...]]:
    """(field, part field or "", `Kind.field` label, part key word, part id field, kinds)
    for a `FIELDS` entry (`"steps.owner"`) of `kind`."""
    top, _, part = name.partition(".")
    if not part:
        return top, "", f"{kind}.{top}", "", "", kinds
    label = f"{PARTS[top]}.{part}" if top in PARTS else f"{kind}.{top}"
    word, by = _PART_KEYS.get(top, ("", ""))
    return top, part, label, word, by, kinds


def _values(key: str, inner: str, field: str, path: tuple[Any, ...], value: Any,
            kinds: tuple[str, ...]) -> Iterator[Reference]:
    if isinstance(value, str):
        yield key, inner, field, path, value, kinds
    elif isinstance(value, list):
        for j, item in enumerate(value):
            if isinstance(item, str):
                yield key, inner, field, (*path, j), item, kinds


class _Guess:
    """Did-you-mean over the entities of `kinds` (an owner may be a team, person or
    position), as RF001's hint reads it: one index over all their ids, so an org of
    thousands uses the deletion index (`text.suggest`), and a name, alias or id in another
    case of an earlier kind wins. A name several entities of that kind share guesses none
    of them (`shared` lists them), as RF001's hint (`model.namedids`) says it."""

    def __init__(self, org: Org, kinds: tuple[str, ...]) -> None:
        self.names: dict[str, tuple[str, ...]] = {}  # every id of the kind that wins, by id
        for kind in reversed(kinds):
            table = org.table(kind)
            here: dict[str, list[str]] = {}
            for ident in sorted(table):
                entity = table[ident]
                words = [getattr(entity, "name", None), *getattr(entity, "aliases", ())]
                for word in dict.fromkeys(w.strip().casefold() for w in words
                                          if isinstance(w, str) and w.strip()):
                    here.setdefault(word, []).append(ident)
            self.names.update((word, tuple(ids)) for word, ids in here.items())
            for ident in table:
                self.names.setdefault(ident.casefold(), (ident,))
        # a typo of a former id (`aliases`) means the entity that keeps it now
        self.formerly = former_ids(org, kinds)
        self.close = Suggester([*(i for kind in kinds for i in org.table(kind)),
                                *self.formerly])
        self._folded: FoldedNames[tuple[str, ...]] | None = None
        self._org, self._kinds = org, kinds
        self._others: OtherNames | None = None
        self._calls: PersonCalls | None = None

    def ids_for(self, values: Iterable[str]) -> dict[str, str | None]:
        """{value: the id it most likely means, or None} for each of `values`."""
        found: dict[str, str | None] = {}
        bare: dict[str, str] = {}  # value -> as looked up, when no name is it
        for value in values:
            if value in found or value in bare:
                continue
            word = value.strip().strip(IME_QUOTES) or value  # `[“li”]`: the IME's quotes
            named = self._named(word)
            if named is not None:  # a name several share is no guess: `shared` says them
                found[value] = named[0] if len(named) == 1 else None
            else:
                bare[value] = word
        if bare:
            close = self.close.close_many(bare.values())
            for value, word in bare.items():
                # `王总`: the people so called, as RF001's hint asks first; one is the
                # guess, and several none (no close id either: the hint picks none)
                called = self._called(word)
                one = word.strip()
                if not called and self._kinds == ("Person",) and len(one) == 1 and is_han(one):
                    # `lead: 芳`: the one person whose name has it, as RF001's hint says;
                    # no close id is asked (the hint asks none)
                    having = self._person_calls().having(word)
                    found[value] = having[0] if len(having) == 1 else None
                    continue
                found[value] = (called[0] if len(called) == 1 else None) if called else \
                    close[word] or self._other_name(word)
        return {value: self.formerly.get(ident, ident) if ident else ident
                for value, ident in found.items()}

    def _called(self, word: str) -> list[str]:
        """The people `word` calls as colleagues do (`王总`, `雅婷`: `PersonCalls`)."""
        if "Person" not in self._kinds:
            return []
        return self._person_calls().called(word)[0]

    def _person_calls(self) -> PersonCalls:
        if self._calls is None:
            self._calls = PersonCalls(self._org)
        return self._calls

    def _other_name(self, word: str) -> str | None:
        """The id `word` spells by another of its names (`ke-fu-bu` for 客服部), as RF001's
        hint finds it when no id is close: the index is built on the first such word."""
        if self._others is None:
            self._others = OtherNames(self._org, self._kinds)
        return self._others.get(word)

    def shared(self, value: str) -> tuple[str, ...]:
        """The ids `value` is the name of when several entities share it (in id order),
        else ()."""
        named = self._named(value.strip().strip(IME_QUOTES) or value)
        return named if named is not None and len(named) > 1 else ()

    def _named(self, word: str) -> tuple[str, ...] | None:
        return self.names.get(word.casefold()) or self._in_a_script(word)

    def _in_a_script(self, value: str) -> tuple[str, ...] | None:
        """The ids named `value` in the other script or width (`林志伟` for 林志偉):
        `model.foldednames`, as RF001's hint finds it. ASCII names are keyed case-folded
        already."""
        if value.isascii():
            return None
        if self._folded is None:
            self._folded = FoldedNames(self.names)
        return self._folded.get(value)
