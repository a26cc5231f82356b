"""Trial 15 (an HR partner, Shenzhen + Taipei cross-border shop, an XLSX roster, GitLab CI).

1. The command that installs the xlsx extra is the one for the way orgspec was installed (a
   clone: `pip install -e ".[xlsx]"`), said by `import roster`, `export` and `init`.
2. A re-import matches a person the org already has in a file it does not write (a new hire
   added by hand, in any file or folder) by id, then by email: they stay there, a member of
   their team, and are not written again; a note says so.
3. A re-import says a team has no lead only when its file in the output folder sets none
   either (the import keeps a `lead:` set there), naming the file the team is in.
6. `pr-comment` run by hand (no CI) in a repository whose config says `repo-kind: gitlab` (as
   `init --ci gitlab` writes) posts to GitLab, not GitHub.
8. OK013 never asks an objective to align to one with a shorter period (a year's under a
   quarter's): with only such objectives above it, it is no orphan.
11. The baseline's path is said one way, whether set in the config or given: relative to the
    working directory when below it (as findings name files), else absolute.
10. HI005 (no lead) and HI006 (no members) sit on the team's `id:` line when the field is left
    out, as every other finding on a team does, never on its `- kind` line; HI005 has a hint."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli

ENGLISH = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}


# --- 1. the install hint for the way orgspec was installed -------------------------------------

class _Dist:
    def __init__(self, record: dict[str, object] | None) -> None:
        self.record = record

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self.record is None else json.dumps(self.record)


def _installed(monkeypatch: pytest.MonkeyPatch, record: dict[str, object] | None) -> None:
    """orgspec as installed with pip's PEP 610 `record` (None: from a package index)."""
    from importlib import metadata
    monkeypatch.setattr(metadata, "distribution",
                        lambda name: _Dist(record) if name == "orgspec" else None)


def _not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    def distribution(name: str) -> None:
        raise metadata.PackageNotFoundError(name)
    monkeypatch.setattr(metadata, "distribution", distribution)


@pytest.mark.parametrize(("record", "command"), [
    ({"url": "file:///src/orgspec", "dir_info": {"editable": True}},
     'pip install -e "/src/orgspec[xlsx]"'),
    ({"url": "file:///src/my%20tools/orgspec", "dir_info": {"editable": True}},
     'pip install -e "/src/my tools/orgspec[xlsx]"'),
    ({"url": "file:///src/$HOME/orgspec", "dir_info": {"editable": True}},
     "pip install -e '/src/$HOME/orgspec[xlsx]'"),
    ({"url": "file:///src/orgspec", "dir_info": {}}, 'pip install "/src/orgspec[xlsx]"'),
    ({"url": "https://github.com/orgspec/orgspec", "vcs_info": {"vcs": "git", "commit_id": "ab"}},
     'pip install "orgspec[xlsx] @ git+https://github.com/orgspec/orgspec"'),
    ({"url": "https://github.com/orgspec/orgspec",
      "vcs_info": {"vcs": "git", "commit_id": "ab", "requested_revision": "v1.2"}},
     'pip install "orgspec[xlsx] @ git+https://github.com/orgspec/orgspec@v1.2"'),
    ({"url": "file:///tmp/orgspec-1.0-py3-none-any.whl", "archive_info": {}},
     'pip install "openpyxl>=3.1"'),
    (None, 'pip install "orgspec[xlsx]"'),
])
def test_the_install_command_follows_how_orgspec_was_installed(
        monkeypatch: pytest.MonkeyPatch, record: dict[str, object] | None, command: str) -> None:
    from orgspec.adopt.extras import install_command
    _installed(monkeypatch, record)
    assert install_command("xlsx") == command


