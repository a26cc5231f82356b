"""CPU time of every stage of one check, measured one stage at a time and repeated.

    python benchmarks/stages.py benchmarks/out/people-5000/teams --repeat 3

The pipeline is `orgspec.engine.lint._lint_loaded` taken apart: read + parse, validate,
the graph, each enabled rule, stamping, the entity anchors, suppressions, hold-back,
sorting, fingerprints, then every reporter over the findings (the report formats through
one view model, as `orgspec check` builds it). Each repetition starts from a fresh load, so
no stage finds another repetition's work done; the re-runs of all repetitions are pooled
per stage. Every stage is run again on the spot from the same inputs (read + parse the same
files, validate the same parsed files, the graph of the same org; a rule with the memo
entries it added, the org's lazily built tables it added (`lazy_undoer`) and orgspec's
function caches cleared first; the stages that make a new value keep the first run's, the
re-runs' are dropped and their garbage collected, untimed), each re-run from cold CPU
caches (`evict`: a
buffer twice the last-level cache is read first, outside the timing), as often as it
takes to fill `MIN_CPU` seconds (at least `RUNS`, at most `MAX_RUNS` times), and the
**median** of those cold re-runs is the stage's figure (`Clock.best`; the least of all runs
is `Clock.least`). So a stage of 5 ms is the median of 40 cold runs, not one sample, and it
is not flattered by warm caches that a 500-team org fits in and a 5,000-team org does not
(the least of 4 warm re-runs put ms-scale rules at 12-15x for 10x the org while callgrind
counted 9.6-10.5x the instructions); a median is not lowered by taking more samples, as a
least is, so the sizes may take different numbers of runs. The first run of each is kept
too. The cyclic collector is off throughout, as in `orgspec check`. CPU time is
`time.process_time()` (user + sys of this process) plus the CPU of the children it waited
for in that time (the forked worker that parses half the files of a large org); everything
else runs in this one process, serially.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import resource
import sys
import time
from collections.abc import Callable, Generator
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
if __name__ == "__main__" and str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))  # run as a script from a checkout

RUNS = 4  # timed re-runs, at least, of every stage that can be re-run, at every org size
MIN_CPU = 0.25  # s: re-runs continue until their CPU adds up to this (short stages)...
MAX_RUNS = 40  # ... or until this many
LONG = 1.0  # s: a stage whose first run took longer gets LONG_RUNS re-runs instead
LONG_RUNS = 3  # a median of three, not the mean of two
EVICT_BYTES = 64 << 20  # twice this machine's 32 MiB last-level cache

_evictor = bytearray(EVICT_BYTES)


def evict() -> None:
    """Push the org out of the CPU caches (read a buffer twice the last-level cache), so a
    re-run starts as cold as a check's one run, at every org size."""
    bytes(_evictor)

REPORT_FORMATS = ("text", "json", "json-lines", "sarif", "github", "gitlab", "junit",
                  "junit-suite", "markdown", "html")
REPORT_STAGES = ("report view model", *(f"reporter {f}" for f in REPORT_FORMATS))


def clear_function_caches() -> None:
    """Empty every `functools` cache of orgspec's modules (a rule that parses numbers or
    tokenises text pays for it itself, not the rule before it)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("orgspec") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def cpu() -> float:
    """CPU seconds of this process (user + sys) and of the children it has waited for."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


