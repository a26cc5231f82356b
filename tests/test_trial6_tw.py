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
