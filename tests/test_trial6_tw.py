"""Trial 6 (a Taiwanese operations lead writing Traditional Chinese): the site speaks
Traditional Chinese only, config and CLI read languages alike, Taiwanese roster headers,
units on key results, Taiwanese cadences, the `tracker` field and Taiwan's wording."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

TW = FIXTURES / "tw-org"  # the trial's org, as its author wrote it (Traditional script)
_HAN = re.compile("[\u4e00-\u9fff]")


def simplified_only(text: str) -> list[str]:
    """The lines of `text` (the visible text of a page) that Taiwan-standard conversion
    (OpenCC s2tw) changes: written with a Simplified-only character."""
    import opencc

    s2tw = opencc.OpenCC("s2tw").convert
    return [line for line in text.splitlines() if _HAN.search(line) and s2tw(line) != line]


def visible(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def test_the_script_check_can_fail() -> None:
    assert simplified_only("✗ 不可衡量: 缺少 目标值") and not simplified_only("缺少目標值")


@pytest.fixture(scope="module")
def tw_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tw") / "site"
    run = run_cli("site", str(TW), "--isolated", "--lang", "zh-Hant", "-o", str(out))
    assert run.code == 0, run.stderr
    return out


def test_zh_hant_site_has_no_simplified_text(tw_site: Path) -> None:
    pages = sorted(tw_site.rglob("*.html"))
    assert len(pages) > 50
    leaks = {str(p.relative_to(tw_site)): bad for p in pages
             if (bad := simplified_only(visible(p.read_text("utf-8"))))}
    # what scripts show (search results, labels) and the feed; not the search index itself
    # (i*.js: tokens folded to Simplified) nor its folding table (meta.js)
    shown = [*tw_site.glob("search/d*.js"), *tw_site.glob("assets/*.js"),
             tw_site / "changes" / "feed.xml"]
    assert len(shown) >= 4
    leaks |= {str(p.relative_to(tw_site)): bad for p in shown
              if (bad := simplified_only(p.read_text("utf-8").replace("\\n", "\n")))}
    assert leaks == {}


@pytest.mark.parametrize(("lang", "kr", "kpi"), [
    ("zh-Hant", "✗ 不可衡量：缺少目標值", "✗ 不可衡量：缺少目標值"),
    ("zh", "✗ 不可衡量：缺少目标值", "✗ 不可衡量：缺少目标值"),
    ("en", "✗ not measurable: no target value", "✗ not measurable: no target value"),
])
def test_site_verdicts_are_said_like_the_report(tmp_path: Path, lang: str, kr: str,
                                                kpi: str) -> None:
    out = tmp_path / "site"
    assert run_cli("site", str(TW), "--isolated", "--lang", lang, "-o", str(out)).code == 0
    okr = " ".join(visible((out / "okrs" / "cs-2026q4-service.html").read_text("utf-8")).split())
    position = " ".join(visible((out / "positions" / "cs-lead.html").read_text("utf-8")).split())
    assert kr in okr
    assert kpi in position


# --- item 4: one reading of a language for --lang and the config's `lang:` ---------------------

EN = {"LANG": "en_US.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ORG = "- kind: Team\n  id: cs\n  name: 客服部\n"


@pytest.mark.parametrize(("written", "lang"), [
    ("zh-hant", "zh-Hant"), ("zh-Hant", "zh-Hant"), ("zh-TW", "zh-Hant"), ("zh_TW", "zh-Hant"),
    ("zh-HK", "zh-Hant"), ("zh-Hant-TW", "zh-Hant"), ("ZH", "zh"), ("zh-CN", "zh"),
    ("zh-Hans", "zh"), ("zh-Hans-TW", "zh"), ("en-US", "en"), ("EN", "en"),
])
def test_config_and_flag_read_a_language_alike(tmp_path: Path, written: str, lang: str) -> None:
    from orgspec.i18n import parse_lang

    assert parse_lang(written) == lang
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    (tmp_path / ".orgspec.yaml").write_text(f"lang: {written}\n", "utf-8")
    by_config = run_cli("check", cwd=tmp_path, env=EN)
    by_flag = run_cli("check", "--isolated", "--lang", written, "org", cwd=tmp_path, env=EN)
    assert by_config.code == by_flag.code == 0, by_config.stderr + by_flag.stderr
    said = {"zh-Hant": "發現 0 個錯誤", "zh": "发现 0 个错误", "en": "Found 0 errors"}[lang]
    assert by_config.stdout.splitlines()[-1].startswith(said)
    assert by_flag.stdout.splitlines()[-1].startswith(said)


@pytest.mark.parametrize(("written", "error"), [
    ("zh-Hnat", "orgspec: 錯誤：{cfg}:1:7：lang 必須是 zh、zh-Hant、en 之一，而不是 'zh-Hnat'"
                "（是不是要寫 'zh-Hant'？）"),
    ("繁體中文", "orgspec: 錯誤：{cfg}:1:7：lang 必須是 zh、zh-Hant、en 之一，而不是 '繁體中文'"
                "（是不是要寫 'zh-Hant'？）"),
    ("chinese", "orgspec: 错误：{cfg}:1:7：lang 必须是 zh、zh-Hant、en 之一，而不是 'chinese'"
                "（是不是要写 'zh'？）"),
    ("fr", "orgspec: error: {cfg}:1:7: lang must be one of zh, zh-Hant, en, not 'fr'"),
])
def test_a_mistyped_config_lang_is_said_in_the_language_it_means(
        tmp_path: Path, written: str, error: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text(ORG, "utf-8")
    cfg = tmp_path / ".orgspec.yaml"
    cfg.write_text(f"lang: {written}\n", "utf-8")
    run = run_cli("check", cwd=tmp_path, env=EN)
    assert (run.code, run.stderr.strip()) == (2, error.format(cfg=cfg))


def test_a_mistyped_flag_lang_is_said_in_the_language_it_means() -> None:
    run = run_cli("check", "--isolated", "--lang", "zh-Hnat", env=EN)
    assert (run.code, run.stderr.strip()) == (
        2, "orgspec: 錯誤：'--lang' 的值無效：'zh-Hnat' 不在可選值 zh、zh-Hant、en 之中"
           "（是不是要寫 'zh-Hant'？）（參見 `orgspec check --help`）")
    assert "--lang [zh|zh-Hant|en]" in run_cli("check", "--help").stdout


# --- item 3: a roster's standard headers, and the columns it does not read --------------------

FIELDS_ZH = "person、name、name_en、name_zh、name_zh_hant、email、title、team、team_id、" \
    "parent_team、parent_team_id、manager、lead"  # the fields --column takes (trial 35)
ROSTERS = {
    "zh-Hant": ("員工編號,姓名,電子郵件,職稱,部門,直屬主管,到職日\n"
                "E001,王大明,dm@x.tw,總經理,總經理室,,2020-01-01\n"
                "E002,林美玲,ml@x.tw,營運總監,營運部,王大明,2021-03-01\n"
                "E003,張偉,w@x.tw,活動營運專員,營運部,林美玲,2022-07-01\n",
                ["提示：roster.csv：未讀取的欄：到職日（orgspec 沒有對應的欄位；"
                 "若某欄其實是某個欄位、只是表頭不同，用 --column FIELD=表頭 讀取，FIELD 是 "
                 + FIELDS_ZH + " 之一）",
                 # Traditional names: ids other than pinyin are offered (trial 10)
                 "提示：團隊 id 是按部門名稱的拼音產生的：營運部 → ying-yun-bu、總經理室 → "
                 "zong-jing-li-shi；要自己指定，在員工名冊中加一欄部門編號（讀作 team_id；"
                 "表頭不同時用 --column team_id=表頭）",
                 "提示：沒有上級部門欄：部門層級按主管欄推斷，每個團隊掛在其負責人的上級所在的團隊"
                 "之下：營運部 → 總經理室；頂層：總經理室；在員工名冊中加上級部門欄即可自行指定"]),
    "zh": ("员工编号,姓名,邮箱,职位,部门,直属上级,入职日期\n"
           "E001,王大明,dm@x.cn,总经理,总经办,,2020-01-01\n"
           "E002,林美玲,ml@x.cn,运营总监,运营部,王大明,2021-03-01\n"
           "E003,张伟,w@x.cn,活动运营专员,运营部,林美玲,2022-07-01\n",
           ["提示：roster.csv：未读取的列：入职日期（orgspec 没有对应的字段；"
            "若某列其实是某个字段、只是表头不同，用 --column FIELD=表头 读取，FIELD 是 "
            + FIELDS_ZH + " 之一）",
            "提示：没有上级部门列：部门层级按上级列推断，每个团队挂在其负责人的上级所在的团队之下："
            "运营部 → 总经办；顶层：总经办；在花名册中加上级部门列即可自行指定"]),
    "en": ("Employee ID,Name,Email,Job Title,Department,Manager,Start date\n"
           "E001,Ada,ada@x.io,CEO,Office,,2020-01-01\n"
           "E002,Grace,grace@x.io,Head of Ops,Operations,Ada,2021-03-01\n"
           "E003,Linus,linus@x.io,Ops Specialist,Operations,Grace,2022-07-01\n",
           ["note: roster.csv: columns not read: Start date (orgspec keeps no such field; one that "
            "holds a field under another header is read with --column FIELD=HEADER, FIELD one of "
            "person, name, name_en, name_zh, name_zh_hant, email, title, team, team_id, "
            "parent_team, parent_team_id, manager, lead)",
            "note: no parent-department column: the department tree is taken from the manager "
            "column, each team under the team its head reports to: Operations → Office; "
            "top-level: Office; a parent-department column in the roster sets it instead"]),
}


@pytest.mark.parametrize("lang", ROSTERS)
def test_roster_reads_standard_headers_and_names_the_columns_it_ignores(
        tmp_path: Path, lang: str) -> None:
    import yaml

    text, notes = ROSTERS[lang]
    roster = tmp_path / "roster.csv"
    roster.write_text(text, "utf-8")
    out = tmp_path / "org"
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", lang)
    assert run.code == 0, run.stderr
    assert run.stderr.splitlines() == notes
    docs = [d for f in sorted(out.glob("*.yaml")) for d in yaml.safe_load(f.read_text("utf-8"))]
    people = {d["id"]: (d.get("title"), d.get("email")) for d in docs if d["kind"] == "Person"}
    rows = [line.split(",") for line in text.splitlines()[1:]]
    assert people == {r[0].lower(): (r[3], r[2]) for r in rows}
    leads = {d["name"]: d.get("lead") for d in docs if d["kind"] == "Team"}
    # the manager of the others; the CEO, alone in his department (trial 5 of zh-Hant)
    assert sorted(leads.values(), key=str) == ["e001", "e002"]


# --- item 9: a key result's values with its unit ------------------------------------------------

def test_with_unit_writes_values_as_people_do() -> None:
    from orgspec.text.quantity import with_unit

    assert [with_unit(v, u) for v, u in [("15", "分鐘"), ("2.8", "%"), ("3 分鐘", "分鐘"),
                                         ("4000", "NT$"), ("4.6", "/5"), ("", "分鐘"),
                                         ("3200", None), ("120", "minutes")]] == \
        ["15 分鐘", "2.8%", "3 分鐘", "NT$4000", "4.6/5", "", "3200", "120 minutes"]


def test_site_kr_tables_show_units(tw_site: Path) -> None:
    def rows(page: str) -> list[list[str]]:
        text = (tw_site / page).read_text("utf-8")
        return [[" ".join(visible(c).split()) for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
                for r in re.findall(r'<tr id="kr-.*?</tr>', text, re.S)]

    ops = {r[0]: r[1:5] for r in rows("okrs/ops-2026q4-double11.html")}
    assert ops["雙11 當日 GMV 從 NT$3,200 萬成長到 NT$4,000 萬"] == \
        ["雙11 當日 GMV", "3200 萬元", "", "4000 萬元"]
    assert ops["大促期間轉換率從 2.1% 提高到 2.8%"] == ["轉換率", "2.1%", "", "2.8%"]
    cs = {r[0]: r[1:5] for r in rows("okrs/cs-2026q4-service.html")}
    assert cs["首次回覆時間 FRT 從 15 分鐘降到 3 分鐘"] == ["FRT", "15 分鐘", "", "3 分鐘"]
    team = {r[0].split(" · ")[0]: r[1:5] for r in rows("teams/customer-service.html")}
    assert team["首次回覆時間 FRT 從 15 分鐘降到 3 分鐘"] == ["FRT", "15 分鐘", "", "3 分鐘"]


def test_golden_zh_hant_okr_and_position_pages(tmp_path: Path) -> None:
    from conftest import assert_golden

    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    result, org = lint_org([str(TW)], Config(lang="zh-Hant"))
    build_site(result, org, str(tmp_path), SiteOptions(git_dates=False, lang="zh-Hant"))
    for page in ("okrs/cs-2026q4-service.html", "okrs/ops-2026q4-double11.html",
                 "positions/cs-lead.html", "people/lin-mei-ling.html"):  # with her manager
        text = (tmp_path / page).read_text("utf-8").replace(str(TW), "tests/fixtures/tw-org")
        assert_golden("site-tw/" + page.replace("/", "--"), text)


# --- item 10: the cadences people in Taiwan, Hong Kong and the mainland write -------------------

WEEKDAYS = (0, 1, 2, 3, 4)


@pytest.mark.parametrize(("text", "cadence", "days", "time"), [
    ("平日 09:30", "daily", WEEKDAYS, "09:30"),  # zh-Hant: weekdays
    ("平日早上9點", "daily", WEEKDAYS, "09:00"),
    ("每個工作日 09:30", "daily", WEEKDAYS, "09:30"),
    ("週一至週五 09:30", "daily", WEEKDAYS, "09:30"),
    ("工作日", "daily", WEEKDAYS, ""),  # zh (was: every day)
    ("工作日 9:00", "daily", WEEKDAYS, "09:00"),
    ("weekdays 9:30", "daily", WEEKDAYS, "09:30"),
    ("every business day 9am", "daily", WEEKDAYS, "09:00"),
    ("每日 09:30", "daily", (), "09:30"),  # every day, weekends too: as written
    ("每天", "daily", (), ""),
    ("daily 9:30", "daily", (), "09:30"),
    ("隔週三 14:00", "biweekly", (2,), "14:00"),  # zh-Hant: every other Wednesday
    ("每隔一週週三", "biweekly", (2,), ""),
    ("雙週三 14:00", "biweekly", (2,), "14:00"),
    ("隔周三 14:00", "biweekly", (2,), "14:00"),  # zh
    ("双周三 下午2点", "biweekly", (2,), "14:00"),
    ("每两周的周三 10:00", "biweekly", (2,), "10:00"),
    ("every other Wednesday 2pm", "biweekly", (2,), "14:00"),  # en
    ("every other week", "biweekly", (), ""),
    ("biweekly Wed 14:00", "biweekly", (2,), "14:00"),
    ("假日 10:00", None, (), ""),  # not understood: never guessed
])
def test_cadences_of_taiwan_the_mainland_and_english(
        text: str, cadence: str | None, days: tuple[int, ...], time: str) -> None:
    from orgspec.model.schedule import Schedule, schedule_of

    assert schedule_of(text) == (Schedule(cadence, days, time) if cadence else Schedule(None))


def test_calendar_places_weekdays_biweekly_and_every_day(tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    meetings = [("standup", "平日 09:30"), ("review", "隔週三 14:00"), ("sync", "每日 18:00")]
    (org / "m.yaml").write_text(
        "- {kind: Team, id: t, name: 團隊, lead: p, members: [p]}\n"
        "- {kind: Person, id: p, name: 陳靜}\n" + "".join(
            f"- {{kind: Meeting, id: {m}, name: {m}, cadence: {c}, owner: p, attendees: [t]}}\n"
            for m, c in meetings), "utf-8")
    check = run_cli("check", str(org), "--isolated", "--select", "MT", "--lang", "zh-Hant")
    assert (check.code, check.stdout.splitlines()[:-1]) == (0, [])  # no MT002
    out = tmp_path / "site"
    assert run_cli("site", str(org), "--isolated", "-o", str(out)).code == 0
    page = (out / "calendar.html").read_text("utf-8")
    grid = {row[0]: [m for m in row[1:]] for row in (
        [c for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)]
        for r in re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], re.S))}
    placed = {t: [i for i, cell in enumerate(cells) if "meetings/" in cell]
              for t, cells in grid.items()}
    assert placed == {"09:30": [0, 1, 2, 3, 4], "14:00": [2], "18:00": [0, 1, 2, 3, 4, 5, 6]}


@pytest.mark.parametrize(("lang", "forms"), [
    ("zh-Hant", "工作日 9:30、隔週三 14:00"), ("zh", "工作日 9:30、隔周三 14:00"),
    ("en", "weekdays 9:30, every other Wednesday 14:00"),
])
def test_mt002s_docs_name_the_weekday_forms(lang: str, forms: str) -> None:
    """The forms are in `orgspec explain MT002`; the finding's hint is short (trial 9)."""
    run = run_cli("explain", "MT002", "--lang", lang)
    assert forms in " ".join(run.stdout.split())


