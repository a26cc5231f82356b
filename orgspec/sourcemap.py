"""Where every entity, field and list item of a file sits: path -> file:line:column."""

from __future__ import annotations

from typing import Any

from orgspec.findings import Location
from orgspec.yamlevents import Path, Span


class FileMap:
    """Positions of one file's nodes, looked up by data path (doc index, keys, indices)."""

    __slots__ = ("file", "keys", "line_count", "values")

    def __init__(self, file: str, values: dict[Path, Span], keys: dict[Path, tuple[int, int]],
                 line_count: int) -> None:
        self.file = file
        self.values = values
        self.keys = keys
        self.line_count = line_count

    def at(self, line: int, col: int) -> Location:
        return Location(self.file, line, col)

    def value(self, path: Path) -> Location:
        """The span of the value at `path`, or of its nearest located ancestor."""
        path = self._nearest(path, self.values)
        span = self.values.get(path)
        if span is None:
            return Location(self.file, 1, 1)
        end_line = min(span[2], self.line_count)
        end_col = span[3] if end_line == span[2] else 0
        return Location(self.file, span[0], span[1], end_line, end_col)

    def locate(self, path: Path) -> Location:
        """The key that introduces `path` when there is one (`owner: x` -> `owner`), else
        the value; missing paths fall back to their nearest present ancestor."""
        path = self._nearest(path, self.values)
        key = self.keys.get(path)
        if key is None:
            return self.value(path)
        span = self.values.get(path)
        if span is not None and span[0] == key[0]:
            return Location(self.file, key[0], key[1], span[2], span[3])
        return Location(self.file, key[0], key[1], key[0], key[1] + len(str(path[-1])))

    def _nearest(self, path: Path, table: dict[Path, Any]) -> Path:
        while path and path not in table:
            path = path[:-1]
        return path
