"""Findings kept between runs: a re-check after one file changed runs the entity-local
rules on that file's entities only, and a whole-org rule only when what it reads changed.

A rule is entity-local (`registry.LOCAL`, and every declarative rule) when what it finds
about an entity depends only on that entity as written, the rule's options and the date.
Then the findings of an unchanged file can be reused, provided the whole org still
attributes the same entities to it: each entry records the node keys ("objective:o1")
whose origin is the file, and a file whose set differs now (an id that another file now
defines first, say) is checked again. Entries are keyed by the file's name and content
hash, the local rules' metadata and options, and the date (`Cache` adds orgspec's code
fingerprint); any doubt about an entry is a miss, so the findings are the same as a run
without the cache. Within a changed file (one of a few), an entity written as it was at the
same positions keeps its findings from the file's entry as it was, when they name it and
lie inside its own lines (`_Parts`, `_Reuse`): only the file's other entities are run.

A whole-org rule (every other one) is kept whole, under a fingerprint of what it reads:
each file's entities as written, of the kinds the rule reads (`registry.READS`, all kinds
unless declared), and what validation held back (`engine.summary`); its findings are
reused only while the files they are located in still have the same positions (`places`),
so a comment or a reformatted line elsewhere keeps them, and any doubt reruns the rule.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from orgspec.findings import Issue, Location

if TYPE_CHECKING:
    from orgspec.engine.lint import Inputs
    from orgspec.engine.selection import Plan
    from orgspec.engine.summary import FileSummary
    from orgspec.findings import Finding, LintResult
    from orgspec.load.cache import Cache
    from orgspec.load.loader import RawFile
    from orgspec.model.org import Org

# A file's positions as a kept rule's issues need them (see `_places`).
Places = tuple[str, object, frozenset[str] | None]
RunCodes = Callable[["Org", "Plan", dt.date, list[str]], list[Issue]]


@dataclass
class FileFindings:
    """One file's issues of the entity-local rules, as the rules yielded them (codes
    stamped), and the node keys of the entities the org took from that file."""

    keys: frozenset[str]
    issues: list[Issue]
    # the references of those entities written with a former id and the ids they were
    # read as (`model.aliases`): another file's `aliases` decide them
    renamed: frozenset[tuple[object, ...]] = frozenset()
    # node key -> the digest of what its issues are a function of (`_parts`), for each
    # entity whose issues may be reused on their own when another entity of the file
    # changed; None: none may (the file's entry made without them, or a doubt)
    parts: dict[str, str] | None = None


def local_codes(plan: Plan, codes: list[str]) -> list[str]:
    """The entity-local ones of `codes`: registered `local`, or declarative."""
    from orgspec.engine.registry import LOCAL

    return [c for c in codes if c in LOCAL or plan.rules[c].given is not None]


@dataclass
class LocalBundle:
    """Every file's `FileFindings` a run took or made, by name, with the content hash they
    are of: the next run on the same files, rules' settings and date reads this one entry
    (`run_local`), not one per file (500 entries cost 0.03-0.04 s at 500 teams with their
    keys), and the per-file entries only for the files it lacks or that changed."""

    files: dict[str, tuple[str, FileFindings]]


class LocalFound(list["Issue"]):
    """`run_local`'s issues, and what the bundle (`LocalBundle`) the next run reads lacks:
    a list, so that it travels back from a forked worker as the other rules' issues do."""

    bundle: bytes = b""  # the bundle's key
    lacking: dict[str, tuple[str, FileFindings]] | None = None  # None: nothing to keep
    read: bool = False  # a bundle was read: the files it held are kept from it
    # that bundle's files, in the process that read it (not sent back from a worker:
    # `keep_local` reads it again there, after the output)
    held: dict[str, tuple[str, FileFindings]] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "held"}