# --- item 12: `tracker` is a person, team or position -------------------------------------------

TRACKER_ORG = """\
- {kind: Team, id: ops, name: 營運部, lead: p, members: [p], responsibilities: [incident]}
- {kind: Person, id: p, name: 林美玲}
- {kind: Responsibility, id: incident, name: 大促異常應變}
- kind: Process
  id: flow
  name: 大促異常應變流程
  owner: ops
  responsibility: incident
  require_tracker: true
  steps:
    - {id: detect, name: 發現異常, owner: ops, tracker: Jira OPS}
"""


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh-Hant", "建議: 環節的 `tracker` 是追蹤這一環節的團隊、人員或職位，不是工具：工具寫在流程的 "
                "`trackers` 裡"),
    ("zh", "建议: 环节的 `tracker` 是追踪这一环节的团队、人员或岗位，不是工具：工具写在流程的 "
           "`trackers` 里"),
    ("en", "hint: a step's `tracker` is the team, person or position that follows it up, not a "
           "tool: name tools in the process's `trackers`"),
])
def test_a_tool_written_as_tracker_is_told_what_tracker_is(write_org, lang: str,
                                                           hint: str) -> None:
    org = write_org({"org.yaml": TRACKER_ORG})
    run = run_cli("check", str(org), "--isolated", "--select", "RF001", "--lang", lang)
    lines = run.stdout.splitlines()
    assert (run.code, len(lines), "RF001" in lines[0], lines[1].strip()) == (1, 3, True, hint)


