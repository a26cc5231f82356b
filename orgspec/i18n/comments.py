"""The prose comments of the rule examples (rules/examples/*/*.yaml), which `explain` shows
in the reader's language: the catalog's msgids (context "example", extracted by `build`) and
their places in an example's text.

A comment is prose unless it is a directive: `# orgspec: ...` (a suppression the example
shows), `# rule-options: ...` (the options the tests run it with) or `# expect: ...` (the
test markers, stripped before showing). Consecutive full-line comments at one indent are one
message, their lines joined with spaces; a comment after a value is a message of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

CONTEXT = "example"
_FULL = re.compile(r"^(?P<indent>[ \t]*)#[ \t]?(?P<text>.*)$")
_DIRECTIVE = re.compile(r"^(?:orgspec\s*[:：]|rule-options:|expect:)")  # ： as a typo shows
_EXPECT = re.compile(r"[ \t]*#[ \t]*expect:[^\n]*", re.MULTILINE)


def without_markers(text: str) -> str:
    """An example's text without the test suite's `# expect: CODE` markers (they say which
    lines the tests expect findings on)."""
    return _EXPECT.sub("", text)


@dataclass(frozen=True)
class Comment:
    """A prose comment: lines `first`..`last` (0-based, inclusive) of the example; `indent`
    for a full-line block, or `code` (the line before `  # `) for a comment after a value."""

    first: int
    last: int
    text: str
    indent: str = ""
    code: str | None = None


def _trailing(line: str) -> tuple[str, str] | None:
    """(code, comment) when `line` ends with ` # comment` outside quotes."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and i and line[i - 1] in " \t" and line[:i].strip():
            return line[:i].rstrip(), line[i + 1:].strip()
    return None


def prose_comments(text: str) -> Iterator[Comment]:
    """The prose comments of an example's text, in order."""
    lines = without_markers(text).splitlines()
    i = 0
    while i < len(lines):
        full = _FULL.match(lines[i])
        if full:
            indent, body = full["indent"], [full["text"].strip()]
            j = i
            while j + 1 < len(lines):
                more = _FULL.match(lines[j + 1])
                if not more or more["indent"] != indent or _DIRECTIVE.match(more["text"]):
                    break
                body.append(more["text"].strip())
                j += 1
            if not _DIRECTIVE.match(body[0]):
                yield Comment(i, j, " ".join(b for b in body if b), indent=indent)
            i = j + 1
            continue
        tail = _trailing(lines[i])
        if tail and not _DIRECTIVE.match(tail[1]):
            yield Comment(i, i, tail[1], code=tail[0])
        i += 1


def translate(text: str, say: Callable[[str], str]) -> str:
    """`text` (without markers) with each prose comment replaced by `say(comment)`, one line
    each (a comment that was said in several lines becomes one: a translation wraps
    differently)."""
    text = without_markers(text)
    lines = text.splitlines()
    out: list[str] = []
    at = 0
    for c in prose_comments(text):
        out += lines[at:c.first]
        said = say(c.text)
        out.append(f"{c.code}  # {said}" if c.code is not None else f"{c.indent}# {said}")
        at = c.last + 1
    out += lines[at:]
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")
