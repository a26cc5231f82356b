"""Where every entity, field and list item of a file sits: path -> file:line:column."""

from __future__ import annotations

from typing import Any

from orgspec.findings import Location
from orgspec.load.yamlevents import Parsed, Path


class FileMap:
    """Positions of one file's nodes, looked up by data path (doc index, keys, indices)."""

    __slots__ = ("file", "line_count", "parsed")

    def __init__(self, file: str, parsed: Parsed, line_count: int) -> None:
        self.file = file
        self.parsed = parsed
        self.line_count = line_count

    def value(self, path: Path) -> Location:
        """The span of the value at `path`, or of its nearest existing ancestor."""
        _, span, _ = self.parsed.locate(path)
        return self._span(span)

    def locate(self, path: Path) -> Location:
        """The key that introduces `path` when there is one (`owner: x` -> `owner`), else
        the value; missing paths fall back to their nearest existing ancestor."""
        key, span, depth = self.parsed.locate(path)
        if key is None:
            return self._span(span)
        if span[0] == key[0]:
            return self._span((key[0], key[1], span[2], span[3]))
        name = str(path[depth - 1])
        return Location(self.file, key[0], key[1], key[0], key[1] + len(name))

    def node(self, path: Path) -> Any:
        """The raw data at `path` (None when absent)."""
        return self.parsed.node(path)

    def _span(self, span: tuple[int, int, int, int]) -> Location:
        # libyaml ends a block collection on the line after its last item; clamp to the file
        end_line = min(span[2], self.line_count)
        end_col = span[3] if end_line == span[2] else 0
        return Location(self.file, span[0], span[1], end_line, end_col)
