"""Trial 8: the site says what the report says. A team's page asks its own lead about a duty
it is accountable for (even when another team claims it too) and lists that overlap among
its findings; the duty list marks gaps and overlaps as the RACI matrix does; the English
column header is capitalised; a key result's baseline is read from its sentence, as its
target is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.model.okr import stated_baseline
from orgspec.site import SiteOptions, build_site
from orgspec.text.measurable import Verdict

ORG = """\
- {kind: Team, id: operations, name: 运营部, lead: zheng, members: [zheng],
   responsibilities: [promotion]}
- {kind: Team, id: marketing, name: 市场部, lead: xu, members: [xu],
   responsibilities: [promotion, brand]}
- {kind: Person, id: zheng, name: 郑雪}
- {kind: Person, id: xu, name: 许磊}
- {kind: Responsibility, id: promotion, name: 大促活动策划, accountable: operations}
- {kind: Responsibility, id: brand, name: 品牌推广, accountable: marketing}
- {kind: Responsibility, id: data-security, name: 数据安全, responsible: [marketing]}
- kind: Objective
  id: ops
  title: 提升用户活跃度
  owner: operations
  period: 2026-Q4
  key_results:
    - {id: mau, title: 月活跃用户数从120万增长到132万}
"""


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("trial8")
    (root / "org").mkdir()
    (root / "org" / "org.yaml").write_text(ORG, "utf-8")
    result, org = lint_org([str(root / "org")], Config())
    assert [f.code for f in result.findings if f.code.startswith("OW00")][:1] == ["OW001"]
    out = {}
    for lang in ("zh", "en"):
        build_site(result, org, str(root / lang), SiteOptions(git_dates=False, lang=lang))
        out[lang] = root / lang
    return out


def section(page: Path, ident: str) -> str:
    html = page.read_text("utf-8")
    start = html.index(f'id="{ident}"')
    return html[start:html.index("</section>", start)]


def test_a_team_asks_its_own_lead_about_a_duty_it_is_accountable_for(site) -> None:  # type: ignore[no-untyped-def]
    charter = text(section(site["zh"] / "teams" / "operations.html", "charter"))
    assert "大促活动策划 A 市场部 , 运营部 郑雪" in charter
    assert "许磊" not in charter
    # the duty's own page asks the team the duty names, not the first in sort order
    duty = text((site["zh"] / "duties" / "promotion.html").read_text("utf-8"))
    assert "郑雪" in duty and "许磊" not in duty.split("问题")[0].split("找谁")[1]


def test_an_overlap_is_among_each_accountable_teams_findings(site) -> None:  # type: ignore[no-untyped-def]
    for team in ("operations", "marketing"):
        page = (site["zh"] / "teams" / f"{team}.html").read_text("utf-8")
        assert page.count(">OW001<") == 1, team


def test_the_duty_list_marks_gaps_and_overlaps(site) -> None:  # type: ignore[no-untyped-def]
    rows = re.findall(r"<tr>(.*?)</tr>", (site["zh"] / "duties" / "index.html")
                      .read_text("utf-8"))
    marked = {re.findall(r'href="[^"]*/([^"/]+)\.html"', r)[0]:
              re.findall(r'<span class="badge (\w+)">([^<]+)</span>', r)
              for r in rows if "href" in r}
    assert marked == {"data-security": [("bad", "空白")], "promotion": [("warn", "重叠")],
                      "brand": []}
    en = (site["en"] / "duties" / "index.html").read_text("utf-8")
    assert '<span class="badge bad">gap</span>' in en
    assert '<span class="badge warn">overlap</span>' in en


def test_english_column_header_is_capitalised(site) -> None:  # type: ignore[no-untyped-def]
    page = (site["en"] / "teams" / "operations.html").read_text("utf-8")
    assert "<th>Measurable (metric, target, time bound)</th><th>Findings</th>" in page
    assert "<th>measurable" not in page


def test_a_baseline_is_read_from_the_sentence_as_the_target_is(site) -> None:  # type: ignore[no-untyped-def]
    row = text(section(site["zh"] / "teams" / "operations.html", "okrs"))
    # the metric cell says where the metric was read (t11fix): the sentence itself
    assert "月活跃用户数从120万增长到132万 （见标题） 120万 132万" in row


@pytest.mark.parametrize(("title", "baseline", "shown"), [
    ("月活跃用户数从120万增长到132万", None, "120万"),
    ("满意度從4.2提升到4.6", None, "4.2"),
    ("复购率由 20% 提升至 25%", None, "20%"),
    ("NPS from 30 to 45 by 2026-06-30", None, "30"),
    ("NPS 提升到 45", None, ""),  # no `from`: no baseline
    ("2026年6月前 GMV 从 3亿元 增长", None, ""),  # one quantity is a target, not a baseline
    ("月活跃用户数从120万增长到132万", "118万", "118万"),  # the field wins
])
def test_stated_baseline(title: str, baseline: str | None, shown: str) -> None:
    said = Verdict(metric=True, target=True, deadline=True, sentence=title)
    assert stated_baseline(title, baseline, said) == shown
