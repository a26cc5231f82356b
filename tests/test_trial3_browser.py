"""Trial 3 of the handbook site and the HTML report, in real headless Chromium: question
forms and joined pinyin in search, go.html for a missing id and for a name, no sideways
scrolling of the page at phone width, and the report's filters (script folding, sub-teams).

Uses the browser fixture of test_browser.py (Debian's chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import EXAMPLES, run_cli
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab, _search
from test_trial3_site import ORG

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site

MORE = """\
- {kind: Person, id: zhang-wei, name: 张伟}
- {kind: Person, id: chen-yi-jun, name: 陳怡君}
- {kind: Responsibility, id: refunds, name: 退款处理, description: Refunds and returns,
   accountable: cs-cn}
- {kind: Meeting, id: weekly-sync, name: 客服周会, owner: customer-service, cadence: 每周一 10:00}
- {kind: Meeting, id: tuesday-sync, name: 周二例会, owner: customer-service,
   cadence: 每周二 10:00}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("trial3-browser")
    org = folder / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    (org / "more.yaml").write_text(MORE, "utf-8")
    result, loaded = lint_org([str(org)], Config())
    build_site(result, loaded, str(folder / "site"), SiteOptions(lang="zh", git_dates=False))
    return (folder / "site").as_uri() + "/"


@pytest.mark.parametrize("query", ["谁负责退款", "谁负责 退款", "誰負責退款？", "退款谁负责",
                                   "哪个团队负责退款的？", "哪個團隊負責退款", "who owns refunds",
                                   "Who is responsible for refunds?", "退款"])
def test_question_forms_find_what_the_question_asks(browser: Any, site: str,  # noqa: F811
                                                     query: str) -> None:
    tab = Tab(browser)
    page = tab.page
    page.goto(site + "search.html?q=" + quote(query))
    page.wait_for_selector("#search-results li")
    assert page.eval_on_selector_all("#search-results a", "as => as.map(a => a.href)")[0] \
        .endswith("duties/refunds.html")
    tab.clean()
    page.close()


def test_search_pinyin_ids_and_weekdays(browser: Any, site: str) -> None:  # noqa: F811
    tab = Tab(browser)
    page = tab.page
    page.goto(site + "search.html")
    assert _search(page, "zhangwei") == ["people/zhang-wei.html"]
    assert _search(page, "zhangw") == ["people/zhang-wei.html"]  # type-ahead
    assert _search(page, "cscn") == ["teams/cs-cn.html"]
    assert _search(page, "周一") == ["meetings/weekly-sync.html"]
    # a Chinese name typed as pinyin, without an input method: joined, its start, initials
    assert _search(page, "kefuzhongxin") == ["teams/customer-service.html"]
    assert _search(page, "kefu") == ["teams/customer-service.html"]
    assert _search(page, "kfzx") == ["teams/customer-service.html"]
    assert _search(page, "cyj") == ["people/chen-yi-jun.html"]  # 陳怡君, Traditional
    assert _search(page, "谁负责") == []  # a question word alone is searched as written
    tab.clean()
    page.close()


@pytest.mark.parametrize(("fragment", "target"), [
    ("person/陳怡君", "people/chen-yi-jun.html"),  # a name, not an id
    ("person/陈怡君", "people/chen-yi-jun.html"),  # in the other script
    ("team/中文客服组", "teams/cs-cn.html"),
    ("team/cs-cn", "teams/cs-cn.html"),
    ("duty/refunds", "duties/refunds.html"),
])
def test_go_resolves_ids_and_names(browser: Any, site: str, fragment: str,  # noqa: F811
                                   target: str) -> None:
    tab = Tab(browser)
    page = tab.page
    page.goto(site + "go.html#" + fragment)
    page.wait_for_url("**/" + target)
    tab.clean()
    page.close()


@pytest.mark.parametrize(("fragment", "query"), [
    ("team/nope", "nope"), ("person/无此人", "无此人"), ("nothing", "nothing"),
    ("team/<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>")])
