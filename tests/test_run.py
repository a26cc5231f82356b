"""The check policy without click: `run_check` returns the exit code and the outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO

from orgspec.run import CheckOptions, CiEnv, UsageError, run_check


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_outputs_and_exit_code_without_writing_anything(tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    outcome = run_check(CheckOptions(paths=(str(EXAMPLES / "ecommerce"),), fmt="json",
                                     reports=(f"markdown={report}",)))
    assert outcome.exit_code == 1 and outcome.result is not None
    assert [(o.path, o.append) for o in outcome.outputs] == [(None, False), (str(report), False)]
    assert outcome.outputs[0].text.startswith("{") and "# " in outcome.outputs[1].text
    assert not report.exists()  # the caller writes
    assert run_check(CheckOptions(paths=(str(EXAMPLES / "ecommerce"),), exit_zero=True)
                     ).exit_code == 0


def test_ci_environment_is_a_value() -> None:
    ci = CiEnv.from_environ({"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": "/tmp/s.md"})
    assert ci.github_actions and ci.step_summary == "/tmp/s.md"
    outcome = run_check(CheckOptions(paths=(str(EXAMPLES / "minimal"),), fmt="auto"), ci)
    assert outcome.exit_code == 0
    assert [(o.path, o.append) for o in outcome.outputs] == [(None, False), ("/tmp/s.md", True)]
    assert CiEnv.from_environ({}) == CiEnv()
    assert CiEnv.from_environ(os.environ) == CiEnv.from_environ(dict(os.environ))


def test_bad_report_spec_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--report takes FORMAT=PATH"):
        run_check(CheckOptions(paths=(str(EXAMPLES / "minimal"),), reports=("pdf=x.pdf",)))
