"""Keep the user's layout of what a re-import leaves as it was.

The importer writes its YAML one way (block lists, its quoting); a user may have written a
list as `[a, b]`, an entity as `- {kind: Person, id: ada}`, or a name in quotes. Where the
new text holds an entity (same `kind` and `id`) or a field of one with the very value the
user's file holds, the user's lines are put in place of the import's: the entity whole when
all of it is unchanged, else each unchanged field. Comments are left out of the lines put in
(`keepcomments.carry` carries them after, each to its line). The result must load to what
the new text loads to, else the new text is kept as it is.
"""

from __future__ import annotations

import re

from orgspec.load.yamlcomments import comment_starts
from orgspec.load.yamlspans import Item, Span, item_spans


def keep_style(now: str, new: str) -> str:
    """`new` with the user's lines (from `now`) for each entity, else field, whose value is
    unchanged; `new` itself when either text does not read as a list of entities, or the
    result would not load to the same entities. O(len(now) + len(new))."""
    mine, theirs = item_spans(now), item_spans(new)
    my_starts, their_starts = comment_starts(now), comment_starts(new)
    if mine is None or theirs is None or my_starts is None or their_starts is None:
        return new
    lines, out = now.split("\n"), new.split("\n")
    code = _code(lines, my_starts)
    out_code = _code(out, their_starts)
    users = _by_key(mine)
    swaps: list[tuple[int, int, list[str]]] = []  # new's lines [start, stop) -> the user's
    for item in theirs:
        was = users.get(entity_key(item))
        if was is None:
            continue
        if was.whole.value == item.whole.value:
            swap = _swap(was.whole, item.whole, lines, code, out, out_code, item=True)
            if swap is not None:
                swaps.append(swap)
                continue
        for name, span in item.fields.items():
            old = was.fields.get(name)
            if old is not None and old.value == span.value:
                swap = _swap(old, span, lines, code, out, out_code, item=False)
                if swap is not None:
                    swaps.append(swap)
            elif old is not None:
                swap = _flow(old, span, code, out, out_code)
                if swap is not None:
                    swaps.append(swap)
    if not swaps:
        return new
    for start, stop, put in sorted(swaps, reverse=True):
        out[start:stop] = put
    result = "\n".join(out)
    again = item_spans(result)
    if again is None or [i.whole.value for i in again] != [i.whole.value for i in theirs]:
        return new
    return result


def _flow(old: Span, span: Span, code: list[str | None], out: list[str],
          out_code: list[str | None]) -> tuple[int, int, list[str]] | None:
    """New's lines of a changed list of plain words -> one line `key: [a, b, c]`, when the
    user wrote that field's list so (`members: [li-na, sun-hao]`) and the new one has no
    comment (the import names a 工号 in one) and fits: a re-import that adds a member then
    changes one line, not the list's layout (trial 36)."""
    first = code[old.start]
    if first is None or _trim(old, code) != old.start + 1 or old.column != span.column:
        return None
    head = _FLOW_HEAD.match(first)
    value = span.value
    if head is None or not first.rstrip().endswith("]") or not isinstance(value, list) or \
            not all(isinstance(v, str) and _plain(v) for v in value):
        return None
    stop = _trim(span, out_code)
    if any(out_code[i] != out[i] for i in range(span.start, stop)):
        return None  # a comment of the import's on an item
    line = f"{head.group(1)}[{', '.join(value)}]"
    if len(line) > max(len(first), FLOW_WIDTH):
        return None
    return span.start, stop, [line]


FLOW_WIDTH = 100  # a list longer than this on one line is kept as the import writes it
_FLOW_HEAD = re.compile(r"^(\s*[^\s#:][^:#]*:\s*)\[")
_PLAIN = re.compile(r"[^\s,\[\]{}#&*!|>'\"%@`:?-][^,\[\]{}#]*")


def _plain(word: str) -> bool:
    """True when `word` reads back as itself, written bare in a flow list."""
    import yaml

    if not _PLAIN.fullmatch(word) or word != word.strip() or ": " in word:
        return False
    try:
        return bool(yaml.safe_load(f"[{word}]") == [word])
    except yaml.YAMLError:
        return False


def _code(lines: list[str], starts: dict[int, int]) -> list[str | None]:
    """Each line without its comment; None for one that is only a comment."""
    out: list[str | None] = []
    for number, line in enumerate(lines):
        col = starts.get(number)
        body = line if col is None else line[:col].rstrip()
        out.append(None if col is not None and not body else body)
    return out


def entity_key(item: Item) -> tuple[str, str] | None:
    """(kind, id) of a list item that is an entity with an id; None for any other."""
    value = item.whole.value
    if not isinstance(value, dict) or "id" not in value:
        return None
    return str(value.get("kind")), str(value["id"])


def _by_key(items: list[Item]) -> dict[tuple[str, str] | None, Item]:
    """Key -> the one item of it (a key given twice names none)."""
    seen: dict[tuple[str, str] | None, list[Item]] = {}
    for item in items:
        seen.setdefault(entity_key(item), []).append(item)
    return {key: found[0] for key, found in seen.items() if key is not None and len(found) == 1}


def _trim(span: Span, code: list[str | None]) -> int:
    """The line after the span's last line that says something (blank and comment lines
    after a block value belong to what follows)."""
    stop = span.stop
    while stop > span.start + 1 and not (code[stop - 1] or "").strip():
        stop -= 1
    return stop


def _swap(old: Span, span: Span, lines: list[str], code: list[str | None], out: list[str],
          out_code: list[str | None], item: bool) -> tuple[int, int, list[str]] | None:
    """New's lines of `span` -> the user's lines of `old` (their comments left out), when
    both begin alike on their first line (an item's `- `, a field's indent) and differ."""
    first, their_first = code[old.start], out_code[span.start]
    if first is None or their_first is None or old.column != span.column:
        return None
    lead, their_lead = first[:old.column], their_first[:span.column]
    if item and not (lead.startswith("-") and lead[1:].strip() == "" and
                     their_lead.startswith("-") and their_lead[1:].strip() == ""):
        return None
    if not item and lead != their_lead:
        return None
    stop, their_stop = _trim(old, code), _trim(span, out_code)
    put = [text for text in code[old.start:stop] if text is not None]
    if put == out[span.start:their_stop]:
        return None
    return span.start, their_stop, put
