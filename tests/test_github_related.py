"""GitHub annotations name related places as the annotation names its own file: from the
workspace root, wherever the check ran (a trial ran it from the org's subfolder)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

TEAMS = """\
- {kind: Team, id: ops, name: 运营部, members: [a], lead: a}
- {kind: Team, id: cs, name: 客服部, members: [a], lead: a}
- {kind: Person, id: a, name: 安娜}
"""
DUTY = """\
- {kind: Responsibility, id: refunds, name: 退款, accountable: ops}
- {kind: Responsibility, id: refunds-2, name: 退款审核, accountable: [ops, cs]}
"""


def test_related_locations_are_workspace_relative_from_a_subfolder(tmp_path: Path) -> None:
    org = tmp_path / "org"
    (org / "teams").mkdir(parents=True)
    (org / "teams" / "teams.yaml").write_text(TEAMS, "utf-8")
    (org / "duties.yaml").write_text(DUTY, "utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    run = run_cli("check", ".", "--format", "github", "--lang", "en", cwd=org, env=env)
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    related = [a for a in annotations if "%0Arelated: " in a]
    assert related, annotations
    for line in related:
        assert "file=org/" in line, line
        for part in line.split("%0Arelated: ")[1:]:
            assert part.startswith("org/"), line  # not `teams/teams.yaml`, as seen from org/
