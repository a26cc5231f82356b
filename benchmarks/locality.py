"""The cost of reaching one item as the data around it grows: the same loop, the same steps
per item, over 14,500 and 145,000 items (the entities of the 500- and 5,000-team orgs).

    python benchmarks/locality.py

No orgspec code runs here. Each loop's per-item CPU time (least of `--runs` runs, the two
sizes alternating) is printed for both sizes with its growth: a stage whose calls grow 10x
while each call gets this much dearer grows by 10x times this in time (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

SIZES = (14_500, 145_000)


def key_lookups(n: int) -> Callable[[], None]:
    """Build `team:<id>` and look it up in a dict of `n` such keys, for every key."""
    ids = [f"team-{i:06d}" for i in range(n)]
    table = {f"team:{k}": object() for k in ids}

    def walk() -> None:
        for k in ids:
            table[f"team:{k}".lower()]

    return walk


class _Item:
    __slots__ = ("name", "x")

    def __init__(self, i: int) -> None:
        self.x = i
        self.name = str(i)


def attribute_reads(n: int, pad: int) -> Callable[[], None]:
    """Read one attribute of `n` objects, each allocated among `pad` bytes of other live
    data (as an entity is among its parsed values, position tables and source maps)."""
    items, other = [], []
    for i in range(n):
        items.append(_Item(i))
        other.append(bytearray(pad))

    def walk() -> None:
        total = 0
        for item in items:
            total += item.x
        walk.other = other  # type: ignore[attr-defined]  # keep the padding alive

    return walk


def per_item(walks: dict[int, Callable[[], None]], runs: int) -> dict[int, float]:
    """Least ns per item of each size's loop, the sizes alternating."""
    best = {n: float("inf") for n in walks}
    for _ in range(runs):
        for n, walk in walks.items():
            start = time.process_time()
            walk()
            best[n] = min(best[n], (time.process_time() - start) / n * 1e9)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    gc.disable()  # as `orgspec check` runs
    loops: list[tuple[str, Callable[[int], Callable[[], None]]]] = [
        ("build a key and look it up in a dict of N keys", key_lookups),
        ("read one attribute of N objects, 16 KB of other data apart",
         lambda n: attribute_reads(n, 16_000)),
        ("read one attribute of N objects, back to back", lambda n: attribute_reads(n, 0)),
    ]
    print(f"| loop | ns/item at {SIZES[0]:,} | at {SIZES[1]:,} | per-item growth |")
    print("|---|---|---|---|")
    for label, make in loops:
        got = per_item({n: make(n) for n in SIZES}, args.runs)
        small, large = got[SIZES[0]], got[SIZES[1]]
        print(f"| {label} | {small:.0f} | {large:.0f} | {large / small:.2f}x |", flush=True)
        gc.collect()


if __name__ == "__main__":
    main()
