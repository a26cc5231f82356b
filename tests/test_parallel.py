"""Large orgs are parsed and checked by two processes (`orgspec.forkmap`); the findings are
identical to the serial run's, and a worker that dies, fails or hangs never changes an
answer or stops the run."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, REPO

import orgspec.engine.lint as linter
import orgspec.forkmap as forkmap
import orgspec.load.loader as loader
from orgspec.engine.registry import GRAPH_FREE
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config, Selector

EXAMPLE = REPO / "rules" / "examples" / "near-duplicate-duties" / "bad.yaml"
TODAY = dt.date(2026, 11, 30)
STRICT = Config(extends="strict", select=[Selector("ALL", "test")])
FORKS = pytest.mark.skipif(sys.platform != "linux" or (os.cpu_count() or 1) < 2,
                           reason="the worker is forked on Linux with two or more cores")


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location, f.message, f.entity, f.related, f.hint, f.fingerprint,
             f.severity) for f in findings]


def _orgs(tmp: Path) -> list[Path]:
    """Every example, every hostile fixture and a synthetic org of 12 teams."""
    orgs = [p for p in sorted(EXAMPLES.iterdir()) if p.is_dir()]
    for case in sorted(p for p in (FIXTURES / "hostile").iterdir() if p.is_dir()):
        shutil.copytree(case, tmp / case.name, ignore=shutil.ignore_patterns("expected.json"))
        orgs.append(tmp / case.name)
    out = tmp / "synthetic"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--teams", "12",
                    "--out", str(out)], check=True, capture_output=True)
    return [*orgs, out / "teams"]


@FORKS
@pytest.mark.parametrize("parser", ["c", "pure"])
def test_parallel_parse_and_rules_find_what_the_serial_run_does(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every org parsed and checked by two processes (thresholds at 0), without the cache
    and with a cold one, equals the serial run field by field."""
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    calls: list[int] = []
    real = forkmap._Split.run
    monkeypatch.setattr(forkmap._Split, "run",
                        lambda self, first: calls.append(len(self.items)) or real(self, first))
    orgs = _orgs(tmp_path)
    for org in orgs:
        paths = [str(org)]
        monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
        serial = _findings(linter.lint_org(paths, STRICT, TODAY)[0].findings)
        monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
        monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
        monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
        before = len(calls)
        forked = _findings(linter.lint_org(paths, STRICT, TODAY)[0].findings)
        cache = Cache(str(tmp_path / "cache" / org.name))
        cold = _findings(linter.check_cached(paths, STRICT, cache, TODAY).findings)
        monkeypatch.setattr(loader, "PARALLEL_BYTES", 512 * 1024)
        monkeypatch.setattr(linter, "PARALLEL_MIN", 5000)
        assert forked == serial, org.name
        assert cold == serial, org.name
        if org.name == "teams":  # 12 files and some 70 rules: both maps forked, twice
            assert len(calls) - before == 4 and serial


@FORKS
def test_the_rule_queue_starts_with_the_heavy_graph_free_rules(monkeypatch) -> None:
    paths = [str(EXAMPLE), str(EXAMPLES / "ecommerce")]
    config = Config(extends="strict")
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    serial = linter.lint(paths, config).findings
    monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
    monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
    queues: list[list[str]] = []
    real = forkmap.fork_map
    monkeypatch.setattr(forkmap, "fork_map",
                        lambda f, items, first=None, **kw: queues.append(list(items))
                        or real(f, items, first, **kw))
    from orgspec.engine.registry import CHECKS

    assert set(CHECKS) <= GRAPH_FREE  # no built-in rule reads the graph (OW/PR: org.raci)
    # a rule that reads the graph (a plugin's, say) runs here, beside the queue
    monkeypatch.setattr("orgspec.engine.registry.GRAPH_FREE", GRAPH_FREE - {"OW004"})
    forked = linter.lint(paths, config).findings
    assert len(queues) == 1 and queues[0][0] == ("OW007",)
    item_of = {code: item for item in queues[0] for code in item}
    assert "OW004" not in item_of and "OW001" in item_of
    # rules that share work per process are one item: it is done once, in one process
    assert item_of["OK003"] == item_of["OK006"] == item_of["RO004"]
    assert item_of["OW001"] == item_of["OW002"] == item_of["MT004"] != item_of["OK003"]
    assert serial and forked == serial


