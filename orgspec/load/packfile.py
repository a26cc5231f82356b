"""A user's rule pack file (config `rule-packs`) read as plain data with positions, as the
config and the org files are read (`yamlevents`): every scalar a string (or None), and no
anchors, aliases or tags, so a few hundred bytes cannot expand to gigabytes.

Its shape is checked by `engine.userpack`; every problem is a ConfigError naming the file,
and the line and column when known.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgspec import output
from orgspec.i18n import M
from orgspec.load.config import ConfigError
from orgspec.load.source import SourceError, decode, read_bytes, scan_forbidden

# keys (from the document's top) -> `file:line:col`; at the key, or with `value` at the value
PackWhere = Callable[[tuple[Any, ...], bool], str]


def invalid(where: str, why: str) -> ConfigError:
    """The one-line error about a rule pack: `file:line:col: invalid rule pack: why`."""
    return ConfigError(M("{where}: invalid rule pack: {why}", where=where, why=why))


def read_pack_file(path: str) -> tuple[Any, PackWhere]:
    """The one document of the pack at `path` and where its parts are written. Raises
    ConfigError for a file that cannot be read, holds a control character, is not YAML as
    org files are (anchors and aliases included) or holds several documents."""
    from orgspec.load.yamlevents import parse

    output.protect([path])  # an input: no output of this run may overwrite it

    def at(line: int, col: int) -> str:
        return f"{path}:{line}:{col}"

    try:
        text = decode(read_bytes(path))
    except SourceError as err:
        raise invalid(at(err.line, err.col), err.message) from None
    bad = scan_forbidden(text, most=1)
    if bad:
        raise invalid(at(bad[0].line, bad[0].col),
                      M("it contains {what}", what=bad[0].describe()))
    parsed = parse(text)
    problem = parsed.fatal or (parsed.problems[0] if parsed.problems else None)
    if problem is not None:
        why = M("{message} ({hint})", message=problem.message, hint=problem.hint) \
            if problem.hint else problem.message
        raise invalid(at(problem.line, problem.col), why)
    if len(parsed.docs) != 1:
        raise invalid(at(1, 1), M("a rule pack is one YAML document"))

    def where(keys: tuple[Any, ...], value: bool = False) -> str:
        key, span, depth = parsed.locate((0, *keys))
        line, col = span[:2] if value and depth == len(keys) + 1 else key or span[:2]
        return at(line, col)

    return parsed.docs[0], where
