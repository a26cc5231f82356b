"""In-process A/B of validation with and without `Unhidden` on clean files (hot10).

Parses an org once, then validates every file's entities (`validate.check_file`) in
alternating rounds: A with every file marked as holding a hidden character (each id and
reference goes through `Unhidden`, as before hot10), B as parsed (clean files use
`models.clean_validator`). Prints CPU seconds (`time.process_time`) per round and medians.

    python benchmarks/ab_unhidden.py ORG_DIR [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from orgspec.load.loader import load_bytes
from orgspec.model.validate import check_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("org")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = sorted(Path(args.org).rglob("*.yaml"))
    raws = [load_bytes(str(f), f.read_bytes()) for f in files]
    parsed = [raw.entities[0].fmap.parsed for raw in raws if raw.entities]
    flags = [p.hidden for p in parsed]
    for raw in raws[:3]:
        check_file(raw)  # imports and the clean validators built
    times: dict[str, list[float]] = {"A (Unhidden)": [], "B (clean)": []}
    for _ in range(args.rounds):
        for name in times:
            for p, flag in zip(parsed, flags, strict=True):
                p.hidden = True if name.startswith("A") else flag
            gc.collect()
            start = time.process_time()
            for raw in raws:
                check_file(raw)
            times[name].append(time.process_time() - start)
    entities = sum(len(raw.entities) for raw in raws)
    print(f"{len(files)} files, {entities} entities, {sum(flags)} files with a hidden value")
    for name, samples in times.items():
        print(f"{name}: median {statistics.median(samples):.3f} s CPU; "
              + " ".join(f"{s:.3f}" for s in samples))


if __name__ == "__main__":
    main()
