"""Benchmark orgspec against the floor: a bare `yaml.load(CSafeLoader)` of the same files.

    python benchmarks/run.py                  # 50, 500 and 5,000 teams
    python benchmarks/run.py --teams 50 500   # a quicker run
    python benchmarks/run.py --teams 500 5000 --text plain people --scale-only
    python benchmarks/run.py --teams 500 5000 --text plain people --stages-only  # growth
    python benchmarks/run.py --teams 500 5000 --text people-shared --stages-only  # issue 20's org
    python benchmarks/run.py ... --stages-only --counts   # and each stage's calls' growth
    python benchmarks/instructions.py --teams 250 2500 --stage MT004  # instructions' growth
    python benchmarks/run.py --orgspec /path/to/other/checkout ...  # before/after
    python benchmarks/run.py --adversarial 2000   # every stage at 2,000 and 4,000: <= 3x?
    python benchmarks/run.py --process --teams 50 500   # the command as users run it

`--process` times whole `orgspec check` processes (start-up, imports and JSON output of
every finding included) beside a bare Python process that reads every file and
`yaml.load`s it with CSafeLoader: without the cache, cold with an empty cache (a first run
stores only its result), warm with nothing changed, and warm with one file changed (after a
run that stored every file's entry): a comment appended, then one duty's description
reworded (an edit of prose, which most rules do not read: a number put before it, which
leaves every near-duplicate feature as it was), then one word of another duty changed (its
verb replaced by another of the generator's verbs: a feature and the weights of two
change, so OW007 searches again), then one duty's RACI changed (a team added to
`consulted`: an edit of structure), then, at once, another duty reworded (back to back:
two commits in a row); wall and CPU (user + sys of the
process and its workers), best of `--repeat`, each beside both the cold run (the issue's
goal: one file changed <= 0.25x of it) and the run without the cache. A run leaves a
child writing the next run's warm state after its output (`gcpause.finish`); this process
adopts it (Linux `PR_SET_CHILD_SUBREAPER`) and waits for it before the next run, as a
user's next commit comes seconds later, and reports its CPU in a table of its own (the
back-to-back run alone starts while the RACI run's writer may still hold the state's lock,
as a user running the check twice in a row would). Python modules are
compiled to bytecode first (into a temporary `PYTHONPYCACHEPREFIX`, as installing a wheel
does and as a first run does unless `PYTHONDONTWRITEBYTECODE` is set), so no run pays for
compiling orgspec's source; `--no-bytecode` keeps the environment as it is (the tables
before 2026-12-01 14:00 were measured so, in an environment with
`PYTHONDONTWRITEBYTECODE=1`: every process compiled orgspec's modules, ~0.45 s CPU).

Every stage runs in this one process, side by side, on the same files (page cache warm).
The per-stage tables (read + parse, validate, graph, each rule, stamping, anchors,
suppressions, hold-back, sort, fingerprints, the report view model and every reporter) are
CPU time (this process and the forked parser it waits for), the median of every stage's
re-runs from cold CPU caches, each from the same inputs (as many as fill 0.25 s, 4 to 40 of
them, 3 for a stage over 1 s, per pass; `--stage-repeat` passes from a fresh load; a rule's
re-run rebuilds what it built lazily on the org, see `stages.lazy_undoer`), the sizes side
by side:
each stage runs on every size in turn and its re-runs alternate between them, so a change
in the shared machine's load falls on all sizes alike (`benchmarks/stages.py`),
beside the first run alone; growth over 12x is starred, and shown divided by the org's
growth in entities and in findings; stages under 20 ms on the larger org are marked as too
small to judge. Orgs written by an older version of the generator are written again.
Start-up is measured in fresh interpreters. Prints Markdown tables: wall time and CPU time
(user + sys, this process and its forked workers), and each stage's growth factor from the
smallest to the largest org. `--orgspec` measures the orgspec package of another checkout
with this benchmark and generator, for before/after comparisons.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
_pre = argparse.ArgumentParser(add_help=False)
_pre.add_argument("--orgspec", type=Path, default=REPO)
CHECKOUT = _pre.parse_known_args()[0].orgspec.resolve()
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(CHECKOUT))

import adversarial  # noqa: E402
from generate import TEXTS, generate, is_current  # noqa: E402
from stages import measure as measure_stages  # noqa: E402
from stages import measure_together  # noqa: E402

from orgspec.engine.lint import lint, lint_org, load_org  # noqa: E402
from orgspec.load.config import Config, Selector  # noqa: E402
from orgspec.report.render import render_html, render_markdown  # noqa: E402
from orgspec.report.view import build_view  # noqa: E402

NEW_FAMILIES = ("RO", "MT")  # positions and meetings: their cost is reported on its own


def cpu() -> float:
    """CPU seconds (user + sys) of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def timed_cpu(func: Callable[[], Any], gc_off: bool = False) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds, value); with `gc_off`, the cyclic collector is off
    while `func` runs, as in `orgspec check`."""
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        start, start_cpu = time.perf_counter(), cpu()
        value = func()
        return time.perf_counter() - start, cpu() - start_cpu, value
    finally:
        if gc_off:
            gc.enable()


def floor(files: list[Path]) -> int:
    """Read every file and `yaml.load` it with the C loader: what any YAML tool pays."""
    count = 0
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        count += len(data)
    return count


def org_for(teams: int, text: str = "plain") -> Path:
    out = HERE / "out" / (str(teams) if text == "plain" else f"{text}-{teams}")
    if not is_current(out):  # missing, or written by an older generator
        generate(teams, out, text=text)
    return out


def rule_times(paths: list[str], config: Config, repeat: int = 3) -> dict[str, float]:
    """CPU seconds of every stage (read + parse, validate, the graph, each enabled rule,
    stamping, anchors, suppressions, hold-back, sorting, fingerprints), least of `repeat`
    passes, each stage re-run on the spot (see benchmarks/stages.py)."""
    stages: dict[str, float] = measure_stages(paths, config, repeat, reports=False)["stages"]
    return stages


def measure_scale(teams: int, repeat: int, text: str = "plain",
                  stage_repeat: int = 3, with_new: bool = True,
                  staged: dict[str, Any] | None = None) -> dict[str, Any]:
    """Floor, load and whole check (best of `repeat`, wall and CPU) and the CPU of every
    stage and reporter (least of `stage_repeat` passes, see benchmarks/stages.py; or
    `staged`, measured side by side with the other sizes by `measure_together`). The load
    and the whole check run with the cyclic collector off, as `orgspec check` runs them
    (`orgspec/entry.py`); the floor with it on, as a bare YAML tool."""
    root = org_for(teams, text)
    files = sorted((root / "teams").glob("*.yaml"))
    paths = [str(root / "teams")]
    config = Config()
    t_floor = min((timed_cpu(lambda: floor(files)) for _ in range(repeat)), key=lambda r: r[1])
    t_load = min((timed_cpu(lambda: load_org(paths, config), gc_off=True)
                  for _ in range(repeat)), key=lambda r: r[1])
    runs = [timed_cpu(lambda: lint(paths, config), gc_off=True) for _ in range(repeat)]
    t_lint, c_lint, result = min(runs, key=lambda r: r[1])
    without = Config(ignore=[Selector(c, "bench") for c in NEW_FAMILIES])
    t_without = min(timed_cpu(lambda: lint(paths, without), gc_off=True)[1]
                    for _ in range(repeat)) if with_new else 0.0
    size = sum(f.stat().st_size for f in files)
    staged = staged or measure_stages(paths, config, stage_repeat)
    return {"teams": teams, "text": text, "files": len(files), "mb": size / 1e6,
            "floor": t_floor[0], "floor_cpu": t_floor[1], "load": t_load[0], "lint": t_lint,
            "lint_cpu": c_lint, "entities": result.entity_count,
            "findings": len(result.findings), "rules": staged["stages"],
            "first": staged["first"], **({"calls": staged["calls"]} if "calls" in staged else {}),
            "without_new_cpu": t_without}


def measure_adversarial(teams: int) -> bool:
    """CPU time of every stage on the adversarial org (benchmarks/adversarial.py) at `teams`
    and twice that; prints the table and returns False when a stage that took at least
    20 ms grew more than 3x (linear work doubles; quadratic work quadruples)."""
    times = []
    for n in (teams, 2 * teams):
        out = HERE / "out" / f"adversarial-{n}"
        if not (out / "ground_truth.json").is_file():
            adversarial.generate(n, out)
        paths = [str(out / "teams")]
        every = Config(select=[Selector("ALL", "bench")])
        times.append(measure_stages(paths, every, 3)["stages"])
    print(f"\nAdversarial org (one {teams}-deep team chain, shared clauses, typos), CPU s:\n")
    print(f"| stage | {teams} teams | {2 * teams} teams | growth |")
    print("|---|---|---|---|")
    ok = True
    for code in times[0]:
        a, b = times[0][code], times[1].get(code, 0.0)
        flag = a >= 0.02 and b > 3 * a
        ok = ok and not flag
        growth = f"{b / a:.1f}x" if a >= 0.005 else "-"
        print(f"| {code} | {a:.3f} | {b:.3f} | {growth}{' **over 3x**' if flag else ''} |")
    return ok


def print_scale(measured: list[dict[str, Any]]) -> None:
    """The floor/check table, then each stage's CPU time per size with its growth factor."""
    print("| text | teams | files | MB | entities | findings | floor: read + CSafeLoader load "
          "(s, wall / CPU) | load + validate (s) | ratio | whole check (s, wall / CPU) "
          "| ratio (wall) | ratio (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for m in measured:
        if "floor" not in m:  # --stages-only
            print(f"| {m['text']} | {m['teams']} | - | - | {m['entities']} | {m['findings']} "
                  "| - | - | - | - | - | - |")
            continue
        print(f"| {m['text']} | {m['teams']} | {m['files']} | {m['mb']:.1f} | "
              f"{m['entities']} | {m['findings']} | {m['floor']:.2f} / {m['floor_cpu']:.2f} | "
              f"{m['load']:.2f} | {m['load'] / m['floor']:.2f}x | {m['lint']:.2f} / "
              f"{m['lint_cpu']:.2f} | {m['lint'] / m['floor']:.2f}x | "
              f"{m['lint_cpu'] / m['floor_cpu']:.2f}x |")
    for text in dict.fromkeys(m["text"] for m in measured):
        rows = [m for m in measured if m["text"] == text]
        small, large = rows[0], rows[-1]
        per_entity = large["entities"] / small["entities"]
        per_finding = large["findings"] / max(small["findings"], 1)
        print(f"\nCPU time (s) of each stage, `{text}` text: median of the cold re-runs "
              f"(every stage, read + parse, validate, graph and view model included, re-run "
              f"from the same inputs), and the first run alone. From "
              f"{small['teams']} to {large['teams']} teams the org's "
              f"entities grow {per_entity:.2f}x and its findings {per_finding:.2f}x; "
              "`/ entity` and `/ finding` are the growth divided by those:\n")
        counted = "calls" in small and "calls" in large
        print("| stage | " + " | ".join(f"{m['teams']} teams" for m in rows) +
              " | growth | / entity | / finding | first run: " +
              " | ".join(f"{m['teams']}" for m in rows) + " | growth |" +
              (" calls growth |" if counted else ""))
        print("|---|" + "---|" * (2 * len(rows) + 4 + counted))
        for code in small["rules"]:
            times = [m["rules"].get(code, 0.0) for m in rows]
            firsts = [m["first"].get(code, 0.0) for m in rows]
            norm = [f"{times[-1] / times[0] / n:.2f}x" if times[0] >= 0.005 else "-"
                    for n in (per_entity, per_finding)]
            print(f"| {code} | " + " | ".join(f"{t:.3f}" for t in times) +
                  f" | {growth_mark(times[0], times[-1])} | {norm[0]} | {norm[1]} | " +
                  " | ".join(f"{t:.3f}" for t in firsts) +
                  f" | {growth_mark(firsts[0], firsts[-1])} |" +
                  (f" {calls_mark(small['calls'].get(code), large['calls'].get(code))} |"
                   if counted else ""))


def calls_mark(small: int | None, large: int | None) -> str:
    """The growth of a stage's Python and C calls (cProfile, `benchmarks/counts.py`),
    starred above 12x; `-` when uncounted or under 1,000 calls on the small org."""
    if not small or not large or small < 1000:
        return "-"
    return f"{large / small:.1f}x" + (" *" if large > 12 * small else "")


def growth_mark(small: float, large: float) -> str:
    """`12.3x`, starred above 12x; `-` when the small org's time is under 5 ms; stages under
    20 ms on the large org are marked as too small to judge on a shared machine."""
    if small < 0.005:
        return "-"
    growth = f"{large / small:.1f}x"
    if large < 0.02:
        return f"{growth} (under 20 ms)"
    return f"{growth} *" if large > 12 * small else growth


def measure_report(teams: int) -> dict[str, Any]:
    """The HTML and Markdown reports of a synthetic org: render time, size, and in Chromium
    (when there is one) load time and how long a filter, a search and a sort take."""
    root = org_for(teams)
    result, org = lint_org([str(root / "teams")], Config())
    t_view, view = timed(lambda: build_view(result, org))
    t_html, html = timed(lambda: render_html(view))
    t_md, _ = timed(lambda: render_markdown(view))
    out = HERE / "out" / f"report-{teams}.html"
    out.write_text(html, "utf-8")
    return {"teams": teams, "findings": len(result.findings), "view": t_view, "html": t_html,
            "mb": len(html.encode()) / 1e6, "md": t_md, "browser": in_browser(out)}


def in_browser(path: Path) -> str:
    """Load time and the time of one filter, one search and one sort, measured in the page
    from the event to the next layout; or why it could not be measured."""
    import shutil

    chromium = os.environ.get("ORGSPEC_CHROMIUM") or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "no Playwright"
    if not chromium:
        return "no chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=600_000)
        load = time.perf_counter() - start
        ms = page.evaluate("""() => {
            const layout = () => document.body.offsetHeight;
            const time = (f) => { const t = performance.now(); f(); layout();
                                  return performance.now() - t; };
            const fire = (id, value, type) => () => { const el = document.getElementById(id);
                el.value = value; el.dispatchEvent(new Event(type)); };
            return [time(fire("f-severity", "warning", "change")),
                    time(fire("f-severity", "", "change")),
                    time(fire("f-search", "duty", "input")),
                    time(() => document.querySelector("#findings-table th button").click())];
        }""")
        browser.close()
    return (f"load {load:.1f} s; filter {ms[0]:.0f} ms, clear {ms[1]:.0f} ms, "
            f"search {ms[2]:.0f} ms, sort {ms[3]:.0f} ms")


def flow_text(steps: int, loop: bool) -> str:
    """One process of `steps` steps in a chain; with `loop`, the last leads back to the first."""
    lines = [f"  - {{id: s{i}, owner: a, next: [s{i + 1}]}}" for i in range(steps - 1)]
    lines.append(f"  - {{id: s{steps - 1}, owner: a{', next: [s0]' if loop else ''}}}")
    return "kind: Process\nid: p\nowner: a\nsteps:\n" + "\n".join(lines) + \
        "\n---\nkind: Team\nid: a\n"


def deep_flows() -> list[tuple[str, float, int]]:
    """Rule time of the process rules on a 10,000-step chain and a 1,000-step cycle."""
    import tempfile

    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.registry import load_checks
    from orgspec.engine.selection import make_plan
    from orgspec.load.config import Selector

    config = Config(select=[Selector("processes", "bench")])
    checks, plan = load_checks(), make_plan(config)
    out = []
    for label, steps, loop in (("10,000-step chain", 10_000, False),
                               ("1,000-step cycle", 1_000, True)):
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "p.yaml").write_text(flow_text(steps, loop), "utf-8")
            shared = Shared(load_org([folder], config).org)
            _ = shared.graph  # built outside the rule timing
            start = time.perf_counter()
            found = sum(len(list(checks[c](RuleContext(shared, plan.options[c]))))
                        for c in plan.severity)
            out.append((label, time.perf_counter() - start, found))
    return out


