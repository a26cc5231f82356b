"""CPU per item of every stage at several org sizes: does the cost of one item grow with
the size of the data around it?

    python benchmarks/sweep.py --teams 500 1000 2000 5000 --text people

Each size runs in a fresh interpreter (`benchmarks/stages.py`, collector off, each stage
re-run on the spot the same number of times at every size). The table gives microseconds
of CPU per entity (rules, anchors) or per finding (stamping, fingerprints, reporters), and
the last size's figure as a multiple of the first. With `benchmarks/counts.py` showing that
the number of calls per item does not change with size, a per-item time that rises with
the size is the cost of reaching each item (CPU caches, TLB, larger dicts), not more work.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

PER_FINDING = ("stamp", "suppressions", "hold back", "sort", "fingerprints")


def one_size(teams: int, text: str) -> dict[str, Any]:
    """stages.measure on the org of `teams` teams, in a fresh interpreter."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
            "from run import org_for; from stages import measure;"
            "from orgspec.load.config import Config;"
            "root = org_for(int(sys.argv[3]), sys.argv[4]);"
            "got = measure([str(root / 'teams')], Config(), 1);"
            "print(json.dumps(got))")
    done = subprocess.run([sys.executable, "-c", code, str(HERE), str(HERE.parent),
                           str(teams), text], capture_output=True, text=True, check=True)
    got: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--text", choices=["plain", "people"], default="plain")
    parser.add_argument("--stage", nargs="*", help="only these stages")
    args = parser.parse_args()
    rows = [one_size(t, args.text) for t in args.teams]
    print(f"`{args.text}` text; entities " +
          ", ".join(f"{r['entities']}" for r in rows) + "; findings " +
          ", ".join(f"{r['findings']}" for r in rows) + "\n")
    print("| stage | per | " + " | ".join(f"{t} teams (us)" for t in args.teams) +
          " | last / first |")
    print("|---|---|" + "---|" * (len(rows) + 1))
    for name in rows[0]["stages"]:
        if args.stage and name not in args.stage:
            continue
        by_finding = name in PER_FINDING or name.startswith("report")
        key = "findings" if by_finding else "entities"
        per = [r["stages"].get(name, 0.0) / max(r[key], 1) * 1e6 for r in rows]
        ratio = f"{per[-1] / per[0]:.2f}x" if per[0] > 0 else "-"
        unit = "finding" if by_finding else "entity"
        print(f"| {name} | {unit} | " + " | ".join(f"{p:.2f}" for p in per) + f" | {ratio} |")


if __name__ == "__main__":
    main()
