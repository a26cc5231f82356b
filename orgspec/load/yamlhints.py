"""The YAML mistakes people make with a Chinese IME, and parser errors, said in plain words.

`fullwidth(text)` finds a full-width colon after a key (`name： 客服部`, `成員： [...]`: a
Chinese field name, said with the field it names), a full-width space
(U+3000) used to indent or written after a key's colon (`owner:　he-li`) or a list item's
dash (`-　kind: Person`), a full-width hyphen starting a list item (`－ kind: Person`), and
full-width brackets around a flow list (`［a, b］`), and a comment typed with a full-width `＃`
(`fullhash`): YAML reads each as text, so the parser
either fails far away or loads a wrong value. Full-width commas, enumeration commas (顿号)
and semicolons inside a flow list (`[a，b]`, `[a、b]`, `[a；b]`) are valid YAML, one item:
the file loads and the check that reads the item names the comma (`comma_in_item`).
`explain(detail, text, line)` turns the parser's own words for an indentation slip or an
unquoted `: ` into what happened and the likely fix; `plain(detail, at)` says the other
common parser errors (a tab, a character that cannot start a value, a `: ` where no field
fits, a line without its colon) in plain words.
Both read the parser's English text only to match it; no message repeats it (the
others are said by `yamlwords`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from orgspec.findings import Location
from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.load.fullhash import HASH, hash_slip, holds_at
from orgspec.load.ideoindent import indent_fix, tab_item_fix
from orgspec.text.fieldnames import RACI_WORDS, fields_named, raci_named
from orgspec.text.separators import FULL_COMMA, FULL_COMMAS

Said = tuple[int, int, str, str]  # 1-based line and column, message, hint

_COLON = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w.-]*)[ \t]*：[ \t]*"
                    r"(?P<value>.*)$")
# `成員： [a, b]`: a Chinese field name (`text.fieldnames`) before a full-width colon; not
# after a `- `, where `- 目標：提升轉化率` is a list's text
_WORD_COLON = lazy(r"^(?P<lead>[ \t]*)(?P<key>[^\x00-\x7f\s:：#\-－]"
                         r"[^:：#\s]{0,11})[ \t]*：[ \t]*(?P<value>.*)$")
# `A：ke-fu-bu` on a duty: a RACI chart's letter for the field
_LETTER_COLON = lazy(r"^(?P<lead>[ \t]*)(?P<key>[RACIraci])[ \t]*：[ \t]*(?P<value>.*)$")
_KIND_LINE = lazy(r"^[ \t]*(?:-[ \t]+)?kind[ \t]*[:：][ \t]*[\"']?(?P<kind>[A-Za-z]+)")
_DUTIES = "responsibilities"  # the field whose items are duties (`职责` names it too)
_KEY_LINE = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)[^\s#:：\-－][^:：#]*?[:：](?:\s|$)")
_IDEO_INDENT = lazy(r"^[ \t]*\u3000")
_IDEO_AFTER_DASH = lazy(r"^[ \t]*-\u3000[ \t\u3000]*(?P<rest>\S.*)$")
_FULL_DASH = lazy(r"^[ \t]*－[ \t\u3000]*(?P<rest>[^\s－].*)$")
# a block scalar's header (`description: |`, `- >-`): the lines below, indented deeper, are
# text as written (a paragraph may start with `　　`), never a slip
_BLOCK = lazy(r"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?:[^\s#][^#]*?:[ \t]+)?[|>][-+0-9]*"
                    r"[ \t]*(?:#.*)?$")
_IDEO_AFTER_COLON = lazy(r"^[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w.-]*):\u3000+"
                               r"(?P<value>.*)$")
_FLOW = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w.-]*):[ \t]+"
                   r"(?P<value>[\[［【].*?[\]］】])[ \t]*(?:#.*)?$")
_FULL_BRACKETS = {"［": "[", "］": "]", "【": "[", "】": "]"}
# Fields whose value is prose, never a list: `name: 【双11】大促作战室【A】` is a name, as
# written, not a list in the wrong brackets.
_PROSE_KEYS = frozenset({"name", "title", "description", "mission", "purpose"})
# The characters every slip has (a full-width comma alone is none: `comma_in_item`); a
# Chinese text has its `，` and `、` in every file
_TRIGGERS = frozenset("：\u3000［］【】－")
_TRIGGER = lazy("[" + "".join(sorted(_TRIGGERS)) + "]")


def fullwidth(text: str) -> Said | None:
    """The first full-width character that YAML would misread, or None (cheap when the
    text has none of them)."""
    found = slips(text)
    return found[0] if found else None


def slips(text: str) -> list[Said]:
    """Each line's full-width character that YAML would misread, in line order (cheap when
    the text has none): the slips are independent of each other, so one run reports every
    one (as the parser, which stops at its first error, cannot). With one found, a line
    indented with a tab (`plain`'s tab) is reported too, since the file fails anyway."""
    if not any(c in text for c in _TRIGGERS) and HASH not in text:  # a search per
        return []  # character: 10x faster than a set built from every character of the text
    out: list[Said] = []
    tabs: list[Said] = []
    block = -1  # inside a block scalar: the indentation its lines must exceed
    above: int | None = None  # where the content of the last line with any starts
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if block >= 0 and (not line.strip() or indent > block):
            above = indent if line.strip() else above
            continue
        header = _BLOCK.match(line)
        block = len(header.group("indent")) if header else -1
        if line.lstrip().startswith("#") or not line.strip():
            continue
        if line.startswith(("---", "...")):
            above = None  # a new document: its first line continues nothing
            continue
        said = _line_slip(number, line, lines) if _TRIGGER.search(line) else None
        if said is None and HASH in line:
            said = hash_slip(number, line, above)
        above = holds_at(line)
        if said is not None and _LETTER_COLON.match(line):
            said = _word_colon(number, line, lines) or said
        if said is None and "：" in line and _WORD_COLON.match(line):
            said = _word_colon(number, line, lines)
        if said is not None:
            out.append(said)
        elif _TAB_INDENT.match(line):
            tabs.append((number, line.index("\t") + 1,
                         M("a tab character here: YAML indents with spaces only"),
                         tab_hint(lines, number)))
    return sorted(out + tabs) if out else []


_TAB_INDENT = lazy(r"^ *\t[ \t]*(?:-[ \t]+)?[A-Za-z_][\w.-]*:(?:\s|$)")


def _line_slip(number: int, line: str, lines: list[str]) -> Said | None:
    if _IDEO_INDENT.match(line):
        col = line.index("\u3000") + 1
        return (number, col, M("a full-width space (U+3000) is used to indent: YAML "
                               "indents with ASCII spaces only"), indent_fix(lines, number))
    m = _IDEO_AFTER_DASH.match(line)
    if m:
        return (number, line.index("\u3000") + 1,
                M("a full-width space (U+3000) follows the `-` of a list item: YAML needs an "
                  "ASCII space after it, so it does not read an item here"),
                M("write `- {rest}` (an ASCII space; switch the IME to half-width)",
                  rest=m.group("rest")))
    m = _FULL_DASH.match(line)
    if m:
        return (number, line.index("－") + 1,
                M("a full-width hyphen `－` (U+FF0D) starts this line: YAML starts a list "
                  "item with an ASCII `-` and a space, so it does not read an item here"),
                M("write `- {rest}` (an ASCII hyphen; switch the IME to half-width)",
                  rest=m.group("rest")))
    m = _COLON.match(line)
    if m:
        key = m.group("key")
        value = value_meant(key, m.group("value").strip())
        return (number, line.index("：") + 1, *colon_said(key, value))
    m = _IDEO_AFTER_COLON.match(line)
    if m:
        key = m.group("key")
        value = value_meant(key, m.group("value").strip("\u3000 \t"))
        return (number, line.index("\u3000") + 1,
                M("a full-width space (U+3000) follows `{key}:`: YAML needs an ASCII "
                  "space after the colon, so it does not read a field here", key=key),
                M("write `{key}: {value}` (an ASCII space; switch the IME to half-width)",
                  key=key, value=value))
    m = _FLOW.match(line)
    if m:
        return _flow_problem(number, line, m.group("key"), m.group("value"),
                             m.start("value"))
    return None


_KEY_COLON = lazy(r"^\s*(?P<key>[A-Za-z_][\w.-]*)[ \t]*：[ \t]*(?P<value>.*?)\s*$",
                        re.DOTALL)


def colon_key(key: object) -> tuple[str, str] | None:
    """`id：li-qiang`, read as one key inside a flow mapping (`{kind: Person, id：li-qiang}`),
    as (the field meant, its value), or None."""
    if not isinstance(key, str) or "：" not in key:
        return None
    m = _KEY_COLON.match(key)
    return (m.group("key"), m.group("value")) if m else None


def _word_colon(number: int, line: str, lines: list[str]) -> Said | None:
    """`成員： [a, b]` on line `number` of `lines`: a full-width colon after a Chinese word
    that names a field of the entity's kind (its `kind:` as written above the line), said
    with the field it names. Not on a line indented deeper than the field above it, which
    continues that field's plain value (`mission: 提升營收` then `    目標：三成`)."""
    m = _WORD_COLON.match(line) or _LETTER_COLON.match(line)
    if m is None:
        return None
    word, written = m.group("key"), m.group("value").strip()
    fields, kind, inside = -1, "", ""
    for above in reversed(lines[:number - 1]):
        key = _KEY_LINE.match(above)
        if key is not None and fields < 0:
            fields = len(key.group("lead"))
        if key is not None and not inside and len(key.group("lead")) < len(m.group("lead")):
            inside = above[len(key.group("lead")):].split(":")[0].split("：")[0].strip()
        named = _KIND_LINE.match(above)
        if named is not None:
            kind = named.group("kind")
            break
    if len(m.group("lead")) > fields >= 0:
        return None
    meant = _field_of(word, kind)
    if inside and _DUTIES in (inside.casefold(), *fields_named(inside)):
        # a duty of a team or position: `负责人` there is no team's `lead` but R or A
        meant = _field_of(word, "responsibility") or \
            (("responsible", "accountable") if meant else ())
    if not meant:
        return None
    value = value_meant(meant[0], written)
    at = line.index("：") + 1
    if len(meant) > 1:  # `負責` on a duty: R in some charts, A in others
        return (number, at,
                M("a full-width colon `：` (U+FF1A) follows `{word}`: YAML needs an ASCII "
                  "colon, so it does not read a field here", word=word),
                M("write `responsible: {value}` if it does the work, or `accountable: "
                  "{value}` if it answers for the outcome (field names are English, with "
                  "an ASCII colon and a space)", value=value))
    return (number, at,
            M("a full-width colon `：` (U+FF1A) follows `{word}` (the field `{field}`): YAML "
              "needs an ASCII colon, so it does not read a field here", word=word,
              field=meant[0]),
            M("write `{field}: {value}` (the field's English name, an ASCII colon and a "
              "space)", field=meant[0], value=value))


def _field_of(word: str, kind: str) -> tuple[str, ...]:
    """The field(s) of an entity of `kind` (as written; "" when unknown) that the Chinese
    word `word` names: one, both RACI roles `负责` may mean on a duty, or (). On a duty
    `负责人` and a RACI letter name a role (`text.fieldnames.raci_named`)."""
    wanted = kind.casefold()
    if wanted == "responsibility" and (roles := raci_named(word)):
        return roles
    if not wanted:
        role = next((r for r, words in RACI_WORDS.items() if word in words), None)
        if role:
            return (role,)
    candidates = fields_named(word)
    have = _schema_fields(wanted)
    return next(((f,) for f in candidates if not have or f in have), ())


def _schema_fields(kind: str) -> frozenset[str]:
    """The fields of `kind` and of its parts (a step's, a key result's), from its JSON
    schema; empty for an unknown kind. Read only for a file that fails to load."""
    import json

    from orgspec.resources import data_dir

    kind = {"position": "role"}.get(kind, kind)
    if not kind.isalpha():
        return frozenset()
    try:
        schema = json.loads((data_dir("schemas") / f"{kind}.schema.json").read_text("utf-8"))
    except (OSError, ValueError):
        return frozenset()
    found = set(schema.get("properties", {}))
    for part in schema.get("$defs", {}).values():
        found |= set(part.get("properties", {}))
    return frozenset(found)


def colon_said(key: str, value: str) -> tuple[str, str]:
    """The message and hint for a full-width colon after `key`."""
    return (M("a full-width colon `：` (U+FF1A) follows `{key}`: YAML needs an ASCII "
              "colon, so it does not read a field here", key=key),
            M("write `{key}: {value}` (an ASCII colon and a space)", key=key, value=value))


def value_meant(key: str, value: str) -> str:
    """`value` of field `key` as meant, for a hint that writes the field again (after a
    full-width colon): a list in full-width brackets in ASCII ones (`［a，b］` -> `[a, b]`),
    so that following the one hint leaves no IN020 behind it (trial 31); else as written."""
    fixed = _FULL_LIST.fullmatch(value)
    if fixed is None or key in _PROSE_KEYS:
        return value
    inner = re.sub(r"\s*" + FULL_COMMA.pattern + r"\s*", ", ", fixed.group("inner"))
    return f"[{inner}]{fixed.group('rest')}"


_FULL_LIST = lazy(r"[\[［【](?P<inner>[^\]］】\[［【]*)[\]］】](?P<rest>[ \t]*(?:#.*)?)")


_BRACKETS = ("full-width brackets `{open}` `{close}` around the list of `{key}`: YAML reads "
             "them as text, not as a list")


def _flow_problem(number: int, line: str, key: str, value: str, at: int) -> Said | None:
    fixed = "".join(_FULL_BRACKETS.get(c, c) for c in value)
    fixed = re.sub(FULL_COMMA.pattern + r"\s*", ", ", fixed)
    if value[0] in _FULL_BRACKETS and key not in _PROSE_KEYS:
        return (number, at + 1,
                M("full-width brackets `{open}` `{close}` around the list of `{key}`: YAML "
                  "reads them as text, not as a list", open=value[0], close=value[-1], key=key),
                M("use ASCII brackets: `{key}: {fixed}`", key=key, fixed=fixed))
    return None


def mend_brackets(text: str, said: list[Said]) -> tuple[str, list[Said], list[Said]]:
    """`text` with the full-width brackets of each list `said` names (`members: ［a, b］`)
    made ASCII, so the list is read as meant (trial 30: the file failed to load, holding
    back every finding of it, for a slip YAML reads as text); those slips; and the others.
    The full-width commas between those brackets, outside quotes, are made ASCII too: the
    slip's hint writes the list with ASCII commas, so `［a，b］` is its one finding, not an
    IN020 and an RF001 for the comma (trial 31). The characters keep their columns: each
    bracket and comma is one code point either way."""
    mended = [s for s in said if getattr(s[2], "template", "") == _BRACKETS]
    if not mended:
        return text, [], said
    lines = text.split("\n")
    for number, col, _, _ in mended:
        line = lines[number - 1]
        m = _FLOW.match(line)
        if m is None or m.start("value") != col - 1:
            continue
        end = m.end("value") - 1
        lines[number - 1] = (line[:col - 1] + _FULL_BRACKETS.get(line[col - 1], "[") +
                             _ascii_commas(line[col:end]) +
                             _FULL_BRACKETS.get(line[end], line[end]) + line[end + 1:])
    return "\n".join(lines), mended, [s for s in said if s not in mended]


def _ascii_commas(inside: str) -> str:
    """`inside` (a flow list's items) with each full-width comma outside quotes made an
    ASCII comma, one code point for one."""
    out: list[str] = []
    quote = ""
    for c in inside:
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in FULL_COMMAS:
            c = ","
        out.append(c)
    return "".join(out)


def comma_in_item(key: str, items: list[str], index: int,
                  id_of: Callable[[str], str] | None = None) -> tuple[str, str] | None:
    """Item `index` of the list `items` of field `key` holds a full-width comma, an
    enumeration comma (、) or a full-width semicolon (`consulted: [order-platform，warehouse]`):
    valid YAML, one item, though two were meant. As (message naming the character, hint with
    the list written with ASCII commas), or None. `id_of`: the id to write for an item (a
    person's name in `members: [王伟，李娜]` as their id: `[wang-wei, li-na]`)."""
    item = items[index]
    comma = next((c for c in item if c in FULL_COMMAS), None)
    if comma is None:
        return None
    parts = [p.strip() for p in FULL_COMMA.split(item) if p.strip()]
    written = [*items[:index], *parts, *items[index + 1:]]
    ids = [id_of(p) for p in written] if id_of is not None else written
    fixed = "[" + ", ".join(ids) + "]"
    said = {"、": M("an enumeration comma `、` (U+3001) in the list of `{key}`: YAML reads "
                   "the items around it as one", key=key),
            "；": M("a full-width semicolon `；` (U+FF1B) in the list of `{key}`: YAML reads "
                   "the items around it as one", key=key)}.get(comma)
    return (said or M("a full-width comma `{char}` (U+{code:04X}) in the list of `{key}`: YAML "
                      "reads the items around it as one", char=comma, code=ord(comma), key=key),
            M("separate the items with ASCII commas: `{key}: {fixed}`", key=key, fixed=fixed)
            if ids == written else
            M("write the ids of those named, separated by ASCII commas: `{key}: {fixed}`",
              key=key, fixed=fixed))


def comma_at(at: Location, item: str) -> Location:
    """Where the first full-width comma of `item` (a list item `comma_in_item` names) is, the
    item being written at `at` (trial 30: the finding sat at the item's start, `marketing`
    of `[marketing，tech]`); `at` when the item's span does not show its characters one to
    one (written on several lines, or with escapes)."""
    index = next((i for i, c in enumerate(item) if c in FULL_COMMAS), -1)
    width = at.end_col - at.col
    if index < 0 or at.end_line != at.line or width not in (len(item), len(item) + 2):
        return at
    col = at.col + index + (width - len(item)) // 2  # a quote before a quoted item
    return replace(at, col=col, end_line=at.line, end_col=col + 1)


_KEY = lazy(r"^(?P<indent> *)(?:- +)?(?P<key>[^\s:#][^:#]*?):(?:\s|$)")


_GLUED_DASH = lazy(r"^(?P<indent> *)-(?P<key>[^\s\-#][^:：#]*)[:：](?:\s|$)")


def glued_dash(text: str, line: int) -> tuple[int, int, str, str] | None:
    """`-kind: Team`: a list item's `-` with no space after it, on `line` or the nearest
    line above it that is not blank or a comment (YAML reads `-kind` as a key, and the
    parser gives up on the item's next field). As (line, column of the `-`, message, hint),
    or None."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        here = lines[number - 1]
        if not here.strip() or here.lstrip().startswith("#"):
            continue
        m = _GLUED_DASH.match(here)
        if m is None:
            return None
        key = m.group("key").strip()
        return (number, len(m.group("indent")) + 1,
                M("`-{key}` has no space after the `-`: YAML reads it as a key named "
                  "`-{key}`, not as a list item", key=key),
                M("write `- {key}`: a space after the `-`", key=key))
    return None


# `-han-mei`: a plain item whose `-` has no space after it (one word, no colon)
GLUED_ITEM = lazy(r"^(?P<indent> *)-(?P<item>[^\s\-#:：\[\]{},'\"][^\s:#]*)[ \t]*$")


def glued_item_hint(items: list[str]) -> str:
    """The hint for list items written `-han-mei`: the lines written right."""
    if len(items) == 1:
        return M("write `- {key}`: a space after the `-`", key=items[0])
    return M("write one item per line, each with a space after its `-`: {items}",
             items=" / ".join(f"`- {item}`" for item in items))


def glued_item(text: str, line: int) -> tuple[int, int, str, str] | None:
    """`-han-mei` (a plain item whose `-` has no space after it) on `line`, 1-based, where
    the parser gave up for want of a `:` (YAML reads it as a key): as (line, column of
    the `-`, message, hint), the hint the line written right, with the items so written
    on the lines right below it at its column. Or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    m = GLUED_ITEM.match(lines[line - 1])
    if m is None:
        return None
    indent, items = m.group("indent"), [m.group("item")]
    at = _content(lines, line + 1, 1)
    while at is not None:
        more = GLUED_ITEM.match(lines[at - 1])
        if more is None or more.group("indent") != indent:
            break
        items.append(more.group("item"))
        at = _content(lines, at + 1, 1)
    return (line, len(indent) + 1,
            M("`-{item}` has no space after the `-`, so YAML does not read it as a list "
              "item", item=items[0]), glued_item_hint(items))


# `    - xie-ying`: a plain item (no field in it)
_PLAIN_ITEM = lazy(r"^(?P<indent> *)- +(?P<item>[^\s#:\[{'\"][^#]*?)[ \t]*(?:#.*)?$")
# `  members:`: a field whose value is on the lines below it
_OPENS = lazy(r"^(?P<indent> *)(?:- +)?(?P<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]*(?:#.*)?$")


def items_out_of_line(detail: str, text: str, line: int) -> tuple[int, int, str, str] | None:
    """The plain items of a field's list written out of line, where the parser gave up at
    `line` (1-based): dedented left of the field (`  members:` then `- xie-ying`), which YAML
    reads as items of the list above it and gives up on the next field; or indented deeper
    than a later item (`      - xie-ying` then `    - han-mei`), which ends the list at the
    later one. As (line and column of the first item out of line, message, hint: the item
    at its indentation), or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines) or not any(w in detail for w in _INDENT_ERRORS):
        return None
    here = lines[line - 1]
    later = _PLAIN_ITEM.match(here) if "expected <block end>" in detail or \
        "expected key" in detail else None  # the pure parser's words, then libyaml's
    start = line - 1 if later is not None or "mapping values" in detail else 0
    items: list[tuple[int, re.Match[str]]] = []
    at = _content(lines, start, -1) if start else None
    while at is not None:
        m = _PLAIN_ITEM.match(lines[at - 1])
        if m is None or ": " in m.group("item") or \
                (items and m.group("indent") != items[0][1].group("indent")):
            break
        items.insert(0, (at, m))
        at = _content(lines, at - 1, -1)
    if not items or at is None:
        return None
    field = _OPENS.match(lines[at - 1])
    if field is None:
        return None
    key, column = field.group("key"), field.start("key")
    mine = len(items[0][1].group("indent"))
    if later is not None:  # over-indented: the later item's indentation is the list's
        theirs = len(later.group("indent"))
        if not column <= theirs < mine:
            return None
        first = items[0][1].group("item")
        return (items[0][0], mine + 1,
                M("`- {item}` is indented {mine} spaces and `- {next}` below it {theirs}, "
                  "so YAML ends the list of `{key}:` at `- {next}`", item=first, mine=mine,
                  next=later.group("item"), theirs=theirs, key=key),
                M("indent `- {item}` by {theirs} spaces, like `- {next}`: `{written}`",
                  item=first, theirs=theirs, next=later.group("item"),
                  written=" " * theirs + "- " + first) if len(items) == 1 else
                M("indent the items from `- {item}` to `- {last}` by {theirs} spaces, like "
                  "`- {next}`: `{written}`", item=first, last=items[-1][1].group("item"),
                  theirs=theirs, next=later.group("item"),
                  written=" " * theirs + "- " + first))
    below = lines[line - 1]
    if mine >= column or at >= line or len(below) - len(below.lstrip(" ")) <= mine or \
            items[-1][0] != _content(lines, line - 1, -1):
        return None
    first, n = items[0][1].group("item"), column + 2
    return (items[0][0], mine + 1,
            M("`- {item}` starts its `-` after {mine} spaces, left of `{key}:` above it "
              "({column}), so YAML does not read it as an item of `{key}`", item=first,
              mine=mine, key=key, column=column),
            M("indent `- {item}` by {n} spaces, two more than `{key}:`: `{written}`",
              item=first, n=n, key=key, written=" " * n + "- " + first) if len(items) == 1
            else M("indent each item of `{key}:` by {n} spaces, two more than `{key}:`: "
                   "`{written}`", key=key, n=n, written=" " * n + "- " + first))


def _content(lines: list[str], number: int, step: int) -> int | None:
    """The nearest line from `number` (1-based, itself included) in direction `step` that
    is neither blank nor a comment, or None."""
    while 1 <= number <= len(lines):
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return number
        number += step
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def lost_dash(detail: str, text: str, line: int) -> tuple[int, int, str, str] | None:
    """A list item written without its `- ` (`kind: Meeting` among `- kind: Meeting` items),
    where the parser gave up at `line`: the item's first field stands at the column of the
    other items' `-` and its next field two columns further in, where the fields of an
    item start. In the middle of the list the parser gives up on that line; for the first
    item, on the field under it (read as more of its value). As (line, column, message,
    hint), or None: the one fix is the `- `, whichever line the parser names."""
    if not any(w in detail for w in _INDENT_ERRORS):
        return None
    lines = text.splitlines()
    for number in (line, _content(lines, line - 1, -1)):
        if number is None or not 1 <= number <= len(lines):
            continue
        here = lines[number - 1]
        m = _KEY.match(here)
        if m is None or here.lstrip().startswith(("-", "#")):
            continue
        column = _indent(here)
        below = _content(lines, number + 1, 1)
        if below is None or _KEY.match(lines[below - 1]) is None or \
                lines[below - 1].lstrip().startswith("-") or \
                _indent(lines[below - 1]) != column + 2:
            continue
        if not _an_item_beside(lines, number, column):
            continue
        written = here.strip()
        return (number, column + 1,
                M("`{key}:` starts a list item, but its `- ` is missing: the other items of "
                  "the list start with `- `", key=m.group("key").strip()),
                M("start the new item with `- `: `- {text}`", text=written))
    return None


def lost_item_dash(text: str, line: int) -> tuple[int, int, str, str] | None:
    """A plain item of a list of plain items written without its `- ` (`xu-fang` under
    `- he-min`, at the column of the `-`): the parser reads it as a key and gives up for
    want of its `:` (`line`, 1-based, is where that key began). Only when the nearest line
    above it is such an item at the same column, the line itself bare text. As (line,
    column, message, hint), or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    item = here.strip()
    above = _content(lines, line - 1, -1)
    if not item or item.startswith(("-", "#", "[", "{", "?")) or ": " in item or \
            item.endswith(":") or " #" in item or above is None:
        return None
    column, theirs = _indent(here), lines[above - 1]
    if _indent(theirs) != column or not theirs.lstrip().startswith("- ") or \
            _KEY.match(theirs) is not None:
        return None
    return (line, column + 1,
            M("`{item}` seems to miss its `- `: the other items of the list start with "
              "`- `, so YAML cannot read this line", item=item),
            M("start it with `- `, like the items above: `- {item}`", item=item))


def lost_first_dash(text: str, line: int) -> tuple[int, int, str, str] | None:
    """The first plain item of a list written at its key's column (`  members:` then
    `  liu-yang` and `  - he-min`) without its `- `: the parser reads it as a key and gives
    up for want of its `:` (`line`, 1-based). Only when the nearest line above is that
    `key:` with nothing after it, at the same column, and the nearest line below a plain
    `- ` item at the same column. As (line, column, message, hint), or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    item = here.strip()
    above, below = _content(lines, line - 1, -1), _content(lines, line + 1, 1)
    if not item or item.startswith(("-", "#", "[", "{", "?")) or ": " in item or \
            item.endswith(":") or " #" in item or above is None or below is None:
        return None
    column, key, then = _indent(here), lines[above - 1], lines[below - 1]
    m = _KEY.match(key)
    if m is None or key.lstrip().startswith("-") or _indent(key) != column or \
            key[m.end():].strip() or _indent(then) != column or \
            not then.lstrip().startswith("- ") or _KEY.match(then) is not None:
        return None
    return (line, column + 1,
            M("`{item}` seems to miss its `- `: the other items of the list start with "
              "`- `, so YAML cannot read this line", item=item),
            M("start it with `- `, like the items below: `- {item}`", item=item))


def _an_item_beside(lines: list[str], number: int, column: int) -> bool:
    """Whether an item of the list (a `- ` at `column`) stands above line `number` or below
    it, with only deeper lines between: the list the line belongs to."""
    for step in (-1, 1):
        at = _content(lines, number + step, step)
        while at is not None:
            other = lines[at - 1]
            indent = _indent(other)
            if indent == column and other.lstrip().startswith("- "):
                return True
            if indent <= column:
                break
            at = _content(lines, at + step, step)
    return False


# `name:产品部`: a key, its colon and the value with no space between: YAML reads one plain
# text (a colon ends a key only before a space), so the parser finds no field there
_GLUED_COLON = lazy(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][\w.-]*|"
                   r"[^\x00-\x7f\s:：#\-－][^:：#\s]{0,11}):(?P<value>[^\s:/#].*?)\s*$")


def glued_colon(text: str, lines: Iterable[int]) -> tuple[int, int, str, str] | None:
    """`name:产品部`: a field with no space after its colon, on the first of `lines`
    (1-based) that has one, as (line, column of the colon, message, hint), or None."""
    all_lines = text.splitlines()
    for number in lines:
        if not 1 <= number <= len(all_lines):
            continue
        m = _GLUED_COLON.match(all_lines[number - 1])
        if m is None:
            continue
        key, value = m.group("key"), m.group("value")
        return (number, m.end("key") + 1,
                M("no space follows the colon of `{key}:`: YAML reads `{key}:{value}` as one "
                  "piece of text, not as a field", key=key, value=value),
                M("write `{key}: {value}` (a space after the colon)", key=key, value=value))
    return None


def explain(detail: str, text: str, line: int) -> tuple[str, str, int | None] | None:
    """What an indentation slip or an unquoted `: ` means, as (message, hint, column), or
    None; the column (1-based) is the key's first character for an indentation slip, over-
    or under-indented alike, and None for the parser's own."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    m = _KEY.match(here)
    if m and not here.lstrip().startswith("- ") and any(
            w in detail for w in _INDENT_ERRORS):
        # before the `: ` below: quoting the deeper line's value is no fix, and its hint
        # would say the same again (`names: "{en: Hong Kong Operations}"`)
        deeper = _under_a_value(lines, line, m)
        if deeper is not None:
            return deeper
    if "mapping values are not allowed" in detail and m:
        rest = here[m.end():].strip()
        if ": " in rest or rest.endswith(":"):
            key = m.group("key").strip()
            return (M("the value of `{key}` contains `: `, which YAML reads as another key",
                      key=key),
                    M("put the value in quotes: `{key}: \"{value}\"`", key=key, value=rest),
                    None)
    if not m or not any(w in detail for w in ("expected '-' indicator", "expected key",
                                              "mapping values are not allowed",
                                              "expected ':'")):
        return None
    if here.lstrip().startswith("- "):  # a whole item out of line with the items above
        item = _item_slip(lines, line)
        if item is not None:
            return item
    above = next((lines[i] for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    above_key = _KEY.match(above) if above else None
    if above is None or above_key is None:
        return None
    mine, theirs = len(m.group("indent")), len(above_key.group("indent"))
    if above.lstrip().startswith("- "):
        theirs = len(above) - len(above.lstrip()) + 2  # the item's fields start after "- "
    if mine == theirs:
        return None
    key = m.group("key").strip()
    return (M("`{key}:` is indented {mine} spaces; the field above it uses {theirs}",
              key=key, mine=mine, theirs=theirs),
            M("indent `{key}:` by {theirs} spaces, like the other fields of the same item",
              key=key, theirs=theirs), m.start("key") + 1)


_INDENT_ERRORS = ("expected '-' indicator", "expected key", "mapping values are not allowed",
                  "expected ':'", "expected <block end>")
_FIELD_KEY = lazy(r"[A-Za-z_][\w.-]*")
_QUOTED_OR_FLOW = ("'", '"', "[", "{")
_MOST_ABOVE = 200  # lines of wrapped prose looked through for the field they continue


def _under_a_value(lines: list[str], line: int,
                   m: re.Match[str]) -> tuple[str, str, int] | None:
    """A field (`names:`, matched by `_KEY` as `m` on `line`) indented deeper than the field
    above it, which has its value on its line (`name: 香港營運部`), as (message, hint, column
    of the key), else None. YAML reads a deeper line as more of a plain value, so the
    parser stops at its `: `, and after a quoted or `{...}` value cannot read a field at
    all: either way the fix is to align the line with that field. Lines of prose between
    them (the value wrapped over lines) are passed over; a key that is no field name
    (`目標: 三成`) is left to the other hints."""
    key = m.group("key").strip()
    if not _FIELD_KEY.fullmatch(key) and not fields_named(key):
        return None
    mine = m.start("key")
    for number in range(line - 1, max(0, line - 1 - _MOST_ABOVE), -1):
        above = lines[number - 1]
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        found = _KEY.match(above)
        if found is None:
            continue  # wrapped prose of a value, or no field: look further up
        theirs = found.start("key")
        if theirs >= mine:
            return None
        value = above[found.end():].split(" #", 1)[0].strip()
        if not value or value[0] in "|>&!*":  # opens a mapping or a block of text
            return None
        field = found.group("key").strip()
        if value.startswith(_QUOTED_OR_FLOW):
            said = M("`{key}:` is indented {mine} spaces, deeper than `{field}:` on line "
                     "{line} ({theirs} spaces), which already has its value: YAML cannot "
                     "read a field there", key=key, mine=mine, field=field, line=number,
                     theirs=theirs)
        else:
            said = M("`{key}:` is indented {mine} spaces, deeper than `{field}:` on line "
                     "{line} ({theirs} spaces): YAML reads it as more of the value of "
                     "`{field}`, not as a field", key=key, mine=mine, field=field,
                     line=number, theirs=theirs)
        return (said, M("align `{key}:` with `{field}:` on line {line}: indent it by "
                        "{theirs} spaces, so that it starts in column {col}", key=key,
                        field=field, line=number, theirs=theirs, col=theirs + 1), mine + 1)
    return None


def _item_slip(lines: list[str], line: int) -> tuple[str, str, int | None] | None:
    """A list item (`- kind: Person`) whose `-` stands at another column than the `-` of
    the item above it, said as the item's slip (moving its field, as for a field, would
    leave the item out of line)."""
    here = lines[line - 1]
    mine = len(here) - len(here.lstrip())
    for i in range(line - 2, -1, -1):
        text = lines[i]
        if text.lstrip().startswith("- "):
            theirs = len(text) - len(text.lstrip())
            if theirs == mine:
                return None
            return (M("this list item starts its `-` after {mine} spaces; the item above "
                      "starts after {theirs}", mine=mine, theirs=theirs),
                    M("move the `-` to start after {theirs} spaces, like the item above (its "
                      "fields follow it)", theirs=theirs), mine + 1)
    return None


_TAB_KEY = lazy(r"^[ \t]*\t[ \t]*(?P<key>[^\s:#\-][^:#]*?):(?:\s|$)")


def tab_hint(lines: list[str], number: int) -> str:
    """The fix for a tab that indents the field on line `number` of `lines`: the spaces that
    put it where the parser needs it, in line with the field above it (the first field of
    the item above it, after its `- `), or two more when that field opens a mapping
    (`steps:`). The count of spaces is the column, so a tab is never read as "one level"."""
    m = _TAB_KEY.match(lines[number - 1]) if 1 <= number <= len(lines) else None
    above = next((lines[i] for i in range(number - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    above_key = _KEY.match(above) if above is not None and "\t" not in above else None
    if m is None:  # `\t- platform-uptime`: where the item's `-` belongs
        return tab_item_fix(lines, number) or \
            M("replace the tab with spaces (two per level of indentation)")
    if above is None or above_key is None:
        return M("replace the tab with spaces (two per level of indentation)")
    key, theirs = m.group("key").strip(), len(above_key.group("indent"))
    if above.lstrip().startswith("- "):
        theirs = len(above) - len(above.lstrip()) + 2  # the item's fields start after "- "
    if above.split("#", 1)[0].rstrip().endswith(":"):
        return M("replace the tab with spaces: indent `{key}:` by {n} spaces, two more than "
                 "`{above}:` above it", key=key, n=theirs + 2,
                 above=above_key.group("key").strip())
    return M("replace the tab with spaces: indent `{key}:` by {n} spaces, in line with "
             "`{above}:` above it", key=key, n=theirs, above=above_key.group("key").strip())


_FULL_HASH = lazy(r"^[ \t]*＃[ \t\u3000]*(?P<rest>.*?)\s*$")


def full_hash(line: str) -> tuple[str, str] | None:
    """(message, hint) for a line the parser could not read as a field because it starts
    with the IME's full-width `＃` (U+FF03) where a comment's `#` was meant, else None."""
    m = _FULL_HASH.match(line)
    if m is None:
        return None
    return (M("a full-width `＃` (U+FF03) starts this line: a YAML comment starts with an "
              "ASCII `#`, so this line is read as text"),
            M("write `# {rest}` (an ASCII `#`; switch the IME to half-width)",
              rest=m.group("rest")))


def plain(detail: str, at: str) -> tuple[str, str] | None:
    """The parser's error `detail` (raised at character `at`) in plain words, as (message,
    hint), or None when it is not one of the common ones."""
    if at == "\t" or "tab character" in detail:
        return (M("a tab character here: YAML indents with spaces only"),
                M("replace the tab with spaces (two per level of indentation)"))
    if "cannot start any token" in detail:
        return (M("`{char}` cannot start a value in YAML", char=at.strip() or "?"),
                M("quote values that start with @, ` or %"))
    if "scanning an alias" in detail or "undefined alias" in detail or \
            "scanning an anchor" in detail:  # `*重点* 品牌宣传`: emphasis, not an alias
        return (M("a value cannot start with `*` or `&` in YAML: they mark an alias or an "
                  "anchor"),
                M("put the value in quotes, e.g. `description: \"*重点* 品牌宣传\"`"))
    if "mapping values are not allowed" in detail:
        return (M("a `: ` here would start a field where YAML cannot take one"),
                M("put a value holding `: ` in quotes, and line each field up with the "
                  "others of its item"))
    if "could not find expected ':'" in detail:
        return (M("this line has no `:` after its text, so YAML cannot read it as a field"),
                M("write it as `key: value`, or start it with `#` to make it a comment"))
    return None


_REST_OF_ITEM = lazy(r"(?:,\d[^,\[\]{}\n]*)+")
_DIGITS_BEFORE = lazy(r"\d+$")
_DIGITS_AFTER = lazy(r"\d+")


def flow_comma(text: str, end: int, value: str, key: str | None) -> tuple[str, str] | None:
    """A comma between digits (`NT$4,000 萬`, `成長 1,5 倍`) right after the plain scalar
    `value` (not in a list of bare numbers, `[100,200]`), which ends at character `end` of
    `text` inside a flow list (`key` None) or as the value of `key` in a flow mapping, as
    (message, hint), or None. YAML ends an item or a field at every comma there, so
    `[NT$4,000 萬, x]` is three items and `{title: 5,000 萬}` a cut title beside a field
    named `000 萬`."""
    if not value[-1:].isdigit() or text[end:end + 1] != "," or \
            not text[end + 1:end + 2].isdigit():
        return None
    after_digits = _DIGITS_AFTER.match(text, end + 1)
    after = text[end + 1:].split(",", 1)[0]
    after = re.split(r"[\]{}\n]", after, maxsplit=1)[0].strip()
    if after_digits is None or (value.isdigit() and after.isdigit()):
        return None  # `[1,2,3]`, `[100,200]`: a list of bare numbers
    rest = _REST_OF_ITEM.match(text, end)
    item = (value + rest.group() if rest else value).rstrip()
    before_digits = _DIGITS_BEFORE.search(value)
    number = (before_digits.group() if before_digits else "") + "," + after_digits.group()
    if key is None:
        return (M("the comma in `{number}` splits this item in two: inside `[...]` YAML ends "
                  "an item at every comma, so it reads `{before}` and `{after}` as two items",
                  number=number, before=value, after=after),
                M("put the item in quotes: `\"{item}\"`, or write the list one item per line "
                  "(`- {item}`)", item=item))
    return (M("the comma in `{number}` cuts the value of `{key}`: inside `{{...}}` YAML ends "
              "a field at every comma, so `{key}` is `{before}` and `{after}` is read as a "
              "field of its own", number=number, key=key, before=value, after=after),
            M("put the value in quotes: `{key}: \"{item}\"`, or write the fields one per "
              "line", key=key, item=item))


_CLOSERS = {"[": "]", "{": "}"}


def flow_comment(text: str, start: int, stop: int) -> tuple[int, str, str] | None:
    """A comment that took the closing bracket of the flow collection opened at character
    `start` of `text` (`[a, b #c]`, `{a: 1 #x}`: YAML ignores all after ` #` on the line),
    found before `stop`, where the parser gave up (a line or more later), as (the index of
    its `#`, message, hint), or None. A comment at the end of a line of a collection written
    over several lines (`[a,  # note`) is YAML's and is passed over: only one followed on
    its line by a `,`, `]` or `}` is taken."""
    opener = text[start:start + 1]
    if opener not in _CLOSERS:
        return None
    quote = ""
    i = start + 1
    while i < min(stop, len(text)):
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'" and text[i - 1] in " \t[{,:":
            quote = c
        elif c == "#" and text[i - 1] in " \t":
            end = text.find("\n", i)
            rest = text[i:end if end >= 0 else len(text)]
            if any(b in rest for b in ",]}"):
                return (i, *_comment_said(text, i, opener, rest))
        i += 1
    return None


_SPACE = " \t"
_ITEM_END = ",[]{}" + _SPACE  # what ends a plain word inside a flow collection


def missing_comma(text: str, start: int, stop: int) -> tuple[int, str, str] | None:
    """A comma left out between two items of the `[` (or `{`) opened at character `start`
    of `text`, on the line where the parser stopped at `stop` expecting `,` or the closer:
    `{ref: d1 role: accountable}` (the plain value runs on to the next key's `:`),
    `["王伟" 李娜]` and `{a: [1, 2] b: 3}` (an item after a quoted or bracketed one). As
    (character where the comma goes, message, hint showing the line fixed), or None."""
    opener = text[start:start + 1]
    if opener not in _CLOSERS or stop >= len(text):
        return None
    begin = text.rfind("\n", 0, stop) + 1
    word = stop
    if text[stop] == ":":  # the key whose value swallowed it: `d1 role` read as one value
        while word > begin and text[word - 1] not in _ITEM_END:
            word -= 1
        if word == stop:
            return None
    gap = word
    while gap > begin and text[gap - 1] in _SPACE:
        gap -= 1
    before = text[gap - 1:gap] if gap > max(begin, start + 1) else ""
    if not before or (text[stop] == ":" and (gap == word or before in ",[{:")) or \
            (text[stop] != ":" and before not in "\"']}"):
        return None
    end = text.find("\n", stop)
    line = text[begin:end if end >= 0 else len(text)]
    item = re.split(r"[\s:,\]}]", text[word:], maxsplit=1)[0]
    if not item:  # stopped at a closer (`[bob, ...}`: the `[` is never closed), no item
        return None
    fixed = (line[:gap - begin] + "," + line[gap - begin:]).strip()
    if opener == "{":
        message = M("a comma is probably missing before `{item}`: inside `{{...}}` YAML "
                    "needs a comma between two fields", item=item)
    else:
        message = M("a comma is probably missing before `{item}`: inside `[...]` YAML needs "
                    "a comma between two items", item=item)
    return gap, message, M("write the line as `{fixed}`", fixed=fixed)


# a `key:` starting a line, where the parser gave up inside a flow collection
_BLOCK_KEY = lazy(r"[ \t]*(?:-[ \t]+)?[^\s,\[\]{}#:：][^,\[\]{}#:：]*$")


def unclosed_flow(text: str, start: int, stop: int) -> tuple[str, str] | None:
    """The `[` (or `{`) opened at character `start` of `text` and never closed, when the
    parser gave up at `stop` on a later line at a `key:` of the lines below (`members: [a, b`
    then `mission: ...`): (message, hint) to be said at the bracket, where the mistake is;
    None otherwise (a missing comma inside a list written over several lines, say)."""
    opener = text[start:start + 1]
    if opener not in _CLOSERS or stop >= len(text) or text[stop] not in ":：":
        return None
    begin = text.rfind("\n", 0, stop) + 1
    if begin <= start or not _BLOCK_KEY.match(text[begin:stop]):
        return None
    closer = _CLOSERS[opener]
    line = text.count("\n", 0, begin)  # the last line of the collection (1-based)
    return (M("this `{open}` is never closed by `{close}`", open=opener, close=closer),
            M("end it with `{close}` after its last item (line {line})", close=closer,
              line=line))


def _comment_said(text: str, at: int, opener: str, rest: str) -> tuple[str, str]:
    closer = _CLOSERS[opener]
    begin = max(text.rfind(d, 0, at) for d in "[{,\n") + 1
    item = (text[begin:at] + re.split(r"[,\]}]", rest, maxsplit=1)[0]).strip()
    key, sep, value = item.partition(": ")
    fixed = f"{key}: \"{value.strip()}\"" if opener == "{" and sep else f"\"{item}\""
    return (M("` #` starts a comment inside `{open}...{close}`: YAML ignores the rest of the "
              "line, the closing `{close}` too", open=opener, close=closer),
            M("put the item in quotes: `{fixed}`; or write `#` without a space before it",
              fixed=fixed))


# the hints above that write a field with the value found after a full-width colon
_FIELD_FIXES = ("write `{field}: {value}`", "write `{key}: {value}`")


def field_fix(hint: str) -> tuple[str, str] | None:
    """(field, value as written) of a hint that writes a field after a full-width colon
    (`colon_said`, `_word_colon`: `write `owner: 董洁``), else None; `refix` writes it with
    another value (the id a name stands for, known only once the org is read)."""
    template = getattr(hint, "template", None)
    values: dict[str, object] = getattr(hint, "values", {})
    if not isinstance(template, str) or not template.startswith(_FIELD_FIXES):
        return None
    field, value = values.get("field", values.get("key")), values.get("value")
    return (field, value) if isinstance(field, str) and isinstance(value, str) else None


def refix(hint: M, value: str) -> M:
    """The hint `field_fix` read, writing `value` instead."""
    return M(hint.template, **{**hint.values, "value": value})
