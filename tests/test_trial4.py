"""What a new user met on their own e-commerce org (trial 4): the same file named twice,
diffs and baselines that claimed fixes, the action's comment, the hook on a deletion, and
one mistake giving several findings."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

PEOPLE = """\
- {kind: Person, id: wang-jianguo, name: 王建国}
- {kind: Person, id: li-na, name: 李娜}
"""
TEAMS = """\
- kind: Team
  id: company
  name: 优选商城
  lead: wang-jianguo
  members: [wang-jianguo, li-na]
  responsibilities: [complaints]
- {kind: Responsibility, id: complaints, name: 投诉处理}
"""


def small_org(root: Path) -> Path:
    (root / "org" / "teams").mkdir(parents=True)
    (root / "org" / "teams" / "people.yaml").write_text(PEOPLE, "utf-8")
    (root / "org" / "teams" / "teams.yaml").write_text(TEAMS, "utf-8")
    return root / "org"


def test_a_file_named_twice_is_loaded_once(tmp_path: Path) -> None:
    small_org(tmp_path)
    for args in (["org", "org/teams/people.yaml"], ["org", "./org"],
                 ["org/teams/people.yaml", "./org/teams/people.yaml", "org/teams/teams.yaml"],
                 ["org", "org/teams", "org/../org/teams/teams.yaml"]):
        run = run_cli("check", *args, "--format", "json", cwd=tmp_path)
        assert run.json()["findings"] == [], args
        assert run.json()["summary"]["files"] == 2, args
        assert run.code == 0


def test_a_file_named_twice_keeps_the_first_name_and_a_stable_order(tmp_path: Path) -> None:
    from orgspec.load.discovery import discover

    small_org(tmp_path)
    import os
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        found = discover(["./org/teams/teams.yaml", "org", "org/teams/people.yaml"])
    finally:
        os.chdir(before)
    assert [c.display for c in found.files] == ["org/teams/people.yaml",
                                                "org/teams/teams.yaml"]