def startup(args: list[str], runs: int = 7, env: dict[str, str] | None = None) -> float:
    """Median wall time of `python -m orgspec ARGS` in fresh interpreters, in ms (the first
    run, which may write bytecode, not counted)."""
    times = []
    env = {**(env or os.environ), "PYTHONPATH": str(CHECKOUT)}
    subprocess.run([sys.executable, "-m", "orgspec", *args], cwd=CHECKOUT, env=env,
                   capture_output=True, check=False)
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "orgspec", *args], cwd=CHECKOUT, env=env,
                       capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bare_python(runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


FLOOR_SCRIPT = """
import sys, pathlib, yaml
n = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    n += len(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) or ())
"""


Sample = tuple[float, float, float]  # wall s, CPU s, CPU s of the work it left behind


def subreaper() -> bool:
    """Make this process adopt its children's orphans (Linux `PR_SET_CHILD_SUBREAPER`), so
    that `run_process` can wait for the child an `orgspec check` leaves to write the next
    run's warm state (`gcpause.finish`) and count its CPU; False where it cannot."""
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap() -> float:
    """Wait for every orphan this process adopted (`subreaper`); their CPU seconds."""
    spent = 0.0
    while True:
        try:
            _, _, usage = os.wait4(-1, 0)
        except ChildProcessError:
            return spent
        spent += usage.ru_utime + usage.ru_stime


def run_process(cmd: list[str], env: dict[str, str], cwd: Path,
                settle: bool = True) -> Sample:
    """(wall, CPU, later) seconds of one process: CPU is user + sys of it and what it
    waited for; `later` is the CPU of what it left running after its end (the warm state's
    writer), waited for here when `settle` (as a user's next commit comes seconds later:
    the next run then never waits for it), else left to the next run (back to back)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    later = reap() if settle else 0.0
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), later


def best(samples: list[Sample]) -> Sample:
    """The sample with the least CPU (the shared machine's wall time is noise)."""
    return min(samples, key=lambda s: s[1])


def measure_process(teams: int, repeat: int, prefix: Path | None = None) -> dict[str, Any]:
    """Whole-command timings at `teams` on a copy of the synthetic org (it gets edited);
    with a bytecode `prefix`, every module the runs import is compiled there before the
    timed runs."""
    import shutil
    import tempfile

    source = org_for(teams) / "teams"
    reaped = subreaper()
    with tempfile.TemporaryDirectory(prefix="orgspec-bench-") as tmp:
        work = Path(tmp)
        org = work / "teams"
        shutil.copytree(source, org)
        cache = work / "cache"
        env = {**os.environ, "ORGSPEC_CACHE_DIR": str(cache), "NO_COLOR": "1",
               "PYTHONPATH": str(CHECKOUT)}
        check = [sys.executable, "-m", "orgspec", "check", "teams", "--format", "json",
                 "-o", str(work / "out.json")]
        if prefix is not None:
            env["PYTHONPYCACHEPREFIX"] = str(prefix)
            compile_first(env, work, check, cache)
        floor_t = best([run_process([sys.executable, "-c", FLOOR_SCRIPT, "teams"], env, work)
                        for _ in range(repeat)])
        plain = best([run_process([*check, "--no-cache"], env, work) for _ in range(repeat)])
        cold, warm, changed, reworded, word, raci, again = [], [], [], [], [], [], []
        victim = sorted(org.glob("*.yaml"))[teams // 2]
        for i in range(repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(run_process(check, env, work))
            warm.append(run_process(check, env, work))
            for step in ("a", "b"):  # the first edit's run stores every file's entry
                with victim.open("a", encoding="utf-8") as handle:
                    handle.write(f"# edit {i}{step}\n")
                sample = run_process(check, env, work)
            changed.append(sample)
            text = victim.read_text("utf-8")  # one duty's description reworded
            victim.write_text(text.replace('description: "', f'description: "{i} ', 1),
                              "utf-8")
            reworded.append(run_process(check, env, work))
            victim.write_text(other_verb(victim.read_text("utf-8")), "utf-8")
            word.append(run_process(check, env, work))
            text = victim.read_text("utf-8")  # one duty's RACI changed
            victim.write_text(text.replace("consulted: [", f"consulted: [team-{i:05d}, ", 1),
                              "utf-8")
            raci.append(run_process(check, env, work, settle=False))
            # the next edit checked at once (two commits in a row): the run may wait for
            # the state the RACI run's child is still writing
            text = victim.read_text("utf-8")
            victim.write_text(text.replace('description: "', f'description: "{i}b ', 1),
                              "utf-8")
            again.append(run_process(check, env, work))
        size = sum(f.stat().st_size for f in org.glob("*.yaml"))
        return {"teams": teams, "mb": size / 1e6, "floor": floor_t, "plain": plain,
                "cold": best(cold), "warm": best(warm), "changed": best(changed),
                "reworded": best(reworded), "word": best(word), "raci": best(raci),
                "again": best(again), "reaped": reaped}


def other_verb(text: str) -> str:
    """`text` with the verb of its first English duty description (one of the generator's
    `VERBS_EN`) replaced by the next of them: a real word change, which changes that duty's
    near-duplicate features (and the weights of both verbs)."""
    import re

    from generate import VERBS_EN

    found = re.search(r'description: "(' + "|".join(map(re.escape, VERBS_EN)) + r') ', text)
    if found is None:
        raise SystemExit("no English duty description to change a word of")
    verb = VERBS_EN[(VERBS_EN.index(found.group(1)) + 1) % len(VERBS_EN)]
    return text[:found.start(1)] + verb + text[found.end(1):]


def bytecode_env(prefix: Path) -> dict[str, str]:
    """The environment of processes that read and write bytecode under `prefix`."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(prefix)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_first(env: dict[str, str], work: Path, check: list[str], cache: Path) -> None:
    """Compile what the runs import into `env`'s bytecode prefix: orgspec's package, then
    one untimed run of each kind writes the rest (the dependencies' bytecode is read from
    the prefix too, once a prefix is set)."""
    import shutil

    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(CHECKOUT / "orgspec")],
                   env=env, cwd=work, capture_output=True, check=False)
    for extra in (["--no-cache"], [], [], ["--version"]):
        cmd = check[:3] + extra if extra == ["--version"] else [*check, *extra]
        run_process(cmd, env, work)
    shutil.rmtree(cache, ignore_errors=True)


PROCESS_COLUMNS = (("cold", "check, cold (empty cache)"), ("warm", "warm, no change"),
                   ("changed", "warm, one comment changed"),
                   ("reworded", "warm, one duty reworded"),
                   ("word", "warm, one word of a duty changed"),
                   ("raci", "warm, one duty's RACI changed"),
                   ("again", "a duty reworded right after (back to back)"))


def print_process(rows: list[dict[str, Any]]) -> None:
    """Two tables: the timings, then each cached run beside the cold run (the issue's
    goal) and beside the run without the cache."""
    def t(pair: Sample) -> str:
        return f"{pair[0]:.2f} / {pair[1]:.2f}"

    def r(a: Sample, b: Sample) -> str:
        return f"{a[0] / b[0]:.2f}x / {a[1] / b[1]:.2f}x"

    print("| teams | MB | floor: bare CSafeLoader process | check, no cache | vs floor | "
          + " | ".join(title for _, title in PROCESS_COLUMNS) + " |")
    print("|---" * (5 + len(PROCESS_COLUMNS)) + "|")
    for m in rows:
        print(f"| {m['teams']} | {m['mb']:.1f} | {t(m['floor'])} | {t(m['plain'])} | "
              f"{r(m['plain'], m['floor'])} | "
              + " | ".join(t(m[key]) for key, _ in PROCESS_COLUMNS) + " |")
    print("\nEach cell: wall s / CPU s (user + sys, workers included).\n")
    print("| teams | versus | " + " | ".join(title for _, title in PROCESS_COLUMNS[1:]) + " |")
    print("|---" * (1 + len(PROCESS_COLUMNS)) + "|")
    for m in rows:
        for base, name in (("cold", "cold (empty cache)"), ("plain", "no cache")):
            print(f"| {m['teams']} | {name} | "
                  + " | ".join(r(m[key], m[base]) for key, _ in PROCESS_COLUMNS[1:]) + " |")
    print("\nRatios wall / CPU; the issue's goals are against the cold run: no change "
          "<= 0.15x, one file changed <= 0.25x.\n")
    print("| teams | " + " | ".join(title for _, title in PROCESS_COLUMNS) + " |")
    print("|---" * (1 + len(PROCESS_COLUMNS)) + "|")
    for m in rows:
        print(f"| {m['teams']} | " + " | ".join(f"{m[key][2]:.2f}" for key, _ in PROCESS_COLUMNS)
              + " |")
    print("\nCPU s of the child each run left to write the next run's warm state after its "
          "output (not in the cells above; waited for before the next run, but after the "
          "RACI run, which the back-to-back run follows at once: its writer is counted "
          "there)" + ("" if rows and rows[0].get("reaped") else
                      ": NOT MEASURED, this process could not adopt orphans") + ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, nargs="+", default=[50, 500, 5000])
    parser.add_argument("--repeat", type=int, default=3,
                        help="best of N for the floor and the whole check")
    parser.add_argument("--stage-repeat", type=int, default=3,
                        help="least CPU of N passes per stage (each also re-run on the spot)")
    parser.add_argument("--site", action="store_true",
                        help="only the handbook site benchmark (benchmarks/site_bench.py)")
    parser.add_argument("--text", nargs="+", choices=TEXTS, default=["plain"],
                        help="generator text modes to measure (see generate.py)")
    parser.add_argument("--scale-only", action="store_true",
                        help="only the scale tables (no deep flows, start-up or reports)")
    parser.add_argument("--stages-only", action="store_true",
                        help="only the per-stage growth tables (no floor or whole check)")
    parser.add_argument("--orgspec", type=Path, default=REPO,
                        help="the checkout whose orgspec is measured (default: this one)")
    parser.add_argument("--process", action="store_true",
                        help="only the whole-command timings (cold, warm, one file changed) "
                             "beside the bare CSafeLoader process")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="with --process: do not compile modules to bytecode first (as "
                             "the tables before 2026-12-01 14:00 were measured)")
    parser.add_argument("--counts", action="store_true",
                        help="with the stage tables: each stage's calls at the smallest and "
                             "largest size (cProfile, benchmarks/counts.py), a growth no "
                             "load moves")
    parser.add_argument("--stages", nargs="+", metavar="STAGE",
                        help="with --stages-only: time only these stages (rule codes or "
                             "names as the table prints them, e.g. MT004 'hold back' "
                             "'reporter text'); the others run once, untimed")
    parser.add_argument("--adversarial", type=int, metavar="TEAMS",
                        help="only the doubling check on the adversarial org; exit 1 if a "
                             "stage grows more than 3x")
    args = parser.parse_args()
    if args.stages:
        args.stages_only = True
    if args.site:
        from site_bench import measure_site, print_table

        print_table([measure_site(t) for t in args.teams])
        return
    if args.process:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
              f"orgspec from {CHECKOUT}\n")
        print(f"load average {os.getloadavg()[0]:.1f} at the start; bytecode "
              f"{'as the environment has it' if args.no_bytecode else 'compiled first'}\n")
        import tempfile

        with tempfile.TemporaryDirectory(prefix="orgspec-bytecode-") as tmp:
            prefix = None if args.no_bytecode else Path(tmp)
            print_process([measure_process(t, 1 if t >= 5000 else args.repeat, prefix)
                           for t in args.teams])
            print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
            env = bytecode_env(prefix) if prefix is not None else None
            for args_ in (["--version"], ["check", "examples/minimal"]):
                print(f"- `orgspec {' '.join(args_)}`: median {startup(args_, env=env):.0f} ms "
                      "wall (warm cache)")
        print(f"- bare `python -c pass`: median {bare_python():.0f} ms")
        return
    if args.adversarial:
        print(f"orgspec from {CHECKOUT}")
        sys.exit(0 if measure_adversarial(args.adversarial) else 1)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"libyaml {yaml.__with_libyaml__}, orgspec from {CHECKOUT}, load average "
          f"{os.getloadavg()[0]:.1f} at the start\n")
    measured = []
    for text in args.text:
        # every stage of every size side by side (benchmarks/stages.py, measure_together)
        staged = measure_together([[str(org_for(t, text) / "teams")] for t in args.teams],
                                  Config(), args.stage_repeat,
                                  only=set(args.stages) if args.stages else None)
        if args.counts:
            import counts

            # serial, as tests/test_rule_growth.py counts: a forked parser's files arrive
            # pickled and are unpickled by whichever rule first reads them
            parallel = os.environ.get("ORGSPEC_PARALLEL")
            os.environ["ORGSPEC_PARALLEL"] = "0"
            for got, teams in ((staged[0], args.teams[0]), (staged[-1], args.teams[-1])):
                calls = counts.count([str(org_for(teams, text) / "teams")],
                                     set(args.stages) if args.stages else None)[0]
                got["calls"] = {name: sum(c.values()) for name, c in calls.items()}
            if parallel is None:
                del os.environ["ORGSPEC_PARALLEL"]
            else:
                os.environ["ORGSPEC_PARALLEL"] = parallel
        if args.stages_only:
            measured += [{"teams": teams, "text": text, "entities": got["entities"],
                          "findings": got["findings"], "rules": got["stages"],
                          "first": got["first"], **({"calls": got["calls"]}
                                                    if "calls" in got else {})}
                         for teams, got in zip(args.teams, staged, strict=True)]
            continue
        measured += [measure_scale(teams, 1 if teams >= 5000 else args.repeat, text,
                                   args.stage_repeat, not args.scale_only, got)
                     for teams, got in zip(args.teams, staged, strict=True)]
    print_scale(measured)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end (1 minute; 2 cores busy = 2)")
    if args.scale_only or args.stages_only:
        return
    print("\nPositions and meetings rules (RO, MT): whole check with and without them, CPU:\n")
    for m in measured:
        new = sum(t for code, t in m["rules"].items() if code.startswith(NEW_FAMILIES))
        print(f"- {m['text']}, {m['teams']} teams: {m['lint_cpu']:.2f} s with, "
              f"{m['without_new_cpu']:.2f} s without "
              f"({(m['lint_cpu'] / m['without_new_cpu'] - 1) * 100:+.1f} %); their rule time "
              f"{new:.3f} s = {new / m['lint_cpu'] * 100:.1f} % of the whole check")
    print("\nProcess rules on deep flows (all PR rules, graph prebuilt):\n")
    for label, seconds, found in deep_flows():
        print(f"- {label}: {seconds * 1000:.0f} ms, {found} findings")
    base = bare_python()
    version = startup(["--version"])
    minimal = startup(["check", "examples/minimal"])
    print(f"\nstart-up (median of 7, bare `python -c pass` = {base:.0f} ms): "
          f"`orgspec --version` {version:.0f} ms (+{version - base:.0f}); "
          f"`orgspec check examples/minimal` {minimal:.0f} ms (+{minimal - base:.0f})")
    print("\nReports (view model built once; HTML in headless Chromium):\n")
    print("| teams | findings | view model (s) | HTML (s) | HTML size (MB) | Markdown (s) "
          "| in the browser |")
    print("|---|---|---|---|---|---|---|")
    for teams in args.teams:
        r = measure_report(teams)
        print(f"| {r['teams']} | {r['findings']} | {r['view']:.2f} | {r['html']:.2f} | "
              f"{r['mb']:.1f} | {r['md']:.2f} | {r['browser']} |")


if __name__ == "__main__":
    main()
