"""An operations lead's trial (trial 7, Simplified and Taiwanese Traditional): RACI words in
Chinese, team-inherited duties, reports' code spans, messages, vacancy words, roster headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

CHARTER = """\
- kind: Team
  id: ops
  name: 运营部
  lead: p
  members: [p]
  responsibilities:
    - {{id: d, name: 退款处理, role: {role}}}
- kind: Person
  id: p
  name: 林雪
"""

DUTY_FIELD = """\
- kind: Team
  id: ops
  name: 运营部
  lead: p
  members: [p]
- kind: Person
  id: p
  name: 林雪
- kind: Responsibility
  id: d
  name: 订单履约
  {field}: ops
"""


def check(folder: Path, lang: str) -> list[dict[str, Any]]:
    run = run_cli("check", str(folder), "--isolated", "--format", "json", "--lang", lang)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


@pytest.mark.parametrize(("word", "role"), [
    ("执行", "responsible"), ("負責執行", "responsible"), ("审批", "accountable"),
    ("拍板", "accountable"), ("最終負責", "accountable"), ("諮詢", "consulted"),
    ("知会", "informed"), ("告知", "informed"), ("R", "responsible")])
@pytest.mark.parametrize(("lang", "said"), [("zh", "写成 `role: {role}`"),
                                             ("zh-Hant", "寫成 `role: {role}`"),
                                             ("en", "write `role: {role}`")])
def test_a_chinese_raci_word_as_the_role_hints_the_role(write_org: Any, word: str, role: str,
                                                        lang: str, said: str) -> None:
    found = check(write_org({"org.yaml": CHARTER.format(role=word)}), lang)
    assert [(f["code"], f["line"], f["hint"]) for f in found] == \
        [("SC003", 7, said.format(role=role))]


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "若是做事的一方写成 `role: responsible`（执行方 R），若是对结果负责、拍板的一方写成 "
           "`role: accountable`（批准方 A）"),
    ("zh-Hant", "若是做事的一方寫成 `role: responsible`（執行方 R），"
                "若是對結果負責、拍板的一方寫成 `role: accountable`（批准方 A）"),
    ("en", "write `role: responsible` if it does the work, or `role: accountable` if it "
           "answers for the outcome")])
def test_fuzeren_alone_is_ambiguous_so_both_roles_are_offered(write_org: Any, lang: str,
                                                               said: str) -> None:
    found = check(write_org({"org.yaml": CHARTER.format(role="负责")}), lang)
    assert [(f["code"], f["hint"]) for f in found] == [("SC003", said)]


@pytest.mark.parametrize(("field", "lang", "said"), [
    ("执行", "zh", "写成 `responsible: ops`"), ("審批", "zh-Hant", "寫成 `accountable: ops`"),
    ("知会", "en", "write `informed: ops`"),
    ("负责", "en", "write `responsible: ops` if it does the work, or `accountable: ops` if it "
                   "answers for the outcome"),
    ("負責", "zh-Hant", "若是做事的一方寫成 `responsible: ops`（執行方 R），"
                        "若是對結果負責、拍板的一方寫成 `accountable: ops`（批准方 A）")])
def test_a_raci_field_written_in_chinese_hints_the_field(write_org: Any, field: str, lang: str,
                                                         said: str) -> None:
    found = check(write_org({"org.yaml": DUTY_FIELD.format(field=field)}), lang)
    assert [(f["line"], f["hint"]) for f in found if f["code"] == "SC001"] == [(12, said)]


@pytest.mark.parametrize(("lang", "label"), [("zh", "批准 (A)"), ("zh-Hant", "批准 (A)"),
                                             ("en", "accountable")])
def test_the_accountable_label_is_not_the_word_charts_use_for_r(lang: str, label: str) -> None:
    from orgspec.i18n import M, say

    assert say(M("accountable"), lang) == label


TEAM_DUTY = """\
- {kind: Team, id: cs, name: 客服部, lead: he, members: [he, lin]}
- {kind: Person, id: he, name: 何丽}
- {kind: Person, id: lin, name: 林雪, title: 客服专员}
- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs}
"""


@pytest.mark.parametrize(("lang", "heading", "role"), [
    ("zh", "所在团队负责的职责（由团队整体承担，不是本人的个人职责）:", "批准 (A)"),
    ("zh-Hant", "所在團隊負責的職責（由團隊整體承擔，不是本人的個人職責）:", "批准 (A)"),
    ("en", "duties of their teams (held by the team, not personally):", "accountable")])
def test_a_members_team_duties_are_not_their_own_accountability(write_org: Any, lang: str,
                                                                heading: str, role: str) -> None:
    folder = write_org({"org.yaml": TEAM_DUTY})
    lines = run_cli("show", "person", "lin", str(folder), "--lang", lang).stdout.splitlines()
    assert f"  {role}:" not in lines
    at = lines.index(f"  {heading}")
    assert lines[at + 1].startswith("    - ") and "complaints" in lines[at + 1] and \
        f" · {role} (" in lines[at + 1]
    lead = run_cli("show", "person", "he", str(folder), "--lang", lang).stdout.splitlines()
    assert f"  {role}:" in lead and f"  {heading}" not in lead


def test_message_code_spans_are_code_in_markdown_and_safe() -> None:
    from orgspec.escape import md_with_code

    assert md_with_code("`cadence` 后面是全角冒号 `：`") == "`cadence` 后面是全角冒号 `：`"
    # outside a span everything is escaped as before; inside, `|` (a GFM cell) is escaped,
    # hidden characters shown as their escapes, and no markup or mention escapes the span
    assert md_with_code("*x* `a|b` @team <b>") == "\\*x\\* `a\\|b` @\u200bteam \\<b>"
    assert md_with_code("`\u202eevil` ok") == "`\\u202eevil` ok"
    assert md_with_code("`a` `") == "`a` \\`"
    assert md_with_code("` a`") == "`  a `"


def test_message_code_spans_are_code_elements_in_html_and_escaped() -> None:
    from orgspec.escape import html_with_code

    assert html_with_code("写成 `cadence: 每日`") == "写成 <code>cadence: 每日</code>"
    assert html_with_code("<i>`<script>`</i> `\u202e`") == \
        "&lt;i&gt;<code>&lt;script&gt;</code>&lt;/i&gt; <code>[U+202E]</code>"


@pytest.mark.parametrize(("fmt", "code"), [("md", "`role: responsible`"),
                                           ("html", "<code>role: responsible</code>")])
def test_reports_show_a_hints_code_as_code(write_org: Any, tmp_path: Path, fmt: str,
                                           code: str) -> None:
    folder = write_org({"org.yaml": CHARTER.format(role="执行")})
    out = tmp_path / f"report.{fmt}"
    run_cli("report", str(folder), "--isolated", "--lang", "zh", "--format",
            "markdown" if fmt == "md" else "html", "-o", str(out))
    text = out.read_text("utf-8")
    assert f"写成 {code}" in text and "\\`" not in text


@pytest.mark.parametrize(("lang", "line"), [("zh", "建议: 写成 `role: responsible`"),
                                            ("zh-Hant", "建議: 寫成 `role: responsible`"),
                                            ("en", "hint: write `role: responsible`")])
def test_sarif_results_carry_the_hint(write_org: Any, lang: str, line: str) -> None:
    import json

    folder = write_org({"org.yaml": CHARTER.format(role="执行")})
    run = run_cli("check", str(folder), "--isolated", "--format", "sarif", "--lang", lang)
    [result] = json.loads(run.stdout)["runs"][0]["results"]
    message, hint = result["message"]["text"].split("\n")
    assert hint == line and "`role`" in message
    assert result["properties"]["hint"] == line.split(": ", 1)[1]
    assert set(result["properties"]) == {"hint", "entity"}


@pytest.mark.parametrize(("title", "target", "shown"), [
    ("核心交易链路可用性达到99.95%", None, "99.95%"),
    ("客诉率从 0.8% 降至 0.5%", None, "0.5%"),
    ("Raise NPS from 30 to 45 by 2026-06-30", None, "45"),
    ("Improve CSAT to 4.6 分以上 by end of Q4", None, "4.6 分以上"),
    ("Q3 营收增长 20%", None, "20%"),
    ("Reply within 2 minutes", None, "2 minutes"),
    ("首次回覆時間不超過 2 分鐘", None, "不超過 2 分鐘"),
    ("GMV 达到 5000 万元（2026 年底）", None, "5000 万元"),
    ("核心交易链路可用性达到99.95%", "99.99%", "99.99%"),
    ("提升用户满意度", None, "")])
def test_a_key_results_target_is_read_from_its_sentence(title: str, target: str | None,
                                                        shown: str) -> None:
    from orgspec.model.okr import judge, stated_target

    said = judge(title, None, target, dated=True)
    assert stated_target(title, target, said) == shown


OKRS = TEAM_DUTY + """\
- kind: Objective
  id: o1
  title: 客服体验更好
  owner: cs
  period: 2026-Q1
  key_results:
    - {id: k1, title: 核心交易链路可用性达到99.95%, due: 2026-03-31}
    - {id: k2, title: 首次响应时间不超过 2 分钟, due: 2026-03-31}