def run_local(org: Org, plan: Plan, today: dt.date, codes: list[str], cache: Cache,
              digests: Mapping[str, str], run_codes: RunCodes, parts: bool = True
              ) -> LocalFound:
    """The issues of the entity-local `codes` on `org`, reusing each unchanged file's from
    `cache` (the files' bundle, `LocalBundle`, read as one entry, else the file's own); the
    same issues, in the same order per rule, as `run_codes(org, plan, today, codes)`. The
    entries of the files checked afresh are stored now (once the cache is primed), the bundle by
    `keep_local` once the output is out: this may run in a forked worker. In a changed file
    (one of `_FEW`), an entity written as it was, at the same positions, keeps its issues
    from the file's entry as it was (`FileFindings.parts`), and only the others are run;
    on any doubt the whole file is run again (`parts=False`: never)."""
    from orgspec.load.cache import make_key

    out = LocalFound()
    if not codes:
        return out
    where = _keys_of(org)
    renamed = _renamed(org)
    settings = _digest([(c, _stable(plan.rules[c]), sorted(plan.options.get(c, {}).items()))
                        for c in codes])
    date = today.isoformat()
    store = cache.primed()
    bundle = make_key("locals", settings, date, *org.files)
    held = got.files if store and (got := cache.get("locals", bundle, LocalBundle)) else {}
    kept: dict[str, FileFindings] = {}
    lacking: dict[str, tuple[str, FileFindings]] = {}
    nothing: frozenset[Any] = frozenset()
    before: dict[str, FileFindings] = {}  # a changed file's entry as it was
    for file in org.files:
        digest = digests.get(file)
        if not digest:
            continue
        entry = held.get(file)
        found = entry[1] if entry is not None and entry[0] == digest else None
        read_back = found is not None
        if found is None and store:
            found = cache.get("local", make_key("local", settings, date, file, digest),
                              FileFindings)
        if found is None and parts and entry is not None and entry[1].parts:
            before[file] = entry[1]
        if found is None or found.renamed != renamed.get(file, nothing) \
                or found.keys != frozenset(where.get(file, ())):
            continue
        kept[file] = found
        if not read_back:
            lacking[file] = (digest, found)
    fresh = [f for f in org.files if f not in kept]
    # the few files checked afresh on a re-check: each entity's issues kept apart
    # (`_parts`), and those of an entity as it was reused (`_Reuse`)
    few = {f: _Parts(org, f, where.get(f, []), renamed.get(f, nothing))
           for f in fresh if kept and len(fresh) <= _FEW and store and digests.get(f)}
    reuse = {f: _Reuse(before[f], few[f]) for f in few if f in before}
    reuse = {f: r for f, r in reuse.items() if r.same}
    issues = run_codes(_only(org, [_entity(k) for f in fresh for k in where.get(f, ())
                                   if f not in reuse or k not in reuse[f].same])
                       if kept
                       else org, plan, today, codes)
    by_file: dict[str, list[Issue]] = {f: [] for f in fresh}
    for issue in issues:
        if issue.location.file not in by_file:  # not where its entity was written: do not
            out.extend(run_codes(org, plan, today, codes) if kept else issues)  # split,
            return out  # reuse or keep
        by_file[issue.location.file].append(issue)
    for file, again in reuse.items():
        merged = again.merged(by_file[file])
        if merged is None:  # any doubt: the whole file again, as without the entry
            return run_local(org, plan, today, codes, cache, digests, run_codes, False)
        by_file[file] = merged
    for file in fresh:
        if store and digests.get(file):
            lacking[file] = (digests[file], FileFindings(
                frozenset(where.get(file, ())), by_file[file],
                renamed.get(file, nothing),
                few[file].of(by_file[file]) if file in few else None))
            cache.put("local", make_key("local", settings, date, file, digests[file]),
                      lacking[file][1])
    per_code: dict[str, list[Issue]] = {code: [] for code in codes}
    for file in org.files:  # each rule's issues, file by file
        for issue in kept[file].issues if file in kept else by_file.get(file, ()):
            if (same := per_code.get(issue.code)) is not None:
                same.append(issue)
    for same in per_code.values():
        out.extend(same)
    if lacking:
        out.bundle, out.lacking, out.read, out.held = bundle, lacking, bool(held), held
    return out


# At most this many files checked afresh keep each entity's issues apart (`_Parts`): a
# one-file edit's, not a first run's 500 files (their positions walked for nothing).
_FEW = 4


