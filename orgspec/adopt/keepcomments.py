"""Carry the comments a user wrote in an imported file into its re-imported text.

Lines only, no YAML rewritten: each comment is tied to the line it stands on (a comment at
the end of a line) or to the next line that says something (a comment on a line of its
own), named by that line's text and the entity (`id:`) it is in. Where the new text has
that line exactly once in that entity, the comment goes there as the user wrote it; else
it is lost, and named (line, column, text) for the user to copy by hand. The header
comment the import writes is the import's, not the user's: it is not carried.
"""

from __future__ import annotations

import re

from orgspec.adopt.keeporder import keep_order, without_header
from orgspec.adopt.keepstyle import keep_style
from orgspec.load.yamlcomments import comment_starts

_ENTITY = re.compile(r"-\s")  # at column 0: a new entity of the file's list
_ID = re.compile(r"^(?:-|\s)\s*id:\s*(.*?)\s*$")

Lost = tuple[int, int, str]  # 1-based line, 1-based column, the comment


def _entities(lines: list[str], code: list[str | None]) -> list[str]:
    """Each line's entity: the `id:` value of the list item it is in ('' before any)."""
    owner: list[str] = []
    starts = [i for i, line in enumerate(lines) if code[i] and _ENTITY.match(line)]
    spans = zip([0, *starts], [*starts, len(lines)], strict=True)  # not a list a span: O(n)
    for at, (start, stop) in enumerate(spans):
        name = ""
        if at:  # the lines before the first entity belong to none
            for body in code[start:stop]:  # without its comment: `id: ada  # 工号 1024`
                found = _ID.match(body or "")
                if found:
                    name = found.group(1)
                    break
        owner.extend([name] * (stop - start))
    return owner


def _split(text: str) -> tuple[list[str], list[str | None], list[str]] | None:
    """Lines, each one's code (None: blank or only a comment) and its comment ('')."""
    starts = comment_starts(text)
    if starts is None:
        return None
    lines = text.split("\n")
    code: list[str | None] = []
    said: list[str] = []
    for number, line in enumerate(lines):
        col = starts.get(number)
        body = (line if col is None else line[:col]).rstrip()
        code.append(body or None)
        said.append("" if col is None else line[len(body):] if body else line)
    return lines, code, said


def carry(now: bytes, new: bytes, headers: frozenset[str] = frozenset()
          ) -> tuple[bytes, list[Lost]]:
    """`new` with the comments of `now` (the user's file) carried over, and the comments
    that found no place: (line, column, comment text), in file order. First, the user's
    lines stand for each entity or field whose value `new` keeps (`keepstyle.keep_style`:
    a list written `[a, b]` stays so), so a comment on such a line finds its place; the
    entities `now` holds keep its order, and a `now` without the import's header does
    not gain one (`keeporder`). The
    comment lines that open `now` and are `new`'s or in `headers` (the import's header in
    every language: one written in another) are the import's, not carried. A text that
    does not scan as YAML carries nothing (none is named: its comments are not known). A
    `now` saved with a BOM or CRLF line ends (an editor on Windows) is read without them,
    and the text returned has them as `now` had; a lone CR (classic Mac) ends a line too."""
    old_text, new_text = now.decode("utf-8", "replace"), new.decode("utf-8", "replace")
    bom, crlf = old_text.startswith("\ufeff"), old_text.count("\r\n") * 2 > old_text.count("\n")
    old_text = old_text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    styled = keep_style(old_text, without_header(old_text, keep_order(old_text, new_text),
                                                  headers))
    if styled != new_text:
        new_text, new = styled, styled.encode("utf-8")
    mine, theirs = _split(old_text), _split(new_text)
    if mine is None or theirs is None:
        return new, []
    text, lost = _carry(mine, theirs, headers)
    if text is None:
        text = new_text
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return ("\ufeff" * bom + text).encode("utf-8"), lost


def _carry(mine: tuple[list[str], list[str | None], list[str]],
           theirs: tuple[list[str], list[str | None], list[str]], headers: frozenset[str]
           ) -> tuple[str | None, list[Lost]]:
    """`carry` on the lines of both texts; None for the new text when no comment moved."""
    lines, code, said = mine
    out_lines, out_code, out_said = theirs
    header = headers | {line for line, c in zip(out_lines, out_code, strict=True)
                        if c is None and line}
    where: dict[tuple[str, str], list[int]] = {}
    owned = zip(_entities(out_lines, out_code), out_code, strict=True)
    for index, (owner, body) in enumerate(owned):
        if body is not None:
            where.setdefault((owner, body), []).append(index)
    before: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    tail: list[str] = []
    lost: list[Lost] = []
    waiting: list[int] = []  # comment lines waiting for the next line that says something
    owners = _entities(lines, code)
    top = True
    for index, (line, body, comment) in enumerate(zip(lines, code, said, strict=True)):
        if body is None:
            if comment and not (top and line in header):
                waiting.append(index)
            continue
        top = False
        place = where.get((owners[index], body), [])
        if waiting:
            if len(place) == 1:
                before.setdefault(place[0], []).extend(lines[i] for i in waiting)
            else:
                lost.extend(_lost(lines, said, i) for i in waiting)
            waiting = []
        if comment:
            if len(place) == 1 and out_said[place[0]].strip() == comment.strip():
                continue  # the import's own (`- '1002'  # 李娜`): there already
            if len(place) == 1:  # yours, in place of the import's name of an id if it has one
                after[place[0]] = comment
            else:
                lost.append(_lost(lines, said, index))
    tail = [lines[i] for i in waiting]
    if not (before or after or tail):
        return None, lost
    result: list[str] = []
    for index, line in enumerate(out_lines):
        result.extend(before.get(index, ()))
        if index in after:  # in place of the import's comment there, if any
            line = (out_code[index] or line if out_said[index] else line) + after[index]
        result.append(line)
    if tail:
        if result and result[-1] == "":
            result[-1:] = [*tail, ""]
        else:
            result.extend(tail)
    return "\n".join(result), lost


def _lost(lines: list[str], said: list[str], index: int) -> Lost:
    comment = said[index].strip()
    return index + 1, lines[index].index(comment) + 1, comment
