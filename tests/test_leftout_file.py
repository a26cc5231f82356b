"""Trial 28: an org file the walk leaves out for its name (`teams.yaml.txt`, `teams.ymal`,
`teams.yaml。`, a `teams.txt` of the org's YAML) is one mistake: one IN019 at that file,
listed first, and the RF001 of each reference to an id it defines and the HI007 of each
person it names wait behind it; `--format github` always annotates it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings, run_cli, where

from orgspec.load.nearnames import meant_name, near_yaml

TEAMS = """\
- kind: Team
  id: ops
  name: 运营部
  lead: chen
  members: [chen, he]
- kind: Team
  id: cs
  name: 客服部
  lead: lin
  members: [lin]
"""
PEOPLE = """\
- {kind: Person, id: chen, name: 陈静}
- {kind: Person, id: he, name: 何丽}
- {kind: Person, id: lin, name: 林雪}
"""
DUTIES = """\
- kind: Responsibility
  id: promo
  name: 大促
  accountable: ops
  consulted: [cs, chen]
- kind: Responsibility
  id: refund
  name: 退款
  accountable: cs
  informed: [opz]
"""


def org(write_org, teams_name: str) -> Path:
    folder: Path = write_org({"people.yaml": PEOPLE, "duties.yaml": DUTIES,
                              teams_name: TEAMS})
    return folder


@pytest.mark.parametrize("name", ["teams.yaml.txt", "teams.ymal", "teams.yaml。",
                                  "teams。yaml", "teams.txt", "TEAMS.YML.TXT"])
def test_a_left_out_org_file_is_one_finding_first(write_org, name: str) -> None:
    found = json_findings(org(write_org, name))
    # opz is defined nowhere: its RF001 stays, after the IN019
    assert where(found) == [("IN019", name, 1, 1), ("RF001", "duties.yaml", 10, 14)]
    meant = "TEAMS.YML" if name == "TEAMS.YML.TXT" else "teams.yaml"
    assert found[0]["message"] == (
        "left out of the org: orgspec reads only files whose names end in .yaml or .yml; "
        f"rename it to {meant!r} to have it read")
    # ops, cs (3 references) and chen, he, lin (HI007)
    assert found[0]["hint"] == ("6 findings elsewhere follow from this file not being read "
                                "(ops, cs, chen, and 2 more ids): they are held back until the "
                                "file is renamed")


def test_without_the_file_nothing_is_held(write_org) -> None:
    """The same org with the file named right: no IN019, no RF001 but opz's."""
    assert where(json_findings(org(write_org, "teams.yaml"))) == [
        ("RF001", "duties.yaml", 10, 14)]


def test_in019_off_reports_what_it_held(write_org) -> None:
    folder = org(write_org, "teams.ymal")
    codes = [c for c, *_ in where(json_findings(folder, "--ignore", "IN019"))]
    # 4 references, to 3 ids: one RF001 per id (trial 30)
    assert codes.count("RF001") == 3 and codes.count("HI007") == 3 and "IN019" not in codes


def test_github_annotates_the_left_out_file_first(write_org) -> None:
    """With more errors than GitHub's 10 slots, the IN019 still gets one, the first."""
    many = "".join(f"- {{kind: Responsibility, id: d{i}, name: 职责{i}, accountable: x{i}}}\n"
                   for i in range(12))
    folder = org(write_org, "teams.ymal")
    (folder / "more.yaml").write_text(many, "utf-8")
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--format", "github",
                  "--lang", "en", cwd=folder)
    errors = [line for line in run.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10
    assert errors[0].startswith("::error file=teams.ymal,line=1,"), errors[0]
    assert "IN019" in errors[0] and sum("IN019" in e for e in errors) == 1


def test_text_lists_the_left_out_file_first(write_org) -> None:
    run = run_cli("check", str(org(write_org, "teams.txt")), "--isolated", "--no-cache",
                  "--lang", "zh")
    lines = run.stdout.splitlines()
    assert lines[0].endswith("teams.txt:1:1: IN019 [错误] 没有算进组织：orgspec 只读取文件名以 "
                             ".yaml 或 .yml 结尾的文件；请改名为 'teams.yaml'，这样才会被读取")
    assert lines[1].strip() == ("建议: 其他地方有 6 条问题是因为这个文件没有被读取（ops、cs、"
                                "陈静 (chen)、另有 2 个）：改名之前暂不报告")


@pytest.mark.parametrize("text", ["notes about the org\n", "kindness: yes\n"])
def test_a_txt_without_kind_lines_is_not_said(write_org, text: str) -> None:
    folder = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "notes.txt": text})
    assert where(json_findings(folder, "--ignore", "OW006")) == []


@pytest.mark.parametrize(("name", "meant"), [
    ("teams.ymal", "teams.yaml"), ("teams.yaml。", "teams.yaml"), ("teams.yaml ", "teams.yaml"),
    ("teams。yml", "teams.yml"), ("teams.yamll", "teams.yaml"), ("teams.ynl", "teams.yml"),
    ("teams.yaml", None), ("teams.yml", None), ("teams.xml", None), ("teams.xaml", None),
    ("teams.yaml~", None), ("teams.yaml.bak", None), ("teams.toml", None), ("a.html", None),
])
def test_near_yaml_names(name: str, meant: str | None) -> None:
    assert near_yaml(name) == meant


def test_a_near_name_beside_the_right_one_is_a_copy(tmp_path: Path) -> None:
    (tmp_path / "teams.ymal").write_text(TEAMS, "utf-8")
    (tmp_path / "teams.txt").write_text(TEAMS, "utf-8")
    beside = frozenset({"teams.yaml", "teams.ymal", "teams.txt"})
    assert meant_name("teams.ymal", str(tmp_path / "teams.ymal"), beside) is None
    assert meant_name("teams.txt", str(tmp_path / "teams.txt"), beside) is None
    assert meant_name("teams.txt", str(tmp_path / "teams.txt"), frozenset()) == "teams.yaml"
