"""Rough edges of the command line found in earlier trials (trial 10): `export` and `graph`
wrote outputs the next run read as org files, `graph` had no `--isolated`, `config` left
settings out, an output's OS error was English under --lang zh, and the Backstage importer
ignored ORGSPEC_YAML_PARSER."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
- kind: Person
  id: wang
  name: 王芳
"""


@pytest.mark.parametrize("command", [
    ["graph", "-o", "org/graph.yaml"],
    ["graph", "--format", "json", "-o", "org/sub/graph.yml"],
    ["export", "--format", "xlsx", "-o", "org/export.yaml"],
])
def test_export_and_graph_refuse_an_output_the_next_run_would_read(write_org,
                                                                   command: list[str]) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    run = run_cli(*command, "--isolated", cwd=folder, env={"LANG": "C"})
    assert (run.code, run.stdout) == (2, ""), run.stderr
    path = command[-1]
    assert run.stderr == (f"orgspec: error: will not write {path!r}: it lies in the org "
                          "folder, so the next run would read it as an org file; write it "
                          "outside the org, or give it another extension (.json)\n")
    assert sorted(p.name for p in (folder / "org").rglob("*")) == ["teams.yaml"]


def test_export_and_graph_still_write_outside_the_org_and_beside_it(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    graph = run_cli("graph", "-o", "org/graph.json", "--isolated", cwd=folder)
    assert graph.code == 0, graph.stderr
    assert json.loads((folder / "org" / "graph.json").read_text("utf-8"))
    csv = run_cli("export", "--format", "csv", "-o", "org/tables", "--isolated", "--lang", "en",
                  cwd=folder)  # CSV files are never read as org files
    assert csv.code == 0, csv.stderr
    assert sorted(p.name for p in (folder / "org" / "tables").iterdir()) == [
        "key-results.csv", "people.csv", "raci.csv"]


def test_the_refusal_is_said_in_chinese(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    run = run_cli("graph", "-o", "org/g.yaml", "--isolated", cwd=folder,
                  env={"LANG": "zh_CN.UTF-8"})
    assert run.code == 2
    assert run.stderr.startswith("orgspec: 错误：不会写入 'org/g.yaml'：它在组织文件夹里")


def test_graph_takes_isolated_as_check_does(write_org) -> None:
    folder = write_org({"teams.yaml": TEAMS}).parent
    (folder / ".orgspec.yaml").write_text("root: elsewhere\n", "utf-8")
    configured = run_cli("graph", cwd=folder, env={"LANG": "C"})
    assert configured.code == 2  # the config's root does not exist
    isolated = run_cli("graph", "org", "--isolated", cwd=folder)
    assert isolated.code == 0, isolated.stderr
    assert {n["id"] for n in json.loads(isolated.stdout)["nodes"]} >= {"team:company"}
    both = run_cli("graph", "--isolated", "--config", ".orgspec.yaml", cwd=folder,
                   env={"LANG": "C"})
    assert both.code == 2
    assert both.stderr == ("orgspec: error: option '--config' cannot be used with "
                           "'--isolated' (see `orgspec graph --help`)\n")
