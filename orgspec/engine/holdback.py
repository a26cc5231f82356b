"""One mistake, one finding: hold back the findings that a dropped value or an unreadable
file would make false.

An entity whose fields partly failed validation is kept without them (`validate.salvage`)
and listed in `org.incomplete`; a file that could not be parsed is in `org.failed`. A
finding is held back only when its rule reads something that is missing: a dropped field of
the finding's own entity (or key result, step, charter item), a dropped value that mentions
the finding's entity, or, for a rule that reads other kinds than its finding's, a failed
file that mentions it (as RF001 already does for unknown ids), or, for a rule that asserts
that something is absent from the whole org (`RuleMeta.absence`: no meeting brings two
teams together), a failed file that may define an entity of such a kind, or an entity of
such a kind that lost a field the rule reads whose value names what the finding's entity
names (`與會者: [cs, tech]`, an unknown field read as `attendees`). A reference that
names no entity (`members: [刘洋]`, `consulted: [opz]`, RF001) counts as a dropped value
that mentions both what was written and the id it most likely means (`liu-yang`, `ops`,
see `model.unresolved`); one that lists several ids in one string (`members: 张三、李四`,
`attendees: [ops，cs]`) mentions each of them. Such a reference also holds back a finding
on another entity that names one of those ids, when the finding's rule reads the field and
that entity names the referencing one too (a process that serves the duty whose RACI list
was mistyped) or its rule asserts an absence of the referencing kind (MT004: no meeting).
The RF001 at a reference that held something back says so in its hint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple, TypeGuard

from orgspec.engine.anchors import Anchors
from orgspec.findings import Finding, replaced
from orgspec.i18n import M, P
from orgspec.load.yamlhints import comma_at
from orgspec.model.kindwords import kinds_written
from orgspec.model.org import Org, ident_of
from orgspec.model.unresolved import Unresolved, meant, references
from orgspec.text.separators import FULL_COMMA

if TYPE_CHECKING:
    from orgspec.model.positions import Presence

PART_KINDS = {"key_result": "KeyResult", "step": "Step", "charter": "Charter"}
_OWNER = {"KeyResult": "Objective", "Step": "Process", "Charter": "Team"}
_TOP_KINDS = {"team": "Team", "person": "Person", "responsibility": "Responsibility",
              "objective": "Objective", "process": "Process", "role": "Role",
              "meeting": "Meeting"}


def kind_of(key: str) -> str:
    """`objective:o/key_result:k` -> `KeyResult`; `team:t` -> `Team`."""
    last = key.rsplit("/", 1)[-1].split(":", 1)[0]
    return PART_KINDS.get(last) or _TOP_KINDS.get(last, last)


@dataclass(frozen=True)
class Gap:
    """Fields dropped from one entity or part: `Kind.field` names, and the words written."""

    key: str
    fields: frozenset[str]  # "KeyResult.due"


class _Gaps:
    """The dropped fields, indexed by entity and by the names their values mention, so each
    finding is checked in time independent of how many entities are incomplete."""

    def __init__(self, org: Org, unresolved: list[Unresolved],
                 mentions: dict[str, set[str]] | None = None) -> None:
        self.by_key: dict[str, list[Gap]] = defaultdict(list)
        self.by_top: dict[str, list[Gap]] = defaultdict(list)
        self.by_word: dict[str, list[tuple[Gap, str]]] = defaultdict(list)
        self.org = org
        self._in_failed: dict[str, bool] = {}
        self._children: dict[str, list[str]] | None = None
        self._attendees: dict[str, list[Unresolved]] | None = None  # by meeting id
        self._presence: Presence | None = None
        for key, dropped in org.incomplete.items():
            kind = kind_of(key)
            gap = Gap(key, frozenset(f"{kind}.{name}" for name in dropped))
            self.by_key[key].append(gap)
            self.by_top[key.split("/", 1)[0]].append(gap)
            part = key.rsplit(":", 1)[-1] if "/" in key else None  # a charter item's duty
            for name, value in dropped.items():
                for word in set(value_words(value)) | ({part} if part else set()):
                    self.by_word[word].append((gap, f"{kind}.{name}"))
        # `members: [刘洋]`, `consulted: [opz]`, `members: 张三、李四` read as if that value
        # were dropped
        self.by_ref: dict[str, list[Unresolved]] = defaultdict(list)
        self.ref_in: dict[str, list[Unresolved]] = defaultdict(list)  # by entity
        self._mentions: dict[str, set[str]] | None = mentions  # `meant`'s, when it walked
        for ref in unresolved:
            gap = Gap(ref.key, frozenset({ref.field}))
            self.by_key[ref.key].append(gap)
            self.by_top[ref.entity].append(gap)
            self.ref_in[ref.key].append(ref)
            # a name several share holds back what follows for each of them (none is meant)
            for word in {ref.value, ref.meant or ref.value, *ref.parts, *ref.candidates}:
                self.by_word[word].append((gap, ref.field))
                self.by_ref[word].append(ref)

    def dropped_in(self, kinds: frozenset[str], reads: frozenset[str],
                   named: set[str]) -> bool:
        """Whether an entity of `kinds` lost a field in `reads` whose value names one of
        `named` (a meeting's attendees written under an unknown field, naming the teams a
        finding says no meeting brings together)."""
        return any(field in reads and kind_of(gap.key) in kinds
                   for word in named for gap, field in self.by_word.get(word, ()))

    def mentions(self, key: str) -> set[str]:
        """The ids entity or part `key` names in its reference fields (an entity's include
        its parts'); all indexed on first use."""
        if self._mentions is None:
            self._mentions = defaultdict(set)
            for entity, part, _, _, value, _ in references(self.org):
                self._mentions[entity].add(value)
                if part != entity:
                    self._mentions[part].add(value)
        return self._mentions.get(key, set())

    def subtree(self, team: str) -> Iterator[str]:
        """`team`, the teams below it, and their leads and members."""
        if self._children is None:
            self._children = defaultdict(list)
            for tid, t in self.org.teams.items():
                if t.parent:
                    self._children[str(t.parent)].append(tid)
        seen, todo = {team}, [team]
        while todo:
            tid = todo.pop()
            yield tid
            found = self.org.teams.get(tid)
            if found is not None:
                yield from (str(p) for p in (found.lead, *found.members) if p)
            for child in self._children.get(tid, ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)

    def attended(self, teams: Iterable[str], reads: frozenset[str],
                 absence: frozenset[str]) -> set[Unresolved]:
        """The unknown references, in a field of `reads` of an entity of a kind in
        `absence`, that may bring two of `teams` together (`attendees: [cs, tech]`, no team
        `tech`: it may be the team MT004 says no meeting shares with `cs`): those of a
        meeting one of `teams` takes part in, and of one with two unknown attendees or
        more; for one team (MT005: in no meeting), those of every meeting, whose unknown
        attendee may be that team. Indexed on first use (`model.positions.presence`)."""
        if self._attendees is None:
            self._attendees = defaultdict(list)
            for refs in self.by_ref.values():
                for ref in refs:
                    if kind_of(ref.entity) == "Meeting":
                        self._attendees[ident_of(ref.entity)].append(ref)
        if not self._attendees or "Meeting" not in absence:
            return set()
        teams = tuple(teams)
        if len(set(teams)) < 2:
            return {r for refs in self._attendees.values() for r in refs if r.field in reads}
        if self._presence is None:
            from orgspec.model.positions import presence

            self._presence = presence(self.org)
        found: set[Unresolved] = set()
        for mid, refs in self._attendees.items():
            unknown = {r for r in refs if r.field in reads}
            if not unknown:
                continue
            if len({(r.path, r.value) for r in unknown}) > 1 or \
                    any(mid in self._presence.meetings_of(t) for t in teams):
                found |= unknown
        return found

    def in_failed(self, name: str) -> bool:
        """`org.mentions_in_failed`, searched once per name (findings repeat names)."""
        found = self._in_failed.get(name)
        if found is None:
            found = self._in_failed[name] = self.org.mentions_in_failed(name)
        return found


class Held(NamedTuple):
    """A finding held back, and the entity or part it sits in (`process:p/step:s`), by
    which the RF001's hint names it."""

    finding: Finding
    at: str


Behind = dict[tuple[str, int, int], list[Held]]  # where an RF001 is -> held behind it


def hold_back(findings: Iterable[Finding], org: Org, reads: dict[str, frozenset[str]],
              anchors: Anchors, absence: dict[str, frozenset[str]] | None = None,
              references_checked: bool = False) -> list[Finding]:
    """`findings` without those that depend on something dropped or unreadable; `reads`
    and `absence` by rule code (`RuleMeta.reads`, `RuleMeta.absence`). The RF001 at an
    unresolved reference that held a finding back names it in its hint (`held_hint`).
    `references_checked`: RF001 ran on every file, so without an RF001 among `findings`
    every reference resolves (the walk over them is saved)."""
    kept, behind = held_behind(findings, org, reads, anchors, absence, references_checked)
    return say_held(kept, behind) if behind else kept


def held_behind(findings: Iterable[Finding], org: Org, reads: dict[str, frozenset[str]],
                anchors: Anchors, absence: dict[str, frozenset[str]] | None = None,
                references_checked: bool = False,
                known: dict[str, dict[str, str]] | None = None
                ) -> tuple[list[Finding], Behind]:
    """`hold_back`'s findings kept (as they were) and, by the place of each unresolved
    reference (file, line, column, where RF001 reports it), the findings held back behind
    it. `known`: kind -> unknown id -> the id it is known to mean (`model.unresolved`)."""
    findings = list(findings)
    typo = any(f.code == MISSPELT for f in findings)
    findings = _misspelt(findings, reads)
    mentions: dict[str, set[str]] | None = None
    # the RF001s a misspelt id explains are gone, but their references still hold back
    # what reads them (a position's `holders` naming the old id: RO006)
    if references_checked and not typo and not any(f.code == "RF001" for f in findings):
        unresolved = []
    else:
        mentions = {}
        unresolved = meant(org, known, mentions)  # one walk over the references for both
    if not org.incomplete and not org.failed and not unresolved:
        return findings, {}
    absence = absence or {}
    unsure = {code: _may_define(org, kinds) for code, kinds in absence.items()}
    gaps = _Gaps(org, unresolved, mentions)
    kept: list[Finding] = []
    behind: dict[tuple[str, int, int], dict[int, Held]] = defaultdict(dict)
    for f in findings:
        if unsure.get(f.code):
            continue
        causes: set[Unresolved] = set()
        if not _depends(f, reads.get(f.code, frozenset()), gaps, org, anchors,
                        absence.get(f.code, frozenset()), causes):
            kept.append(f)
        for ref in causes:
            at = anchors.identity(f.entity, f.location) if f.entity else ""
            behind[reference_place(org, ref)].setdefault(id(f), Held(f, at))
    return kept, {where: list(held.values()) for where, held in behind.items()}


def say_held(findings: list[Finding], behind: Behind) -> list[Finding]:
    """`findings` with the hint of the RF001 at each place of `behind` naming the findings
    held back behind it."""
    out = []
    for f in findings:
        held = behind.get((f.location.file, f.location.line, f.location.col)) \
            if f.code == "RF001" else None
        out.append(replace(f, hint=held_hint(f.hint, held)) if held else f)
    return out


SHOWN_HELD = 3  # the held-back findings an RF001's hint names; the rest are counted
_KIND_WORDS = {"Team": M("team"), "Person": M("person"), "Role": M("position"),
               "Responsibility": M("duty"), "Objective": M("objective"),
               "Process": M("process"), "Meeting": M("meeting")}


def held_hint(hint: str, held: list[Held]) -> P:
    """`hint` followed by the findings `held` back behind the mistake it is about:
    `did you mean 'ops'? (2 findings that follow from this mistake are held back until it
    is fixed: HI007 on person 'sun', PR005 on step 'down' of process 'p')`, each named
    once, the first SHOWN_HELD by rule and entity or part, then `and N more`. `rehint`
    puts another hint in its place."""
    items = list(dict.fromkeys(_held_item(h) for h in sorted(
        held, key=lambda h: (h.finding.code, h.at or h.finding.entity))))
    n = len(items)
    source = getattr(hint, "source", hint)
    if isinstance(source, P) and is_held(source):  # more held behind it (`--diff`)
        hint = source.values["hint"]
        n += int(source.values["n"])
        items = [i for i in source.values["listed"] if not isinstance(i, P)] + items
    listed: list[str] = items[:SHOWN_HELD]
    if n > SHOWN_HELD:
        listed.append(P("and {n} more", "and {n} more", n=n - len(listed)))
    return P("{hint} ({n} finding that follows from this mistake is held back until it is "
             "fixed: {listed})",
             "{hint} ({n} findings that follow from this mistake are held back until it is "
             "fixed: {listed})", n=n, hint=hint, listed=listed, every=tuple(items))


def hold_behind(findings: list[Finding], behind: dict[int, list[Finding]]
                ) -> tuple[list[Finding], list[Finding]]:
    """(`findings` without those `behind` holds back, each cause's hint naming its own
    (`held_hint`), the findings held back); `behind`: id() of a cause -> the findings held
    back behind it."""
    gone = {id(f) for held in behind.values() for f in held}
    if not gone:
        return findings, []
    out = [replaced(f, hint=held_hint(f.hint, [Held(h, h.entity) for h in behind[id(f)]]))
           if id(f) in behind else f for f in findings if id(f) not in gone]
    return out, [f for f in findings if id(f) in gone]


def merged_held(hint: str, others: list[str]) -> str:
    """`hint` (an RF001's) naming too the findings that `others` (the hints of RF001s held
    back behind it, `engine.sameid`) said were held back behind them: each named once (a
    finding two of them held is one), counted together, the first SHOWN_HELD then `and N
    more`. `hint` when none said any."""
    said = [getattr(h, "source", h) for h in (hint, *others)]
    held = [h for h in said if isinstance(h, P) and is_held(h)]
    if not any(h is not said[0] for h in held):
        return hint
    items: list[str] = []
    n = 0
    for h in held:
        every = h.values.get("every")
        if every is None:  # said before `held_hint` kept them all: counted as said
            n += int(h.values["n"])
            every = [i for i in h.values["listed"] if not isinstance(i, P)]
        items.extend(every)
    items = list(dict.fromkeys(items))
    n = max(n, len(items))
    base = said[0].values["hint"] if held[0] is said[0] else hint
    listed: list[str] = items[:SHOWN_HELD]
    if n > len(listed):
        listed.append(P("and {n} more", "and {n} more", n=n - len(listed)))
    return P("{hint} ({n} finding that follows from this mistake is held back until it is "
             "fixed: {listed})",
             "{hint} ({n} findings that follow from this mistake are held back until it is "
             "fixed: {listed})", n=n, hint=base, listed=listed, every=tuple(items))


def is_held(hint: object) -> bool:
    """Whether `hint` (or the `M` it says: `i18n.Said`) is one `held_hint` made."""
    hint = getattr(hint, "source", hint)
    return isinstance(hint, P) and hint.singular.startswith("{hint} ({n} finding that")


def rehint(hint: str, new: M) -> M:
    """`new` in place of the hint a `held_hint` (or `grouped_hint`) wraps in `hint` (as
    said: `i18n.Said` keeps it), keeping the held-back findings it names; else `new`
    alone."""
    source = getattr(hint, "source", hint)
    if isinstance(source, P) and (is_held(source) or is_grouped(source)):
        return P(source.singular, source.plural,
                 **{**source.values, "hint": rehint(source.values["hint"], new)})
    if _is_seat_noted(source):
        return M(source.template, **{**source.values,
                                     "hint": rehint(source.values["hint"], new)})
    return new


_GROUPED = "{hint} ({n} other reference names {value!r} too"  # how `grouped_hint` starts


def grouped_hint(hint: str, value: str, n: int) -> P:
    """`hint` followed by how many other references name the unknown id `value` too, their
    RF001s held back behind this one (`engine.sameid`): `did you mean 'ops'? (4 other
    references name 'opz' too, at its related locations: ...)`, before what a `held_hint` around
    it says."""
    source = getattr(hint, "source", hint)
    if isinstance(source, P) and is_held(source):
        return P(source.singular, source.plural,
                 **{**source.values, "hint": grouped_hint(source.values["hint"], value, n)})
    # counted, not "listed": a terminal lists the first related locations and counts the
    # rest (`reporters.text`), JSON and SARIF list up to `findings.LISTED_RELATED`
    return P("{hint} ({n} other reference names {value!r} too, at its related location: its "
             "RF001 is held back behind this one)",
             "{hint} ({n} other references name {value!r} too, at its related locations: "
             "their RF001s are held back behind this one)", n=n, hint=hint, value=value)


def is_grouped(hint: object) -> bool:
    """Whether `hint` (or the `M` it says), or the hint a `held_hint` wraps in it, is one
    `grouped_hint` made."""
    return grouped_count(hint) > 0


def grouped_count(hint: object) -> int:
    """How many other references the `grouped_hint` in `hint` (or the `M` it says, or the
    hint a `held_hint` wraps in it) counts; 0 when it has none."""
    hint = getattr(hint, "source", hint)
    if isinstance(hint, P) and is_held(hint):
        hint = getattr(hint.values["hint"], "source", hint.values["hint"])
    return int(hint.values["n"]) if isinstance(hint, P) and \
        hint.singular.startswith(_GROUPED) else 0


def bare_hint(hint: object) -> object:
    """The hint a check gave, without what `held_hint`, `grouped_hint` and `seat_noted`
    said around it (the `M` as the check made it, not said)."""
    hint = getattr(hint, "source", hint)
    while (isinstance(hint, P) and (is_held(hint) or hint.singular.startswith(_GROUPED))) or \
            _is_seat_noted(hint):
        hint = getattr(hint.values["hint"], "source", hint.values["hint"])
    return hint


# how `seat_noted` ends RF001's hint at a position's `holders`
_SEAT_NOTED = ("{hint}; if the person left and the seat is open now, write `{seat}` in their "
               "place (RO001 reports an open seat)")


def seat_noted(hint: str, seat: str | None = None) -> M:
    """RF001's `hint` at an unknown holder of a position, followed by how to write the seat
    they left (trial 35: a person who left, still listed, was told only to add them back):
    `seat`, the open-seat word the org writes already (`待招聘`), else `vacant` in the
    report's language. `bare_hint` sees through it and `rehint` keeps it, as for
    `held_hint`."""
    return M("{hint}; if the person left and the seat is open now, write `{seat}` in their "
             "place (RO001 reports an open seat)", hint=hint,
             # TRANSLATORS: the word written in a position's `holders` for an open seat
             # (models.VACANT reads it): 待招聘
             seat=seat if seat is not None else M("vacant"))


def _is_seat_noted(hint: object) -> TypeGuard[M]:
    return isinstance(hint, M) and not isinstance(hint, P) and hint.template == _SEAT_NOTED


def _held_item(held: Held) -> str:
    """`HI007 on person 'sun'`, `PR005 on step 'down' of process 'p'`: a finding held
    back, by rule and the entity or part it sits in (a step by its id; another part by its
    entity)."""
    f = held.finding
    if not f.entity:
        return f.code
    top = f.entity.split("/", 1)[0]
    kind = kind_of(top)
    part = held.at.rsplit("/", 1)[-1] if held.at.startswith(f"{top}/") else ""
    if part.startswith("step:"):
        return M("{code} on step {step!r} of {kind} {id!r}", code=f.code,
                 step=ident_of(part), kind=_KIND_WORDS.get(kind, kind), id=ident_of(top))
    return M("{code} on {kind} {id!r}", code=f.code, kind=_KIND_WORDS.get(kind, kind),
             id=ident_of(top))


def reference_place(org: Org, ref: Unresolved) -> tuple[str, int, int]:
    """Where RF001 reports `ref`: its item, or the whole value of a list field written as
    one string (`members: 张三、李四`)."""
    origin = org.origins[ref.entity]
    path = ref.path
    if isinstance(path[-1], int) and \
            not isinstance(origin.fmap.node((*origin.path, *path[:-1])), list):
        path = path[:-1]
    loc = origin.value(*path)
    item = origin.fmap.node((*origin.path, *path)) \
        if path is ref.path and isinstance(path[-1], int) else None
    if isinstance(item, str):
        loc = comma_at(loc, item)  # `[王伟，李娜]`: RF001 sits at the comma
    return loc.file, loc.line, loc.col


MISSPELT = "RF007"


def _misspelt(findings: list[Finding], reads: dict[str, frozenset[str]]) -> list[Finding]:
    """`findings` without what a misspelt id (RF007) explains: the unknown references
    (RF001) at the places it lists, and its entity's findings from rules that read what
    entities of other kinds say about it (an empty charter, no objective)."""
    typos = [f for f in findings if f.code == MISSPELT]
    if not typos:
        return findings
    at = {(r.location.file, r.location.line, r.location.col) for f in typos for r in f.related}
    entities = {f.entity for f in typos}
    ids = {(f.location.file, f.location.line, f.location.col) for f in typos}

    def explained(f: Finding) -> bool:
        if f.code == "RF001":
            return (f.location.file, f.location.line, f.location.col) in at
        if f.code == "SC003":  # `id: 马尼拉客服组`: RF007 says which id it was
            return (f.location.file, f.location.line, f.location.col) in ids
        if f.entity not in entities or f.code == MISSPELT:
            return False
        own = {kind_of(f.entity), *(p for p, o in _OWNER.items() if o == kind_of(f.entity))}
        return any(r.split(".", 1)[0] not in own for r in reads.get(f.code, ()))

    return [f for f in findings if not explained(f)]


def _may_define(org: Org, kinds: frozenset[str]) -> bool:
    """Whether a file that failed to load may define an entity of one of `kinds`: its text
    names such a `kind:` (`kind: Team`, `kind: 团队`: `model.kindwords`), or could not be
    read."""
    return any(not text or kinds_written(text) & kinds for text in org.failed.values())


def _depends(f: Finding, reads: frozenset[str], gaps: _Gaps, org: Org, anchors: Anchors,
             absence: frozenset[str] = frozenset(), causes: set[Unresolved] | None = None
             ) -> bool:
    """Whether `f` depends on something missing; the unresolved references it depends on
    are added to `causes`."""
    if not reads:
        return False
    causes = set() if causes is None else causes
    ident = anchors.identity(f.entity, f.location)
    own = [g for key in {ident, ident.split("/", 1)[0], f.entity} - {""}
           for g in gaps.by_key.get(key, ())]
    if "/" not in ident:  # a finding on the whole entity also reads its parts
        own += gaps.by_top.get(ident, [])
    hit = [g for g in own if g.fields & reads]
    if hit:
        causes.update(ref for gap in hit for ref in gaps.ref_in.get(gap.key, ())
                      if ref.field in gap.fields)
        return True
    name = f.entity.split(":", 1)[-1]
    if name and any(field in reads for _, field in gaps.by_word.get(name, ())):
        causes.update(r for r in gaps.by_ref.get(name, ()) if r.field in reads)
        return True
    if "/" in ident and _part_named(ident, reads, gaps):
        return True  # `next: [[resolve]]` dropped from a step: PR003 on `resolve`
    if gaps.by_ref and f.entity:
        named = gaps.mentions(f.entity)
        # a finding in a part is about what that part names: the handoff of step `down` to
        # `tech` is not caused by a typo of `ops` in the duty its process serves
        subject = gaps.mentions(ident) if ident.startswith(f"{f.entity}/") else named
        found = {ref for word in subject & gaps.by_ref.keys() for ref in gaps.by_ref[word]
                 if ref.field in reads and (ident_of(ref.entity) in named or
                                            kind_of(ref.entity) in absence)}
        if found:
            causes.update(found)
            return True
    teams = f.teams or ((name,) if f.entity.startswith("team:") and "/" not in ident else ())
    if gaps.by_ref and absence and teams:
        found = gaps.attended(teams, reads, absence)
        if found:  # `attendees: [cs, tech]`, no team `tech`: MT004's, MT005's "no meeting"
            causes.update(found)
            return True
    if absence and f.entity and gaps.dropped_in(absence, reads, gaps.mentions(f.entity)):
        return True  # `與會者: [cs, tech]` dropped from a meeting: MT004's "no meeting"
    if org.incomplete and f.entity and _names_dropped(f, ident, reads, gaps):
        return True
    if org.failed and name and any(_OWNER.get(k, k) != kind_of(f.entity)
                                   for k in (r.split(".", 1)[0] for r in reads)):
        if "Team.children" in reads and kind_of(f.entity) == "Team":
            # a finding on a team's subtree (OW006's empty charter) depends on every duty
            # that names a team, lead or member below it
            return any(gaps.in_failed(n) for n in gaps.subtree(name))
        return gaps.in_failed(name)
    return False


def _part_named(ident: str, reads: frozenset[str], gaps: _Gaps) -> bool:
    """Whether another part of the entity of part `ident` lost a field `reads` holds whose
    value names this part (`next: [[resolve]]`, dropped from step `investigate`: PR003 says
    `resolve` is unreachable only because that `next` was not read)."""
    top, part = ident.split("/", 1)[0], ident.rsplit("/", 1)[-1]
    return any(field in reads and gap.key.split("/", 1)[0] == top and gap.key != ident
               for gap, field in gaps.by_word.get(ident_of(part), ()))


def _names_dropped(f: Finding, ident: str, reads: frozenset[str], gaps: _Gaps) -> bool:
    """Whether `f`'s entity (or part `ident`) names an entity that lost a field `reads`
    holds, and names too what that dropped value named: a position's RO003 on the duty
    whose `负责人: ke-fu-bu` (read as `accountable`) named the position's team."""
    named = gaps.mentions(f.entity)
    subject = gaps.mentions(ident) if ident.startswith(f"{f.entity}/") else named
    return any(field in reads and ident_of(gap.key.split("/", 1)[0]) in named
               for word in subject & gaps.by_word.keys() for gap, field in gaps.by_word[word]
               if gap.key in gaps.org.incomplete)


def kinds_in_failed(org: Org) -> frozenset[str] | None:
    """The entity kinds the files that failed to load define, as their text writes them
    (`Position` is `Role`, `团队` is `Team`: `model.kindwords`); None when a file's text is
    unknown or names no kind, so that it may hold any."""
    found: set[str] = set()
    for text in org.failed.values():
        kinds = kinds_written(text)
        if not kinds:
            return None
        found |= kinds
    return frozenset(found)


def value_words(value: object) -> Iterator[str]:
    """The ids a dropped value may name: its strings, split on white space and on
    full-width commas."""
    if isinstance(value, str):
        yield value
        yield from value.split()
        if FULL_COMMA.search(value):
            yield from (w.strip() for w in FULL_COMMA.split(value) if w.strip())
    elif isinstance(value, dict):
        for v in value.values():
            yield from value_words(v)
    elif isinstance(value, list):
        for v in value:
            yield from value_words(v)


def fold_references(findings: list[Finding], groups: list[list[Finding]],
                    hint: Callable[[Finding, list[Finding]], str]
                    ) -> tuple[list[Finding], list[Finding]]:
    """`findings` with each group of references to one id (`groups`: findings of it, in
    order, each group two or more) folded into its first, which gets the others' places as
    related locations ("'x' referenced here") and `hint(first, others)`; and the others,
    held back, as they were (`engine.sameid`, `engine.formerid`)."""
    from orgspec.findings import Related, message_values, replaced

    first: dict[int, Finding] = {}
    held: list[Finding] = []
    for lead, *rest in groups:
        value = (message_values(lead, lead.code) or {}).get("value")
        related = tuple(Related(f.location, M("{value!r} referenced here", value=value))
                        for f in rest)
        first[id(lead)] = replaced(lead, related=(*lead.related, *related),
                                   hint=hint(lead, rest))
        held.extend(rest)
    gone = {id(f) for f in held}
    return [first.get(id(f), f) for f in findings if id(f) not in gone], held