def test_readme_process_example_is_a_valid_process(tmp_path: Path) -> None:
    import shutil

    from conftest import EXAMPLES, REPO

    readme = (REPO / "README.md").read_text("utf-8")
    [snippet] = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S)
                 if "kind: Process" in b]
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org)
    (org / "processes" / "complaint-flow.yaml").write_text(snippet, "utf-8")
    run = run_cli("check", str(org), "--isolated", "--format", "json", "--lang", "en")
    about = [f for f in run.json()["findings"]
             if "complaint-flow" in f["entity"] + f["file"]]
    assert about == []
    shown = run_cli("show", "process", "complaint-flow", str(org), "--isolated").stdout
    assert "接收与分类" in shown


# --- item 15: Taiwan's words in zh-Hant --------------------------------------------------------

MAINLAND = ("崗位", "跟進人", "跟蹤人", "縮進", "郵箱", "工號", "拉取請求", "註釋", "待招聘")


def test_zh_hant_catalog_says_taiwan_terms() -> None:
    from babel.messages.pofile import read_po

    from orgspec.i18n import LOCALE_DIR
    from orgspec.i18n.hant import QUOTED

    with (LOCALE_DIR / "zh_Hant" / "LC_MESSAGES" / "orgspec.po").open("rb") as fh:
        catalog = read_po(fh)
    prose = [QUOTED.sub("", m.string) for m in catalog if m.id and isinstance(m.string, str)]
    assert {w: [p for p in prose if w in p] for w in MAINLAND} == {w: [] for w in MAINLAND}
    assert "職位" in prose and "職稱" in prose and "追蹤人" in prose  # Position; Title; Tracker


