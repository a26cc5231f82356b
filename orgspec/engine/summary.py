"""What one checked file gives the whole-org rules, as digests: its entities as written by
kind, what validation kept back, and where its nodes sit.

A whole-org rule's findings are a function of the entities (and raw fields) it reads and,
through their locations, of the positions in the files they are located in. These digests
let `engine.incremental` tell, without the models, that none of that changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from orgspec.load.cache import value_hash as _digest

if TYPE_CHECKING:
    from orgspec.findings import Location
    from orgspec.load.loader import RawFile
    from orgspec.load.sourcemap import FileMap
    from orgspec.load.yamlevents import Path

    # where a duty's description and name are written, and the duty's path (`sites`)
    Site = tuple[Location | None, Location | None, Path]

Roots = tuple[tuple[tuple[int, int, int, int], ...], int]  # the documents' spans, line count


KINDS = ("Team", "Person", "Responsibility", "Objective", "Process", "Role", "Meeting")
# An entity's prose: its own top-level fields that say what it is in words. A rule that
# reads none of them declares `text` without that kind (`registry.check`); it then reads
# the kind's structure: everything else, and of each prose field only what validation
# decides by (`_shape`).
PROSE = frozenset(("name", "description", "mission", "title"))
STRUCTURE = ".structure"  # "Responsibility.structure": a kind without its prose
NAMED = ".named"  # "Team.named": a kind without its prose but its `name`
# "Responsibility.owners": a duty as written but its RACI roles other than `accountable`,
# those validation takes as written left out (`_owners`): a rule that reads who is
# accountable for a duty, not who else holds it (OW007), is kept after a `consulted` edit
OWNERS = ".owners"
DUTY = "Responsibility"
_OTHER_ROLES = frozenset(("responsible", "consulted", "informed"))


@dataclass(frozen=True)
class FileSummary:
    """One file's digests (hex strings of plain data's repr, the same in every process),
    taken from the file as read, before validation (which is a function of it).

    `kinds`: entity kind -> its entities' paths and data in file order, where an entity
    whose `kind` is not one of `KINDS` as written (an alias, a typo, no kind) counts
    under "" (which every rule reads); "Kind.structure" -> the same without the prose
    (`PROSE`: only each prose field's `_shape`), and "Kind.named" without the prose but
    the `name`; "Responsibility.owners" a duty without its roles but `accountable`
    (`OWNERS`); `meta`: the file's input problems (with their
    places), failed text and suppression comments; `places`: every span below the
    documents, an end where a document ends written as such, and, when a span reaches past
    the last line, the line count (a location is clamped to it); `roots`: the documents'
    own spans and the line count (they move with every line added at the end, so they
    are compared only when a finding may sit at one, `at_root`); `chunks`: per entity in
    file order, the lines its span covers (1-based, first and last) and a digest of its
    path, its span and every span below it, taken as for `places` (so a finding located
    in an entity whose positions did not move stays right when another entity of the same
    file was edited, `chunks_at`).
    """

    kinds: dict[str, str]
    meta: str
    places: str
    roots: Roots
    chunks: tuple[tuple[int, int, str], ...] = ()
    # duty id -> where its description and its name are written (None: not written) and
    # the entity's path, for the first duty of each id written as an entity of its own
    # (not inline): OW007's text sites, read by `engine.warm` without the models and by
    # OW007 without unpickling the file's positions (`checks.duplicates`)
    sites: dict[str, Site] = field(default_factory=dict)
    # prose field (`PROSE`) -> a digest of every entity's value of it as written (absent:
    # None), in file order: which prose fields an edit changed (`engine.warm`: a reworded
    # description, not a name, is answered without the models when no entity-local rule
    # reads it, `engine.localprose`)
    prose: dict[str, str] = field(default_factory=dict)
    # a digest of what an org that means the same is found by (`incremental.Unchanged`):
    # the kinds, `meta` and `places`, taken once per file here and kept in the files'
    # bundle, so a re-check does not repr every file's digests again (5 ms at 500 teams)
    means: str = ""

    def chunks_at(self, loc: Location) -> list[str] | None:
        """The digests of the entities whose lines `loc` touches (its first and last
        line); None when it touches none (then only `places` vouches for it)."""
        first, last = loc.line, max(loc.line, loc.end_line)
        hit = [d for lo, hi, d in self.chunks if lo <= last and first <= hi]
        return hit or None

    def at_root(self, loc: Location) -> bool:
        """True when `loc` may have been read from a document's span or from a span that
        ends where a document does (the end of the stream, which moves with every line
        added after the last item): it starts where a document does, or ends on or after
        the line a document ends on."""
        spans, lines = self.roots
        return any((loc.line, loc.col) == (r[0] + 1, r[1] + 1)
                   or max(loc.line, loc.end_line) >= min(r[2] + 1, lines) for r in spans)


def _said(text: str) -> tuple[Any, ...]:
    """A message as plain data: its English, and the template, context and values it is
    said from in other languages (`i18n.M`)."""
    values = getattr(text, "values", None)
    return (str(text), getattr(text, "template", None), getattr(text, "context", None),
            None if values is None else [(k, _said(v) if isinstance(v, str) else repr(v))
                                         for k, v in values.items()])


def summarize(raw: RawFile) -> FileSummary:
    """The digests of a file as read."""
    by_kind: dict[str, list[Any]] = {}
    fmaps: dict[int, FileMap] = {}
    chunks: list[tuple[int, int, str]] = []
    sites: dict[str, Site] = {}
    said: dict[str, list[Any]] = {f: [] for f in sorted(PROSE)}
    for ent in raw.entities:
        fmaps.setdefault(id(ent.fmap), ent.fmap)
        data = ent.data
        if ent.kind == "Responsibility" and isinstance(data, dict) and \
                isinstance(data.get("id"), str) and data["id"] not in sites:
            text, name = (ent.fmap.locate((*ent.path, f)) if f in data else None
                          for f in ("description", "name"))
            sites[data["id"]] = (text, name, ent.path)
        kind = ent.kind if isinstance(ent.kind, str) and ent.kind in KINDS else ""
        by_kind.setdefault(kind, []).append((ent.path, ent.data))
        if kind:
            by_kind.setdefault(kind + STRUCTURE, []).append((ent.path, _structure(ent.data)))
            by_kind.setdefault(kind + NAMED, []).append(
                (ent.path, _structure(ent.data, PROSE - {"name"})))
            if kind == DUTY:
                by_kind.setdefault(kind + OWNERS, []).append((ent.path, _owners(ent.data)))
        chunks.append(_chunk(ent.fmap, ent.path, ent.data))
        for prose, values in said.items():
            values.append(data.get(prose) if isinstance(data, dict) else None)
    meta = _digest([raw.failed, [(i.code, i.location, _said(i.message), _said(i.hint),
                                  i.entity, [(r.location, _said(r.message)) for r in i.related])
                                 for i in raw.issues],
                    [(d.location, d.codes, d.file_level, d.until, d.bad_until, d.reason)
                     for d in raw.directives]])
    places: list[Any] = []
    roots: list[tuple[int, int, int, int]] = []
    lines = 0
    for fmap in fmaps.values():
        spans, last = _spans(fmap)
        places.append((fmap.file, spans, fmap.line_count if last > fmap.line_count else -1))
        roots.extend(fmap.parsed.roots)
        lines = fmap.line_count
    kinds = {kind: _digest(items) for kind, items in by_kind.items()}
    where = _digest(places)
    return FileSummary(kinds, meta, where, (tuple(roots), lines), tuple(chunks), sites,
                       {prose: _digest(values) for prose, values in said.items()},
                       means_of(kinds, meta, where))


def means_of(kinds: dict[str, str], meta: str, places: str) -> str:
    """`FileSummary.means`: a digest of a file's kinds (in sorted order), meta and places."""
    return _digest((sorted(kinds.items()), meta, places))


