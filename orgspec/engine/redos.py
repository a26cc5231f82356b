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
            if high > 1 and _unbounded(list(body)) and not _separated(list(body)):
                return "(...)" + _quantifier(low, high)
        for sub in _children(name, av):
            found = _outer(sub)
            if found:
                return found
    return ""


def _separated(items: list[Any]) -> bool:
    """Whether each pass of a repeated group must take a character (a literal written in
    the group itself, not optional) that no unbounded repetition of the group can take:
    `(\\.[a-z]+)*`, `(-\\w+)*`, `(\\.\\d+){0,2}`. The passes then split a text one way
    only, and the repetition is linear; `(\\w+\\s?)+` and `(.*a){20}` are not so."""
    while len(items) == 1 and str(items[0][0]) == "SUBPATTERN":
        items = list(items[0][1][3])
    inner = [list(av[2]) for op, av in items if str(op) in _REPEATS] + \
        [sub for op, av in items if str(op) not in _REPEATS and _unbounded([(op, av)])
         for sub in _children(str(op), av)]
    bodies = [body[0] for body in inner if len(body) == 1]
    if len(bodies) < len(inner):  # a repetition of more than one character: not judged
        return False
    return any(not any(_takes(item, char) for item in bodies for char in chars)
               for chars in map(_chars, items) if chars)


# what `\s` matches in a str pattern
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + \
    "".join(map(chr, range(0x2000, 0x200b))) + "\u2028\u2029\u202f\u205f\u3000"


def _chars(item: Any) -> str:
    """The characters a one-character item written in a group can be (`-`, `[-/]`, `\\s`),
    when they are few; `""` for anything else (a repetition, an optional part, a set of
    many)."""
    op, av = str(item[0]), item[1]
    if op == "LITERAL":
        return chr(av)
    if op == "IN":
        out = []
        for part, value in av:
            name = str(part)
            if name == "LITERAL":
                out.append(chr(value))
            elif name == "RANGE" and value[1] - value[0] < 256:
                out.extend(map(chr, range(value[0], value[1] + 1)))
            elif name == "CATEGORY" and str(value).endswith("_SPACE") and "NOT" not in str(value):
                out.append(_SPACES)
            else:
                return ""
        return "".join(out)
    return ""


def _takes(item: Any, char: str) -> bool:
    """Whether the one-character item `item` (parsed) can take `char`, either case (a
    flag may ignore it); anything else parsed is said to take it."""
    op, av = str(item[0]), item[1]
    cases = {char, char.lower(), char.upper()}
    if op == "LITERAL":
        return av in map(ord, cases)
    if op == "NOT_LITERAL":
        return any(ord(c) != av for c in cases)
    if op == "ANY":
        return char != "\n"
    if op == "IN":
        return any(_in_set(list(av), c) for c in cases)
    return True


_CATEGORIES = {"DIGIT": r"\d", "WORD": r"\w", "SPACE": r"\s"}


def _in_set(entries: list[Any], char: str) -> bool:
    negate, hit = False, False
    for op, av in entries:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit = hit or ord(char) == av
        elif name == "NOT_LITERAL":
            hit = hit or ord(char) != av
        elif name == "RANGE":
            hit = hit or av[0] <= ord(char) <= av[1]
        elif name == "CATEGORY":
            category = str(av).removeprefix("CATEGORY_").removeprefix("UNI_")
            category = category.removeprefix("LOC_")
            positive = category.removeprefix("NOT_")
            if positive not in _CATEGORIES:
                return True  # not known here: said to take it
            found = re.match(_CATEGORIES[positive], char) is not None
            hit = hit or (found != category.startswith("NOT_"))
        else:
            return True
    return hit != negate


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
