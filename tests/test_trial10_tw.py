"""What a Taipei HR/ops lead met (trial 10, 2026-12, zh-Hant, Zhuyin IME): a Chinese RACI
word written as a duty's field (`負責人：ke-fu-bu`, `負責人: ke-fu-bu`) said vaguely or as
four findings, a team's name in `accountable` holding back only some of what follows, a tab
hint that led to a wrong fix, and a parse error told twice. The org is hers
(`fixtures/shoplink`), one slip at a time."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

SHOPLINK = Path(__file__).resolve().parent / "fixtures" / "shoplink" / "org"
LINE = "  accountable: ke-fu-bu\n"  # complaint-handling's, line 6 of work/duties.yaml


def slipped(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    """Her org with `old` written as `new` in file `rel`."""
    org = tmp_path / "org"
    shutil.copytree(SHOPLINK, org)
    text = (org / rel).read_text("utf-8")
    assert old in text
    (org / rel).write_text(text.replace(old, new, 1), "utf-8")
    return org


def check(org: Path, lang: str = "en") -> list[dict[str, Any]]:
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang, cwd=org.parent)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], f["file"].split("org/", 1)[-1], f["line"], f["column"])
            for f in findings]


def test_her_org_is_clean(tmp_path: Path) -> None:
    assert check(slipped(tmp_path, "work/duties.yaml", LINE, LINE)) == []


# 1. `負責人：ke-fu-bu` on a duty: the field it names, after a full-width colon

@pytest.mark.parametrize(("written", "field"), [
    ("負責人：ke-fu-bu", "accountable"), ("負責人： ke-fu-bu", "accountable"),
    ("负责人：ke-fu-bu", "accountable"), ("執行人：ke-fu-bu", "responsible"),
    ("A：ke-fu-bu", "accountable"), ("R：ke-fu-bu", "responsible"),
    ("諮詢：ke-fu-bu", "consulted"), ("知會：ke-fu-bu", "informed"),
])
def test_a_raci_word_before_a_full_width_colon_names_its_field(
        tmp_path: Path, written: str, field: str) -> None:
    found = check(slipped(tmp_path, "work/duties.yaml", LINE, f"  {written}\n"))
    assert where(found) == [("IN001", "work/duties.yaml", 6, written.index("：") + 3)]
    word = written.split("：")[0]
    assert found[0]["message"] == (
        f"a full-width colon `：` (U+FF1A) follows `{word}` (the field `{field}`): YAML "
        "needs an ASCII colon, so it does not read a field here")
    assert found[0]["hint"].startswith(f"write `{field}: ke-fu-bu`")


def test_the_person_in_charge_is_said_in_her_language(tmp_path: Path) -> None:
    found = check(slipped(tmp_path, "work/duties.yaml", LINE, "  負責人：ke-fu-bu\n"),
                  "zh-Hant")
    assert found[0]["message"].startswith("`負責人`（即欄位 `accountable`）後面是全形冒號")
    assert found[0]["hint"].startswith("寫成 `accountable: ke-fu-bu`")


def test_a_team_s_person_in_charge_is_still_its_lead(tmp_path: Path) -> None:
    """On a team `負責人` stays `lead`: the duty's meaning is the duty's alone."""
    org = slipped(tmp_path, "ke-fu-bu.yaml", "  lead: ", "  負責人：")
    found = check(org)
    assert [f["code"] for f in found] == ["IN001"]
    assert found[0]["hint"].startswith("write `lead: ")


# 2. `負責人: ke-fu-bu`: one finding, naming `accountable`; what follows is held back

@pytest.mark.parametrize(("written", "hint"), [
    ("負責人: ke-fu-bu", "write `accountable: ke-fu-bu`"),
    ("執行人: ke-fu-bu", "write `responsible: ke-fu-bu`"),
    ("A: ke-fu-bu", "write `accountable: ke-fu-bu`"),
    ("負責: ke-fu-bu", "write `responsible: ke-fu-bu` if it does the work, or "
                       "`accountable: ke-fu-bu` if it answers for the outcome"),
])
def test_a_raci_word_as_a_duty_s_field_is_one_finding(
        tmp_path: Path, written: str, hint: str) -> None:
    found = check(slipped(tmp_path, "work/duties.yaml", LINE, f"  {written}\n"))
    assert where(found) == [("SC001", "work/duties.yaml", 6, 3)]  # no OW003, RO003, PR008
    assert found[0]["hint"] == hint


# 6. `accountable: 客服部`: the team's name; RO003 follows from it as PR008 does

def test_a_team_s_name_as_accountable_holds_back_ro003(tmp_path: Path) -> None:
    found = check(slipped(tmp_path, "work/duties.yaml", LINE, "  accountable: 客服部\n"))
    assert where(found) == [("RF001", "work/duties.yaml", 6, 16)]
    assert found[0]["hint"] == (
        "客服部 is the name of team `ke-fu-bu`: write `ke-fu-bu` (2 findings that follow from "
        "this mistake are held back until it is fixed: PR008 on process 'complaint-flow', "
        "RO003 on position 'cs-specialist')")


# 3. a tab before `sla:`: the hint gives the column the parser needs, not "two per level"

TAB = ("      sla: 1天\n", "\tsla: 1天\n")  # line 18 of work/processes.yaml


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "a tab character here: YAML indents with spaces only",
     "replace the tab with spaces: indent `sla:` by 6 spaces, in line with `tracker:` above it"),
    ("zh", "这里有一个制表符（Tab）：YAML 只能用空格缩进",
     "把制表符换成空格：`sla:` 缩进 6 个空格，与上面的 `tracker:` 对齐"),
    ("zh-Hant", "這裡有一個定位字元（Tab）：YAML 只能用空格縮排",
     "把定位字元換成空格：`sla:` 縮排 6 個空格，與上面的 `tracker:` 對齊"),
])
def test_a_tab_is_said_with_the_column_to_indent_to(
        tmp_path: Path, lang: str, message: str, hint: str) -> None:
    found = check(slipped(tmp_path, "work/processes.yaml", *TAB), lang)
    assert where(found) == [("IN001", "work/processes.yaml", 18, 1)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_the_fix_the_hint_gives_loads(tmp_path: Path) -> None:
    org = slipped(tmp_path, "work/processes.yaml", *TAB)
    hint = check(org)[0]["hint"]
    spaces = int(hint.split(" by ", 1)[1].split(" ", 1)[0])
    fixed = (org / "work/processes.yaml").read_text("utf-8").replace("\t", " " * spaces)
    (org / "work/processes.yaml").write_text(fixed, "utf-8")
    assert check(org) == []


def test_a_tab_under_a_field_that_opens_a_mapping_goes_two_deeper(tmp_path: Path) -> None:
    org = slipped(tmp_path, "work/processes.yaml", "  owner: ke-fu-bu\n  responsibility",
                  "  owner:\n\tteam: ke-fu-bu\n  responsibility")
    found = check(org)
    assert where(found) == [("IN001", "work/processes.yaml", 5, 1)]
    assert found[0]["hint"] == ("replace the tab with spaces: indent `team:` by 4 spaces, two "
                                "more than `owner:` above it")


# 5. a file that fails to load: its error is the one finding; the summary says the rest

def test_a_parse_error_is_one_finding_and_the_summary_says_checks_are_incomplete(
        tmp_path: Path) -> None:
    org = slipped(tmp_path, "work/processes.yaml", *TAB)
    assert [f["code"] for f in check(org)] == ["IN001"]  # no RF003 at the same place
    for lang, summary in [
            ("en", "Found 1 error, 0 warnings, 0 info in 11 files (47 entities). 1 file could "
                   "not be loaded, so cross-file checks are incomplete."),
            ("zh-Hant", "發現 1 個錯誤、0 個警告、0 個提示，共 11 個檔案（47 個實體）。1 個檔案無法"
                        "載入，所以跨檔案檢查不完整。")]:
        run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang,
                      cwd=tmp_path)
        assert run.stdout.splitlines()[-1] == summary


# 7. Taiwan's words where s2twp leaves mainland ones, and GitHub's word for a pull request

@pytest.mark.parametrize(("msgid", "ctx", "said"), [
    ("not a pull request: no comment", None, "不是提取要求：不發表留言"),
    ("quarterly", "label", "每季"),
    ("monthly active users from 1.2M to 1.32M by {date}", None,
     "月活躍使用者數從120萬成長到132萬（3月31日前）"),
    ("orders shipped within 48 hours from 92% to 98% by {date}", None,
     "48小時出貨率從92%提高到98%（6月30日前）"),
    ("fulfilment cost per order from ¥8 to ¥6.5 by {date}", None,
     "每筆訂單履約成本從8元降到6.5元（12月31日前）"),
])
def test_taiwan_words(msgid: str, ctx: str | None, said: str) -> None:
    import datetime as dt
    import re

    from orgspec.i18n import MC, M, say
    from orgspec.text.krexample import _date

    day = re.search(r"(\d+)月(\d+)日", said) if "{date}" in msgid else None
    values = {"date": _date(dt.date(2026, int(day[1]), int(day[2])))} if day else {}
    assert say(MC(ctx, msgid) if ctx else M(msgid, **values), "zh-Hant") == said


def test_a_gitlab_merge_request_stays_a_merge_request() -> None:
    from orgspec.i18n import M, say

    said = say(M("CI_MERGE_REQUEST_IID is not set: not a merge-request pipeline (run the job "
                 "with `rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"`)"), "zh-Hant")
    assert "合併請求" in said


def test_init_s_github_workflow_says_pull_request_as_github_does() -> None:
    workflow = (Path(__file__).resolve().parents[1] / "templates" / "init" / "zh_Hant" /
                "_github" / "workflows" / "orgspec.yml").read_text("utf-8")
    assert "提取要求" in workflow and "合併請求" not in workflow


def test_the_vague_wording_rules_say_it_in_english() -> None:
    """An English report's rule list quoted `(提升, 优化, improve)`: Simplified words a
    Taiwanese reader never typed."""
    from orgspec.engine.registry import rule

    assert [rule(code).summary for code in ("OK004", "RO004")] == [
        "A key result uses vague wording (improve, ensure ...) with no target value.",
        "A position's KPI lacks a metric or a target value, or is vague wording (improve, "
        "ensure) without a number."]


# 12. a staff handbook (`--no-findings`) without a history: no developer text

@pytest.mark.parametrize(("flags", "said"), [
    (("--no-findings", "--lang", "zh-Hant"), "還沒有變更紀錄。"),
    (("--no-findings", "--lang", "en"), "No change record yet."),
    # the maintainers' own site too (trial 19): the builder is told how on stderr
    (("--lang", "en"), "No change record yet."),
])
def test_a_handbook_without_history_says_so_plainly(
        tmp_path: Path, flags: tuple[str, ...], said: str) -> None:
    org = slipped(tmp_path, "work/duties.yaml", LINE, LINE)
    out = tmp_path / "site"
    assert run_cli("site", str(org), "-o", str(out), "--isolated", *flags,
                   cwd=tmp_path).code == 0
    for page in ("index.html", "changes/index.html"):
        html = (out / page).read_text("utf-8")
        assert f'<p class="muted">{said}</p>' in html


# 8, 15. a roster without a parent-department column: the note says which parent a
# re-import kept, and a first import says how to choose team ids other than pinyin

ROSTER = """\
姓名,部門,職稱,直屬主管,Email
林志明,總經理室,總經理,,zhiming.lin@shoplink.tw
張雅婷,營運部,經理,林志明,yating.chang@shoplink.tw
黃冠宇,客服部,主管,林志明,guanyu.huang@shoplink.tw
李宜蓁,客服部,客服專員,黃冠宇,yizhen.li@shoplink.tw
"""
TREE = ("no parent-department column: the department tree is taken from the manager column, "
        "each team under the team its head reports to: {placed}; top-level: 總經理室; a "
        "parent-department column in the roster sets it instead")


def imported(folder: Path, lang: str = "en") -> list[str]:
    run = run_cli("import", "roster", "roster.csv", "-o", "org", "--lang", lang, cwd=folder)
    assert run.code == 0, run.stderr
    return [line.split(": ", 1)[1] for line in run.stderr.splitlines()
            if line.startswith("note: ")]


def test_a_first_import_says_how_to_choose_team_ids(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, "utf-8")
    assert imported(tmp_path) == [
        "team ids were made from the department names in pinyin: 客服部 → ke-fu-bu, 營運部 → "
        "ying-yun-bu, 總經理室 → zong-jing-li-shi; to choose them yourself, add a "
        "department-id column to the roster (read as team_id; --column team_id=HEADER reads "
        "another header)",
        TREE.format(placed="客服部 → 總經理室, 營運部 → 總經理室")]
    roster = "\n".join(line if i == 0 else f"{['ceo', 'ops', 'cs', 'cs'][i - 1]},{line}"
                       for i, line in enumerate(ROSTER.splitlines())).replace(
        "姓名,", "部門編號,姓名,", 1) + "\n"
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "roster.csv").write_text(roster, "utf-8")
    assert imported(tmp_path / "b") == [TREE.format(placed="客服部 → 總經理室, 營運部 → 總經理室")]


def test_a_reimport_says_which_parent_it_kept(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, "utf-8")
    imported(tmp_path)
    team = tmp_path / "org" / "ke-fu-bu.yaml"
    team.write_text(team.read_text("utf-8").replace("parent: zong-jing-li-shi",
                                                    "parent: ying-yun-bu"), "utf-8")
    assert imported(tmp_path) == [TREE.format(placed="營運部 → 總經理室"),
                                  "kept the parent set in the team's file: 客服部 → 營運部"]
    assert "parent: ying-yun-bu" in team.read_text("utf-8")
    run = run_cli("import", "roster", "roster.csv", "-o", "org", "--lang", "zh-Hant",
                  cwd=tmp_path)
    assert "提示：保留了團隊檔案裡設的上級部門：客服部 → 營運部" in run.stderr.splitlines()


# 10. a position's holders in the reader's order of names, as the members table lists them

@pytest.mark.parametrize(("lang", "names"), [
    ("zh-Hant", ["李宜蓁", "陳怡婷", "楊家豪", "劉詩涵", "蔡承翰", "簡士傑"]),  # by strokes
    ("en", ["蔡承翰", "陳怡婷", "簡士傑", "李宜蓁", "劉詩涵", "楊家豪"]),  # by pinyin
])
def test_position_holders_are_in_the_reader_s_order(
        tmp_path: Path, lang: str, names: list[str]) -> None:
    import re

    org = slipped(tmp_path, "work/duties.yaml", LINE, LINE)
    out = tmp_path / "site"
    assert run_cli("site", str(org), "-o", str(out), "--isolated", "--lang", lang,
                   cwd=tmp_path).code == 0
    html = (out / "teams" / "ke-fu-bu.html").read_text("utf-8")
    row = html[html.index('href="../positions/cs-specialist.html"'):]
    row = row[:row.index("</tr>")]
    linked = re.findall(r">([^<>]+)</a>", row)
    assert [n.split(" (")[0] for n in linked if n.split(" (")[0] in names] == names
    assert "陳怡婷 (yiting-chen)" in linked  # another 陳怡婷 is in 商品部: the id says which
    search = "".join(p.read_text("utf-8") for p in sorted((out / "search").glob("d*.js")))
    doc = search[search.index('["position","客服專員"'):]
    assert re.findall("|".join(names), doc[:doc.index("]")]) == names  # its search entry