def _shape(value: Any) -> Any:
    """What validation decides a prose value by: a string's length class (empty, a
    `Name`'s 1-200 code points, a `Text`'s up to 10,000); anything else as it is."""
    if isinstance(value, str) and len(value) <= 10_000:
        return ("prose", 0 if not value else 1 if len(value) <= 200 else 2)
    return value


def _owners(data: dict[str, Any]) -> list[Any]:
    """A duty's data without its roles but `accountable` (`OWNERS`), each of them kept
    when validation may not take it as written: a valid one is the same to a rule that
    reads only `accountable` whatever it names, and as if not written."""
    return [(k, v) for k, v in data.items() if k not in _OTHER_ROLES or not _refs(v)]


def _refs(value: Any) -> bool:
    """Whether validation takes a duty's RACI field as written (`models.RefList`): a
    reference or a list of up to 1,000 of them, strings of 1-100 code points once the
    hidden characters are taken out (as `models.Unhidden` does)."""
    from orgspec.load.source import without_hidden

    def ref(v: Any) -> bool:
        return isinstance(v, str) and 1 <= len(without_hidden(v)) <= 100

    return ref(value) or (isinstance(value, list) and len(value) <= 1000
                          and all(ref(v) for v in value))


def _structure(data: dict[str, Any], prose: frozenset[str] = PROSE) -> list[Any]:
    """An entity's data with each top-level `prose` value replaced by its `_shape`."""
    return [(k, _shape(v) if k in prose else v) for k, v in data.items()]


