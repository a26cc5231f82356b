"""An e-commerce operations lead's trial (trial 9): a baselined report looked perfect, names
sorted by ASCII id, health colours disagreed, the site tree hid grandchildren, `show` mixed
owned and tracked steps, common SLA forms were refused, a broken `next` drew a second start,
`graph` ignored the language, and some English and Traditional Chinese wording was off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_cli
from test_browser import browser  # noqa: F401 - the shared Chromium fixture
from test_site_browser import Tab, sites  # noqa: F401 - the served ecommerce site

TEAMS = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang, li]
- kind: Team
  id: shop
  name: 店铺
  parent: company
  lead: wang
  members: [wang]
- kind: Person
  id: wang
  name: 王芳
- kind: Person
  id: li
  name: 李强
- kind: Responsibility
  id: promo
  name: 大促活动
  accountable: [company, shop]
"""

def baselined(write_org) -> Path:
    """An org whose one finding (OW001: two accountable teams, counted against the first)
    the configured baseline knows; returns the project folder."""
    folder = write_org({"teams.yaml": TEAMS}).parent
    (folder / ".orgspec.yaml").write_text("root: org\nbaseline: base.json\n", "utf-8")
    run = run_cli("check", "--write-baseline", "base.json", cwd=folder)
    assert run.code == 0, run.stderr
    return folder


def test_a_baselined_markdown_report_says_what_the_baseline_hides(write_org) -> None:
    folder = baselined(write_org)
    for lang, hidden, none in (
            ("en", "1 known finding hidden by the baseline (counted in team health)",
             "No problems found beyond those the baseline knows."),
            ("zh", "基线隐藏了 1 条已知问题（已计入团队健康度）",
             "除基线中的已知问题外，未发现问题。")):
        run = run_cli("report", "--lang", lang, cwd=folder)
        assert run.code == 0, run.stderr
        lines = run.stdout.splitlines()
        assert hidden in lines and none in lines
        assert "No problems found." not in lines and "未发现问题。" not in lines
        # the team's health counts the hidden error (OW001): 100 - 10
        assert any(line.startswith("| ") and "`company`" in line and "| 90 | 1 |" in line
                   for line in lines), run.stdout


def test_a_baselined_html_report_says_what_the_baseline_hides(write_org) -> None:
    folder = baselined(write_org)
    run = run_cli("report", "--format", "html", "--lang", "en", cwd=folder)
    assert '<p class="baselined"><strong>1 known finding hidden by the baseline (counted in ' \
           'team health)</strong></p>' in run.stdout
    assert 'value="90"' in run.stdout and "No problems found.<" not in run.stdout


def test_without_a_baseline_the_report_has_no_baseline_line(write_org) -> None:
    folder = baselined(write_org)
    run = run_cli("report", "--no-baseline", "--lang", "en", cwd=folder)
    assert "hidden by the baseline" not in run.stdout and "OW001" in run.stdout
    assert any("`company`" in line and "| 90 | 1 |" in line for line in run.stdout.splitlines())


def test_one_health_band_table_colours_the_report_meter_and_the_site_badge(
        write_org, tmp_path: Path) -> None:
    from orgspec.report.view import HEALTH_FAIR, HEALTH_GOOD, TeamHealth

    assert [TeamHealth("t", "t", e, w, 0).band for e, w in ((1, 0), (1, 2), (4, 0), (3, 4))] \
        == ["ok", "warn", "warn", "bad"]  # scores 90, 84, 60, 58
    folder = baselined(write_org)
    html = run_cli("report", "--format", "html", "--no-baseline", cwd=folder).stdout
    assert f'low="{HEALTH_FAIR}" high="{HEALTH_GOOD}" optimum="100" value="90"' in html
    run = run_cli("site", "org", "-o", str(tmp_path / "site"),
                  cwd=folder)
    assert run.code == 0, run.stderr
    index = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<span class="badge ok" title="Score">90</span>' in index or \
        '<span class="badge ok" title="得分">90</span>' in index


def _pr007(write_org, slas: list[str]) -> list[tuple[str, str, int]]:
    from orgspec.engine.lint import lint
    from orgspec.load.config import Config, Selector

    steps = "".join(f"    - {{id: s{i}, owner: ops, sla: '{sla}'}}\n" for i, sla in enumerate(slas))
    text = "- {kind: Team, id: ops}\n- kind: Process\n  id: p\n  owner: ops\n  steps:\n" + steps
    found = lint([str(write_org({"p.yaml": text}))],
                 Config(select=[Selector("PR007", "t")], lang="en")).findings
    return [(f.code, f.message, f.location.line) for f in found]


