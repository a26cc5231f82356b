"""Discovery names many files in few folders: each folder's display and real path is made
once (`paths.Shown`, `output._real`), and the names are those of `display_path` and
`os.path.realpath` file by file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgspec import output
from orgspec.load.discovery import discover
from orgspec.paths import Shown, display_path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "org" / "sub").mkdir(parents=True)
    (tmp_path / "org" / "sub" / "a.yaml").write_text("", "utf-8")
    (tmp_path / "org" / "b.yml").write_text("", "utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "org")
    (tmp_path / "org" / "sub" / "to-b.yaml").symlink_to(tmp_path / "org" / "b.yml")
    (tmp_path / "org" / "sub" / "loop.yaml").symlink_to("loop.yaml")
    return tmp_path


def test_a_folders_display_path_and_a_name_are_the_files(tree: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [str(tree), str(tree / "org"), str(tree / "link" / "sub"), "org", "./org/",
               "..", "../..", "/", "org/../org/sub", "x\udcff", "..x", "..x/y"]
    for cwd in (tree, tree / "org", tree / "org" / "sub", tree / "link", Path("/")):
        monkeypatch.chdir(cwd)
        shown = Shown()
        for folder in folders:
            for name in ("a.yaml", "é\udcff.yaml", "a..b.yml"):
                assert shown.below(folder, name) == display_path(os.path.join(folder, name))


def test_real_paths_resolved_per_folder_are_realpaths(tree: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    paths = [str(tree / "org" / "sub" / "a.yaml"), str(tree / "link" / "sub" / "a.yaml"),
             str(tree / "link" / "sub" / "to-b.yaml"), str(tree / "org" / "sub" / "loop.yaml"),
             "link/../org/b.yml", "org/missing/x.yaml", "org/sub/.", "org/sub/..", "/"]
    folders: dict[str, str] = {}
    for path in paths:
        assert output._real(path, folders) == os.path.realpath(path)


def test_discovery_names_files_as_display_path_does(tree: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Walked from inside the org, from outside it and through a link: each file is named
    by `display_path` of the path it was reached by (a file link by its own name)."""
    for cwd, target in ((tree, "org"), (tree / "org" / "sub", str(tree / "org")),
                        (tree / "org" / "sub", ".."), (tree / "org", "sub")):
        monkeypatch.chdir(cwd)
        found = discover([target], respect_gitignore=False)
        reached = {os.path.join(folder, name) for folder, _, names in os.walk(target)
                   for name in names if name.endswith((".yaml", ".yml"))}
        root = os.path.realpath(target) + os.sep
        read = {p for p in reached if not p.endswith("loop.yaml")
                and (not os.path.islink(p) or os.path.realpath(p).startswith(root))}
        assert [c.display for c in found.files] == sorted(display_path(p) for p in read)
        assert [s.display for s in found.skipped] == sorted(
            display_path(p) for p in reached - read)