- kind: Objective
  id: o2
  title: 无周期目标
  owner: cs
  key_results: [{id: k1, title: 客诉率降至 0.3% 以下}]
"""


@pytest.mark.parametrize(("lang", "count"), [("zh", "2 个关键结果"), ("zh-Hant", "2 個關鍵結果"),
                                             ("en", "2 key results")])
def test_the_okr_index_lists_objectives_with_owner_and_key_results(
        write_org: Any, tmp_path: Path, lang: str, count: str) -> None:
    import re

    folder = write_org({"org.yaml": OKRS})
    out = tmp_path / "site"
    run_cli("site", str(folder), "--isolated", "--lang", lang, "-o", str(out))
    index = (out / "okrs" / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", index.split("<main")[1]))
    assert f"客服体验更好 · 客服部 · {count}" in text
    page = (out / "okrs" / "o1.html").read_text("utf-8")
    assert "<td>99.95%</td>" in page


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("zh", "YAML 中的值不能以 `*` 或 `&` 开头：它们表示别名或锚点",
     "给这个值加上引号，例如 `description: \"*重点* 品牌宣传\"`"),
    ("zh-Hant", "YAML 中的值不能以 `*` 或 `&` 開頭：它們表示別名或錨點",
     "給這個值加上引號，例如 `description: \"*重點* 品牌宣傳\"`"),
    ("en", "a value cannot start with `*` or `&` in YAML: they mark an alias or an anchor",
     "put the value in quotes, e.g. `description: \"*重点* 品牌宣传\"`")])
@pytest.mark.parametrize("value", ["*重点* 品牌宣传", "&重点 品牌宣传"])
def test_a_value_starting_with_a_star_says_to_quote_it(write_org: Any, lang: str, message: str,
                                                       hint: str, value: str) -> None:
    found = check(write_org({"org.yaml": DUTY_FIELD.format(field="description").replace(
        "description: ops", f"description: {value}")}), lang)
    syntax = [(f["line"], f["message"], f["hint"]) for f in found if f["code"] == "IN001"]
    assert syntax == [(12, message, hint)]


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "职责 'd' 的 RACI 列表 `accountable` 中的 'warehose' 不是已知的团队、人员或岗位"),
    ("zh-Hant", "職責 'd' 的 RACI 清單 `accountable` 中的 'warehose' 不是已知的團隊、人員或職位"),
    ("en", "unknown Team, Person or Role 'warehose' in RACI list `accountable` of duty 'd'")])
def test_three_kinds_are_listed_with_commas_and_one_or(write_org: Any, lang: str,
                                                       said: str) -> None:
    found = check(write_org({"org.yaml": DUTY_FIELD.format(field="accountable").replace(
        "accountable: ops", "accountable: warehose")}), lang)
    assert [f["message"] for f in found if f["code"] == "RF001"] == [said]


PERIOD = TEAM_DUTY + """\
- kind: Objective
  id: o1
  title: 客服体验更好
  owner: cs
  period: PERIOD
  key_results: [{id: k1, title: 客诉率降至 0.3% 以下, due: 2025-12-31}]
