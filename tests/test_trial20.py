"""Trial 20 (review of integ): a check narrowed to files also reports the files of the org
that failed to load; JUnit leaves out files outside the narrowing; manager loops; id hints
never suggest a taken id; a team named as a manager; a manager id escaped for its medium."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from trialorgs import BROKEN_BASE, NEW_TEAM


def broken(write_org) -> Path:
    """base.yaml has a YAML syntax error (line 1's `}` missing), which hides the OW001 that
    new-team.yaml causes there."""
    return write_org({"base.yaml": BROKEN_BASE, "new-team.yaml": NEW_TEAM}).parent


@pytest.mark.parametrize("fmt", ["text", "json", "gitlab", "junit", "sarif", "github"])
def test_a_narrowed_check_reports_another_file_that_failed_to_load(write_org, fmt: str) -> None:
    top = broken(write_org)
    for _ in range(2):  # the second run takes the cached whole-org result
        run = run_cli("check", "org/new-team.yaml", "--format", fmt, cwd=top)
        assert run.code == 1, run.stdout
        assert "IN001" in run.stdout and "base.yaml" in run.stdout
        assert "未发现问题" not in run.stdout + run.stderr


def test_the_load_failure_keeps_its_own_location(write_org) -> None:
    top = broken(write_org)
    run = run_cli("check", "org/new-team.yaml", "--format", "json", cwd=top)
    where = [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]]
    assert where == [("IN001", "org/base.yaml", 2)]


@pytest.mark.parametrize("fmt", ["junit", "junit-suite"])
def test_junit_of_a_narrowed_check_lists_only_the_files_asked_and_failed(
        write_org, fmt: str) -> None:
    import xml.etree.ElementTree as ET

    top = write_org({"base.yaml": BROKEN_BASE, "new-team.yaml": NEW_TEAM,
                     "people.yaml": "- {kind: Person, id: wu, name: 吴}\n"}).parent
    run = run_cli("check", "org/new-team.yaml", "--format", fmt, cwd=top)
    suites = [(s.get("name"), s.get("failures"))
              for s in ET.fromstring(run.stdout).iter("testsuite")]
    assert suites == [("org/base.yaml", "1"), ("org/new-team.yaml", "0")]


LOOP = """\
- {kind: Team, id: ops, name: 运营部, lead: zhao, members: [zhao, qian, sun, li]}
- {kind: Person, id: zhao, name: 赵敏, manager: sun}  # into the loop, not of it
- {kind: Person, id: qian, name: 钱多, manager: sun}
- {kind: Person, id: sun, name: 孙悦, manager: qian}
- {kind: Person, id: li, name: 李雷, manager: li}
"""


def test_a_manager_loop_and_a_person_their_own_manager_are_one_finding_each(
        write_org) -> None:
    top = write_org({"people.yaml": LOOP}).parent
    run = run_cli("check", "--format", "json", "--lang", "en", cwd=top)
    found = [(f["code"], f["file"], f["line"], f["message"]) for f in run.json()["findings"]
             if f["code"] == "HI009"]
    assert found == [
        ("HI009", "org/people.yaml", 3, "managers form a loop: 钱多 (qian) -> 孙悦 (sun) -> "
                                        "钱多 (qian)"),
        ("HI009", "org/people.yaml", 5, "李雷 (li) is their own manager")]
    assert run.code == 1


def test_a_manager_chain_that_ends_is_no_finding(write_org) -> None:
    fine = LOOP.replace("manager: qian}", "manager: zhao}").replace(", manager: li}", "}") \
        .replace(", manager: sun}  #", "}  #")
    top = write_org({"people.yaml": fine}).parent
    run = run_cli("check", "--format", "json", cwd=top)
    assert [f["code"] for f in run.json()["findings"] if f["code"].startswith("HI")] == []


@pytest.mark.parametrize(("lead", "hint"), [
    ("p", "'t' is a team, and a manager is a person: write its lead `manager: p`"),
    ("TBD", "'t' is a team, and a manager is a person: write the id of the one this "
            "person reports to")])
def test_a_team_as_manager_is_said_to_be_a_team(write_org, lead: str, hint: str) -> None:
    top = write_org({"a.yaml": f"""\
- {{kind: Team, id: t, name: 技术部, lead: {lead}, members: [p, q]}}
- {{kind: Person, id: p, name: 林宇}}
- {{kind: Person, id: q, name: 郭强, manager: t}}
"""}).parent
    run = run_cli("check", "--format", "json", "--lang", "en", cwd=top)
    found = [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]
             if f["code"] == "RF001"]
    assert found == [("RF001", 3, hint)]
