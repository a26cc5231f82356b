"""Small problems fresh users hit: each reproduced as the user wrote it, in the three
languages where the wording is the point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli


def check(folder: Path, lang: str = "en", *extra: str) -> list[dict[str, Any]]:
    run = run_cli("check", str(folder), "--isolated", "--format", "json", "--lang", lang,
                  *extra)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings]


# --- 1. a Chinese id: the hint suggests its pinyin ------------------------------------------

@pytest.mark.parametrize(("kind", "written", "slug"), [
    ("Team", "大客户组", "da-ke-hu-zu"),
    ("Team", "大客戶組", "da-ke-hu-zu"),          # Traditional reads the same
    ("Team", "大客户组 VIP", "da-ke-hu-zu-vip"),  # mixed text keeps its ASCII
    ("Team", "VIP大客戶組", "vip-da-ke-hu-zu"),
    ("Person", "曾敏", "zeng-min"),                # a person's first character is a surname
])
def test_a_chinese_id_is_told_its_pinyin_slug(write_org, kind: str, written: str,
                                              slug: str) -> None:
    org = write_org({"t.yaml": f"kind: {kind}\nid: {written}\nname: x\n"})
    hints = {}
    for lang in ("en", "zh", "zh-Hant"):
        [f] = check(org, lang)
        assert where([f]) == [("SC003", "t.yaml", 2, 5)]
        hints[lang] = f["hint"]
    assert hints["en"] == (f"an id is written in a-z, 0-9, - and _: write it in pinyin, "
                           f"`{slug}`, and keep '{written}' as the `name`")
    assert hints["zh"] == \
        f"id 只能用 a-z、0-9、- 和 _：写成拼音 `{slug}`，把 '{written}' 留作 `name`"
    assert hints["zh-Hant"] == \
        f"id 只能用 a-z、0-9、- 和 _：寫成拼音 `{slug}`，把 '{written}' 留作 `name`"
    assert "order-platform" not in "".join(hints.values())


def test_an_id_whose_letters_a_slug_would_lose_keeps_the_general_hint(write_org) -> None:
    org = write_org({"t.yaml": "kind: Team\nid: Отдел\n"})
    [f] = check(org)
    assert f["hint"] == ("use a-z, 0-9, - and _, starting with a letter or digit, "
                         "e.g. order-platform")


def test_the_slug_maker_lives_in_text_and_adopt_uses_it() -> None:
    from orgspec.adopt.slug import IdMap
    from orgspec.text.slug import reading_id, slugify

    assert reading_id("大客户组") == slugify("大客户组", "team") == "da-ke-hu-zu"
    assert reading_id("Отдел") is None and reading_id("ok") is None
    ids = IdMap()
    assert (ids.get("team", "大客户组"), ids.get("team", "大客戶組")) == (
        "da-ke-hu-zu", "da-ke-hu-zu-2")


# --- 2. IME quotes around a whole name -----------------------------------------------------

QUOTED = """\
- {kind: Team, id: returns, name: “Returns Cell”, lead: ada, members: [ada, kf]}
- kind: Team
  id: refunds
  name: 「退货组」
- {kind: Team, id: kf, name: ＂客服部＂}
- kind: Person
  id: ada
  name: ‘#1 仓’
