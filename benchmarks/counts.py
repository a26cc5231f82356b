"""Operation counts of every stage of one check: Python and C function calls per stage, by
cProfile, at two org sizes, with the growth of each count beside the org's growth.

    python benchmarks/counts.py benchmarks/out/500/teams benchmarks/out/5000/teams
    python benchmarks/counts.py A B --stage OK007 --top 15   # the calls that grew most

A timing can grow faster than the org on a machine whose caches and memory are shared; a
count cannot. A stage whose calls grow about as the org's entities or findings grow does
linear work (whatever its time does); one whose calls grow faster repeats work per item.
The stages are those of `benchmarks/stages.py`, in the same order, each run once.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if __name__ == "__main__" and str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import stages  # noqa: E402

UNCOUNTED = ("read + parse", "validate", "graph", "report view model", "reporter html")

Key = tuple[str, int, str]


class Counter(stages.Clock):
    """Counts the calls a stage makes (cProfile, each stage once) instead of timing it;
    the loader, graph, view model and HTML stages are only run (too large to profile)."""

    def __init__(self, only: set[str] | None = None) -> None:
        super().__init__()
        self.calls: dict[str, dict[Key, int]] = {}
        self.only = only

    def time(self, name: str, func: Callable[[], Any],
             reset: Callable[[], None] | None = None) -> Any:
        if name in UNCOUNTED or (self.only is not None and name not in self.only):
            value = func()
            if name == "validate":
                self.entities = value[0].entity_count()
            return value
        profile = cProfile.Profile()
        value = profile.runcall(func)
        got = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        self.calls[name] = {key: row[1] for key, row in got.items()}
        return value


def count(paths: list[str], only: set[str] | None = None
          ) -> tuple[dict[str, dict[Key, int]], int, int]:
    """({stage: {function: calls}}, entities, findings) of one pass; with `only`, of those
    stages (the others are run, uncounted)."""
    import gc

    from orgspec.load.config import Config

    counter = Counter(only)
    gc.disable()
    try:
        findings = stages.one_pass(paths, Config(), counter)
    finally:
        gc.enable()
    return counter.calls, counter.entities, findings


def label(key: Key) -> str:
    file, line, func = key
    return f"{Path(file).name}:{line}({func})" if line else func


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small")
    parser.add_argument("large")
    parser.add_argument("--stage", action="append", default=[],
                        help="list this stage's functions whose calls grew most")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    small, e1, f1 = count([args.small])
    large, e2, f2 = count([args.large])
    print(f"entities {e1} -> {e2} ({e2 / e1:.2f}x); findings {f1} -> {f2} "
          f"({f2 / f1:.2f}x)\n")
    print("| stage | calls, small | calls, large | growth |")
    print("|---|---|---|---|")
    for name, calls in small.items():
        a, b = sum(calls.values()), sum(large.get(name, {}).values())
        growth = f"{b / a:.2f}x" if a >= 1000 else "-"
        print(f"| {name} | {a} | {b} | {growth} |")
    for name in args.stage:
        a_calls, b_calls = small.get(name, {}), large.get(name, {})
        scale = e2 / e1  # the org's growth in entities
        rows = sorted(b_calls, key=lambda k: b_calls[k] - scale * a_calls.get(k, 0),
                      reverse=True)
        print(f"\n{name}: calls that grew most (large - {scale:.2f} x small)\n")
        for key in rows[:args.top]:
            a, b = a_calls.get(key, 0), b_calls[key]
            print(f"  {label(key)}: {a} -> {b} ({b / a:.1f}x)" if a else
                  f"  {label(key)}: 0 -> {b}")


if __name__ == "__main__":
    main()
