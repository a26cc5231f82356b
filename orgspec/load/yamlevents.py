"""Plain data from PyYAML parser events, iteratively, with limits and a position for every node.

Why not `yaml.safe_load`: it guesses types the YAML 1.1 way (`NO` -> False, `0755` -> 493,
`12:30` -> 750), drops duplicate keys silently, expands alias bombs, raises exceptions that
are not `YAMLError` on 6-byte inputs, and its C composer segfaults on deep nesting.
Here every scalar stays a string (plain `null`/`~`/empty become None) and the models type
it; anchors, aliases, tags, directives and complex keys are refused.

Over 300 lines because the event walk, its limits and its refusals are one state machine;
splitting it would spread one loop's invariants over several files.
"""

from __future__ import annotations

import re
import struct
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from orgspec.escape import is_text_joiner
from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.load.flowmap import flow_slips
from orgspec.load.parsername import wanted_parser
from orgspec.load.pyyaml import yaml
from orgspec.load.source import (
    FORBIDDEN_VALUE,
    MAYBE_FORBIDDEN_VALUE,
    LineIndex,
    scan_forbidden,
)
from orgspec.load.yamlhints import (
    GLUED_ITEM,
    explain,
    flow_comma,
    flow_comment,
    full_hash,
    glued_colon,
    glued_dash,
    glued_item,
    glued_item_hint,
    items_out_of_line,
    lost_dash,
    lost_first_dash,
    lost_item_dash,
    mend_brackets,
    missing_comma,
    plain,
    slips,
    tab_hint,
    unclosed_flow,
)

Path = tuple[Any, ...]
Span = tuple[int, int, int, int]  # 1-based line, column, end line, end column
Mark4 = tuple[int, int, int, int]  # the same, 0-based, as the parser's marks give it

# A position table's entries as the bytes of its `array("i")`: a mapping key's six
# integers (key line, key column, line, column, end line, end column), a list item's four
_MAP_ENTRY = struct.Struct("6i").pack
_ITEM_ENTRY = struct.Struct("4i").pack
MAP_WIDTH, ITEM_WIDTH = 6, 4
_SURROGATE = lazy("[\ud800-\udfff]")
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# what after ` #` is a comment as meant: `#`-rules, a space, a suppression (`#orgspec:`),
# a note word (`#备注: 新人`, `#待补充`, `#TODO`) ending there or before a colon or space
_NOTE_WORDS = ("备注|備註|备忘|備忘|注释|註釋|注解|註解|注意|注|註|说明|說明|待补充|待補充|待完善|"
               "待确认|待確認|待核实|待核實|todo|fixme|xxx|note|nb")
_NOT_CUT = lazy(rf"#(?:[\s#]|[ \t]*orgspec\b|(?:{_NOTE_WORDS})(?=[:：,，\s]|$))", re.I)
_NEXT_COMMENT = lazy(r"[ \t]#(?=\s|$)")


def _may_cut(text: str) -> bool:
    """Whether `text` has a `#` after a space or tab and before a non-space: a plain value
    may end there (`name: 华东 #1仓`). By `str.find`, as `#` is rare: a regex that looks
    for the space first took 30 ms on 3 MB of org files, this under 1 ms."""
    at = text.find("#")
    while at >= 0:
        after = text[at + 1:at + 2]
        if at and text[at - 1] in " \t" and after and after != "#" and not after.isspace():
            return True
        at = text.find("#", at + 1)
    return False


def _quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Limits:
    """Bounds on one file's shape; exceeding one is an IN008 finding."""

    depth: int = 64
    nodes: int = 200_000
    scalar_chars: int = 10_000
    key_chars: int = 256


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file's YAML, with a finding code and a 1-based position."""

    code: str
    message: str
    line: int
    col: int
    hint: str = ""
    # other places the finding names: (line, col, what is there)
    related: tuple[tuple[int, int, str], ...] = ()


