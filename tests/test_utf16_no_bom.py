"""A UTF-16 file without a byte order mark (what some Windows tools save) is one IN002 at
1:1 saying so, with the fix, in every language - not a garbled YAML error or a control
character finding a column (left11, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEXT = "kind: Team\nid: cs\nname: 客服部\nmembers: []\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "file is UTF-16 without a byte order mark; save it as UTF-8",
     "git, GitHub and editors all assume UTF-8"),
    ("zh", "文件是没有字节顺序标记（BOM）的 UTF-16 编码；请另存为 UTF-8",
     "git、GitHub 和编辑器都默认 UTF-8"),
    ("zh-Hant", "檔案是沒有位元組順序標記（BOM）的 UTF-16 編碼；請另存為 UTF-8",
     "git、GitHub 和編輯器都預設 UTF-8"),
])
def test_utf16_without_a_bom_is_one_finding_at_the_start(
        tmp_path: Path, codec: str, lang: str, message: str, hint: str) -> None:
    (tmp_path / "t.yaml").write_bytes(TEXT.encode(codec))
    run = run_cli("check", str(tmp_path), "--format", "json", "--lang", lang, "--isolated")
    found = [(f["code"], f["file"].rsplit("/", 1)[-1], f["line"], f["column"], f["message"],
              f["hint"]) for f in run.json()["findings"]]
    assert found == [("IN002", "t.yaml", 1, 1, message, hint)]


def test_a_stray_nul_in_utf8_is_still_a_control_character(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_bytes("kind: Team\nid: cs\nname: 客\x00服部\n".encode())
    run = run_cli("check", str(tmp_path), "--format", "json", "--isolated")
    assert [(f["code"], f["line"]) for f in run.json()["findings"]] == [("IN003", 3)]