def test_zh_hant_explain_shows_traditional_examples_in_corner_brackets() -> None:
    run = run_cli("explain", "OK004", "--lang", "zh-Hant")
    assert run.code == 0
    assert simplified_only(run.stdout) == []
    assert "title: 提升使用者活躍度" in run.stdout and "「提升使用者活躍度」" in run.stdout
    assert "title: 提升用户活跃度" in run_cli("explain", "OK004", "--lang", "zh").stdout


@pytest.mark.parametrize(("lang", "people", "direction"), [
    ("zh-Hant", "姓名,部門,職稱,直屬主管,電子郵件,上級部門,負責人,orgspec 人員編號,"
                "orgspec 部門編號,orgspec 上級部門編號", "減少"),
    ("zh", "姓名,部门,职位,直属上级,邮箱,上级部门,负责人,orgspec 人员编号,orgspec 部门编号,"
           "orgspec 上级部门编号", "减少"),
    ("en", "name,team,title,manager,email,parent_team,lead,orgspec person id,orgspec team id,"
           "orgspec parent team id", "decrease"),
])
def test_export_headers_and_directions_in_the_run_language(
        tmp_path: Path, lang: str, people: str, direction: str) -> None:
    import csv

    out = tmp_path / "out"
    run = run_cli("export", str(TW), "--isolated", "--format", "csv", "--lang", lang,
                  "-o", str(out))
    assert run.code == 0, run.stderr
    assert (out / "people.csv").read_text("utf-8-sig").splitlines()[0] == people
    with (out / "key-results.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    frt = next(r for r in rows if r[4] == "frt")
    assert frt[11] == direction
    if lang == "zh-Hant":  # what orgspec exports, orgspec imports
        back = run_cli("import", "roster", str(out / "people.csv"), "-o", str(tmp_path / "b"))
        assert back.code == 0 and back.stderr == "", back.stderr


ALIAS_ORG = """\
- {kind: Team, id: technology, aliases: tech, name: 技術部, lead: p, members: [p],
   responsibilities: [stability]}
- {kind: Person, id: p, name: 吳建宏}
- {kind: Responsibility, id: stability, name: 系統穩定性, consulted: tech}
"""


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh-Hant", "建議: 請寫 `technology`：'tech' 留在 `aliases` 裡，只是為了讓舊連結繼續有效"),
    ("zh", "建议: 请写 `technology`：'tech' 留在 `aliases` 里，只是为了让旧链接继续有效"),
    ("en", "hint: write `technology`: 'tech' is kept in its `aliases` only so that old links "
           "still work"),
])
def test_a_reference_to_a_former_id_names_the_new_one(write_org, lang: str, hint: str) -> None:
    org = write_org({"org.yaml": ALIAS_ORG})
    run = run_cli("check", str(org), "--isolated", "--select", "RF005", "--lang", lang)
    assert [line.strip() for line in run.stdout.splitlines()[1:-1]] == [hint]


