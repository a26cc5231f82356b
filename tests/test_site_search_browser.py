"""Site search in headless Chromium (trial 33a): a former id (`aliases:`) finds the entity
the site redirects it to, and hits that tie (same kind, same title length, same match) come
in the reader's collation of names, not by id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions, build_site

# three 客服專員 whose id order (he, zheng, zhou) is neither name order: pinyin 何 hé,
# 周 zhōu, 鄭 zhèng -> he, zheng, zhou; strokes 何 (7), 周 (8), 鄭 (19) -> he, zhou, zheng
ORG = """\
- {kind: Team, id: engineering, name: 技術研發部, aliases: [tech], lead: li}
- {kind: Team, id: customer-service, name: 客服團隊, lead: lin,
   members: [lin, zheng-mei-ling, he-wen-xiong, zhou-xin-yi]}
- {kind: Person, id: li, name: 李建宏, title: 技術主管}
- {kind: Person, id: lin, name: 林志豪, title: 客服主管}
- {kind: Person, id: zheng-mei-ling, name: 鄭美玲, title: 客服專員, manager: lin}
- {kind: Person, id: he-wen-xiong, name: 何文雄, title: 客服專員, manager: lin}
- {kind: Person, id: zhou-xin-yi, name: 周欣怡, title: 客服專員, manager: lin}
"""
TIES = {"zh": ["he-wen-xiong", "zheng-mei-ling", "zhou-xin-yi"],
        "zh-Hant": ["he-wen-xiong", "zhou-xin-yi", "zheng-mei-ling"]}


def _hits(page: Any, query: str) -> list[str]:
    hits: list[dict[str, str]] = page.evaluate("q => window.orgspecSearch(q)", query)
    return [h["url"] for h in hits]


@pytest.mark.parametrize("lang", list(TIES))
def test_a_former_id_and_tied_hits(browser: Any, tmp_path: Path, lang: str) -> None:  # noqa: F811
    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    result, loaded = lint_org([str(org)], Config(lang=lang))
    out = tmp_path / "site"
    build_site(result, loaded, str(out), SiteOptions(git_dates=False, lang=lang))
    tab = Tab(browser)
    page = tab.page
    page.goto((out / "search.html").as_uri())
    page.wait_for_function("() => window.orgspecSearch !== undefined")
    # the old id finds the team it redirects to, as go.html#team/tech does
    assert _hits(page, "tech") == ["teams/engineering.html"]
    assert _hits(page, "engineering") == ["teams/engineering.html"]
    people = [u.removeprefix("people/").removesuffix(".html") for u in _hits(page, "客服專員")
              if u.startswith("people/")]
    assert people == TIES[lang]
    # the list a reader sees, from the search box
    page.goto((out / "search.html").as_uri() + "?q=tech")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li a").first.text_content() == "技術研發部"
    tab.clean()
    page.close()
