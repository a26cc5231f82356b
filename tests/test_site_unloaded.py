"""`orgspec site` with an org file that cannot be loaded: the pages are written, but what
the file defines is missing from them, so the command says where on stderr and exits 1
(trial 31: a full-width colon in the teams file published a handbook of "0 teams", exit 0)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli


def _org(tmp_path: Path) -> Path:
    org = tmp_path / "org"
    shutil.copytree(REPO / "examples" / "ecommerce", org)
    teams = org / "teams" / "teams.yaml"
    text = teams.read_text("utf-8")
    teams.write_text(text.replace("  name: 电商平台", "  name： 电商平台", 1), "utf-8")
    return org


def test_a_file_that_failed_is_said_and_the_build_exits_1(tmp_path: Path) -> None:
    org = _org(tmp_path)
    run = run_cli("site", "org", "-o", "public", "--lang", "zh-Hant", cwd=tmp_path)
    assert run.code == 1
    lines = run.stderr.splitlines()
    assert lines[0] == "已寫入 67 個頁面、76 個檔案（0.2 MB）到 public"
    assert lines[-1] == (
        "錯誤：org/teams/teams.yaml:5:7 無法載入，手冊缺少其中定義的內容（IN001：`name` "
        "後面是全形冒號 `：`（U+FF1A）：YAML 只認半形冒號，所以這裡讀不出欄位）；"
        "`orgspec check` 會說明如何修復")
    assert (tmp_path / "public" / "index.html").is_file()  # kept for a look
    assert org.exists()


def test_a_whole_org_builds_with_exit_0(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples" / "ecommerce", tmp_path / "org")
    run = run_cli("site", "org", "-o", "public", "--lang", "en", cwd=tmp_path)
    assert run.code == 0
    assert "could not be loaded" not in run.stderr