def _chunk(fmap: FileMap, path: tuple[int, ...], data: Any) -> tuple[int, int, str]:
    """(first line, last line, digest) of the entity at `path`: see `FileSummary`."""
    parsed = fmap.parsed
    doc_node = parsed.docs[path[0]]
    span = parsed.roots[path[0]] if len(path) == 1 else \
        tuple(parsed.entry(doc_node, parsed.tables[id(doc_node)], path[1]))
    ends = {(r[2], r[3]): i for i, r in enumerate(parsed.roots)}
    doc = ends.get((span[2], span[3]))
    own = (span[:2], "ends with", doc) if doc is not None else span
    spans, last = _walk(data, parsed.tables, ends)
    if doc is None:
        last = max(last, span[2] + 1)
    clamp = fmap.line_count if last > fmap.line_count else -1
    return (span[0] + 1, span[2] + 1,
            _digest((fmap.file, path, own, spans, clamp)))


def _spans(fmap: FileMap) -> tuple[list[Any], int]:
    """Every container's position table in a fixed walk order (an end where a document
    ends replaced by that document's index), the documents' starts, and the last line any
    other span ends on (1-based).

    Only a table's last entry can end where its document does (a block collection ends
    where its last item does), and a table's last entry ends last."""
    parsed = fmap.parsed
    ends = {(r[2], r[3]): i for i, r in enumerate(parsed.roots)}
    out, last = _walk(parsed.docs, parsed.tables, ends)
    return [[r[:2] for r in parsed.roots], *out[1:]], last


def _walk(top: Any, tables: dict[int, Any],
          ends: dict[tuple[int, int], int]) -> tuple[list[Any], int]:
    """`_spans`' walk below `top` (its own table included): the tables in walk order and
    the last line a span ends on that does not end where a document does."""
    out: list[Any] = [None]
    last = 0
    stack: list[Any] = [top]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        table = tables.get(id(node))
        if table:  # flat: the last two integers are where the last key or item ends
            keys = list(node) if isinstance(node, dict) else None
            doc = ends.get((table[-2], table[-1]))
            if doc is None:
                last = max(last, table[-2] + 1)
                out.append((keys, table))
            else:
                out.append((keys, table[:-2], "ends with", doc))
        stack.extend(reversed(list(children)))
    return out, last
