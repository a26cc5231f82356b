"""`orgspec init .` beside an org already there writes its config in the org's language when
no `--lang` is given (trial 34b: a Chinese org got `lang: en`, and every later run spoke
English); asked for one, that one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

TEAMS = {
    "zh": "- {kind: Team, id: cs, name: 客服部, mission: 处理顾客的咨询和投诉}\n",
    "zh-Hant": "- {kind: Team, id: cs, name: 客服處, mission: 處理顧客的諮詢與投訴}\n",
    "en": "- {kind: Team, id: cs, name: Customer Service, mission: Answer every customer}\n",
}


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_init_beside_an_org_speaks_its_language(tmp_path: Path, lang: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "teams.yaml").write_text(TEAMS[lang], "utf-8")
    run = run_cli("init", ".", "--ci", "none", cwd=tmp_path, env={"LANG": "C.UTF-8"})
    assert run.code == 0
    config = (tmp_path / ".orgspec.yaml").read_text("utf-8")
    assert [line.split("#")[0].strip() for line in config.splitlines()
            if line.startswith("lang:")] == [f"lang: {lang}"]


def test_init_asked_for_a_language_writes_that_one(tmp_path: Path) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "teams.yaml").write_text(TEAMS["zh"], "utf-8")
    assert run_cli("init", ".", "--lang", "en", "--ci", "none", cwd=tmp_path).code == 0
    config = (tmp_path / ".orgspec.yaml").read_text("utf-8")
    assert "lang: en " in config


def test_init_beside_a_chinese_org_does_not_say_its_files_are_english(tmp_path: Path) -> None:
    """Under a Chinese locale, init's note that the starter files are in English (its
    default) is said only when they are: beside a Chinese org they are not (trial 34c)."""
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "teams.yaml").write_text(TEAMS["zh"], "utf-8")
    run = run_cli("init", ".", "--ci", "none", cwd=tmp_path, env={"LANG": "zh_TW.UTF-8"})
    assert run.code == 0
    assert "lang: zh " in (tmp_path / ".orgspec.yaml").read_text("utf-8")
    assert "英文" not in run.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    run = run_cli("init", ".", "--ci", "none", cwd=empty, env={"LANG": "zh_TW.UTF-8"})
    assert run.code == 0 and "英文" in run.stderr