def test_go_says_what_it_cannot_find_and_links_the_search(browser: Any, site: str,  # noqa: F811
                                                          fragment: str, query: str) -> None:
    tab = Tab(browser)
    page = tab.page
    page.goto(site + "go.html#" + fragment)
    link = page.wait_for_selector("#go-search")
    assert "没有页面使用这个 id 或名称" in page.inner_text("#go")
    assert link.inner_text() == f"搜索“{query}”"
    assert page.query_selector("#go img") is None  # text, never markup
    link.click()
    page.wait_for_selector("#search-status")
    assert page.input_value("#q") == query  # the search is pre-filled
    tab.clean()
    page.close()


TW = "- {kind: Team, id: cs-tw, name: 台灣客服組, parent: customer-service, lead: chen-yi-jun,\n" \
     "   members: [chen-yi-jun]}\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The HTML report (zh) of the trial org plus a Traditional-named sub-team: OW006 for
    cs-en and cs-tw, MT003 for two meetings of customer-service, HI007 for a person."""
    folder = tmp_path_factory.mktemp("trial3-report")
    org = folder / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    (org / "more.yaml").write_text(MORE + TW, "utf-8")
    run = run_cli("report", str(org), "-o", str(folder / "report.html"), "--format", "html",
                  "--lang", "zh")
    assert run.code == 0, run.stderr
    return (folder / "report.html").as_uri()


@pytest.mark.parametrize(("query", "shown"), [("台灣", 1), ("台湾", 1), ("臺灣", 1),
                                              ("英文客服組", 1), ("", 5)])
def test_report_text_filter_folds_scripts(browser: Any, report: str, query: str,  # noqa: F811
                                          shown: int) -> None:
    tab = Tab(browser)
    page = tab.page
    page.goto(report)
    page.fill("#f-search", query)
    assert page.inner_text("#f-count") == str(shown)
    tab.clean()
    page.close()


def test_report_team_filter_includes_teams_below(browser: Any, report: str) -> None:  # noqa: F811
    tab = Tab(browser)
    page = tab.page
    page.goto(report)
    assert page.inner_text("label:has(#f-team)").startswith("团队（含下级团队）")
    teams = "#findings-table tbody td:last-child"
    page.select_option("#f-team", "customer-service")
    assert sorted(page.eval_on_selector_all(teams, "ts => ts.map(t => t.textContent)")) == \
        sorted(["客服中心", "客服中心", "台灣客服組", "英文客服组"])
    page.select_option("#f-team", "cs-tw")
    assert page.eval_on_selector_all(teams, "ts => ts.map(t => t.textContent)") == ["台灣客服組"]
    tab.clean()
    page.close()


PHONE_PAGES = ["index.html", "teams/customer-service.html", "teams/cs-en.html",
               "calendar.html", "health.html", "processes/complaint-escalation-flow.html",
               "people/lin-xue.html", "duties/index.html", "teams/index.html",
               "search.html?q=%E5%AE%A2%E6%9C%8D"]


def test_phone_width_never_scrolls_the_page_sideways(browser: Any, site: str,  # noqa: F811
                                                     report: str) -> None:
    """At 390 px, wide tables and diagrams scroll inside their own box (with a shadow at
    the edge that hides more), findings stack their cells, and the page itself never
    scrolls sideways: the site's pages and the HTML report (ecommerce's too)."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    ecommerce = Path(report.removeprefix("file://")).parent / "ecommerce.html"
    run = run_cli("report", str(EXAMPLES / "ecommerce"), "-o", str(ecommerce), "--format",
                  "html")
    assert run.code == 0, run.stderr
    for url in [site + p for p in PHONE_PAGES] + [report, ecommerce.as_uri()]:
        page.goto(url)
        page.wait_for_load_state("load")
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, (url, wide)
        for cell in page.query_selector_all("table.stack td:nth-child(3), #findings-table td"):
            box = cell.bounding_box()  # a stacked cell takes the row's width, not ~70 px
            if box is None:  # an empty stacked cell (no email) is hidden, not a bare label
                assert cell.evaluate("c => c.childNodes.length") == 0, url
                continue
            assert box["width"] > 250, (url, box)
    page.goto(site + "calendar.html")
    scroller = page.query_selector("table.calendar")
    assert scroller is not None
    assert scroller.evaluate("t => t.scrollWidth > t.clientWidth")  # it scrolls itself
    assert "radial-gradient" in scroller.evaluate("t => getComputedStyle(t).backgroundImage")
    page.close()
