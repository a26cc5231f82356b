"""Nested unbounded quantifiers in a rule pack's regex (`^(a+)+$`): a backtracking matcher
can take minutes on a value of 36 characters, and cutting the text a pattern sees would
change what it finds, so such a pattern is refused when the pack is read, with the fix; the
inner repetition made possessive (`a++`) or atomic (`(?>...)`) cannot backtrack and is
accepted. The shapes this does not see (`^(a|aa)+$`) are stopped by the time budget of
`engine.packregex` while the rule runs.
"""

from __future__ import annotations

import re
from typing import Any

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")
_SAFE = ("POSSESSIVE_REPEAT", "ATOMIC_GROUP")


def nested_repeat(pattern: str) -> str:
    """The first repetition of `pattern` that repeats an unbounded repetition, as written
    (`(a+)+`) when a group of the text is it, else as `(...)+`; `""` when none. `pattern`
    compiles."""
    import re._parser as sre  # type: ignore[import-not-found,unused-ignore]

    found = _outer(list(sre.parse(pattern)))
    if not found:
        return ""
    return next((part for part in _quantified_groups(pattern) if _flagged(part)), found)


def _flagged(part: str) -> bool:
    import re
    import re._parser as sre  # type: ignore[import-not-found,unused-ignore]

    try:
        return bool(_outer(list(sre.parse(part))))
    except re.error:  # a group that refers to another (`\1`) is not a pattern alone
        return False


_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*,?\d*\})[?+]?")


def _quantified_groups(pattern: str) -> list[str]:
    """Each `(...)` of `pattern` followed by a quantifier, as written, outermost first."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if pattern[i + 1:i + 2] == "]" else 1  # `[]...]`: the `]` is in the set
            continue
        elif char == "(":
            opened.append(i)
        elif char == ")" and opened:
            quantifier = _QUANTIFIER.match(pattern, i + 1)
            start = opened.pop()
            if quantifier:
                spans.append((start, quantifier.end()))
        i += 1
    return [pattern[a:b] for a, b in sorted(spans)]


def _outer(items: list[Any]) -> str:
    for op, av in items:
        name = str(op)
        if name in _SAFE:
            continue
        if name in _REPEATS:
            low, high, body = av
            if high > 1 and _unbounded(list(body)):
                return "(...)" + _quantifier(low, high)
        for sub in _children(name, av):
            found = _outer(sub)
            if found:
                return found
    return ""


def _unbounded(items: list[Any]) -> bool:
    from re._constants import MAXREPEAT  # type: ignore[import-not-found,unused-ignore]

    for op, av in items:
        name = str(op)
        if name in _SAFE:
            continue
        if name in _REPEATS and av[1] == MAXREPEAT:
            return True
        if any(_unbounded(sub) for sub in _children(name, av)):
            return True
    return False


def _children(name: str, av: Any) -> list[list[Any]]:
    """The sub-patterns of one parsed item (a group, a branch, a repeat, a lookaround)."""
    if name in _REPEATS:
        return [list(av[2])]
    if name == "SUBPATTERN":
        return [list(av[3])]
    if name == "BRANCH":
        return [list(b) for b in av[1]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(av[1])]
    if name == "GROUPREF_EXISTS":
        return [list(b) for b in av[1:] if b is not None]
    return []


def _quantifier(low: int, high: int) -> str:
    from re._constants import MAXREPEAT  # type: ignore[import-not-found,unused-ignore]

    if high == MAXREPEAT:
        return "*" if low == 0 else "+" if low == 1 else f"{{{low},}}"
    return f"{{{low},{high}}}"
