"""Keep the user's order of entities, and their file without the import's header, in the
text a re-import writes for a file they edited (NAME.yaml.new, or the file updated in place).

The importer writes a file's entities in its own order (trial 36: a hand-written
`teams.yaml` re-imported for one moved person and one new hire gave a 160-line diff, every
team moved). Here the entities the user's file already holds (same `kind` and `id`) keep
the user's order, and each new one follows what the import wrote it after. A file that
does not open with the import's header (written by hand, or the header deleted) does not
gain one. Lines only, as `keepstyle`: the result must hold the same entities as the new
text, else the new text is kept as it is.
"""

from __future__ import annotations

from orgspec.adopt.keepstyle import entity_key
from orgspec.load.yamlspans import item_spans


def _content_stop(lines: list[str], start: int, stop: int) -> int:
    """The line after the last line of [start, stop) that says something (not blank, not
    only a comment): what follows an entity belongs to the gap before the next."""
    while stop > start + 1 and (not lines[stop - 1].strip() or
                                lines[stop - 1].lstrip().startswith("#")):
        stop -= 1
    return stop


def keep_order(now: str, new: str) -> str:
    """`new` with the entities `now` also holds in `now`'s order, each new one right after
    the entity the import wrote it after (a new hire after her team); `new` itself when
    either text is not a list of entities, a key is given twice, or nothing moves.
    O(len(now) + len(new) + n * k) for n entities, k of them new."""
    mine, theirs = item_spans(now), item_spans(new)
    if not mine or not theirs:
        return new
    my_keys = [entity_key(i) for i in mine]
    their_keys = [entity_key(i) for i in theirs]
    if len(set(my_keys)) != len(my_keys) or len(set(their_keys)) != len(their_keys):
        return new  # a key given twice, or an item that is not an entity (None twice)
    rank: dict[tuple[str, str] | None, int] = {key: n for n, key in enumerate(my_keys)
                                               if key is not None}
    order = sorted((n for n, key in enumerate(their_keys) if key in rank),
                   key=lambda n: rank[their_keys[n]])
    for n, key in enumerate(their_keys):  # a new one right after what the import put it after
        if key not in rank:
            order.insert(order.index(n - 1) + 1 if n else 0, n)
    if order == list(range(len(theirs))):
        return new
    lines = new.split("\n")
    starts = [item.whole.start for item in theirs]
    ends = [*starts[1:], len(lines)]
    bodies = [lines[s:_content_stop(lines, s, e)] for s, e in zip(starts, ends, strict=True)]
    gaps = [lines[_content_stop(lines, s, e):e] for s, e in zip(starts, ends, strict=True)]
    out = lines[:starts[0]]
    for slot, index in enumerate(order):
        out += bodies[index] + gaps[slot]
    result = "\n".join(out)
    again = item_spans(result)
    if again is None or sorted(map(repr, (i.whole.value for i in again))) != \
            sorted(map(repr, (i.whole.value for i in theirs))):
        return new
    return result


def without_header(now: str, new: str, header: frozenset[str]) -> str:
    """`new` without the comment lines it opens with (the import's header, each line in
    `header` or new's own) when `now`, the user's file, does not open with such a line."""
    lines = new.split("\n")
    top = 0
    while top < len(lines) and lines[top].startswith("#"):
        top += 1
    if not top:
        return new
    theirs = header | set(lines[:top])
    first = next((line for line in now.split("\n") if line.strip()), "")
    if first in theirs:
        return new
    while top < len(lines) and not lines[top].strip():
        top += 1  # the blank line after the header
    return "\n".join(lines[top:])
