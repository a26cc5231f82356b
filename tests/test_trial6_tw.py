"""Trial 6 (a Taiwanese operations lead writing Traditional Chinese): the site speaks
Traditional Chinese only, config and CLI read languages alike, Taiwanese roster headers,
units on key results, Taiwanese cadences, the `tracker` field and Taiwan's wording."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

TW = FIXTURES / "tw-org"  # the trial's org, as its author wrote it (Traditional script)
_HAN = re.compile("[\u4e00-\u9fff]")


def simplified_only(text: str) -> list[str]:
    """The lines of `text` (the visible text of a page) that Taiwan-standard conversion
    (OpenCC s2tw) changes: written with a Simplified-only character."""
    import opencc

    s2tw = opencc.OpenCC("s2tw").convert
    return [line for line in text.splitlines() if _HAN.search(line) and s2tw(line) != line]


def visible(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def test_the_script_check_can_fail() -> None:
    assert simplified_only("✗ 不可衡量: 缺少 目标值") and not simplified_only("缺少目標值")


@pytest.fixture(scope="module")
def tw_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tw") / "site"
    run = run_cli("site", str(TW), "--isolated", "--lang", "zh-Hant", "-o", str(out))
    assert run.code == 0, run.stderr
    return out


def test_zh_hant_site_has_no_simplified_text(tw_site: Path) -> None:
    pages = sorted(tw_site.rglob("*.html"))
    assert len(pages) > 50
    leaks = {str(p.relative_to(tw_site)): bad for p in pages
             if (bad := simplified_only(visible(p.read_text("utf-8"))))}
    assert leaks == {}


@pytest.mark.parametrize(("lang", "kr", "kpi"), [
    ("zh-Hant", "✗ 不可衡量：缺少目標值", "✗ 不可衡量：缺少目標值"),
    ("zh", "✗ 不可衡量：缺少目标值", "✗ 不可衡量：缺少目标值"),
    ("en", "✗ not measurable: no target value", "✗ not measurable: no target value"),
])
def test_site_verdicts_are_said_like_the_report(tmp_path: Path, lang: str, kr: str,
                                                kpi: str) -> None:
    out = tmp_path / "site"
    assert run_cli("site", str(TW), "--isolated", "--lang", lang, "-o", str(out)).code == 0
    okr = " ".join(visible((out / "okrs" / "cs-2026q4-service.html").read_text("utf-8")).split())
    position = " ".join(visible((out / "positions" / "cs-lead.html").read_text("utf-8")).split())
    assert kr in okr
    assert kpi in position


# --- item 4: one reading of a language for --lang and the config's `lang:` ---------------------

EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ORG = "- kind: Team\n  id: cs\n  name: 客服部\n"


@pytest.mark.parametrize(("written", "lang"), [
    ("zh-hant", "zh-Hant"), ("zh-Hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh_TW", "zh-Hant"),
    ("zh-HK", "zh-Hant"), ("zh-Hant-TW", "zh-Hant"), ("ZH", "zh"), ("zh-CN", "zh"),
    ("zh-Hans", "zh"), ("zh-Hans-TW", "zh"), ("en-US", "en"), ("EN", "en"),
])
def test_config_and_flag_read_a_language_alike(tmp_path: Path, written: str, lang: str) -> None:
    from orgspec.i18n import parse_lang

    assert parse_lang(written) == lang
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text(f"lang: {written}\n", "utf-8")
    by_config = run_cli("check", cwd=tmp_path, env=EN)
    by_flag = run_cli("check", "--isolated", "--lang", written, "org", cwd=tmp_path, env=EN)
    assert by_config.code == by_flag.code == 0, by_config.stderr + by_flag.stderr
    said = {"zh-Hant": "發現 0 個錯誤", "zh": "发现 0 个错误", "en": "Found 0 errors"}[lang]
    assert by_config.stdout.splitlines()[-1].startswith(said)
    assert by_flag.stdout.splitlines()[-1].startswith(said)


@pytest.mark.parametrize(("written", "error"), [
    ("zh-Hnat", "orgspec: 錯誤：{cfg}:1:1：lang 必須是 zh、zh-Hant、en 之一，而不是 'zh-Hnat'"
                "（是不是要寫 'zh-Hant'？）"),
    ("繁體中文", "orgspec: 錯誤：{cfg}:1:1：lang 必須是 zh、zh-Hant、en 之一，而不是 '繁體中文'"
                "（是不是要寫 'zh-Hant'？）"),
    ("chinese", "orgspec: 错误：{cfg}:1:1：lang 必须是 zh、zh-Hant、en 之一，而不是 'chinese'"
                "（是不是要写 'zh'？）"),
    ("fr", "orgspec: error: {cfg}:1:1: lang must be one of zh, zh-Hant, en, not 'fr'"),
])
def test_a_mistyped_config_lang_is_said_in_the_language_it_means(
        tmp_path: Path, written: str, error: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    cfg = tmp_path / ".orgspec.yaml"
    cfg.write_text(f"lang: {written}\n", "utf-8")
    run = run_cli("check", cwd=tmp_path, env=EN)
    assert (run.code, run.stderr.strip()) == (2, error.format(cfg=cfg))


def test_a_mistyped_flag_lang_is_said_in_the_language_it_means() -> None:
    run = run_cli("check", "--isolated", "--lang", "zh-Hnat", env=EN)
    assert (run.code, run.stderr.strip()) == (
        2, "orgspec: 錯誤：'--lang' 的值無效：'zh-Hnat' 不在可選值 zh、zh-Hant、en 之中"
           "（是不是要寫 'zh-Hant'？）（參見 `orgspec check --help`）")
    assert "--lang [zh|zh-Hant|en]" in run_cli("check", "--help").stdout