def test_business_days_and_day_deadlines_are_slas(write_org) -> None:
    assert _pr007(write_org, ["1 business day", "2 business days", "3个工作日", "2 working days",
                              "T+1", "T+0", "T + 2", "当天", "當日", "次日", "隔日",
                              "次日12点前", "次日12:00前", "当天18点前", "24h内", "次日内",
                              "same day", "next business day", "within 2 hours"]) == []


def test_what_is_no_sla_is_still_pr007_at_its_line(write_org) -> None:
    assert _pr007(write_org, ["尽快", "T+", "T-1", "12点前", "business day", "次日尽快",
                              "0 business days"]) == [
        ("PR007", "SLA '尽快' of step 's0' is not a duration", 6),
        ("PR007", "SLA 'T+' of step 's1' is not a duration", 7),
        ("PR007", "SLA 'T-1' of step 's2' is not a duration", 8),
        ("PR007", "SLA '12点前' of step 's3' is not a duration", 9),
        ("PR007", "SLA 'business day' of step 's4' is not a duration", 10),
        ("PR007", "SLA '次日尽快' of step 's5' is not a duration", 11),
        ("PR007", "SLA '0 business days' of step 's6' is zero", 12)]


TYPO_FLOW = """\
- {kind: Team, id: ops, name: 运营部}
- kind: Process
  id: promo
  name: 大促异常
  owner: ops
  steps:
    - {id: detect, name: 发现, owner: ops, next: [fix]}
    - {id: fix, name: 修复, owner: ops, next: [reveiw]}
    - {id: review, name: 复盘, owner: ops, next: [close]}
    - {id: close, name: 关闭, owner: ops}
"""


def _view(write_org, text: str, lang: str = "en") -> object:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.report.view import build_view

    result, org = lint_org([str(write_org({"p.yaml": text}))], Config(lang=lang))
    return result, build_view(result, org, lang)


def test_a_step_cut_off_by_a_typo_is_drawn_unreachable_below_the_broken_link(
        write_org) -> None:
    result, view = _view(write_org, TYPO_FLOW)
    assert [(f.code, f.location.line) for f in result.findings if f.code[:2] in ("RF", "PR")] \
        == [("RF001", 8)]
    boxes = {b.label: b for b in view.processes[0].diagram.boxes}
    assert boxes["发现"].kind == "step" and boxes["修复"].kind == "step"
    assert boxes["复盘"].kind == boxes["关闭"].kind == "step step-unreachable"
    assert boxes["reveiw"].kind == "missing"
    tops = sorted(boxes.values(), key=lambda b: b.y)
    assert [b.label for b in tops] == ["发现", "修复", "reveiw", "复盘", "关闭"]
    assert "step-unreachable" in view.processes[0].diagram.legend


def test_a_step_nothing_leads_to_stays_a_start_without_a_typo(write_org) -> None:
    from orgspec.checks.processes import cut_off
    from orgspec.model.models import Step

    steps = [Step(id="a", next=["b"]), Step(id="b"), Step(id="c", next=["b"])]
    assert cut_off(steps) == (set(), {})
    typo = [Step(id="a", next=["reveiw"]), Step(id="review", next=["c"]), Step(id="c")]
    assert cut_off(typo) == ({"review", "c"}, {"review": "reveiw"})


def test_graph_labels_follow_the_run_language(write_org) -> None:
    folder = write_org({"p.yaml": TYPO_FLOW.replace("{id: fix, name: 修复, owner: ops,",
                                                    "{id: fix, name: 修复,")}).parent
    (folder / ".orgspec.yaml").write_text("root: org\nlang: zh\n", "utf-8")
    said = {lang: run_cli("graph", "--process", "promo", *args, cwd=folder)
            for lang, args in (("zh", ()), ("en", ("--lang", "en")),
                               ("zh-Hant", ("--lang", "zh-Hant")))}
    assert [r.code for r in said.values()] == [0, 0, 0]
    assert '  s1["修复<br/>无负责人"]' in said["zh"].stdout.splitlines()
    assert '  s1["修复<br/>no owner"]' in said["en"].stdout.splitlines()
    assert '  s1["修复<br/>無負責人"]' in said["zh-Hant"].stdout.splitlines()


