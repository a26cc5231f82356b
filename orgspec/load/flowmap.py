"""Full-width commas and braces an IME types inside a flow mapping, said at each one.

`- {kind: Person，id: wu-jun-jie，name: 吳俊傑}`: a `，` (or `、`, `；`) before a field
cannot separate fields, since YAML takes only an ASCII comma there; it reads `Person，id`
as text and gives up at the `: ` after it, far from the comma, with no fix (trial 31). A
`｛` or `｝` is text to YAML too: `manager: zhang-ya-ting｝` leaves the mapping open, and
the parser gives up on the next line. Each such character is one finding at its column
with the line written as meant; when the mapping closes on its line once they are ASCII,
the text is read with them ASCII (one code point each, so every column stays), as the
full-width brackets of a list are (IN020). A full-width comma inside a value (`{title:
主管，兼客服}`) is the value's text, and a `｛` in prose (`name: ｛双11｝大促`) is text.
"""

from __future__ import annotations

from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.text.separators import FULL_COMMAS

# 1-based line and column, message, hint, and the line's other slips: (line, column, message)
Said = tuple[int, int, str, str, tuple[tuple[int, int, str], ...]]

# where a value starts: after an item's `- `, a key's `: `, or at the start of the line
_VALUE = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)*(?:(?P<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]+)?)"
              r"(?=[{｛\[])")
# a field after a comma: `id: wu-jun-jie`, which YAML cannot read inside a plain value
_FIELD_AFTER = lazy(r"[ \t\u3000]*(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?=[ \t,\[\]{}\n]|$)")
# one pattern per comma: a literal first character is searched for as fast as `str.find`,
# where a class of three made the pass over a text of prose 4x slower
_COMMA_FIELD = tuple(lazy(c + r"(?=[ \t\u3000]*[A-Za-z_][\w.-]*[ \t]*:(?:[ \t,\[\]{}\n]|$))")
                     for c in FULL_COMMAS)
# a block scalar's header (`description: |`, `- >-`), as `yamlhints` reads one
_BLOCK = lazy(r"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?:[^\s#][^#]*?:[ \t]+)?[|>][-+0-9]*"
              r"[ \t]*(?:#.*)?$")
# after a closing brace: the end of the line, a comment, or what may follow a value
_AFTER_CLOSE = lazy(rf"[ \t]*(?:$|#|[,{FULL_COMMAS}}}｝\]])")
_PROSE_KEYS = frozenset({"name", "title", "description", "mission", "purpose"})
_ASCII = {**dict.fromkeys(FULL_COMMAS, ","), "｛": "{", "｝": "}"}


def flow_slips(text: str) -> tuple[str, list[Said]]:
    """`text` with the full-width commas and braces of each flow mapping made ASCII, and
    those slips: one per line, at its first slip, with the line's others as related places
    (a `｛` `｝` pair is one slip), since the hint rewrites the whole line. A brace only
    where the mapping then closes on its line; a comma before a field in a value wherever
    it is, since YAML cannot read the text as written. Cheap when no line has a flow
    collection with such a character."""
    starts = _candidates(text)
    if not starts:
        return text, []
    lines = text.split("\n")
    prose = _in_blocks(lines)
    mended: list[Said] = []
    number, counted = 1, 0
    for start in sorted(starts):
        number += text.count("\n", counted, start)  # from the last one: linear in all
        counted = start
        line = lines[number - 1]
        m = _VALUE.match(line)
        if m is None or number in prose:
            continue
        if line[m.end()] == "｛" and m.group("key") in _PROSE_KEYS:
            continue
        found, end = _scan(line, m.end())
        if not found:
            continue
        if end < 0:  # a mapping written over lines: its commas only (a brace may be text)
            found = [i for i in found if line[i] in FULL_COMMAS]
            if not found:
                continue
        mended.extend(_said(number, line, found, _written(line, found, end)))
        lines[number - 1] = "".join(_ASCII.get(c, c) if i in found else c
                                    for i, c in enumerate(line))
    if not mended:
        return text, []
    return "\n".join(lines), mended


def _in_blocks(lines: list[str]) -> set[int]:
    """The numbers (1-based) of the lines inside a block scalar (`description: |`): text as
    written, where `{a: 1，b: 2}` is an example, not a mapping."""
    inside: set[int] = set()
    block = -1  # inside a block scalar: the indentation its lines must exceed
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if block >= 0 and (not line.strip() or indent > block):
            inside.add(number)
            continue
        header = _BLOCK.match(line)
        block = len(header.group("indent")) if header else -1
    return inside


def _candidates(text: str) -> set[int]:
    """Where each line starts that has a full-width brace, or a full-width comma followed by
    a field (`，id:`) after a `{` on its line. One regex pass for the commas, as a Chinese
    text has a `，` in every paragraph (a look at each cost 25 ms on 15,000 of them), and
    `str.find` for the braces, which are rare."""
    starts: set[int] = set()
    for pattern in _COMMA_FIELD:
        if pattern.pattern[0] in text:
            for m in pattern.finditer(text):
                start = text.rfind("\n", 0, m.start()) + 1
                if "{" in text[start:m.start()]:
                    starts.add(start)
    for char in "｛｝":
        at = text.find(char)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(char, at + 1)
    return starts


