"""Memory of every stage of one check: resident set, live objects by type, and (with
`--trace`) the source lines that allocated what is still alive.

    python benchmarks/memory.py benchmarks/out/people-5000/teams
    python benchmarks/memory.py benchmarks/out/people-500/teams --trace --top 25

The stages are `benchmarks/stages.py`'s (`steps`), each run once, in pipeline order, the
cyclic collector off as in `orgspec check`. After each stage: the process's resident set
(`/proc/self/statm`, MiB), its peak (`ru_maxrss`), the objects the collector tracks
(containers and instances: `gc.get_objects()`, counted by type; strings and numbers are
not tracked, `--trace` sees them) and the change of each since the stage before. With
`--trace`, `tracemalloc` records every allocation (about 3x slower, and it adds its own
memory to the resident set): after the last stage, the `--top` source lines holding the
most live bytes, and the same per stage with `--per-stage`.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if __name__ == "__main__" and str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout

from benchmarks.stages import steps  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib() -> float:
    """The resident set now, MiB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / (1 << 20)


def peak_mib() -> float:
    """The resident set's peak so far, MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def by_type() -> Counter[str]:
    """Objects the collector tracks, counted by type name."""
    return Counter(type(o).__name__ for o in gc.get_objects())


def main() -> None:
    from orgspec.load.config import Config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--trace", action="store_true", help="tracemalloc by source line")
    parser.add_argument("--per-stage", action="store_true",
                        help="with --trace, the lines that grew most in every stage")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--no-reports", action="store_true")
    parser.add_argument("--types", type=int, default=8,
                        help="object types shown per stage (largest changes)")
    args = parser.parse_args()
    if args.trace:
        import tracemalloc
        tracemalloc.start()
    gc.disable()
    pending = steps(args.paths, Config(), not args.no_reports)
    counts = by_type()
    rss = rss_mib()
    snap: Any = tracemalloc.take_snapshot() if args.trace else None
    print(f"{'stage':<24}{'rss MiB':>9}{'+':>8}{'peak':>8}{'objects':>11}{'+':>10}")
    print(f"{'(start)':<24}{rss:>9.0f}{'':>8}{peak_mib():>8.0f}{sum(counts.values()):>11,}")
    value: Any = None
    try:
        while True:
            name, func, _reset = pending.send(value)
            value = func()
            now, after = rss_mib(), by_type()
            grew = after.copy()
            grew.subtract(counts)
            print(f"{name:<24}{now:>9.0f}{now - rss:>+8.0f}{peak_mib():>8.0f}"
                  f"{sum(after.values()):>11,}{sum(grew.values()):>+10,}")
            big = sorted(grew.items(), key=lambda kv: -abs(kv[1]))[:args.types]
            if big and abs(big[0][1]) >= 1000:
                print("    " + ", ".join(f"{k} {v:+,}" for k, v in big if abs(v) >= 1000))
            if args.trace and args.per_stage:
                later = tracemalloc.take_snapshot()
                for stat in later.compare_to(snap, "lineno")[:args.top]:
                    if abs(stat.size_diff) >= 1 << 20:
                        print(f"      {stat.size_diff / (1 << 20):+8.1f} MiB "
                              f"{stat.count_diff:+10,} {stat.traceback}")
                snap = later
            counts, rss = after, now
    except StopIteration as done:
        print(f"{done.value} findings")
    if args.trace:
        final = tracemalloc.take_snapshot()
        print(f"\nlive at the end, by source line (top {args.top}):")
        for stat in final.statistics("lineno")[:args.top]:
            print(f"  {stat.size / (1 << 20):8.1f} MiB {stat.count:>10,} {stat.traceback}")


if __name__ == "__main__":
    main()
