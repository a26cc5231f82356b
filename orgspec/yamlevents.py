"""Plain data from PyYAML parser events, iteratively, with limits and a position for every node.

Why not `yaml.safe_load`: it guesses types the YAML 1.1 way (`NO` -> False, `0755` -> 493,
`12:30` -> 750), drops duplicate keys silently, expands alias bombs, raises exceptions that
are not `YAMLError` on 6-byte inputs, and its C composer segfaults on deep nesting.
Here every scalar stays a string (plain `null`/`~`/empty become None) and the models type
it; anchors, aliases, tags, directives and complex keys are refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml

from orgspec.source import FORBIDDEN_VALUE, LineIndex

Path = tuple[Any, ...]
Span = tuple[int, int, int, int]
NULLS = frozenset(("", "~", "null", "Null", "NULL"))


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


@dataclass
class Parsed:
    """A file's documents as plain data, plus the span of every value and key position."""

    docs: list[Any] = field(default_factory=list)
    values: dict[Path, Span] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    fatal: Problem | None = None


class _Abort(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def loader_class() -> type:
    """The C parser when PyYAML has libyaml, unless ORGSPEC_YAML_PARSER=pure."""
    wanted = os.environ.get("ORGSPEC_YAML_PARSER", "c")
    if wanted != "pure" and getattr(yaml, "__with_libyaml__", False):
        return yaml.CSafeLoader
    return yaml.SafeLoader


def parse(text: str, limits: Limits | None = None) -> Parsed:
    """Parse every document in `text`; problems are returned, never raised."""
    out = Parsed()
    parser = loader_class()(text)
    try:
        _Builder(out, limits or Limits()).run(parser)
    except _Abort as stop:
        out.fatal = stop.problem
    except yaml.MarkedYAMLError as exc:
        out.fatal = _syntax_problem(exc, text)
    except yaml.YAMLError as exc:  # ReaderError and friends carry a position only
        out.fatal = Problem("IN001", f"YAML error: {_first_line(exc)}", 1, 1)
    except RecursionError:
        out.fatal = Problem("IN008", "document nests too deeply", 1, 1)
    finally:
        parser.dispose()
    return out


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "problem", None) or getattr(exc, "reason", None) or type(exc).__name__
    return str(text).splitlines()[0][:200]


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    # From the index, not mark.line: at the end of a stream libyaml counts a line that
    # the file does not have.
    line, col = LineIndex(text).position(mark.index) if mark else (1, 1)
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    # Never str(exc): the pure parser embeds a source snippet in it.
    message = str(exc.problem or "invalid YAML")
    if exc.context:
        message = f"{exc.context}: {message}"
    hint = ""
    if at == "\t" or "tab" in message.lower():
        hint = "YAML indentation must use spaces, not tabs"
    elif "cannot start any token" in message:
        hint = "quote values that start with @, ` or %"
    return Problem("IN001", f"YAML syntax error: {message}", line, col, hint)


_ScalarEvent = yaml.ScalarEvent
_MappingStart = yaml.MappingStartEvent
_MappingEnd = yaml.MappingEndEvent
_SequenceStart = yaml.SequenceStartEvent
_SequenceEnd = yaml.SequenceEndEvent


class _Frame:
    __slots__ = ("container", "discard", "is_map", "key", "path")

    def __init__(self, container: Any, path: Path, discard: bool) -> None:
        self.container = container
        self.path = path
        self.is_map = isinstance(container, dict)
        self.key: str | None = None
        self.discard = discard