def _scan(line: str, start: int) -> tuple[list[int], int]:
    """The indices of the full-width commas that stand between fields and of the full-width
    braces that open or close a mapping, in the flow collection starting at `start` of
    `line`, and where it closes: the index of its closer when only blanks or a comment
    follow it on the line, else -1."""
    found: list[int] = []
    stack: list[str] = []
    valued: list[bool] = []  # per open collection: a mapping's entry is past its `: `
    quote = ""
    fresh = True  # where a node starts: after an opener, a comma or a `: `
    i = start
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = ""
                fresh = False
        elif c in " \t":
            pass
        elif c == "#" and line[i - 1] in " \t":
            break
        elif fresh and c in "\"'":
            quote = c
        elif fresh and c in "{｛[":
            stack.append("[" if c == "[" else "{")
            valued.append(False)
            if c == "｛":
                found.append(i)
        elif stack and stack[-1] == "{" and (c == "}" or
                                            (c == "｝" and _AFTER_CLOSE.match(line, i + 1))):
            stack.pop()
            valued.pop()
            if c == "｝":
                found.append(i)
            fresh = False
            if not stack:
                rest = line[i + 1:].strip(" \t")
                return found, i if not rest or rest.startswith("#") else -1
        elif stack and stack[-1] == "[" and c == "]":
            stack.pop()
            valued.pop()
            fresh = False
            if not stack:
                return found, -1  # a list: the full-width commas in it are its items'
        elif c == ",":
            fresh = True
            if valued:
                valued[-1] = False
        elif c in FULL_COMMAS and stack and stack[-1] == "{" and valued[-1] and \
                _FIELD_AFTER.match(line, i + 1):
            found.append(i)
            fresh, valued[-1] = True, False
        elif c == ":" and (i + 1 == len(line) or line[i + 1] in " \t,[]{}"):
            fresh = True
            if valued:
                valued[-1] = True
        else:
            fresh = False
        i += 1
    return found, -1


def _written(line: str, found: list[int], end: int) -> str:
    """`line` as meant (up to the end of its collection when it closes there): ASCII
    punctuation for the slips at `found`, a comma followed by a space."""
    out = []
    skip = False
    for i, c in enumerate(line[:end + 1] if end >= 0 else line):
        if skip and c in " \t\u3000":
            continue
        skip = False
        if i in found and c in FULL_COMMAS:
            out.append(", ")
            skip = True
        else:
            out.append(_ASCII.get(c, c) if i in found else c)
    return "".join(out).strip()


_COMMA_SAID = {
    "，": lambda key: M("a full-width comma `，` (U+FF0C) before `{key}` inside `{{...}}`: YAML "
                       "separates fields with an ASCII comma, so it does not read `{key}` as a "
                       "field", key=key),
    "、": lambda key: M("an enumeration comma `、` (U+3001) before `{key}` inside `{{...}}`: "
                       "YAML separates fields with an ASCII comma, so it does not read `{key}` "
                       "as a field", key=key),
    "；": lambda key: M("a full-width semicolon `；` (U+FF1B) before `{key}` inside `{{...}}`: "
                       "YAML separates fields with an ASCII comma, so it does not read `{key}` "
                       "as a field", key=key),
}


def _said(number: int, line: str, found: list[int], fixed: str) -> list[Said]:
    """The line's slips as one: said at the first, the others (one per full-width comma,
    one per brace, a `｛` with its `｝` one) its related places, as one hint fixes them all."""
    hint = M("write the line as `{fixed}` (ASCII punctuation; switch the IME to half-width)",
             fixed=fixed)
    opens = [i for i in found if line[i] == "｛"]
    closes = [i for i in found if line[i] == "｝"]
    out: list[tuple[int, str]] = []  # 1-based column, message
    for i in found:
        c = line[i]
        if c in FULL_COMMAS:
            key = _FIELD_AFTER.match(line, i + 1)
            name = key.group("key") if key else ""
            said = _COMMA_SAID[c](name)
        elif c == "｛" and closes:
            said = M("full-width braces `{open}` `{close}` around this mapping: YAML reads them "
                     "as text, not as a mapping", open="｛", close="｝")
        elif c == "｛":
            said = M("a full-width `{char}` (U+{code:04X}) opens this mapping: YAML opens one "
                     "with an ASCII `{ascii}` and reads `{char}` as text", char=c, code=ord(c),
                     ascii="{")
        elif opens:
            continue  # said with its `｛`
        else:
            said = M("a full-width `{char}` (U+{code:04X}) closes this mapping: YAML closes one "
                     "with an ASCII `{ascii}`, so it reads `{char}` as text and the mapping as "
                     "never closed", char=c, code=ord(c), ascii="}")
        out.append((i + 1, said))
    if not out:
        return []
    (col, first), *rest = out
    return [(number, col, first, hint, tuple((number, c, s) for c, s in rest))]