class _Parts:
    """A file's entities as entity-local rules see them: each node key's digest of what its
    issues are a function of, at the positions they may sit at, taken per top-level entity
    (a unit: a duty written inline in a team is part of the team's): the unit's path, its
    data as written, every span in it, the lines it covers (`summary._chunk`), and its
    entities' keys, paths, salvaged items and references read through a former id. None
    when the file does not split into units whose lines are their own."""

    def __init__(self, org: Org, file: str, keys: list[str],
                 renamed: frozenset[tuple[object, ...]]) -> None:
        self.file = file
        self.keys = keys
        self.units: dict[str, tuple[int, int, str]] | None = None  # key -> lines, digest
        self.roots: tuple[list[Any], int] = ([], 0)
        self.docs: dict[str, int] = {}  # key -> its document's index
        try:
            self._split(org, keys, renamed)
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            self.units = None

    def _split(self, org: Org, keys: list[str],
               renamed: frozenset[tuple[object, ...]]) -> None:
        from orgspec.engine.summary import _chunk

        origins = [org.origins[k] for k in keys]
        if not origins or any(o.fmap is not origins[0].fmap for o in origins):
            return
        fmap = origins[0].fmap
        paths = {tuple(o.path) for o in origins}
        members: dict[tuple[Any, ...], list[int]] = {}
        for n, origin in enumerate(origins):
            path = tuple(origin.path)
            top = min((path[:i] for i in range(1, len(path) + 1) if path[:i] in paths),
                      key=len)
            if len(top) not in (1, 2):
                return
            members.setdefault(top, []).append(n)
        lines: list[tuple[int, int]] = []
        units: dict[str, tuple[int, int, str]] = {}
        for top, ns in members.items():
            data = fmap.node(top)
            first, last, spans = _chunk(fmap, top, data)
            if _ends_at_line_start(fmap, top):
                last -= 1  # a block item ends where the next begins: on none of its lines
            lines.append((first, last))
            said = _digest((self.file, top, data, spans, first, last, sorted(
                (keys[n], origins[n].path, origins[n].kept,
                 sorted((r for r in renamed if r[0] == keys[n]), key=repr)) for n in ns)))
            for n in ns:
                units[keys[n]] = (first, last, said)
                self.docs[keys[n]] = top[0]
        lines.sort()
        if any(a[1] >= b[0] for a, b in itertools.pairwise(lines)):
            return  # units sharing a line (flow style): a location may be either's
        parsed = fmap.parsed
        self.roots = (list(parsed.roots), fmap.line_count)
        self.units = units

    def digest(self, key: str) -> str | None:
        unit = self.units.get(key) if self.units is not None else None
        return unit[2] if unit is not None else None

    def _inside(self, key: str, loc: Location) -> bool:
        """True when `loc` is in the file, within the lines of `key`'s unit, and neither
        starts where its document does nor reaches the line that document ends on (as
        `FileSummary.at_root`: a span that ends where its document does moves with what
        follows the unit, which its digest does not see)."""
        assert self.units is not None
        first, last, _ = self.units[key]
        end = max(loc.line, loc.end_line)
        spans, lines = self.roots
        doc = spans[self.docs[key]]
        return loc.file == self.file and first <= loc.line and end <= last and not (
            (loc.line, loc.col) == (doc[0] + 1, doc[1] + 1) or end >= min(doc[2] + 1, lines))

    def of(self, issues: list[Issue]) -> dict[str, str] | None:
        """`FileFindings.parts` for the file's `issues`: each key whose issues all name it
        (`Issue.entity`) and lie inside its unit; None when an issue names no key of it."""
        if self.units is None or any(i.entity not in self.units for i in issues):
            return None
        ok = set(self.keys)
        for issue in issues:
            if issue.entity in ok and not all(
                    self._inside(issue.entity, loc)
                    for loc in (issue.location, *(r.location for r in issue.related))):
                ok.discard(issue.entity)
        return {k: self.units[k][2] for k in self.keys if k in ok}


def _ends_at_line_start(fmap: Any, top: tuple[Any, ...]) -> bool:
    """True when the span of the entity at `top` (as `summary._chunk` takes it) ends at
    the start of a line, which then holds none of it."""
    parsed = fmap.parsed
    doc_node = parsed.docs[top[0]]
    span = parsed.roots[top[0]] if len(top) == 1 else \
        tuple(parsed.entry(doc_node, parsed.tables[id(doc_node)], top[1]))
    return bool(span[3] == 0 and span[2] > span[0])


