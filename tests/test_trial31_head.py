"""Trial 31, what git `HEAD` tells a plain `check` (a Traditional Chinese org, a git repo):

1. a person entered twice (李晓雯 `li-xiaowen` added in `people/new-hires.yaml` beside 李曉雯
   `li-xiao-wen` in `people/staff.yaml`): RF009 was at the original (chosen by file path),
   telling to keep the copy; it is at the entry added (not at `HEAD`, else the one nothing
   references, else the one not in the org's script), its hint says to delete it (or, when
   a reference names it, to keep its id in the other's `aliases` and delete it), and the
   copy's HI007 (on no team) is held back behind it (`ci.headcopy`, `engine.twiceperson`);
4. a team's id and name renamed together (tech → technology, 技術部 → 技術中心): plain
   `check` told to add `tech` back where `check --diff HEAD` said it looks renamed (same
   members) and to keep `tech` in `aliases`: it says the same (`ci.headlooks`);
10. `owner: 技術部`, the team's name at `HEAD`: told to add a team named 技術部; it says
   whose name it was and the id to write (`ci.headnames`).
Each hint, followed, leaves no finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import git, run_cli, where

TEAMS = """\
- kind: Team
  id: gm-office
  name: 總經辦
  lead: wang-da-wen
  members: [wang-da-wen]
- kind: Team
  id: customer-service
  name: 客服部
  parent: gm-office
  lead: zhang-ya-ting
  members: [zhang-ya-ting, li-xiao-wen]
- kind: Team
  id: tech
  name: 技術部
  parent: gm-office
  lead: chen-guan-yu
  members: [chen-guan-yu, xu-wei-ting]
"""
STAFF = """\
- {kind: Person, id: wang-da-wen, name: 王大文, title: 總經理}
- {kind: Person, id: zhang-ya-ting, name: 張雅婷, title: 客服主管, manager: wang-da-wen}
- {kind: Person, id: li-xiao-wen, name: 李曉雯, title: 客服專員, manager: zhang-ya-ting}
- {kind: Person, id: chen-guan-yu, name: 陳冠宇, title: 技術總監, manager: wang-da-wen}
- {kind: Person, id: xu-wei-ting, name: 許瑋婷, title: 工程師, manager: chen-guan-yu}
"""
DUTIES = """\
- {kind: Responsibility, id: strategy, name: 公司策略, accountable: gm-office, consulted: [tech]}
- {kind: Responsibility, id: stability, name: 系統穩定性, accountable: tech}
- {kind: Responsibility, id: complaints, name: 客訴處理, accountable: customer-service}
- kind: Process
  id: incident
  name: 故障應變流程
  owner: tech
  responsibility: stability
  steps:
    - {id: report, name: 回報, owner: tech}
