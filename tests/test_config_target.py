"""The config is found from the target (trial 16), as ruff and yamllint find the one nearest
the files they check: `orgspec check DIR` (and report, site, export, graph, who, show,
import -o DIR) run from outside DIR reads DIR's `.orgspec.yaml`, its relative paths
(`root:`, `exclude:`, `baseline:`) against its folder; else the working directory's;
`--config` wins over both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

# Every line of it changes the result: the org is not in `org/`, the archive holds an
# error, the empty duty list is a warning by default and the messages would be Chinese.
CONFIG = """\
root: people
exclude: ["archive/**"]
rules:
  OW006: error
lang: en
"""
TEAMS = """\
- kind: Team
  id: ke-fu-bu
  name: 客服部
  lead: li-na
  members: [li-na]
- kind: Person
  id: li-na
  name: 李娜
  title: 客服经理
"""
ARCHIVE = """\
- kind: Team
  id: jiu-bu-men
  name: 旧部门
  lead: nobody
"""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "my-org"
    (repo / "people" / "archive").mkdir(parents=True)
    (repo / ".orgspec.yaml").write_text(CONFIG, "utf-8")
    (repo / "people" / "teams.yaml").write_text(TEAMS, "utf-8")
    (repo / "people" / "archive" / "old.yaml").write_text(ARCHIVE, "utf-8")
    return repo


def _findings(stdout: str, prefix: str = "") -> list[dict[str, Any]]:
    """The findings of a JSON run, each file as the repository names it."""
    out = []
    for finding in json.loads(stdout)["findings"]:
        assert finding["file"].startswith(prefix), finding["file"]
        out.append(finding | {"file": finding["file"][len(prefix):]})
    return out


def test_check_from_outside_gives_the_findings_of_a_check_inside(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    inside = run_cli("check", "--format", "json", "--no-cache", cwd=repo)
    assert inside.code == 1, inside.stderr
    found = _findings(inside.stdout)
    assert [(f["code"], f["severity"], f["file"], f["line"]) for f in found] == [
        ("OW006", "error", "people/teams.yaml", 2)]
    assert found[0]["message"] == "team 'ke-fu-bu' has an empty charter: it holds no duty"
    for target in ("my-org", "my-org/people", "my-org/people/teams.yaml", "my-org/"):
        outside = run_cli("check", target, "--format", "json", "--no-cache", cwd=tmp_path)
        assert outside.code == 1, (target, outside.stderr)
        assert _findings(outside.stdout, "my-org/") == found, target
    deeper = tmp_path / "elsewhere" / "deeper"
    deeper.mkdir(parents=True)
    far = run_cli("check", "../../my-org", "--format", "json", "--no-cache", cwd=deeper)
    assert _findings(far.stdout, f"{repo}/") == found  # outside the working directory


def test_check_dot_in_the_repository_is_its_configured_org(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    plain = run_cli("check", "--format", "json", "--no-cache", cwd=repo)
    dot = run_cli("check", ".", "--format", "json", "--no-cache", cwd=repo)
    assert (dot.code, _findings(dot.stdout)) == (plain.code, _findings(plain.stdout))


def test_text_output_from_outside_names_the_files_from_there(tmp_path: Path) -> None:
    _repo(tmp_path)
    run = run_cli("check", "my-org", "--no-cache", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout.splitlines()[0].startswith(
        "my-org/people/teams.yaml:2:3: OW006 [error] team 客服部 (ke-fu-bu)")


def test_the_baseline_the_config_names_is_found_from_outside(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with_baseline = CONFIG + "baseline: known.json\n"
    (repo / ".orgspec.yaml").write_text(with_baseline, "utf-8")
    assert run_cli("check", "--write-baseline", "known.json", "--no-cache", cwd=repo).code == 0
    assert run_cli("check", "--no-cache", cwd=repo).code == 0
    outside = run_cli("check", "my-org", "--no-cache", cwd=tmp_path)
    assert outside.code == 0, outside.stdout + outside.stderr


def test_config_still_wins(tmp_path: Path) -> None:
    _repo(tmp_path)
    (tmp_path / "plain.yaml").write_text("fail-on: error\n", "utf-8")
    run = run_cli("check", "my-org/people", "--config", "plain.yaml", "--format", "json",
                  "--no-cache", cwd=tmp_path)
    codes = sorted((f["code"], f["severity"]) for f in json.loads(run.stdout)["findings"])
    assert ("OW006", "warning") in codes and ("RF001", "error") in codes  # neither applies
    isolated = run_cli("check", "my-org/people", "--isolated", "--format", "json",
                       "--no-cache", cwd=tmp_path)
    assert json.loads(isolated.stdout)["findings"] == json.loads(run.stdout)["findings"]


def test_without_a_config_above_the_target_the_working_directory_s_is_read(
        tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".orgspec.yaml").unlink()
    (tmp_path / ".orgspec.yaml").write_text("rules:\n  OW006: error\nlang: en\n", "utf-8")
    run = run_cli("check", str(repo / "people" / "teams.yaml"), "--format", "json",
                  "--no-cache", cwd=tmp_path)
    assert [(f["code"], f["severity"]) for f in json.loads(run.stdout)["findings"]] == [
        ("OW006", "error")]
    other = tmp_path / "other"
    other.mkdir()
    (other / ".orgspec.yaml").write_text("lang: zh\n", "utf-8")
    (other / "t.yaml").write_text("- {kind: Team, id: a, name: A}\n", "utf-8")
    # the target's own config, not the working directory's, though both exist
    near = run_cli("check", "other/t.yaml", "--no-cache", cwd=tmp_path)
    assert "HI006 [警告] 团队" in near.stdout


@pytest.mark.parametrize("command", [
    ("report", "--format", "markdown"),
    ("export", "--format", "csv"),
    ("graph", "--format", "json"),
    ("who", "客服"),
    ("show", "team", "ke-fu-bu"),
])
def test_every_command_on_a_folder_reads_its_config_from_outside(
        tmp_path: Path, command: tuple[str, ...]) -> None:
    repo = _repo(tmp_path)
    extra = ["-o", "out"] if command[0] == "export" else []
    inside = run_cli(*command, *extra, cwd=repo)
    outside = run_cli(command[0], *command[1:], "my-org", *extra, cwd=tmp_path) \
        if command[0] in ("report", "export", "graph") else \
        run_cli(*command, "my-org", cwd=tmp_path)
    assert inside.code == outside.code == 0, inside.stderr + outside.stderr
    if command[0] == "export":
        in_csv = (repo / "out" / "people.csv").read_text("utf-8-sig")
        out_csv = (tmp_path / "out" / "people.csv").read_text("utf-8-sig")
        assert in_csv == out_csv and in_csv.startswith("name,team,")  # lang: en
        return
    assert outside.stdout.replace("my-org/", "") == inside.stdout
    assert "jiu-bu-men" not in outside.stdout  # the archive is excluded


def test_site_from_outside_reads_the_folder_s_config(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    run = run_cli("site", "my-org", "-o", "site", cwd=tmp_path)
    assert run.code == 0, run.stderr
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in page
    assert repo.is_dir() and "jiu-bu-men" not in page


ROSTER = "工号,姓名,部门,职位\nE1,李娜,客服部,客服经理\n"


def test_import_reads_the_config_of_its_output_folder(tmp_path: Path) -> None:
    repo = tmp_path / "my-org"
    repo.mkdir()
    (repo / ".orgspec.yaml").write_text("lang: en\n", "utf-8")
    (tmp_path / "花名册.csv").write_text(ROSTER, "utf-8")
    run = run_cli("import", "roster", "花名册.csv", "-o", "my-org/org", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("imported 1 teams, 1 people")
    assert (repo / "org" / "ke-fu-bu.yaml").read_text("utf-8").startswith(
        "# Imported by `orgspec import roster`")


def test_init_s_follow_up_names_the_folder_to_check(tmp_path: Path) -> None:
    run = run_cli("init", "my-org", "--no-example", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "orgspec import roster ROSTER -o my-org/org, then orgspec check my-org (" in \
        run.stderr
    (tmp_path / "花名册.csv").write_text(ROSTER, "utf-8")
    assert run_cli("import", "roster", "花名册.csv", "-o", "my-org/org", cwd=tmp_path).code == 0
    inside = run_cli("check", "--format", "json", "--no-cache", cwd=tmp_path / "my-org")
    outside = run_cli("check", "my-org", "--format", "json", "--no-cache", cwd=tmp_path)
    assert inside.code == outside.code
    assert _findings(outside.stdout, "my-org/") == _findings(inside.stdout)
