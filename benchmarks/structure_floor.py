"""What a re-check after a structure edit (one duty's RACI changed) must cost before any
rule runs, if it were answered from kept state as the prose path answers a reword
(issue 17's RACI column; docs/benchmarks.md, branch `warm17d`).

MEASUREMENT ONLY: the floor runs give wrong findings. Each floor run is `orgspec check`
in process with `engine.warm.patched` replaced by the least such a path does: read the
kept state and the changed file's summaries, validate the changed file, merge the kept
findings, stamp and fingerprint them (`warm._result`) and queue the next state; no
whole-org rule runs and nothing is read of the other files. Variants:

  duties          only the changed file's Responsibility entities validated, pydantic's
                  models built lazily (`defer_build`: only Responsibility is built), and
                  only the check modules of the entity-local rules a duty meets (names,
                  references) imported
  duties-built    the same with every model built at import
  duties-nochecks the same as `duties` without importing a check module
  file            the changed file validated and its entity-local rules run as the prose
                  path does (`warm._check_alone`: every model, every check module)

The benchmark's own columns run beside them, round by round (cold, no change, a comment, a
reword, the full path's RACI change), each floor run after its own RACI edit (a consulted
team added, as `run.py --process` adds it). CPU is user + sys of the command and what it
waited for; the warm state's writer, which the command leaves behind, is reaped and not
counted (`run.py` counts it apart). Per column: least and median CPU, and the median of
each round's ratio to that round's cold run.

    python benchmarks/structure_floor.py --teams 500 --rounds 6
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
VARIANTS = ("duties", "duties-built", "duties-nochecks", "file")


def install_floor(variant: str) -> dict[str, float]:
    """Replace `engine.warm.patched` with the floor of `variant` (see the module); the
    CPU seconds of its parts land in the returned mapping."""
    from dataclasses import replace

    import orgspec.engine.warm as warm

    spent: dict[str, float] = {}

    def floor(inputs: Any, config: Any, plan: Any, today: Any, cache: Any, base: Any,
              summaries: Any, parsed: Any, root: str) -> Any:
        start = time.process_time()
        key = warm.state_key(base)
        cache.wait_free("state", warm.WAIT_SECONDS)
        state = cache.get("state", key, warm.State)
        diff = [i for i, (a, b) in enumerate(zip(state.idents, inputs.ident, strict=True))
                if a != b]
        if len(diff) != 1:
            raise SystemExit(f"the floor needs exactly one file changed, not {diff}")
        cand, data = inputs.files[diff[0] - 2]
        file = cand.display
        old = state.idents[diff[0]].partition("\0")[2]
        from orgspec.engine.summary import FileSummary
        from orgspec.load.cache import make_key

        before = cache.get("summary", make_key("summary", inputs.parser, file, old),
                           FileSummary)
        if before is None or summaries.get(file) is None:
            raise SystemExit("the changed file's summaries are not in the cache")
        kept = [(f, a) for f, a in zip(state.findings, state.anchors, strict=True)
                if not (f.code in state.local and f.location.file == file)]
        raw = parsed.get(file)
        if raw is None:
            from orgspec.load.loader import load_bytes

            raw = load_bytes(file, data)
        begun = time.process_time()
        if variant == "file":
            ours = [rid for rid in state.duties.ids if state.duties.files[rid] == file]
            check = warm._check_alone(raw, plan, today, state.local, ours)
            if check is None:
                raise SystemExit("the changed file did not check alone")
        else:
            if variant != "duties-built":
                import pydantic._internal._config as pydantic_config

                pydantic_config.config_defaults["defer_build"] = True
            if variant != "duties-nochecks":
                import orgspec.checks.names
                import orgspec.checks.references  # noqa: F401
            from orgspec.model.models import Responsibility

            for ent in raw.entities:
                if ent.kind == "Responsibility":
                    Responsibility.model_validate(ent.data)
            check = warm.FileCheck(state.keys.get(file, frozenset()), [], [], {}, {}, {})
        spent["validate"] = time.process_time() - begun
        out = warm._result(state, kept, check, None, plan, config, cache, key, inputs, root,
                           summaries)
        spent["floor"] = time.process_time() - start
        return replace(out, timezone=config.timezone or "", today=today.isoformat(),
                       name_order=config.name_order or "")

    warm.patched = floor  # type: ignore[assignment]
    return spent


def inner(variant: str, args: list[str]) -> None:
    """`orgspec check args` in this process, serial, with the floor of `variant`; its
    parts' CPU seconds on the last line of stderr."""
    os.environ["ORGSPEC_PARALLEL"] = "0"
    spent = install_floor(variant)
    import orgspec.gcpause as gcpause

    finish = gcpause.finish

    def report() -> None:
        spent["process"] = time.process_time()
        sys.stderr.write(" ".join(f"{k}={v:.3f}" for k, v in sorted(spent.items())) + "\n")
        finish()

    gcpause.finish = report
    sys.argv = ["orgspec", *args]
    from orgspec.entry import main as orgspec_main

    orgspec_main()


