"""Trial 19 (a Hangzhou live-commerce operations director, README only): a file checked on its
own also reports the findings it causes elsewhere; duplicate duties within one team; corner
quotes around a key result's title; what a failed file held back; id hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, run_cli

BASE = """\
- {kind: Team, id: tech, name: 技术部, lead: lin-yu, members: [lin-yu, guo-qiang], \
responsibilities: [live-stability]}
- {kind: Person, id: lin-yu, name: 林宇}
- {kind: Person, id: guo-qiang, name: 郭强}
- {kind: Responsibility, id: live-stability, name: 直播稳定性, accountable: tech}
"""
NEW_TEAM = """\
- {kind: Team, id: live-center, name: 直播中台, parent: tech, lead: guo-qiang, \
members: [guo-qiang], responsibilities: [live-stability]}
"""


def claimed(write_org) -> Path:
    """An org whose new team file claims a duty the base file's team is accountable for:
    OW001 on the duty in base.yaml, its related location in new-team.yaml."""
    return write_org({"base.yaml": BASE, "new-team.yaml": NEW_TEAM}).parent


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "sarif", "github", "gitlab",
                                 "junit", "junit-suite", "markdown", "chat"])
def test_a_file_checked_alone_reports_the_error_it_causes_in_another_file(
        write_org, fmt: str) -> None:
    top = claimed(write_org)
    run = run_cli("check", "org/new-team.yaml", "--format", fmt, cwd=top)
    assert run.code == 1, run.stdout
    assert "OW001" in run.stdout and "base.yaml" in run.stdout


def test_the_finding_keeps_its_own_location_and_other_files_stay_quiet(write_org) -> None:
    top = claimed(write_org)
    whole = run_cli("check", "org", "--format", "json", cwd=top).json()["findings"]
    alone = run_cli("check", "org/new-team.yaml", "--format", "json", cwd=top)
    where = [(f["code"], f["file"], f["line"], f["column"]) for f in alone.json()["findings"]]
    assert where == [("OW001", "org/base.yaml", 4, 59)]
    assert alone.json()["findings"] == whole
    (top / "org" / "people.yaml").write_text("- {kind: Person, id: wu, name: 吴}\n", "utf-8")
    other = run_cli("check", "org/people.yaml", "--format", "json", cwd=top)
    assert [f["code"] for f in other.json()["findings"]] == ["HI007"]  # wu is on no team


def test_the_cached_result_is_filtered_per_run(write_org) -> None:
    top = claimed(write_org)
    (top / "org" / "people.yaml").write_text("- {kind: Person, id: wu, name: 吴}\n", "utf-8")
    runs = [run_cli("check", path, "--format", "json", cwd=top).json()["findings"]
            for path in ("org/people.yaml", "org/new-team.yaml", "org/base.yaml",
                         "org/people.yaml", "org/new-team.yaml")]
    codes = [[f["code"] for f in found] for found in runs]
    assert codes == [["HI007"], ["OW001"], ["OW001"], ["HI007"], ["OW001"]]


def test_staged_files_named_report_the_error_they_cause_elsewhere(write_org) -> None:
    top = claimed(write_org)
    git(top, "init", "-q")
    git(top, "add", ".")
    run = run_cli("check", "--staged", "org/new-team.yaml", "--format", "json", cwd=top)
    assert [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]] == [
        ("OW001", "org/base.yaml", 4)]
    assert run.code == 1
