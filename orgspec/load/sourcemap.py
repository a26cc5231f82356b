"""Where every entity, field and list item of a file sits: path -> file:line:column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orgspec.findings import Location

if TYPE_CHECKING:  # PyYAML is imported when a file is parsed, not for a cached entry
    from orgspec.load.yamlevents import Parsed, Path


class FileMap:
    """Positions of one file's nodes, looked up by data path (doc index, keys, indices).

    Read back from the cache, `parsed` stays pickled until it is first used: a re-check
    after one file changed locates findings in some files only, and unpickling every
    file's documents and position tables was 0.19 s of the 0.45 s that reading 500 files'
    entries back cost (`docs/benchmarks.md`)."""

    __slots__ = ("_parsed", "_pickled", "file", "line_count")

    def __init__(self, file: str, parsed: Parsed, line_count: int) -> None:
        self.file = file
        self._parsed: Parsed | None = parsed
        self._pickled: bytes | None = None
        self.line_count = line_count

    @property
    def parsed(self) -> Parsed:
        """The file's documents and where each node was written."""
        if self._parsed is None:
            import pickle

            assert self._pickled is not None
            # signed with the entry that holds it (`load.cache`), so trusted as it is
            self._parsed = pickle.loads(self._pickled)  # noqa: S301
            self._pickled = None
        return self._parsed

    def __getstate__(self) -> tuple[str, int, bytes]:
        import pickle

        packed = self._pickled if self._parsed is None else pickle.dumps(
            self._parsed, protocol=pickle.HIGHEST_PROTOCOL)
        assert packed is not None
        return self.file, self.line_count, packed

    def __setstate__(self, state: tuple[str, int, bytes]) -> None:
        self.file, self.line_count, self._pickled = state
        self._parsed = None

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
