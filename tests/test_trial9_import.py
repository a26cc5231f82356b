"""Trial 9 (陈静, a Hangzhou livestream shop): from an Excel roster to a repository with CI.
`init` and `import roster` in either order; the department tree from the managers; a
re-import that keeps the user's fields; pending `.yaml.new` files said by `check`; the
export HR re-imports; the help and the README agreeing; init's .gitignore."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

ROSTER = """\
姓名,部门,岗位,上级,邮箱
王建国,总经办,总经理,,wangjianguo@xingbo.cn
陈静,运营部,运营总监,王建国,chenjing@xingbo.cn
何丽,运营部,直播运营,陈静,heli@xingbo.cn
高翔,运营部,直播运营,陈静,gaoxiang@xingbo.cn
李娜,主播部,主播部经理,王建国,lina@xingbo.cn
张伟,主播部,主播,李娜,zhangwei@xingbo.cn
董洁,客服部,客服主管,陈静,dongjie@xingbo.cn
萧雨,客服部,客服专员,董洁,xiaoyu@xingbo.cn
"""


def _roster(folder: Path, text: str = ROSTER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "员工花名册.csv"
    path.write_text(text, "utf-8")
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- item 1: init and import in either order ------------------------------------------------

def test_init_after_an_import_writes_the_missing_files_and_no_example(tmp_path: Path) -> None:
    _roster(tmp_path)
    assert run_cli("import", "roster", "员工花名册.csv", "-o", "org", cwd=tmp_path).code == 0
    imported = {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)}
    run = run_cli("init", ".", "--lang", "zh", "--ci", "gitlab", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert sorted(set(_files(tmp_path)) - set(imported)) == [
        ".gitignore", ".gitlab-ci.yml", ".orgspec.yaml", ".pre-commit-config.yaml"]
    assert all((tmp_path / p).read_bytes() == data for p, data in imported.items())
    assert "未写示例组织：org 里已有组织（org/ke-fu-bu.yaml）" in run.stderr
    # again: every file is kept, none changed, none added (the GitLab file is init's own)
    before = {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)}
    again = run_cli("init", ".", "--lang", "zh", "--ci", "gitlab", cwd=tmp_path)
    assert again.code == 0 and again.stdout == ""
    assert {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)} == before


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "left out the example org: org already holds an org (org/ke-fu-bu.yaml); check it "
           "with `orgspec check org`"),
    ("zh", "未写示例组织：org 里已有组织（org/ke-fu-bu.yaml）；检查它请用 `orgspec check org`"),
])
def test_init_beside_an_org_says_why_the_example_is_left_out(tmp_path: Path, lang: str,
                                                             said: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "ke-fu-bu.yaml").write_text("- {kind: Team, id: ke-fu-bu}\n", "utf-8")
    run = run_cli("init", ".", "--lang", lang, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert said in run.stderr.splitlines()
    assert not (tmp_path / "org" / "org.yaml").exists()


def test_init_no_example_writes_no_org(tmp_path: Path) -> None:
    run = run_cli("init", ".", "--no-example", "--ci", "gitlab", "--lang", "en", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert _files(tmp_path) == [".gitignore", ".gitlab-ci.yml", ".orgspec.yaml",
                                ".pre-commit-config.yaml"]
    assert "next: orgspec import roster ROSTER -o org, then orgspec check (ROSTER: your own " \
        "roster, a .csv file or an .xlsx workbook; init wrote no roster)" in run.stderr


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_import_replaces_init_s_untouched_example(tmp_path: Path, lang: str) -> None:
    assert run_cli("init", ".", "--lang", lang, "--ci", "gitlab", cwd=tmp_path).code == 0
    _roster(tmp_path)
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=tmp_path)
    assert run.code == 0
    assert ("note: removed org/org.yaml, the example org `orgspec init` wrote, unchanged: "
            "the imported org takes its place") in run.stderr.splitlines()
    assert not (tmp_path / "org" / "org.yaml").exists()


def test_import_says_nothing_of_an_edited_example(tmp_path: Path) -> None:
    assert run_cli("init", ".", "--lang", "zh", cwd=tmp_path).code == 0
    example = tmp_path / "org" / "org.yaml"
    example.write_text(example.read_text("utf-8").replace("客服部", "售后部"), "utf-8")
    _roster(tmp_path)
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=tmp_path)
    assert "example org" not in run.stderr


def test_the_readme_s_excel_to_ci_path_works_as_copied(tmp_path: Path) -> None:
    import re
    import shlex

    from conftest import REPO
    readme = (REPO / "README.md").read_text("utf-8")
    part = readme.split("### From an Excel roster to a repository with CI", 1)[1]
    block = re.findall(r"```sh\n(.*?)```", part, re.S)[0]
    where = REPO
    lines = block.replace("/tmp/our-org", str(tmp_path / "our-org")).splitlines()
    assert lines[0] == 'python3 -m pip install -e ".[xlsx]"'  # reading .xlsx, in the clone
    assert 'xlsx = ["openpyxl' in (REPO / "pyproject.toml").read_text("utf-8")
    for line in lines[1:]:
        for command in line.split(" && "):
            args = shlex.split(command)
            if args[0] == "cd":
                where = Path(args[1])
                continue
            assert args[0] == "orgspec"
            run = run_cli(*args[1:], cwd=where)
            assert run.code == 0, (command, run.stderr)
    assert _files(tmp_path / "our-org")[:4] == [".gitignore", ".gitlab-ci.yml", ".orgspec.yaml",
                                                ".pre-commit-config.yaml"]
    assert not (tmp_path / "our-org" / "org" / "org.yaml").exists()


# --- item 5: init's .gitignore -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_ignores_what_a_local_run_writes(tmp_path: Path, lang: str) -> None:
    import subprocess

    from conftest import git
    assert run_cli("init", ".", "--lang", lang, "--ci", "gitlab", cwd=tmp_path).code == 0
    git(tmp_path, "init", "-q")
    run = run_cli("check", "--report", "markdown=orgspec-report.md", "--report",
                  "gitlab=gl-code-quality-report.json", "--report", "junit=orgspec-junit.xml",
                  "--report", "sarif=orgspec.sarif", cwd=tmp_path)
    assert run.code == 0, run.stderr
    git(tmp_path, "add", "-A")
    added = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.split()
    assert sorted(added) == [".gitignore", ".gitlab-ci.yml", ".orgspec.yaml",
                             ".pre-commit-config.yaml", "org/org.yaml"]


def test_init_keeps_the_user_s_gitignore_as_it_is(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n", "utf-8")
    run = run_cli("init", ".", "--lang", "en", "--ci", "none", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert (tmp_path / ".gitignore").read_text("utf-8") == "node_modules/\n"
    assert "kept .gitignore: it exists (init never changes a file)" in run.stderr.splitlines()
    assert (tmp_path / "org" / "org.yaml").is_file()


# --- item 4: --sheet's default, as the help, the README and the code have it ---------------

def test_sheet_default_is_the_same_in_the_help_the_readme_and_the_code(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from conftest import REPO
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["填表说明：每人一行"])
    roster = book.create_sheet("花名册")
    for line in ROSTER.splitlines():
        roster.append(line.split(","))
    book.save(tmp_path / "r.xlsx")
    run = run_cli("import", "roster", "r.xlsx", "-o", "org", cwd=tmp_path)
    assert run.code == 0 and (tmp_path / "org" / "ke-fu-bu.yaml").is_file()  # not the first
    said = "(default: the first visible one with a team and a name column)"  # hostile10
    help_text = " ".join(run_cli("import", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert f"--sheet NAME Roster XLSX: the sheet {said}." in help_text
    readme = " ".join((REPO / "README.md").read_text("utf-8").split())
    assert f"`--sheet` picks a sheet {said}" in readme


# --- item 2: the department tree from the managers; a re-import that keeps her fields -------

def _import(folder: Path, roster: str = ROSTER, *args: str) -> tuple[Path, str]:
    _roster(folder, roster)
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en", *args,
                  cwd=folder)
    assert run.code == 0, run.stderr
    return folder / "org", run.stderr


def _parents(org: Path) -> dict[str, str | None]:
    from orgspec.engine.lint import load_org
    return {t.name or t.id: t.parent for t in load_org([str(org)]).org.teams.values()}


def test_the_tree_is_taken_from_the_managers_with_a_note(tmp_path: Path) -> None:
    org, said = _import(tmp_path)
    assert _parents(org) == {"总经办": None, "运营部": "zong-jing-ban", "主播部": "zong-jing-ban",
                             "客服部": "yun-ying-bu"}
    assert said.splitlines()[0] == (
        "note: no parent-department column: the department tree is taken from the manager "
        "column, each team under the team its head reports to: 客服部 → 运营部, 运营部 → 总经办, "
        "主播部 → 总经办; top-level: 总经办; a parent-department column in the roster sets it "
        "instead")


def test_an_unclear_head_or_a_loop_stays_top_level(tmp_path: Path) -> None:
    roster = ROSTER.replace("董洁,客服部,客服主管,陈静", "董洁,客服部,客服主管,李娜") \
        .replace("李娜,主播部,主播部经理,王建国", "李娜,主播部,主播部经理,董洁")
    org, said = _import(tmp_path, roster)  # 客服部's head reports to 主播部's and back
    assert _parents(org) == {"总经办": None, "运营部": "zong-jing-ban", "主播部": None,
                             "客服部": None}
    assert ("note: left top-level, their head's manager not in one other team (or no head): "
            "客服部, 主播部; set `parent:` in their files (a re-import keeps it)"
            ) in said.splitlines()


def test_a_roster_without_managers_says_its_teams_are_top_level(tmp_path: Path) -> None:
    roster = "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 3)
                       for line in ROSTER.splitlines()) + "\n"
    org, said = _import(tmp_path, roster)
    assert set(_parents(org).values()) == {None}
    assert ("note: no parent-department column: 4 top-level teams; add one to the roster, or "
            "set `parent:` in a team's file (a re-import keeps it)") in said.splitlines()


def _hand_edit(org: Path) -> None:
    """What 陈静 did: 客服部 under 总经办 (not where the managers put it), at the end of the
    team, and a description of 运营部 written above its members."""
    kefu = org / "ke-fu-bu.yaml"
    text = kefu.read_text("utf-8").replace("  parent: yun-ying-bu\n", "")
    kefu.write_text(text.replace("\n\n- kind: Person", "\n  parent: zong-jing-ban\n\n"
                                 "- kind: Person", 1), "utf-8")
    ops = org / "yun-ying-bu.yaml"
    ops.write_text(ops.read_text("utf-8").replace("  members:", "  description: 直播与投放\n"
                                                  "  members:", 1), "utf-8")


def test_a_re_import_keeps_her_fields_and_an_unchanged_team_is_unchanged(
        tmp_path: Path) -> None:
    org, _ = _import(tmp_path)
    _hand_edit(org)
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=tmp_path)
    assert run.stdout == ("imported 4 teams, 8 people and 0 duties into org: 0 written, 4 "
                          "unchanged, 0 beside edited files, 0 removed\n")
    assert sorted(p.name for p in org.iterdir()) == [
        ".orgspec-import.json", "ke-fu-bu.yaml", "yun-ying-bu.yaml", "zhu-bo-bu.yaml",
        "zong-jing-ban.yaml"]
    # an HR change: a new hire in each edited team; both files take it, her fields kept
    _, said = _import(tmp_path, ROSTER + "白露,客服部,客服专员,董洁,bailu@xingbo.cn\n"
                      "夏雪,运营部,投放专员,陈静,xiaxue@xingbo.cn\n")
    assert [line for line in said.splitlines() if not line.startswith("note:")] == [
        "updated ke-fu-bu.yaml, which you edited: the import's changes, with the fields you "
        "set kept",
        "updated yun-ying-bu.yaml, which you edited: the import's changes, with the fields you "
        "set kept"]
    from orgspec.engine.lint import load_org
    teams = load_org([str(org)]).org.teams
    assert teams["ke-fu-bu"].parent == "zong-jing-ban" and "bailu" in teams["ke-fu-bu"].members
    assert teams["yun-ying-bu"].description == "直播与投放"
    assert "xiaxue" in teams["yun-ying-bu"].members
    assert not list(org.glob("*.new"))


@pytest.mark.parametrize(("lang", "finding"), [
    ("en", "org/ke-fu-bu.yaml.new:1:1: IN018 [error] a re-import's update of ke-fu-bu.yaml, "
           "which you edited, waits here: compare the two, then move this file over "
           "ke-fu-bu.yaml or delete it"),
    ("zh", "org/ke-fu-bu.yaml.new:1:1: IN018 [错误] 重新导入对你改过的 ke-fu-bu.yaml 的更新还在"
           "这里等待合并：对比两者后，用本文件替换 ke-fu-bu.yaml，或删除本文件"),
])
def test_an_update_left_beside_a_commented_file_is_said_by_import_and_check(
        tmp_path: Path, lang: str, finding: str) -> None:
    org, _ = _import(tmp_path)
    kefu = org / "ke-fu-bu.yaml"
    kefu.write_text(kefu.read_text("utf-8") + "# 萧雨 12 月转岗\n", "utf-8")
    # 萧雨 moved away: a removal, which a commented (edited) file does not take in place
    moved = ROSTER.replace("萧雨,客服部,客服专员,董洁", "萧雨,运营部,直播运营,陈静")
    _, said = _import(tmp_path, moved + "白露,客服部,客服专员,董洁,bailu@xingbo.cn\n")
    assert said.splitlines()[-1] == (
        "waiting for you to merge in org: ke-fu-bu.yaml.new (the import's version of a file "
        "you edited, with the fields you set kept): compare each with yours, then move it "
        "over yours or delete it; until then `orgspec check` fails (IN018)")
    assert "bailu" in (org / "ke-fu-bu.yaml.new").read_text("utf-8")
    assert (org / "ke-fu-bu.yaml.new").read_text("utf-8").endswith("\n# 萧雨 12 月转岗\n")
    run = run_cli("check", "org", "--lang", lang, "--isolated", cwd=tmp_path)
    assert finding in run.stdout.splitlines()
    assert run.stdout.count("IN018") == 1
    assert run.code == 1  # 白露 is not in the org yet: the check does not pass


# --- item 3: the export HR re-imports: names as HR writes them, ids in labelled columns ------

@pytest.mark.parametrize(("lang", "header"), [
    ("zh", ["姓名", "部门", "职位", "直属上级", "邮箱", "上级部门", "负责人", "orgspec 人员编号",
            "orgspec 部门编号", "orgspec 上级部门编号"]),
    ("zh-Hant", ["姓名", "部門", "職稱", "直屬主管", "電子郵件", "上級部門", "負責人",
                 "orgspec 人員編號", "orgspec 部門編號", "orgspec 上級部門編號"]),
])
def test_the_people_sheet_names_the_manager_and_invents_no_employee_number(
        tmp_path: Path, lang: str, header: list[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    org, _ = _import(tmp_path)
    run = run_cli("export", "org", "-o", "org.xlsx", "--lang", lang, "--isolated",
                  cwd=tmp_path)
    assert run.code == 0, run.stderr
    sheet = openpyxl.load_workbook(tmp_path / "org.xlsx").worksheets[1]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == header
    assert ["萧雨", "客服部", "客服专员", "董洁", "xiaoyu@xingbo.cn", "运营部", None, "xiaoyu",
            "ke-fu-bu", "yun-ying-bu"] in rows
    assert ["陈静", "运营部", "运营总监", "王建国", "chenjing@xingbo.cn", "总经办",
            "是", "chenjing", "yun-ying-bu", "zong-jing-ban"] in rows
    # what HR sends back is read as it was: same ids, nothing rewritten
    before = {p.name: p.read_bytes() for p in org.iterdir()}
    again = run_cli("import", "roster", "org.xlsx", "-o", "org", "--lang", "en", cwd=tmp_path)
    assert again.stdout.endswith("0 written, 4 unchanged, 0 beside edited files, 0 removed\n")
    assert {p.name: p.read_bytes() for p in org.iterdir()} == before
