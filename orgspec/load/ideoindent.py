"""Where a line indented with full-width spaces (U+3000) belongs, said as its fix.

A full-width space is as wide as two ASCII spaces on screen, but YAML reads it as text, not
indentation, so "two ASCII spaces" is right only by chance: `　- kind: Position` belongs in
column 1 (with the other entities), `　 mission:` in column 3 (with the team's other fields).
`indent_fix(lines, number)` finds the columns the line can take after the lines above it (a
sibling field or item, a field of an item, or the first child of a field that opens a
block), picks the one the line below agrees with (an item's fields follow two columns after
its `-`), else the one nearest the width as seen on screen, and says it with the line it
aligns with.
"""

from __future__ import annotations

from typing import NamedTuple

from orgspec.i18n import M
from orgspec.lazyre import lazy

_SPACES = " \t\u3000"
_KEY = lazy(r"^(?P<key>[^\s#'\"\[{,\-][^#]*?|[A-Za-z_][\w.-]*)[ \t]*:"
            r"(?:[ \t]+(?P<value>.*))?$")
# a block scalar's header (`description: |`, `- >-`): the lines below it are text
_BLOCK_VALUE = lazy(r"^[|>][-+0-9]*$")


class _Line(NamedTuple):
    number: int  # 1-based
    indent: int  # ASCII spaces before the text (before the `-` of an item)
    item: bool  # starts with `- `
    key: str | None  # the field it writes (after the `- ` of an item), if any
    opens: bool  # the field has no value on its line: a block follows
    block: bool  # its value is a block scalar (`|`, `>`)


class _Spot(NamedTuple):
    col: int  # 0-based column of the line's first character
    line: int  # the line it aligns with
    key: str | None  # that line's field, None for a list item
    child: bool  # two more than that line's field, which opens a block


def _read(number: int, text: str) -> _Line | None:
    body = text.lstrip(" ")
    if not body or body.startswith("#"):
        return None
    indent = len(text) - len(body)
    item = body == "-" or body.startswith("- ")
    if item:
        body = body[1:].lstrip(" ")
    m = _KEY.match(body.split(" #", 1)[0].rstrip())
    if m is None:
        return _Line(number, indent, item, None, item and not body, False)
    value = (m.group("value") or "").strip()
    return _Line(number, indent, item, m.group("key").strip(), not value,
                 bool(_BLOCK_VALUE.match(value)))


def _lines_above(lines: list[str], number: int) -> list[_Line]:
    """The lines above line `number` that say something about structure, top down: none in
    a block scalar's text, none indented with other than ASCII spaces (another slip)."""
    out: list[_Line] = []
    block = -1
    for at in range(1, number):
        text = lines[at - 1]
        indent = len(text) - len(text.lstrip(" "))
        if block >= 0 and (not text.strip() or indent > block):
            continue
        block = -1
        if text[:len(text) - len(text.lstrip(_SPACES))].strip(" "):
            continue
        read = _read(at, text)
        if read is not None:
            out.append(read)
            if read.block:
                block = read.indent
    return out


def _spots(above: list[_Line], item: bool) -> list[_Spot]:
    """The columns a line (a list item if `item`, else a field) can start at after `above`,
    nearest line first."""
    spots: list[_Spot] = []
    limit: int | None = None
    for nearest, line in enumerate(reversed(above)):
        if limit is not None and line.indent >= limit:
            continue
        limit = line.indent
        field = line.indent + 2 if line.item else line.indent
        if nearest == 0 and line.opens and not line.block:
            spots.append(_Spot(field + 2, line.number, line.key, True))
        if item and line.item:
            spots.append(_Spot(line.indent, line.number, None, False))
        elif not item and line.key is not None:
            spots.append(_Spot(field, line.number, line.key, False))
        if limit == 0:
            break
    return spots


def _agrees(spot: _Spot, here: _Line, below: _Line | None) -> int:
    """How well the line below fits `here` placed at `spot`: 2 it continues it (an item's
    next field, the next sibling), 0 it cannot follow, 1 it says nothing."""
    if below is None:
        return 1
    if here.item and here.key is not None:
        fields = spot.col + 2
        if below.indent == fields and not below.item:
            return 2
        return 0 if below.indent > fields and not here.opens else 1
    if here.opens:
        return 2 if below.indent > spot.col or (below.item and below.indent == spot.col) else 1
    if below.indent == spot.col and below.item == here.item and (
            below.key is None) == (here.key is None):
        return 2
    return 0 if below.indent > spot.col else 1


