"""A config kept in the org folder (`org/.orgspec.yaml`), none at the repository's root:
`orgspec check` run at the root with no path, `orgspec check org` and a run inside `org/`
all read it; with a config at the root too, the one nearest the folder checked wins (as
ruff takes the one nearest each file). A run inside an org folder with no config checks
that org or says `orgspec check .` in the org's language."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli

C_LOCALE = {"LANGUAGE": "", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "ORGSPEC_LANG": ""}

# a team without a lead and without a mission: TM-family findings to tell configs apart
ORG = """\
- kind: Team
  id: ops
  name: 營運部
  members: [lin-zhihao]
- {kind: Person, id: lin-zhihao, name: 林志豪, title: 營運總監}
"""


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "org").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "org" / "org.yaml").write_text(ORG, encoding="utf-8")
    return repo


def _config_source(run_dir: Path, *args: str) -> str | None:
    run = run_cli("config", *args, cwd=run_dir, env=C_LOCALE)
    assert run.code == 0, run.stderr
    source = json.loads(run.stdout)["source"]
    return None if source is None else str(Path(source).relative_to(run_dir.resolve()))


def _check(run_dir: Path, *args: str) -> tuple[int, str]:
    run = run_cli("check", "--format", "json", *args, cwd=run_dir, env=C_LOCALE)
    assert run.code in (0, 1), run.stderr
    return run.code, sorted(f["code"] for f in json.loads(run.stdout)["findings"])


def test_check_at_the_root_reads_the_org_folders_config(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "org" / ".orgspec.yaml").write_text("root: .\nlang: zh-Hant\nignore: [ALL]\n",
                                                 encoding="utf-8")
    assert _config_source(repo) == "org/.orgspec.yaml"
    assert _check(repo) == (0, [])  # its `ignore: [ALL]` is read
    assert _check(repo, "org") == (0, [])
    assert _check(repo / "org") == (0, [])
    bare = run_cli("check", cwd=repo, env=C_LOCALE)  # its `lang` too
    assert bare.stdout.startswith("未發現問題"), bare.stdout


def test_without_it_the_same_run_finds_what_the_defaults_find(tmp_path: Path) -> None:
    repo = _repo(tmp_path)  # the test above fails only for the config
    assert _config_source(repo) is None
    _, found = _check(repo)
    assert found, "the fixture must give findings under the defaults"


def test_the_config_init_made_in_the_org_folder(tmp_path: Path) -> None:
    """`orgspec init org`: org/.orgspec.yaml says `root: org` (org/org/ holds the org)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    assert run_cli("init", "org", "--lang", "zh-Hant", cwd=repo, env=C_LOCALE).code == 0
    config = repo / "org" / ".orgspec.yaml"
    config.write_text(config.read_text("utf-8") + "ignore: [ALL]\n", encoding="utf-8")
    (repo / "org" / "org" / "extra.yaml").write_text(ORG, encoding="utf-8")
    assert _config_source(repo) == "org/.orgspec.yaml"
    assert _check(repo) == (0, [])
    assert _check(repo, "org") == (0, [])
    assert _check(repo / "org") == (0, [])


def test_a_root_org_that_names_nothing_is_checked_as_check_org_checks_it(
        tmp_path: Path) -> None:
    """org/.orgspec.yaml with `root: org` and the org's files beside it: `check org` checks
    org/ (the config's folder named), and so does `check` at the repository's root."""
    repo = _repo(tmp_path)
    (repo / "org" / ".orgspec.yaml").write_text("root: org\nignore: [ALL]\n", encoding="utf-8")
    assert _check(repo) == _check(repo, "org") == (0, [])


def test_the_nearest_config_to_the_folder_checked_wins(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".orgspec.yaml").write_text("root: org\nlang: en\n", encoding="utf-8")
    (repo / "org" / ".orgspec.yaml").write_text("root: .\nignore: [ALL]\n", encoding="utf-8")
    assert _config_source(repo) == "org/.orgspec.yaml"
    assert _check(repo) == (0, [])
    assert _check(repo, "org") == (0, [])
    (repo / "org" / ".orgspec.yaml").unlink()  # the root's alone: its defaults' findings
    assert _config_source(repo) == ".orgspec.yaml"
    assert _check(repo)[1]


def test_a_root_config_whose_root_is_elsewhere_is_kept(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".orgspec.yaml").write_text("root: people\n", encoding="utf-8")
    (repo / "people").mkdir()
    (repo / "people" / "p.yaml").write_text(ORG, encoding="utf-8")
    (repo / "org" / ".orgspec.yaml").write_text("root: .\nignore: [ALL]\n", encoding="utf-8")
    assert _config_source(repo) == ".orgspec.yaml"
    assert _check(repo)[1]


def test_a_broken_root_config_is_said_not_skipped(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / ".orgspec.yaml").write_text("roott: org\n", encoding="utf-8")
    (repo / "org" / ".orgspec.yaml").write_text("root: .\n", encoding="utf-8")
    run = run_cli("check", cwd=repo, env=C_LOCALE)
    assert run.code == 2
    assert "unknown config key 'roott'" in run.stderr


def test_inside_the_org_folder_without_a_config_checks_that_org(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    inside = _check(repo / "org")
    assert inside == _check(repo / "org", ".") == _check(repo)
    assert inside[1]


@pytest.mark.parametrize(("prose", "said"), [
    ("營運部", "orgspec: 錯誤：在 'org' 沒有找到組織檔案；這個資料夾裡就是組織的 YAML 檔案："
               "請執行 `orgspec check .`"),
    ("运营部", "orgspec: 错误：在 'org' 没有找到组织文件；这个文件夹里就是组织的 YAML 文件："
               "请运行 `orgspec check .`"),
    ("Operations", "orgspec: error: no org found at 'org'; this folder holds the org's YAML "
                   "files: run `orgspec check .`"),
])
def test_a_folder_of_org_files_not_named_org_says_check_dot(tmp_path: Path, prose: str,
                                                           said: str) -> None:
    folder = tmp_path / "ops-team"
    folder.mkdir()
    text = ORG.replace("營運部", prose)
    if prose.isascii():
        text = text.replace("林志豪", "Lin Zhihao").replace("營運總監", "Director")
    elif prose == "运营部":
        text = text.replace("營運總監", "运营总监")
    (folder / "org.yaml").write_text(text, encoding="utf-8")
    run = run_cli("check", cwd=folder, env=C_LOCALE)
    assert run.code == 2
    assert run.stderr.strip() == said
    fixed = run_cli("check", ".", cwd=folder, env=C_LOCALE)  # what it says works
    assert fixed.code == 0 and "HI005" in fixed.stdout, fixed.stderr


def test_the_readme_snippet_runs_as_written(tmp_path: Path) -> None:
    import os
    import sys

    from conftest import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    lead = "`orgspec check org`, or `orgspec check` inside `org/`:\n\n```sh\n"
    snippet = readme.split(lead, 1)[1].split("```", 1)[0]
    env = {**os.environ, **C_LOCALE, "TMPDIR": str(tmp_path),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", snippet], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "/org/.orgspec.yaml" in run.stdout
    assert run.stdout.count("未發現問題") == 2, run.stdout