class _Reuse:
    """A changed file's entities whose issues are reused from its entry as it was (`same`:
    each key whose `_Parts` digest is the one kept) and the merge of theirs with the
    others' fresh issues."""

    def __init__(self, before: FileFindings, now: _Parts) -> None:
        assert before.parts is not None
        self.now = now
        self.same = {k for k in now.keys
                     if (d := now.digest(k)) is not None and before.parts.get(k) == d}
        self.kept = [i for i in before.issues if i.entity in self.same]

    def merged(self, fresh: list[Issue]) -> list[Issue] | None:
        """The file's issues as a run on all its entities gives them: per rule, the kept
        and the fresh in the order of the entities they name (the rules yield a kind's
        entities in their table's order); None on any doubt: a fresh issue naming a kept
        entity or none of the file's, a rule's issues of two kinds, or not in that order."""
        rank = {k: n for n, k in enumerate(self.now.keys)}
        if any(i.entity not in rank or i.entity in self.same for i in fresh):
            return None
        per_code: dict[str, tuple[list[Issue], list[Issue]]] = {}
        for issue in self.kept:
            per_code.setdefault(issue.code, ([], []))[0].append(issue)
        for issue in fresh:
            per_code.setdefault(issue.code, ([], []))[1].append(issue)
        out: list[Issue] = []
        for old, new in per_code.values():
            if len({i.entity.partition(":")[0] for i in (*old, *new)}) > 1:
                return None
            for part in (old, new):
                ranks = [rank[i.entity] for i in part]
                if ranks != sorted(ranks):
                    return None
            out.extend(sorted((*old, *new), key=lambda i: rank[i.entity]))
        return out


def keep_local(cache: Cache, found: LocalFound, digests: Mapping[str, str],
               late: list[Callable[[], None]]) -> None:
    """Append to `late` (work for once the output is out: `gcpause.after_output`) what
    stores the files' bundle (`LocalBundle`) `found` says the cache lacks, with every
    file's findings at the content hash it has now (`digests`); nothing when the bundle
    read had them all."""
    lacking = found.lacking
    if lacking is None:
        return

    def work() -> None:
        if not os.path.isdir(cache.own):  # not made again by a late write after a clean
            return
        # the files the run read back from the bundle: as read, or, read by a worker, as
        # it holds them now (another run's may have replaced it: each file is checked
        # again when read)
        held = found.held
        if held is None and found.read:
            old = cache.get("locals", found.bundle, LocalBundle)
            held = old.files if old is not None else None
        files = {f: e for f, e in (held or {}).items()
                 if f not in lacking and digests.get(f) == e[0]}
        files.update(lacking)
        cache.put("locals", found.bundle, LocalBundle(files))

    late.append(work)


@dataclass
class RuleFindings:
    """A whole-org rule's issues (codes stamped, in the order it yielded them), and for
    each file they are located in, its `places` digest and, when an issue may sit at a
    document's span, its `roots`."""

    issues: list[Issue]
    places: dict[str, Places]