class Clock:
    """CPU seconds per stage: `best` is the median of the cold re-runs (the first run when
    the stage had none: a stage not chosen with `only`), `least` the least of all runs (the
    first included), `first` the first run alone (what one `orgspec check` pays: cold
    caches, new memory).

    Every stage that can be re-run is re-run on the spot from cold CPU caches until the
    re-runs fill `MIN_CPU` seconds (`RUNS` to `MAX_RUNS` times); stages whose first run took
    over `LONG` seconds get `LONG_RUNS`."""

    def __init__(self) -> None:
        self.least: dict[str, float] = {}
        self.first: dict[str, float] = {}
        self.samples: dict[str, list[float]] = {}
        self.entities = 0

    @property
    def best(self) -> dict[str, float]:
        """{stage: median of its cold re-runs, or its least run when it had none}."""
        import statistics

        return {name: statistics.median(self.samples[name]) if self.samples.get(name)
                else least for name, least in self.least.items()}

    def _keep(self, name: str, seconds: float) -> None:
        self.least[name] = min(seconds, self.least.get(name, seconds))

    def time(self, name: str, func: Callable[[], Any],
             reset: Callable[[], None] | None = None) -> Any:
        """Run `func` once (its value is returned); when `reset` can undo what it left
        behind, run it again (after `reset`) as often as `runs` says, each timed."""
        value, took = self.run_first(name, func)
        if reset is None:
            return value
        for _ in range(self.runs(took)):
            self.rerun(name, func, reset)
        return value

    def run_first(self, name: str, func: Callable[[], Any]) -> tuple[Any, float]:
        """Run `func` once and keep its CPU time; (its value, seconds)."""
        start = cpu()
        value = func()
        took = cpu() - start
        self._keep(name, took)
        self.first[name] = min(took, self.first.get(name, took))
        if name == "validate":
            self.entities = value[0].entity_count()
        return value, took

    @staticmethod
    def runs(took: float) -> int:
        """How many re-runs a stage whose first run took `took` seconds gets: enough to fill
        `MIN_CPU`, from `RUNS` to `MAX_RUNS` (`LONG_RUNS` past `LONG` seconds)."""
        if took > LONG:
            return LONG_RUNS
        return max(RUNS, min(MAX_RUNS, math.ceil(MIN_CPU / max(took, 1e-4))))

    def rerun(self, name: str, func: Callable[[], Any], reset: Callable[[], None]) -> None:
        reset()
        evict()
        start = cpu()
        func()
        took = cpu() - start
        self._keep(name, took)
        self.samples.setdefault(name, []).append(took)


Step = tuple[str, Callable[[], Any], "Callable[[], None] | None"]


def one_pass(paths: list[str], config: Any, clock: Clock, reports: bool = True) -> int:
    """Every stage once (small ones several times), in pipeline order; returns the number
    of findings."""
    pending = steps(paths, config, reports)
    value: Any = None
    try:
        while True:
            name, func, reset = pending.send(value)
            value = clock.time(name, func, reset)
    except StopIteration as done:
        found: int = done.value
        return found


