"""Rule-pack regexes: what a static refusal would refuse of realistic patterns, and whether
the `regex` module (run with a time budget) finds what `re` finds.

    python benchmarks/pack_regex.py

Reads benchmarks/data/pack_patterns.txt (written before the choice was measured) and says,
for each pattern: refused by today's nested-repetition check (`engine.redos`); whether it
holds two unbounded repetitions that can take the same characters (what a sound refusal of
polynomial backtracking, `.*a.*a.*b`, would have to refuse too); whether `re` and `regex`
agree on a pool of values; the time of both over the pool.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orgspec.engine.redos import nested_repeat

POOL = [
    "", " ", "platform", "Platform", "platform-eng", "eng-platform", "Ada Lovelace",
    "Ada Lovelace, Linus Torvalds", "ada@example.com", "ada.lovelace+x@mail.example.co.uk",
    "not an email@", "+44 (20) 7946-0958", "TODO: write this", "We own the checkout.",
    "Our team runs payments", "tbd", "OPS-1234", "https://github.com/acme/org",
    "http://wiki.acme.io/teams/platform page", "2026-12-05", "Q4 2026",
    "Increase NPS from 30 to 45 by 2026-12-31", "cut costs by 10%", "grow revenue 2.5M",
    "平台工程部", "负责支付系统的稳定性。", "平台 Platform 团队", "#team-platform", "friday",
    "team platform", "a.b.c", "v1.2.3", "aaa", "ops-ops", "  padded  ", "two  spaces",
    "One sentence.", "acme rules", "ACME", "release soon by 2026-01-01",
    "x" * 300, "a" * 40 + "!", "Lead by 2026-01-02", "The Big Team Name",
]


def patterns() -> list[str]:
    path = Path(__file__).parent / "data" / "pack_patterns.txt"
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


_ALPHABET = [chr(c) for c in range(32, 127)] + ["\t", "\n", "平", "。", "é"]


def _chars(item: tuple) -> set[str]:
    """The characters (of a sample alphabet) one parsed item can take."""
    op, av = item
    name = str(op)
    if name == "LITERAL":
        return {chr(av)} & set(_ALPHABET)
    if name == "NOT_LITERAL":
        return set(_ALPHABET) - {chr(av)}
    if name == "ANY":
        return set(_ALPHABET) - {"\n"}
    if name == "IN":
        return {c for c in _ALPHABET if _in(av, c)}
    return set()


def _in(av: list, char: str) -> bool:
    negate, hit = False, False
    for op, arg in av:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit |= ord(char) == arg
        elif name == "RANGE":
            hit |= arg[0] <= ord(char) <= arg[1]
        elif name == "CATEGORY":
            cls = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                   "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w",
                   "CATEGORY_NOT_WORD": r"\W"}[str(arg)]
            hit |= bool(re.fullmatch(cls, char))
    return hit != negate


def unbounded_sets(pattern: str) -> list[set[str]]:
    """The characters each unbounded repetition of a single character class takes."""
    import re._parser as sre  # type: ignore[import-not-found]
    from re._constants import MAXREPEAT  # type: ignore[import-not-found]

    found: list[set[str]] = []

    def walk(items: list) -> None:
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT") and av[1] == MAXREPEAT:
                body = list(av[2])
                if len(body) == 1:
                    found.append(_chars(body[0]))
                walk(body)
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(list(av[2]))
            elif name == "SUBPATTERN":
                walk(list(av[3]))
            elif name == "BRANCH":
                for b in av[1]:
                    walk(list(b))
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(list(av[1]))

    walk(list(sre.parse(pattern)))
    return found


def main() -> int:
    rows = []
    nested = overlapping = disagree = 0
    t_re = t_rx = 0.0
    for pattern in patterns():
        refused = bool(nested_repeat(pattern))
        sets = unbounded_sets(pattern)
        overlap = any(a & b for i, a in enumerate(sets) for b in sets[i + 1:])
        mine = re.compile(pattern)
        theirs = regex.compile(pattern)
        start = time.perf_counter()
        said_re = [bool(mine.search(v)) for v in POOL]
        t_re += time.perf_counter() - start
        start = time.perf_counter()
        said_rx = [bool(theirs.search(v, timeout=1.0)) for v in POOL]
        t_rx += time.perf_counter() - start
        same = said_re == said_rx
        nested += refused
        overlapping += overlap
        disagree += not same
        rows.append(f"{'N' if refused else '.'}{'O' if overlap else '.'}"
                    f"{'.' if same else 'D'} {sum(said_re):2}/{len(POOL)}  {pattern}")
    print("\n".join(rows))
    print(f"{len(rows)} patterns; refused by the nested-repetition check (N): {nested}; "
          f"two unbounded repetitions that can take the same character (O): {overlapping}; "
          f"re and regex disagree (D): {disagree}")
    print(f"{len(rows) * len(POOL)} searches: re {t_re * 1000:.1f} ms, "
          f"regex with timeout {t_rx * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