def indent_fix(lines: list[str], number: int) -> str:
    """The hint for line `number` (1-based) of `lines`, indented with full-width spaces:
    the ASCII spaces to write instead, as a column and the line it then aligns with."""
    text = lines[number - 1]
    rest = text.lstrip(_SPACES)
    lead = text[:len(text) - len(rest)]
    here = _read(number, " " * len(lead) + rest)
    if here is None or (not here.item and here.key is None):
        return M("replace the full-width spaces with ASCII spaces (switch the IME to "
                 "half-width)")
    above = _lines_above(lines, number)
    spots = _spots(above, here.item)
    if not above:
        return M("remove the indentation: the first line of a file starts in column 1")
    if not spots:
        return M("replace the full-width spaces with ASCII spaces (switch the IME to "
                 "half-width)")
    below = next((r for at in range(number + 1, len(lines) + 1)
                  if not lines[at - 1][:len(lines[at - 1]) - len(lines[at - 1].lstrip(
                      _SPACES))].strip(" ")
                  and (r := _read(at, lines[at - 1])) is not None), None)
    seen = sum(2 if c == "\u3000" else 1 for c in lead)  # the width on screen
    entity = here.item and here.key == "kind"  # an entity: with the file's other entities
    least = min(s.col for s in spots)
    spot = max(enumerate(spots), key=lambda e: (
        _agrees(e[1], here, below), entity and e[1].col == least,
        -abs(e[1].col - seen), -e[0]))[1]
    return _said(spot, here)


def tab_item_fix(lines: list[str], number: int) -> str | None:
    """The hint for list item `number` (1-based) of `lines` indented with a tab (`\t-
    platform-uptime`): the spaces to write instead, as the column it then takes and the
    line it aligns with, found as for full-width spaces; None when the line is no list item
    or no place after the lines above fits it."""
    text = lines[number - 1] if 1 <= number <= len(lines) else ""
    rest = text.lstrip(_SPACES)
    lead = text[:len(text) - len(rest)]
    here = _read(number, " " * len(lead) + rest)
    if here is None or not here.item or "\t" not in lead:
        return None
    above = _lines_above(lines, number)
    spots = _spots(above, True)
    if not spots:
        return None
    below = next((r for at in range(number + 1, len(lines) + 1)
                  if not lines[at - 1][:len(lines[at - 1]) - len(lines[at - 1].lstrip(
                      _SPACES))].strip(" ")
                  and (r := _read(at, lines[at - 1])) is not None), None)
    seen = sum(4 if c == "\t" else 1 for c in lead)  # a tab as most editors show it
    entity = here.key == "kind"
    least = min(s.col for s in spots)
    spot = max(enumerate(spots), key=lambda e: (
        _agrees(e[1], here, below), entity and e[1].col == least,
        -abs(e[1].col - seen), -e[0]))[1]
    item = rest.split(" #", 1)[0].rstrip()
    if len(item) > _SHOWN:
        item = item[:_SHOWN - 1] + "\u2026"
    if spot.child:
        return M("replace the tab with spaces: indent `{item}` by {n} spaces, two more than "
                 "`{anchor}:` on line {line}", item=item, n=spot.col, anchor=spot.key,
                 line=spot.line)
    if spot.col == 0:
        return M("remove the tab: `{item}` then starts in column 1, in line with the list "
                 "item on line {line}", item=item, line=spot.line)
    return M("replace the tab with spaces: indent `{item}` by {n} spaces, in line with the "
             "list item on line {line}", item=item, n=spot.col, line=spot.line)


_SHOWN = 40  # the characters of a list item a hint quotes


def _said(spot: _Spot, here: _Line) -> str:
    n, line, anchor, key = spot.col, spot.line, spot.key, here.key
    col = n + 1
    if spot.child and not here.item:
        return M("replace the indentation with {n} ASCII spaces: `{key}:` then starts in "
                 "column {col}, two more than `{anchor}:` on line {line} (switch the IME to "
                 "half-width)", n=n, key=key, col=col, anchor=anchor, line=line)
    if spot.child:
        return M("replace the indentation with {n} ASCII spaces: the `-` then starts in "
                 "column {col}, two more than `{anchor}:` on line {line} (switch the IME to "
                 "half-width)", n=n, col=col, anchor=anchor, line=line)
    if anchor is None and n == 0:
        return M("remove the indentation: the `-` then starts in column 1, in line with "
                 "the list item on line {line}", line=line)
    if anchor is None:
        return M("replace the indentation with {n} ASCII spaces: the `-` then starts in "
                 "column {col}, in line with the list item on line {line} (switch the IME "
                 "to half-width)", n=n, col=col, line=line)
    if n == 0:
        return M("remove the indentation: `{key}:` then starts in column 1, in line with "
                 "`{anchor}:` on line {line}", key=key, anchor=anchor, line=line)
    return M("replace the indentation with {n} ASCII spaces: `{key}:` then starts in column "
             "{col}, in line with `{anchor}:` on line {line} (switch the IME to half-width)",
             n=n, key=key, col=col, anchor=anchor, line=line)
