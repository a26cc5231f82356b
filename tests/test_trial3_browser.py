"""Trial 3 of the handbook site and the HTML report, in real headless Chromium: question
forms and joined pinyin in search, go.html for a missing id and for a name, no sideways
scrolling of the page at phone width, and the report's filters (script folding, sub-teams).

Uses the browser fixture of test_browser.py (Debian's chromium through Playwright)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
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