def run_whole(org: Org, plan: Plan, today: dt.date, codes: list[str], cache: Cache,
              summaries: Mapping[str, FileSummary],
              run_codes: Callable[[list[str]], list[Issue]],
              late: list[Callable[[], None]] | None = None) -> list[Issue]:
    """The issues of the whole-org `codes`, each rule's reused while the fingerprint of
    what it reads is one it was run on and its issues' files sit as they did; the others'
    from `run_codes(codes)`. The same issues, in the same order per rule, as
    `run_codes(codes)`. Once the cache is primed, the rerun rules' entries are stored by a
    function appended to `late` (work for once the output is out: `gcpause.after_output`;
    19 entries and their `_places` cost a RACI re-check 0.02 s at 500 teams), or now
    without `late`. Not bundled as the files' findings are (`LocalBundle`): the 33 reads
    cost 0.002 s, and one entry of all would hold the findings of the rules rerun too."""
    from orgspec.load.cache import make_key

    if not codes or any(f not in summaries for f in org.files):
        return run_codes(codes)  # a file was not read: nothing to compare it by
    store = cache.primed()
    shared = _digest((sorted(org.failed.items()), sorted(
        (f, sorted(r, key=repr)) for f, r in _renamed(org).items())))
    by_reads: dict[frozenset[str] | None, str] = {}
    keys: dict[str, bytes] = {}
    kept: dict[str, list[Issue]] = {}
    columns = _Columns(org.files, summaries)
    for code in codes:
        reads = _reads(code)
        if reads not in by_reads:
            by_reads[reads] = _digest((shared, columns.files(), columns.every() if reads is None
                                       else [(k, columns.kind(k)) for k in sorted(reads)]))
        settings = _digest((code, _stable(plan.rules[code]),
                            sorted(plan.options.get(code, {}).items())))
        keys[code] = make_key("rule", settings, today.isoformat(), by_reads[reads])
        got = cache.get("rule", keys[code], RuleFindings) if store else None
        if got is not None and _same_places(got, summaries):
            kept[code] = got.issues
    fresh = [c for c in codes if c not in kept]
    found: dict[str, list[Issue]] = {c: [] for c in fresh}
    issues = run_codes(fresh) if fresh else []
    for issue in issues:
        if issue.code not in found:  # not stamped with its rule's code: do not split
            return [i for c in codes for i in kept.get(c, ())] + issues
        found[issue.code].append(issue)
    if store and fresh:

        def keep() -> None:
            if not os.path.isdir(cache.own):  # not made again by a late write after a clean
                return
            for code in fresh:
                cache.put("rule", keys[code], RuleFindings(found[code],
                                                           _places(found[code], summaries)))

        if late is None:
            keep()
        else:
            late.append(keep)
    return [i for c in codes for i in kept.get(c, found.get(c, ()))]


class _Columns:
    """The digests a whole-org rule's fingerprint is made of (`run_whole`), each taken
    once however many rules read it: the files in order with what validation held back
    in each (`FileSummary.meta`), every file's entities of one kind (or part), and every
    file's entities of every kind. A rule's fingerprint names the files' column and those
    of the kinds it reads, so it says what the rule reads as fully as the files' entries
    themselves would (11 distinct fingerprints over 500 files each cost 0.02-0.03 s)."""

    def __init__(self, files: list[str], summaries: Mapping[str, FileSummary]) -> None:
        self._files = files
        head = heads(summaries)
        self._columns = [head(f)[:2] for f in files]  # (meta, kinds)
        self._kinds: dict[str, str] = {}
        self._meta = ""
        self._every = ""

    def files(self) -> str:
        if not self._meta:
            self._meta = _digest([(f, meta) for f, (meta, _) in zip(self._files, self._columns,
                                                                     strict=True)])
        return self._meta

    def kind(self, kind: str) -> str:
        found = self._kinds.get(kind)
        if found is None:
            found = self._kinds[kind] = _digest([kinds.get(kind, "")
                                                 for _, kinds in self._columns])
        return found

    def every(self) -> str:
        if not self._every:
            self._every = _digest([sorted(kinds.items()) for _, kinds in self._columns])
        return self._every


# Kinds whose entities define others inline: a duty in a team's charter or a position's
# duties (their prose is nested in the holder's data, so it is part of its structure).
_INLINE = {"Responsibility": ("Team", "Role")}


def _reads(code: str) -> frozenset[str] | None:
    """The entity kinds (or parts: "Kind.structure", "Kind.named") a whole-org rule reads,
    with those that may define them inline, and "", entities of no known kind; None for
    all."""
    from orgspec.engine.registry import READS
    from orgspec.engine.summary import OWNERS

    kinds = READS.get(code)
    if kinds is None:
        return None
    out = {"", *kinds}
    for entry in kinds:
        kind, dot, part = entry.partition(".")
        # a duty's roles but `accountable` left out: the holders' kinds have no such part,
        # and read whole (an inline duty's role is the holder's claim)
        out.update(k if dot + part == OWNERS else k + dot + part
                   for k in _INLINE.get(kind, ()))
    return frozenset(out)


def _digest(value: object) -> str:
    from orgspec.load.cache import value_hash

    return value_hash(value)


def _located(issues: Sequence[Issue | Finding]) -> dict[str, list[Location]]:
    out: dict[str, list[Location]] = {}
    for issue in issues:
        for loc in (issue.location, *(r.location for r in issue.related)):
            out.setdefault(loc.file, []).append(loc)
    return out


