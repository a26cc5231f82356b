"""Files git ignores, asked while the folder is walked (`discovery._IgnoreQuery`): the same
files skipped as `git_ignored` skips after the walk, in every case it handles (no work
tree, no git, git failing, a folder named on purpose, names that are not UTF-8, more
answers than a pipe holds)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgspec.load import discovery
from orgspec.load.discovery import discover, git_ignored

TEAM = "kind: Team\nid: t\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _tree(root: Path, names: list[str | bytes], ignore: str | None) -> None:
    _git(root, "init", "-q")
    if ignore is not None:
        (root / ".gitignore").write_text(ignore, "utf-8")
    for name in names:
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        path = os.path.join(os.fsencode(root), raw)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(TEAM.encode("utf-8"))


def _shown(folder: Path, **options: bool) -> list[str]:
    return [c.display for c in discover([str(folder)], **options).files]


def _after_the_walk(folder: Path) -> list[str]:
    """What `discover` found when it asked git after the walk (`git_ignored`)."""
    every = discover([str(folder)], respect_gitignore=False).files
    ignored = git_ignored(str(folder), [c.real for c in every])
    return [c.display for c in every if c.real not in ignored]


def test_the_files_git_ignores_are_skipped_as_when_asked_after_the_walk(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str | bytes] = ["org/a.yaml", "org/scratch.yaml", "org/sub/b.yaml",
                                "org/sub/scratch.yaml", "org/build/c.yaml", "org/團隊.yaml",
                                "org/草稿-draft.yaml"]
    if sys.platform == "linux":
        names += [b"org/latin-\xe9.yaml", b"org/bad-\xff-draft.yaml"]
    _tree(tmp_path, names, "scratch.yaml\nbuild/\n*draft.yaml\n")
    monkeypatch.chdir(tmp_path)
    got = _shown(Path("org"))
    expected = ["org/a.yaml", "org/sub/b.yaml", "org/團隊.yaml"]
    if sys.platform == "linux":
        expected.insert(1, "org/latin-\\xe9.yaml")  # shown escaped
    assert sorted(got) == sorted(expected)
    assert got == _after_the_walk(Path("org"))
    # not asked: every file
    assert len(_shown(Path("org"), respect_gitignore=False)) == len(names)


def test_a_folder_named_on_purpose_is_read_whole(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, ["build/org/t.yaml", "build/org/scratch.yaml"], "build/\nscratch.yaml\n")
    monkeypatch.chdir(tmp_path)
    assert _shown(Path("build/org")) == ["build/org/scratch.yaml", "build/org/t.yaml"]
    assert _shown(Path("build/org")) == _after_the_walk(Path("build/org"))


def test_without_git_or_a_work_tree_nothing_is_skipped(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, ["org/a.yaml", "org/scratch.yaml"], "scratch.yaml\n")
    monkeypatch.chdir(tmp_path)
    assert _shown(Path("org")) == ["org/a.yaml"]
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no git to run
    assert _shown(Path("org")) == ["org/a.yaml", "org/scratch.yaml"] == _after_the_walk(
        Path("org"))


def test_git_failing_skips_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `.git` that is no repository: git check-ignore exits 128, as after the walk."""
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "a.yaml").write_text(TEAM, "utf-8")
    (tmp_path / "org" / "scratch.yaml").write_text(TEAM, "utf-8")
    (tmp_path / ".gitignore").write_text("scratch.yaml\n", "utf-8")
    (tmp_path / ".git").write_text("gitdir: /nowhere\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert _shown(Path("org")) == ["org/a.yaml", "org/scratch.yaml"] == _after_the_walk(
        Path("org"))


def test_more_answers_than_a_pipe_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,500 ignored files with long names (~200 KB of answers, more than a pipe's 64 KiB)
    while the walk still writes questions: all skipped (git's answers go to a file, so
    neither process waits for the other)."""
    long = "x" * 120
    names: list[str | bytes] = [f"org/d{k // 100}/{long}-{k}-draft.yaml" for k in range(1500)]
    _tree(tmp_path, [*names, "org/kept.yaml"], "*-draft.yaml\n")
    monkeypatch.chdir(tmp_path)
    assert _shown(Path("org")) == ["org/kept.yaml"]


def test_the_files_are_asked_as_they_are_found(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file is given to git during the walk, before the walk ends (not after it)."""
    _tree(tmp_path, ["org/a.yaml", "org/sub/b.yaml", "org/scratch.yaml"], "scratch.yaml\n")
    monkeypatch.chdir(tmp_path)
    events: list[str] = []
    ask, walk = discovery._IgnoreQuery.ask, discovery._walk

    def asked(self: discovery._IgnoreQuery, file: str) -> None:
        events.append("ask " + os.path.basename(file))
        ask(self, file)

    def walked(*args: object, **kwargs: object) -> None:
        walk(*args, **kwargs)  # type: ignore[arg-type]
        events.append("walked")

    monkeypatch.setattr(discovery._IgnoreQuery, "ask", asked)
    monkeypatch.setattr(discovery, "_walk", walked)
    assert _shown(Path("org")) == ["org/a.yaml", "org/sub/b.yaml"]
    assert events == ["ask a.yaml", "ask scratch.yaml", "ask b.yaml", "walked"]