def measure(teams: int, rounds: int, checkout: Path) -> dict[str, list[tuple[float, float]]]:
    """label -> (CPU s, that round's cold CPU s) per round."""
    sys.path.insert(0, str(HERE))
    from run import org_for, reap, run_process, subreaper

    subreaper()
    out: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="orgspec-floor-") as tmp:
        work = Path(tmp)
        org = work / "teams"
        shutil.copytree(org_for(teams) / "teams", org)
        cache = work / "cache"
        env = {**os.environ, "ORGSPEC_CACHE_DIR": str(cache), "NO_COLOR": "1",
               "PYTHONPATH": str(checkout)}
        args = ["check", "teams", "--format", "json", "-o", str(work / "out.json")]
        check = [sys.executable, "-m", "orgspec", *args]
        victim = sorted(org.glob("*.yaml"))[teams // 2]
        added = 0

        def edit(old: str, new: str) -> None:
            text = victim.read_text("utf-8")
            victim.write_text(text.replace(old, new, 1), "utf-8")

        def raci() -> None:
            nonlocal added
            added += 1
            edit("consulted: [", f"consulted: [team-{added:05d}, ")

        for i in range(rounds):
            shutil.rmtree(cache, ignore_errors=True)
            cold = run_process(check, env, work)[1]
            got = {"cold": cold, "no change": run_process(check, env, work)[1]}
            for step in ("a", "b"):  # the first edit's run stores every file's entry
                with victim.open("a", encoding="utf-8") as handle:
                    handle.write(f"# edit {i}{step}\n")
                got["a comment"] = run_process(check, env, work)[1]
            edit('description: "', f'description: "{i} ')
            got["a duty reworded"] = run_process(check, env, work)[1]
            for variant in VARIANTS[i % 4:] + VARIANTS[:i % 4]:
                raci()
                got[f"floor: {variant}"] = run_process(
                    [sys.executable, __file__, "--inner", variant, *args], env, work)[1]
            raci()
            got["a duty's RACI changed (full path)"] = run_process(check, env, work)[1]
            reap()
            for label, spent in got.items():
                out.setdefault(label, []).append((spent, cold))
    return out


def main() -> None:
    if sys.argv[1:2] == ["--inner"]:
        inner(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--teams", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--orgspec", type=Path, default=HERE.parent,
                        help="the checkout whose orgspec runs")
    opts = parser.parse_args()
    load = os.getloadavg()[0]
    measured = measure(opts.teams, opts.rounds, opts.orgspec.resolve())
    print(f"{opts.teams} teams, {opts.rounds} rounds, load average {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f}\n")
    print("| run | CPU s, least | median | x cold (median of rounds) |")
    print("|---|---|---|---|")
    for label, pairs in measured.items():
        cpu = [c for c, _ in pairs]
        ratio = statistics.median(c / cold for c, cold in pairs)
        print(f"| {label} | {min(cpu):.3f} | {statistics.median(cpu):.3f} | {ratio:.3f} |")


if __name__ == "__main__":
    main()
