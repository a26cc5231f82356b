"""Counts said in the reader's language with gettext's plural forms (`i18n.P`, ngettext):
the text summary says how many findings the baseline hides; the site's and the reports'
counts agree in number in English ("1 team", "2 teams") and read as Chinese in zh."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

# 华东电商: two teams answer for one duty (OW001), and a person is on no team (HI007)
TEAMS = """\
- {kind: Team, id: company, name: 公司, lead: wang, members: [wang]}
- {kind: Team, id: shop, name: 店铺, parent: company, lead: wang, members: [wang]}
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: li, name: 李强}
- {kind: Responsibility, id: promo, name: 大促活动, accountable: [company, shop]}
"""


def _baselined(write_org: Any, org: str = TEAMS) -> Path:
    folder = write_org({"teams.yaml": org}).parent
    (folder / ".orgspec.yaml").write_text("root: org\nbaseline: base.json\n", "utf-8")
    assert run_cli("check", "--write-baseline", "base.json", cwd=folder).code == 0
    return folder


@pytest.mark.parametrize(("lang", "summary"), [
    ("en", "No new problems found in 1 file (5 entities). 2 known findings hidden by the "
           "baseline."),
    ("zh", "未发现新问题，共 1 个文件（5 个实体）。基线隐藏了 2 条已知问题。"),
    ("zh-Hant", "未發現新問題，共 1 個檔案（5 個實體）。基線隱藏了 2 條已知問題。"),
])
def test_the_text_summary_says_how_many_findings_the_baseline_hides(
        write_org: Any, lang: str, summary: str) -> None:
    run = run_cli("check", "--lang", lang, cwd=_baselined(write_org))
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines() == [summary]


def test_the_summary_counts_one_hidden_finding_in_the_singular(write_org: Any) -> None:
    folder = _baselined(write_org, TEAMS.replace("[company, shop]", "company"))
    (folder / "org" / "teams.yaml").write_text(TEAMS, "utf-8")  # now an overlap too
    run = run_cli("check", "--lang", "en", cwd=folder)
    assert run.stdout.splitlines()[-1] == (
        "Found 1 error, 0 warnings, 0 info in 1 file (5 entities). 1 known finding hidden "
        "by the baseline.")


def test_machine_formats_do_not_change_with_the_summary(write_org: Any) -> None:
    folder = _baselined(write_org)
    doc = run_cli("check", "--format", "json", "--lang", "en", cwd=folder).json()
    assert doc["findings"] == [] and set(doc["summary"]) == {
        "files", "failed_files", "entities", "error", "warning", "info"}
    run = run_cli("check", "--format", "json-lines", "--lang", "en", cwd=folder)
    assert run.stdout == ""


@pytest.mark.parametrize(("n", "en", "zh", "hant"), [
    (0, "0 teams", "0 个团队", "0 個團隊"),
    (1, "1 team", "1 个团队", "1 個團隊"),
    (2, "2 teams", "2 个团队", "2 個團隊"),
])
def test_a_plural_message_takes_the_form_of_its_count(n: int, en: str, zh: str,
                                                      hant: str) -> None:
    from orgspec.i18n import P, say

    said = P("{n} team", "{n} teams", n=n)
    assert (str(said), say(said, "en"), say(said, "zh"), say(said, "zh-Hant")) == (
        en, en, zh, hant)
    assert pickle.loads(pickle.dumps(said)).singular == "{n} team"  # kept by the cache


ONE_OF_EACH = """\
- {kind: Team, id: shop, name: 旗舰店, lead: wang, members: [wang]}
- {kind: Person, id: wang, name: 王芳}
- {kind: Responsibility, id: promo, name: 大促活动, accountable: shop}
- {kind: Role, id: clerk, name: 客服专员, team: shop}
- {kind: Meeting, id: daily, name: 晨会, cadence: 每个工作日 9:00, owner: shop, attendees: [shop]}
- kind: Process
  id: refund
  name: 退款流程
  owner: shop
  responsibility: promo
  steps: [{id: check, name: 审核, owner: shop}]
- kind: Objective
  id: gmv
  title: 提升大促销售额
  owner: shop
  period: 2026-Q4
  key_results:
    - id: k1
      title: 大促 GMV 从 1000 万元增长到 1200 万元
      metric: gmv
      baseline: 1000万元
      target: 1200万元
