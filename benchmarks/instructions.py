"""Instructions each stage of one check executes (valgrind's callgrind), at two org sizes.

    python benchmarks/instructions.py --teams 500 5000 --text plain people \\
        --stage HI008 --stage MT004 [--cache-sim]

CPU seconds on a shared two-core machine move with the other processes' load and with the
cache sizes, and this machine's virtual CPU exposes no hardware counter (`perf stat -e
instructions` reports it as not supported). Callgrind counts the instructions a stage
executes (`Ir`), the same at any load: a stage whose instructions grow as the org grows
does linear work, whatever its seconds do. With `--cache-sim` callgrind also simulates the
caches (first-level and last-level data misses, `D1mr + D1mw`, `DLmr + DLmw`), which shows
how much of a stage's growth in seconds is the cost of reaching each item in a bigger heap.
With `--tlb` the simulated caches have 4 KiB lines, so they are this CPU's data TLBs (a
64-entry fully associative first level, a 3,072-entry 12-way second level): the D1 misses
are first-level DTLB misses, the LL misses page walks (see docs/benchmarks.md, ninth pass).

Each org runs in one `python` under `valgrind --tool=callgrind --instr-atstart=no`: every
stage of `benchmarks/stages.py` runs once, in pipeline order, uninstrumented (valgrind's
core only); a chosen stage that can be re-run is then reset and run once more with the
instrumentation on and its counts dumped (its first run pays the lazy imports, the same at
every size). Every stage can be re-run now (read + parse, validate, the graph and the view
model from the same inputs, `benchmarks/stages.py`), so every stage is counted on a re-run;
a validate re-run finds its strings interned already. The parse runs in-process
(`ORGSPEC_PARALLEL=0`), with `PYTHONHASHSEED=0`. The client requests go through a small C
library built here with the system's C compiler and `valgrind/callgrind.h`.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout
sys.path.insert(0, str(HERE))

# the stages the 2026-12-01 18:51 table put over 12x, and the stages they feed on
DEFAULT_STAGES = ("HI008", "MT004", "OK009", "RF001", "RF004", "RO005", "OW007",
                  "report view model", "reporter text", "reporter json",
                  "reporter json-lines", "reporter junit", "reporter sarif")

AFTER_RULES = ("stamp", "anchors (index)", "suppressions", "hold back", "sort", "fingerprints",
               "report view model", *(f"reporter {f}" for f in (
                   "text", "json", "json-lines", "sarif", "github", "gitlab", "junit",
                   "junit-suite", "markdown", "html")))

_SOURCE = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void cg_stop(const char *name) { CALLGRIND_DUMP_STATS_AT(name); CALLGRIND_STOP_INSTRUMENTATION; }
"""


def _client(build: Path) -> Any:
    """The C library that issues callgrind's client requests (a no-op outside valgrind)."""
    src, lib = build / "cgclient.c", build / "cgclient.so"
    if not lib.exists():
        src.write_text(_SOURCE, encoding="utf-8")
        subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", str(lib), str(src)], check=True)
    return ctypes.CDLL(str(lib))


def inner(paths: list[str], chosen: set[str], build: Path) -> None:
    """Run every stage of one check; count the chosen ones (see the module's docstring)."""
    import stages

    from orgspec.load.config import Config

    cg = _client(build)
    pending = stages.steps(paths, Config(), reports=True)
    value: Any = None
    left = set(chosen)
    # a rule's findings feed only the stages after the rules: when every chosen stage is a
    # rule (or the load or graph), the other rules are not run at all, nor the graph's
    # stage (a rule that reads the graph builds it in its first, uncounted, run); the
    # pass stops after the last chosen stage
    rules_only = not chosen & set(AFTER_RULES)
    gc.disable()
    try:
        while left:
            name, func, reset = pending.send(value)
            stages.clear_function_caches()
            if name not in chosen:
                skip = rules_only and name not in ("read + parse", "validate")
                value = [] if skip else func()
                continue
            left.discard(name)
            if reset is not None:
                value = func()
                reset()
                stages.clear_function_caches()
                cg.cg_start()
                func()
                cg.cg_stop(name.encode())
            else:
                cg.cg_start()
                value = func()
                cg.cg_stop(name.encode())
    except StopIteration:
        pass


