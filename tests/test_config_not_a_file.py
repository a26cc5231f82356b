"""A `.orgspec.yaml` that is a folder, a FIFO or a link to nothing was skipped silently (the
run went on with the defaults): it is one clear error line, exit 2 (left11, item 7)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli

ORG = "- {kind: Team, id: cs, name: CS}\n"


def _project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "t.yaml").write_text(ORG, "utf-8")
    return tmp_path


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "{path} is a folder, not a config file: remove or rename it"),
    ("zh", "{path} 是文件夹，不是配置文件：请删除或改名"),
    ("zh-Hant", "{path} 是資料夾，不是設定檔：請刪除或改名"),
])
def test_a_config_that_is_a_folder_is_one_error_line(tmp_path: Path, lang: str,
                                                     said: str) -> None:
    root = _project(tmp_path)
    (root / ".orgspec.yaml").mkdir()
    run = run_cli("check", "org", "--lang", lang, cwd=root)
    path = root / ".orgspec.yaml"
    assert run.code == 2
    assert run.stderr.count("\n") == 1 and said.format(path=path) in run.stderr
    assert run.stdout == ""


def test_a_config_that_is_a_fifo_or_a_dangling_link_is_one_error_line(tmp_path: Path) -> None:
    root = _project(tmp_path)
    os.mkfifo(root / ".orgspec.yaml")
    run = run_cli("check", "org", "--lang", "en", cwd=root, timeout=20)
    assert (run.code, run.stderr.count("\n")) == (2, 1)
    assert f"{root / '.orgspec.yaml'} is not a regular file (a FIFO, device or socket): " \
        "remove or rename it" in run.stderr
    os.remove(root / ".orgspec.yaml")
    os.symlink(root / "nowhere.yaml", root / ".orgspec.yml")
    run = run_cli("check", "org", "--lang", "en", cwd=root)
    assert (run.code, run.stderr.count("\n")) == (2, 1)
    assert f"cannot read '{root / '.orgspec.yml'}'" in run.stderr
    assert run_cli("check", "org", "--isolated", cwd=root).code == 0  # not read: no error
