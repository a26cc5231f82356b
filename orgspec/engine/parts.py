"""A whole-org rule's work split per file under an index, kept between runs.

Some whole-org rules read the org in two ways: each entity as written, and a small shared
index of the rest (the ids of every kind, say). When the index is the same as in the last
run, what the rule found about the entities of a file whose content and entities are the
same is the same: only the changed files' entities are walked again, against the whole
org. A rule declares its index (everything it reads of the org besides the entity it
walks); `tests/test_parts.py` replays single-file edits and compares every finding with
a run that keeps nothing.

Entries are per org (as `memo.Memo`'s) and per rule part; a missing, foreign or doubtful
entry, an index that changed, or an issue located outside its entity's file walks the
whole org (so the findings are those of a run without the cache).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orgspec.engine.context import Shared
    from orgspec.findings import Issue
    from orgspec.model.org import Org


@dataclass
class FileParts:
    """What a rule part found per file under `index` (a digest): each file's content
    digest and its issues (in the order the part yielded them)."""

    index: str
    files: dict[str, tuple[str, list[Issue]]]


@dataclass(frozen=True)
class Split:
    """The issues of a rule part over the whole org, and whether `run` walked the whole
    org to find them (False: the unchanged files' issues were kept)."""

    issues: list[Issue]
    whole: bool


def by_file(shared: Shared, name: str, index: object,
            run: Callable[[Org], list[Issue]]) -> Split:
    """`run(org)`'s issues, split per file: an unchanged file's (the same content, under
    the same `index`, plain data whose repr is exact, and the same files in the same
    order) kept from the last run, the other files' found by `run` on a view holding
    only their entities (`run` must look up everything else in `shared.org`, and locate
    each issue in its entity's file). Without the cache or the files' digests, `run(org)`
    as it is.

    Which file an entity is taken from follows from the files' order and contents, and
    from the ids dropped as another's copy or as invalid (`Org.incomplete`, `Org.invalid`);
    what an entity's references were read as, from the former ids other files declare
    (`Org.renamed`): all are in the index, so an unchanged file still holds the same
    entities, written the same."""
    from orgspec.load.cache import make_key, value_hash

    org, cache, digests = shared.org, shared.cache, shared.digests
    if cache is None or digests is None:
        return Split(run(org), True)
    key = make_key("parts", name, repr(org.files[:1]))
    digest = value_hash((index, org.files, sorted(org.invalid),
                         sorted((k, repr(v)) for k, v in org.incomplete.items()),
                         sorted(map(repr, org.renamed))))
    got = cache.get("parts", key, FileParts)
    kept: dict[str, list[Issue]] = {}
    if got is not None and got.index == digest:
        for file in org.files:
            entry = got.files.get(file)
            if entry is not None and entry[0] == digests.get(file):
                kept[file] = entry[1]
    fresh = [f for f in org.files if f not in kept]
    whole = not kept
    issues = run(org if whole else _only(org, set(fresh)))
    found: dict[str, list[Issue]] | None = {f: [] for f in fresh}
    for issue in issues:
        if found is None or issue.location.file not in found:
            found = None  # not in its entity's file: nothing to keep it by
            break
        found[issue.location.file].append(issue)
    if found is None:
        return Split(issues if whole else run(org), True)
    if cache.primed():
        files = {f: (digests[f], found[f] if f in found else kept[f])
                 for f in org.files if f in digests}
        cache.put("parts", key, FileParts(digest, files))
    if whole:
        return Split(issues, True)
    return Split([i for f in org.files for i in kept.get(f, found.get(f, ()))], False)


def _only(org: Org, files: set[str]) -> Org:
    """A view of `org` holding only the entities taken from `files` (everything else
    shared)."""
    from dataclasses import replace

    from orgspec.model.org import _TABLES, ENTITY_KINDS

    kinds = {kind.lower(): kind for kind in ENTITY_KINDS}  # as node_key spells them
    tables: dict[str, dict[str, object]] = {_TABLES[kind]: {} for kind in ENTITY_KINDS}
    for key, origin in org.origins.items():  # one pass, no key made per entity
        if origin.fmap.file in files:
            low, _, ident = key.partition(":")
            kind = kinds.get(low)
            if kind is not None and ident in (table := org.table(kind)):
                tables[_TABLES[kind]][ident] = table[ident]
    # in each table's order, as the whole org iterates them
    for kind in ENTITY_KINDS:
        held = tables[_TABLES[kind]]
        if len(held) > 1:
            tables[_TABLES[kind]] = {i: e for i, e in org.table(kind).items() if i in held}
    return replace(org, **tables)  # type: ignore[arg-type]
