"""Every id an entity mentions must exist: unknown references, with a did-you-mean."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from orgspec.checks.holderteams import holder_teams, teams_hint
from orgspec.checks.nextsteps import StepNames
from orgspec.checks.placeholders import PlaceholderIssue, left_to_its_rule, placeholder_said
from orgspec.engine.charterroles import ROLE_WORDS
from orgspec.engine.context import RuleContext
from orgspec.engine.holdback import seat_noted, value_words
from orgspec.engine.registry import UNSAID, check
from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M, P
from orgspec.lazyre import lazy
from orgspec.load.yamlhints import comma_at, comma_in_item
from orgspec.model.aliases import Renamed, former_ids
from orgspec.model.definedids import DEFINED
from orgspec.model.krname import key_result_named, step_named
from orgspec.model.models import (
    ID_LIKE_SEATS,
    ID_PATTERN,
    KINDS,
    PLACEHOLDERS,
    ROLES,
    is_open_seat,
    is_placeholder,
    is_vacant,
    seat_word_is_id,
)
from orgspec.model.namedids import NamedIds, several
from orgspec.model.org import Org, Origin, ident_of, node_key
from orgspec.model.othernames import OtherNames
from orgspec.model.personcalls import PersonCalls
from orgspec.model.soundalike import SoundAlike
from orgspec.model.validate import DUPLICATE
from orgspec.text.separators import split_ids
from orgspec.text.spaces import IME_QUOTES, stray_blank
from orgspec.text.suggest import CUTOFF, Suggester, allowed, best_scored, edits

OWNER_KINDS = ("Team", "Person", "Role")
_VALID_ID = lazy(ID_PATTERN)


# the hints name an entity whose `name` an unknown reference is (`_Guesses.hint`)
@check("RF001", graph=False, text=(), names=KINDS)
def unknown_reference(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF001 for each reference to an id that no entity of the right kind has."""
    yield from _walked(ctx)[0]


