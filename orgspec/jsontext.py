"""Indented JSON, byte for byte what `json.dumps(obj, ensure_ascii=False, allow_nan=False,
indent=N)` writes, at a fraction of its cost.

The standard library only uses its C encoder without `indent`; with `indent` it runs the
pure-Python encoder, a generator per container, which made the JSON, SARIF and GitLab
reporters cost several times their output's size. Here one recursive function appends to a
list, strings are escaped by the C `encode_basestring` (the very function `json` uses), and
values are told apart by the same tests in the same order as the standard library's encoder
(`isinstance`, so a str or int subclass is written as its str or int). Anything else (a
non-str key, NaN, a set, a circular list) hands the whole document to `json.dumps`, so the
output is always exactly the standard library's, errors included.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INF = float("inf")
# a key's text (`"code": `), made once per distinct key (the first _KEYS_KEPT of them): a
# document's records repeat theirs (-15 % of the time for 4,008 findings)
_KEYS: dict[str, str] = {}
_KEYS_KEPT = 4096


class _Unusual(Exception):
    """A value this writer does not spell itself: `json.dumps` writes the document."""


def dumps(obj: Any, indent: int) -> str:
    """`obj` as indented JSON text (no trailing newline), non-ASCII kept as is; raises what
    `json.dumps(..., allow_nan=False)` raises (ValueError for NaN, TypeError for a value JSON
    has no spelling for)."""
    out: list[str] = []
    try:
        _write(obj, out, "\n", " " * indent)
    except (_Unusual, RecursionError):
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=indent)
    return "".join(out)


def _scalar(value: Any) -> str:
    # the standard library's order of tests, subclasses included (a `Said` message is a
    # str; an IntEnum is written as its int)
    if isinstance(value, str):
        text: str = encode_basestring(value)
        return text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and -_INF < value < _INF:
        return float.__repr__(value)
    raise _Unusual


def _write(value: Any, out: list[str], newline: str, step: str) -> None:
    """Append `value`'s text to `out`; `newline` is the line break and indentation of the
    line `value` starts on."""
    if isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + step
        sep = "," + inner
        out.append("[" + inner)
        first = True
        for item in value:
            if first:
                first = False
            else:
                out.append(sep)
            if type(item) is str:
                out.append(encode_basestring(item))
            elif isinstance(item, list | tuple | dict):
                _write(item, out, inner, step)
            else:
                out.append(_scalar(item))
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + step
        sep = "," + inner
        out.append("{" + inner)
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            if first:
                first = False
            else:
                out.append(sep)
            said = _KEYS.get(key) if type(key) is str else None  # a subclass's own ==
            if said is None:
                said = encode_basestring(key) + ": "
                if len(_KEYS) < _KEYS_KEPT and type(key) is str:
                    _KEYS[key] = said
            out.append(said)
            if type(item) is str:
                out.append(encode_basestring(item))
            elif isinstance(item, list | tuple | dict):
                _write(item, out, inner, step)
            else:
                out.append(_scalar(item))
        out.append(newline + "}")
    else:
        out.append(_scalar(value))