"""
NEW_HIRE = "- {kind: Person, id: li-xiaowen, name: 李晓雯, title: 客服专员, " \
           "manager: zhang-ya-ting}\n"


def _repo(tmp_path: Path, *, commit: bool = True, staff: str = STAFF) -> Path:
    """A repository with `org/teams.yaml`, `org/duties.yaml` and `org/people/staff.yaml`,
    committed (`commit`)."""
    (tmp_path / "org" / "people").mkdir(parents=True)
    (tmp_path / "org" / "teams.yaml").write_text(TEAMS, "utf-8")
    (tmp_path / "org" / "duties.yaml").write_text(DUTIES, "utf-8")
    (tmp_path / "org" / "people" / "staff.yaml").write_text(staff, "utf-8")
    if commit:
        git(tmp_path, "init", "-q")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-qm", "org")
    return tmp_path


def _check(top: Path, *args: str, lang: str = "en") -> list[dict[str, Any]]:
    run = run_cli("check", "org", "--isolated", "--no-cache", "--format", "json", "--lang",
                  lang, *args, cwd=top)
    found: list[dict[str, Any]] = run.json()["findings"]
    return found


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def _named_file(hint: str) -> str:
    """The file an RF009 hint says to delete (`delete the file F, which ...`, `删除文件 F（`,
    `刪除檔案 F（`)."""
    for said in ("delete the file ", "删除文件 ", "刪除檔案 "):
        if said in hint:
            return hint.split(said, 1)[1].split(",", 1)[0].split("（", 1)[0]
    raise AssertionError(hint)


def test_the_committed_org_is_clean(tmp_path: Path) -> None:
    assert _check(_repo(tmp_path)) == []


COPY = {
    "en": ("person 'li-xiaowen' is named 李晓雯, which is 李曉雯 of person 'li-xiao-wen' "
           "written another way: one person entered twice?",
           "if both are one person, delete the file org/people/new-hires.yaml, which holds only "
           "this entry (nothing references 'li-xiaowen'); if they are two people, give each "
           "their `email` (1 finding that follows from this mistake is held back until it is "
           "fixed: HI007 on person 'li-xiaowen')"),
    "zh": ("人员 'li-xiaowen' 名为 李晓雯，与人员 'li-xiao-wen' 的 李曉雯 只是写法不同："
           "同一个人录入了两次？",
           "如果两者是同一个人，删除文件 org/people/new-hires.yaml（它只有这一条；"
           "没有任何地方引用 'li-xiaowen'）；如果是两个人，请给各自写上 `email`"
           "（由这个错误引起的 1 条问题在改正之前暂不报告：人员 'li-xiaowen' 的 HI007）"),
    "zh-Hant": ("人員 'li-xiaowen' 名為 李晓雯，與人員 'li-xiao-wen' 的 李曉雯 只是寫法不同：同一個"
                "人錄入了兩次？",
                "如果兩者是同一個人，刪除檔案 org/people/new-hires.yaml（它只有這一條；"
                "沒有任何地方引用 'li-xiaowen'）；如果是兩個人，請給各自寫上 `email`（由這個錯誤"
                "引起的 1 條問題在改正之前暫不報告：人員 'li-xiaowen' 的 HI007）"),
}


@pytest.mark.parametrize("lang", sorted(COPY))
def test_a_person_added_twice_is_one_finding_at_the_added_entry(tmp_path: Path,
                                                                lang: str) -> None:
    # trial 31: RF009 at staff.yaml (new-hires.yaml sorts first), "keep 李晓雯"; and HI007
    top = _repo(tmp_path)
    (top / "org" / "people" / "new-hires.yaml").write_text(NEW_HIRE, "utf-8")
    found = _check(top, lang=lang)
    assert where(found) == [("RF009", "new-hires.yaml", 1, 40)]
    assert found[0]["file"] == "org/people/new-hires.yaml"
    assert [(r["file"], r["line"], r["column"]) for r in found[0]["related"]] == [
        ("org/people/staff.yaml", 3, 41)]
    assert (found[0]["message"], found[0]["hint"]) == COPY[lang]
    # the hint followed: the file it names deleted (what it adds is in the original already);
    # deleting the entry alone left the file empty (IN014)
    (top / _named_file(found[0]["hint"])).unlink()
    assert _check(top) == []


def test_a_copy_beside_other_entries_is_the_entry_to_delete(tmp_path: Path) -> None:
    # the file holds more than the copy: deleting the entry, as the hint says, is all
    top = _repo(tmp_path)
    (top / "org" / "people" / "staff.yaml").write_text(STAFF + NEW_HIRE, "utf-8")
    found = _check(top)
    assert where(found) == [("RF009", "staff.yaml", 6, 40)]
    assert found[0]["hint"].startswith("if both are one person, delete this entry (")
    (top / "org" / "people" / "staff.yaml").write_text(STAFF, "utf-8")
    assert _check(top) == []


def test_outside_git_the_copy_is_the_one_nothing_references(tmp_path: Path) -> None:
    top = _repo(tmp_path, commit=False)
    (top / "org" / "people" / "new-hires.yaml").write_text(NEW_HIRE, "utf-8")
    assert where(_check(top)) == [("RF009", "new-hires.yaml", 1, 40)]


def test_outside_git_the_one_nothing_references_wins_over_the_script(tmp_path: Path) -> None:
    # 李晓雯 (Simplified) is on a team; 李曉雯 (the org's script) is added on none
    staff = STAFF.replace("id: li-xiao-wen, name: 李曉雯", "id: li-xiaowen, name: 李晓雯")
    top = _repo(tmp_path, commit=False, staff=staff)
    _edit(top / "org" / "teams.yaml", "[zhang-ya-ting, li-xiao-wen]",
          "[zhang-ya-ting, li-xiaowen]")
    (top / "org" / "people" / "new-hires.yaml").write_text(
        "- {kind: Person, id: li-xiao-wen, name: 李曉雯, title: 客服專員}\n", "utf-8")
    found = _check(top)
    assert where(found) == [("RF009", "new-hires.yaml", 1, 41)]
    assert [(r["file"], r["line"], r["column"]) for r in found[0]["related"]] == [
        ("org/people/staff.yaml", 3, 40)]
    assert found[0]["hint"] == (
        "if both are one person, delete the file org/people/new-hires.yaml, which holds only "
        "this entry (nothing references 'li-xiao-wen'); if they are two people, give each "
        "their `email` (1 "
        "finding that follows from this mistake is held back until it is fixed: HI007 on "
        "person 'li-xiao-wen')")
    (top / _named_file(found[0]["hint"])).unlink()
    assert _check(top) == []


ALIASES = ("if both are one person, keep 'li-xiaowen': change the references to 'li-xiao-wen' "
           "to 'li-xiaowen', write `aliases: [li-xiao-wen]` under its `id` (old links to "
           "'li-xiao-wen' then still work) and delete the file org/people/new-hires.yaml, which "
           "holds only this entry; if they are two people, give each their `email`")


def test_both_referenced_the_one_added_since_head_is_the_copy(tmp_path: Path) -> None:
    # HEAD has 李晓雯 in Simplified (the org writes Traditional); 李曉雯 is added and put on
    # a team: by script alone the old entry would be the copy, git says the new one is
    staff = STAFF.replace("id: li-xiao-wen, name: 李曉雯", "id: li-xiaowen, name: 李晓雯")
    top = _repo(tmp_path, staff=staff)
    _edit(top / "org" / "teams.yaml", "[zhang-ya-ting, li-xiao-wen]",
          "[zhang-ya-ting, li-xiaowen]")
    git(top, "commit", "-qam", "li-xiaowen")
    assert _check(top) == []
    (top / "org" / "people" / "new-hires.yaml").write_text(
        "- {kind: Person, id: li-xiao-wen, name: 李曉雯, title: 客服專員}\n", "utf-8")
    _edit(top / "org" / "teams.yaml", "[chen-guan-yu, xu-wei-ting]",
          "[chen-guan-yu, xu-wei-ting, li-xiao-wen]")
    found = _check(top)
    assert where(found) == [("RF009", "new-hires.yaml", 1, 41)]
    assert found[0]["message"] == ("person 'li-xiao-wen' is named 李曉雯, which is 李晓雯 of "
                                   "person 'li-xiaowen' written another way: one person "
                                   "entered twice?")
    assert [(r["file"], r["line"], r["column"]) for r in found[0]["related"]] == [
        ("org/people/staff.yaml", 3, 40)]
    assert found[0]["hint"] == ALIASES
    # the hint followed: the references changed, the id kept in `aliases`, the file deleted
    _edit(top / "org" / "teams.yaml", "[chen-guan-yu, xu-wei-ting, li-xiao-wen]",
          "[chen-guan-yu, xu-wei-ting, li-xiaowen]")
    (top / _named_file(found[0]["hint"])).unlink()
    _edit(top / "org" / "people" / "staff.yaml", "id: li-xiaowen,",
          "id: li-xiaowen, aliases: [li-xiao-wen],")
    assert _check(top) == []


def test_both_referenced_outside_git_the_copy_is_the_one_not_in_the_orgs_script(
        tmp_path: Path) -> None:
    staff = STAFF.replace("id: li-xiao-wen, name: 李曉雯", "id: li-xiaowen, name: 李晓雯")
    top = _repo(tmp_path, commit=False, staff=staff)
    _edit(top / "org" / "teams.yaml", "[zhang-ya-ting, li-xiao-wen]",
          "[zhang-ya-ting, li-xiaowen]")
    (top / "org" / "people" / "new-hires.yaml").write_text(
        "- {kind: Person, id: li-xiao-wen, name: 李曉雯, title: 客服專員}\n", "utf-8")
    _edit(top / "org" / "teams.yaml", "[chen-guan-yu, xu-wei-ting]",
          "[chen-guan-yu, xu-wei-ting, li-xiao-wen]")
    found = _check(top)
    assert where(found) == [("RF009", "staff.yaml", 3, 40)]
    assert found[0]["hint"] == (
        "if both are one person, keep 'li-xiao-wen': change the references to 'li-xiaowen' to "
        "'li-xiao-wen', write `aliases: [li-xiaowen]` under its `id` (old links to "
        "'li-xiaowen' then still work) and delete this entry; if they are two people, give "
        "each their `email`")


RENAMED = {
    "en": "'tech' looks renamed to team 'technology' since HEAD (same members): add "
          "`aliases: [tech]` to it to keep references to 'tech' working; then change them to "
          "'technology' (RF005 lists them) (3 other references name 'tech' too, at its related "
          "locations: their RF001s are held back behind this one) (1 finding that follows "
          "from this mistake is held back until it is fixed: OW006 on "
          "team 'technology')",
    "zh-Hant": "'tech' 看起來自 HEAD 以來改名為團隊 'technology'（成員相同）：給 'technology' "
               "加上 `aliases: [tech]`，對 'tech' 的引用就能繼續有效；然後把這些引用改成 "
               "'technology'（RF005 會列出它們）（另有 3 處引用也寫了 "
               "'tech'，即相關位置；它們的 RF001 在這一條改正之前暫不報告）"
               "（由這個錯誤引起的 1 條問題在改正之前暫不報告：團隊 'technology' 的 OW006）",
}


@pytest.mark.parametrize("lang", sorted(RENAMED))
def test_a_team_renamed_id_and_name_together_says_so_as_diff_head_does(
        tmp_path: Path, lang: str) -> None:
    # trial 31: "'tech' was the id of 技術部 ... at git HEAD and is gone since: add it back"
    top = _repo(tmp_path)
    _edit(top / "org" / "teams.yaml", "  id: tech\n  name: 技術部\n",
          "  id: technology\n  name: 技術中心\n")
    found = _check(top, lang=lang)
    assert where(found) == [("RF001", "duties.yaml", 1, 88)]
    assert found[0]["hint"] == RENAMED[lang]
    # the same hint as `check --diff HEAD` gives
    diff = _check(top, "--diff", "HEAD", lang=lang)
    assert [(f["code"], f["line"], f["column"], f["hint"]) for f in diff] == [
        ("RF001", 1, 88, RENAMED[lang])]
    # the hint's first step followed: what is left is its second, the references to change
    _edit(top / "org" / "teams.yaml", "  id: technology\n", "  id: technology\n  aliases: "
          "[tech]\n")
    assert {f["code"] for f in _check(top)} == {"RF005"}
    duties = top / "org" / "duties.yaml"
    duties.write_text(duties.read_text("utf-8").replace("[tech]", "[technology]")
                      .replace(": tech", ": technology"), "utf-8")
    assert _check(top) == []


FORMER = {
    "en": "技術部 was the name of team `tech` at git HEAD (it is named 技術中心 now): write "
          "`tech`",
    "zh": "技術部 是团队 `tech` 在 git HEAD 时的名称（现在名为 技術中心）：请写 `tech`",
    "zh-Hant": "技術部 是團隊 `tech` 在 git HEAD 時的名稱（現在名為 技術中心）：請寫 `tech`",
}


@pytest.mark.parametrize("lang", sorted(FORMER))
def test_a_reference_written_as_a_teams_name_at_head_says_whose_it_was(
        tmp_path: Path, lang: str) -> None:
    # trial 31: `owner: 技術部` was told to add a team named 技術部
    top = _repo(tmp_path)
    _edit(top / "org" / "teams.yaml", "  name: 技術部\n", "  name: 技術中心\n")
    _edit(top / "org" / "duties.yaml", "  owner: tech\n", "  owner: 技術部\n")
    found = _check(top, lang=lang)
    assert where(found) == [("RF001", "duties.yaml", 7, 10)]
    assert found[0]["hint"] == FORMER[lang]
    _edit(top / "org" / "duties.yaml", "  owner: 技術部\n", "  owner: tech\n")
    assert _check(top) == []


@pytest.mark.parametrize(("renamed", "new"), [
    ("  id: technology\n  aliases: [tech]\n  name: 技術中心\n", "technology"),  # aliases
    ("  id: technology\n  name: 技術中心\n", "technology"),  # renamed together (same members)
])
def test_a_former_name_of_a_team_whose_id_changed_too_names_its_id_now(
        tmp_path: Path, renamed: str, new: str) -> None:
    top = _repo(tmp_path)
    _edit(top / "org" / "teams.yaml", "  id: tech\n  name: 技術部\n", renamed)
    _edit(top / "org" / "duties.yaml", "  owner: tech\n", "  owner: 技術部\n")
    found = [f for f in _check(top) if f["line"] == 7]
    assert where(found) == [("RF001", "duties.yaml", 7, 10)]
    assert found[0]["hint"] == (f"技術部 was the name of team `{new}` at git HEAD (it is "
                                f"named 技術中心 now): write `{new}`")


def test_a_name_no_entity_had_at_head_keeps_its_hint(tmp_path: Path) -> None:
    top = _repo(tmp_path)
    _edit(top / "org" / "duties.yaml", "  owner: tech\n", "  owner: 研發部\n")
    found = _check(top)
    assert where(found) == [("RF001", "duties.yaml", 7, 10)]
    assert found[0]["hint"] == ("write an id (ascii letters, digits, -), or add the Team, "
                                "Person or Role with `name: 研發部`")