def _places(issues: Sequence[Issue | Finding],
            summaries: Mapping[str, FileSummary]) -> dict[str, Places]:
    """Per file the issues are located in: its `places` digest, its `roots` when an issue
    may sit at a document's span, and the digests of the entities the locations touch
    (None when one touches none)."""
    out: dict[str, Places] = {}
    for file, locs in _located(issues).items():
        summary = summaries.get(file)
        if summary is None:  # a place outside the org's files: never reused
            out[file] = ("", None, None)
            continue
        chunks: set[str] = set()
        for loc in locs:
            hit = summary.chunks_at(loc)
            if hit is None:
                break
            chunks.update(hit)
        else:
            out[file] = (summary.places, _roots(summary, locs), frozenset(chunks))
            continue
        out[file] = (summary.places, _roots(summary, locs), None)
    return out


def _roots(summary: FileSummary, locs: list[Location]) -> object:
    return summary.roots if any(summary.at_root(loc) for loc in locs) else None


def _same_places(got: RuleFindings, summaries: Mapping[str, FileSummary]) -> bool:
    """Whether every location of `got` is where it was: its file's positions are all the
    same, or those of every entity it lies in (then it was read from them: entities do
    not share lines but their first and last; an edit elsewhere in the file did not move
    them), and the documents' spans when it may sit at one."""
    head = heads(summaries)
    for file, (places, roots, chunks) in got.places.items():
        if file not in summaries or not places:
            return False
        _, _, now, at = head(file)
        if roots is not None and at != roots:
            return False
        if now != places and (
                chunks is None or not chunks <= {d for _, _, d in summaries[file].chunks}):
            return False
    return True


def _stable(meta: object) -> object:
    """A rule's metadata as plain data whose repr is the same in every process (a
    frozenset's order follows the process's string hashing)."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(meta) and not isinstance(meta, type):
        return [(f.name, _stable(getattr(meta, f.name))) for f in fields(meta)]
    if isinstance(meta, (set, frozenset)):
        return sorted(repr(_stable(v)) for v in meta)
    if isinstance(meta, (list, tuple)):
        return [_stable(v) for v in meta]
    if isinstance(meta, dict):
        return [(repr(k), _stable(v)) for k, v in meta.items()]
    return meta


Entity = tuple[str, str, str]  # node key, kind, id


def _renamed(org: Org) -> dict[str, frozenset[tuple[object, ...]]]:
    """Per file, its references to a former id, as (entity, field, index, written, id)."""
    out: dict[str, set[tuple[object, ...]]] = {}
    for r in org.renamed:
        out.setdefault(org.origins[r.entity].fmap.file, set()).add(
            (r.entity, r.field, r.index, r.written, r.kind, r.ident))
    return {f: frozenset(v) for f, v in out.items()}


def _files_of(org: Org) -> dict[str, list[Entity]]:
    """Each file's entities (those whose origin it is), as (key, kind, id)."""
    from orgspec.model.org import ENTITY_KINDS

    kinds = {k.lower(): k for k in ENTITY_KINDS}  # as node_key spells them
    return {f: [(k, kinds[p], i) for k in keys for p, _, i in (k.partition(":"),)]
            for f, keys in _keys_of(org).items()}


def _keys_of(org: Org) -> dict[str, list[str]]:
    """Each file's entities' node keys (those whose origin it is), in table order: the
    kinds and ids only the files checked afresh need (`_entity`, `_files_of`)."""
    from orgspec.model.org import ENTITY_KINDS

    out: dict[str, list[str]] = {}
    origins = org.origins
    for kind in ENTITY_KINDS:
        prefix = kind.lower() + ":"  # as node_key spells it
        for ident in org.table(kind):
            key = prefix + ident
            file = origins[key].fmap.file
            keys = out.get(file)
            if keys is None:
                out[file] = [key]
            else:
                keys.append(key)
    return out


def _entity(key: str) -> Entity:
    """The node key `key` ("objective:o1") as (key, kind, id)."""
    from orgspec.model.org import ENTITY_KINDS

    prefix, _, ident = key.partition(":")  # a kind has no ":"; an id may
    return key, next(k for k in ENTITY_KINDS if k.lower() == prefix), ident


