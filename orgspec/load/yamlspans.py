"""Where each item of a YAML list, and each field of an item, stands in the text, with the
value it holds: for the importer, which keeps a user's layout of what a re-import leaves as
it was (`orgspec.adopt.keepstyle`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """Lines `start` (0-based) to `stop` (exclusive) of a text; `column` where it begins on
    line `start`; `value` what it holds, as YAML's safe loader builds it."""

    start: int
    stop: int
    column: int
    value: Any


@dataclass(frozen=True)
class Item:
    """One item of the top-level list; `fields` (key -> span of the key and its value) only
    when the item is a block mapping with text keys, else empty."""

    whole: Span
    fields: dict[str, Span] = field(default_factory=dict)


def item_spans(text: str) -> list[Item] | None:
    """The items of `text`'s top-level block list, in order, or None when `text` is not one
    YAML document holding a block list (or does not parse). A span's `stop` is the line
    after its last character: a block value ends where the next thing begins, blank and
    comment lines after it included (`trim` leaves them out). O(len(text))."""
    import yaml

    lines = text.split("\n")
    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            if not isinstance(root, yaml.SequenceNode) or root.flow_style:
                return None
            out = []
            for node in root.value:
                fields: dict[str, Span] = {}
                if isinstance(node, yaml.MappingNode) and not node.flow_style:
                    for key, value in node.value:
                        if isinstance(key, yaml.ScalarNode) and key.tag.endswith(":str"):
                            fields[str(key.value)] = Span(
                                key.start_mark.line, _stop(value.end_mark, lines),
                                key.start_mark.column,
                                loader.construct_object(value, deep=True))
                out.append(Item(Span(node.start_mark.line, _stop(node.end_mark, lines),
                                     node.start_mark.column,
                                     loader.construct_object(node, deep=True)), fields))
            return out
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError, ValueError, TypeError):
        return None


def _stop(mark: Any, lines: list[str]) -> int:
    """The line after a node that ends at `mark`: a block node ends where the next thing
    begins, which may be indented (the next key after a block list)."""
    line, column = int(mark.line), int(mark.column)
    if line >= len(lines) or not lines[line][:column].strip():
        return line
    return line + 1