@pytest.mark.parametrize(("codec", "lang", "hint"), [
    ("cp950", "zh-Hant", "建議: 看起來是 Big5 編碼：請把檔案另存為 UTF-8（orgspec 只讀取 UTF-8）"),
    ("gb18030", "zh", "建议: 看起来是 GBK 编码：请把文件另存为 UTF-8（orgspec 只读取 UTF-8）"),
    ("cp950", "en", "hint: it looks like Big5: save the file as UTF-8 (orgspec reads only UTF-8)"),
    ("latin-1", "en", "hint: save the file as UTF-8 (Big5, GBK and Latin-1 are not read)"),
])
def test_a_legacy_encoding_is_named(tmp_path: Path, codec: str, lang: str, hint: str) -> None:
    org = tmp_path / "org"
    org.mkdir()
    text = ("- kind: Team\n  id: cs\n  name: 客服部\n  mission: 二十四小時內回覆每一位顧客\n"
            if codec != "latin-1" else "- kind: Team\n  id: cs\n  name: Café\n")
    (org / "org.yaml").write_bytes(text.encode(codec))
    run = run_cli("check", str(org), "--isolated", "--lang", lang)
    assert "IN002" in run.stdout and run.stdout.splitlines()[1].strip() == hint


@pytest.mark.parametrize(("value", "lang"), [
    ("zh_TW.UTF-8", "zh-Hant"), ("zh_Hant_TW.UTF-8", "zh-Hant"), ("zh_TW:en", "zh-Hant"),
    ("zh_HK@stroke", "zh-Hant"), ("zh_Hans_SG", "zh"), ("zh_CN.GB2312", "zh"), ("zh", "zh"),
    ("C.UTF-8", "en"), ("en_GB", "en"),
])
def test_the_locale_is_read_by_the_same_parser(value: str, lang: str) -> None:
    from orgspec.i18n import locale_lang

    assert locale_lang({"LANG": value}) == lang
