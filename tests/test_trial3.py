"""What an e-commerce operations head met on their first org (trial 3): each mistake gives
one finding, at its place, in their language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from orgspec.engine.lint import lint
from orgspec.load.config import Config

TODAY = dt.date(2026, 11, 30)

PEOPLE = """\
- {kind: Person, id: zhou-ming, name: 周明}
- {kind: Person, id: liu-yang, name: 刘洋}
- {kind: Person, id: lin-xue, name: 林雪}
- {kind: Person, id: ma-chao, name: 马超}
"""
TEAMS = """\
- kind: Team
  id: company
  name: 优选商城
  lead: zhou-ming
  members: [zhou-ming]
- kind: Team
  id: customer-service
  name: 客服部
  parent: company
  lead: liu-yang
  members: [liu-yang, lin-xue, ma-chao]
  responsibilities: [complaints]
- {kind: Responsibility, id: complaints, name: 投诉处理}
- kind: Role
  id: cs-specialist
  name: 客服专员
  team: customer-service
  holders: [lin-xue, ma-chao]
"""


def org(tmp_path: Path, people: str = PEOPLE, teams: str = TEAMS) -> Path:
    (tmp_path / "people.yaml").write_text(people, "utf-8")
    (tmp_path / "teams.yaml").write_text(teams, "utf-8")
    return tmp_path


def found(path: Path, lang: str = "en") -> list[tuple[str, str, int, int]]:
    result = lint([str(path)], Config(lang=lang), today=TODAY)
    return sorted((f.code, Path(f.location.file).name, f.location.line, f.location.col)
                  for f in result.findings)


def findings(path: Path, lang: str = "en") -> list[tuple[str, int, str, str]]:
    result = lint([str(path)], Config(lang=lang), today=TODAY)
    return [(f.code, f.location.line, f.message, f.hint) for f in result.findings]


def test_the_org_as_written_is_clean(tmp_path: Path) -> None:
    assert found(org(tmp_path)) == []


# --- 1. a full-width colon inside a flow mapping -------------------------------------------

def test_a_full_width_colon_in_a_flow_mapping_is_one_finding(tmp_path: Path) -> None:
    path = org(tmp_path, PEOPLE.replace("id: lin-xue", "id：lin-xue"))
    assert found(path) == [("IN001", "people.yaml", 3, 20)]
    assert findings(path, "zh")[0][2:] == (
        "`id` 后面是全角冒号 `：`（U+FF1A）：YAML 只认半角冒号，所以这里读不出字段",
        "写成 `id: lin-xue`（半角冒号加一个空格）")


def test_a_full_width_colon_after_another_field_holds_the_entity(tmp_path: Path) -> None:
    path = org(tmp_path, PEOPLE.replace("name: 林雪", "name：林雪"))
    assert found(path) == [("IN001", "people.yaml", 3, 35)]


def test_an_id_under_a_wrong_key_gets_no_did_you_mean_to_another_person(tmp_path: Path
                                                                        ) -> None:
    path = org(tmp_path, PEOPLE.replace("id: lin-xue", "idd: lin-xue"))
    # one mistake, one finding (trial 35): the key to rename, not `id` missing beside it
    assert [c for c, *_ in found(path)] == ["SC001"]
    [(_, _, _, hint)] = findings(path)
    assert hint == "rename `idd` to `id` and keep its value: `id: lin-xue`"


# --- 2. dates as people write them -----------------------------------------------------------

OKR = """\
- kind: Objective
  id: o1
  title: 提升复购率
  owner: company
  period: {period}
  key_results:
    - {{id: k1, title: 复购率从 20% 提升到 30%, due: {due}}}