def _only(org: Org, entities: list[Entity]) -> Org:
    """A view of `org` holding only `entities` (origins, positions and everything else
    shared)."""
    from orgspec.model.org import _TABLES, ENTITY_KINDS

    tables: dict[str, dict[str, object]] = {_TABLES[kind]: {} for kind in ENTITY_KINDS}
    for _, kind, ident in entities:
        tables[_TABLES[kind]][ident] = org.table(kind)[ident]
    return replace(org, **tables)  # type: ignore[arg-type]


@dataclass
class Summaries:
    """Every file's `FileSummary` a run took, by name, with the content hash it is of: the
    next run of the same files reads this one entry, not one per file (500 entries cost
    0.02-0.03 s at 500 teams), and the per-file entries only for the files that changed.
    Each summary is kept pickled on its own, beside its `means`: reading the entry back
    does not build every file's summary (14 ms at 500 teams), only those a run asks for
    (`FileSummaries`; a comment's re-check asks for none), and its head pickled apart:
    what a RACI re-check reads of every file (`head_of`), a tenth of the time to read."""

    # name -> (content hash, means, pickle, pickle of its `head_of`)
    files: dict[str, tuple[str, str, bytes, bytes]]


class FileSummaries(Mapping[str, "FileSummary"]):
    """Each file's `FileSummary` by name, in the files' order: those read back from the
    files' bundle (`Summaries`) unpickled when first asked for; `means` and `head`
    without that."""

    def __init__(self, names: list[str], packed: dict[str, tuple[str, bytes, bytes]],
                 ready: dict[str, FileSummary]) -> None:
        self._names = names
        # name -> (means, pickle, pickle of its `head_of`), from an entry we signed
        self._packed = packed
        self._ready = ready
        self._heads: dict[str, Head] = {}

    def __getitem__(self, name: str) -> FileSummary:
        got = self._ready.get(name)
        if got is None:
            import pickle

            got = self._ready[name] = pickle.loads(self._packed[name][1])  # noqa: S301
        return got

    def __contains__(self, name: object) -> bool:
        return name in self._ready or name in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def means(self, name: str) -> str:
        """`FileSummary.means` of file `name` (KeyError when it has no summary)."""
        got = self._ready.get(name)
        return got.means if got is not None else self._packed[name][0]

    def head(self, name: str) -> Head:
        """`head_of` file `name`'s summary, without unpickling the rest of it (KeyError
        when it has no summary)."""
        head = self._heads.get(name)
        if head is None:
            got = self._ready.get(name)
            if got is not None:
                return head_of(got)
            import pickle

            head = self._heads[name] = pickle.loads(self._packed[name][2])  # noqa: S301
        return head

    def packed(self, name: str) -> tuple[str, bytes, bytes]:
        """(means, pickle, pickle of its `head_of`) of file `name`'s summary, as
        `Summaries` keeps it."""
        got = self._packed.get(name)
        if got is not None:
            return got
        import pickle

        summary = self._ready[name]
        return (summary.means, pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL),
                pickle.dumps(head_of(summary), protocol=pickle.HIGHEST_PROTOCOL))


# what a rerun whole-org rule's fingerprint (`_Columns`), a kept rule's places
# (`_same_places`) and the kept duties' prints (`checks.keptduties`) read of a file's summary
Head = tuple[str, dict[str, str], str, Any]  # meta, kinds, places, roots


def head_of(summary: FileSummary) -> Head:
    """(`meta`, `kinds`, `places`, `roots`) of `summary`."""
    return summary.meta, summary.kinds, summary.places, summary.roots


def heads(summaries: Mapping[str, FileSummary]) -> Callable[[str], Head]:
    """`head_of` the summary of a file by name: read apart from the rest of it when
    `summaries` holds them so (`FileSummaries.head`: the 500 summaries a RACI re-check
    reads cost 10-15 ms unpickled whole, their heads a tenth of it)."""
    if isinstance(summaries, FileSummaries):
        return summaries.head
    return lambda name: head_of(summaries[name])


