"""Which entity a place in a file belongs to: entities, key results, steps and charter items.

One index answers two questions for every finding: its identity (for fingerprints, which
must survive renames, moves and line edits) and the first lines of the entities it sits in
(where a suppression comment is written).
"""

from __future__ import annotations

import bisect
import os
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Finding, Location, fingerprint, replaced
from orgspec.model.org import ENTITY_KINDS, Org, Origin, node_key

# integers a mapping key's and a list item's position take in a table (`load.yamlevents.Parsed`;
# not imported from there, which would import PyYAML with the anchors)
MAP_WIDTH, ITEM_WIDTH = 6, 4

Pos = tuple[int, int]  # 1-based line and column


@dataclass
class Span:
    """Where an entity (or a part of one) was written: [start, end) by (line, column)."""

    start: Pos
    end: Pos
    key: str  # "team:x", "objective:o/key_result:k", "process:p/step:s", "team:t/charter:d"
    file: str
    parts: list[Span] = field(default_factory=list)  # in file order, disjoint
    part_starts: list[Pos] = field(default_factory=list)

    def holds(self, pos: Pos) -> bool:
        return self.start <= pos < self.end

    def part_at(self, pos: Pos) -> Span | None:
        """The part holding `pos`, found by bisection (a process of 10,000 steps with a
        finding on each is not searched step by step per finding)."""
        i = bisect.bisect_right(self.part_starts, pos) - 1
        if i >= 0 and self.parts[i].holds(pos):
            return self.parts[i]
        return None


def _span(origin: Origin, key: str) -> Span:
    _, (line, col, end_line, end_col), _ = origin.fmap.parsed.locate(origin.path)
    return Span((line, col), (end_line, end_col), key, origin.file)


_PARTS = {"Objective": ("key_results", "key_result"), "Process": ("steps", "step"),
          "Team": ("responsibilities", "charter")}


def _parts(org: Org, kind: str, ident: str, origin: Origin, key: str) -> list[Span]:
    """Spans of an entity's key results, steps or charter items, read straight from the
    position table of their list (one lookup per entity, not one walk per part)."""
    field, label = _PARTS.get(kind, ("", ""))
    if not field:
        return []
    items = getattr(org.table(kind)[ident], field)
    if not items:
        return []
    parsed = origin.fmap.parsed
    table = parsed.tables.get(id(parsed.node((*origin.path, field))))
    if table is None:
        return []
    out = []
    for i, item in enumerate(items):
        if ITEM_WIDTH * i >= len(table):
            break
        line, col, end_line, end_col = table[ITEM_WIDTH * i:ITEM_WIDTH * (i + 1)]
        out.append(Span((line + 1, col + 1), (end_line + 1, end_col + 1),
                        f"{key}/{label}:{_part_name(item, label)}", origin.file))
    return out


def _part_name(item: Any, label: str) -> str:
    # only charter items have `ref`: asking a key result or step raises through pydantic
    return str((getattr(item, "ref", None) if label == "charter" else None) or item.id)


def part_names(org: Org, key: str) -> list[str]:
    """The parts of entity `key` in `org` as its fingerprints name them after the key
    (`objective:o` -> `["key_result:k1", ...]`: key results, process steps, charter items);
    [] for an entity without parts or not in `org`."""
    kind = _KINDS.get(key.partition(":")[0], "")
    field, label = _PARTS.get(kind, ("", ""))
    entity = org.table(kind).get(key.partition(":")[2]) if field else None
    return [f"{label}:{_part_name(item, label)}" for item in getattr(entity, field, None) or ()]


_KINDS = {kind.lower(): kind for kind in ENTITY_KINDS}  # "team" -> "Team", as node_key spells it


def _keys_by_file(org: Org) -> dict[str, list[str]]:
    """Each file's entity keys (`team:x`), in one pass over the org's origins.

    Every entity's key and origin already exist: walking them in order builds no key, hashes
    none and looks nothing up. Building `node_key(kind, id)` again for every entity and
    looking it up among all origins cost the same number of steps, but each lookup went to a
    random place in a 145,000-entry table: at 5,000 teams 13x the time of 500 teams for 10x
    the entities (docs/benchmarks.md). A view of an org with fewer entities than origins (the
    incremental check's) is indexed by its tables, so it holds only its own entities."""
    out: dict[str, list[str]] = defaultdict(list)
    if len(org.origins) != org.entity_count():
        for kind, ident in org.entities():
            key = node_key(kind, ident)
            out[org.origins[key].file].append(key)
        return out
    fmap, keys = None, None
    for key, origin in org.origins.items():
        if origin.fmap is not fmap:  # a file's entities are registered together
            fmap = origin.fmap
            keys = out[fmap.file]
        keys.append(key)  # type: ignore[union-attr]
    return out


# A file's identities as a run asked them: (its content hash and entity keys, the
# identity of each (entity, line, column) asked). What `Anchors.identity` answers depends
# on nothing else: the file's spans come from its content and which of its entities the
# org takes from it (`_keys_by_file`).
Known = dict[str, tuple[tuple[str, tuple[str, ...]], dict[tuple[str, int, int], str]]]


