"""Graph-free rules may run in a forked worker on large orgs; the findings are identical."""

from __future__ import annotations

import sys

import pytest
from conftest import EXAMPLES, REPO

import orgspec.engine.lint as linter
from orgspec.load.config import Config

EXAMPLE = REPO / "rules" / "examples" / "near-duplicate-duties" / "bad.yaml"


@pytest.mark.skipif(sys.platform != "linux" or (__import__("os").cpu_count() or 1) < 2,
                    reason="the worker is forked on Linux with two or more cores")
def test_forked_rules_report_what_the_serial_run_does(monkeypatch) -> None:
    paths = [str(EXAMPLE), str(EXAMPLES / "ecommerce")]
    config = Config(extends="strict")
    serial = linter.lint(paths, config).findings
    monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
    forks = []
    real_fork = linter._fork
    monkeypatch.setattr(linter, "_fork", lambda *a: forks.append(a[3]) or real_fork(*a))
    forked = linter.lint(paths, config).findings
    assert len(forks) == 1 and "OW007" in forks[0] and "HI001" not in forks[0]
    assert serial and forked == serial


def test_parallel_can_be_switched_off(monkeypatch) -> None:
    monkeypatch.setattr(linter, "PARALLEL_MIN", 0)
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    called = []
    monkeypatch.setattr(linter, "_fork", lambda *a: called.append(1))
    linter.lint([str(EXAMPLES / "minimal")])
    assert called == []
