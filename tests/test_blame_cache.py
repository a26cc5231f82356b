"""Which definition of a duplicate id RF002 is reported at follows git's state through the
result cache: committing one of two uncommitted files changes no file's content, yet makes
the other the newer definition; a re-check with nothing changed does not run git."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import git, run_cli

from orgspec.engine import blame

TEAMS = """\
- kind: Team
  id: ops
  name: 运营部
  lead: zhou-ming
  members: [zhou-ming, he-li]
"""
PEOPLE = """\
- kind: Person
  id: zhou-ming
  name: 周明
- kind: Person
  id: he-li
  name: 何丽
"""
MORE = "- kind: Person\n  id: he-li\n  name: 何丽\n"


def where(root: Path) -> list[tuple[str, str, int]]:
    run = run_cli("check", "org", "--isolated", "--format", "json", "--lang", "en",
                  cwd=root.parent)
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]
            if f["code"] == "RF002"]


@pytest.fixture
def repo(write_org, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`org/teams.yaml` committed; `org/people.yaml` (he-li at line 5) and `org/more.yaml`
    (he-li again, line 2) not yet, people.yaml the one changed last."""
    root = write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "more.yaml": MORE})
    git(root.parent, "init", "-q")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-01T00:00:00")
    git(root.parent, "add", "org/teams.yaml")
    git(root.parent, "commit", "-qm", "teams")
    os.utime(root / "more.yaml", (1_600_000_000, 1_600_000_000))
    os.utime(root / "people.yaml", (1_700_000_000, 1_700_000_000))
    return root


def test_a_commit_that_changes_no_file_moves_the_cached_duplicate(repo: Path) -> None:
    assert where(repo) == [("RF002", "people.yaml", 5)]  # the file changed last
    assert where(repo) == [("RF002", "people.yaml", 5)]  # from the cache
    git(repo.parent, "add", "org/people.yaml")
    git(repo.parent, "commit", "-qm", "people")
    # people.yaml committed, more.yaml not: more.yaml is now the newer definition
    assert where(repo) == [("RF002", "more.yaml", 2)]
    assert where(repo) == [("RF002", "more.yaml", 2)]


def test_touching_an_uncommitted_file_moves_the_cached_duplicate(repo: Path) -> None:
    assert where(repo) == [("RF002", "people.yaml", 5)]
    os.utime(repo / "more.yaml", (1_800_000_000, 1_800_000_000))  # saved again, unchanged
    assert where(repo) == [("RF002", "more.yaml", 2)]


def test_a_recheck_with_nothing_changed_runs_no_git(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, ...]] = []
    asked = blame._git

    def counted(top: str, *args: str) -> str | None:
        calls.append(args)
        return asked(top, *args)

    monkeypatch.setattr(blame, "_git", counted)
    where(repo)  # git is asked, and its answer kept
    assert calls
    calls.clear()
    assert where(repo) == [("RF002", "people.yaml", 5)]
    assert where(repo) == [("RF002", "people.yaml", 5)]
    assert calls == []
    git(repo.parent, "add", "org/people.yaml")
    git(repo.parent, "commit", "-qm", "people")
    assert where(repo) == [("RF002", "more.yaml", 2)]
    assert calls  # git's state changed: asked again


def test_without_a_cache_git_is_asked_each_run(repo: Path) -> None:
    run = run_cli("check", "org", "--isolated", "--no-cache", "--format", "json", "--lang",
                  "en", cwd=repo.parent)
    assert [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]
            if f["code"] == "RF002"] == [("RF002", "people.yaml", 5)]