def summaries_of(inputs: Inputs, cache: Cache
                 ) -> tuple[FileSummaries | None, dict[str, RawFile], Callable[[], None]]:
    """Each file's digests by name, kept with its content (None when a file could not be
    read, and before the cache is primed: a first run stores only its result), the files
    read to take them (parsed as `_load` parses, by two processes when there are many:
    `loader.parse_files`), and what keeps them as one entry (`Summaries`) for the next
    run, once the output is out (`gcpause.after_output`; nothing when the entry read had
    them all): called by the caller after the run's other late work (the warm state's,
    which a next run may wait for). The summaries of the files parsed are each stored on
    their own once the output is out too: a run going back to a file's earlier content
    finds it without the bundle."""
    from orgspec.engine.summary import FileSummary
    from orgspec.gcpause import after_output
    from orgspec.load.cache import make_key
    from orgspec.load.loader import RawFile, parse_files

    ready: dict[str, FileSummary] = {}
    packed: dict[str, tuple[str, bytes, bytes]] = {}
    parsed: dict[str, RawFile] = {}
    if not cache.primed():
        return None, parsed, _nothing
    whole = True
    keys: dict[str, bytes] = {}
    missed: list[tuple[str, bytes | RawFile]] = []
    every = make_key("summaries", inputs.parser, *(cand.display for cand, _ in inputs.files))
    bundle = cache.get("summaries", every, Summaries)
    kept = bundle.files if bundle is not None else {}
    hashes: dict[str, str] = {}
    for (cand, data), digest in zip(inputs.files, inputs.digests, strict=True):
        if isinstance(data, RawFile):
            whole = False
            continue
        hashes[cand.display] = digest
        got = kept.get(cand.display)
        if got is not None and got[0] == digest:
            packed[cand.display] = got[1:]
            continue
        key = make_key("summary", inputs.parser, cand.display, digest)
        one = cache.get("summary", key, FileSummary)
        if one is None:
            keys[cand.display] = key
            missed.append((cand.display, data))
        else:
            ready[cand.display] = one
    fresh: dict[str, FileSummary] = {}
    for raw, summary in parse_files(missed, _summarized):
        parsed[raw.display] = raw
        ready[raw.display] = fresh[raw.display] = summary
    if fresh:

        def store() -> None:
            if os.path.isdir(cache.own):  # not made again by a late write after a clean
                for name, summary in fresh.items():
                    cache.put("summary", keys[name], summary)

        after_output(store)
    if not whole or len(ready) + len(packed) != len(hashes):
        return None, parsed, _nothing
    found = FileSummaries(list(hashes), packed, ready)
    if not ready and len(kept) == len(packed):
        return found, parsed, _nothing

    def keep() -> None:
        def work() -> None:
            if os.path.isdir(cache.own):  # not made again by a late write after a clean
                cache.put("summaries", every,
                          Summaries({f: (hashes[f], *found.packed(f)) for f in found}))

        after_output(work)

    return found, parsed, keep


def _nothing() -> None:
    """Nothing to keep."""


def _summarized(raw: RawFile) -> tuple[RawFile, FileSummary]:
    from orgspec.engine.summary import summarize

    return raw, summarize(raw)


@dataclass
class Same:
    """Under the digests of every file: the key of the result of a run on such an org,
    and the roots of the files that result's findings may sit at the roots of."""

    result: bytes
    roots: dict[str, object]


class Unchanged:
    """The result of an earlier run on an org that means the same: every file's entities,
    problems and places (`engine.summary`) as they are now, the files holding a finding at
    a document's span as they were. Findings, fingerprints, suppressions and language are
    functions of those, so that run's result is this one's."""

    def __init__(self, cache: Cache, summaries: FileSummaries | None,
                 result_key: bytes, parts: list[str]) -> None:
        from orgspec.load.cache import make_key

        self.cache = cache
        self.summaries = summaries
        self.result_key = result_key
        # each file's kinds, meta and places, by their digest taken with the summary
        self.key = make_key("same", *parts, repr(sorted(
            (f, summaries.means(f)) for f in summaries))) if summaries is not None else b""

    def result(self) -> LintResult | None:
        from orgspec.findings import LintResult

        if self.summaries is None:
            return None
        same = self.cache.get("same", self.key, Same)
        if same is None or any(f not in self.summaries or self.summaries[f].roots != roots
                               for f, roots in same.roots.items()):
            return None
        return self.cache.get("result", same.result, LintResult)

    def store(self, result: LintResult) -> None:
        if self.summaries is None:
            return
        roots = {file: at for file, (_, at, _) in
                 _places(result.findings, self.summaries).items() if at is not None}
        self.cache.put("same", self.key, Same(self.result_key, roots))
