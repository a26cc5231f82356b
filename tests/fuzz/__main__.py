"""The long fuzz run: `python -m tests.fuzz --hours 1 --out fuzz-crashes/`.

Runs byte-level and structural inputs in turn until the time is up. Each new crash site is
minimised and written to OUT/<site>/ (the input files, and crash.txt with the seed, index,
traceback and the command that replays it). `--replay OUT/<site>` re-runs a saved input;
`--seed S --index I --kind bytes` re-runs one generated input.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

from tests.fuzz.adopt import generate_import, run_import
from tests.fuzz.harness import quick_input, run_input
from tests.fuzz.minimise import replay
from tests.fuzz.mutate import generate
from tests.fuzz.runner import (
    Session,
    byte_round,
    import_round,
    options_for,
    structural_round,
)

QUICK_EXAMPLES = 300  # lint-only generated orgs after each full structural round


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hours", type=float, default=0.0)
    ap.add_argument("--minutes", type=float, default=0.0)
    ap.add_argument("--inputs", type=int, default=0, help="stop after this many inputs")
    ap.add_argument("--seed", type=int, help="default: from the clock (printed)")
    ap.add_argument("--kind", choices=["bytes", "structural", "both", "quick",
                                       "structural-quick", "import"], default="both",
                    help="for --index: quick replays an input of the lint-only tier, "
                         "import one of the importers' inputs")
    ap.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--index", type=int, help="re-run this one input of --seed")
    ap.add_argument("--replay", type=Path, help="re-run a saved crash folder")
    ap.add_argument("--minimise-budget", type=int, default=250)
    args = ap.parse_args(argv)

    if args.replay:
        files = {str(p.relative_to(args.replay / "input")): p.read_bytes()
                 for p in sorted((args.replay / "input").rglob("*")) if p.is_file()}
        options = json.loads((args.replay / "options.json").read_text("utf-8"))
        crash = replay(files, options).crash
        print(crash.detail if crash else "no crash")
        return 1 if crash else 0
    seed = args.seed if args.seed is not None else int(time.time())
    if args.index is not None:
        if args.kind.startswith("structural"):
            session = Session(args.out, seed, args.minimise_budget)
            quick = args.kind == "structural-quick"
            structural_round(session, args.index, QUICK_EXAMPLES if quick else 25, quick)
            print(json.dumps(session.stats()))
            return 1 if session.sites else 0
        if args.kind == "import":
            source, files = generate_import(seed, args.index)
            crash = run_import(source, files).crash
            print(crash.detail if crash else "no crash")
            return 1 if crash else 0
        options = options_for(seed, args.index)
        if args.kind == "quick":
            crash = quick_input(generate(seed, -1 - args.index), options["parser"])
            print(crash.detail if crash else "no crash")
            return 1 if crash else 0
        crash = run_input(generate(seed, args.index), **options).crash
        print(crash.detail if crash else "no crash")
        return 1 if crash else 0

    session = Session(args.out, seed, args.minimise_budget)
    limit = (args.hours * 3600 + args.minutes * 60) or float("inf")
    print(f"fuzz seed: {seed}  kind: {args.kind}  out: {args.out}", flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        _loop(args, session, limit)
    except KeyboardInterrupt:
        print("stopped early", flush=True)
    stats = session.stats()
    print("FINAL " + json.dumps(stats, ensure_ascii=False), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "runs.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps({**stats, "kind": args.kind}) + "\n")
    return 1 if session.sites else 0


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _loop(args: argparse.Namespace, session: Session, limit: float) -> None:
    index = 0
    last_print = time.time()
    while time.time() - session.started < limit and not (args.inputs and
                                                          session.inputs >= args.inputs):
        use_bytes = args.kind == "bytes" or (args.kind == "both" and index % 2 == 0)
        if args.kind == "import":
            import_round(session, index)
        elif use_bytes:
            byte_round(session, index)
        else:
            structural_round(session, index)
            structural_round(session, index, QUICK_EXAMPLES, quick=True)
        if args.kind == "both":
            import_round(session, index)
        index += 1
        if time.time() - last_print > 60:
            last_print = time.time()
            print(json.dumps(session.stats(), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.exit(main())