"""
KR = "复购率从 20% 提升到 30% (k1)"  # the key result as messages quote it: its text and id


def test_dates_with_slashes_dots_or_chinese_units_say_the_iso_form(tmp_path: Path) -> None:
    for due in ("2026/03/31", "2026.3.31", "2026年3月31日"):
        (tmp_path / "okrs.yaml").write_text(OKR.format(period="2026-Q1", due=due), "utf-8")
        assert findings(org(tmp_path)) == [
            ("SC003", 7, f"key result {KR}: `due` {due!r} is not a date: write `2026-03-31`",
             "dates are written YYYY-MM-DD with hyphens, e.g. 2026-03-31")]
    assert findings(tmp_path, "zh") == [
        ("SC003", 7, f"关键结果 {KR} 的 `due` 的值 '2026年3月31日' 不是有效日期：写成 "
                     "`2026-03-31`", "日期写作 YYYY-MM-DD，用连字符分隔，例如 2026-03-31")]


def test_a_date_without_a_year_proposes_the_period_year(tmp_path: Path) -> None:
    (tmp_path / "okrs.yaml").write_text(OKR.format(period="2027-H1", due="3月31日"), "utf-8")
    assert findings(org(tmp_path)) == [
        ("SC003", 7, f"key result {KR}: `due` '3月31日' is not a date: the year is missing",
         "write `2027-03-31` (the year of the objective's period)")]
    assert findings(tmp_path, "zh")[0][2:] == (
        f"关键结果 {KR} 的 `due` 的值 '3月31日' 不是有效日期：缺少年份",
        "写成 `2027-03-31`（目标周期所在的年份）")
    (tmp_path / "okrs.yaml").write_text(OKR.format(period="下一期", due="3/31"), "utf-8")
    assert [(c, line, h) for c, line, _, h in findings(tmp_path)] == [
        ("SC003", 5, "periods are written 2026, 2026-H1 or 2026-Q1"),
        ("SC003", 7, "dates are written YYYY-MM-DD with the year, e.g. 2026-03-31")]


# --- 3. no cascades ----------------------------------------------------------------------------

def test_names_for_ids_in_members_give_only_the_unknown_references(tmp_path: Path) -> None:
    teams = TEAMS.replace("  lead: liu-yang\n  members: [liu-yang, lin-xue, ma-chao]",
                          "  lead: 刘洋\n  members: [刘洋, 林雪, ma-chao]")
    # `刘洋` as lead and member: one RF001, the member its related location (trial 30)
    assert found(org(tmp_path, teams=teams)) == [
        ("RF001", "teams.yaml", 10, 9), ("RF001", "teams.yaml", 11, 17)]


def test_an_unknown_member_that_names_nobody_still_leaves_others_on_no_team(tmp_path: Path
                                                                          ) -> None:
    # The precise version: only the person a bad reference means is held back.
    teams = TEAMS.replace("members: [liu-yang, lin-xue, ma-chao]",
                          "members: [liu-yang, 林雪, xyz-qq]")
    assert found(org(tmp_path, teams=teams)) == [
        ("HI007", "people.yaml", 4, 18), ("RF001", "teams.yaml", 11, 23),
        ("RF001", "teams.yaml", 11, 27)]  # ma-chao's RO002 held back behind his HI007


def test_members_of_a_team_with_a_wrong_kind_are_not_on_no_team(tmp_path: Path) -> None:
    teams = TEAMS.replace("- kind: Team\n  id: customer-service",
                          "- kind: team\n  id: customer-service")
    assert found(org(tmp_path, teams=teams)) == [("IN010", "teams.yaml", 6, 3)]


def test_a_misspelt_parent_does_not_leave_the_parent_with_an_empty_charter(tmp_path: Path
                                                                          ) -> None:
    teams = TEAMS.replace("parent: company", "parent: Company")
    assert found(org(tmp_path, teams=teams)) == [("RF001", "teams.yaml", 9, 11)]
    # With the parent right, the parent's charter is covered by its child: still clean.
    assert found(org(tmp_path, teams=teams.replace("Company", "company"))) == []


# --- 4. duplicate entries in a list ------------------------------------------------------------

def test_a_repeated_entry_is_one_finding_at_the_repeat(tmp_path: Path) -> None:
    teams = TEAMS.replace("members: [liu-yang, lin-xue, ma-chao]",
                          "members: [liu-yang, lin-xue, ma-chao, lin-xue]").replace(
        "  responsibilities: [complaints]\n",
        "  responsibilities:\n    - complaints\n    - refunds\n    - complaints\n").replace(
        "  holders: [lin-xue, ma-chao]\n",
        "  holders: [lin-xue, ma-chao, 待招聘, 待招聘]\n  duties: [complaints, complaints]\n")
    teams += "- {kind: Responsibility, id: refunds, name: 退款处理}\n"
    path = org(tmp_path, teams=teams)
    assert [f for f in found(path) if f[0] == "RF004"] == [
        ("RF004", "teams.yaml", 11, 41), ("RF004", "teams.yaml", 15, 7),
        ("RF004", "teams.yaml", 22, 24)]
    [first] = [f for f in lint([str(path)], Config(lang="zh"), today=TODAY).findings
               if f.code == "RF004"][:1]
    assert (first.message, first.hint, first.related[0].location.col) == (
        "`members` 中 'lin-xue' 重复列出", "删去第二个 'lin-xue'", 23)


# --- 5, 6. the Markdown report ---------------------------------------------------------------

MEETING = """\
- kind: Meeting
  id: morning-standup
  name: 晨会
  cadence: 每个工作日 9:00
  owner: liu-yang
  attendees: [customer-service]
