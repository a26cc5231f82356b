"""What a fresh Taiwanese user met (trial 5, 2026-12): a list item indented one space too
far read as part of the item above, a full-width colon after a Chinese field name said
vaguely, an unknown id among those informed holding back a second accountable owner,
a duplicate id blamed on the long-standing file (and unseen when the new file is checked
alone; trial 15: shown as the whole org's run shows it, whichever file is named), and a
Big5 roster whose department heads were not found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

TEAMS = """\
- kind: Team
  id: company
  name: 總公司
  lead: lin-zhiming
  members: [lin-zhiming]
- kind: Team
  id: marketing
  name: 行銷部
  parent: company
  lead: cai-shufen
  members: [cai-shufen, xu-guanyu]
- kind: Team
  id: operations
  name: 營運部
  parent: company
  lead: zhang-yating
  members: [zhang-yating]
"""
PEOPLE = """\
- kind: Person
  id: lin-zhiming
  name: 林志明
- kind: Person
  id: cai-shufen
  name: 蔡淑芬
- kind: Person
  id: xu-guanyu
  name: 許冠宇
- kind: Person
  id: zhang-yating
  name: 張雅婷
"""
DUTIES = """\
- kind: Responsibility
  id: ad-buying
  name: 廣告投放
  accountable: marketing
  responsible:
  - xu-guanyu
  - cai-shufen
- kind: Responsibility
  id: store-ops
  name: 門市營運
  accountable: operations