_EVENTS = re.compile(r"^events:\s*(.+)$", re.M)
_TOTALS = re.compile(r"^(?:totals|summary):\s*(.+)$", re.M)
_TRIGGER = re.compile(r"^desc: Trigger: Client Request: (.+)$", re.M)


def read_dumps(out: Path) -> dict[str, dict[str, int]]:
    """{stage: {event: count}} from callgrind's dump files in `out`."""
    got: dict[str, dict[str, int]] = {}
    for dump in sorted(out.glob("callgrind.out*")):
        text = dump.read_text(encoding="utf-8", errors="replace")
        trigger, events, totals = _TRIGGER.search(text), _EVENTS.search(text), \
            _TOTALS.search(text)
        if not (trigger and events and totals):
            continue
        names, counts = events.group(1).split(), [int(v) for v in totals.group(1).split()]
        got[trigger.group(1).strip()] = dict(zip(names, counts, strict=False))
    return got


# callgrind's cache model with one 4 KiB page per line: L1 and L2 data TLBs
TLB = ("--D1=262144,64,4096", "--LL=12582912,12,4096")


def count(paths: list[str], chosen: list[str], cache_sim: bool,
          tlb: bool = False) -> dict[str, dict[str, int]]:
    """{stage: {event: count}} of one org, counted under callgrind."""
    with tempfile.TemporaryDirectory(prefix="orgspec-cg-") as tmp:
        out = Path(tmp)
        cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
               f"--callgrind-out-file={out}/callgrind.out", "--dump-line=no",
               f"--cache-sim={'yes' if cache_sim or tlb else 'no'}",
               *(TLB if tlb else ()),
               sys.executable, str(Path(__file__).resolve()), "--inner", "--build", str(out)]
        for name in chosen:
            cmd += ["--stage", name]
        env = dict(os.environ, ORGSPEC_PARALLEL="0", PYTHONHASHSEED="0")
        subprocess.run(cmd + paths, check=True, env=env, stderr=subprocess.DEVNULL)
        return read_dumps(out)


def _misses(events: dict[str, int], level: str) -> int:
    return events.get(f"{level}mr", 0) + events.get(f"{level}mw", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--teams", type=int, nargs=2, default=[500, 5000])
    parser.add_argument("--text", nargs="+", default=["plain", "people"])
    parser.add_argument("--stage", action="append", default=[])
    parser.add_argument("--cache-sim", action="store_true")
    parser.add_argument("--tlb", action="store_true",
                        help="simulate the data TLBs instead of the caches (4 KiB lines)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    chosen = args.stage or list(DEFAULT_STAGES)
    args.cache_sim = args.cache_sim or args.tlb
    if args.inner:
        inner(args.paths, set(chosen), args.build)
        return
    from run import org_for

    small, large = args.teams
    for text in args.text:
        got = [count([str(org_for(n, text) / "teams")], chosen, args.cache_sim, args.tlb)
               for n in (small, large)]
        print(f"\n`{text}` text, {small} and {large} teams, instructions (callgrind `Ir`)"
              + (", data TLB misses (simulated: D1 = L1 DTLB, LL = page walks)" if args.tlb
               else ", data cache misses (simulated)" if args.cache_sim else "") + ":\n")
        head = f"| stage | Ir {small} | Ir {large} | growth |"
        rule = "|---|---|---|---|"
        if args.cache_sim:
            head += " D1 misses (growth) | LL misses (growth) |"
            rule += "---|---|"
        print(head)
        print(rule)
        for name in chosen:
            a, b = got[0].get(name), got[1].get(name)
            if not a or not b:
                print(f"| {name} | - | - | - |" + (" - | - |" if args.cache_sim else ""))
                continue
            row = f"| {name} | {a['Ir']:,} | {b['Ir']:,} | {b['Ir'] / a['Ir']:.2f}x |"
            if args.cache_sim:
                for level in ("D1", "DL"):
                    m, k = _misses(a, level), _misses(b, level)
                    row += f" {m:,} -> {k:,} ({k / m:.1f}x) |" if m else " - |"
            print(row, flush=True)


if __name__ == "__main__":
    main()