def steps(paths: list[str], config: Any,
          reports: bool = True) -> Generator[Step, Any, int]:
    """The stages of one pass in pipeline order: yields (name, run, reset or None) and is
    sent what `run` returned; returns the number of findings."""
    from orgspec.engine.anchors import Anchors, assign_fingerprints
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.declarative import run_declarative
    from orgspec.engine.holdback import hold_back
    from orgspec.engine.lint import _ignored, _suppress, org_root, stamp
    from orgspec.engine.registry import load_checks
    from orgspec.engine.selection import make_plan
    from orgspec.findings import LintResult, sort_findings
    from orgspec.load.loader import load_files
    from orgspec.model.validate import build_org

    clear_function_caches()
    plan, checks = make_plan(config), load_checks()
    # read + parse, validate and the graph are re-run from the same inputs too (their
    # value is the first run's; a re-run's is dropped, and its garbage collected, untimed)
    raw = yield ("read + parse", lambda: load_files(
        paths, config.include, config.exclude, respect_gitignore=config.respect_gitignore),
        _collect)
    org, schema_issues = yield "validate", lambda: build_org(raw), _collect
    issues = list(raw.issues) + list(schema_issues)
    today = dt.date.today()
    shared = Shared(org, today)
    undo = lazy_undoer(org)

    def no_graph() -> None:
        shared._graph = None
        undo()
        _collect()

    yield "graph", lambda: shared.graph, no_graph
    for code in plan.severity:
        meta = plan.rules[code]
        if meta.given is not None:
            def run(m: Any = meta) -> list[Any]:
                return list(run_declarative(m, shared))
        elif code in checks:
            ctx = RuleContext(shared, plan.options[code])

            def run(c: Any = checks[code], x: Any = ctx, k: str = code) -> list[Any]:
                return [replace(i, code=k) for i in c(x)]
        else:
            continue
        before = set(shared._memo)
        undo_rule = lazy_undoer(org)

        def reset(before: set[str] = before, undo: Callable[[], None] = undo_rule) -> None:
            for key in set(shared._memo) - before:
                del shared._memo[key]
            undo()
            clear_function_caches()

        issues.extend((yield code, run, reset))
    root = config.root_path()
    findings = yield "stamp", lambda: [f for f in stamp(issues, plan)
                                       if not _ignored(f, plan, root)], _noop
    box = {"anchors": (yield "anchors (index)", lambda: Anchors(org), _noop)}

    def fresh_anchors() -> None:  # spans are built on first use: a re-run starts cold
        box["anchors"] = Anchors(org)

    findings = yield "suppressions", lambda: _suppress(
        findings, org, plan, today, root, box["anchors"]), fresh_anchors
    reads = {c: m.reads for c, m in plan.rules.items()}
    findings = yield "hold back", lambda: hold_back(findings, org, reads,
                                                    box["anchors"]), fresh_anchors
    findings = yield "sort", lambda: sort_findings(findings), _noop
    base = org_root(paths)
    findings = yield "fingerprints", lambda: assign_fingerprints(
        findings, box["anchors"], base), fresh_anchors
    result = LintResult(findings, files=org.files, failed_files=sorted(org.failed),
                        entity_count=org.entity_count(),
                        rules={code: plan.rules[code] for code in plan.severity})
    if reports:
        yield from report_steps(result, org, config)
    return len(findings)


def _noop() -> None:
    return None


def _collect() -> None:
    """Free a dropped re-run's cyclic garbage (the collector is off while stages run)."""
    gc.collect()


def lazy_undoer(org: Any) -> Callable[[], None]:
    """A reset that drops what was built lazily on `org` since this call: the org's and
    its RACI tables' `cached_property` values (`org.raci`, `raci.accountable`,
    `org.person_teams`...). A re-run then builds them again, as the stage's first run did:
    a rule that is the first to ask for `raci.accountable` pays for it in every run, not
    in its first alone."""
    def cached(obj: Any) -> set[str]:
        kind = type(obj)
        return {k for k in vars(obj) if isinstance(getattr(kind, k, None), cached_property)}

    had = cached(org)
    raci = vars(org).get("raci")
    raci_had = cached(raci) if raci is not None else set()

    def undo() -> None:
        for key in cached(org) - had:
            delattr(org, key)
        if raci is not None and vars(org).get("raci") is raci:
            for key in cached(raci) - raci_had:
                delattr(raci, key)

    return undo


def report_steps(result: Any, org: Any, config: Any) -> Generator[Step, Any, None]:
    """Every reporter over `result`, as `orgspec check --format F -o FILE` renders it."""
    from orgspec import reporters
    from orgspec.report.view import build_view

    view = yield ("report view model", lambda: build_view(result, org, config.lang),
                  lazy_undoer(org))
    for fmt in REPORT_FORMATS:
        yield (f"reporter {fmt}", lambda f=fmt: reporters.render(
            f, result, view=view, project_root=".", output="report.out"), _noop)


T = TypeVar("T")

def _passes(repeat: int, one_pass: Callable[[], T]) -> T:
    """`one_pass()` run `repeat` times (at least once) with the collector paused, as lint()
    runs every stage, and a collection between passes so none inherits another's garbage."""
    from orgspec.gcpause import gc_paused

    with gc_paused():
        out = one_pass()
        for _ in range(repeat - 1):
            gc.collect()
            out = one_pass()
        gc.collect()
    return out