"""


def check(folder: Path, lang: str = "en", *paths: str) -> list[dict[str, Any]]:
    run = run_cli("check", *(paths or (str(folder),)), "--isolated", "--no-cache",
                  "--format", "json", "--lang", lang, cwd=folder)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings]


def org(write_org, **files: str) -> Path:
    return write_org({"teams.yaml": TEAMS, "people.yaml": PEOPLE, "duties.yaml": DUTIES,
                      **{f"{name}.yaml": text for name, text in files.items()}})


# 1. `  - xu-guanyu` then `   - cai-shufen`: one item `xu-guanyu - cai-shufen` to YAML

MISINDENTED = DUTIES.replace("  - cai-shufen", "   - cai-shufen")


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "`- cai-shufen` is indented 3 spaces; the item above it uses 2, so YAML reads it "
           "as part of that item: 'xu-guanyu - cai-shufen'",
     "indent `- cai-shufen` by 2 spaces, like the item above it"),
    ("zh", "`- cai-shufen` 缩进了 3 个空格，而上面的列表项用的是 2 个，所以 YAML 把它读成了上面"
           "那一项的一部分：'xu-guanyu - cai-shufen'",
     "把 `- cai-shufen` 缩进 2 个空格，和上面的列表项对齐"),
    ("zh-Hant", "`- cai-shufen` 縮排了 3 個空格，而上面的清單項目用的是 2 個，所以 YAML 把它讀成了"
                "上面那一項的一部分：'xu-guanyu - cai-shufen'",
     "把 `- cai-shufen` 縮排 2 個空格，和上面的清單項目對齊"),
])
def test_a_list_item_indented_one_space_too_far_is_one_finding_at_it(
        write_org, lang: str, message: str, hint: str) -> None:
    found = check(org(write_org, duties=MISINDENTED), lang)
    assert where(found) == [("IN017", "duties.yaml", 7, 4)]  # no RF001 on the joined text
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_the_items_are_read_as_meant(write_org) -> None:
    """Both people count as responsible: the second accountable owner written in the same
    slip is still found, at its own place."""
    duties = MISINDENTED.replace("accountable: marketing", "accountable:\n  - marketing\n"
                                 "   - operations")
    assert where(check(org(write_org, duties=duties))) == [
        ("OW001", "duties.yaml", 5, 5), ("IN017", "duties.yaml", 6, 4),
        ("IN017", "duties.yaml", 9, 4)]


def test_a_line_continuing_a_list_items_text_is_no_slip(write_org) -> None:
    duties = DUTIES + "  description: >-\n    負責廣告\n    - 線上與線下\n"
    notes = DUTIES.replace("- kind: Responsibility", "- kind: Responsibility\n  # x")
    assert check(org(write_org, duties=duties)) == []
    assert check(org(write_org, duties=notes)) == []


# 2. `成員： [cai-shufen]`: a full-width colon after a Chinese field name

@pytest.mark.parametrize(("written", "lang", "message", "hint"), [
    ("  成員： [cai-shufen, xu-guanyu]", "en",
     "a full-width colon `：` (U+FF1A) follows `成員` (the field `members`): YAML needs an "
     "ASCII colon, so it does not read a field here",
     "write `members: [cai-shufen, xu-guanyu]` (the field's English name, an ASCII colon "
     "and a space)"),
    ("  負責人：cai-shufen", "zh-Hant",
     "`負責人`（即欄位 `lead`）後面是全形冒號 `：`（U+FF1A）：YAML 只認半形冒號，"
     "所以這裡讀不出欄位",
     "寫成 `lead: cai-shufen`（英文欄位名、半形冒號加一個空格）"),
    ("  名稱： 行銷部", "zh",
     "`名稱`（即字段 `name`）后面是全角冒号 `：`（U+FF1A）：YAML 只认半角冒号，所以这里读不出字段",
     "写成 `name: 行銷部`（英文字段名、半角冒号加一个空格）"),
])
def test_a_full_width_colon_after_a_chinese_field_name_names_the_field(
        write_org, written: str, lang: str, message: str, hint: str) -> None:
    teams = TEAMS.replace("  members: [cai-shufen, xu-guanyu]", written) if "成員" in written \
        else TEAMS.replace("  lead: cai-shufen", written) if "負責人" in written \
        else TEAMS.replace("  name: 行銷部", written)
    found = [f for f in check(org(write_org, teams=teams), lang) if f["code"] != "RF003"]
    line = next(i for i, text in enumerate(teams.splitlines(), 1) if text == written)
    assert where(found) == [("IN001", "teams.yaml", line, written.index("：") + 1)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_a_chinese_raci_word_on_a_duty_names_its_role(write_org) -> None:
    duties = DUTIES.replace("  accountable: marketing", "  批准： marketing")
    found = [f for f in check(org(write_org, duties=duties)) if f["code"] != "RF003"]
    assert where(found) == [("IN001", "duties.yaml", 4, 5)]
    assert found[0]["hint"].startswith("write `accountable: marketing`")


def test_a_colon_in_text_is_no_slip(write_org) -> None:
    """A list's text (`- 目標：...`) and a plain value's next line are not field names."""
    teams = TEAMS.replace("  name: 營運部\n", "  name: 營運部\n  mission: 提升營收\n"
                          "    目標：三成\n")
    duties = DUTIES.replace("  name: 廣告投放\n", "  name: 廣告投放\n  kpis:\n  - 目標：三成\n")
    assert [f["code"] for f in check(org(write_org, teams=teams, duties=duties))] == \
        ["SC001"]  # duties have no kpis: the field, not its text


# 3. an unknown id among those informed does not hold back a second accountable owner

TWO_OWNERS = DUTIES.replace("accountable: marketing", "accountable: [marketing, operations]\n"
                            "  informed: 全體員工")


def test_an_unknown_informed_does_not_hold_back_two_accountable_owners(write_org) -> None:
    found = check(org(write_org, duties=TWO_OWNERS))
    assert where(found) == [("OW001", "duties.yaml", 4, 17), ("RF001", "duties.yaml", 5, 13)]
    assert "held back" not in found[1]["hint"]


def test_an_unknown_accountable_still_holds_back_what_follows(write_org) -> None:
    """An unknown id among the accountable may be a third owner, or the same as one of
    the two: the overlap waits for it."""
    duties = TWO_OWNERS.replace("[marketing, operations]", "[marketing, operations, opz]")
    found = check(org(write_org, duties=duties))
    assert where(found) == [("RF001", "duties.yaml", 4, 40), ("RF001", "duties.yaml", 5, 13)]
    assert found[0]["hint"].endswith("(1 finding that follows from this mistake is held "
                                     "back until it is fixed: OW001 on duty 'ad-buying')")


# 4. a person defined again in a new file: the new definition is the one reported

MORE = "- kind: Person\n  id: zheng-huiru\n  name: 鄭惠如\n"
PEOPLE_ZHENG = PEOPLE + "- kind: Person\n  id: zheng-huiru\n  name: 鄭惠如\n"


def two_definitions(write_org, more: str = MORE) -> Path:
    """`org/people.yaml` defining zheng-huiru at line 14, `org/more.yaml` at line 2 (read
    first: `more` sorts before `people`)."""
    teams = TEAMS.replace("members: [zhang-yating]", "members: [zhang-yating, zheng-huiru]")
    return write_org({"org/teams.yaml": teams, "org/people.yaml": PEOPLE_ZHENG,
                      "org/duties.yaml": DUTIES, "org/more.yaml": more})


def test_outside_git_the_definition_read_later_is_the_duplicate(write_org) -> None:
    root = two_definitions(write_org)
    found = check(root, "en", "org")
    assert where(found) == [("RF002", "people.yaml", 14, 3)]
    assert (found[0]["related"][0]["file"], found[0]["related"][0]["line"]) == \
        ("org/more.yaml", 2)


def test_checking_either_file_alone_shows_the_duplicate_as_the_whole_org_does(
        write_org) -> None:
    """An editor on save checks `org/more.yaml`: the org is loaded whole, and the id the
    file shares is shown. Trial 15: which copy is the duplicate and which was first
    defined does not depend on the file named (it was reported in whichever file was
    named, the other one called the first definition)."""
    root = two_definitions(write_org)
    whole = check(root, "en", "org")
    for named in ("org/more.yaml", "org/people.yaml"):
        found = check(root, "en", named)
        assert found == whole
        assert where(found) == [("RF002", "people.yaml", 14, 3)]
        assert found[0]["message"] == "duplicate Person id 'zheng-huiru'"
        assert [(r["file"], r["line"], r["message"]) for r in found[0]["related"]] == \
            [("org/more.yaml", 2, "first defined here")]
    assert check(root, "en", "org/teams.yaml") == []


def test_the_duplicate_id_hint_says_to_delete_a_copy_before_renaming(write_org) -> None:
    """Trial 13: a person pasted twice was told to rename one, which makes a second
    person; the hint says to delete one when both are the same."""
    root = two_definitions(write_org)
    hints = {lang: [f["hint"] for f in check(root, lang, "org")] for lang in ("en", "zh",
                                                                          "zh-Hant")}
    assert hints == {
        "en": ["ids must be unique per kind: if both are the same Person, delete one; "
               "otherwise rename one of them"],
        "zh": ["同类实体的 id 必须唯一：如果两处写的是同一个人员，删掉其中一处；"
               "否则重命名其中一个"],
        "zh-Hant": ["同類實體的 id 必須唯一：如果兩處寫的是同一個人員，刪掉其中一處；"
                    "否則重新命名其中一個"]}


def test_in_git_an_uncommitted_file_is_the_newer_definition(
        write_org, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import git

    root = two_definitions(write_org)
    git(root, "init", "-q")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-01T00:00:00")
    git(root, "add", "org/teams.yaml", "org/people.yaml", "org/duties.yaml")
    git(root, "commit", "-qm", "org")
    assert where(check(root, "en", "org")) == [("RF002", "more.yaml", 2, 3)]
    git(root, "add", ".")  # staged, then committed: the file changed last still is
    found = run_cli("check", "--staged", "--isolated", "--format", "json", "--lang", "en",
                    "org", cwd=root).json()["findings"]
    assert where(found) == [("RF002", "more.yaml", 2, 3)]
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-06-01T00:00:00")  # `%ct`, not --date
    git(root, "commit", "-qm", "more")
    assert where(check(root, "en", "org")) == [("RF002", "more.yaml", 2, 3)]


def test_in_git_the_file_committed_last_is_the_newer_definition(
        write_org, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import git

    root = two_definitions(write_org)
    git(root, "init", "-q")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-01T00:00:00")
    git(root, "add", ".")
    git(root, "commit", "-qm", "org")
    (root / "org" / "people.yaml").write_text(PEOPLE_ZHENG + "# 新同事\n", "utf-8")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-06-01T00:00:00")
    git(root, "commit", "-qam", "people")
    assert where(check(root, "en", "org")) == [("RF002", "people.yaml", 14, 3)]


def test_two_names_are_said_each_at_its_definition(write_org) -> None:
    from conftest import git

    root = two_definitions(write_org, MORE.replace("鄭惠如", "鄭慧如"))
    git(root, "init", "-q")  # more.yaml uncommitted: the newer definition, names swapped
    git(root, "add", "org/teams.yaml", "org/people.yaml", "org/duties.yaml")
    git(root, "commit", "-qm", "org")
    for named in ("org", "org/more.yaml", "org/people.yaml"):
        found = check(root, "zh-Hant", named)
        assert where(found) == [("RF002", "more.yaml", 2, 3)]
        assert found[0]["message"] == \
            "人員 id 'zheng-huiru' 重複：此處是 '鄭慧如'，首次定義處是 '鄭惠如'"


# 5. a Big5 roster with a title row: each department's head found from 直屬主管

ROSTER = """員工花名冊（2026年11月）
員工編號,姓名,電子郵件,職稱,部門,上級部門,直屬主管,到職日
T001,林志明,lin@example.com,執行長,總經理室,,,2015/03/01
T002,鄭惠如,cheng@example.com,客服主管,客服部,總經理室,T001,2018/07/01
T003,楊淑婷,,客服專員,客服部,總經理室,T002,2020/01/01
T004,劉家豪,,客服專員,客服部,總經理室,T002,2021/05/01
S001,趙磊,zhao@example.com,技術總監,技術部,總經理室,T001,2019/02/01
S002,孫浩,,訂單平台組長,訂單平台組,技術部,S001,2020/02/01
U001,Mike Johnson,mike@example.com,Warehouse Manager,US Warehouse,總經理室,T001,2022/01/01
"""


def import_roster(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    roster, out = tmp_path / "roster-big5.csv", tmp_path / "org"
    roster.write_bytes(text.encode("big5"))
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "zh-Hant")
    assert run.code == 0, run.stderr
    return out, [line for line in run.stderr.splitlines() if "負責人" in line]


def leads(out: Path) -> dict[str, str | None]:
    from orgspec.engine.lint import load_org

    return {t.name: t.lead for t in load_org([str(out)]).org.teams.values()}


def test_each_department_of_the_roster_gets_its_head_as_lead(tmp_path: Path) -> None:
    out, notes = import_roster(tmp_path, ROSTER)
    assert leads(out) == {"總經理室": "t001",  # alone there, the others' heads report to him
                          "客服部": "t002",  # the others in it report to her
                          "技術部": "s001",  # his report 孫浩 is in a team below
                          "訂單平台組": "s002",  # reports to 趙磊 in the parent department
                          "US Warehouse": "u001"}
    assert notes == []
    again, _ = import_roster(tmp_path, ROSTER)  # ids and leads stay on re-import
    assert leads(again) == leads(out)


def test_a_department_reporting_to_the_parents_head_alone_has_no_lead(tmp_path: Path) -> None:
    """Both members of 客服部 report to 林志明 of 總經理室, who is not in 客服部: which of
    them heads it the roster does not say; the note stays."""
    text = ROSTER.replace("T002,鄭惠如,cheng@example.com,客服主管,客服部,總經理室,T001",
                          "T002,鄭惠如,cheng@example.com,客服專員,客服部,總經理室,T001")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("T004")) \
        .replace(",T002,2020", ",T001,2020") + "\n"
    out, notes = import_roster(tmp_path, text)
    assert leads(out)["客服部"] is None
    assert len(notes) == 1 and "客服部" in notes[0] and "ke-fu-bu.yaml" in notes[0]


def test_the_parents_head_listed_in_the_department_leads_it(tmp_path: Path) -> None:
    text = ROSTER.replace(",T002,2020", ",T001,2020").replace(",T002,2021", ",T001,2021") \
        .replace("T002,鄭惠如,cheng@example.com,客服主管,客服部,總經理室,T001",
                 "T002,鄭惠如,cheng@example.com,客服專員,客服部,總經理室,T001") + \
        "T001,林志明,lin@example.com,執行長,客服部,總經理室,,2015/03/01\n"
    out, notes = import_roster(tmp_path, text)
    assert leads(out)["客服部"] == "t001"
    assert notes == []
