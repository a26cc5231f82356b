"""Trial 30: an org file moved out of the folder checked (or deleted) since git HEAD is one
finding, not one RF001 per reference to what it defined; an id deleted since HEAD says
where it was (`ci.headgone`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, committed_org, git, run_cli, where

TEAMS = """\
- kind: Team
  id: ops
  name: 运营部
  lead: sun-li
  members: [sun-li, li-na]
  responsibilities: [daily]
- kind: Team
  id: marketing
  name: 市场部
  lead: li-na
  members: [li-na]
  responsibilities: [brand]
- {kind: Responsibility, id: daily, name: 日常运营, accountable: ops, consulted: [marketing]}
- {kind: Responsibility, id: brand, name: 品牌建设, accountable: marketing}
"""

PEOPLE = """\
- {kind: Person, id: sun-li, name: 孙丽}
- {kind: Person, id: li-na, name: 李娜}
"""


def repo(tmp_path: Path, *, commit: bool = True, more: str = "") -> Path:
    """A repository with `org/teams/teams.yaml` (`more` after it) and
    `org/people/people.yaml`, committed."""
    (tmp_path / "org" / "teams").mkdir(parents=True)
    (tmp_path / "org" / "people").mkdir()
    (tmp_path / "org" / "teams" / "teams.yaml").write_text(TEAMS + more, "utf-8")
    (tmp_path / "org" / "people" / "people.yaml").write_text(PEOPLE, "utf-8")
    if commit:
        git(tmp_path, "init", "-q")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-qm", "org")
    return tmp_path


def check(top: Path, lang: str = "en") -> list[dict[str, Any]]:
    run = run_cli("check", "org", "--isolated", "--no-cache", "--format", "json", "--lang",
                  lang, cwd=top)
    found: list[dict[str, Any]] = run.json()["findings"]
    return found


def test_the_committed_org_is_clean(tmp_path: Path) -> None:
    assert check(repo(tmp_path)) == []


MOVED = {
    "en": ("unknown Person 'sun-li' in `lead` of team 'ops': org/people/people.yaml defined "
           "it at git HEAD and is gone from the org (moved to people.yaml); 4 other references "
           "name ids it defined (sun-li, li-na), at its related locations: their RF001s are "
           "held back behind this one",
           "move it back (`git mv people.yaml org/people/people.yaml`), or check it with the "
           "org: `orgspec check org people.yaml`"),
    "zh": ("团队 'ops' 的 `lead` 中的 'sun-li' 不是已知的人员：它在 git HEAD 时定义于 "
           "org/people/people.yaml，该文件已不在组织中（已移到 people.yaml）；另有 4 处引用指向"
           "该文件定义的 id（sun-li、li-na），即相关位置：它们的 RF001 暂不报告，都在这一条之后",
           "把它移回原处（`git mv people.yaml org/people/people.yaml`），或把它和组织一起检查："
           "`orgspec check org people.yaml`"),
    "zh-Hant": ("團隊 'ops' 的 `lead` 中的 'sun-li' 不是已知的人員：它在 git HEAD 時定義於 "
                "org/people/people.yaml，該檔案已不在組織中（已移到 people.yaml）；另有 4 處引用"
                "指向該檔案定義的 id（sun-li、li-na），即相關位置：它們的 RF001 暫不報告，"
                "都在這一條之後",
                "把它移回原處（`git mv people.yaml org/people/people.yaml`），"
                "或把它和組織一起檢查：`orgspec check org people.yaml`"),
}


@pytest.mark.parametrize("lang", sorted(MOVED))
def test_a_file_moved_out_of_the_org_is_one_finding(tmp_path: Path, lang: str) -> None:
    top = repo(tmp_path)
    (top / "org" / "people" / "people.yaml").rename(top / "people.yaml")
    found = check(top, lang)
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert found[0]["file"] == "org/teams/teams.yaml"
    assert (found[0]["message"], found[0]["hint"]) == MOVED[lang]
    # the count is what the related list holds (trial 31: 24 said, 29 listed): every other
    # reference to an id the file defined, not only those to the first id
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [
        (5, 13), (5, 21), (10, 9), (11, 13)]  # sun-li's other reference, then li-na's


def test_a_file_renamed_with_git_mv_names_its_new_place(tmp_path: Path) -> None:
    top = repo(tmp_path)
    git(top, "mv", "org/people/people.yaml", "staff.yaml")
    found = check(top)
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert "(moved to staff.yaml)" in found[0]["message"]
    assert found[0]["hint"] == ("move it back (`git mv staff.yaml org/people/people.yaml`), "
                                "or check it with the org: `orgspec check org staff.yaml`")
    # the command the hint gives finds every id again
    run = run_cli("check", "org", "staff.yaml", "--isolated", "--no-cache", "--format", "json",
                  cwd=top)
    assert run.json()["findings"] == []


def test_a_deleted_file_is_one_finding_that_says_how_to_restore_it(tmp_path: Path) -> None:
    top = repo(tmp_path)
    (top / "org" / "people" / "people.yaml").unlink()
    found = check(top)
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert "is gone from the org (deleted); 4 other references" in found[0]["message"]
    assert found[0]["hint"] == ("restore it with `git checkout HEAD -- org/people/people.yaml`"
                                ", or change the references to existing ids")


def test_a_file_left_out_for_its_name_keeps_its_one_in019(tmp_path: Path) -> None:
    top = repo(tmp_path)
    people = top / "org" / "people" / "people.yaml"
    people.rename(people.with_name("people.yaml.txt"))
    assert where(check(top)) == [("IN019", "people.yaml.txt", 1, 1)]


def test_outside_git_each_unknown_id_keeps_its_rf001(tmp_path: Path) -> None:
    top = repo(tmp_path, commit=False)
    (top / "org" / "people" / "people.yaml").rename(top / "people.yaml")
    found = check(top)
    # one RF001 per unknown id (`engine.sameid`), the 5 references between them
    assert [f["code"] for f in found] == ["RF001"] * 2
    assert sum(1 + len(f.get("related", ())) for f in found) == 5
    assert all("git HEAD" not in f["message"] + f["hint"] for f in found)


DELETED = {
    "en": "'marketing' was the id of 市场部 in org/teams/teams.yaml at git HEAD and is gone "
          "since: add it back there, or change this reference to an existing id",
    "zh": "'marketing' 在 git HEAD 时是 org/teams/teams.yaml 中 市场部 的 id，之后被删除了：把它"
          "加回那里，或把这个引用改成已有的 id",
    "zh-Hant": "'marketing' 在 git HEAD 時是 org/teams/teams.yaml 中 市场部 的 id，之後被刪除了："
               "把它加回那裡，或把這個引用改成已有的 id",
}


@pytest.mark.parametrize("lang", sorted(DELETED))
def test_a_deleted_team_says_where_it_was_at_head(tmp_path: Path, lang: str) -> None:
    top = repo(tmp_path)
    delete_marketing(top)
    found = [f for f in check(top, lang) if f["code"] == "RF001"]
    # the two references are one RF001 (`engine.sameid`), its hint says where it was
    assert where(found) == [("RF001", "teams.yaml", 7, 79)]
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(8, 62)]
    assert found[0]["hint"].startswith(DELETED[lang])


def test_a_deleted_team_is_no_rename_of_an_id_head_had_too(tmp_path: Path) -> None:
    # `marketing-lead` extends `marketing` (a rename's did-you-mean), but HEAD had both
    top = repo(tmp_path, more="- {kind: Role, id: marketing-lead, name: 市场主管, team: ops}\n")
    delete_marketing(top)
    found = [f for f in check(top) if f["code"] == "RF001"]
    # the two references are one RF001 (`engine.sameid`), its hint says where it was
    assert where(found) == [("RF001", "teams.yaml", 7, 79)]
    assert [(r["line"], r["column"]) for r in found[0]["related"]] == [(8, 62)]
    assert found[0]["hint"].startswith(DELETED["en"])


def delete_marketing(top: Path) -> None:
    teams = top / "org" / "teams" / "teams.yaml"
    text = teams.read_text("utf-8")
    start = text.index("- kind: Team\n  id: marketing")
    teams.write_text(text[:start] + text[text.index("- {kind: Responsibility", start):],
                     "utf-8")


def test_report_and_site_say_what_check_says(tmp_path: Path) -> None:
    # trial 30b: `report` and `site` gave one RF001 per reference (5 errors) where `check`
    # gives one finding for the moved file (`run.said_since_head`)
    top = repo(tmp_path)
    git(top, "mv", "org/people/people.yaml", "people.yaml")
    assert where(check(top)) == [("RF001", "teams.yaml", 4, 9)]
    run_cli("report", "org", "--isolated", "--lang", "en", "-o", "r.md", cwd=top)
    report = (top / "r.md").read_text("utf-8")
    assert "**1** error ·" in report
    # every RF001 shown (in "fix first" and in the list) is the one of the moved file
    shown = report.count("unknown Person")
    assert shown and report.count("is gone from the org (moved to people.yaml)") == shown
    run_cli("site", "org", "--isolated", "--lang", "en", "-o", "site", cwd=top)
    health = (top / "site" / "health.html").read_text("utf-8")
    shown = health.count("unknown Person")
    assert shown and health.count("is gone from the org (moved to people.yaml)") == shown


def test_what_else_the_moved_file_changes_is_held_back_too(tmp_path: Path) -> None:
    # trial 30c: a position whose holder says so in the moved file (`roles:`) was an RO001
    # ("no holder") beside the RF001, which the file's move alone had caused
    top = repo(tmp_path, more="- {kind: Role, id: ops-lead, name: 运营主管, team: ops}\n")
    people = top / "org" / "people" / "people.yaml"
    people.write_text(PEOPLE.replace("name: 孙丽}", "name: 孙丽, roles: [ops-lead]}"), "utf-8")
    git(top, "commit", "-qam", "roles")
    assert check(top) == []
    git(top, "mv", "org/people/people.yaml", "people.yaml")
    found = check(top)
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert "(moved to people.yaml)" in found[0]["message"]


def test_what_else_the_deleted_file_changes_is_held_back_too(tmp_path: Path) -> None:
    # a deleted file is checked as HEAD holds it (`ci.before.at_head`): the position whose
    # holder it named (RO001) is no second finding, nor is the team it led (HI006)
    top = repo(tmp_path, more="- {kind: Role, id: ops-lead, name: 运营主管, team: ops}\n")
    people = top / "org" / "people" / "people.yaml"
    people.write_text(PEOPLE.replace("name: 孙丽}", "name: 孙丽, roles: [ops-lead]}"), "utf-8")
    git(top, "commit", "-qam", "roles")
    assert check(top) == []
    git(top, "rm", "-q", "org/people/people.yaml")
    found = check(top)
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert "is gone from the org (deleted); 4 other references name ids it defined" \
        in found[0]["message"]
    assert len(found[0]["related"]) == 4  # the count is what the list holds (copy31)


def test_a_deleted_files_own_findings_are_left_out(tmp_path: Path) -> None:
    # at HEAD the file had a finding of its own (a person on no team: HI007); deleted, it
    # is not there to fix
    top = repo(tmp_path)
    people = top / "org" / "people" / "people.yaml"
    people.write_text(PEOPLE + "- {kind: Person, id: zhao-lei, name: 赵磊}\n", "utf-8")
    git(top, "commit", "-qam", "one more")
    assert where(check(top)) == [("HI007", "people.yaml", 3, 18)]
    people.unlink()
    assert where(check(top)) == [("RF001", "teams.yaml", 4, 9)]


@pytest.mark.parametrize("deleted", ["teams/people.yaml", "teams/teams.yaml"])
def test_a_deleted_example_file_gives_its_rf001_and_heads_findings(tmp_path: Path,
                                                                  deleted: str) -> None:
    # the brief's case: the example org committed, its people (or teams) file `git rm`ed:
    # the one RF001, then exactly what the org as committed gives (no RO001, MT004, HI006
    # or HI007 that the deletion caused)
    top = committed_org(EXAMPLES / "ecommerce", tmp_path)
    at_head = [(f["code"], f["file"], f["line"], f["column"]) for f in check(top)]
    assert at_head
    git(top, "rm", "-q", f"org/{deleted}")
    found = check(top)
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in found] == [
        ("RF001", "org/meetings/meetings.yaml", *FIRST[deleted]), *at_head]
    assert f"org/{deleted} defined it at git HEAD and is gone from the org (deleted)" \
        in found[0]["message"]
    assert found[0]["hint"] == (f"restore it with `git checkout HEAD -- org/{deleted}`, or "
                                "change the references to existing ids")


FIRST = {"teams/people.yaml": (7, 10), "teams/teams.yaml": (8, 15)}


def test_a_deleted_file_whose_entities_moved_elsewhere_defines_them_once(
        tmp_path: Path) -> None:
    # people.yaml split, one person forgotten: checked as HEAD holds it, the deleted file
    # would define the others twice (RF002); only what the org no longer defines is put back
    top = repo(tmp_path)
    git(top, "rm", "-q", "org/people/people.yaml")
    (top / "org" / "staff.yaml").write_text(PEOPLE.splitlines()[0] + "\n", "utf-8")
    found = check(top)
    assert where(found) == [("RF001", "teams.yaml", 5, 21)]
    assert "is gone from the org (deleted); 2 other references name ids it defined (li-na)" \
        in found[0]["message"]


@pytest.mark.parametrize("target", [".", "ABS"])
def test_a_deleted_file_of_an_org_at_the_repositorys_top(tmp_path: Path, target: str) -> None:
    # trial 31b: the org committed at the work tree's top and checked as `.` (or by its
    # absolute path): git was asked from the folder above, so the deletion said nothing
    # and gave 18 errors; a folder target is asked itself
    top = tmp_path / "org"
    top.mkdir()
    (top / "teams.yaml").write_text(TEAMS, "utf-8")
    (top / "people.yaml").write_text(PEOPLE, "utf-8")
    git(top, "init", "-q")
    git(top, "add", ".")
    git(top, "commit", "-qm", "org")
    git(top, "rm", "-q", "people.yaml")
    run = run_cli("check", str(top) if target == "ABS" else ".", "--isolated", "--no-cache",
                  "--format", "json", "--lang", "en", cwd=top)
    found = run.json()["findings"]
    assert where(found) == [("RF001", "teams.yaml", 4, 9)]
    assert found[0]["hint"] == ("restore it with `git checkout HEAD -- people.yaml`, or "
                                "change the references to existing ids")
