"""Benchmark orgspec against the floor: a bare `yaml.load(CSafeLoader)` of the same files.

    python benchmarks/run.py                  # 50, 500 and 5,000 teams
    python benchmarks/run.py --teams 50 500   # a quicker run

Every stage runs in this one process, side by side, on the same files (page cache warm).
Start-up is measured in fresh interpreters. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import os
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
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from generate import generate  # noqa: E402

from orgspec.engine.lint import lint, lint_org, load_org  # noqa: E402
from orgspec.load.config import Config, Selector  # noqa: E402
from orgspec.report.render import render_html, render_markdown  # noqa: E402
from orgspec.report.view import build_view  # noqa: E402

NEW_FAMILIES = ("RO", "MT")  # positions and meetings: their cost is reported on its own


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def floor(files: list[Path]) -> int:
    """Read every file and `yaml.load` it with the C loader: what any YAML tool pays."""
    count = 0
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        count += len(data)
    return count


def org_for(teams: int) -> Path:
    out = HERE / "out" / str(teams)
    if not (out / "ground_truth.json").is_file():
        generate(teams, out)
    return out


def rule_times(paths: list[str], config: Config) -> dict[str, float]:
    """Seconds spent building the graph and in each enabled rule, on an already loaded org."""
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.declarative import run_declarative
    from orgspec.engine.registry import load_checks
    from orgspec.engine.selection import make_plan

    org = load_org(paths, config).org
    plan, checks, shared = make_plan(config), load_checks(), Shared(org)
    gc.disable()  # as lint() runs them
    out = {"graph": timed(lambda: shared.graph)[0]}
    for code in plan.severity:
        meta = plan.rules[code]
        if meta.given is not None:
            out[code] = timed(lambda m=meta: list(run_declarative(m, shared)))[0]
        elif code in checks:
            ctx = RuleContext(shared, plan.options[code])
            out[code] = timed(lambda c=checks[code], x=ctx: list(c(x)))[0]
    gc.enable()
    return out


def measure_scale(teams: int, repeat: int) -> dict[str, Any]:
    root = org_for(teams)
    files = sorted((root / "teams").glob("*.yaml"))
    paths = [str(root / "teams")]
    config = Config()
    t_floor = min(timed(lambda: floor(files))[0] for _ in range(repeat))
    t_load = min(timed(lambda: load_org(paths, config))[0] for _ in range(repeat))
    runs = [timed(lambda: lint(paths, config)) for _ in range(repeat)]
    t_lint, result = min(runs, key=lambda r: r[0])
    without = Config(ignore=[Selector(c, "bench") for c in NEW_FAMILIES])
    t_without = min(timed(lambda: lint(paths, without))[0] for _ in range(repeat))
    size = sum(f.stat().st_size for f in files)
    return {"teams": teams, "files": len(files), "mb": size / 1e6, "floor": t_floor,
            "load": t_load, "lint": t_lint, "entities": result.entity_count,
            "findings": len(result.findings), "rules": rule_times(paths, config),
            "without_new": t_without}


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


def startup(args: list[str], runs: int = 7) -> float:
    """Median wall time of `python -m orgspec ARGS` in fresh interpreters, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "orgspec", *args], cwd=REPO,
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, nargs="+", default=[50, 500, 5000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N per stage")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"libyaml {yaml.__with_libyaml__}\n")
    print("| teams | files | MB | entities | findings | floor: read + CSafeLoader load (s) "
          "| load + validate (s) | ratio | whole check (s) | ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    measured = []
    for teams in args.teams:
        m = measure_scale(teams, 1 if teams >= 5000 else args.repeat)
        measured.append(m)
        print(f"| {m['teams']} | {m['files']} | {m['mb']:.1f} | {m['entities']} | "
              f"{m['findings']} | {m['floor']:.2f} | {m['load']:.2f} | "
              f"{m['load'] / m['floor']:.2f}x | {m['lint']:.2f} | {m['lint'] / m['floor']:.2f}x |")
    print("\nPositions and meetings rules (RO, MT): whole check with and without them:\n")
    for m in measured:
        new = sum(t for code, t in m["rules"].items() if code.startswith(NEW_FAMILIES))
        print(f"- {m['teams']} teams: {m['lint']:.2f} s with, {m['without_new']:.2f} s without "
              f"({(m['lint'] / m['without_new'] - 1) * 100:+.1f} %); their rule time "
              f"{new:.3f} s = {new / m['lint'] * 100:.1f} % of the whole check")
    print("\nTime in the graph build and in each rule (s), on a loaded org:\n")
    codes = list(measured[0]["rules"])
    print("| stage | " + " | ".join(f"{m['teams']} teams" for m in measured) + " |")
    print("|---|" + "---|" * len(measured))
    for code in codes:
        cells = " | ".join(f"{m['rules'].get(code, 0):.3f}" for m in measured)
        print(f"| {code} | {cells} |")
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
