"""One mistake, one finding: hold back the findings that a dropped value or an unreadable
file would make false.

An entity whose fields partly failed validation is kept without them (`validate.salvage`)
and listed in `org.incomplete`; a file that could not be parsed is in `org.failed`. A
finding is held back only when its rule reads something that is missing: a dropped field of
the finding's own entity (or key result, step, charter item), a dropped value that mentions
the finding's entity, or, for a rule that reads other kinds than its finding's, a failed
file that mentions it (as RF001 already does for unknown ids), or, for a rule that asserts
that something is absent from the whole org (`RuleMeta.absence`: no meeting brings two
teams together), a failed file that may define an entity of such a kind. A team's reference that
names no entity (`members: [刘洋]`, RF001) counts as a dropped value that mentions both
what was written and the id it most likely means (`liu-yang`, see `model.unresolved`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orgspec.engine.anchors import Anchors
from orgspec.findings import Finding
from orgspec.model.models import KIND_ALIASES, ROLES
from orgspec.model.org import ENTITY_KINDS, Org
from orgspec.model.unresolved import Unresolved, meant

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

    def __init__(self, org: Org, unresolved: list[Unresolved]) -> None:
        self.by_key: dict[str, list[Gap]] = defaultdict(list)
        self.by_top: dict[str, list[Gap]] = defaultdict(list)
        self.by_word: dict[str, list[tuple[Gap, str]]] = defaultdict(list)
        self.org = org
        self._in_failed: dict[str, bool] = {}
        self._children: dict[str, list[str]] | None = None
        for key, dropped in org.incomplete.items():
            kind = kind_of(key)
            gap = Gap(key, frozenset(f"{kind}.{name}" for name in dropped))
            self.by_key[key].append(gap)
            self.by_top[key.split("/", 1)[0]].append(gap)
            part = key.rsplit(":", 1)[-1] if "/" in key else None  # a charter item's duty
            for name, value in dropped.items():
                for word in set(value_words(value)) | ({part} if part else set()):
                    self.by_word[word].append((gap, f"{kind}.{name}"))
        for ref in unresolved:  # `members: [刘洋]` reads as if that value were dropped
            key, field = f"team:{ref.team}", f"Team.{ref.field}"
            gap = Gap(key, frozenset({field}))
            self.by_key[key].append(gap)
            self.by_top[key].append(gap)
            for word in {ref.value, ref.meant or ref.value}:
                self.by_word[word].append((gap, field))

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

    def in_failed(self, name: str) -> bool:
        """`org.mentions_in_failed`, searched once per name (findings repeat names)."""
        found = self._in_failed.get(name)
        if found is None:
            found = self._in_failed[name] = self.org.mentions_in_failed(name)
        return found


def hold_back(findings: Iterable[Finding], org: Org, reads: dict[str, frozenset[str]],
              anchors: Anchors, absence: dict[str, frozenset[str]] | None = None
              ) -> list[Finding]:
    """`findings` without those that depend on something dropped or unreadable; `reads`
    and `absence` by rule code (`RuleMeta.reads`, `RuleMeta.absence`)."""
    findings = _misspelt(list(findings), reads)
    unresolved = meant(org)
    split = list(_split_items(org))
    if not org.incomplete and not org.failed and not unresolved and not split:
        return findings
    unsure = {code: _may_define(org, kinds) for code, kinds in (absence or {}).items()}
    gaps = _Gaps(org, unresolved)
    for key, field, value in split:  # `consulted: [ops，tech]` reads as if dropped
        gap = Gap(key, frozenset({field}))
        for word in value_words(value):
            gaps.by_word[word].append((gap, field))
    return [f for f in findings if not unsure.get(f.code) and
            not _depends(f, reads.get(f.code, frozenset()), gaps, org, anchors)]


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

    def explained(f: Finding) -> bool:
        if f.code == "RF001":
            return (f.location.file, f.location.line, f.location.col) in at
        if f.entity not in entities or f.code == MISSPELT:
            return False
        own = {kind_of(f.entity), *(p for p, o in _OWNER.items() if o == kind_of(f.entity))}
        return any(r.split(".", 1)[0] not in own for r in reads.get(f.code, ()))

    return [f for f in findings if not explained(f)]


_KIND_WORD = re.compile(r"kind\W{0,4}([A-Za-z]+)", re.IGNORECASE)
_SAME_KIND = {"position": "role"}


def _may_define(org: Org, kinds: frozenset[str]) -> bool:
    """Whether a file that failed to load may define an entity of one of `kinds`: its text
    names such a `kind:`, or could not be read."""
    wanted = {k.lower() for k in kinds}
    for text in org.failed.values():
        if not text:
            return True
        named = {m.group(1).lower() for m in _KIND_WORD.finditer(text)}
        if wanted & {_SAME_KIND.get(k, k) for k in named}:
            return True
    return False


def _depends(f: Finding, reads: frozenset[str], gaps: _Gaps, org: Org,
             anchors: Anchors) -> bool:
    if not reads:
        return False
    ident = anchors.identity(f.entity, f.location)
    own = [g for key in {ident, ident.split("/", 1)[0], f.entity} - {""}
           for g in gaps.by_key.get(key, ())]
    if "/" not in ident:  # a finding on the whole entity also reads its parts
        own += gaps.by_top.get(ident, [])
    if any(g.fields & reads for g in own):
        return True
    name = f.entity.split(":", 1)[-1]
    if name and any(field in reads for _, field in gaps.by_word.get(name, ())):
        return True
    if org.failed and name and any(_OWNER.get(k, k) != kind_of(f.entity)
                                   for k in (r.split(".", 1)[0] for r in reads)):
        if "Team.children" in reads and kind_of(f.entity) == "Team":
            # a finding on a team's subtree (OW006's empty charter) depends on every duty
            # that names a team, lead or member below it
            return any(gaps.in_failed(n) for n in gaps.subtree(name))
        return gaps.in_failed(name)
    return False


# `kind: Team` (quoted, in a flow mapping, or with an IME's full-width colon) in the text of a
# file that did not parse
_KIND = re.compile(r"""(?:^[ \t-]*|[{,][ \t]*)["']?kind["']?[ \t]*[:：][ \t]*["']?([A-Za-z]+)""",
                   re.M)


def kinds_in_failed(org: Org) -> frozenset[str] | None:
    """The entity kinds the files that failed to load define, as their text writes them
    (`Position` is `Role`); None when a file's text is unknown or names no kind, so that it
    may hold any."""
    names = {k.casefold(): k for k in ENTITY_KINDS} | \
        {a.casefold(): k for a, k in KIND_ALIASES.items()}
    found: set[str] = set()
    for text in org.failed.values():
        kinds = {names[m.group(1).casefold()] for m in _KIND.finditer(text)
                 if m.group(1).casefold() in names}
        if not kinds:
            return None
        found |= kinds
    return frozenset(found)


_FULL_COMMA = re.compile("[，、；]")  # `[ops，tech]`: one item, in which two ids were meant


def _split_items(org: Org) -> Iterator[tuple[str, str, str]]:
    """(entity key, `Kind.field`, item) for each item of a duty's RACI list that holds a
    full-width comma (`consulted: [ops，tech]`, RF001): the teams it names are not
    consulted, as written, on anything else either. O(items)."""
    for rid, resp in org.responsibilities.items():
        for role in ROLES:
            for item in getattr(resp, role):
                if _FULL_COMMA.search(item):
                    yield f"responsibility:{rid}", f"Responsibility.{role}", item


def value_words(value: object) -> Iterator[str]:
    """The ids a dropped value may name: its strings, split on white space and on
    full-width commas."""
    if isinstance(value, str):
        yield value
        yield from value.split()
        if _FULL_COMMA.search(value):
            yield from (w.strip() for w in _FULL_COMMA.split(value) if w.strip())
    elif isinstance(value, dict):
        for v in value.values():
            yield from value_words(v)
    elif isinstance(value, list):
        for v in value:
            yield from value_words(v)