@check("RF007", graph=False, text=())
def misspelt_id(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF007 at the id of an entity nobody references when several references name
    one unknown id close to it: the definition, not each reference, holds the typo.
    `engine.holdback` holds back the RF001s at the references it lists."""
    guesses = _walked(ctx)[1]
    yield from misspelt_definitions(ctx.org, guesses)
    yield from meant_definitions(ctx.org, guesses)
    yield from renamed_definitions(ctx.org, guesses)


def _walked(ctx: RuleContext) -> tuple[list[Issue], _Guesses]:
    """RF001's findings and what its walk over every reference recorded, once per run.

    Between runs (`engine.parts`), a file whose references were all known is not walked
    again while its content and every index the walk reads (`_walk_index`) stay the same:
    then its entities' references are known still. The walk is taken whole when it finds
    an unknown reference anywhere, for RF007 reads every reference it met."""
    from orgspec.engine.parts import by_file

    def walk() -> tuple[list[Issue], _Guesses]:
        others: dict[tuple[str, ...], OtherNames] = {}  # of the org: made once per run
        guesses = _Guesses(ctx.org, others)

        def run(view: Org) -> list[Issue]:
            nonlocal guesses
            guesses = _Guesses(ctx.org, others)
            return list(check_references(view, guesses))

        split = by_file(ctx.shared, "RF001 walk", _walk_index(ctx.org), run)
        # an unknown reference kept: walk it all (a placeholder's RF001 reads no other file)
        if not split.whole and any(not isinstance(i, PlaceholderIssue) for i in split.issues):
            guesses = _Guesses(ctx.org, others)
            return guesses.settle(list(check_references(ctx.org, guesses))), guesses
        return guesses.settle(split.issues), guesses

    return ctx.shared.memo("references", walk)


def _walk_index(org: Org) -> object:
    """What `check_references` reads of the org besides the entity it walks, as long as
    it finds no unknown reference: the ids of every kind (and those held back as invalid),
    the failed files' texts, and the ids dropped as copies (`_Guesses`). The display
    names and former ids its hints read only matter once a reference is unknown."""
    from orgspec.model.org import ENTITY_KINDS

    return ([(kind, list(org.table(kind))) for kind in ENTITY_KINDS], sorted(org.invalid),
            sorted(org.failed.items()), sorted((k, repr(v)) for k, v in org.incomplete.items()))


def misspelt_definitions(org: Org, guesses: _Guesses) -> Iterator[Issue]:
    """RF007 from `guesses` after `check_references`: O(unknown references) plus one
    did-you-mean index per kind over its unreferenced ids, built only when some unknown id
    is referenced twice or more."""
    repeated = {v: refs for v, refs in guesses.unknown.items()
                if len(refs) >= MIN_REFERENCES and not _numeric(v)}
    if not repeated:
        return
    spare: dict[str, Suggester] = {}
    best: dict[tuple[str, str], tuple[str, list[Location]]] = {}
    for value in sorted(repeated):
        refs = repeated[value]
        first = refs[0][0]
        for kind in (k for k in first if all(k in wanted for wanted, _ in refs)):
            if kind not in spare:
                spare[kind] = Suggester(i for i in org.table(kind)
                                        if i not in guesses.referenced)
            defined = spare[kind].close(value)
            if defined is None:
                continue
            held = best.get((kind, defined))
            if held is None or len(refs) > len(held[1]):
                best[(kind, defined)] = (value, [at for _, at in refs])
            break
    for (kind, defined), (value, where) in sorted(best.items()):
        word = KIND_WORDS.get(kind, kind)
        yield Issue(M("{kind} id {id!r} is defined but never referenced; {value!r} is "
                      "referenced {n} times: rename the definition?", kind=word, id=defined,
                      value=value, n=len(where)),
                    org.origin(kind, defined).value("id"), entity=node_key(kind, defined),
                    related=tuple(Related(at, M("{value!r} referenced here", value=value))
                                  for at in where),
                    hint=M("write `id: {value}` here if {value!r} is the id meant; else "
                           "correct the references to {id!r}", value=value, id=defined))


def held_for_failed(org: Org) -> int:
    """How many unknown references RF001 leaves unsaid because a file that failed to load
    mentions them or defines an id close to them (`complaint-specialst` while the file with
    `id: complaint-specialist` does not parse): held back until it loads, as the summary
    says. One walk over the references, only when files failed."""
    guesses = _Guesses(org)
    for _ in check_references(org, guesses):
        pass
    return guesses.held_for_failed


UNSAID["RF001"] = held_for_failed

MAX_TIED = 3  # equally close ids a did-you-mean names; more, and it names none

MIN_REFERENCES = 2  # one reference and one definition apart: either may hold the typo


def meant_definitions(org: Org, guesses: _Guesses) -> Iterator[Issue]:
    """RF007 at an id that is no id at all (`id: 马尼拉客服组`, SC003) while the references
    name one unknown id of its kind that nothing else explains (`kefu-manila`, no id close
    to it): the id was changed by mistake, so the references say what it was. Only when
    the kind has one such definition and one such unknown id; else SC003's pinyin stands.
    `engine.holdback` holds back SC003 there and the RF001s at the references."""
    bad: dict[str, list[str]] = defaultdict(list)
    for key in org.invalid:
        low, _, ident = key.partition(":")
        written = org.invalid_at.get(key)
        if written is not None and not _VALID_ID.match(ident) and \
                not _VALID_ID.match(ident.strip().lower()) and \
                written.fmap.node((*written.path, "id")) == ident:  # `CaiWu`: SC003 says `caiwu`
            bad[_KIND_OF.get(low, "")].append(ident)
    for kind, idents in sorted(bad.items()):
        if len(idents) != 1 or kind not in KINDS:
            continue
        values = [v for v, refs in guesses.unknown.items()
                  if _VALID_ID.match(v) and all(kind in kinds for kinds, _ in refs) and
                  not _explained(guesses, v, refs[0][0])]
        if len(values) != 1:
            continue
        value, where = values[0], [at for _, at in guesses.unknown[values[0]]]
        word = KIND_WORDS.get(kind, kind)
        origin = org.invalid_at[node_key(kind, idents[0])]
        name = origin.fmap.node((*origin.path, "name"))
        hint = M("write `id: {value}` here, the id the references use", value=value) \
            if isinstance(name, str) and name.strip() == idents[0].strip() else \
            M("write `id: {value}` here, the id the references use, and keep {id!r} as the "
              "`name`", value=value, id=idents[0].strip())
        yield Issue(P("{kind} id {id!r} is not a lowercase slug, and {value!r}, referenced "
                      "{n} time, names no {kind}: is it the id meant?",
                      "{kind} id {id!r} is not a lowercase slug, and {value!r}, referenced "
                      "{n} times, names no {kind}: is it the id meant?",
                      n=len(where), kind=word, id=idents[0], value=value),
                    origin.value("id"),
                    entity=node_key(kind, idents[0]),
                    related=tuple(Related(at, M("{value!r} referenced here", value=value))
                                  for at in where),
                    hint=hint)


def renamed_definitions(org: Org, guesses: _Guesses) -> Iterator[Issue]:
    """RF007 at an entity nobody references while references name, two or more times, an
    unknown id that is another of its names and close to no id (`ke-fu-bu`, the reading of
    客服部, after team `ke-fu-bu` became `customer-service`): one rename, not one RF001 per
    reference, and the hint says how an alias keeps them working. O(unknown values)."""
    for value, refs in sorted(guesses.unknown.items()):
        if len(refs) < MIN_REFERENCES or not _VALID_ID.match(value):
            continue
        meant: set[str | None] = set()
        for kinds in {wanted for wanted, _ in refs}:
            guessed = guesses.hint(value, kinds)
            if not isinstance(guessed, _Close) or guessed.suggester.close(value) is not None:
                meant.add(None)  # another case, a display name or a typo: RF001 says it
                break
            meant.add(guesses.other_name(value, kinds))
        if len(meant) != 1 or (ident := meant.pop()) is None or ident in guesses.referenced:
            continue
        kind = next((k for k in KINDS if ident in org.table(k)
                     and all(k in wanted for wanted, _ in refs)), None)
        if kind is None:
            continue
        where = [at for _, at in refs]
        yield Issue(P("{kind} {id!r} is referenced nowhere, while {value!r}, another of its "
                      "names, is referenced {n} time as an id: was it renamed?",
                      "{kind} {id!r} is referenced nowhere, while {value!r}, another of its "
                      "names, is referenced {n} times as an id: was it renamed?",
                      n=len(where), kind=KIND_WORDS.get(kind, kind), id=ident, value=value),
                    org.origin(kind, ident).value("id"), entity=node_key(kind, ident),
                    related=tuple(Related(at, M("{value!r} referenced here", value=value))
                                  for at in where),
                    hint=M("if {value!r} was its id, add `aliases: [{value}]` under `id: "
                           "{id}`: the references then still work, each with an RF005 warning "
                           "until it names `{id}`; else write `{id}` in them",
                           value=value, id=ident))


_KIND_OF = {k.lower(): k for k in KINDS}


def _explained(guesses: _Guesses, value: str, kinds: tuple[str, ...]) -> bool:
    """Whether RF001's did-you-mean explains the unknown `value` by another entity: an id
    in another case, a display name, or a close id."""
    guessed = guesses.hint(value, kinds)
    if not isinstance(guessed, _Close):
        return True
    return (not _numeric(value) and guessed.suggester.close(guessed.value) is not None) or \
        guesses.other_name(guessed.value, kinds) is not None


@check("RF005", graph=False, text=())
def former_id(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF005 at each reference written with a former id: one an entity of the kind
    wanted keeps in `aliases`, which the org is read as naming (`model.aliases`)."""
    org = ctx.org
    for r in org.renamed:
        origin = org.origins[r.entity]
        where = (*r.field, r.index) if r.index is not None and _is_list(origin, r.field) \
            else r.field
        label = _written_field(origin, r.field)
        # the entity by its name (`仓储物流部 (warehouse)`: `idnames.with_names`) as every
        # other message says one; the hint gives the id to write, as code
        yield Issue(M("{value!r} in `{field}` is a former id of {kind} {id!r}", value=r.written,
                      field=label, kind=KIND_WORDS.get(r.kind, r.kind), id=r.ident),
                    origin.value(*where), entity=r.entity,
                    hint=M("write `{id}`: {value!r} is kept in its `aliases` only so that old "
                           "links still work", id=r.ident, value=r.written))


@check("RF004", local=True)
def duplicate_entry(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF004 at the second (third...) time one id is listed in the same list: a team's
    members, children or charter, a position's holders or duties, a person's positions, a
    duty's RACI lists, a meeting's attendees, a step's next steps."""
    org = ctx.org
    written = _written(org)
    # most lists repeat nothing: a set of the list tells so, and only a list that repeats
    # looks up its entity's origin and walks its entries (0.27 s CPU at 5,000 teams, most
    # of it the origins and a generator per list)
    for tid, team in org.teams.items():
        children = team.children or []
        charter = [item.ref for item in team.responsibilities]
        if _repeated(team.members) or _repeated(children) or _repeated(charter):
            o = org.origin("Team", tid)
            yield from _repeats(o, ("members",), team.members, "team", tid, written)
            yield from _repeats(o, ("children",), children, "team", tid, written)
            yield from _repeats(o, ("responsibilities",), charter, "team", tid, written,
                                [item.role for item in team.responsibilities])
    for pid, person in org.people.items():
        if _repeated(person.roles):
            yield from _repeats(org.origin("Person", pid), ("roles",), person.roles, "person",
                                pid, written)
    for rid, resp in org.responsibilities.items():
        lists = [getattr(resp, role) for role in ROLES]
        if any(_repeated(values) for values in lists):
            o = org.origin("Responsibility", rid)
            for role, values in zip(ROLES, lists, strict=True):
                yield from _repeats(o, (role,), values, "responsibility", rid, written)
    for rid, pos in org.positions.items():
        holders = [None if is_vacant(h) or is_placeholder(h) else h for h in pos.holders]
        duties = [item.ref for item in pos.duties]
        if _repeated(holders) or _repeated(duties):
            o = org.origin("Role", rid)
            yield from _repeats(o, ("holders",), holders, "role", rid, written)
            yield from _repeats(o, ("duties",), duties, "role", rid, written)
    for mid, meeting in org.meetings.items():
        if _repeated(meeting.attendees):
            yield from _repeats(org.origin("Meeting", mid), ("attendees",), meeting.attendees,
                                "meeting", mid, written)
    for pid, proc in org.processes.items():
        if any(_repeated(step.next) for step in proc.steps):
            o = org.origin("Process", pid)
            for i, step in enumerate(proc.steps):
                yield from _repeats(o, ("steps", i, "next"), step.next, "process", pid)


def _repeated(values: Sequence[str | None]) -> bool:
    """True when `values` may hold a repeat for `_repeats` (an id twice, or None twice,
    which `_repeats` skips)."""
    return len(values) > 1 and len(set(values)) < len(values)


def _written(org: Org) -> dict[tuple[str, tuple[Any, ...], int], Renamed]:
    """(entity key, list field, index) -> the reference written there with a former id."""
    out: dict[tuple[str, tuple[Any, ...], int], Renamed] = {}
    for r in org.renamed:
        if r.index is not None:
            out[(r.entity, r.field, r.index)] = r
        elif len(r.field) == 3 and r.field[2] == "ref":  # a charter's or position's duty
            out[(r.entity, r.field[:1], r.field[1])] = r
    return out


def _id_like(org: Org, guesses: _Guesses, value: str, kinds: tuple[str, ...]) -> bool:
    """Whether open-seat word `value` is one an org may give an entity as its id
    (`recruiting`: `models.ID_LIKE_SEATS`) and is: an id of any kind, or one a file that
    failed to load defines, or an id of `kinds` (the field's) in other case (`owner:
    RECRUITING`: ids are case-sensitive, so RF001 suggests `recruiting`; `lead: RECRUITING`
    beside a team `recruiting` is still an open seat). It is then read as that id (a team
    `recruiting` in a `lead`), not as an open seat."""
    if value.strip().casefold() not in ID_LIKE_SEATS:
        return False
    return _exists(org, value, tuple(KINDS)) or \
        seat_word_is_id(value, lambda v: _exists(org, v, kinds)) or \
        bool(org.failed and guesses.defined_in_failed(value))


def _repeats(origin: Origin, field: tuple[Any, ...], values: Sequence[str | None], kind: str,
             ident: str, written: dict[tuple[str, tuple[Any, ...], int], Renamed] | None = None,
             roles: Sequence[str] | None = None) -> Iterator[Issue]:
    """RF004 at each repeat in `values` (the list as resolved); `written` (`_written`) tells
    the entries written with a former id, named in the message; `roles` the RACI role of
    each entry of a charter, said when a repeat gives another role than the first entry."""
    if len(values) < 2:
        return
    first: dict[str, int] = {}
    label = next(part for part in reversed(field) if isinstance(part, str))
    written = written or {}
    key = node_key(kind, ident)
    at: dict[str, list[int]] = {}  # each value's entries, made at the list's first repeat
    for j, value in enumerate(values):
        if value is None or is_placeholder(value) or is_vacant(value):
            continue  # `[待定, 待定]`: the placeholder's own finding (RF001, OW002, MT003)
        if value not in first:
            first[value] = j
            continue
        if not at:
            for i, v in enumerate(values):
                if v is not None:
                    at.setdefault(v, []).append(i)
        places = at[value]
        if len(places) > 2 and not any((key, field, i) in written for i in places):
            if j == places[1]:  # a value pasted many times: one finding, not one a copy
                yield _many(origin, field, label, value, places, key)
            continue
        old = written.get((key, field, j)) or written.get((key, field, first[value]))
        if old is None and roles is not None and roles[j] != roles[first[value]]:
            # which entry is wrong depends on the duty's own RACI fields, which this
            # entity-local rule does not read; OW004 stays silent when one entry agrees
            message = M("{value!r} is listed twice in `{field}`, as {first} and as {this}",
                        value=value, field=label, first=ROLE_WORDS[roles[first[value]]],
                        this=ROLE_WORDS[roles[j]])
            hint = M("remove the second {value!r}, or the first one if the team is {this} "
                     "for it", value=value, this=ROLE_WORDS[roles[j]])
        elif old is None:
            message = M("{value!r} is listed twice in `{field}`", value=value, field=label)
            hint = M("remove the second {value!r}", value=value)
        else:
            mine, before = written.get((key, field, j)), written.get((key, field, first[value]))
            this = mine.written if mine else value
            message = M("{this!r} in `{field}` is the same {kind} as {first!r} before it: "
                        "{alias!r} is a former id of {value!r}", this=this, field=label,
                        kind=KIND_WORDS.get(old.kind, old.kind),
                        first=before.written if before else value, value=value,
                        alias=old.written)
            # the entry to remove is the one written with the former id, first or not: its
            # RF005 is held back behind this finding (`engine.formerid.repeat_behind`)
            hint = M("remove {this!r}", this=this) if mine or not before else \
                M("remove {first!r}, the former id written first, and keep {this!r}",
                  first=before.written, this=this)
        yield Issue(message, origin.locate(*field, j), entity=key,
                    related=(Related(origin.locate(*field, first[value]),
                                     M("first listed here")),), hint=hint)


def _many(origin: Origin, field: tuple[Any, ...], label: str, value: str, places: list[int],
          key: str) -> Issue:
    """RF004 for `value` listed at `places` (three or more) of list `field`: at its second
    entry, the first and the others as related places."""
    n = len(places)
    related = (Related(origin.locate(*field, places[0]), M("first listed here")),
               *(Related(origin.locate(*field, i), M("listed again here")) for i in places[2:]))
    return Issue(M("{value!r} is listed {n} times in `{field}`", value=value, n=n, field=label),
                 origin.locate(*field, places[1]), entity=key, related=related,
                 hint=M("keep one {value!r} and remove the other {m}", value=value, m=n - 1))


KIND_WORDS = {"Team": M("team"), "Person": M("person"), "Role": M("position"),
              "Responsibility": M("duty"), "Objective": M("objective"), "Process": M("process"),
              "Meeting": M("meeting")}
KIND_NAMES = {"Team": M("Team"), "Person": M("Person"), "Role": M("Role"),
              "Responsibility": M("Responsibility"), "Objective": M("Objective")}


# `id: operations` (or `id：operations`, an IME colon) in the text of a file that did not parse
_DEFINED = DEFINED  # `id: x` in a file that failed to load


class _Guesses:
    """Did-you-mean per tuple of kinds, its indexes built on the first unknown reference:
    the same id in another case (`HR` for `hr`), a display name where the id belongs
    (`客服部` for `cs`), then a close id."""

    def __init__(self, org: Org,
                 others: dict[tuple[str, ...], OtherNames] | None = None) -> None:
        self.org = org
        self.by_kinds: dict[tuple[str, ...], tuple[Suggester, _Ids, NamedIds,
                                                   dict[str, str]]] = {}
        self._in_failed: dict[str, bool] = {}
        self._failed: Suggester | None = None
        self._failed_set: frozenset[str] | None = None  # the ids the failed files define
        self._copies: dict[str, set[str]] | None = None  # built on first use
        self.referenced: set[str] = set()  # every value written in a reference
        self.tables: dict[tuple[str, ...], tuple[dict[str, Any], ...]] = {}  # by kinds
        # RF001s whose did-you-mean waits for `settle`, and what it waits for
        self.pending: list[tuple[Issue, _Close]] = []
        self.held_for_failed = 0  # unknown references left unsaid until a failed file loads
        # by kinds, built on first use; shared by the walks of one run
        self.others: dict[tuple[str, ...], OtherNames] = {} if others is None else others
        self.alike: SoundAlike | None = None  # people by their names' sound, on first use
        self.calls: PersonCalls | None = None  # people by surname and given name, likewise
        # unknown value -> (kinds wanted, where) per reference RF001 reports
        self.unknown: dict[str, list[tuple[tuple[str, ...], Location]]] = defaultdict(list)
        # `id: Marketing` (or `id: he-li　`, a full-width space after it) is SC003 and held
        # as invalid; `marketing` elsewhere is the id it will have once fixed, so a reference
        # to it is no second finding
        self.meant_invalid = {f"{kind}:{low}" for kind, _, ident in
                              (key.partition(":") for key in org.invalid)
                              if (low := ident.strip().lower()) != ident and _VALID_ID.match(low)}

    def in_failed(self, value: str) -> bool:
        """Whether a file that failed to load mentions `value`, or defines an id close to it
        (`operatoins` while the file with `id: operations` does not parse: the did-you-mean
        it would get is not known yet): each distinct id searched once, not once per
        reference to it."""
        found = self._in_failed.get(value)
        if found is None:
            found = self._in_failed[value] = self.org.mentions_in_failed(value) or \
                self._failed_ids().close(value) is not None
        return found

    def meant_by_copy(self, kinds: tuple[str, ...], ident: str) -> bool:
        """Whether the definition of a duplicate id of one of `kinds` names `ident`, the
        entity whose reference is unknown: the copy was likely meant to have that id (a
        duty copied from `promo`, meant to be the `complaints` ops's charter lists), so
        the reference is no second finding beside RF002. A copy of another kind, or one
        that does not name `ident`, explains nothing: those references are reported."""
        if self._copies is None:
            kind_of = {k.lower(): k for k in KINDS}
            self._copies = defaultdict(set)
            for key, dropped in self.org.incomplete.items():
                if DUPLICATE in key:
                    kind = kind_of.get(key.split(":", 1)[0], "")
                    self._copies[kind].update(value_words(dropped))
        return any(ident in self._copies.get(k, ()) for k in kinds)

    def defined_in_failed(self, value: str) -> bool:
        """Whether a file that failed to load writes `id: value`: the reference will be
        known once it loads, no finding held back."""
        if self._failed_set is None:
            self._failed_set = frozenset(self._failed_ids().ids)
        return value in self._failed_set

    def _failed_ids(self) -> Suggester:
        if self._failed is None:
            self._failed = Suggester(m.group(1) for text in self.org.failed.values()
                                     for m in _DEFINED.finditer(text))
        return self._failed

    def settle(self, issues: list[Issue]) -> list[Issue]:
        """`issues` with the did-you-mean of each that waited for one (`pending`): the
        words of each suggester looked up together (`Suggester.close_many`)."""
        words: dict[int, tuple[Suggester, list[str]]] = {}
        for _, close in self.pending:
            words.setdefault(id(close.suggester), (close.suggester, []))[1].append(close.value)
        found = {key: suggester.nearest_many(asked) for key, (suggester, asked) in words.items()}
        settled: dict[int, Issue] = {}
        for issue, close in self.pending:
            near = close.kin_first(found[id(close.suggester)][close.value])
            if not near or len(near) > MAX_TIED:  # none is close: maybe another name of one
                said = self._other_said(close.value, close.kinds) or \
                    self._renamed(close) or ""
            else:
                said = close.said(near)
            if said:
                settled[id(issue)] = replace(issue, hint=said)  # a typo: no seat to note
        self.pending = []
        return [settled.get(id(i), i) for i in issues] if settled else issues

    def _index(self, kinds: tuple[str, ...]) -> tuple[Suggester, _Ids, NamedIds,
                                                      dict[str, str]]:
        """(close ids, the ids, the ids by display name, former ids) of `kinds`, built
        once."""
        found = self.by_kinds.get(kinds)
        if found is None:
            lower = {k.lower() for k in kinds}
            extra = [ident_of(key) for key in self.org.invalid  # never an invalid id
                     if key.split(":", 1)[0] in lower and _VALID_ID.match(ident_of(key))]
            extra += [ident_of(key) for key in self.meant_invalid  # but the id it will be
                      if key.split(":", 1)[0] in lower]
            tables = tuple(self.org.table(k) for k in kinds)
            names = NamedIds(self.org, kinds)
            # a typo of a former id means the entity that keeps it: suggest its current id
            formerly = former_ids(self.org, kinds)
            found = self.by_kinds[kinds] = (
                Suggester([*(i for table in tables for i in table), *extra, *formerly]),
                _Ids(tables, frozenset(extra)), names, formerly)
        return found

    def id_of(self, value: str, kinds: tuple[str, ...]) -> str:
        """The id `value` is or names, found as `hint` finds it without guessing a typo: an
        id of `kinds`, in another case, or the display name of one entity (in either
        script), or another of its names (`names: {zh: 林东}`, `OtherNames`); else `value`
        itself (a name several share: `several` says which). `[王伟，李娜]` in `members`
        is written `[wang-wei, li-na]`, `郭芳、林东` `[guo-fang, tony-lin]`."""
        _, ids, names, _ = self._index(kinds)
        bare = value.strip().strip(IME_QUOTES) or value
        if bare.casefold() in ids:
            return bare.casefold()
        if names.named(bare) is not None:
            return names.id_of(bare) or value
        called = self.called(bare, kinds)
        if called:  # `王总`: the one person so called; several, none picked
            return called[0] if len(called) == 1 else value
        return self.other_name(bare, kinds) or value

    def several(self, values: Iterable[str], kinds: tuple[str, ...]) -> M | None:
        """What to write for the first of `values` that is the name of several entities of
        `kinds` (`张伟` for `zhangwei` and `zhangwei2`), else None."""
        _, ids, names, _ = self._index(kinds)
        for value in values:
            bare = value.strip().strip(IME_QUOTES) or value
            named = names.named(bare) if bare.casefold() not in ids else None
            if named is not None and len(named[1]) > 1:
                return several(self.org, bare, named)
        return None

    def hint(self, value: str, kinds: tuple[str, ...]) -> str | _Close:
        suggester, ids, names, formerly = self._index(kinds)
        bare = value.strip(IME_QUOTES)
        if bare != value and bare in ids:  # `[“p1”]`: the quotes an IME typed
            return M("did you mean {id!r}?", id=bare)
        value = bare or value
        if value.casefold() in ids:
            return M("an id is lowercase: write it as `{id}`", id=value.casefold())
        glued = _glued_comment(value, ids)
        if glued is not None:  # `hk005#何詠詩`, `hk005＃何詠詩`: a comment YAML did not see
            return glued
        narrow = unicodedata.normalize("NFKC", value)
        if narrow != value and (narrow in ids or narrow.casefold() in ids):  # `ｔｅｃｈ`
            return _full_width_said(value, narrow if narrow in ids else narrow.casefold())
        named = names.named(value)
        if named is not None and len(named[1]) > 1:
            return several(self.org, value, named)
        if named is not None:
            kind, (ident,) = named
            written = str(getattr(self.org.table(kind)[ident], "name", "") or "").strip()
            if written and written != value.strip():  # `陳靜` for 陈静: the org's too
                return M("{value} ({name}) is the name of {kind} `{id}`: write `{id}`",
                         value=value.strip(), name=written, kind=KIND_WORDS.get(kind, kind),
                         id=ident)
            return M("{value} is the name of {kind} `{id}`: write `{id}`", value=value.strip(),
                     kind=KIND_WORDS.get(kind, kind), id=ident)
        if "Person" in kinds:  # `王总`, `小王`, `雅婷`: a person as colleagues call them
            said = self._called_said(value)
            if said is not None:
                return said
        # `lead: 芳`: part of a name. Not in a field that takes teams and positions too
        # (`owner: 芳`): one character there names nobody (tests/data/person_calls.tsv,
        # case 35, frozen before the matcher)
        if kinds == ("Person",) and _one_han(value):
            return self._part_said(value)
        if kinds == ("Person",):  # `张玮` for 张伟: an input method's wrong pick
            alike = self.sound_alike().ids(value)
            if len(alike) == 1:  # the id to write said bare: the name is not it (`2001`)
                return M("did you mean {id!r}? write the id `{bare}`", id=alike[0],
                         bare=alike[0])
            if 1 < len(alike) <= MAX_TIED:
                return M("did you mean one of {ids}? they are equally close to what is "
                         "written: check which one is meant", ids=alike)
        return _Close(suggester, _person_reading(value) if kinds == ("Person",) else value,
                      formerly, kinds, value)

    def person_calls(self) -> PersonCalls:
        if self.calls is None:
            self.calls = PersonCalls(self.org)
        return self.calls

    def _called_said(self, value: str) -> M | None:
        """The hint for `value` that calls a person as colleagues do (`PersonCalls`): the
        one person so called, by id; several named (up to MAX_TIED) or counted, none picked;
        None when it calls nobody (the other hints are asked then)."""
        ids, way = self.person_calls().called(value)
        if not ids or way is None:
            return None
        written = value.strip()
        if len(ids) > MAX_TIED:
            return M("{value!r} may call any of {n} people: write the id of the one meant",
                     value=written, n=len(ids))
        if len(ids) > 1:
            return M("{value!r} may call any of {ids}: write the id of the one meant",
                     value=written, ids=ids)
        name = self.org.people[ids[0]].name or ids[0]
        if way[0] == "given":
            return M("{value!r} is the given name of {name} alone: write `{id}`",
                     value=written, name=name, id=ids[0])
        if way[0] == "char":  # 阿豪, 豪哥: Hong Kong calls one character of the given name
            return M("{value!r} calls a person by {char}, a character of a given name that "
                     "only {name} has: write `{id}`", value=written, char=way[1], name=name,
                     id=ids[0])
        return M("{value!r} calls a person by the surname {surname}, which only {name} has: "
                 "write `{id}`", value=written, surname=way[1], name=name, id=ids[0])

    def _part_said(self, value: str) -> M | str:
        """The hint for one Han character written for a person (`lead: 芳`): the one person
        whose surname it is or whose given name has it, by id; "" (no guess) for none or
        several. An alias is never said: `aliases: [fang]` leaves `芳` unknown (trial 34)."""
        ids = self.person_calls().having(value)
        if len(ids) != 1:
            return ""
        name = str(self.org.people[ids[0]].name or ids[0])
        return M("{value!r} is part of {name!r}, a name of person `{id}`: write `{id}`",
                 value=value.strip(), name=name, id=ids[0])

    def called(self, value: str, kinds: tuple[str, ...]) -> list[str]:
        """The people `value` calls as colleagues do (`王总`), when `kinds` has people."""
        return self.person_calls().called(value)[0] if "Person" in kinds else []

    def sound_alike(self) -> SoundAlike:
        if self.alike is None:
            self.alike = SoundAlike(self.org)
        return self.alike

    def _renamed(self, close: _Close) -> M | None:
        """The did-you-mean for an id renamed by adding a word (trial 27: `product` after
        `id: product-center`, `marketing` after `brand-marketing`): the one id of its kinds
        that extends it (`Suggester.extended`), with the alias that keeps the old id
        working; None when none or several do."""
        found = [c for c in close.suggester.extended(close.value) if c not in close.formerly
                 and any(c in self.org.table(k) for k in close.kinds)]
        if len(found) != 1:
            return None
        if (close.written and close.written.strip() != close.value) or \
                _reads_name_part(self.org, found[0], close.value):
            # `林志` read as `lin-zhi`: an alias `lin-zhi` would leave `林志` unknown; `fang`
            # for 王芳 is her given name as `lead: 芳` is (the id to write, one step)
            return M("did you mean {id!r}? write the id `{bare}`", id=found[0], bare=found[0])
        kind = next(k for k in close.kinds if found[0] in self.org.table(k))
        # the id to write said first (`id（name）`), the entity renamed by its name
        # both steps: the alias alone leaves an RF005 asking to rewrite the references
        return M("did you mean {id!r}? if {kind} {entity!r} was renamed from {value!r}, "
                 "`aliases: [{value}]` under its `id` keeps the old references working; then "
                 "change them to {id!r} (RF005 lists them)",
                 id=found[0], kind=KIND_WORDS.get(kind, kind), entity=found[0],
                 value=close.value)

    def other_name(self, value: str, kinds: tuple[str, ...]) -> str | None:
        """The id of `kinds` that `value` spells as another of its names
        (`OtherNames`), asked when no id is close to `value`."""
        return self._others(kinds).get(value)

    def _others(self, kinds: tuple[str, ...]) -> OtherNames:
        found = self.others.get(kinds)
        if found is None:
            found = self.others[kinds] = OtherNames(self.org, kinds)
        return found

    def _other_said(self, value: str, kinds: tuple[str, ...]) -> M | None:
        """The did-you-mean for `value`, another name of one entity of `kinds`; for one
        word of one person's name (`owner: Jimmy` for `names: {en: Jimmy Lin}`), naming
        that name (trial 32: `Jimmy` was told to add a new person `Jimmy`)."""
        others = self._others(kinds)
        ident = others.get(value)
        if ident is None:
            return None
        if others.whole(value) is None:
            person, name = others.part_of(value)
            if person == ident:
                return M("{value!r} is part of {name!r}, a name of person `{id}`: write "
                         "`{id}`", value=value.strip(), name=name, id=ident)
        return M("did you mean {id!r}?", id=ident)


def _seat_word(org: Org) -> str | None:
    """The first open-seat word (`待招聘`, `vacant`) a position of `org` writes in its
    `holders`, or None: the word the org writes a seat with."""
    for role in org.table("Role").values():
        for holder in getattr(role, "holders", None) or ():
            if isinstance(holder, str) and is_open_seat(holder):
                return holder.strip()
    return None


def _glued_comment(value: str, ids: Any) -> M | None:
    """The hint for an id with a comment glued to it (`hk005#何詠詩`: a `#` starts a comment
    only after a space; `hk005＃何詠詩`: a full-width `＃` never does), which YAML reads as
    one value: the id, and the line to write; None when what comes before the mark is no
    id of the kinds asked."""
    at = min((i for i in (value.find("#"), value.find("＃")) if i > 0), default=-1)
    if at < 0:
        return None
    ident, comment = value[:at].strip(), value[at + 1:].strip()
    if not ident or ident not in ids:
        return None
    if value[at] == "#":
        return M("`#` starts a comment only after a space: YAML reads {value!r} as one value; "
                 "the id is `{id}`: write `{id}`, and a note at the end of the line after a "
                 "space: `# {comment}`", value=value, id=ident, comment=comment)
    return M("a full-width `＃` never starts a comment: YAML reads {value!r} as one value; the "
             "id is `{id}`: write `{id}`, and a note at the end of the line after a space and "
             "a half-width `#`: `# {comment}`", value=value, id=ident, comment=comment)


def _reads_name_part(org: Org, ident: str, value: str) -> bool:
    """Whether `value` (`fang`) is how person `ident`'s surname, given name or a character
    of it reads (王芳: `wang`, `fang`; 林志豪: `lin`, `zhihao`, `zhi`, `hao`), hyphens aside,
    as `lead: 芳` and `lead: 豪` name them (`_part_said`): a person written by a part of
    their name, not an id renamed by adding a word."""
    from orgspec.text.fold import fold_name
    from orgspec.text.personcall import name_parts
    from orgspec.text.slug import reading_id

    person = org.people.get(ident)
    if person is None or not isinstance(person.name, str):
        return False
    parts = name_parts(fold_name(person.name.strip()))
    if parts is None:
        return False
    bare = value.casefold().replace("-", "")
    return any((reading_id(part, surname) or "").replace("-", "") == bare
               for part, surname in ((parts[0], True), (parts[1], False),
                                     *((c, False) for c in parts[1])))


def _one_han(value: str) -> bool:
    """Whether `value` is one Han character (`芳`), spaces aside."""
    from orgspec.han import is_han

    bare = value.strip()
    return len(bare) == 1 and is_han(bare)


def _person_reading(value: str) -> str:
    """A person written by a name no one has (`manager: 王建囯`, a typo the roster kept) as
    the id that name reads as (`wang-jian-guo`), a person's id being their name's pinyin as
    a rule: the did-you-mean looks for ids close to that; `value` itself otherwise."""
    from orgspec.text.collate import has_han

    if not has_han(value):
        return value
    from orgspec.text.slug import reading_id

    return reading_id(value, True) or value


def _full_width_said(value: str, ident: str) -> M:
    """The hint for `value`, id `ident` typed in full-width characters, naming them: a
    `－` is a full-width hyphen, not a letter (trial 31: `xu－wei－ting`)."""
    wide = [c for c in dict.fromkeys(value) if unicodedata.normalize("NFKC", c) != c]
    marks = [c for c in wide if not unicodedata.normalize("NFKC", c).isalnum()]
    if not marks:
        return M("{value!r} is typed in full-width letters or digits: write `{id}` in "
                 "half-width ones (switch the input method to half-width)", value=value,
                 id=ident)
    if len(marks) == len(wide) and len(marks) == 1:
        what = {"－": M("full-width hyphen"), "＿": M("full-width underscore"),
                "．": M("full-width full stop")}.get(marks[0]) or M("full-width character")
        return M("{value!r} has a {what} `{char}` (U+{code:04X}) where `{ascii}` belongs: "
                 "write `{id}` (switch the input method to half-width)", value=value,
                 what=what, char=marks[0], code=ord(marks[0]),
                 ascii=unicodedata.normalize("NFKC", marks[0]), id=ident)
    return M("{value!r} is typed in full-width characters ({chars}): write `{id}` in "
             "half-width ones (switch the input method to half-width)", value=value,
             chars=" ".join(f"`{c}`" for c in wide), id=ident)


class _Ids:
    """The ids of some kinds (their tables) and `extra` ones, looked up where they are: an
    id is a lowercase slug, so it is its own casefold, and the ids in another case of a
    value are that value's casefold if it is an id (no table of every id, each by its
    casefold, is built per unknown reference's kinds: 65,000 ids at 5,000 teams)."""

    def __init__(self, tables: tuple[dict[str, Any], ...], extra: frozenset[str]) -> None:
        self.tables = tables
        self.extra = extra

    def __contains__(self, value: str) -> bool:
        return value in self.extra or any(value in table for table in self.tables)


@dataclass(frozen=True)
class _Close:
    """A did-you-mean still to be looked up: the close ids of every unknown reference are
    looked up together once the walk has found them all (`_Guesses.settle`)."""

    suggester: Suggester
    value: str
    formerly: dict[str, str]
    kinds: tuple[str, ...] = ()  # what `_Guesses.other_name` looks among when none is close
    written: str = ""  # the value as written, when `value` is its reading (`林志`: lin-zhi)
    # the other items of the list the value is in: the id they already hold is no fix
    listed: frozenset[str] = frozenset()
    # the ids beside the referring entity (a team's members, for its `lead`): a close one
    # among them is the one meant before any other (`kin_first`)
    kin: frozenset[str] = frozenset()

    def kin_first(self, near: list[str]) -> list[str]:
        """`near`, or the ids of `kin` closest to the value when one is a plausible typo
        of it, one edit more allowed (trial 36: `lead: zhang-wie` on the team whose
        members are `[zhang-wei2, ...]` is zhang-wei2, not zhang-wei of another team)."""
        if not self.kin or any(c in self.kin for c in near):
            return near
        limit = allowed(self.value) + 1
        scored = [(r, c) for r, c in best_scored(self.value, sorted(self.kin), _KIN, CUTOFF)
                  if edits(self.value, c, limit) <= limit]
        return sorted(c for r, c in scored if r == scored[0][0]) if scored else near

    def said(self, near: list[str]) -> str:
        """Did you mean the id in `near`, or one of its ids, equally close (`t02`: `t002` or
        `t012`), none picked; a former id said as the current one; an id the list already
        holds, the item to delete (`[wang-fang, wong-fang]`: written, RF004 said it twice,
        trial 34c)."""
        ids = list(dict.fromkeys(self.formerly.get(c, c) for c in near))
        if len(ids) == 1 and ids[0] in self.listed:
            return M("did you mean {id!r}? it is in this list already: delete this item",
                     id=ids[0])
        if len(ids) > 1:
            return M("did you mean one of {ids}? they are equally close to what is written: "
                     "check which one is meant", ids=ids)
        close = near[0] if near else None
        if close in self.formerly:
            return M("did you mean {id!r} (formerly {old!r})?", id=self.formerly[close],
                     old=close)
        return M("did you mean {id!r}?", id=close) if close else ""


def check_references(org: Org, guesses: _Guesses | None = None) -> Iterator[Issue]:
    """Every unknown reference in the org (placeholders and failed files excepted);
    `guesses` records the values referenced and the unknown ones (`misspelt_definitions`)
    and the did-you-means still to look up: `guesses.settle` of the issues adds them."""
    guesses = guesses or _Guesses(org)
    # `_refs`'s walk inline for the references most are (200,000 RACI lists, 65,000 charter
    # items and 60,000 key result owners at 5,000 teams): a value known costs no call; any
    # other goes through `_refs`, which walks its list again from its start
    teams, people, positions = (org.table(k) for k in OWNER_KINDS)
    duties = org.responsibilities
    referenced = guesses.referenced
    for tid, team in org.teams.items():
        yield from _refs(guesses, ("parent",), [team.parent], ("Team",), "team", tid)
        yield from _refs(guesses, ("lead",), [team.lead], ("Person",), "team", tid)
        yield from _refs(guesses, ("members",), team.members, ("Person",), "team", tid)
        yield from _refs(guesses, ("children",), team.children or [], ("Team",), "team", tid)
        for i, item in enumerate(team.responsibilities):
            if (ref := item.ref) is not None:
                if ref in duties and ref not in PLACEHOLDERS:  # `_refs` inline, as below
                    referenced.add(ref)
                    continue
                yield from _refs(guesses, ("responsibilities", i), [ref],
                                 ("Responsibility",), "team", tid, listed=False)
    for rid, resp in org.responsibilities.items():
        for role in ROLES:
            values = getattr(resp, role)
            for value in values:
                if value is None:
                    continue
                if not (value in teams or value in people or value in positions) or \
                        value in PLACEHOLDERS:
                    break
                referenced.add(value)
            else:
                continue
            yield from _refs(guesses, (role,), values, OWNER_KINDS, "responsibility", rid)
    for oid, obj in org.objectives.items():
        yield from _refs(guesses, ("owner",), [obj.owner], OWNER_KINDS, "objective", oid)
        yield from _refs(guesses, ("aligns_to",), [obj.aligns_to], ("Objective",),
                         "objective", oid)
        for i, kr in enumerate(obj.key_results):
            if (owner := kr.owner) is None:
                continue
            if (owner in teams or owner in people or owner in positions) and \
                    owner not in PLACEHOLDERS:
                referenced.add(owner)
                continue
            yield from _refs(guesses, ("key_results", i, "owner"), [owner], OWNER_KINDS,
                             "objective", oid, listed=False)
    for pid, proc in org.processes.items():
        yield from _process_refs(guesses, pid, proc)
    yield from _position_refs(guesses, org)


def _position_refs(guesses: _Guesses, org: Org) -> Iterator[Issue]:
    for person_id, person in org.people.items():
        if person.roles:
            yield from _refs(guesses, ("roles",), person.roles, ("Role",), "person",
                             person_id)
        if person.manager is not None:
            yield from _refs(guesses, ("manager",), [person.manager], ("Person",), "person",
                             person_id)
    for rid, pos in org.positions.items():
        yield from _refs(guesses, ("team",), [pos.team], ("Team",), "role", rid)
        yield from _refs(guesses, ("holders",), [h if not is_vacant(h) else None
                                                    for h in pos.holders], ("Person",), "role",
                         rid, typed=pos.holders)
        for i, item in enumerate(pos.duties):
            if item.ref is not None:
                yield from _refs(guesses, ("duties", i), [item.ref], ("Responsibility",),
                                 "role", rid, listed=False)
    for mid, meeting in org.meetings.items():
        yield from _refs(guesses, ("owner",), [meeting.owner], OWNER_KINDS, "meeting", mid)
        yield from _refs(guesses, ("attendees",), meeting.attendees, OWNER_KINDS, "meeting",
                         mid)


def _process_refs(guesses: _Guesses, pid: str, proc: Any) -> Iterator[Issue]:
    o = guesses.org.origin("Process", pid)
    yield from _refs(guesses, ("owner",), [proc.owner], OWNER_KINDS, "process", pid)
    yield from _refs(guesses, ("responsibility",), [proc.responsibility],
                     ("Responsibility",), "process", pid)
    step_ids = {s.id for s in proc.steps}
    steps: StepNames | None = None  # built on the first unknown `next`
    # the process's steps for hints, built on the first unknown `next` nothing is close to
    listing: tuple[list[str], M | str] | None = None
    for i, step in enumerate(proc.steps):
        base = ("steps", i)
        yield from _refs(guesses, (*base, "owner"), [step.owner], OWNER_KINDS, "process",
                         pid, listed=False)
        yield from _refs(guesses, (*base, "tracker"), [step.tracker], OWNER_KINDS,
                         "process", pid, listed=False)
        listed = _is_list(o, (*base, "next"))
        for j, nxt in enumerate(step.next):
            if nxt in step_ids:
                continue
            steps = steps or StepNames(proc.steps)
            at = o.locate(*base, "next", j) if listed else o.value(*base, "next")
            split = comma_in_item("next", [str(n) for n in step.next], j, steps.id_of) \
                if listed else None
            if split is not None:  # `[investigate，review]`: one item, two meant
                yield Issue(split[0], comma_at(at, nxt), entity=node_key("process", pid),
                            hint=split[1])
                continue
            hint = _next_hint(steps, nxt, listed)
            if hint is None:
                listing = listing or _listing(sorted(step_ids))
                hint = M("steps of {process!r}: {steps}{more}", process=pid,
                         steps=listing[0], more=listing[1])
            yield Issue(M("unknown step {next!r} in `next` of step {step!r}", next=nxt,
                          step=step_named(step.name, step.id)),
                        at, entity=node_key("process", pid), hint=hint)


def _next_hint(steps: StepNames, nxt: str, listed: bool) -> M | None:
    """RF001's hint for `nxt`, a `next` naming no step: the step whose name it is
    (`查核訂單及物流`, trial 35), the list a separator means (`investigate、review`), or the
    close id of a typo; None when none tells (the hint lists the steps)."""
    named = steps.named(nxt)
    if len(named) == 1:
        written = steps.written(named[0])
        if written and written != nxt.strip():  # `查核订单及物流` for 查核訂單及物流
            return M("{value} ({name}) is the name of {kind} `{id}`: write `{id}`",
                     value=nxt.strip(), name=written, kind=M("step"), id=named[0])
        return M("{value} is the name of {kind} `{id}`: write `{id}`", value=nxt.strip(),
                 kind=M("step"), id=named[0])
    if named:
        return M("{value} is the name of more than one {kind}: {ids}; write the id of the one "
                 "meant", value=nxt.strip(), kind=M("step"), ids=list(named))
    parts = split_ids(nxt)
    if parts:
        return _split_hint(nxt, [steps.id_of(p) for p in parts], "next", not listed)
    close = steps.close(nxt)
    return M("did you mean {id!r}?", id=close) if close else None


MAX_LISTED = 20


def _listing(names: list[str]) -> tuple[list[str], M | str]:
    """The first MAX_LISTED names and how many more (a hint on each of a 10,000-step
    process's unknown `next`s does not list every step)."""
    more = len(names) - MAX_LISTED
    return names[:MAX_LISTED], M(" (+{n} more)", n=more) if more > 0 else ""


def _refs(guesses: _Guesses, field: tuple[Any, ...], values: Sequence[str | None],
          kinds: tuple[str, ...], kind: str, ident: str, listed: bool = True,
          typed: Sequence[str] | None = None) -> Sequence[Issue]:
    """RF001 for each value of `values` that names no entity of `kinds`; nothing, at the
    cost of a lookup per value, when every value is an id of one of them (the common case:
    an id is lowercase and has no blanks, so it is a placeholder only if it is one as
    written). `typed`: the list as written, where `values` drops some items as None (an
    open seat in `holders`), for a hint that writes the list again."""
    tables = guesses.tables.get(kinds)
    if tables is None:
        tables = guesses.tables[kinds] = tuple(guesses.org.table(k) for k in kinds)
    referenced = guesses.referenced
    for value in values:
        if value is None:
            continue
        for table in tables:
            if value in table:
                break
        else:
            break
        if value in PLACEHOLDERS:
            break
        referenced.add(value)
    else:
        return ()
    # the entity's origin only now: most entities refer to nothing unknown
    origin = guesses.org.origins[node_key(kind, ident)]
    return list(_unknown(guesses, origin, field, values, kinds, kind, ident, listed, typed))


def _unknown(guesses: _Guesses, origin: Origin, field: tuple[Any, ...],
             values: Iterable[str | None], kinds: tuple[str, ...], kind: str, ident: str,
             listed: bool = True, typed: Sequence[str] | None = None) -> Iterator[Issue]:
    org = guesses.org
    values = list(values)
    for j, value in enumerate(values):
        if value is None:
            continue
        if is_placeholder(value):
            if not left_to_its_rule(org, kind, ident, field, values):
                yield _placeholder(org, origin, field, j, value, kind, ident, kinds, listed)
            continue
        guesses.referenced.add(value)
        if _exists(org, value, kinds):
            continue
        if is_vacant(value) and not _id_like(org, guesses, value, kinds):
            # `owner: 待招聘`, `lead: 空缺`: the rule of the field says the seat is open, as
            # for `待定`; `members: [待招聘]`: a seat is a position's holder
            if not left_to_its_rule(org, kind, ident, field, values):
                yield _placeholder(org, origin, field, j, value, kind, ident, kinds, listed)
            continue
        if org.failed and guesses.in_failed(value):
            if not guesses.defined_in_failed(value):  # a typo: RF001 once it loads
                guesses.held_for_failed += 1  # counted in the summary's held-back findings
            continue  # the file that would define it did not load; no cascade
        if org.incomplete and guesses.meant_by_copy(kinds, ident):
            continue  # RF002's copied id was meant to be this one; no cascade
        stray = stray_blank(value)
        if stray is not None and _exists(org, stray[0], kinds):
            where = (*field, j) if listed and _is_list(origin, field) else field
            label = next(part for part in reversed(field) if isinstance(part, str))
            said = M("`{id}` in `{field}` ends with {what}, so it names no {kinds}",
                     id=stray[0], field=label, what=stray[1], kinds=_either(kinds)) \
                if stray[2] else \
                M("`{id}` in `{field}` starts with {what}, so it names no {kinds}",
                  id=stray[0], field=label, what=stray[1], kinds=_either(kinds))
            yield Issue(said, origin.value(*where),
                        entity=node_key(kind, ident),
                        hint=M("delete it: write `{field}: {id}`", field=label, id=stray[0])
                        if where == field else M("delete it: write `{id}`", id=stray[0]))
            continue
        if guesses.meant_invalid and any(node_key(k, value) in guesses.meant_invalid
                                         for k in kinds):
            continue  # the lowercase form of an id SC003 reports: one mistake, one finding
        where = (*field, j) if listed and _is_list(origin, field) else field
        wanted = _either(kinds)
        label = next(part for part in reversed(field) if isinstance(part, str))
        items = [str(v) for v in (values if typed is None else typed)]
        split = comma_in_item(label, items, j, lambda item: guesses.id_of(item, kinds)) \
            if where != field else None
        if split is not None:  # `[order-platform，warehouse]`: one item, two meant
            yield Issue(split[0], comma_at(origin.value(*where), items[j]),
                        entity=node_key(kind, ident),
                        hint=_and_several(split[1], guesses.several(
                            split_ids(str(values[j])), kinds)))
            continue
        parts = split_ids(value) or _spaced_ids(org, value, kinds, label)
        ids = [guesses.id_of(part, kinds) for part in parts]
        hint: str | None = _split_hint(value, ids, label, where == field) \
            if label in _LIST_FIELDS else _one_of_hint(value, ids, label)
        if hint:
            hint = _and_several(hint, guesses.several(parts, kinds))
        close = None
        unmatched = False  # no person, typo or name is guessed: maybe one who left
        if not hint:
            guessed = guesses.hint(value, kinds)
            unmatched = isinstance(guessed, _Close)
            if isinstance(guessed, _Close) and _numeric(value):
                hint = _number_hint(value, kinds, wanted)
            elif isinstance(guessed, _Close):  # the hint below, unless `settle` finds one
                close = guessed if where == field else replace(guessed, listed=frozenset(
                    str(v) for k, v in enumerate(values) if k != j and v is not None))
                kin = _kin(org, kind, ident, label)
                close = replace(close, kin=kin) if kin else close
            else:
                hint = guessed
        if not hint and label == "manager" and value in org.teams:  # `manager: tech`
            lead = org.teams[value].lead
            hint = M("{value!r} is a team, and a manager is a person: write its lead "
                     "`manager: {lead}`", value=value, lead=lead) \
                if lead is not None and lead in org.people else \
                M("{value!r} is a team, and a manager is a person: write the id of the one "
                  "this person reports to", value=value)
        if not hint and label == "lead" and kind == "team" and value in org.teams:
            lead = org.teams[value].lead  # `lead: recruiting`, the team 招聘组's id
            hint = M("{value!r} is a team, and a lead is a person: write the person who "
                     "leads this team (the lead of {value!r} is {lead!r})", value=value,
                     lead=lead) if lead is not None and lead in org.people else \
                M("{value!r} is a team, and a lead is a person: write the person who leads "
                  "this team", value=value)
        if not hint and label == "tracker":  # `tracker: Jira OPS`: read as a tool
            hint = M("a step's `tracker` is the team, person or position that follows it up, "
                     "not a tool: name tools in the process's `trackers`")
        if not hint and kind == "role" and label == "team":
            # `team: ops` after `ops` was split in two: the teams its holders are on now
            # (a did-you-mean `settle` finds says a typo instead)
            placed = holder_teams(org, ident, None)
            hint = teams_hint(placed) if placed is not None else None
        at = origin.value(*where)
        guesses.unknown[value].append((kinds, at))
        # a duty's RACI lists are four lists of the same ids: say which, of which duty
        said = M("unknown {kinds} {value!r} in RACI list `{field}` of duty {duty!r}",
                 kinds=wanted, value=value, field=label, duty=ident) \
            if kind == "responsibility" and label in ROLES else \
            _unknown_in(guesses.org, kind, ident, field, wanted, value, label)
        hint = hint or _no_id_hint(org, value, label, wanted) or \
            M("add the {kinds} {value!r} to the org's files, or change it to an existing id",
              kinds=wanted, value=value)
        if kind == "role" and label == "holders" and unmatched:
            hint = seat_noted(hint, _seat_word(org))  # a person who left (a did-you-mean
            # drops it: a typo)
        issue = Issue(said, at, entity=node_key(kind, ident), hint=hint)
        if close is not None:
            guesses.pending.append((issue, close))
        yield issue


_KIN = 3  # the kin candidates ranked by ratio (`_Close.kin_first`)


def _kin(org: Org, kind: str, ident: str, label: str) -> frozenset[str]:
    """The people beside the entity whose `label` names an unknown person: a team's
    members, for its `lead`; for a person's `manager`, the lead of each team the person
    is on, or, of a team the person leads, the lead of its parent. Empty elsewhere."""
    teams = org.teams
    if kind == "team" and label == "lead":
        team = teams.get(ident)
        return frozenset(m for m in (team.members if team else ()) if m in org.people)
    if kind != "person" or label != "manager":
        return frozenset()
    found: set[str | None] = set()
    for team in teams.values():
        if team.lead == ident:
            above = teams.get(team.parent) if team.parent else None
            found.add(above.lead if above is not None else None)
        elif ident in team.members:
            found.add(team.lead)
    return frozenset(p for p in found if p is not None and p != ident and p in org.people)


def _placeholder(org: Org, origin: Origin, field: tuple[Any, ...], j: int, value: str,
                 kind: str, ident: str, kinds: tuple[str, ...], listed: bool) -> Issue:
    """RF001 at placeholder `value` (`待定`, or `待招聘` outside a position's `holders`),
    the `j`th of `field` of entity `kind:ident`: what it is, of which entity or part, as
    an unknown id's RF001 says (`_entity_words`), and what to write instead
    (`checks.placeholders`)."""
    where = (*field, j) if listed and _is_list(origin, field) else field
    if isinstance(origin.fmap.node((*origin.path, *where)), dict):  # `{ref: 待定, ...}`
        where = (*where, "ref")
    said, hint = placeholder_said(value, _written_field(origin, where), kinds,
                                  _entity_words(org, kind, ident, field))
    return PlaceholderIssue(said, origin.value(*where), entity=node_key(kind, ident),
                            hint=hint)


# `attendees: 全體同仁`: everyone, which a meeting says by naming the top team (a meeting a
# team attends includes every team below it)
_EVERYONE_START = ("全體", "全体", "全員", "全员", "所有人", "所有同事", "所有員工", "所有员工")
_EVERYONE = frozenset(("all", "everyone", "everybody", "all-hands", "all-staff", "all staff",
                       "all hands", "大家"))


def _no_id_hint(org: Org, value: str, label: str, kinds: str) -> M | None:
    """RF001's hint for a value no id is written like (`全體同仁`, `all`) that names no
    entity of `kinds` (`team, person or position`): everyone in `attendees` is the top team's
    id (the root of the team tree, when there is one); any other is written as an id, or is
    the `name` of an entity to add. None for a value written as an id (an id not yet
    defined: the usual hint)."""
    word = value.strip().casefold()
    if label == "attendees" and (word in _EVERYONE or word.startswith(_EVERYONE_START)):
        roots = [t for t, team in org.teams.items() if not team.parent]
        if len(roots) == 1:
            return M("to invite everyone, write the top team's id: `attendees: [{root}]` (a "
                     "meeting a team attends includes every team below it)", root=roots[0])
        return M("to invite everyone, write the id of the team at the top of the org: a "
                 "meeting a team attends includes every team below it")
    if _VALID_ID.match(value.strip().lower()):
        return None
    return M("write an id (ascii letters, digits, -), or add the {kinds} with `name: {value}`",
             kinds=kinds, value=value)


def _numeric(value: str) -> bool:
    """Whether `value` is all digits (an employee number, 工号): ids of digits that differ
    in a digit or two are unrelated numbers, never a typo of each other."""
    return value.isdigit()


def _number_hint(value: str, kinds: tuple[str, ...], wanted: str) -> M:
    if kinds == ("Person",):
        return M("add the person with id '{value}' (their employee number) to the org's "
                 "files, or check the number: numbers that look alike belong to unrelated "
                 "people, so none is suggested", value=value)
    return M("add the {kinds} with id '{value}' to the org's files, or check the number: "
             "numbers that look alike are unrelated, so none is suggested", kinds=wanted,
             value=value)


def _entity_words(org: Org, kind: str, ident: str, field: tuple[Any, ...]) -> M | None:
    """The entity or part field `field` of entity `kind:ident` is written in, as
    `_unknown_in` names it (`step '事后复盘 (postmortem)' of process 'p'`, `meeting 'm'`);
    None for a kind it names none of."""
    if kind == "process" and field[:1] == ("steps",) and isinstance(field[1], int):
        part = org.processes[ident].steps[field[1]]
        return M("{part} {id!r} of {whole}", part=M("step"), id=step_named(part.name, part.id),
                 whole=M("{kind} {id!r}", kind=M("process"), id=ident))
    if kind == "objective" and field[:1] == ("key_results",) and isinstance(field[1], int):
        item = org.objectives[ident].key_results[field[1]]
        return M("{part} {id!r} of {whole}", part=M("key result"),
                 id=key_result_named(item.title, item.id),
                 whole=M("{kind} {id!r}", kind=M("objective"), id=ident))
    word = _PLACE_WORDS.get(kind)
    return M("{kind} {id!r}", kind=word, id=ident) if word is not None else None


_PLACE_WORDS = {"meeting": M("meeting"), "process": M("process"), "objective": M("objective"),
                "team": M("team"), "person": M("person"), "role": M("position"),
                "responsibility": M("duty")}


def _unknown_in(org: Org, kind: str, ident: str, field: tuple[Any, ...], wanted: str,
                value: str, label: str) -> M:
    """RF001's words for an unknown id in a field, naming the entity it is written in (the
    key result and objective, the step and process, the meeting, team, person or position):
    field names (`owner`, `team`) are shared by many kinds."""
    if kind == "meeting":
        return M("unknown {kinds} {value!r} in `{field}` of meeting {meeting!r}", kinds=wanted,
                 value=value, field=label, meeting=ident)
    if kind == "process" and field[:1] == ("steps",) and isinstance(field[1], int):
        part = org.processes[ident].steps[field[1]]
        step = step_named(part.name, part.id)
        return M("unknown {kinds} {value!r} in `{field}` of step {step!r} of process "
                 "{process!r}", kinds=wanted, value=value, field=label, step=step,
                 process=ident)
    if kind == "process":
        return M("unknown {kinds} {value!r} in `{field}` of process {process!r}", kinds=wanted,
                 value=value, field=label, process=ident)
    if kind == "objective" and field[:1] == ("key_results",) and isinstance(field[1], int):
        item = org.objectives[ident].key_results[field[1]]
        kr = key_result_named(item.title, item.id)
        return M("unknown {kinds} {value!r} in `{field}` of key result {kr!r} of objective "
                 "{objective!r}", kinds=wanted, value=value, field=label, kr=kr,
                 objective=ident)
    if kind == "objective":
        return M("unknown {kinds} {value!r} in `{field}` of objective {objective!r}",
                 kinds=wanted, value=value, field=label, objective=ident)
    if kind == "team":
        return M("unknown {kinds} {value!r} in `{field}` of team {team!r}", kinds=wanted,
                 value=value, field=label, team=ident)
    if kind == "person":
        return M("unknown {kinds} {value!r} in `{field}` of person {person!r}", kinds=wanted,
                 value=value, field=label, person=ident)
    if kind == "role":
        return M("unknown {kinds} {value!r} in `{field}` of position {position!r}",
                 kinds=wanted, value=value, field=label, position=ident)
    return M("unknown {kinds} {value!r} in `{field}`", kinds=wanted, value=value, field=label)


# The reference fields that hold a list of ids (`lead`, `owner`, `parent` name one).
_LIST_FIELDS = frozenset(("members", "children", *ROLES, "roles", "holders", "attendees"))


def _spaced_ids(org: Org, value: str, kinds: tuple[str, ...], label: str) -> list[str]:
    """The ids of a list field's item written with spaces for commas (`members: [a b]`, valid
    YAML, one item), when every word is an existing id; [] otherwise (`王 伟`, prose)."""
    words = value.split() if label in _LIST_FIELDS else []
    return words if len(words) > 1 and all(_exists(org, w, kinds) for w in words) else []


def _split_hint(value: str, parts: list[str], label: str, scalar: bool) -> M | None:
    """A hint to write `consulted: a、b` as the list it means (`consulted: [a, b]`), or
    the item `[a、b]` as two items; None when `value` holds no separator between words.
    `parts`: the ids it lists (`split_ids`, a name as the id it names)."""
    if not parts:
        return None
    listed = ", ".join(parts)
    if scalar:
        return M("{value!r} is one string: write the list `{field}: [{items}]`", value=value,
                 field=label, items=listed)
    return M("{value!r} is one item: write the items separately, `{items}`", value=value,
             items=listed)


def _and_several(hint: str, several: M | None) -> str:
    """`hint` (a list written with ids), then which ids a name several share stands for."""
    return M("{hint}; {several}", hint=hint, several=several) if several else hint


def _one_of_hint(value: str, parts: list[str], label: str) -> M | None:
    """A hint to keep one of the ids `owner: ops、cs` lists (`parts`, as `_split_hint`'s):
    the field names one; None when `value` holds no separator between words."""
    if not parts:
        return None
    return M("{value!r} lists several ids, but `{field}` names one: keep the one meant "
             "({items})", value=value, field=label, items=", ".join(parts))


def _either(kinds: tuple[str, ...]) -> str:
    """`team, person or position` (团队、人员或岗位), said in the output's language."""
    names = [KIND_NAMES.get(k, k) for k in kinds]
    out: str = names[0]
    for name in names[1:-1]:
        out = M("{first}, {other}", first=out, other=name)
    return M("{either} or {other}", either=out, other=names[-1]) if len(names) > 1 else out


def _written_field(origin: Origin, field: tuple[Any, ...]) -> str:
    """The name of the field the user wrote a reference in: `responsibilities` for a bare
    charter item (`responsibilities: [refunds]`), whose model field `ref` was never typed;
    `ref` when written as `{ref: refunds}`; else the last field name."""
    label: str = next(part for part in reversed(field) if isinstance(part, str))
    if len(field) == 3 and isinstance(field[1], int) and \
            not isinstance(origin.fmap.node((*origin.path, *field[:2])), dict):
        label = field[0]
    return label


def _is_list(origin: Origin, field: tuple[Any, ...]) -> bool:
    return isinstance(origin.fmap.node((*origin.path, *field)), list)


def _exists(org: Org, value: str, kinds: tuple[str, ...]) -> bool:
    return any(value in org.table(k) or node_key(k, value) in org.invalid for k in kinds)


def _copy_hint(org: Org, kind: str, ident: str, old: str) -> M | None:
    """RF006's hint for team `ident` keeping `old`, the id of a team of its name in other
    words (`text.fold.fold_team_name`, as RF008 compares them): RF008's hint followed, the
    copy not deleted yet; else None."""
    if kind != "Team":
        return None
    from orgspec.text.fold import fold_team_name

    names = [org.teams[i].name for i in (ident, old)]
    if not (names[0] and names[1] and names[0].strip() and
            fold_team_name(names[0]) == fold_team_name(names[1])):
        return None
    return M("team {value!r} has the name of this team in other words (RF008): if it is a "
             "copy of this team, delete it, and references to {value!r} then name {id!r}; "
             "else remove {value!r} from `aliases`", value=old, id=ident)


@check("RF006", graph=False, text=(), names=("Team",))  # a copy's name: `_copy_hint`
def unusable_alias(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF006 at each former id in `aliases` that can never be read as its entity: the
    entity's own id, the current id of another entity of its kind, or a former id an
    entity of its kind earlier by id keeps too (`model.aliases` gives it to that one)."""
    from orgspec.model.aliases import FIELDS, aliased

    org = ctx.org
    for kind in FIELDS:
        table = org.table(kind)
        word = KIND_WORDS.get(kind, kind)
        claimed: dict[str, tuple[str, int]] = {}
        for ident in aliased(org, kind):
            origin = org.origin(kind, ident)
            listed = _is_list(origin, ("aliases",))
            for j, old in enumerate(table[ident].aliases):
                where = origin.value("aliases", j) if listed else origin.value("aliases")
                key = node_key(kind, ident)
                if old == ident:
                    yield Issue(M("{value!r} in `aliases` is the id of this {kind} itself",
                                  value=old, kind=word), where, entity=key,
                                hint=M("remove {value!r}: `aliases` lists former ids only",
                                       value=old))
                elif old in table:
                    yield Issue(M("{value!r} in `aliases` is the id of another {kind}",
                                  value=old, kind=word), where, entity=key,
                                related=(Related(org.origin(kind, old).locate(),
                                                 M("{kind} {value!r}", kind=word,
                                                   value=old)),),
                                hint=_copy_hint(org, kind, ident, old) or
                                M("remove {value!r}: a reference to it names that "
                                  "{kind}, never {id!r}", value=old, kind=word, id=ident))
                elif old in claimed and claimed[old][0] != ident:
                    first, k = claimed[old]
                    other = org.origin(kind, first)
                    yield Issue(M("{value!r} in `aliases` is also a former id of {kind} "
                                  "{id!r}", value=old, kind=word, id=first), where,
                                entity=key,
                                related=(Related(other.value("aliases", k)
                                                 if _is_list(other, ("aliases",))
                                                 else other.value("aliases"),
                                                 M("kept here too")),),
                                hint=M("keep {value!r} on one {kind} only: a reference to "
                                       "it is read as {id!r}, never {this!r}", value=old,
                                       kind=word, id=first, this=ident))
                else:
                    claimed.setdefault(old, (ident, j))
