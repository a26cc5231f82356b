"""Entity-local rules' findings kept per file between runs: a re-check after one file
changed runs them on that file's entities only.

A rule is entity-local (`registry.LOCAL`, and every declarative rule) when what it finds
about an entity depends only on that entity as written, the rule's options and the date.
Then the findings of an unchanged file can be reused, provided the whole org still
attributes the same entities to it: each entry records the node keys ("objective:o1")
whose origin is the file, and a file whose set differs now (an id that another file now
defines first, say) is checked again. Entries are keyed by the file's name and content
hash, the local rules' metadata and options, and the date (`Cache` adds orgspec's code
fingerprint); any doubt about an entry is a miss, so the findings are the same as a run
without the cache.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from orgspec.findings import Issue

if TYPE_CHECKING:
    from orgspec.engine.selection import Plan
    from orgspec.load.cache import Cache
    from orgspec.model.org import Org

RunCodes = Callable[["Org", "Plan", dt.date, list[str]], list[Issue]]


@dataclass
class FileFindings:
    """One file's issues of the entity-local rules, as the rules yielded them (codes
    stamped), and the node keys of the entities the org took from that file."""

    keys: frozenset[str]
    issues: list[Issue]


def local_codes(plan: Plan, codes: list[str]) -> list[str]:
    """The entity-local ones of `codes`: registered `local`, or declarative."""
    from orgspec.engine.registry import LOCAL

    return [c for c in codes if c in LOCAL or plan.rules[c].given is not None]


def run_local(org: Org, plan: Plan, today: dt.date, codes: list[str], cache: Cache,
              digests: Mapping[str, str], run_codes: RunCodes) -> list[Issue]:
    """The issues of the entity-local `codes` on `org`, reusing each unchanged file's from
    `cache` and storing the others' (once the cache is primed); the same issues, in the
    same order per rule, as `run_codes(org, plan, today, codes)`."""
    from orgspec.load.cache import content_hash, make_key

    if not codes:
        return []
    where = _files_of(org)
    owned = {f: frozenset(k for k, _, _ in entities) for f, entities in where.items()}
    settings = content_hash(repr([(c, _stable(plan.rules[c]),
                                   sorted(plan.options.get(c, {}).items())) for c in codes])
                            .encode("utf-8", "surrogatepass"))
    store = cache.primed()
    kept: dict[str, FileFindings] = {}
    keys: dict[str, bytes] = {}
    for file in org.files:
        digest = digests.get(file)
        if not digest:
            continue
        keys[file] = make_key("local", settings, today.isoformat(), file, digest)
        got = cache.get("local", keys[file], FileFindings) if store else None
        if got is not None and got.keys == owned.get(file, frozenset()):
            kept[file] = got
    fresh = [f for f in org.files if f not in kept]
    issues = run_codes(_only(org, [e for f in fresh for e in where.get(f, ())]) if kept
                       else org, plan, today, codes)
    found: dict[str, list[Issue]] = {f: [] for f in fresh}
    for issue in issues:
        if issue.location.file not in found:  # not where its entity was written: do not
            return run_codes(org, plan, today, codes) if kept else issues  # split, reuse
        found[issue.location.file].append(issue)
    if store:
        for file in fresh:
            if file in keys:
                cache.put("local", keys[file],
                          FileFindings(owned.get(file, frozenset()), found[file]))
    per_file = {**{f: e.issues for f, e in kept.items()}, **found}
    return [i for code in codes for f in org.files for i in per_file.get(f, ())
            if i.code == code]


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


def _files_of(org: Org) -> dict[str, list[Entity]]:
    """Each file's entities (those whose origin it is)."""
    from orgspec.model.org import ENTITY_KINDS

    out: dict[str, list[Entity]] = {}
    origins = org.origins
    for kind in ENTITY_KINDS:
        prefix = kind.lower() + ":"  # as node_key spells it
        for ident in org.table(kind):
            key = prefix + ident
            out.setdefault(origins[key].fmap.file, []).append((key, kind, ident))
    return out


def _only(org: Org, entities: list[Entity]) -> Org:
    """A view of `org` holding only `entities` (origins, positions and everything else
    shared)."""
    from orgspec.model.org import _TABLES, ENTITY_KINDS

    tables: dict[str, dict[str, object]] = {_TABLES[kind]: {} for kind in ENTITY_KINDS}
    for _, kind, ident in entities:
        tables[_TABLES[kind]][ident] = org.table(kind)[ident]
    return replace(org, **tables)  # type: ignore[arg-type]
