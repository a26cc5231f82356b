"""Hostile and unusual input against the newest features (hostile11): each test pins one hole
found by attacking them (site search near hits, hidden characters, RACI words), with the exact
finding, hint or search result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab, _search

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site


def _site(tmp_path: Path, text: str) -> Path:
    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(text, "utf-8")
    result, loaded = lint_org([str(org)], Config())
    site = tmp_path / "site"
    build_site(result, loaded, str(site), SiteOptions(git_dates=False))
    return site


def test_a_long_query_on_a_run_of_one_character_is_answered(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """A near hit was checked with a regex `A[CJK]?B[CJK]?C...`, which backtracks
    exponentially where a run of one character almost matches: 哈 x 30 then 嘿 against a
    duty holding 哈 x 60 and 哈哈哈嘿 apart hung the reader's tab (2^n steps; n = 24 took 11 s in
    node). A near hit is now found in one pass, with the same answers."""
    site = _site(tmp_path, (
        "- {kind: Team, id: cs, name: 客服部}\n"
        f"- {{kind: Responsibility, id: laugh, name: 笑话, description: {'哈' * 60}，哈哈哈嘿, "
        "accountable: cs}\n"
        f"- {{kind: Responsibility, id: near, name: 近似, description: {'哈' * 30}和嘿, "
        "accountable: cs}\n"))
    tab = Tab(browser)
    page = tab.page
    page.goto(site.as_uri() + "/search.html")
    assert _search(page, "哈" * 30 + "嘿") == ["duties/near.html"]  # 和 between: a near hit
    assert _search(page, "哈" * 31 + "嘿") == []  # one 哈 too many anywhere
    assert _search(page, "哈哈哈嘿") == ["duties/laugh.html", "duties/near.html"]
    assert _search(page, "哈和嘿") == ["duties/near.html"]
    assert _search(page, "哈嘿和") == []  # out of order
    tab.clean()
    page.close()