"""


def markdown(path: Path, lang: str) -> str:
    from orgspec.engine.lint import lint_org
    from orgspec.report.render import render_markdown
    from orgspec.report.view import build_view

    result, built = lint_org([str(path)], Config(lang=lang), today=TODAY)
    return render_markdown(build_view(result, built, lang))


def test_the_report_says_a_cadence_as_the_site_does(tmp_path: Path) -> None:
    path = org(tmp_path, teams=TEAMS + MEETING)
    assert "| 晨会 (`morning-standup`) | 每个工作日（周一至周五） · 09:00 | 刘洋 | 客服部 |" in \
        markdown(path, "zh").splitlines()
    assert "| 晨会 (`morning-standup`) | every workday (Mon–Fri) · 09:00 | 刘洋 | 客服部 |" in \
        markdown(path, "en").splitlines()


def test_a_report_without_errors_has_no_fix_first_section(tmp_path: Path) -> None:
    teams = TEAMS.replace("members: [liu-yang, lin-xue, ma-chao]", "members: [liu-yang, ma-chao]")
    text = markdown(org(tmp_path, teams=teams), "zh")
    assert "HI007" in text and "## 优先处理" not in text
    teams = teams.replace("parent: company", "parent: Company")
    assert "## 优先处理" in markdown(org(tmp_path, teams=teams), "zh")


# --- 8. who and show --------------------------------------------------------------------------

def test_who_folds_traditional_and_simplified(tmp_path: Path) -> None:
    from orgspec.engine.lint import load_org
    from orgspec.report.lookup import who

    teams = TEAMS.replace("name: 投诉处理", "name: 处理客户投诉与退换货")
    built = load_org([str(org(tmp_path, teams=teams))]).org
    assert [m["node"] for m in who(built, "退換貨")["matches"]] == ["responsibility:complaints"]
    assert [m["node"] for m in who(built, "退换货")["matches"]] == ["responsibility:complaints"]


def test_show_takes_a_name_and_says_names_and_labels_in_the_run_language(tmp_path: Path
                                                                        ) -> None:
    from conftest import run_cli

    path = org(tmp_path, teams=TEAMS + MEETING)
    run = run_cli("show", "person", "刘洋", str(path))
    assert (run.code, run.stdout.splitlines()) == (0, [
        "人员 liu-yang 刘洋",
        "  所在团队:", "    - customer-service 客服部",
        "  负责的团队:", "    - customer-service 客服部",
        "  批准 (A) 职责数: 1（本人或所任岗位 0 + 仅经由带领的团队 1）",
        "  会议:", "    - 会议 morning-standup 晨会 [每个工作日（周一至周五） · 09:00] · 主持",
        "  批准 (A):", "    - 职责 complaints 投诉处理 (经由团队 customer-service 客服部)"])
    run = run_cli("show", "role", "客服", str(path), "--lang", "en")
    assert run.stdout.splitlines() == [
        "role cs-specialist 客服专员", "  team: customer-service 客服部",
        "  holders:", "    - lin-xue 林雪", "    - ma-chao 马超", "  headcount: 2",
        "  open seats: 0"]
    run = run_cli("show", "meeting", "晨会", str(path))
    assert run.stdout.splitlines() == [
        "会议 morning-standup 晨会", "  主持人: liu-yang 刘洋",
        "  参会者:", "    - customer-service 客服部", "  频率: 每个工作日（周一至周五） · 09:00"]


def test_show_says_when_a_name_is_ambiguous_or_unknown(tmp_path: Path) -> None:
    from conftest import run_cli

    path = org(tmp_path, PEOPLE + "- {kind: Person, id: liu-ming, name: 刘明}\n")
    run = run_cli("show", "person", "刘", str(path), "--lang", "en")
    assert run.code == 2
    assert "'刘' names more than one person: liu-ming 刘明, liu-yang 刘洋" in run.stderr
    run = run_cli("show", "person", "赵六", str(path), "--lang", "en")
    assert (run.code, "no person '赵六'" in run.stderr) == (2, True)


# --- 9. small things -------------------------------------------------------------------------

def test_a_bad_id_is_quoted(tmp_path: Path) -> None:
    path = org(tmp_path, PEOPLE + "- {kind: Person, id: 🎉-x, name: 派对}\n")
    assert findings(path, "zh")[0][:3] == ("SC003", 5, "`id` '🎉-x' 必须是小写短标识")


def test_init_in_chinese_comments_its_ci_files_in_chinese(tmp_path: Path) -> None:
    import yaml

    from orgspec.adopt.init import plan

    zh, en = plan("zh"), plan("en")
    for name in (".pre-commit-config.yaml", ".github/workflows/orgspec.yml"):
        comments = [line for line in zh[name].splitlines() if "#" in line]
        assert comments and all(re.search("[\u4e00-\u9fff]", c) for c in comments), name
        assert yaml.safe_load(zh[name]) == yaml.safe_load(en[name])


def test_the_html_report_names_teams_and_says_families_in_the_run_language(tmp_path: Path
                                                                          ) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.report.render import render_html
    from orgspec.report.view import build_view

    teams = TEAMS.replace("members: [liu-yang, lin-xue, ma-chao]", "members: [liu-yang, ma-chao]")
    result, built = lint_org([str(org(tmp_path, teams=teams))], Config(lang="zh"), today=TODAY)
    html = render_html(build_view(result, built, "zh"))
    assert '<option value="customer-service">客服部</option>' in html
    assert "<tr><td>层级</td><td>1</td></tr>" in html  # HI007, not `hierarchy`
