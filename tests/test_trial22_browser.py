"""trial 22 at a phone's width (390 px), in real headless Chromium: the site's people and
team tables (a Taipei org: 總經理 CEO, emails) read without scrolling sideways; a title no
longer wraps a character a line (總經/理/CEO), nor does any column header.

Uses the browser fixture of test_browser.py (Debian's chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES
from test_browser import browser  # noqa: F401 - the shared Chromium fixture

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site

PAGES = ["people/index.html", "teams/company.html", "teams/operations.html",
         "teams/customer-service.html", "people/wang-da-ming.html", "people/lin-mei-ling.html"]

# the lines a box's text takes: the distinct tops of its text's client rects
LINES = """e => { const r = document.createRange(); r.selectNodeContents(e);
  const tops = [...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top));
  return new Set(tops).size; }"""
# the key results' phrase header (可衡量（指標、目標值、時限）) wraps by design (site.css)
WORDS = "table.grid thead th:not(.krs th:nth-child(8))"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("trial23-browser")
    result, loaded = lint_org([str(FIXTURES / "tw-org")], Config(lang="zh-Hant"))
    build_site(result, loaded, str(folder / "site"), SiteOptions(lang="zh-Hant",
                                                                 git_dates=False))
    return folder / "site"


def test_people_and_team_tables_read_at_phone_width(browser: Any, site: Path) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    for name in PAGES:
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, (name, wide)
        for th in page.query_selector_all(WORDS):
            if th.is_visible():  # a header is never broken mid-word (職/稱)
                assert th.evaluate(LINES) == 1, (name, th.inner_text())
        for table in page.query_selector_all("table.stack"):
            assert table.evaluate("t => t.scrollWidth <= t.clientWidth"), name
    page.goto((site / "teams/company.html").as_uri())
    members = page.query_selector("#members table")
    assert members is not None and members.evaluate("t => t.scrollWidth <= t.clientWidth")
    title = page.query_selector("#members td:nth-child(2)")
    assert title is not None and title.inner_text() == "總經理 CEO"
    assert title.evaluate(LINES) == 1  # not 總經 / 理 / CEO in a 54 px column
    email = page.query_selector("#members td:nth-child(3)")
    assert email is not None and email.bounding_box()["width"] > 250  # the card's width
    page.goto((site / "people/index.html").as_uri())
    cells = page.query_selector_all("table.stack td:nth-child(2)")
    assert len(cells) == 12 and all(c.bounding_box()["width"] > 250 for c in cells)
    page.close()