def test_in_the_clone_itself_the_command_is_the_readme_s(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from orgspec.adopt.extras import install_command
    _installed(monkeypatch, {"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    monkeypatch.chdir(tmp_path)
    assert install_command("xlsx") == 'pip install -e ".[xlsx]"'


def test_run_from_a_source_tree_the_command_installs_the_module(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.adopt.extras import install_command
    _not_installed(monkeypatch)
    assert install_command("xlsx") == 'pip install "openpyxl>=3.1"'


def test_the_extras_are_pyproject_s() -> None:
    import tomllib

    from orgspec.adopt.extras import EXTRAS
    extras = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    assert {name: [need] for name, need in EXTRAS.items()} == {
        name: extras[name] for name in EXTRAS}


def test_import_roster_says_the_clone_s_install(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as without the xlsx extra
    _installed(monkeypatch, {"url": "file:///src/orgspec", "dir_info": {"editable": True}})
    (tmp_path / "员工花名册.xlsx").write_bytes(b"PK")
    run = run_cli("import", "roster", "员工花名册.xlsx", "-o", "org", cwd=tmp_path, env=ENGLISH)
    assert (run.code, run.stderr) == (
        2, 'orgspec: error: reading XLSX needs openpyxl: pip install -e "/src/orgspec[xlsx]"\n')
    zh = run_cli("import", "roster", "员工花名册.xlsx", "-o", "org", "--lang", "zh", cwd=tmp_path)
    assert zh.stderr == ('orgspec: 错误：读取 XLSX 需要 openpyxl：pip install -e '
                         '"/src/orgspec[xlsx]"\n')
    assert not (tmp_path / "org").exists()


def test_export_says_the_clone_s_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    _installed(monkeypatch, {"url": "file:///src/orgspec", "dir_info": {"editable": True}})
    run = run_cli("export", "examples/minimal", "-o", str(tmp_path / "org.xlsx"), env=ENGLISH)
    assert (run.code, run.stderr) == (
        2, 'orgspec: error: XLSX needs openpyxl: pip install -e "/src/orgspec[xlsx]", or use '
           '--format csv\n')


@pytest.mark.parametrize("openpyxl", [True, False])
def test_init_s_next_step_installs_the_extra_first_when_missing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, openpyxl: bool) -> None:
    if not openpyxl:
        monkeypatch.setitem(sys.modules, "openpyxl", None)
    _installed(monkeypatch, {"url": "file:///src/orgspec", "dir_info": {"editable": True}})
    run = run_cli("init", ".", "--no-example", "--ci", "none", "--lang", "en", cwd=tmp_path,
                  env=ENGLISH)
    assert run.code == 0
    lines = run.stderr.splitlines()
    nexts = lines[lines.index(next(line for line in lines if line.startswith("next"))):]
    # trial 27: the install is its own line, for a workbook only
    install = ['an .xlsx roster needs the xlsx extra first: pip install -e '
               '"/src/orgspec[xlsx]" (a .csv roster needs nothing more)'] if not openpyxl else []
    assert nexts == ["next: orgspec import roster ROSTER -o org, then orgspec check (ROSTER: "
                     "your own roster, a .csv file or an .xlsx workbook; init wrote no roster)",
                     *install]


# --- 3. "no lead" only for a team with no lead in its file either -------------------------------

ROSTER = """\
姓名,部门,职位,直属上级,邮箱
陳怡君,台北分公司,總經理,,chen.yijun@x.tw
張家豪,營運部,營運經理,陳怡君,zhang.jiahao@x.tw
黃志明,營運部,營運專員,陳怡君,huang.zhiming@x.tw
"""
NO_LEAD = ("note: r.csv:3: team 營運部 has no lead: no row of it is flagged as lead and no one "
           "in it is named as the others' manager; set `lead:` in {file}")


def _notes(run: object) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("note:")]  # type: ignore[attr-defined]


def test_a_lead_set_in_the_team_s_file_is_no_missing_lead(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(ROSTER, "utf-8")
    first = run_cli("import", "roster", "r.csv", "-o", "org", "--lang", "en", cwd=tmp_path)
    assert NO_LEAD.format(file="ying-yun-bu.yaml") in _notes(first)
    team = tmp_path / "org" / "ying-yun-bu.yaml"
    team.write_text(team.read_text("utf-8").replace("  members:", "  lead: zhang-jiahao\n"
                                                    "  members:"), "utf-8")
    again = run_cli("import", "roster", "r.csv", "-o", "org", "--lang", "en", cwd=tmp_path)
    assert again.code == 0
    assert not [n for n in _notes(again) if "has no lead" in n]
    assert "  lead: zhang-jiahao\n" in team.read_text("utf-8")
    assert run_cli("check", "org", "--lang", "en", cwd=tmp_path).code == 0


def test_the_missing_lead_note_names_the_file_the_team_is_in(tmp_path: Path) -> None:
    import os
    (tmp_path / "r.csv").write_text(ROSTER, "utf-8")
    run_cli("import", "roster", "r.csv", "-o", "org", "--lang", "en", cwd=tmp_path)
    os.rename(tmp_path / "org" / "ying-yun-bu.yaml", tmp_path / "org" / "operations.yaml")
    again = run_cli("import", "roster", "r.csv", "-o", "org", "--lang", "en", cwd=tmp_path)
    assert NO_LEAD.format(file="operations.yaml") in _notes(again)
    assert not (tmp_path / "org" / "ying-yun-bu.yaml").exists()


# --- 2. a person added by hand is not written again ----------------------------------------------

V1 = """\
姓名,部门,职位,直属上级,邮箱
陳怡君,台北分公司,總經理,,chen.yijun@shopx.com.tw
蔡佩珊,台北分公司,客服專員,陳怡君,tsai.peishan@shopx.com.tw
"""
V2 = V1 + "許文傑,台北分公司,客服專員,陳怡君,xu.wenjie@shopx.com.tw\n"
NEWHIRE = """\
- kind: Person
  id: {id}
  name: 許文傑
  title: {title}
  email: {email}
"""
HAND = NEWHIRE.format(id="xu-wenjie", title="客服專員", email="xu.wenjie@shopx.com.tw")


def _imported(tmp_path: Path, roster: str = V1) -> Path:
    (tmp_path / "r.csv").write_text(roster, "utf-8")
    assert run_cli("import", "roster", "r.csv", "-o", "org", cwd=tmp_path).code == 0
    return tmp_path / "org"


def _reimport(tmp_path: Path, lang: str = "en") -> object:
    (tmp_path / "r.csv").write_text(V2, "utf-8")
    return run_cli("import", "roster", "r.csv", "-o", "org", "--lang", lang, cwd=tmp_path)


def _people(text: str) -> list[str]:
    import yaml
    return [e["id"] for e in yaml.safe_load(text) if e["kind"] == "Person"]


@pytest.mark.parametrize("where", ["newhire.yaml", "xin-ren.yaml", "people/xin-ren.yaml"])
def test_a_hand_added_person_is_left_where_they_are(tmp_path: Path, where: str) -> None:
    org = _imported(tmp_path)
    (org / where).parent.mkdir(exist_ok=True)
    (org / where).write_text(HAND, "utf-8")  # added by hand (or moved: git mv)
    team = org / "tai-bei-fen-gong-si.yaml"
    team.write_text(team.read_text("utf-8").replace("  - tsai-peishan\n", "  - tsai-peishan\n"
                                                    "  - xu-wenjie\n"), "utf-8")
    run = _reimport(tmp_path)
    assert run.code == 0  # type: ignore[attr-defined]
    assert _notes(run)[-1] == (f"note: 許文傑 (xu-wenjie) is already in org/{where}, which the "
                               "import does not write: left there as it is, not written again")
    assert (org / where).read_text("utf-8") == HAND
    assert _people(team.read_text("utf-8")) == ["chen-yijun", "tsai-peishan"]
    assert "  - xu-wenjie\n" in team.read_text("utf-8")
    check = run_cli("check", "org", "--lang", "en", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in check.json()["findings"]] == ["OW006"]  # the team has no duty


def test_a_hand_added_person_is_a_member_of_the_roster_s_team(tmp_path: Path) -> None:
    org = _imported(tmp_path)
    (org / "xin-ren.yaml").write_text(HAND, "utf-8")  # the team's members not edited
    run = _reimport(tmp_path)
    team = (org / "tai-bei-fen-gong-si.yaml").read_text("utf-8")
    assert "  - xu-wenjie\n" in team and _people(team) == ["chen-yijun", "tsai-peishan"]
    assert not (org / "tai-bei-fen-gong-si.yaml.new").exists()
    assert "written 1" not in run.stderr  # type: ignore[attr-defined]
    assert run_cli("check", "org", cwd=tmp_path).code == 0


def test_a_person_of_another_id_is_found_by_email(tmp_path: Path) -> None:
    org = _imported(tmp_path)
    hand = NEWHIRE.format(id="wenjie", title="客服專員", email="Xu.Wenjie@shopx.com.tw")
    (org / "xin-ren.yaml").write_text(hand, "utf-8")
    run = _reimport(tmp_path)
    assert _notes(run)[-1] == ("note: 許文傑 (wenjie) is already in org/xin-ren.yaml, which the "
                               "import does not write: left there as it is, not written again")
    team = (org / "tai-bei-fen-gong-si.yaml").read_text("utf-8")
    assert "  - wenjie\n" in team and "xu-wenjie" not in team
    assert (org / "xin-ren.yaml").read_text("utf-8") == hand
    assert run_cli("check", "org", cwd=tmp_path).code == 0
    again = _reimport(tmp_path)  # stable: the manifest keeps the email's id
    assert "  - wenjie\n" in (org / "tai-bei-fen-gong-si.yaml").read_text("utf-8")
    assert again.code == 0  # type: ignore[attr-defined]


def test_what_the_roster_says_differently_is_said_not_written(tmp_path: Path) -> None:
    org = _imported(tmp_path)
    hand = NEWHIRE.format(id="xu-wenjie", title="實習生", email="xu.wenjie@shopx.com.tw")
    (org / "xin-ren.yaml").write_text(hand, "utf-8")
    run = _reimport(tmp_path)
    assert _notes(run)[-1] == (
        "note: 許文傑 (xu-wenjie) is already in org/xin-ren.yaml, which the import does not "
        "write: left there as it is, not written again; the source gives title: 客服專員 "
        "(change org/xin-ren.yaml if that is right)")
    assert (org / "xin-ren.yaml").read_text("utf-8") == hand
    zh = _reimport(tmp_path, "zh")
    assert _notes_zh(zh)[-1] == (
        "提示：許文傑 (xu-wenjie) 已在 org/xin-ren.yaml 中，导入不写这个文件：保持原样，"
        "不再写一遍；导入源给出的是 title: 客服專員（若是这样，请改 org/xin-ren.yaml）")


def test_a_copy_an_earlier_import_wrote_beside_a_hand_added_person_goes(tmp_path: Path) -> None:
    org = _imported(tmp_path, V2)  # the import wrote xu-wenjie in the team's file ...
    (org / "xin-ren.yaml").write_text(HAND, "utf-8")  # ... and he was added by hand too
    assert run_cli("check", "org", cwd=tmp_path).code == 1  # RF002
    _reimport(tmp_path)
    assert _people((org / "tai-bei-fen-gong-si.yaml").read_text("utf-8")) == [
        "chen-yijun", "tsai-peishan"]
    assert (org / "xin-ren.yaml").read_text("utf-8") == HAND
    assert run_cli("check", "org", cwd=tmp_path).code == 0


def _notes_zh(run: object) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("提示：")]  # type: ignore[attr-defined]


def test_a_hand_added_person_s_file_renamed_is_followed(tmp_path: Path) -> None:
    import os
    org = _imported(tmp_path)
    (org / "newhire.yaml").write_text(HAND, "utf-8")
    _reimport(tmp_path)
    os.rename(org / "newhire.yaml", org / "xin-ren.yaml")  # git mv
    run = _reimport(tmp_path)
    assert _notes(run)[-1] == ("note: 許文傑 (xu-wenjie) is already in org/xin-ren.yaml, which "
                               "the import does not write: left there as it is, not written "
                               "again")
    assert _people((org / "tai-bei-fen-gong-si.yaml").read_text("utf-8")) == [
        "chen-yijun", "tsai-peishan"]
    assert run_cli("check", "org", cwd=tmp_path).code == 0


# --- 10. a finding about a team's missing field sits on its id line ------------------------------

TEAM = """\
# 台北分公司
- kind: Team
  id: ying-yun-bu
  name: 營運部
  parent: tai-bei
- kind: Team
  id: tai-bei
  name: 台北分公司
  lead: TBD
  members: [chen]
- {kind: Person, id: chen, name: 陳怡君}
"""


def test_no_lead_is_said_at_the_team_s_id_with_a_hint(write_org) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"a.yaml": TEAM})
    # HI006 not run: on an empty team it says the missing lead too (`engine.emptyteam`)
    run = run_cli("check", str(org), "--select", "HI005", "--lang", "en")
    lines = [line.replace(str(org), "org") for line in run.stdout.splitlines()]
    assert lines[:4] == [
        "org/a.yaml:3:3: HI005 [warning] team 營運部 (ying-yun-bu) has no lead",
        "    hint: name its lead under `lead`: the person who answers for the team",
        "org/a.yaml:9:9: HI005 [warning] team 台北分公司 (tai-bei) has no lead (written as "
        "'TBD')",
        "    hint: name its lead under `lead`: the person who answers for the team"]
    zh = run_cli("check", str(org), "--select", "HI005", "--lang", "zh")
    assert zh.stdout.splitlines()[:2] == [
        f"{org}/a.yaml:3:3: HI005 [警告] 团队 營運部 (ying-yun-bu) 没有负责人",
        "    建议: 在 `lead` 下写上它的负责人：为这个团队负责的人"]


def test_no_finding_on_a_team_sits_on_its_kind_line() -> None:
    """Every example of every rule: a finding on a team written in block style is on a line
    of the team other than `- kind: Team`."""
    import datetime as dt

    from orgspec.engine.lint import lint
    from orgspec.load.config import Config
    config = Config()
    seen = 0
    for path in sorted((REPO / "rules" / "examples").glob("*/*.yaml")):
        lines = path.read_text("utf-8").splitlines()
        result = lint([str(path)], config, today=dt.date(2026, 11, 22))
        for f in result.findings:
            if f.entity.startswith("team:") and Path(f.location.file).resolve() == path:
                seen += 1
                assert not lines[f.location.line - 1].lstrip().startswith("- kind:"), (
                    f.code, path.parent.name, f.location.line)
    assert seen > 50


# --- 6. pr-comment follows the config's repo-kind ---------------------------------------------

BY_HAND = {"GITLAB_CI": "", "GITHUB_ACTIONS": "", "GITHUB_TOKEN": "", "GITLAB_TOKEN": "",
           "ORGSPEC_GITLAB_TOKEN": ""}


@pytest.mark.parametrize(("config", "env", "note"), [
    ("repo-kind: gitlab\n", {}, "note: no merge-request note posted: no GitLab token"),
    ("repo-kind: gitlab\n", {"GITHUB_ACTIONS": "true"},
     "note: no pull-request comment posted: GITHUB_TOKEN is not set"),
    ("repo-kind: github\n", {}, "note: no pull-request comment posted: GITHUB_TOKEN is not set"),
    ("", {}, "note: no pull-request comment posted: GITHUB_TOKEN is not set"),
])
def test_pr_comment_by_hand_follows_the_repo_kind(tmp_path: Path, config: str,
                                                  env: dict[str, str], note: str) -> None:
    (tmp_path / ".orgspec.yaml").write_text(config, "utf-8")
    (tmp_path / "orgspec-report.md").write_text("# orgspec\n", "utf-8")
    run = run_cli("pr-comment", "orgspec-report.md", "--lang", "en", cwd=tmp_path,
                  env={**BY_HAND, **env})
    assert (run.code, run.stdout) == (0, "")
    assert run.stderr.startswith(note + " ("), run.stderr
    flag = run_cli("pr-comment", "orgspec-report.md", "--lang", "en", "--platform", "github",
                   cwd=tmp_path, env=BY_HAND)
    assert flag.stderr.startswith("note: no pull-request comment posted: GITHUB_TOKEN")


# --- 8. OK013: a year's objective does not align to a quarter's -----------------------------------

OKRS = """\
- {{kind: Team, id: zong-jing-ban, name: 总经办}}
- {{kind: Team, id: ke-fu-bu, name: 客服部, parent: zong-jing-ban}}
- kind: Objective
  id: ops-2026-double11
  title: 雙11大促業績突破
  owner: zong-jing-ban
  period: 2026-Q4
  key_results:
    - {{id: gmv, title: GMV从1亿增长到1.5亿, due: 2026-11-30}}
{more}- kind: Objective
  id: cs-2026
  title: 客户满意度领先
  owner: ke-fu-bu
  period: "{period}"
  key_results:
    - {{id: csat, title: 客户满意度从85%提升到92%, due: 2026-12-31}}
"""
YEAR = """\
- kind: Objective
  id: company-2026
  title: 全年增长
  owner: zong-jing-ban
  period: "2026"
  key_results:
    - {id: rev, title: 营收从3亿增长到4亿, due: 2026-12-31}
"""


@pytest.mark.parametrize(("period", "more", "found"), [
    ("2026", "", []),  # only a quarter's above a year's: nothing to align to
    ("2026", YEAR, [("OK013", 18, "company-2026")]),
    ("2026-Q4", "", [("OK013", 11, "ops-2026-double11")]),
    ("2026-Q4", YEAR, [("OK013", 18, "ops-2026-double11")]),  # the same quarter's first
    ("2026-Q1", YEAR, [("OK013", 18, "company-2026")]),  # Q4's does not cover Q1
])
def test_an_objective_aligns_only_to_one_at_least_as_long(write_org, period: str, more: str,  # type: ignore[no-untyped-def]
                                                            found: list[tuple[str, int, str]]
                                                            ) -> None:
    org = write_org({"okrs.yaml": OKRS.format(more=more, period=period)})
    run = run_cli("check", str(org), "--select", "OK013", "--lang", "en", "--format", "json")
    got = [(f["code"], f["line"], f["hint"].split("`aligns_to: ")[1].split("`")[0])
           for f in run.json()["findings"]]
    assert got == found


# --- 11. the baseline's path, one way ------------------------------------------------------------

def _baseline_lines(run: object) -> list[str]:
    return [line for line in run.stderr.splitlines()  # type: ignore[attr-defined]
            if line.startswith(("baseline ", "wrote a baseline"))]


def test_the_baseline_path_is_said_one_way(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    # three findings: t holds no duty, u has no lead and holds no duty
    (tmp_path / "org" / "a.yaml").write_text(
        "- {kind: Person, id: p, name: P}\n- {kind: Team, id: t, name: T, lead: p, members: [p]}\n"
        "- {kind: Team, id: u, name: U, members: [p]}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("root: org\nbaseline: .orgspec-baseline.json\n",
                                            "utf-8")
    full = str(tmp_path / ".orgspec-baseline.json")
    wrote = run_cli("check", "--write-baseline", full, "--lang", "en", cwd=tmp_path)
    assert _baseline_lines(wrote) == ["wrote a baseline of 3 findings to .orgspec-baseline.json"]
    said = "baseline .orgspec-baseline.json: 3 known findings not shown, 0 stale entries"
    for args in ((), ("--baseline", ".orgspec-baseline.json"), ("--baseline", full)):
        run = run_cli("check", *args, "--lang", "en", cwd=tmp_path)
        assert _baseline_lines(run) == [said], args
    below = run_cli("check", "--config", "../.orgspec.yaml", "--lang", "en",
                    cwd=tmp_path / "org")  # not below the working directory: absolute
    assert _baseline_lines(below) == [f"baseline {full}: 3 known findings not shown, "
                                      "0 stale entries"]
