"""okrs/index.html is an overview, never a copy of a period's page.

With one period (examples/minimal: 2026-Q1) the index listed that period alone under a
pager of one entry, as `_period-2026-Q1.html` did: two pages of the same content. Now the
index is the one list (the period as its heading, no pager of one) and the period's page
sends the reader there (as a moved page does: refresh, canonical, link), so a link to it
keeps working. With several periods the index lists every period, each page one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from conftest import EXAMPLES, run_cli
from test_browser import browser  # noqa: F401 - the shared Chromium fixture


def _site(org: Path, out: Path) -> Path:
    run = run_cli("site", str(org), "--isolated", "-o", str(out), "--lang", "en")
    assert run.code in (0, 1), run.stderr
    return out


def _main(page: Path) -> str:
    text = page.read_text("utf-8")
    found = re.search(r"<main id=\"main\">(.*)</main>", text, re.S)
    return found.group(1) if found else ""


def _objectives(page: Path) -> list[str]:
    return re.findall(r'<a href="\.\./okrs/([^"]+)\.html">', _main(page))


def test_one_period_the_index_is_the_list_and_the_period_page_leads_there(
        tmp_path: Path) -> None:
    site = _site(EXAMPLES / "minimal", tmp_path / "site")
    index, period = site / "okrs" / "index.html", site / "okrs" / "_period-2026-Q1.html"
    assert _objectives(index) == ["reliable-shop"]
    assert 'class="pager"' not in index.read_text("utf-8")  # no pager of one entry
    assert "<h2>2026-Q1 (1)</h2>" in _main(index)
    moved = period.read_text("utf-8")
    assert _objectives(period) == [] and "okr-tree" not in moved
    assert '<meta http-equiv="refresh" content="0; url=index.html">' in moved
    assert '<link rel="canonical" href="index.html">' in moved


def test_several_periods_the_index_is_an_overview_of_them_all(tmp_path: Path) -> None:
    site = _site(EXAMPLES / "ecommerce", tmp_path / "site")
    index = _objectives(site / "okrs" / "index.html")
    q1 = _objectives(site / "okrs" / "_period-2026-Q1.html")
    year = _objectives(site / "okrs" / "_period-2026.html")
    assert q1 and year and sorted(index) == sorted(q1 + year)
    assert 'class="pager"' in (site / "okrs" / "index.html").read_text("utf-8")


def test_a_link_to_the_one_period_page_lands_on_the_index_in_chromium(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    site = _site(EXAMPLES / "minimal", tmp_path / "site")
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto((site / "okrs" / "_period-2026-Q1.html").as_uri())
    page.wait_for_url("**/okrs/index.html")
    assert page.locator("main .okr-tree li > a").all_text_contents() == ["Customers can always buy"]
    assert errors == []
    page.close()
