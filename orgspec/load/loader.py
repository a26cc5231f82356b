"""The only module that reads org files: discovery, bytes, YAML, and raw entities with positions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M
from orgspec.load.discovery import Candidate, Skipped, discover
from orgspec.load.source import SourceError, decode, maybe_forbidden, read_bytes, scan_forbidden
from orgspec.load.sourcemap import FileMap

if TYPE_CHECKING:  # PyYAML is imported when a file is parsed: a cached check parses none
    from orgspec.load.suppress import Directive
    from orgspec.load.yamlevents import Limits, Path, Problem


@dataclass
class RawEntity:
    """One entity mapping as written, before validation, and where it is."""

    data: dict[str, Any]
    fmap: FileMap
    path: Path
    # the values of duplicate keys not read (IN004), by key: findings on what they name
    # are held back
    dropped: dict[str, Any] = field(default_factory=dict)

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
    pending: dict[str, str] = field(default_factory=dict)  # IN018's `.new` -> its text


@dataclass
class RawFile:
    """One file as read: its entities, input problems, suppression comments, and whether it
    failed (`failed` is its text when it decoded, "" when not, None when it loaded)."""

    display: str
    entities: list[RawEntity] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    failed: str | None = None


def load_files(paths: list[str], include: list[str] | None = None,
               exclude: list[str] | None = None, limits: Limits | None = None,
               respect_gitignore: bool = True,
               first: Callable[[], None] | None = None) -> RawOrg:
    """Discover and read every org file under `paths`; problems become issues, not errors.
    A large org is parsed by two processes (`parse_files`; `first` runs here meanwhile)."""
    found = discover(paths, include, exclude, respect_gitignore)
    org = RawOrg()
    org.issues.extend(skipped_issues(found.skipped, org.failed, org.pending))
    read = [(cand.display, read_candidate(cand)) for cand in found.files]
    for one in parse_files(read, _raw, limits, first):
        org.files.append(one.display)
        org.entities.extend(one.entities)
        org.issues.extend(one.issues)
        org.directives.extend(one.directives)
        if one.failed is not None:
            org.failed[one.display] = one.failed
    return org


def skipped_issues(skipped: list[Skipped], failed: dict[str, str],
                   pending: dict[str, str] | None = None) -> list[Issue]:
    """The findings for paths discovery did not load; unreadable ones count as failed. A
    re-import waiting to be merged (IN018) or a file left out for its name (IN019) has its
    text put in `pending` (display path -> text, "" when it cannot be read): the ids it
    defines are not in the org yet."""
    out = []
    for item in skipped:
        out.append(Issue(item.message, Location(item.display), code=item.code))
        if item.code == "IN013":  # unreadable: it may define anything, so no cascade
            failed[item.display] = ""
        if item.source and pending is not None:
            pending[item.display] = pending_text(item.source)
    return out


def pending_text(path: str) -> str:
    """The text of a file the org does not read but waits for (IN018's `.new`), decoded as
    UTF-8 with what does not decode replaced; "" when it cannot be read."""
    try:
        return read_bytes(path).decode("utf-8", "replace")
    except SourceError:
        return ""


def read_candidate(cand: Candidate) -> bytes | RawFile:
    """A file's bytes, or the failed RawFile saying why it could not be read."""
    try:
        return read_bytes(cand.real)
    except SourceError as err:
        return RawFile(cand.display, issues=[Issue(err.message,
                                                   Location(cand.display, err.line, err.col),
                                                   hint=err.hint, code=err.code)], failed="")


T = TypeVar("T")
# From this many bytes on, files are parsed by this process and a forked worker together.
PARALLEL_BYTES = 512 * 1024


def parse_files(files: list[tuple[str, bytes | RawFile]], then: Callable[[RawFile], T],
                limits: Limits | None = None,
                first: Callable[[], None] | None = None,
                each: Callable[[int, T], None] | None = None) -> list[T]:
    """`then(raw)` for each file's bytes parsed (`load_bytes`; a RawFile, such as an
    unreadable file, is kept as it is), in order. From PARALLEL_BYTES on, a forked worker
    parses files too and sends them back pickled (`orgspec.forkmap`); `first()`, `then`
    and `each(index in files, then's result)` run in this process (imports; validation;
    assembling the org), `each` as each file is done, in any order, while the worker takes
    more files. The result is the same either way."""
    def one(item: tuple[int, tuple[str, bytes | RawFile]]) -> tuple[int, RawFile]:
        index, (shown, data) = item
        return index, data if isinstance(data, RawFile) else load_bytes(shown, data, limits)

    def after(done: tuple[int, RawFile]) -> T:
        result = then(done[1])
        if each is not None:
            each(done[0], result)
        return result

    size = sum(len(d) for _, d in files if isinstance(d, bytes))
    if size < PARALLEL_BYTES:
        if first is not None:
            first()
        return [after(one(item)) for item in enumerate(files)]
    from orgspec.forkmap import fork_map

    return fork_map(one, list(enumerate(files)), first, after,
                    wire=(lambda done: (done[0], _send(done[1])),
                          lambda sent: (sent[0], _receive(sent[1]))))


@dataclass(frozen=True)
class _Sent:
    """A parsed file as the forked parser sends it: its documents, position tables and
    entities' paths marshalled in one string (`_send`), the few objects beside them as
    they are. Pickling the RawFile itself cost the worker about 0.4x the parse."""

    display: str
    issues: list[Issue]
    directives: list[Directive]
    problems: list[Any]
    hidden: bool
    line_count: int
    body: bytes


def _send(raw: RawFile) -> RawFile | _Sent:
    """`raw` in the form the worker sends (`_receive` reads it back): a file without
    entities, or with data marshal cannot write, travels as it is."""
    import marshal

    if not raw.entities or raw.failed is not None:
        return raw
    fmap = raw.entities[0].fmap
    if any(ent.fmap is not fmap for ent in raw.entities):
        return raw
    parsed = fmap.parsed
    try:
        body = marshal.dumps((parsed.docs, parsed.roots, parsed.table_pairs(),
                              [(ent.path, ent.dropped) for ent in raw.entities]))
    except ValueError:
        return raw
    return _Sent(raw.display, raw.issues, raw.directives, parsed.problems, parsed.hidden,
                 fmap.line_count, body)


def _receive(sent: RawFile | _Sent) -> RawFile:
    """The RawFile that `_send` sent: the same data, entities, positions and problems."""
    import marshal

    from orgspec.load.yamlevents import Parsed

    if isinstance(sent, RawFile):
        return sent
    # written by our own forked worker into an anonymous file
    docs, roots, pairs, entities = marshal.loads(sent.body)  # noqa: S302
    fmap = FileMap(sent.display, Parsed.with_tables(docs, roots, pairs, sent.problems,
                                                  sent.hidden),
                   sent.line_count)
    out = RawFile(sent.display, issues=sent.issues, directives=sent.directives)
    for path, dropped in entities:
        data = docs[path[0]] if len(path) == 1 else docs[path[0]][path[1]]
        out.entities.append(RawEntity(data, fmap, path, dropped))
    return out


def _raw(raw: RawFile) -> RawFile:
    return raw


def load_bytes(shown: str, data: bytes, limits: Limits | None = None) -> RawFile:
    """Decode, scan and parse one file's bytes into raw entities; never raises."""
    out = RawFile(shown)
    try:
        text = decode(data)
    except SourceError as err:
        out.issues.append(Issue(err.message, Location(shown, err.line, err.col),
                                hint=err.hint, code=err.code))
        out.failed = err.text
        return out
    from orgspec.load.suppress import scan_directives

    # read again after the parse, without those inside a value (the parse tells where)
    found = scan_directives(text, shown)
    out.directives = found
    suspect = maybe_forbidden(text)  # most files hold no such character: one search
    bad = scan_forbidden(text) if suspect else []
    ends = [b for b in bad if b.char == "\r"]
    if len(ends) > 1 and "\n" not in text:  # every line ends in a lone CR: one mistake
        out.issues.append(Issue(M("file's lines end with a carriage return alone (as classic "
                                  "Mac OS saved text), not a line feed"),
                                Location(shown, ends[0].line, ends[0].col),
                                hint=M("save it with LF line ends (or CRLF, as Windows does)"),
                                code="IN003"))
        bad = [b for b in bad if b.char != "\r"]
        out.failed = text
    for b in bad:
        out.issues.append(Issue(M("file contains {what}", what=b.describe()),
                                Location(shown, b.line, b.col),
                                hint=M("remove it; such characters hide text or move lines"),
                                code="IN003"))
    if out.failed is not None or any(b.structural for b in bad):
        out.failed = text
        return out
    from orgspec.load.yamlevents import Limits, parse

    scalars: list[tuple[int, int, int, int]] | None = [] if found else None
    parsed = parse(text, limits or Limits(), clean=not suspect, scalars=scalars)
    if scalars:
        out.directives = scan_directives(text, shown, scalars)
    for p in parsed.problems:
        out.issues.append(_issue(p, shown))
    if parsed.fatal is not None:
        out.issues.append(_issue(parsed.fatal, shown))
        out.failed = text
        return out
    fmap = FileMap(shown, parsed, text.count("\n") + 1)
    _collect_entities(parsed.docs, fmap, out)
    return out


def _issue(problem: Problem, shown: str) -> Issue:
    """A YAML problem of the file `shown` as a finding's issue."""
    return Issue(problem.message, Location(shown, problem.line, problem.col),
                 related=tuple(Related(Location(shown, line, col), what)
                               for line, col, what in problem.related),
                 hint=problem.hint, code=problem.code)


def _collect_entities(docs: list[Any], fmap: FileMap, org: RawFile) -> None:
    if all(doc is None for doc in docs):
        org.issues.append(Issue(M("file holds no entities"), Location(fmap.file),
                                hint=M("add entities with a `kind`, or delete the file"),
                                code="IN014"))
        return
    for index, doc in enumerate(docs):
        if doc is None:
            continue
        if isinstance(doc, dict):
            org.entities.append(RawEntity(doc, fmap, (index,), _dropped(fmap, doc)))
        elif isinstance(doc, list):
            for i, item in enumerate(doc):
                _collect_item(item, fmap, (index, i), org)
        else:
            _not_an_entity(fmap, (index,), M("document is a single value"), org)


def _collect_item(item: Any, fmap: FileMap, path: Path, org: RawFile) -> None:
    if isinstance(item, dict):
        org.entities.append(RawEntity(item, fmap, path, _dropped(fmap, item)))
    else:
        what = M("list item is a list") if isinstance(item, list) else \
            M("list item is a single value")
        _not_an_entity(fmap, path, what, org)


def _dropped(fmap: FileMap, data: dict[str, Any]) -> dict[str, Any]:
    dropped = fmap.parsed.dropped
    if not dropped:  # no duplicate key in the file
        return {}
    return {k: v for k, v in dropped.get(id(data), {}).items() if isinstance(k, str)}


def _not_an_entity(fmap: FileMap, path: Path, what: str, org: RawFile) -> None:
    org.issues.append(Issue(
        M("{what}; expected an entity mapping with `kind` and `id`", what=what),
        fmap.value(path), hint=M("each document is an entity or a list of entities"),
        code="IN009"))