"""


@pytest.mark.parametrize(("period", "lang", "message", "hint"), [
    ("2025年", "zh", "目标 'o1' 的 `period` 的值 '2025年' 不是周期写法：请写 `2025`",
     "周期写成 2025、2025-H1 或 2025-Q1"),
    ("2025 Q3", "zh-Hant", "目標 'o1' 的 `period` 的值 '2025 Q3' 不是週期寫法：請寫 `2025-Q3`",
     "週期寫成 2025、2025-H1 或 2025-Q1"),
    ("2025年", "en", "objective 'o1': `period` '2025年' is not a period: write `2025`",
     "periods are written 2025, 2025-H1 or 2025-Q1"),
    ("明年", "en", "objective 'o1': `period` '明年' is not a period",
     "periods are written 2026, 2026-H1 or 2026-Q1")])
def test_a_period_hint_uses_the_year_written(write_org: Any, period: str, lang: str,
                                             message: str, hint: str) -> None:
    found = check(write_org({"org.yaml": PERIOD.replace("PERIOD", period)}), lang)
    assert [(f["message"], f["hint"]) for f in found if f["code"] == "SC003"] == [(message, hint)]


@pytest.mark.parametrize("lang", ["zh", "zh-Hant", "en"])
def test_explain_shows_no_test_markers(lang: str) -> None:
    out = run_cli("explain", "OK004", "--lang", lang).stdout
    assert "{id: activity, title: " in out and "expect:" not in out


SEAT = TEAM_DUTY + """\
- kind: Role
  id: agent
  name: 客服专员
  team: cs
  headcount: 2
  holders: [lin, WORD]