- {kind: Meeting, id: review, name: “双11”大促复盘会, cadence: weekly, owner: ada}
- {kind: Team, id: plain, name: "Plain"}
"""


def test_ime_quotes_around_a_whole_name_give_one_finding_at_the_value(write_org) -> None:
    org = write_org({"org.yaml": QUOTED})
    found = {lang: [f for f in check(org, lang) if f["code"] == "SC005"]
             for lang in ("en", "zh", "zh-Hant")}
    assert where(found["en"]) == [("SC005", "org.yaml", 1, 35), ("SC005", "org.yaml", 4, 9),
                                  ("SC005", "org.yaml", 5, 30), ("SC005", "org.yaml", 8, 9)]
    assert [(f["message"], f["hint"]) for f in found["en"]] == [
        ("name “Returns Cell” of team Returns Cell (returns) is inside the quotes “”, which "
         "YAML keeps as part of the name: a search for 'Returns Cell' does not find it",
         "write `name: Returns Cell` (quote a value with ASCII `\"` or `'` only)"),
        ("name 「退货组」 of team 退货组 (refunds) is inside the quotes 「」, which YAML keeps "
         "as part of the name: a search for '退货组' does not find it",
         "write `name: 退货组` (quote a value with ASCII `\"` or `'` only)"),
        ("name ＂客服部＂ of team 客服部 (kf) is inside the quotes ＂＂, which YAML keeps as "
         "part of the name: a search for '客服部' does not find it",
         "write `name: 客服部` (quote a value with ASCII `\"` or `'` only)"),
        # a value YAML would cut without quotes is suggested in ASCII quotes
        ("name ‘#1 仓’ of person #1 仓 (ada) is inside the quotes ‘’, which YAML keeps as part "
         "of the name: a search for '#1 仓' does not find it",
         "write `name: \"#1 仓\"` (quote a value with ASCII `\"` or `'` only)")]
    assert found["zh"][1]["message"] == (
        "团队 退货组 (refunds) 的名称 「退货组」 包在引号 「」 里，YAML 会把引号当作名称的一部分："
        "搜索 '退货组' 找不到它")
    assert found["zh"][1]["hint"] == "写成 `name: 退货组`（给值加引号只能用 ASCII 的 `\"` 或 `'`）"
    assert found["zh-Hant"][1]["message"] == (
        "團隊 退货组 (refunds) 的名稱 「退货组」 包在引號 「」 裡，YAML 會把引號當作名稱的一部分："
        "搜尋 '退货组' 找不到它")
    assert where(found["zh"]) == where(found["zh-Hant"]) == where(found["en"])


# --- 3. a parse failure's knock-on note follows it -------------------------------------------

BROKEN = {"a.yaml": "- {kind: Team, id: ops, name: 运营部}\n- kind: Person\n  id: ada\n"
                    "  name: [broken\n",
          "b.yaml": "- {kind: Person, id: bo, name: Bo}\n"}


def test_a_parse_error_is_one_finding_in_every_format(write_org) -> None:
    org = write_org(BROKEN)
    json_found = [(c, f, ln) for c, f, ln, _ in where(check(org))]
    assert json_found == [("IN001", "a.yaml", 5), ("HI007", "b.yaml", 1)]
    text = run_cli("check", str(org), "--isolated", "--lang", "en", "--format", "text").stdout
    codes = [ln.split(": ")[1].split()[0] for ln in text.splitlines() if ln.startswith(str(org))]
    assert codes == ["IN001", "HI007"]
    sarif = run_cli("check", str(org), "--isolated", "--lang", "en", "--format", "sarif")
    results = sarif.json()["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == [("IN001", 5), ("HI007", 1)]


# --- 5. zh-Hant: s2twp's phrase substitutions that change the meaning ------------------------

@pytest.mark.parametrize(("zh", "hant"), [
    ("发布组织手册", "發布組織手冊"),  # publishing: 發布, not s2twp's 釋出 (release)
    ("把 REPORT（Markdown）发布为此拉取请求上唯一的 orgspec 评论",
     "把 REPORT（Markdown）發布為此提取要求上唯一的 orgspec 留言"),
    ("没有权限", "沒有權限"),  # not s2twp's 許可權
    ("只有对象不同的职责", "只有對象不同的職責"),  # the object a duty acts on
    ("YAML 加载器构造对象", "YAML 載入器建構物件"),  # a programming object stays 物件
    ("文件夹", "資料夾"),  # a substitution that is right stays
])
def test_hant_prose_keeps_the_meaning_of_what_s2twp_substitutes(zh: str, hant: str) -> None:
    from orgspec.i18n.hant import prose

    assert prose(zh) == hant


def test_the_hant_catalog_and_templates_say_publish_as_taiwan_does() -> None:
    from conftest import REPO

    from orgspec.i18n.build import po_path

    written = [po_path("zh-Hant").read_text("utf-8"),
               *(p.read_text("utf-8") for p in (REPO / "templates" / "init" / "zh_Hant")
                 .rglob("*") if p.is_file())]
    for text in written:
        assert "釋出" not in text and "許可權" not in text
    assert "發布為此提取要求上唯一的 orgspec 留言" in written[0]


# --- 6. one folded-name index; one home for the closest language -----------------------------

def test_one_folded_name_index_finds_other_scripts_widths_cases_and_spacing() -> None:
    from orgspec.model.foldednames import FoldedNames

    names = FoldedNames({"林志偉": "lin", "HR部": "hr", "Returns Cell": "rc", "林志伟": "other"})
    assert names.get("林志伟") == "lin"  # the first of one folded name wins
    assert names.get("ＨＲ部") == "hr"
    assert names.get("returns  cell") == "rc"
    assert names.get("hr部") == "hr" and names.get("nobody") is None
    assert names.get("林志偉") == "lin"


def test_a_name_in_the_other_script_is_one_guess_for_the_hint_and_the_holdback(write_org
                                                                              ) -> None:
    org = write_org({"org.yaml": "- {kind: Team, id: ops, lead: lin, members: [lin]}\n"
                                 "- {kind: Person, id: lin, name: 林志偉}\n"
                                 "- {kind: Responsibility, id: refunds, accountable: 林志伟}\n"})
    [f] = [f for f in check(org) if f["code"] == "RF001"]
    assert f["hint"].startswith("林志伟 (林志偉) is the name of person `lin`: write `lin`")
    from orgspec.engine.lint import load_org
    from orgspec.model.unresolved import meant

    assert [u.meant for u in meant(load_org([str(org)]).org)] == ["lin"]


def test_the_closest_language_is_said_alike_for_the_variable_the_option_and_the_config(
        write_org, tmp_path: Path) -> None:
    from orgspec.i18n import lang_hint

    assert lang_hint("zh-Hnat") == " (did you mean 'zh-Hant'?)" and lang_hint("fr") == ""
    org = write_org({"org.yaml": "- {kind: Person, id: lin}\n"})
    env = run_cli("check", str(org), env={"ORGSPEC_LANG": "zh-Hnat"})
    option = run_cli("check", str(org), "--lang", "zh-Hnat")
    (tmp_path / ".orgspec.yaml").write_text("lang: zh-Hnat\n", "utf-8")
    config = run_cli("check", str(org), "--config", str(tmp_path / ".orgspec.yaml"))
    for run in (env, option, config):
        assert run.code == 2 and "（是不是要寫 'zh-Hant'？）" in run.stderr, run.stderr


# --- 7. a big roster's names of several people: a summary and one short note a name ---------

def _roster(tmp_path: Path, rows: list[str], *args: str) -> tuple[list[str], dict[str, str]]:
    roster, out = tmp_path / "r.csv", tmp_path / "org"
    roster.write_text("姓名,部门,职位\n" + "".join(f"{r}\n" for r in rows), "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en", *args)
    assert run.code == 0, run.stderr
    from orgspec.engine.lint import load_org

    org = load_org([str(out)]).org
    people = {f"{p.name}/{org.teams[t].name}": p.id for t in org.teams
              for p in (org.people[m] for m in org.teams[t].members)}
    return [ln for ln in run.stderr.splitlines() if "people" in ln], people


def test_names_of_several_people_are_one_summary_and_a_note_a_name(tmp_path: Path) -> None:
    # 3 names of 2, 3 and 2 people: 3 notes a name and one summary, not a note a pair
    rows = ["张伟,客服部,专员", "张伟,物流部,司机", "王芳,客服部,专员", "王芳,物流部,司机",
            "王芳,仓储部,主管", "李强,仓储部,主管", "李强,客服部,主管", "赵敏,客服部,经理"]
    notes, people = _roster(tmp_path, rows)
    assert notes == [
        "note: 3 names are each several people (7 people in all) and no employee ID or email "
        "tells them apart: told apart by department and title, one note a name below (if some "
        "are one person, give their rows one employee ID)",
        "note: r.csv:2: 张伟 is 2 people: zhang-wei (客服部), zhang-wei-2 (物流部)",
        "note: r.csv:4: 王芳 is 3 people: wang-fang (客服部), wang-fang-2 (物流部), "
        "wang-fang-3 (仓储部)",
        "note: r.csv:7: 李强 is 2 people: li-qiang (仓储部), li-qiang-2 (客服部)"]
    # each person keeps their id on a re-import, whatever the rows' order
    again, kept = _roster(tmp_path, list(reversed(rows)))
    assert kept == people and len(again) == 4


def test_the_summary_is_said_in_chinese(tmp_path: Path) -> None:
    roster, out = tmp_path / "r.csv", tmp_path / "org"
    roster.write_text("姓名,部门\n张伟,客服部\n张伟,物流部\n王芳,客服部\n王芳,物流部\n", "utf-8")
    for lang, word in (("zh", "个名字"), ("zh-Hant", "個名字")):
        run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", lang)
        assert word in run.stderr and "people" not in run.stderr, run.stderr


# --- 8. objectives and processes owned by a person carry the person's teams -----------------

OWNED = """\
- {kind: Team, id: company, name: 公司, lead: zhou, members: [zhou]}
- {kind: Team, id: cs, name: 客服部, parent: company, lead: li, members: [li]}
- {kind: Team, id: ops, name: 仓储物流部, parent: company, lead: wang, members: [wang]}
- {kind: Team, id: tech, name: 技术部, parent: company, lead: wang, members: [wang]}
- {kind: Person, id: zhou, name: 周明}
- {kind: Person, id: li, name: 李娜}
- {kind: Person, id: wang, name: 王芳}
- kind: Objective
  id: faster
  title: 提升发货速度
  owner: wang
  period: 2026-Q1
  key_results:
    - {id: k1, title: 优化发货流程}
- kind: Process
  id: returns
  name: 退货流程
  owner: li
  steps:
    - {id: start, name: 开始}
"""


def test_findings_on_what_a_person_owns_carry_the_persons_teams(write_org) -> None:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config, Selector
    from orgspec.report.view import build_view

    root = write_org({"o.yaml": OWNED})
    found = check(root, "en", "--select", "OK004,PR001")
    assert [(f["code"], f["entity"], f["teams"]) for f in found] == [
        ("OK004", "objective:faster", ["ops", "tech"]), ("PR001", "process:returns", ["cs"])]
    result, org = lint_org([str(root)], Config(select=[Selector("OK004", "t"),
                                                       Selector("PR001", "t")], lang="en"))
    health = {h.team: h.warnings + h.errors for h in build_view(result, org).health}
    assert health == {"company": 0, "cs": 1, "ops": 1, "tech": 1}
