"""The pre-commit hook's run (`check --staged`) says what git `HEAD` tells about an unknown
id, as `check` does, when the working tree holds what the index holds (pre-commit puts
unstaged changes aside): a person deleted since HEAD is named with the file that defined
it (trial 34b: the hook gave the generic "add it to the org's files")."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, git, run_cli

DELETED = ("'xu-tao' was the id of 徐涛 in org/teams/people.yaml at git HEAD and is gone "
           "since: add it back there, or change this reference to an existing id")


def _deleted(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "examples" / "ecommerce", tmp_path / "org")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "org")
    people = tmp_path / "org" / "teams" / "people.yaml"
    people.write_text("".join(line for line in people.read_text("utf-8").splitlines(True)
                              if "id: xu-tao" not in line), "utf-8")
    git(tmp_path, "add", ".")
    return tmp_path


def _hint(tmp_path: Path) -> str:
    run = run_cli("check", "org", "--staged", "--lang", "en", "--format", "json",
                  cwd=tmp_path)
    [hint] = [f["hint"] for f in run.json()["findings"]
              if f["code"] == "RF001" and "'xu-tao'" in f["message"]]
    return str(hint)


def test_the_hook_says_where_head_defined_a_deleted_person(tmp_path: Path) -> None:
    assert _hint(_deleted(tmp_path)) == DELETED


def test_an_unstaged_change_keeps_the_hook_to_what_the_index_says(tmp_path: Path) -> None:
    top = _deleted(tmp_path)
    with (top / "org" / "teams" / "teams.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# not staged\n")
    assert _hint(top).startswith("add the Person 'xu-tao' to the org's files")


def test_the_hook_takes_the_cache_when_the_tree_is_what_is_staged(tmp_path: Path) -> None:
    """The working tree holding what the index holds, `--staged` lints it through the cache
    (the hook ran cold on every commit: 1.2-1.5 s at 500 teams, 0.18-0.20 s now), with the
    findings the index gives; an unstaged change sends it back to the index, uncached."""
    top = _deleted(tmp_path)
    cache = tmp_path / "cache"

    def found(*extra: str) -> list[tuple[str, str, int]]:
        run = run_cli("check", "org", "--staged", "--format", "json", *extra, cwd=top,
                      env={"ORGSPEC_CACHE_DIR": str(cache)})
        return [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]]

    uncached = found("--no-cache")
    assert not cache.exists()
    assert found() == found() == uncached
    assert any(cache.iterdir())  # the cached path was taken
    shutil.rmtree(cache)
    with (top / "org" / "teams" / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- {kind: Person, id: xu-tao, name: 徐涛}\n")  # a fix not staged
    assert found() == uncached  # the index still lacks xu-tao
    assert not cache.exists()
