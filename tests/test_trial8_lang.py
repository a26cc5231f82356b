"""Trial 8: one language per run. Once the org is read, an error line is said in the run's
language (`--lang`, the config's `lang`, else the content's), as the findings are: a Chinese
org (this one in Traditional script) gets `orgspec: 錯誤：…` for a missing extra, an unknown
process or an output it cannot write, even under an English locale. And `graph --process`
takes a name, as `show` does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import run_cli

ORG = """\
- {kind: Team, id: tech, name: 技术部, lead: li, members: [li]}
- {kind: Person, id: li, name: 李强}
- kind: Process
  id: dacu-incident
  name: 大促故障應急處理
  owner: tech
  steps:
    - {id: detect, name: 發現與告警, owner: tech, next: [fix]}
    - {id: fix, name: 定位並修復問題, owner: tech}
"""
ENGLISH = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}


@pytest.fixture
def org(write_org) -> Path:  # type: ignore[no-untyped-def]
    folder: Path = write_org({"org.yaml": ORG})
    return folder


def test_graph_process_takes_a_name_as_show_does(org: Path) -> None:
    by_name = run_cli("graph", str(org), "--format", "mermaid", "--process", "大促故障應急處理")
    by_id = run_cli("graph", str(org), "--format", "mermaid", "--process", "dacu-incident")
    assert by_name.code == 0, by_name.stderr
    assert by_name.stdout == by_id.stdout and by_name.stdout.startswith("flowchart TD")
    part = run_cli("graph", str(org), "--format", "mermaid", "--process", "大促故障")
    assert part.stdout == by_id.stdout


def test_an_unknown_process_is_said_in_the_orgs_language(org: Path) -> None:
    run = run_cli("graph", str(org), "--format", "mermaid", "--process", "dacu-incdent",
                  env=ENGLISH)
    assert (run.code, run.stderr) == (2, "orgspec: 錯誤：沒有流程 'dacu-incdent'；是不是要寫 "
                                         "'dacu-incident'？（已有流程：dacu-incident）\n")


def test_a_missing_extra_is_said_in_the_orgs_language(org: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.adopt import extras
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as without the xlsx extra
    monkeypatch.setattr(extras, "_direct_url", lambda: None)  # installed from a package index
    run = run_cli("export", str(org), "-o", str(tmp_path / "org.xlsx"), env=ENGLISH)
    assert (run.code, run.stderr) == (
        2, 'orgspec: 錯誤：寫 XLSX 需要 openpyxl：pip install "orgspec[xlsx]"，或改用 --format '
           'csv\n')
    english = run_cli("export", str(org), "-o", str(tmp_path / "org.xlsx"), "--lang", "en")
    assert english.stderr == ('orgspec: error: XLSX needs openpyxl: pip install '
                              '"orgspec[xlsx]", or use --format csv\n')


def test_an_output_it_cannot_write_is_said_in_the_orgs_language(org: Path,
                                                                 tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", "utf-8")
    run = run_cli("report", str(org), "-o", str(tmp_path / "file" / "r.md"), env=ENGLISH)
    assert run.code == 2 and run.stderr.startswith("orgspec: 錯誤：無法寫入"), run.stderr


def test_a_command_line_error_before_the_org_is_read_follows_the_locale(org: Path) -> None:
    run = run_cli("graph", str(org), "--process", "dacu-incident", "--format", "dot",
                  env=ENGLISH)
    assert run.stderr == ("orgspec: error: --process draws a flowchart: use it with "
                          "--format mermaid\n")


def test_process_draws_its_flowchart_without_format_mermaid(org: Path) -> None:
    run = run_cli("graph", str(org), "--process", "dacu-incident", env=ENGLISH)
    assert run.code == 0 and run.stdout.startswith("flowchart TD\n"), run.stderr