def _containers_located(raw: loader.RawFile) -> list[object]:
    """Every entity's data, path and dropped values, and where each of its nodes is."""
    out: list[object] = []
    for ent in raw.entities:
        out.append((ent.data, ent.path, ent.dropped, ent.fmap.file, ent.fmap.line_count))
        stack: list[tuple[object, ...]] = [ent.path]
        while stack:
            path = stack.pop()
            out.append((path, ent.fmap.locate(path), ent.fmap.value(path)))
            node = ent.fmap.node(path)
            keys = node if isinstance(node, dict) else \
                range(len(node)) if isinstance(node, list) else ()
            stack.extend((*path, k) for k in keys)
    return out


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_a_parsed_file_sent_by_the_worker_reads_back_the_same(
        tmp_path: Path, parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's cheaper form of a parsed file (`loader._send`, marshal) reads back
    (`_receive`) with the same entities, data, dropped values, positions of every node,
    issues, problems and suppression comments, on every file of every example, hostile
    fixture and a synthetic org; files that failed travel as they are."""
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    sent = 0
    for org in _orgs(tmp_path):
        for path in sorted(p for p in org.rglob("*") if p.is_file()):
            raw = loader.load_bytes(str(path), path.read_bytes())
            wire = loader._send(raw)
            back = loader._receive(pickle.loads(pickle.dumps(wire)))
            sent += wire is not raw
            assert _containers_located(back) == _containers_located(raw), path
            assert (back.display, back.issues, back.directives, back.failed) == \
                (raw.display, raw.issues, raw.directives, raw.failed), path
            if raw.entities:
                assert back.entities[0].fmap.parsed.problems == \
                    raw.entities[0].fmap.parsed.problems
    assert sent > 20


def test_parallel_can_be_switched_off(monkeypatch) -> None:
    monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    assert linter.lint([str(EXAMPLES / "ecommerce")]).findings


# forkmap itself: what the worker does not deliver, this process computes.

MAIN = os.getpid()


def _square(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _dies_in_worker(n: int) -> tuple[int, int]:
    if os.getpid() != MAIN:
        os._exit(3)
    return _square(n)


def _fails_in_worker(n: int) -> tuple[int, int]:
    if os.getpid() != MAIN:
        raise RuntimeError("worker")
    return _square(n)


def _hangs_in_worker(n: int) -> tuple[int, int]:
    if os.getpid() != MAIN:
        time.sleep(600)
    return _square(n)


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def _slow_start() -> None:
    time.sleep(0.3)  # the worker claims items meanwhile


@FORKS
def test_both_processes_compute_and_the_order_is_kept() -> None:
    got = forkmap.fork_map(_square, range(200), _slow_start)
    assert [v for v, _ in got] == [n * n for n in range(200)]
    pids = {pid for _, pid in got}
    assert MAIN in pids or len(pids) == 1
    assert pids - {MAIN}, "the worker computed nothing"


def _slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.01)
    return n * n, os.getpid()


@FORKS
def test_the_workers_results_go_through_after_between_this_processs_claims() -> None:
    """`after` runs on what the worker sent while this process still claims items (the
    parse validates the worker's files meanwhile), not all at the end; order is kept."""
    events: list[str] = []

    def after(value: tuple[int, int]) -> int:
        events.append("worker" if value[1] != MAIN else "here")
        return value[0]

    got = forkmap.fork_map(_slow_square, range(120), None, after)
    assert got == [n * n for n in range(120)]
    assert "worker" in events, "the worker computed nothing"
    last_here = max(i for i, e in enumerate(events) if e == "here")
    assert events.index("worker") < last_here


@FORKS
@pytest.mark.parametrize("func", [_dies_in_worker, _fails_in_worker])
def test_a_worker_that_dies_or_fails_leaves_its_items_to_this_process(func) -> None:
    got = forkmap.fork_map(func, range(50), _slow_start)
    assert got == [(n * n, MAIN) for n in range(50)]


@FORKS
def test_a_worker_that_hangs_is_killed_and_its_items_computed_here(monkeypatch) -> None:
    monkeypatch.setattr(forkmap, "HANG_GRACE", 0.5)
    start = time.monotonic()
    got = forkmap.fork_map(_hangs_in_worker, range(20), _slow_start)
    assert got == [(n * n, MAIN) for n in range(20)]
    assert time.monotonic() - start < 30


@FORKS
def test_an_error_is_raised_here_as_the_serial_loop_raises_it() -> None:
    with pytest.raises(ValueError, match="seven"):
        forkmap.fork_map(_fails_on_seven, range(20), _slow_start)
    assert forkmap.fork_map(_fails_on_seven, range(7)) == list(range(7))


@FORKS
def test_the_join_does_not_wait_for_the_workers_exit(monkeypatch, tmp_path) -> None:
    """In a process that reaps its workers at its end (`leave_workers`, as `orgspec check`
    does), fork_map returns once the worker said it is done, while the worker's exit (which
    unmaps its copy of the heap) goes on; `reap_workers` then waits for that exit."""
    gate_r, gate_w = os.pipe()
    ended = tmp_path / "ended"
    real_exit = os._exit

    def slow_exit(code: int) -> None:
        if os.getpid() != MAIN:
            os.read(gate_r, 1)  # held until fork_map has returned here
            ended.write_text(str(code))
        real_exit(code)

    monkeypatch.setattr(os, "_exit", slow_exit)
    monkeypatch.setattr(forkmap, "_LEAVE", [True])
    monkeypatch.setattr(forkmap, "_UNREAPED", [])
    monkeypatch.setattr(forkmap, "HANG_GRACE", 5.0)  # a join waiting for the exit kills it
    try:
        got = forkmap.fork_map(_square, range(200), _slow_start)
        held = not ended.exists()
        left = len(forkmap._UNREAPED)
    finally:  # the worker let go and waited for, whatever happened
        os.write(gate_w, b"x")
        forkmap.reap_workers()
        os.close(gate_r)
        os.close(gate_w)
    assert [v for v, _ in got] == [n * n for n in range(200)]
    assert held, "the join waited for the worker's exit"
    assert left == 1
    assert ended.read_text() == "0", "the worker was killed, not left to exit"
    assert forkmap._UNREAPED == []


@FORKS
@pytest.mark.parametrize("func", [_dies_in_worker, _fails_in_worker])
def test_a_worker_that_dies_or_fails_is_reaped_at_the_join(monkeypatch, func) -> None:
    monkeypatch.setattr(forkmap, "_LEAVE", [True])
    monkeypatch.setattr(forkmap, "_UNREAPED", [])
    got = forkmap.fork_map(func, range(50), _slow_start)
    assert got == [(n * n, MAIN) for n in range(50)]
    assert forkmap._UNREAPED == []


@FORKS
def test_the_tails_org_work_and_spans_are_made_while_the_worker_runs_rules(
        monkeypatch) -> None:
    """The steps after the rules run on one core; what they need of the org alone (the
    anchors, the run's language) and each issue's anchor spans are made during the rule
    phase, while the forked worker runs rules, not after it: the same findings."""
    from orgspec.engine.anchors import Anchors

    org = [str(EXAMPLES / "ecommerce")]
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    serial = _findings(linter.lint_org(org, STRICT, TODAY)[0].findings)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "1")
    monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
    events: list[str] = []
    run, entity, lang = forkmap._Split.run, Anchors._entity, linter.run_lang

    def logged_run(self, first):  # type: ignore[no-untyped-def]
        events.append("map")
        try:
            return run(self, first)
        finally:
            events.append("end")

    monkeypatch.setattr(forkmap._Split, "run", logged_run)
    monkeypatch.setattr(Anchors, "_entity",
                        lambda self, key: events.append("span") or entity(self, key))
    monkeypatch.setattr(linter, "run_lang", lambda o, c: events.append("lang") or lang(o, c))
    forked = _findings(linter.lint_org(org, STRICT, TODAY)[0].findings)
    assert forked == serial and any(f[3] for f in serial)  # findings on entities
    last = len(events) - events[::-1].index("end")
    assert "span" in events and "lang" in events
    assert "span" not in events[last:] and "lang" not in events[last:], events[last:]


def test_a_one_shot_check_keeps_the_files_units_until_it_ends(monkeypatch) -> None:
    """In `orgspec check` (a one-shot process) the files' units, whose entities the org
    holds by then, are kept till the process ends: not freed object by object between the
    parse and the rules, on one core."""
    import orgspec.gcpause as gcpause
    from orgspec.model.validate import FileUnit

    monkeypatch.setattr(gcpause, "_ONE_SHOT", [True])
    monkeypatch.setattr(gcpause, "_KEPT", [])
    loaded = linter.load_org([str(EXAMPLES / "ecommerce")])
    kept = [v for v in gcpause._KEPT
            if isinstance(v, list) and v and all(isinstance(u, FileUnit) for u in v)]
    assert [[u.display for u in units] for units in kept] == [loaded.org.files]
