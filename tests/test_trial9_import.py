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
    assert "next: orgspec import roster ROSTER.xlsx -o org, then orgspec check" in run.stderr


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_import_names_init_s_untouched_example_to_delete(tmp_path: Path, lang: str) -> None:
    assert run_cli("init", ".", "--lang", lang, "--ci", "gitlab", cwd=tmp_path).code == 0
    _roster(tmp_path)
    run = run_cli("import", "roster", "员工花名册.csv", "-o", "org", "--lang", "en",
                  cwd=tmp_path)
    assert run.code == 0
    assert ("note: org/org.yaml is still the example org `orgspec init` wrote (a made-up "
            "team, person, objective and process): they join the imported org until you "
            "delete org/org.yaml") in run.stderr.splitlines()


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
    for line in block.replace("/tmp/our-org", str(tmp_path / "our-org")).splitlines():
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
    assert "kept ./.gitignore: it exists (init never changes a file)" in run.stderr.splitlines()
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
    said = "(default: the first with a team and a name column)"
    help_text = " ".join(run_cli("import", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert f"--sheet NAME Roster XLSX: the sheet {said}." in help_text
    readme = " ".join((REPO / "README.md").read_text("utf-8").split())
    assert f"`--sheet` picks a sheet {said}" in readme