"""


@pytest.mark.parametrize("word", ["徵才中", "招募中", "招聘中", "待聘", "空缺", "TBD", "hiring",
                                  "徵人中", "職缺"])
@pytest.mark.parametrize(("lang", "said"), [("zh", "（写作 '{word}'）"),
                                            ("zh-Hant", "（寫作 '{word}'）"),
                                            ("en", "(written as '{word}')")])
def test_vacancy_words_mark_an_open_seat(write_org: Any, word: str, lang: str,
                                         said: str) -> None:
    found = check(write_org({"org.yaml": SEAT.replace("WORD", word)}), lang)
    assert [f["code"] for f in found if f["code"].startswith(("RF", "RO"))] == ["RO001"]
    assert said.format(word=word) in next(f["message"] for f in found if f["code"] == "RO001")


@pytest.mark.parametrize("title_rows", ["优选商城员工花名册（2026年11月）,,,\n",
                                        "\n員工名冊,,,\n製表：人資部,,,\n"])
def test_a_roster_with_a_title_row_above_the_header_imports(tmp_path: Path,
                                                            title_rows: str) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(title_rows + "工号,姓名,部门,部门编号\nE001,王军,总经办,company\n"
                      "E002,林雪,客服部,cs\n", encoding="utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"), "--lang", "zh")
    assert run.code == 0, run.stderr
    people = "".join(p.read_text("utf-8") for p in (tmp_path / "org").rglob("*.yaml"))
    assert "王军" in people and "林雪" in people


@pytest.mark.parametrize(("env", "said"), [
    ("zh_CN.UTF-8", "表头中没有团队列和姓名列"), ("zh_TW.UTF-8", "表頭中沒有團隊欄和姓名欄"),
    ("C.UTF-8", "no team and name columns in the header")])
def test_a_roster_without_its_columns_is_said_in_the_locales_language(
        tmp_path: Path, env: str, said: str) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("a,b\n1,2\n", encoding="utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(tmp_path / "org"),
                  env={"LANG": env, "LC_ALL": "", "LANGUAGE": ""})
    assert run.code == 2 and said in run.stderr


# a reader's sentence, not the builder's instruction (trial 19: `orgspec site` says that on
# its stderr)
@pytest.mark.parametrize(("lang", "no_tag", "no_change"), [
    ("zh", "还没有变更记录。", "组织没有变化。"),
    ("zh-Hant", "還沒有變更紀錄。", "組織沒有變化。"),
    ("en", "No change record yet.", "No org changes.")])
def test_the_home_page_says_when_there_is_no_tag_to_compare_against(
        write_org: Any, tmp_path: Path, lang: str, no_tag: str, no_change: str) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    result, org = lint_org([str(write_org({"org.yaml": TEAM_DUTY}))], Config(lang=lang))
    for since, said, not_said in (("", no_tag, no_change), ("v1.0", no_change, no_tag)):
        out = tmp_path / f"site{since}"
        build_site(result, org, str(out), SiteOptions(git_dates=False, since=since))
        for page in ("index.html", "changes/index.html"):
            html = (out / page).read_text("utf-8")
            assert said in html and not_said not in html, (since, page)