class Anchors:
    """Entity spans per file, with the innermost-first lookup a finding needs. A file's
    spans are built when a finding or suppression first asks about it.

    With `digests` (file -> content hash) and `known` (the identities an earlier run
    asked, `asked` after this one), a finding's identity in a file whose content and
    entity keys are as they were is read back instead of building the file's spans and
    reading its position table (after one edit, ~250 of 500 files hold findings)."""

    def __init__(self, org: Org, digests: dict[str, str] | None = None,
                 known: Known | None = None) -> None:
        self.org = org
        self._keys = _keys_by_file(org)
        self._pending = dict(self._keys)  # files whose spans are not built yet
        self._single: dict[str, Span | None] = {}  # spans built one entity at a time
        self._key_sets: dict[str, set[str]] = {}
        self.by_file: dict[str, list[Span]] = {}
        self.spans: dict[str, Span] = {}
        self._starts: dict[str, list[Pos]] = {}
        self._digests = digests
        self._known = known or {}
        self.asked: Known = {}

    def _asked(self, file: str) -> dict[tuple[str, int, int], str] | None:
        """The identities asked in `file` this run (read back from `known` when the file
        is as it was), None when identities are not kept."""
        found = self.asked.get(file)
        if found is not None or self._digests is None:
            return found[1] if found is not None else None
        digest = self._digests.get(file)
        if not digest:
            return None
        stamp = (digest, tuple(self._keys.get(file, ())))
        before = self._known.get(file)
        memo = dict(before[1]) if before is not None and before[0] == stamp else {}
        self.asked[file] = (stamp, memo)
        return memo

    def _file(self, file: str) -> list[Span]:
        spans = self.by_file.get(file)
        if spans is not None:
            return spans
        spans = []
        for key in self._pending.pop(file, ()):
            top, listed = self._entity(key)
            self.spans[key] = top
            if listed:
                spans.append(top)
        spans.sort(key=lambda s: s.start)
        self.by_file[file] = spans
        self._starts[file] = [s.start for s in spans]
        return spans

    def _entity(self, key: str) -> tuple[Span, bool]:
        """Entity `key`'s span with its parts, and whether it is listed among its file's
        spans (an inline duty is not: its span is its charter item's)."""
        kind, ident = _KINDS[key[:key.index(":")]], key[key.index(":") + 1:]
        origin = self.org.origins[key]
        top = _span(origin, key)
        if len(origin.path) > 1 and origin.path[-2] == "responsibilities":
            return top, False
        top.parts = _parts(self.org, kind, ident, origin, key)
        top.parts.sort(key=lambda p: p.start)
        top.part_starts = [p.start for p in top.parts]
        return top, True

    def _own(self, entity: str, file: str) -> Span | None:
        """The listed span of `entity` when it is one of `file`'s entities, else None;
        built alone, without the file's other entities."""
        if entity not in self._single:
            origin = self.org.origins.get(entity)
            span = None
            # one of the file's entities as `_keys_by_file` gives them (an org view holds
            # only its own)
            if origin is not None and origin.file == file and \
                    entity in self._key_set(file):
                top, listed = self._entity(entity)
                span = top if listed else None
            self._single[entity] = span
        return self._single[entity]

    def _key_set(self, file: str) -> set[str]:
        found = self._key_sets.get(file)
        if found is None:
            found = self._key_sets[file] = set(self._keys.get(file, ()))
        return found

    def enclosing(self, loc: Location) -> list[Span]:
        """The spans holding `loc`, innermost first (empty outside every entity)."""
        spans = self._file(loc.file)
        if not spans:
            return []
        pos = (loc.line, loc.col)
        i = bisect.bisect_right(self._starts[loc.file], pos) - 1
        if i < 0 or not spans[i].holds(pos):
            return []
        top = spans[i]
        inner = top.part_at(pos)
        return [inner, top] if inner is not None else [top]

    def identity(self, entity: str, loc: Location) -> str:
        """The finding's entity, narrowed to the key result, step or charter item it sits in.

        `entity` is what the check named ("objective:o"); a location inside one of that
        entity's parts names the part instead. Without an entity, the innermost span wins.
        """
        memo = self._asked(loc.file)
        if memo is not None:
            ident = memo.get((entity, loc.line, loc.col))
            if ident is None:
                ident = memo[(entity, loc.line, loc.col)] = self._identity(entity, loc)
            return ident
        return self._identity(entity, loc)

    def prepare(self, entity: str, loc: Location) -> None:
        """Build the spans `identity(entity, loc)` reads (the entity's own, or its file's
        for a finding without one) ahead of it, such as while a forked worker runs rules;
        nothing when an earlier run's identity will be read back. Records nothing in
        `asked`; `identity` gives the same either way."""
        if self._digests is not None:
            digest = self._digests.get(loc.file)
            before = self._known.get(loc.file)
            if before is not None and digest and \
                    before[0] == (digest, tuple(self._keys.get(loc.file, ()))) and \
                    (entity, loc.line, loc.col) in before[1]:
                return
        if entity:
            self._own(entity, loc.file)
        else:
            self._file(loc.file)

    def _identity(self, entity: str, loc: Location) -> str:
        if not entity:
            inside = self.enclosing(loc)
            return inside[0].key if inside else ""
        # Only the entity's own span can answer (the file's top-level spans are disjoint;
        # an entity nested in another, a position's inline duty, has no parts), so the
        # file's other entities are not built: at 500 teams ~20 per finding.
        span = self._own(entity, loc.file)
        pos = (loc.line, loc.col)
        if span is None or not span.holds(pos):
            return entity
        inner = span.part_at(pos)
        return inner.key if inner is not None else span.key

    def first_lines(self, entity: str, locs: tuple[Location, ...]) -> set[tuple[str, int]]:
        """(file, line) of the first line of every entity or part the finding is on."""
        out: set[tuple[str, int]] = set()
        for loc in locs:
            inside = self.enclosing(loc)
            out.update((s.file, s.start[0]) for s in inside)
            if inside:
                out.update((loc.file, line) for line in self._key_lines(inside[-1], loc))
        origin = self.org.origins.get(entity)
        if origin is not None:
            self._file(origin.file)
        span = self.spans.get(entity)
        if span is not None:
            out.add((span.file, span.start[0]))
        return out

    def _key_lines(self, top: Span, loc: Location) -> list[int]:
        """The lines of the keys whose values hold `loc`, within entity `top`: a suppression
        on `due:` covers a bad date written on a later line (a block scalar, a flow list
        continued, a value after a comment), since a bad value is reported at the value."""
        origin = self.org.origins.get(top.key)
        if origin is None:
            return []
        parsed = origin.fmap.parsed
        node = parsed.node(origin.path)
        pos = (loc.line - 1, loc.col - 1)  # the tables are 0-based
        out = []
        while isinstance(node, dict | list) and node:
            table = parsed.tables.get(id(node))
            if table is None:
                break
            if isinstance(node, dict):  # a table holds 6 integers a key (`Parsed`)
                hit = next((i for i in range(0, len(table), MAP_WIDTH)
                            if (table[i + 2], table[i + 3]) <= pos < (table[i + 4],
                                                                      table[i + 5])), None)
                if hit is None:
                    break
                out.append(table[hit] + 1)
                node = node[list(node)[hit // MAP_WIDTH]]
            else:  # items in file order (4 integers each): bisect (a process of 10,000 steps)
                i = bisect.bisect_right(range(0, len(table), ITEM_WIDTH), pos,
                                        key=lambda at: (table[at], table[at + 1])) - 1
                at = ITEM_WIDTH * i
                if i < 0 or not pos < (table[at + 2], table[at + 3]):
                    break
                node = node[i]
        return out


def assign_fingerprints(findings: list[Finding], anchors: Anchors, root: str) -> list[Finding]:
    """Give every finding its fingerprint, once, in one place: rule + entity identity (a
    key result, step or charter item is an entity of its own), so renaming or moving a file
    keeps it; findings outside any entity use the file relative to the org root and the
    message. Repeats on one identity are numbered in order, so the same org always gives
    the same fingerprints, however often a fingerprint recurs.
    """
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        ident = anchors.identity(f.entity, f.location)
        anchor = ident or "\0".join((_relative(f.location.file, root), f.message))
        fp = fingerprint(f.code, anchor)
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        if n:
            fp = fingerprint(f.code, f"{anchor}\0#{n}")
        out.append(replaced(f, fingerprint=fp))
    return out


def former_fingerprints(findings: list[Finding], anchors: Anchors,
                        former: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Fingerprint -> the fingerprints the same finding had before its entity (or the duty
    of its charter item) was renamed (`former`: entity key -> former keys, from
    `model.aliases.former_keys`), numbered as `assign_fingerprints` numbers them, so that
    a baseline written before a rename still knows it. Findings in the order
    `assign_fingerprints` was given them."""
    out: dict[str, tuple[str, ...]] = {}
    seen: dict[str, int] = {}
    duties = {key.split(":", 1)[1]: olds for key, olds in former.items()
              if key.startswith("responsibility:")}
    for f in findings:
        ident = anchors.identity(f.entity, f.location)
        if not ident:
            continue
        base = fingerprint(f.code, ident)
        n = seen.get(base, 0)
        seen[base] = n + 1
        top, slash, part = ident.partition("/")
        tops = [top, *former.get(top, ())]
        parts = [part]
        if part.startswith("charter:"):
            parts += [f"charter:{old.split(':', 1)[1]}" for old in
                      duties.get(part.split(":", 1)[1], ())]
        tag = f"\0#{n}" if n else ""
        olds = tuple(fingerprint(f.code, f"{t}{slash}{p}{tag}") for t in tops for p in parts
                     if (t, p) != (top, part))
        if olds:
            out[f.fingerprint] = olds
    return out


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return path if rel.startswith("..") else rel.replace(os.sep, "/")