@dataclass
class Parsed:
    """A file's documents as plain data, and where every node of them was written.

    Positions are kept per container, keyed by its `id()`: a mapping's table holds
    `key line, key col, line, col, end line, end col` per key and a list's table holds
    `line, col, end line, end col` per item, in the container's order, all 0-based as
    libyaml gives them, as one flat `array("i")` (`entry`): 4 bytes an integer, where a
    tuple per node and a dict per mapping took about 6x that and were 60 % of the objects
    a loaded org holds (`docs/benchmarks.md`, thirteenth pass). No path tuple is built
    while parsing; `locate()` walks a path only when a finding needs it.
    """

    docs: list[Any] = field(default_factory=list)
    roots: list[tuple[int, int, int, int]] = field(default_factory=list)
    tables: dict[int, array[int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    fatal: Problem | None = None
    # id(mapping) -> the values of its duplicate keys that were not kept (IN004), while
    # parsing only: the loader gives each entity its own (`RawEntity.dropped`)
    dropped: dict[int, dict[str, Any]] = field(default_factory=dict)
    # whether a value may hold a character `source.without_hidden` removes (false: none
    # does, so the models need not look for one: `model.models.clean_validator`)
    hidden: bool = False

    def locate(self, path: Path) -> tuple[tuple[int, int] | None, Span, int]:
        """For a path (doc index, keys, indices): the 1-based key position (None for list
        items and documents), the value span, and how many parts of the path exist."""
        if not path or not 0 <= path[0] < len(self.docs):
            return None, (1, 1, 1, 1), 0
        node, key = self.docs[path[0]], None
        span: Sequence[int] = self.roots[path[0]]
        depth = 1
        for part in path[1:]:
            table = self.tables.get(id(node))
            if table is None or not _holds(node, part):
                break
            entry = self.entry(node, table, part)
            if isinstance(node, dict):
                key, span = (entry[0] + 1, entry[1] + 1), entry[2:]
            else:
                key, span = None, entry
            node = node[part]
            depth += 1
        return key, (span[0] + 1, span[1] + 1, span[2] + 1, span[3] + 1), depth

    def entry(self, node: Any, table: array[int], part: Any) -> array[int]:
        """The positions of `node[part]` in `node`'s `table` (six integers for a key of a
        mapping, four for a list item; see the class)."""
        if not isinstance(node, dict):
            return table[ITEM_WIDTH * part:ITEM_WIDTH * (part + 1)]
        at = key_index(node, part) if len(node) <= _SCAN else self._order(node)[part]
        return table[MAP_WIDTH * at:MAP_WIDTH * (at + 1)]

    def _order(self, node: dict[str, Any]) -> dict[str, int]:
        # a large mapping's keys numbered once: a finding on each of its keys does not
        # scan it again
        orders: dict[int, dict[str, int]] = self.__dict__.setdefault("_orders", {})
        order = orders.get(id(node))
        if order is None or len(order) != len(node):
            order = orders[id(node)] = {k: i for i, k in enumerate(node)}
        return order

    def __getstate__(self) -> dict[str, Any]:
        """For the cache: `tables` is keyed by `id()`, which does not survive pickling, so
        each reachable container travels with its table (pickle keeps their identity),
        packed into one run of integers (`_pack`): a cached file is read back in about
        half the time, and a table is unpacked only when a finding is located in it."""
        pairs = []
        stack: list[Any] = list(self.docs)
        while stack:
            node = stack.pop()
            if isinstance(node, dict | list):
                table = self.tables.get(id(node))
                if table is not None:
                    pairs.append((node, _pack(table)))
                stack.extend(node.values() if isinstance(node, dict) else node)
        return {"docs": self.docs, "roots": self.roots, "pairs": pairs,
                "problems": self.problems, "fatal": self.fatal, "hidden": self.hidden}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.docs, self.roots = state["docs"], state["roots"]
        self.problems, self.fatal = state["problems"], state["fatal"]
        self.hidden = state["hidden"]
        self.tables = _Packed(state["pairs"])
        self.dropped = {}

    def table_pairs(self) -> list[tuple[Any, bytes]]:
        """Each container with a position table and that table's bytes, in `containers`
        order: with the documents, what `with_tables` rebuilds `tables` from in another
        process. Marshalled in one string with the documents, each container is written
        once and read back as the same object as the one in the documents (marshal keeps
        shared objects shared), so the reader keys the tables without walking the
        documents again (marshal, 3x cheaper than pickling the tables and packing them)."""
        tables = self.tables
        out: list[tuple[Any, bytes]] = []
        for node in containers(self.docs):
            table = tables.get(id(node))
            if table is not None:
                out.append((node, table.tobytes()))
        return out

    @classmethod
    def with_tables(cls, docs: list[Any], roots: list[tuple[int, int, int, int]],
                    pairs: list[tuple[Any, bytes]], problems: list[Problem],
                    hidden: bool) -> Parsed:
        """A file's parse rebuilt from its documents, roots, `table_pairs` (read back with
        the documents, so each pair's container is the documents' own), problems and
        `hidden` (a file that failed to parse is never sent this way)."""
        return cls(docs, roots, {id(node): array("i", table) for node, table in pairs},
                   problems, hidden=hidden)

    def node(self, path: Path) -> Any:
        """The data at `path`, or None when it does not exist."""
        node: Any = self.docs
        for part in path:
            if not _holds(node, part):
                return None
            node = node[part]
        return node


_SCAN = 16  # a mapping of more keys than this is numbered once (`Parsed._order`)


def key_index(node: dict[str, Any], key: str) -> int:
    """Where `key` is among `node`'s keys (which hold it): its entry's number in the
    mapping's position table."""
    for i, k in enumerate(node):
        if k == key:
            return i
    raise KeyError(key)


def containers(docs: list[Any]) -> list[Any]:
    """Every mapping and list in `docs`, depth first, in an order that depends only on
    the data (the same in the process that sends a parse and the one that reads it)."""
    out: list[Any] = []
    stack: list[Any] = list(docs)
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            out.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            out.append(node)
            stack.extend(node)
    return out


def _holds(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def loader_class() -> type:
    """The C parser when PyYAML has libyaml, unless ORGSPEC_YAML_PARSER=pure. Raises
    ConfigError for any other value (`parsername.wanted_parser`)."""
    wanted = wanted_parser()
    if wanted == "c" and getattr(yaml, "__with_libyaml__", False):
        return yaml.CSafeLoader
    return yaml.SafeLoader


def parse(text: str, limits: Limits | None = None, loader: type | None = None, *,
          clean: bool = False, scalars: list[Mark4] | None = None) -> Parsed:
    """Parse every document in `text`; problems are returned, never raised. `clean`: the
    caller found that `text` holds no character of `MAYBE_FORBIDDEN_VALUE`
    (`source.maybe_forbidden` is false), so only escapes can put one in a value.
    `scalars`, when given, receives the span of every scalar (key or value) the parser
    read, in the text's order, 0-based (line, column, end line, end column; the end is
    the character after it): where a `#` is text, not a comment (`suppress.scan_directives`).
    Up to the place a syntax error stopped the parser."""
    out = Parsed()
    # `{kind: Person，id: wu}`, `{...｝`: said once a line, and read as meant when it closes
    # (IN021)
    text, flows = flow_slips(text)
    out.problems.extend(Problem("IN021", s[2], s[0], s[1], s[3], s[4]) for s in flows)
    said = slips(text)
    if said:  # `members: ［a, b］`: said, and read as meant (IN020)
        text, mended, said = mend_brackets(text, said)
        out.problems.extend(Problem("IN020", s[2], s[0], s[1], s[3]) for s in mended)
    if said:  # IME slips: say each at its place, not where the parser gave up
        first, *rest = [Problem("IN001", s[2], s[0], s[1], s[3]) for s in said]
        out.problems.extend(rest)
        out.fatal = first
        return out
    make = loader or loader_class()  # a bad ORGSPEC_YAML_PARSER is a config error
    try:
        parser = make(text)
    except (UnicodeError, yaml.YAMLError) as exc:  # a lone surrogate, a control character
        out.fatal = _unreadable(text, exc)
        return out
    try:
        _Builder(out, limits or Limits(), text, clean, scalars).run(parser)
    except _Abort as stop:
        out.fatal = stop.problem
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem) and loader is not yaml.SafeLoader:
            # libyaml (PyYAML >= 6.0.4) refuses deep flow nesting while scanning ahead, before
            # our own depth limit sees an event; the pure parser streams, so the finding is
            # the same IN008 at the same place under either parser.
            if scalars is not None:
                scalars.clear()
            return parse(text, limits, yaml.SafeLoader, clean=clean, scalars=scalars)
        out.fatal = _long_key(exc, text, limits or Limits()) or _syntax_problem(exc, text)
    except ValueError:  # the pure scanner's chr() of an escape past U+10FFFF (`"\U0011FFFF"`)
        out.fatal = _syntax_problem(_bad_escape(text, parser.get_mark()), text)
    except yaml.YAMLError as exc:  # ReaderError and friends carry a position only
        out.fatal = Problem("IN001", M("YAML error: {detail}",
                                       detail=_words(_first_line(exc))), 1, 1)
    except RecursionError:
        out.fatal = Problem("IN008", M("document nests too deeply"), 1, 1)
    finally:
        parser.dispose()
    return out


def _unreadable(text: str, exc: Exception) -> Problem:
    """IN003 at the first character a YAML reader refused (`exc`): the loader's scan finds
    each first (`source.scan_forbidden`), but `parse` is given any text."""
    bad = scan_forbidden(text, most=1)
    if not bad:
        return Problem("IN001", M("YAML error: {detail}", detail=_words(_first_line(exc))), 1, 1)
    return Problem("IN003", M("file contains {what}", what=bad[0].describe()), bad[0].line,
                   bad[0].col, M("remove it; such characters hide text or move lines"))


def _words(detail: str, at: str = "") -> str:
    """`yamlwords.words`, imported on the first syntax error: its tables cost 3 ms a run."""
    from orgspec.load.yamlwords import words

    return words(detail, at)


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "problem", None) or getattr(exc, "reason", None) or type(exc).__name__
    return str(text).splitlines()[0][:200]


def _bad_escape(text: str, mark: Any) -> yaml.MarkedYAMLError:
    """The error libyaml gives for an escape past the last code point (`\\U0011FFFF`), for
    the pure parser stopped with its reader at `mark` (the escape's digits, where libyaml
    points), the value's opening quote as the context."""
    start = max(text.rfind('"', 0, mark.index), 0)
    line = text.count("\n", 0, start)
    opened = yaml.Mark(mark.name, start, line, start - text.rfind("\n", 0, start) - 1, None,
                       0)
    return yaml.scanner.ScannerError("while parsing a quoted scalar", opened,
                                     "found invalid Unicode character escape code", mark)


_KEY_END = lazy(r":(?=[ \t]|$)")


def _long_key(exc: yaml.MarkedYAMLError, text: str, limits: Limits) -> Problem | None:
    """IN008 for a key longer than YAML reads on one line (1,024 characters: the parser
    says it found no `:`, on the line with the key's `:`) and than the `limits`, as a key
    under YAML's length but over the limit is; else None."""
    if "could not find expected ':'" not in str(exc.problem) or exc.context_mark is None:
        return None
    start = exc.context_mark.index
    stop = text.find("\n", start)
    rest = text[start:stop if stop >= 0 else len(text)]
    colon = _KEY_END.search(rest)
    key = rest[:colon.start()].rstrip() if colon else ""
    if len(key) > 1 and key[0] in "'\"" and key[-1] == key[0]:
        key = key[1:-1]
    if len(key) <= limits.key_chars:
        return None
    line, col = LineIndex(text).position(start)
    return Problem("IN008", M("a key of {n} characters exceeds the limit of {limit}",
                              n=len(key), limit=limits.key_chars), line, col)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    # From the index, not mark.line: at the end of a stream libyaml counts a line that
    # the file does not have.
    index = LineIndex(text)
    line, col = index.position(mark.index) if mark else (1, 1)
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    # Never str(exc): the pure parser embeds a source snippet in it.
    message = str(exc.problem or "invalid YAML")
    if exc.context:
        message = f"{exc.context}: {message}"
    if exc.context_mark is not None and exc.context in ("while parsing a flow sequence",
                                                        "while parsing a flow mapping"):
        found = flow_comment(text, exc.context_mark.index, mark.index if mark else len(text))
        if found is not None:  # `[a, b #c]`: at the `#`, not on the line the parser gave up
            line, col = index.position(found[0])
            return Problem("IN001", found[1], line, col, found[2])
        unclosed = unclosed_flow(text, exc.context_mark.index, mark.index if mark else len(text))
        if unclosed is not None:  # `members: [a, b` then `mission:`: at the `[`
            line, col = index.position(exc.context_mark.index)
            return Problem("IN001", unclosed[0], line, col, unclosed[1])
        comma = missing_comma(text, exc.context_mark.index, mark.index) \
            if mark and "expected ','" in message else None
        if comma is not None:  # `{ref: d1 role: accountable}`: where the comma goes
            line, col = index.position(comma[0])
            return Problem("IN001", comma[1], line, col, comma[2])
        return _opened_at(_said(exc, text, index, message, line, col, at), text,
                          exc.context_mark.index, mark.index if mark else len(text), index)
    return _said(exc, text, index, message, line, col, at)


def _opened_at(problem: Problem, text: str, start: int, stop: int,
               index: LineIndex) -> Problem:
    """`problem`, where the parser gave up (at character `stop`) inside the `[` (or `{`)
    opened at character `start`, saying the line it was opened on and pointing there (a
    related location); at the end of the file, that it was never closed. As it is when on
    the bracket's line."""
    opener = text[start:start + 1]
    line, col = index.position(start)
    if opener not in ("[", "{") or problem.line == line:
        return problem
    closer = "]" if opener == "[" else "}"
    hint: str = problem.hint
    if not text[stop:].strip():  # the file ended
        last = len(text.rstrip().splitlines())
        message = M("the `{open}` opened on line {line} is never closed by `{close}`",
                    open=opener, line=line, close=closer)
        hint = M("end it with `{close}` after its last item (line {line})", close=closer,
                 line=last)
    else:
        message = M("{problem} (the `{open}` opened on line {line})", problem=problem.message,
                    open=opener, line=line)
    return Problem(problem.code, message, problem.line, problem.col, hint,
                   ((line, col, M("the `{open}` opened here", open=opener)),))


def _said(exc: yaml.MarkedYAMLError, text: str, index: LineIndex, message: str, line: int,
          col: int, at: str) -> Problem:
    """The syntax error the parser gave at `line`, `col` (`message`, read at character
    `at`) as a person would say it: the slips of typing (a glued dash, a tab ...) named."""
    glued = glued_dash(text, line) or (glued_dash(text, line - 1) if line > 1 else None)
    if glued is not None:  # `-kind: Team`: the parser gives up on the item's next field
        return Problem("IN001", glued[2], glued[0], glued[1], glued[3])
    # `name:产品部`: where the simple key began, else the line the parser gave up on or
    # the one above it
    began = [exc.context_mark.line + 1] if exc.context_mark is not None else []
    glued = glued_colon(text, [*began, line, line - 1])
    if glued is not None:
        return Problem("IN001", glued[2], glued[0], glued[1], glued[3])
    if "could not find expected ':'" in message and exc.context_mark:
        # `-han-mei` under `- xie-ying` or `members:`: a dash without its space
        glued = glued_item(text, exc.context_mark.line + 1)
        if glued is not None:
            return Problem("IN001", glued[2], glued[0], glued[1], glued[3])
    lost = lost_dash(message, text, line) or items_out_of_line(message, text, line)
    if lost is None and "could not find expected ':'" in message and exc.context_mark:
        # `xu-fang` under `- he-min`: read as a key without its colon
        lost = lost_item_dash(text, exc.context_mark.line + 1) or \
            lost_first_dash(text, exc.context_mark.line + 1)
    if lost is not None:  # `kind: Meeting` among `- kind: Meeting`: the one fix, a `- `
        return Problem("IN001", lost[2], lost[0], lost[1], lost[3])
    explained = explain(message, text, line)
    said = explained[:2] if explained is not None else None
    if explained is not None and explained[2] is not None:
        col = explained[2]  # the key's first character, however the parser saw it
    if said is None:
        said = plain(message, at)
        if said is not None and (at == "\t" or "tab character" in message):
            said = (said[0], tab_hint(text.splitlines(), line))
        if said is not None and "could not find expected ':'" in message and exc.context_mark:
            # the parser gives up a line later; the line without its colon is where the
            # simple key began
            line, col = index.position(exc.context_mark.index)
            said = full_hash(text.splitlines()[line - 1]) or said  # `＃ 备注`: no comment
    if said is not None:
        return Problem("IN001", said[0], line, col, said[1])
    return Problem("IN001", M("YAML syntax error: {detail}", detail=_words(message, at)), line, col)


_ScalarEvent = yaml.ScalarEvent
_MappingStart = yaml.MappingStartEvent
_MappingEnd = yaml.MappingEndEvent
_SequenceStart = yaml.SequenceStartEvent
_SequenceEnd = yaml.SequenceEndEvent


class _Frame:
    __slots__ = ("container", "discard", "flow", "is_map", "key", "key_mark", "slot", "table")

    def __init__(self, container: Any, table: Any, slot: tuple[Any, Any] | None,
                 flow: bool = False) -> None:
        self.container = container
        self.flow = flow  # written `[...]` or `{...}`: a comma ends an item
        self.table = table
        self.slot = slot  # (parent table, key or index) whose span ends with this container
        self.is_map = isinstance(container, dict)
        self.key: str | None = None
        self.key_mark: Any = None
        self.discard = False


class _Builder:
    """Turns the event stream into dicts/lists/strings with an explicit stack."""

    def __init__(self, out: Parsed, limits: Limits, text: str = "", clean: bool = False,
                 scalars: list[Mark4] | None = None) -> None:
        self.out = out
        self.scalars = scalars
        self.clean = clean
        self.limits = limits
        self.text = text
        self.lines: LineIndex | None = None
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.root: Any = None
        # a `#` right after a space and before a non-space somewhere: a plain value may be
        # cut by it (`name: 华东#1仓` reads whole; `name: 华东 #1仓` reads `华东`)
        self.cuts = _may_cut(text)

    def run(self, parser: Any) -> None:
        # The hot loop: scalars (most events) are attached inline, because a method call
        # per node costs as much as libyaml's own parsing of it.
        get = parser.get_event
        if self.scalars is not None:  # only for a file with a suppression comment
            get = _recording(get, self.scalars)
        stack = self.stack
        max_nodes, max_chars = self.limits.nodes, self.limits.scalar_chars
        max_key = self.limits.key_chars
        bad_value = MAYBE_FORBIDDEN_VALUE.search  # a superset: `self.bad_value` is exact
        # Only a double-quoted scalar can hold a character its text does not (an escape);
        # the others hold the text's characters, folded line breaks and spaces. In a clean
        # text they are not searched one by one.
        every = not self.clean
        text = self.text
        cuts = self.cuts
        top: _Frame | None = None  # stack[-1]: set again after each call that may change it
        map_entry, item_entry = _MAP_ENTRY, _ITEM_ENTRY
        while True:
            ev = get()
            cls = ev.__class__
            if cls is _ScalarEvent:
                if ev.anchor is not None or ev.tag is not None:
                    self.check_node(ev)
                self.nodes += 1
                value = ev.value
                if self.nodes > max_nodes or len(value) > max_chars:
                    self.check_scalar_limits(ev)
                style = ev.style
                if top is None:
                    self.attach(None if not style and value in NULLS else value, ev)
                elif top.is_map and top.key is None:
                    if (every or style == '"') and bad_value(value):
                        # a lone surrogate cannot reach any output
                        value = _SURROGATE.sub("\ufffd", value)
                    if len(value) > max_key or value in top.container:
                        self.key(top, value, ev)  # too long, or a duplicate
                        top = stack[-1]  # a missing `- ` starts a new item
                    else:
                        top.key, top.key_mark, top.discard = value, ev.start_mark, False
                else:
                    if (every or style == '"') and bad_value(value):
                        value = self.bad_value(ev)
                    if not style:
                        if top.flow:
                            if value[-1:].isdigit():
                                end = ev.end_mark.index  # it reads on only at a comma and a digit
                                if text[end:end + 1] == "," and text[end + 1:end + 2].isdigit():
                                    self.flow_comma(top, ev)
                        elif cuts:
                            self.cut_by_comment(top, ev, value)
                        node = None if value in NULLS else value
                    else:
                        node = value
                    s, e = ev.start_mark, ev.end_mark
                    if top.is_map:
                        glued = None
                        if not style and value[:1] == "-" and not top.flow and \
                                top.key in ID_LISTS:
                            glued = self.glued_items(ev, [])  # `-xie-ying`
                            node = glued or node
                        if not glued and s.line != e.line and not style and \
                                not top.discard and not top.flow and \
                                self.undashed_first(top, ev):
                            pass  # `members:` then `  a` and `  - b`: the items meant
                        elif not top.discard:
                            k, km = top.key, top.key_mark
                            top.container[k] = node
                            top.table.frombytes(map_entry(km.line, km.column, s.line,
                                                          s.column, e.line, e.column))
                        else:
                            self.drop(top, node)
                        top.key = None
                    elif s.line != e.line and not style and not top.flow and \
                            self.joined_items(top, ev):
                        pass  # `- a` then `   - b`: read as the two items meant
                    else:
                        top.container.append(node)
                        top.table.frombytes(item_entry(s.line, s.column, e.line, e.column))
            elif cls is _MappingStart or cls is _SequenceStart:
                self.start(ev, cls is _MappingStart)
                top = stack[-1]
            elif cls is _MappingEnd or cls is _SequenceEnd:
                self.end(ev)
                top = stack[-1] if stack else None
            elif cls is yaml.DocumentStartEvent:
                self.start_document(ev)
            elif cls is yaml.DocumentEndEvent:
                self.out.docs.append(self.root)
            elif cls is yaml.AliasEvent:
                raise _Abort(self.problem("IN005", M("aliases (*name) are not allowed"), ev))
            elif cls is yaml.StreamEndEvent:
                return

    def check_scalar_limits(self, ev: Any) -> None:
        if self.nodes > self.limits.nodes:
            raise _Abort(self.problem("IN008", M("more than {n} nodes", n=self.limits.nodes),
                                      ev))
        raise _Abort(self.problem(
            "IN008", M("a value of {n} characters exceeds the limit of {limit}",
                       n=len(ev.value), limit=self.limits.scalar_chars), ev))

    def bad_value(self, ev: Any) -> str:
        """One IN003 for a value holding a hidden character that its source text does not
        (an escape such as "\\u202e"); a literal one is the raw scan's finding, at its column.
        Joiners inside an emoji or a word are text. Returns the value with each lone
        surrogate ("\\ud800", which the pure parser accepts) as U+FFFD: such a string cannot
        be written as UTF-8, so no output could carry it."""
        value = ev.value
        raw = self.source_lines(ev.start_mark.line, ev.end_mark.line)
        for m in FORBIDDEN_VALUE.finditer(value):
            self.out.hidden = True  # every value that may hold one comes here (`run`)
            bad = m.group()
            if is_text_joiner(value, m.start()) or bad in raw:
                continue
            self.out.problems.append(self.problem(
                "IN003", M("value contains the control or invisible character U+{code:04X}",
                           code=ord(bad)),
                ev, M("remove escaped control characters such as \\e or \\u202e")))
            break
        return _SURROGATE.sub("\ufffd", value)

    def flow_comma(self, top: _Frame, ev: Any) -> None:
        """Stop at a comma between digits that ends a plain value inside `[...]`/`{...}`
        (`[NT$4,000 萬]`): YAML splits the number there, and every finding on the pieces
        (an unknown field `000 萬`, a KPI `000 萬`) would be about that one comma. The file
        fails with one IN015 at the comma; its meaning is never changed silently."""
        said = flow_comma(self.text, ev.end_mark.index, ev.value,
                          top.key if top.is_map else None)
        if said is not None:
            mark = ev.end_mark
            raise _Abort(Problem("IN015", said[0], mark.line + 1, mark.column + 1, said[1]))

    def cut_by_comment(self, top: _Frame, ev: Any, value: str) -> None:
        """One IN016 where a plain value is followed on its line by a comment whose `#`
        touches its first word (`name: 华东 #1仓`, `owner: #1组`): YAML ends the value at
        ` #`, so what was typed after it is lost silently. The value is kept as YAML reads
        it; a comment meant as one (`x  # note`) has a space after its `#`. Not inside
        `[...]` or `{...}`, where the comment takes the closing bracket with it and the file
        fails to parse (IN001) anyway. Also a comment as meant: one set apart by two spaces
        or a tab (`退款  #待补充`), or starting with a note word (`#备注: 新人`, `#TODO`)."""
        text, end = self.text, ev.end_mark.index
        at = end
        while text[at:at + 1] in (" ", "\t"):
            at += 1
        if (at == end and value) or text[at:at + 1] != "#" or _NOT_CUT.match(text, at):
            return
        if value and (at - end >= 2 or "\t" in text[end:at]):
            return  # `处理退款  #待补充`: a gap wider than one space sets a comment apart
        stop = text.find("\n", at)
        comment = text[at:stop if stop >= 0 else len(text)]
        comment = _NEXT_COMMENT.split(comment, 1)[0].rstrip()  # `#1仓  # 备注`: `#1仓`
        whole = (value + text[end:at] + comment) if value else comment
        key = top.key if top.is_map else None
        said = M("YAML reads {comment!r} as a comment (a `#` after a space starts one), so "
                 "the value is {value!r}", comment=comment, value=value) if value else \
            M("YAML reads {comment!r} as a comment (a `#` after a space starts one), so "
              "the value is empty", comment=comment)
        fix = f"{key}: {_quoted(whole)}" if key is not None else _quoted(whole)
        line, col = self.position(at)
        self.out.problems.append(Problem(
            "IN016", said, line, col,
            M("quote the whole value: `{fix}`; a comment has a space after its `#`", fix=fix)))

    def joined_items(self, top: _Frame, ev: Any) -> bool:
        """A list item followed by a line `- b` indented deeper than its own `-`
        (`  - a` then `   - b`): YAML reads the two as one item's text, `a - b`. One IN017
        at each such line, and the items read as meant, so that nothing refers to an
        `a - b` that nobody wrote. False (nothing said) when no such line continues it."""
        s, e = ev.start_mark, ev.end_mark
        lines = self.text[s.index:e.index].split("\n")
        dash = self.source_lines(s.line, s.line)[:s.column].rstrip().rfind("-")
        if self.undashed_items(top, ev, lines):
            return True
        if all(GLUED_ITEM.match(line) for line in lines[1:]) and self.in_id_list(top) and \
                self.glued_items(ev, top.container, top.table) is not None:
            return True  # `- xie-ying` then `  -han-mei`
        pieces: list[tuple[int, int, str]] = [(s.line, s.column, lines[0].strip())]
        said: list[Problem] = []
        for offset, line in enumerate(lines[1:], 1):
            text = line.strip()
            if not text.startswith("- ") or dash < 0:
                if not text:
                    return False  # a blank line folds to a line break: not this slip
                pieces[-1] = (*pieces[-1][:2], f"{pieces[-1][2]} {text}")
                continue
            number, indent = s.line + offset, len(line) - len(line.lstrip(" "))
            item = text[2:].strip()
            said.append(Problem(
                "IN017", M("`- {item}` is indented {mine} spaces; the item above it uses "
                           "{theirs}, so YAML reads it as part of that item: {value!r}",
                           item=item, mine=indent, theirs=dash, value=ev.value),
                number + 1, indent + 1,
                M("indent `- {item}` by {theirs} spaces, like the item above it", item=item,
                  theirs=dash)))
            pieces.append((number, indent + 2 + len(text[2:]) - len(text[2:].lstrip()), item))
        if not said or " ".join(line.strip() for line in lines) != ev.value:
            return False
        self.out.problems.extend(said)
        for number, col, item in pieces:
            top.container.append(item)
            top.table.frombytes(_ITEM_ENTRY(number, col, number, col + len(item)))
        return True

    def in_id_list(self, top: _Frame) -> bool:
        """Whether the list `top` is the value of a field that lists ids."""
        parent = self.stack[-2] if len(self.stack) > 1 else None
        return parent is not None and parent.is_map and \
            next((k for k, v in parent.container.items() if v is top.container),
                 None) in ID_LISTS

    def glued_items(self, ev: Any, into: list[Any],
                    table: array[int] | None = None) -> list[Any] | None:
        """A plain scalar of a field that lists ids whose lines are items with no space
        after their `-` (`members:` then `-xie-ying`, `-han-mei`; or `- xie-ying` then
        `  -han-mei`): YAML reads one text, `-xie-ying -han-mei`. One IN017 at the first
        `-` without its space, the hint the lines written right, and the items read as
        meant: appended to `into` (a new list when `table` is None, whose table is made
        here). None (nothing said) when the scalar is not so written."""
        s, e = ev.start_mark, ev.end_mark
        lines = self.text[s.index:e.index].split("\n")
        if " ".join(line.strip() for line in lines) != ev.value:
            return None
        head = self.source_lines(s.line, s.line)[:s.column]
        items: list[tuple[int, int, str]] = []
        glued: list[str] = []
        for offset, line in enumerate(lines):
            full = head + line if offset == 0 else line
            m = GLUED_ITEM.match(full)
            if m is not None:
                col = len(m.group("indent")) + 1
                items.append((s.line + offset, col, m.group("item")))
                glued.append(m.group("item"))
            elif offset == 0 and table is not None and len(line.split()) == 1:
                items.append((s.line, s.column, line.strip()))  # `- xie-ying`: its item
            else:
                return None
        if not glued:
            return None
        first = next(item for item in items if item[2] == glued[0])
        self.out.problems.append(Problem(
            "IN017", M("`-{item}` has no space after the `-`, so YAML reads it as text "
                       "({value!r}), not as a list item", item=glued[0], value=ev.value),
            first[0] + 1, first[1],
            glued_item_hint([item[2] for item in items])))
        if table is None:
            table = array("i")
            self.out.tables[id(into)] = table
        for number, col, item in items:
            into.append(item)
            table.frombytes(_ITEM_ENTRY(number, col, number, col + len(item)))
        return into

    def undashed_items(self, top: _Frame, ev: Any, lines: list[str]) -> bool:
        """An item of a list of ids followed by lines of one word each, indented under it
        without a `- ` (`    - he-min` then `      xu-fang`): YAML folds them into one item,
        `he-min xu-fang`. One IN017 at the first such line, and the items read as meant.
        Only in a field that lists ids: elsewhere (a KPI, a note) a long item may go on
        over lines."""
        words = [line.strip() for line in lines]
        if len(words) < 2 or any(not w or len(w.split()) != 1 or w.startswith(("-", "#"))
                                 for w in words) or " ".join(words) != ev.value:
            return False
        parent = self.stack[-2] if len(self.stack) > 1 else None
        if parent is None or not parent.is_map or \
                next((k for k, v in parent.container.items() if v is top.container),
                     None) not in ID_LISTS:
            return False
        s = ev.start_mark
        first = s.line + 1
        line = lines[1]
        indent = len(line) - len(line.lstrip(" "))
        self.out.problems.append(Problem(
            "IN017", M("`{item}` has no `- ` of its own, so YAML reads it as part of the item "
                       "above: {value!r}", item=", ".join(words[1:]), value=ev.value),
            first + 1, indent + 1,
            M("write one item per line, each starting with `- `: {items}",
              items=" / ".join(f"`- {w}`" for w in words))))
        for offset, word in enumerate(words):
            number = s.line + offset
            col = s.column if offset == 0 else \
                len(lines[offset]) - len(lines[offset].lstrip(" "))
            top.container.append(word)
            top.table.frombytes(_ITEM_ENTRY(number, col, number, col + len(word)))
        return True

    def undashed_first(self, top: _Frame, ev: Any) -> bool:
        """A list of ids whose first item lost its `- ` (`members:`, then `    liu-yang` and
        `    - he-min` below it): YAML reads the lines as one text, `liu-yang - he-min`. One
        IN017 at the first item, and the items read as meant, so that nothing refers to a
        text nobody wrote. Only in a field that lists ids, the text starting on a line of
        its own, one word a line; False (nothing said) otherwise."""
        s, e = ev.start_mark, ev.end_mark
        key, mark = top.key, top.key_mark
        if key not in ID_LISTS or mark is None or s.line == mark.line:
            return False
        lines = self.text[s.index:e.index].split("\n")
        words = [line.strip() for line in lines]
        first = words[0]
        items = [w[2:].strip() for w in words[1:]]
        columns = {len(line) - len(line.lstrip(" ")) for line in lines[1:]}
        if len(first.split()) != 1 or first.startswith(("-", "#")) or \
                not all(w.startswith("- ") for w in words[1:]) or \
                any(len(i.split()) != 1 or i.startswith(("-", "#")) for i in items) or \
                len(columns) != 1 or min(columns) < s.column or \
                " ".join(words) != ev.value:
            return False
        self.out.problems.append(Problem(
            "IN017", M("`{item}` seems to miss its `- `: the other items of the list start "
                       "with `- `, so YAML reads the list as one item: {value!r}",
                       item=first, value=ev.value),
            s.line + 1, s.column + 1,
            M("start it with `- `, like the items below: `- {item}`", item=first)))
        container: list[str] = []
        table = array("i")
        self.out.tables[id(container)] = table
        top.container[key] = container
        top.table.frombytes(_MAP_ENTRY(mark.line, mark.column, s.line, s.column, e.line,
                                       e.column))
        top.key = None
        for offset, (line, word) in enumerate(zip(lines, [first, *items], strict=True)):
            number = s.line + offset
            col = s.column if offset == 0 else len(line) - len(line.lstrip(" ")) + \
                line.strip().index(word)
            container.append(word)
            table.frombytes(_ITEM_ENTRY(number, col, number, col + len(word)))
        return True

    def position(self, index: int) -> tuple[int, int]:
        """The 1-based line and column of character `index` of the text."""
        if self.lines is None:
            self.lines = LineIndex(self.text)
        return self.lines.position(index)

    def source_lines(self, first: int, last: int) -> str:
        """The raw text of lines `first`..`last` (0-based), for telling escapes from literals."""
        if self.lines is None:
            self.lines = LineIndex(self.text)
        starts = self.lines.starts
        end = starts[last + 1] if last + 1 < len(starts) else len(self.text)
        return self.text[starts[min(first, len(starts) - 1)]:end]

    def problem(self, code: str, message: str, ev: Any, hint: str = "") -> Problem:
        mark = ev.start_mark
        return Problem(code, message, mark.line + 1, mark.column + 1, hint)

    def start_document(self, ev: Any) -> None:
        if getattr(ev, "version", None) or getattr(ev, "tags", None):
            raise _Abort(self.problem("IN001", M("%YAML and %TAG directives are not supported"),
                                      ev))
        self.root = None

    def check_node(self, ev: Any) -> None:
        if ev.anchor is not None:
            raise _Abort(self.problem("IN005", M("anchors (&{anchor}) are not allowed",
                                                 anchor=ev.anchor), ev,
                                      M("repeat the value instead of using an anchor")))
        if ev.tag is not None:
            raise _Abort(self.problem("IN006", M("explicit tags ({tag}) are not allowed",
                                                 tag=ev.tag), ev,
                                      M("quote the value instead of tagging it")))
        self.nodes += 1
        if self.nodes > self.limits.nodes:
            raise _Abort(self.problem("IN008", M("more than {n} nodes", n=self.limits.nodes),
                                      ev))

    def key(self, top: _Frame, value: str, ev: Any) -> None:
        if len(value) > self.limits.key_chars:
            raise _Abort(self.problem("IN008", M("a key of {n} characters exceeds the limit "
                                                 "of {limit}", n=len(value),
                                                 limit=self.limits.key_chars), ev))
        if self.missing_dash(top, value, ev):
            return
        top.key, top.key_mark = value, ev.start_mark
        top.discard = value in top.container
        if top.discard:
            first = self.out.entry(top.container, top.table, value)[0] + 1
            self.out.problems.append(self.problem(
                "IN004", M("duplicate key {key!r} (first defined at line {first})", key=value,
                           first=first), ev,
                M("YAML keeps only one of the two values; remove or rename one")))

    def drop(self, top: _Frame, node: Any, key: Any = None) -> None:
        """Keep the value of a duplicate key that is not read (a container is filled in
        later), so the findings that its ids would change are held back."""
        name = top.key if key is None else key
        if isinstance(name, str):
            self.out.dropped.setdefault(id(top.container), {})[name] = node
            first = top.container.get(name)
            if top.key_mark is None:
                return
            if isinstance(node, list) and isinstance(first, list):
                self.merge_lists_hint(name, top.key_mark.line + 1)
            elif name in ID_LISTS and _plain_item(first) and _plain_item(node):
                self.one_list_hint(name, top.key_mark.line + 1, [first, node])

    def one_list_hint(self, key: str, line: int, values: list[str]) -> None:
        """IN004's hint on a key written twice with one plain value each (`responsible: cs`,
        then `responsible: amy`): both are likely meant, so show them as one list."""
        problems = self.out.problems
        for at in range(len(problems) - 1, -1, -1):
            if problems[at].code == "IN004" and problems[at].line == line:
                from dataclasses import replace

                problems[at] = replace(problems[at], hint=M(
                    "YAML keeps only one of the two values: if both are meant, write them "
                    "as one list, `{key}: [{items}]`, and delete this line; if not, delete "
                    "the wrong one", key=key, items=", ".join(values)))
                return

    def merge_lists_hint(self, key: str, line: int) -> None:
        """IN004's hint on a key whose two values are lists (`attendees:` twice, the second
        at `line`): the items are meant together, so merge them rather than remove one."""
        problems = self.out.problems
        for at in range(len(problems) - 1, -1, -1):
            if problems[at].code == "IN004" and problems[at].line == line:
                from dataclasses import replace

                problems[at] = replace(problems[at], hint=M(
                    "both are lists, and YAML keeps only one: move the items of this `{key}` "
                    "into the first one, then delete this one", key=key))
                return

    def missing_dash(self, top: _Frame, value: str, ev: Any) -> bool:
        """A list item's first field (`kind` or `id`) written again at the column of the
        item's fields: a new item whose `- ` is missing (`  kind: Team` under the item
        above). One IN004 at it, and the item read as the new one meant, so that the keys
        that follow are neither duplicates nor lost (and nothing that names the item is
        unknown)."""
        parent = self.stack[-2] if len(self.stack) > 1 else None
        if value not in ("kind", "id") or top.flow or parent is None or parent.is_map or \
                parent.flow or next(iter(top.container), None) != value or \
                self.out.entry(top.container, top.table, value)[1] != ev.start_mark.column:
            return False
        mark = ev.start_mark
        written = self.source_lines(mark.line, mark.line).strip()
        self.out.problems.append(self.problem(
            "IN004", M("line {line} looks like a missing `- `: `{key}` repeats the first "
                       "field of the item above (line {first}), so YAML would merge the two "
                       "items", line=mark.line + 1, key=value,
                       first=self.out.entry(top.container, top.table, value)[0] + 1), ev,
            M("start the new item with `- `: `- {text}`", text=written)))
        self.stack.pop()
        if top.slot is not None:
            table, end = top.slot
            table[end], table[end + 1] = mark.line, mark.column
        container: dict[str, Any] = {}
        self.out.tables[id(container)] = table = array("i")
        parent.container.append(container)
        parent.table.frombytes(_ITEM_ENTRY(mark.line, mark.column, mark.line, mark.column))
        frame = _Frame(container, table, (parent.table, len(parent.table) - 2))
        frame.key, frame.key_mark = value, mark
        self.stack.append(frame)
        return True

    def attach(self, node: Any, ev: Any) -> tuple[Any, Any] | None:
        """Put a node into its parent (or make it the document root); return its slot."""
        s, e = ev.start_mark, ev.end_mark
        top = self.stack[-1] if self.stack else None
        if top is None:
            self.root = node
            self.out.roots.append((s.line, s.column, e.line, e.column))
            return None
        if not top.is_map:
            top.table.frombytes(_ITEM_ENTRY(s.line, s.column, e.line, e.column))
            top.container.append(node)
            return (top.table, len(top.table) - 2)
        k, km = top.key, top.key_mark
        top.key = None
        if top.discard:
            self.drop(top, node, k)
            return None
        top.container[k] = node
        top.table.frombytes(_MAP_ENTRY(km.line, km.column, s.line, s.column, e.line, e.column))
        return (top.table, len(top.table) - 2)

    def start(self, ev: Any, is_map: bool) -> None:
        # `check_node` and `attach` inline for the common case (a container inside another,
        # nothing refused): three method calls per container cost as much as its events
        if ev.anchor is not None or ev.tag is not None or self.nodes >= self.limits.nodes:
            self.check_node(ev)  # raises
        self.nodes += 1
        stack = self.stack
        top = stack[-1] if stack else None
        if top is not None and top.is_map and top.key is None:
            raise _Abort(self.problem("IN007", M("mapping keys must be plain strings"), ev,
                                      M("complex keys (? [a, b]) are not part of the org "
                                        "format")))
        if len(stack) >= self.limits.depth:
            raise _Abort(self.problem("IN008", M("nesting deeper than {n} levels",
                                                   n=self.limits.depth),
                                      ev))
        container: Any = {} if is_map else []
        table = array("i")
        self.out.tables[id(container)] = table
        slot: tuple[Any, Any] | None
        if top is None or (top.is_map and top.discard):
            slot = self.attach(container, ev)
        elif top.is_map:
            k, km = top.key, top.key_mark
            s, e = ev.start_mark, ev.end_mark
            top.key = None
            top.container[k] = container
            top.table.frombytes(_MAP_ENTRY(km.line, km.column, s.line, s.column, e.line,
                                           e.column))
            slot = (top.table, len(top.table) - 2)
        else:
            s, e = ev.start_mark, ev.end_mark
            top.table.frombytes(_ITEM_ENTRY(s.line, s.column, e.line, e.column))
            top.container.append(container)
            slot = (top.table, len(top.table) - 2)
        stack.append(_Frame(container, table, slot, bool(ev.flow_style)))

    def end(self, ev: Any) -> None:
        frame = self.stack.pop()
        e = ev.end_mark
        if frame.slot is None:
            if not self.stack and self.out.roots:
                self.out.roots[-1] = (*self.out.roots[-1][:2], e.line, e.column)
            return
        table, end = frame.slot
        table[end], table[end + 1] = e.line, e.column


def _recording(get: Any, into: list[Mark4]) -> Any:
    """`get` (a parser's `get_event`), putting each scalar's span into `into` as it goes."""
    def recorded() -> Any:
        ev = get()
        if ev.__class__ is _ScalarEvent:
            s: Any = ev.start_mark
            e: Any = ev.end_mark
            into.append((s.line, s.column, e.line, e.column))
        return ev

    return recorded


def _pack(table: array[int]) -> tuple[str, bytes]:
    """A position table as one run of integers (6 per mapping key, 4 per list item, in
    the container's order): its array type code and bytes."""
    return table.typecode, table.tobytes()


def _unpack(code: str, data: bytes) -> array[int]:
    flat = array(code)
    flat.frombytes(data)
    return flat


def _width(node: Any) -> int:
    return MAP_WIDTH if isinstance(node, dict) else ITEM_WIDTH


class _Packed(dict[int, Any]):
    """`Parsed.tables` read back from the cache: id(container) -> table, each unpacked on
    first use (`get`, `[]`, `in`; nothing iterates the tables)."""

    def __init__(self, pairs: list[tuple[Any, tuple[str, bytes]]]) -> None:
        """Raises ValueError for a table that does not fit its container (a damaged
        entry: the cache then reads it as a miss)."""
        super().__init__()
        self._packed = {id(node): (node, packed) for node, packed in pairs}
        for node, (code, data) in self._packed.values():
            if code not in ("i", "q") or not isinstance(node, dict | list) or \
                    len(data) != len(node) * _width(node) * (4 if code == "i" else 8):
                raise ValueError("a packed position table does not fit its container")

    def _load(self, key: int) -> bool:
        found = self._packed.pop(key, None)
        if found is None:
            return False
        _, (code, data) = found
        self[key] = _unpack(code, data)
        return True

    def get(self, key: int, default: Any = None) -> Any:
        if not dict.__contains__(self, key) and not self._load(key):
            return default
        return dict.__getitem__(self, key)

    def __getitem__(self, key: int) -> Any:
        if not dict.__contains__(self, key):
            self._load(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, int) and self._load(key))


# The fields that take a list of ids in every kind that has them (the models': a test
# holds the two together); `accountable` takes one, so two of it are no list to make.
ID_LISTS = frozenset(("aliases", "attendees", "channels", "consulted", "duties", "holders",
                      "informed", "inputs", "members", "next", "outputs", "responsibilities",
                      "responsible", "roles", "trackers"))


def _plain_item(value: object) -> bool:
    """A value that reads back as itself as an item of `[a, b]`: a short text with no
    character YAML's flow lists or comments give a meaning to."""
    return isinstance(value, str) and 0 < len(value) <= 60 and value == value.strip() and \
        not any(c in value for c in ",[]{}#:&*!|>'\"%@`") and value[:1] not in "-?"
