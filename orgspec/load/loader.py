"""The only module that reads org files: discovery, bytes, YAML, and raw entities with positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Issue, Location
from orgspec.i18n import M
from orgspec.load.discovery import Candidate, discover
from orgspec.load.source import SourceError, decode, read_bytes, scan_forbidden
from orgspec.load.sourcemap import FileMap
from orgspec.load.suppress import Directive, scan_directives
from orgspec.load.yamlevents import Limits, Path, parse


@dataclass
class RawEntity:
    """One entity mapping as written, before validation, and where it is."""

    data: dict[str, Any]
    fmap: FileMap
    path: Path

    @property
    def kind(self) -> Any:
        return self.data.get("kind")

    def location(self) -> Location:
        return self.fmap.value(self.path)


@dataclass
class RawOrg:
    """Everything read from disk: raw entities, the files, and the input problems."""

    entities: list[RawEntity] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # display path -> text, if decoded
    issues: list[Issue] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)


def load_files(paths: list[str], include: list[str] | None = None,
               exclude: list[str] | None = None, limits: Limits | None = None,
               respect_gitignore: bool = True) -> RawOrg:
    """Discover and read every org file under `paths`; problems become issues, not errors."""
    found = discover(paths, include, exclude, respect_gitignore)
    org = RawOrg()
    for skipped in found.skipped:
        org.issues.append(Issue(skipped.message, Location(skipped.display), code=skipped.code))
        if skipped.code == "IN013":  # unreadable: it may define anything, so no cascade
            org.failed[skipped.display] = ""
    for cand in found.files:
        org.files.append(cand.display)
        _load_one(cand, org, limits or Limits())
    return org


def _load_one(cand: Candidate, org: RawOrg, limits: Limits) -> None:
    shown = cand.display
    try:
        text = decode(read_bytes(cand.real))
    except SourceError as err:
        org.issues.append(Issue(err.message, Location(shown, err.line, err.col),
                                hint=err.hint, code=err.code))
        org.failed[shown] = ""
        return
    org.directives.extend(scan_directives(text, shown))
    bad = scan_forbidden(text)
    for b in bad:
        org.issues.append(Issue(M("file contains {what}", what=b.describe()),
                                Location(shown, b.line, b.col),
                                hint=M("remove it; such characters hide text or move lines"),
                                code="IN003"))
    if any(b.structural for b in bad):
        org.failed[shown] = text
        return
    parsed = parse(text, limits)
    for p in parsed.problems:
        org.issues.append(Issue(p.message, Location(shown, p.line, p.col), hint=p.hint,
                                code=p.code))
    if parsed.fatal is not None:
        p = parsed.fatal
        org.issues.append(Issue(p.message, Location(shown, p.line, p.col), hint=p.hint,
                                code=p.code))
        org.failed[shown] = text
        return
    fmap = FileMap(shown, parsed, text.count("\n") + 1)
    _collect_entities(parsed.docs, fmap, org)


def _collect_entities(docs: list[Any], fmap: FileMap, org: RawOrg) -> None:
    if all(doc is None for doc in docs):
        org.issues.append(Issue(M("file holds no entities"), Location(fmap.file),
                                hint=M("add entities with a `kind`, or delete the file"),
                                code="IN014"))
        return
    for index, doc in enumerate(docs):
        if doc is None:
            continue
        if isinstance(doc, dict):
            org.entities.append(RawEntity(doc, fmap, (index,)))
        elif isinstance(doc, list):
            for i, item in enumerate(doc):
                _collect_item(item, fmap, (index, i), org)
        else:
            _not_an_entity(fmap, (index,), M("document is a single value"), org)


def _collect_item(item: Any, fmap: FileMap, path: Path, org: RawOrg) -> None:
    if isinstance(item, dict):
        org.entities.append(RawEntity(item, fmap, path))
    else:
        what = M("list item is a list") if isinstance(item, list) else \
            M("list item is a single value")
        _not_an_entity(fmap, path, what, org)


def _not_an_entity(fmap: FileMap, path: Path, what: str, org: RawOrg) -> None:
    org.issues.append(Issue(
        M("{what}; expected an entity mapping with `kind` and `id`", what=what),
        fmap.value(path), hint=M("each document is an entity or a list of entities"),
        code="IN009"))
