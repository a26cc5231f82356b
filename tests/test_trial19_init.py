"""Trial 19: `orgspec init --ci gitlab` writes the README's local pre-commit hook (`repo:
local`, the installed orgspec: nothing fetched from github.com, no mutable `rev: main`), in
every language; with GitHub the hook repository, its comment naming the local variant. The
summary says where the org's YAML files are (`init org` makes org/org/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli


def _readme_local_hook() -> dict[str, object]:
    text = (REPO / "README.md").read_text("utf-8")
    [block] = [b.split("```", 1)[0] for b in text.split("```yaml\n")[1:]
               if "repo: local" in b.split("```", 1)[0]]
    return yaml.safe_load(block)  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_for_gitlab_writes_the_readmes_local_hook(tmp_path: Path, lang: str) -> None:
    assert run_cli("init", str(tmp_path / "org"), "--lang", lang, "--ci", "gitlab").code == 0
    path = tmp_path / "org" / ".pre-commit-config.yaml"
    text = path.read_text("utf-8")
    assert yaml.safe_load(text) == _readme_local_hook()
    assert "github.com/orgspec" not in text.split("repos:", 1)[1] and "rev:" not in text
    assert not (tmp_path / "org" / ".pre-commit-config.local.yaml").exists()
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("lang", "local"), [
    ("en", "use a local hook: `orgspec init --ci gitlab`"),
    ("zh", "请用本地钩子：`orgspec init --ci gitlab`"),
    ("zh-Hant", "請用本地鉤子：`orgspec init --ci gitlab`")])
def test_init_for_github_keeps_the_hook_repository_and_names_the_local_one(
        tmp_path: Path, lang: str, local: str) -> None:
    assert run_cli("init", str(tmp_path / "org"), "--lang", lang, "--ci", "github").code == 0
    text = (tmp_path / "org" / ".pre-commit-config.yaml").read_text("utf-8")
    assert yaml.safe_load(text)["repos"][0]["repo"] == "https://github.com/orgspec/orgspec"
    assert local in " ".join(line.lstrip("# ") for line in text.splitlines())
    assert not (tmp_path / "org" / ".pre-commit-config.local.yaml").exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "org is not in a git repository: `git init org` enables the checks of renamed ids "
           "and moved or deleted files\n"
           "next: cd org && orgspec check (the org's YAML files are in org/org/)\n"),
    ("zh", "org 不在 git 仓库中：运行 `git init org` 后即可检查改名的 id 以及移动或删除的文件\n"
           "下一步：cd org && orgspec check（组织的 YAML 文件在 org/org/ 下）\n"),
    ("zh-Hant", "org 不在 git 儲存庫中：執行 `git init org` 後即可檢查改名的 id 以及移動或刪除的"
                "檔案\n"
                "下一步：cd org && orgspec check（組織的 YAML 檔案在 org/org/ 下）\n")])
def test_init_says_where_the_orgs_files_are(tmp_path: Path, lang: str, said: str) -> None:
    run = run_cli("init", "org", "--lang", lang, cwd=tmp_path)
    assert run.code == 0 and run.stderr == said
    assert (tmp_path / "org" / "org" / "org.yaml").is_file()


def test_init_in_a_git_repository_says_nothing_of_git(tmp_path: Path) -> None:
    # the line on `git init` is for a folder outside git only: in a repository, the checks
    # that compare with git HEAD already run
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, capture_output=True)
    run = run_cli("init", "org", "--lang", "en", cwd=tmp_path)
    assert run.code == 0
    assert "git repository" not in run.stderr and "git init" not in run.stderr
    assert run.stderr.splitlines()[-1] == "next: cd org && orgspec check (the org's YAML files " \
        "are in org/org/)"