def measure(paths: list[str], config: Any, repeat: int, reports: bool = True) -> dict[str, Any]:
    """{stage: median CPU s of its cold re-runs} over `repeat` passes (and the least first
    run of each), the number of findings and of entities. The collector is off, as in
    `orgspec check`."""
    clock = Clock()
    findings = _passes(repeat, lambda: one_pass(paths, config, clock, reports))
    return {"stages": clock.best, "first": clock.first, "findings": findings,
            "entities": clock.entities}


def measure_together(paths: list[list[str]], config: Any, repeat: int,
                     reports: bool = True,
                     only: set[str] | None = None) -> list[dict[str, Any]]:
    """`measure` of several orgs (the sizes of a growth table) side by side, stage by
    stage: each stage runs once on every org in turn, then its re-runs alternate between
    the orgs. Every size is timed within seconds of the others, in the same state of a
    shared machine whose load moves by the minute (one org measured after the other put a
    load change between them), and no org re-runs a stage straight after its own run, in
    CPU caches still warm from it. orgspec's function caches are emptied before every
    stage's first run on every org, so no org finds another's entries (the orgs share
    ids and values). All the orgs are in memory at once.

    With `only`, the other stages run once each, untimed and in their place (a chosen
    stage meets the memo entries and inputs it meets in a whole pass), and the reporters
    only when one is chosen."""
    clocks = [Clock() for _ in paths]
    if only is not None:
        reports = reports and any(name in only for name in REPORT_STAGES)
    found = _passes(repeat, lambda: _side_by_side([steps(p, config, reports) for p in paths],
                                                  clocks, only))
    return [{"stages": c.best, "first": c.first, "findings": f, "entities": c.entities}
            for c, f in zip(clocks, found, strict=True)]


def _side_by_side(passes: list[Generator[Step, Any, int]], clocks: list[Clock],
                  only: set[str] | None = None) -> list[int]:
    """Drive one pass per org in lockstep (the same stages in the same order); a stage
    not in `only` (when given) is run once per org, untimed."""
    values: list[Any] = [None] * len(passes)
    while True:
        asked, ended = [], []
        for pending, value in zip(passes, values, strict=True):
            try:
                asked.append(pending.send(value))
            except StopIteration as done:
                ended.append(done.value)
        if ended:
            if len(ended) != len(passes):
                raise RuntimeError("the orgs' passes ran different stages")
            return ended
        if len({name for name, _, _ in asked}) != 1:
            raise RuntimeError(f"stages out of step: {[a[0] for a in asked]}")
        if only is not None and asked[0][0] not in only:
            values = []
            for clock, (name, func, _reset) in zip(clocks, asked, strict=True):
                clear_function_caches()
                values.append(func())
                if name == "validate":  # the org's size, which the table divides by
                    clock.entities = values[-1][0].entity_count()
            continue
        firsts = []
        for clock, (name, func, _reset) in zip(clocks, asked, strict=True):
            clear_function_caches()
            firsts.append(clock.run_first(name, func))
        values = [value for value, _ in firsts]
        if all(reset is not None for _, _, reset in asked):
            counts = [Clock.runs(took) for _, took in firsts]
            for k in range(max(counts)):
                for clock, (name, func, reset), count in zip(clocks, asked, counts, strict=True):
                    if k < count and reset is not None:
                        clock.rerun(name, func, reset)


def main() -> None:
    from orgspec.load.config import Config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-reports", action="store_true")
    args = parser.parse_args()
    got = measure(args.paths, Config(), args.repeat, not args.no_reports)
    print(f"{got['findings']} findings; median CPU s of the cold re-runs, "
          f"{args.repeat} passes\n")
    for name, seconds in got["stages"].items():
        print(f"{name}\t{seconds:.4f}")


if __name__ == "__main__":
    main()
