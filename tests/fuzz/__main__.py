"""The long fuzz run: `python -m tests.fuzz --hours 1 --out fuzz-crashes/`.

Runs byte-level and structural inputs in turn until the time is up. Each new crash site is
minimised and written to OUT/<site>/ (the input files, and crash.txt with the seed, index,
traceback and the command that replays it). `--replay OUT/<site>` re-runs a saved input;
`--seed S --index I --kind bytes` re-runs one generated input.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

from tests.fuzz.harness import GRAPH_FORMATS, PARSERS, Crash, Files, digest, run_input
from tests.fuzz.minimise import minimise, same_site
from tests.fuzz.mutate import generate


def options_for(seed: int, index: int) -> dict[str, str]:
    """The parser, graph format and report language of input `index`: fixed by the index."""
    return {"parser": PARSERS[index % 2], "graph_format": GRAPH_FORMATS[index % 5],
            "lang": ("zh", "en")[index // 2 % 2]}


class Session:
    """Counts inputs and crash sites; saves each new site's minimised input."""

    def __init__(self, out: Path, seed: int, minimise_budget: int) -> None:
        self.out, self.seed, self.budget = out, seed, minimise_budget
        self.inputs = 0
        self.sites: dict[str, int] = {}
        self.started = time.time()
        self.cpu = time.process_time()

    def record(self, files: Files, crash: Crash, how: str, options: dict[str, str]) -> None:
        first = crash.site not in self.sites
        self.sites[crash.site] = self.sites.get(crash.site, 0) + 1
        if not first:
            return
        print(f"NEW CRASH SITE: {crash.site} ({how})", flush=True)
        small = minimise(files, same_site(crash.site, **options), self.budget)
        folder = self.out / re.sub(r"[^A-Za-z0-9_.-]+", "-", crash.site)[:80]
        (folder / "input").mkdir(parents=True, exist_ok=True)
        for rel, data in small.items():
            target = folder / "input" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        again = run_input(small, **options).crash or crash
        (folder / "crash.txt").write_text(
            f"site: {crash.site}\nfound by: {how}\noptions: {json.dumps(options)}\n"
            f"input digest: {digest(small)}\nreplay: python -m tests.fuzz --replay {folder}\n\n"
            f"{again.detail}\n", "utf-8")
        (folder / "options.json").write_text(json.dumps(options), "utf-8")

    def stats(self) -> dict[str, object]:
        return {"seed": self.seed, "inputs": self.inputs,
                "wall_hours": round((time.time() - self.started) / 3600, 3),
                "cpu_hours": round((time.process_time() - self.cpu) / 3600, 3),
                "sites": self.sites}


def byte_round(session: Session, index: int) -> None:
    options = options_for(session.seed, index)
    files = generate(session.seed, index)
    crash = run_input(files, **options).crash
    session.inputs += 1
    if crash:
        session.record(files, crash, f"bytes --seed {session.seed} --index {index}", options)


def structural_round(session: Session, index: int, examples: int = 25) -> None:
    """One Hypothesis run of `examples` inputs, seeded by (seed, index). A crash at a site
    not met before ends it; the byte minimiser then shrinks it (Hypothesis's own shrinking
    would re-run the whole surface thousands of times)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from tests.fuzz.strategies import orgs

    options = options_for(session.seed, index)
    last: dict[str, Files] = {}

    @hseed(random.Random(f"{session.seed}:{index}").getrandbits(64))
    @settings(max_examples=examples, database=None, deadline=None, print_blob=False,
              report_multiple_bugs=False, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(orgs)
    def prop(files: Files) -> None:
        session.inputs += 1
        crash = run_input(files, **options).crash
        if crash is None:
            return
        if crash.site in session.sites:
            session.sites[crash.site] += 1
            return
        last["files"] = files
        raise AssertionError(crash.site)

    try:
        prop()
    except AssertionError as exc:
        files = last["files"]
        crash = run_input(files, **options).crash or Crash(str(exc), "")
        session.record(files, crash, f"structural --seed {session.seed} --index {index}",
                       options)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hours", type=float, default=0.0)
    ap.add_argument("--minutes", type=float, default=0.0)
    ap.add_argument("--inputs", type=int, default=0, help="stop after this many inputs")
    ap.add_argument("--seed", type=int, help="default: from the clock (printed)")
    ap.add_argument("--kind", choices=["bytes", "structural", "both"], default="both")
    ap.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--index", type=int, help="re-run this one input of --seed")
    ap.add_argument("--replay", type=Path, help="re-run a saved crash folder")
    ap.add_argument("--minimise-budget", type=int, default=250)
    args = ap.parse_args(argv)

    if args.replay:
        files = {str(p.relative_to(args.replay / "input")): p.read_bytes()
                 for p in sorted((args.replay / "input").rglob("*")) if p.is_file()}
        options = json.loads((args.replay / "options.json").read_text("utf-8"))
        crash = run_input(files, **options).crash
        print(crash.detail if crash else "no crash")
        return 1 if crash else 0
    seed = args.seed if args.seed is not None else int(time.time())
    if args.index is not None:
        if args.kind == "structural":
            session = Session(args.out, seed, args.minimise_budget)
            structural_round(session, args.index)
            print(json.dumps(session.stats()))
            return 1 if session.sites else 0
        crash = run_input(generate(seed, args.index), **options_for(seed, args.index)).crash
        print(crash.detail if crash else "no crash")
        return 1 if crash else 0

    session = Session(args.out, seed, args.minimise_budget)
    limit = (args.hours * 3600 + args.minutes * 60) or float("inf")
    print(f"fuzz seed: {seed}  kind: {args.kind}  out: {args.out}", flush=True)
    index = 0
    last_print = time.time()
    while time.time() - session.started < limit and not (args.inputs and
                                                          session.inputs >= args.inputs):
        use_bytes = args.kind == "bytes" or (args.kind == "both" and index % 2 == 0)
        if use_bytes:
            byte_round(session, index)
        else:
            structural_round(session, index)
        index += 1
        if time.time() - last_print > 60:
            last_print = time.time()
            print(json.dumps(session.stats(), ensure_ascii=False), flush=True)
    stats = session.stats()
    print("FINAL " + json.dumps(stats, ensure_ascii=False), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "runs.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps({**stats, "kind": args.kind, "rounds": index}) + "\n")
    return 1 if session.sites else 0


if __name__ == "__main__":
    sys.exit(main())