class _Builder:
    """Turns the event stream into dicts/lists/strings with an explicit stack."""

    def __init__(self, out: Parsed, limits: Limits) -> None:
        self.out = out
        self.limits = limits
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.doc = -1
        self.root: Any = None

    def run(self, parser: Any) -> None:
        # The hot loop: scalars (most events) are attached inline, because a method call
        # per node costs as much as libyaml's own parsing of it.
        get = parser.get_event
        values, stack = self.out.values, self.stack
        max_nodes, max_chars = self.limits.nodes, self.limits.scalar_chars
        bad_value = FORBIDDEN_VALUE.search
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
                top = stack[-1] if stack else None
                if top is None or not top.is_map or top.key is not None:
                    if bad_value(value):
                        self.bad_value(ev)
                    node = None if not ev.style and value in NULLS else value
                    if top is not None and not top.discard:
                        s, e = ev.start_mark, ev.end_mark
                        if top.is_map:
                            top.container[top.key] = node
                            path = (*top.path, top.key)
                            top.key = None
                        else:
                            path = (*top.path, len(top.container))
                            top.container.append(node)
                        values[path] = (s.line + 1, s.column + 1, e.line + 1, e.column + 1)
                    else:
                        self.attach(node, ev)
                else:
                    self.key(top, value, ev)
            elif cls is _MappingStart or cls is _SequenceStart:
                self.start(ev, {} if cls is _MappingStart else [])
            elif cls is _MappingEnd or cls is _SequenceEnd:
                self.end(ev)
            elif cls is yaml.DocumentStartEvent:
                self.start_document(ev)
            elif cls is yaml.DocumentEndEvent:
                self.out.docs.append(self.root)
            elif cls is yaml.AliasEvent:
                raise _Abort(self.problem("IN005", "aliases (*name) are not allowed", ev))
            elif cls is yaml.StreamEndEvent:
                return

    def check_scalar_limits(self, ev: Any) -> None:
        if self.nodes > self.limits.nodes:
            raise _Abort(self.problem("IN008", f"more than {self.limits.nodes} nodes", ev))
        raise _Abort(self.problem(
            "IN008", f"a value of {len(ev.value)} characters exceeds the limit of "
            f"{self.limits.scalar_chars}", ev))

    def bad_value(self, ev: Any) -> None:
        bad = FORBIDDEN_VALUE.search(ev.value).group()  # type: ignore[union-attr]
        self.out.problems.append(self.problem(
            "IN003", f"value contains the control or invisible character U+{ord(bad):04X}",
            ev, "remove escaped control characters such as \\e or \\u202e"))

    def problem(self, code: str, message: str, ev: Any, hint: str = "") -> Problem:
        mark = ev.start_mark
        return Problem(code, message, mark.line + 1, mark.column + 1, hint)

    def start_document(self, ev: Any) -> None:
        if getattr(ev, "version", None) or getattr(ev, "tags", None):
            raise _Abort(self.problem("IN001", "%YAML and %TAG directives are not supported", ev))
        self.doc += 1
        self.root = None

    def check_node(self, ev: Any) -> None:
        if ev.anchor is not None:
            raise _Abort(self.problem("IN005", f"anchors (&{ev.anchor}) are not allowed", ev,
                                      "repeat the value instead of using an anchor"))
        if ev.tag is not None:
            raise _Abort(self.problem("IN006", f"explicit tags ({ev.tag}) are not allowed", ev,
                                      "quote the value instead of tagging it"))
        self.nodes += 1
        if self.nodes > self.limits.nodes:
            raise _Abort(self.problem("IN008", f"more than {self.limits.nodes} nodes", ev))

    def key(self, top: _Frame, value: str, ev: Any) -> None:
        if len(value) > self.limits.key_chars:
            raise _Abort(self.problem("IN008", f"a key of {len(value)} characters exceeds the "
                                      f"limit of {self.limits.key_chars}", ev))
        path = (*top.path, value)
        first = self.out.keys.get(path) if value in top.container else None
        top.key = value
        top.discard = first is not None
        if first is not None:
            self.out.problems.append(self.problem(
                "IN004", f"duplicate key {value!r} (first defined at line {first[0]})", ev,
                "YAML keeps only one of the two values; remove or rename one"))
            return
        mark = ev.start_mark
        self.out.keys[path] = (mark.line + 1, mark.column + 1)

    def attach(self, node: Any, ev: Any) -> Path:
        s, e = ev.start_mark, ev.end_mark
        top = self.stack[-1] if self.stack else None
        if top is None:
            self.root = node
            path: Path = (self.doc,)
        elif top.is_map:
            path = (*top.path, top.key)
            if top.discard:
                path = (*top.path, f"\0dup:{s.line}:{s.column}")
            else:
                top.container[top.key] = node
            top.key = None
            top.discard = False
        else:
            path = (*top.path, len(top.container))
            top.container.append(node)
        self.out.values[path] = (s.line + 1, s.column + 1, e.line + 1, e.column + 1)
        return path

    def start(self, ev: Any, container: dict[str, Any] | list[Any]) -> None:
        self.check_node(ev)
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map and top.key is None:
            raise _Abort(self.problem("IN007", "mapping keys must be plain strings", ev,
                                      "complex keys (? [a, b]) are not part of the org format"))
        if len(self.stack) >= self.limits.depth:
            raise _Abort(self.problem("IN008", f"nesting deeper than {self.limits.depth} levels",
                                      ev))
        path = self.attach(container, ev)
        self.stack.append(_Frame(container, path, discard=False))

    def end(self, ev: Any) -> None:
        frame = self.stack.pop()
        start = self.out.values[frame.path]
        e = ev.end_mark
        self.out.values[frame.path] = (start[0], start[1], e.line + 1, e.column + 1)
