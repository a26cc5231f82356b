"""Trial 19: a handbook with no revision to compare with tells its readers "no change record
yet" on the home page and the changes page (as `--no-findings` did), not the builder's
instruction; `orgspec site` tells the builder how to list changes, as a note on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

ORG = "- {kind: Team, id: ops, name: 运营部}\n"


@pytest.mark.parametrize(("lang", "page", "note"), [
    ("zh", "还没有变更记录。", "提示：没有可比较的 git 标签，所以手册没有列出变化；"
                              "给一个版本打标签，或用 --since REF 构建\n"),
    ("zh-Hant", "還沒有變更紀錄。", "提示：沒有可比較的 git 標籤，所以手冊沒有列出變化；"
                                    "給一個版本打標籤，或用 --since REF 建置\n"),
    ("en", "No change record yet.", "note: no git tag to compare against, so the handbook "
                                    "lists no changes; tag a release, or build with --since REF\n"),
])
def test_the_reader_gets_a_sentence_and_the_builder_a_note(
        tmp_path: Path, lang: str, page: str, note: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "org.yaml").write_text(ORG, "utf-8")
    run = run_cli("site", "org", "-o", "site", "--isolated", "--lang", lang, cwd=tmp_path)
    assert run.code == 0
    said = [line + "\n" for line in run.stderr.splitlines() if "--since" in line]
    assert said == [note]
    for name in ("index.html", "changes/index.html"):
        html = (tmp_path / "site" / name).read_text("utf-8")
        assert f'<p class="muted">{page}</p>' in html
        assert "--since" not in html and "git" not in html.split("<main", 1)[1]