"""
TWO_OF_EACH = ONE_OF_EACH + """\
- {kind: Team, id: ops, name: 仓储部, parent: shop, lead: li, members: [li]}
- {kind: Person, id: li, name: 李强}
- {kind: Responsibility, id: ship, name: 发货, accountable: ops}
- {kind: Role, id: picker, name: 拣货员, team: ops}
- {kind: Meeting, id: weekly, name: 周会, cadence: 每周一 10:00, owner: ops, attendees: [ops]}
- kind: Process
  id: send
  name: 发货流程
  owner: ops
  responsibility: ship
  steps: [{id: pick, name: 拣货, owner: ops}]
- kind: Objective
  id: speed
  title: 加快发货
  owner: ops
  period: 2026-Q4
  aligns_to: gmv
  key_results:
    - {id: k1, title: 平均发货时长从 24 小时降到 12 小时, metric: hours, baseline: 24, target: 12}
    - {id: k2, title: 错发率从 1% 降到 0.5%, metric: wrong_rate, baseline: 1%, target: 0.5%}
"""


def _site(write_org: Any, tmp_path: Path, org: str, lang: str) -> Path:
    out = tmp_path / f"site-{lang}"
    done = run_cli("site", str(write_org({"org.yaml": org})), "-o", str(out), "--lang", lang,
                   "--isolated")
    assert done.code == 0, done.stderr
    return out


def _glance(site: Path) -> list[str]:
    home = (site / "index.html").read_text("utf-8")
    section = re.search(r'<ul class="counts">(.*?)</ul>', home, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", section)]


@pytest.mark.parametrize(("org", "lang", "glance"), [
    (ONE_OF_EACH, "en", ["1 team", "1 person", "1 duty", "1 objective", "1 process",
                         "1 position · 1 vacant", "1 meeting · Meeting calendar"]),
    (TWO_OF_EACH, "en", ["2 teams", "2 people", "2 duties", "2 objectives", "2 processes",
                         "2 positions · 2 vacant", "2 meetings · Meeting calendar"]),
    (TWO_OF_EACH, "zh", ["2 个团队", "2 名成员", "2 项职责", "2 个目标", "2 个流程",
                         "2 个岗位 · 2 个空缺", "2 个会议 · 会议日历"]),
])
def test_the_site_home_page_counts_agree_in_number(write_org: Any, tmp_path: Path, org: str,
                                                   lang: str, glance: list[str]) -> None:
    site = _site(write_org, tmp_path, org, lang)
    said = _glance(site)
    assert said[:-1] == glance
    assert re.fullmatch(r"\d+ errors? / \d+ warnings? / \d+ info" if lang == "en" else
                        r"\d+ 个错误 / \d+ 个警告 / \d+ 个提示", said[-1]), said[-1]
    okrs = re.sub(r"<[^>]+>", "", (site / "okrs" / "index.html").read_text("utf-8"))
    if lang == "en":
        assert "1 key result" in okrs and "1 key results" not in okrs
        assert ("2 key results" in okrs) == (org is TWO_OF_EACH)


def test_report_counts_agree_in_number(write_org: Any) -> None:
    # the counts as `check` gives them, each with its words in the number they agree with
    root = write_org({"org.yaml": ONE_OF_EACH})
    doc = run_cli("check", str(root), "--format", "json", "--lang", "en").json()
    n = doc["summary"]
    html = run_cli("report", str(root), "--format", "html", "--lang", "en").stdout
    md = run_cli("report", str(root), "--lang", "en").stdout
    counts = re.search(r'<div class="counts">(.*?)</div>', html, re.S).group(1)
    words = [re.sub(r"<[^>]+>", "", s).strip() for s in re.findall(r"<span[^>]*>(.*?)</span>",
                                                                    counts)]

    def en(k: int, one: str, many: str) -> str:
        return f"{k} {one if k == 1 else many}"

    expected = [en(n["error"], "error", "errors"), en(n["warning"], "warning", "warnings"),
                f"{n['info']} info", "1 file", en(n["entities"], "entity", "entities")]
    assert words == expected
    assert md.splitlines()[2] == " · ".join(
        re.sub(r"^(\d+)", r"**\1**", w) if i < 3 else w for i, w in enumerate(expected))