def test_show_process_gives_each_step_its_tracker_and_sla(write_org) -> None:
    text = TYPO_FLOW.replace("{id: fix, name: 修复, owner: ops, next: [reveiw]}",
                             "{id: fix, name: 修复, owner: ops, tracker: huang, sla: T+1, "
                             "next: [review]}") + "- {kind: Person, id: huang, name: 黄敏}\n"
    run = run_cli("show", "process", "promo", str(write_org({"p.yaml": text})), "--lang", "zh")
    assert "    - fix 修复; 负责人: ops 运营部; 追踪人: huang 黄敏; 时限: T+1 → review" \
        in run.stdout.splitlines()


def test_the_site_person_page_lists_tracked_steps_apart(write_org, tmp_path: Path) -> None:
    text = TYPO_FLOW.replace("next: [reveiw]", "tracker: huang, next: [review]") + \
        "- {kind: Person, id: huang, name: 黄敏}\n"
    run = run_cli("site", str(write_org({"p.yaml": text})), "-o", str(tmp_path / "s"),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    page = (tmp_path / "s" / "people" / "huang.html").read_text("utf-8")
    assert '<section id="tracked"><h2>Process steps tracked</h2>' in page
    assert '<section id="steps">' not in page


SORT_ORG = """\
- {kind: Team, id: company, name: 电商平台, lead: zhou, members: [zhou]}
- {kind: Team, id: ops, name: 运营部, parent: company}
- {kind: Team, id: tech, name: 技术部, parent: company}
- {kind: Team, id: cs, name: 客服部, parent: company}
- {kind: Team, id: a-team, name: 运营部, parent: company}
- {kind: Person, id: zhou, name: 周明}
- {kind: Person, id: an, name: 安娜}
- {kind: Person, id: zhang, name: 张伟}
- {kind: Responsibility, id: a-refund, name: 退款, accountable: cs}
- {kind: Responsibility, id: z-billing, name: 对账, accountable: ops, informed: [a-team]}
- {kind: Responsibility, id: m-deploy, name: 部署, accountable: tech, consulted: [zhang, an]}
"""


def test_lists_trees_and_the_raci_matrix_sort_by_name_in_pinyin(write_org,
                                                                 tmp_path: Path) -> None:
    from orgspec.adopt.export import _raci
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.report.view import build_view

    result, org = lint_org([str(write_org({"o.yaml": SORT_ORG}))], Config(lang="zh"))
    view = build_view(result, org, "zh")
    # 客服部 kè, 技术部 jì, 运营部 yùn (twice: the id breaks the tie)
    assert [c.id for c in view.tree[0].children] == ["tech", "cs", "a-team", "ops"]
    assert [r.duty for r in view.raci] == ["m-deploy", "z-billing", "a-refund"]  # bù duì tuì
    assert view.raci_columns == ["team:tech", "team:cs", "team:a-team", "team:ops",
                                 "person:an", "person:zhang"]  # ān zhāng
    header, rows = _raci(org, ["id", "name"], "pinyin")
    assert [r[0] for r in rows] == ["m-deploy", "z-billing", "a-refund"]
    assert header[2:] == ["技术部", "客服部", "运营部 (a-team)", "运营部 (ops)", "安娜", "张伟"]
    run = run_cli("site", str(write_org({"o.yaml": SORT_ORG})), "-o", str(tmp_path / "s"))
    assert run.code == 0, run.stderr
    people = (tmp_path / "s" / "people" / "index.html").read_text("utf-8")
    assert people.index("安娜") < people.index("张伟") < people.index("周明")


def test_collation_keys_are_pinyin_then_the_characters() -> None:
    from orgspec.text.collate import name_key

    names = ["周明", "CS组", "重庆", "電商平台", "订单", "Ops", "ops team", "李娜", "林雪"]
    assert sorted(names, key=name_key) == ["CS组", "重庆", "電商平台", "订单", "李娜", "林雪",
                                           "Ops", "ops team", "周明"]


def test_the_site_home_tree_says_a_team_has_sub_teams_it_does_not_show(
        write_org, tmp_path: Path) -> None:
    org = SORT_ORG + "- {kind: Team, id: orders, name: 订单平台组, parent: tech}\n"
    run = run_cli("site", str(write_org({"o.yaml": org})), "-o", str(tmp_path / "s"),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    home = (tmp_path / "s" / "index.html").read_text("utf-8")
    assert '<a class="more" href="teams/tech.html#structure">Sub-teams (1) →</a>' in home
    assert home.count('class="more"') == 1  # only 技术部 has sub-teams below the first level
    teams = (tmp_path / "s" / "teams" / "index.html").read_text("utf-8")
    assert "订单平台组" in teams and 'class="more"' not in teams


def test_in_chromium_the_home_tree_leads_to_the_hidden_sub_teams(
        browser: Any, sites: dict[str, str]) -> None:  # noqa: F811
    tab = Tab(browser)
    page = tab.page
    page.goto(sites["file"] + "index.html")
    more = page.locator("#org-chart a.more")
    assert more.count() == 1 and more.is_visible()
    with page.expect_navigation():
        more.click()
    assert page.url == sites["file"] + "teams/tech.html#structure"
    assert page.locator("#structure").is_visible()
    assert page.locator('dd a[href$="teams/order-platform.html"]').is_visible()
    tab.clean()
    page.close()


def test_english_counts_agree_in_number_and_no_possessive_follows_a_quoted_id() -> None:
    from orgspec.findings import LintResult
    from orgspec.i18n import M, say
    from orgspec.reporters.text import summary_line

    one = LintResult([], files=["a.yaml"], entity_count=1, lang="en")
    assert summary_line(one) == "No problems found in 1 file (1 entity)."
    two = LintResult([], files=["a.yaml", "b.yaml"], entity_count=2, lang="zh")
    assert summary_line(two) == "未发现问题，共 2 个文件（2 个实体）。"
    msg = M("key result {kr!r} is due {due}, outside the period of objective {objective!r} "
            "({start} to {end})", kr="kr1", due="2026-09-01", objective="tech-2026h1-stability",
            start="2026-01-01", end="2026-06-30")
    assert "''s" not in say(msg, "en")


def test_the_report_header_counts_agree_in_number(write_org) -> None:
    folder = baselined(write_org)
    md = run_cli("report", "--no-baseline", "--lang", "en", cwd=folder).stdout
    assert "**1** error · **0** warnings · **0** info · 1 file · 5 entities" in md
    html = run_cli("report", "--no-baseline", "--format", "html", "--lang", "en",
                   cwd=folder).stdout
    assert "<span>1 file</span>" in html and "<b>1</b> error</span>" in html


DUPLICATE = """\
- {kind: Team, id: ops, name: 运营部}
- {kind: Responsibility, id: inventory, name: 库存管理, accountable: ops}
- {kind: Responsibility, id: inventory, name: 仓储盘点, accountable: ops}
- {kind: Responsibility, id: refund, name: 退款, accountable: ops}
- {kind: Responsibility, id: refund, name: 退款, accountable: ops}
"""


def test_a_duplicate_id_names_both_entities_and_the_report_keeps_the_id(write_org) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config, Selector

    root = write_org({"o.yaml": DUPLICATE})
    result, _ = lint_org([str(root)], Config(lang="en", select=[Selector("RF002", "t")]))
    assert [(f.code, f.location.line, str(f.message)) for f in result.findings] == [
        ("RF002", 3, "duplicate Responsibility id 'inventory': '仓储盘点' here, '库存管理' where "
                     "it was first defined"),
        ("RF002", 5, "duplicate Responsibility id 'refund'")]  # same name: the id says it
    md = run_cli("report", str(root), "--lang", "zh").stdout
    assert "职责 id 'inventory' 重复：此处是 '仓储盘点'，首次定义处是 '库存管理'" in md
    assert "库存管理 (inventory) 重复" not in md


def test_traditional_chinese_uses_taiwan_terms() -> None:
    catalog = Path(__file__).resolve().parents[1] / "orgspec" / "i18n" / "locale" / \
        "zh_Hant" / "LC_MESSAGES" / "orgspec.po"
    strings = [line for line in catalog.read_text("utf-8").splitlines()
               if line.startswith(("msgstr", '"')) and not line.startswith('"POT')]
    assert 'msgstr "組織即程式碼：檢查以 YAML 維護的團隊、職責、OKR 和流程。"' in strings
    assert 'msgstr "檢查 PATHS 中的組織（預設：設定的根目錄，否則 ./org）。"' in strings
    for mainland in ("組織即代碼", "配置", "默認", "信息", "視頻", "軟件", "數據庫", "鏈接",
                     "示例", "倉庫", "加載", "模板"):
        assert not [s for s in strings if mainland in s], mainland
