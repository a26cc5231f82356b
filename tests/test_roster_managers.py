"""`orgspec import roster`: a manager written in the other script (王建國 for 王建国) is
the person `check` would match, and a row naming its own person as manager gets a note; a
manager who is no one in the roster (a typo) is kept as written, for `check`'s RF001."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_cli

ROSTER = "姓名,部门,直属上级\n王建国,运营部,王建国\n李娜,运营部,王建國\n赵强,运营部,李娜\n"


def _import(tmp_path: Path, roster: str, lang: str = "en") -> tuple[list[str], dict[str, object]]:
    (tmp_path / "r.csv").write_text(roster, "utf-8")
    run = run_cli("import", "roster", str(tmp_path / "r.csv"), "-o", str(tmp_path / "org"),
                  "--lang", lang)
    assert run.code == 0, run.stderr
    entities = yaml.safe_load((tmp_path / "org" / "yun-ying-bu.yaml").read_text("utf-8"))
    return run.stderr.splitlines(), {e["id"]: e for e in entities}


def test_a_manager_in_the_other_script_is_matched(tmp_path: Path) -> None:
    notes, org = _import(tmp_path, ROSTER)
    assert org["li-na"]["manager"] == "wang-jian-guo"  # type: ignore[index]
    assert org["zhao-qiang"]["manager"] == "li-na"  # type: ignore[index]
    assert org["yun-ying-bu"]["lead"] == "wang-jian-guo"  # type: ignore[index]
    assert not any("no one in it" in n for n in notes)


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "note: r.csv:2: 王建国 is named as their own manager; no manager is taken from the "
           "row (leave the cell empty for the top of the org)"),
    ("zh", "提示：r.csv:2：王建国 的直属上级写的是本人；这一行不设直属上级（组织最顶层的人，"
           "这一格留空即可）"),
    ("zh-Hant", "提示：r.csv:2：王建国 的直屬主管寫的是本人；這一行不設直屬主管（組織最頂層的人，"
                "這一格留空即可）")])
def test_a_row_naming_its_own_person_as_manager_has_a_note(tmp_path: Path, lang: str,
                                                          note: str) -> None:
    notes, org = _import(tmp_path, ROSTER, lang)
    assert "manager" not in org["wang-jian-guo"]
    assert notes == [note]


def test_a_name_as_written_wins_over_the_other_script(tmp_path: Path) -> None:
    """陳志明 and 陈志明, two people: 郭俊杰's manager written 陈志明 is the one written so."""
    _, org = _import(tmp_path, "姓名,部门,直属上级\n陳志明,运营部,\n陈志明,运营部,\n"
                               "郭俊杰,运营部,陈志明\n")
    assert org["guo-jun-jie"].get("manager") == "chen-zhi-ming-2"  # type: ignore[attr-defined]


TYPO = ("姓名,部门,直属上级\n王建国,运营部,\n李娜,运营部,王建囯\n赵强,运营部,王建国\n"
        "张伟,运营部,赵强\n")


@pytest.mark.parametrize(("lang", "note", "hint"), [
    ("en", "note: 1 manager named in the roster is no one in it (by name, employee ID or email): "
           "王建囯 (r.csv:3); no lead or parent team is taken from them, and it is written as "
           "`manager:` as it is, for `orgspec check` to report",
     "did you mean 'wang-jian-guo'? write the id `wang-jian-guo`"),
    ("zh", "提示：花名册里写的 1 位直属上级不在花名册中（按姓名、工号或邮箱都找不到）："
           "王建囯 (r.csv:3)；不会据此确定负责人或上级团队，并按原样写进 `manager:`，由 "
           "`orgspec check` 报告",
     "是不是指 'wang-jian-guo'？请写 id `wang-jian-guo`"),
    ("zh-Hant", "提示：員工名冊裡寫的 1 位直屬主管不在員工名冊中"
                "（按姓名、員工編號或電子郵件都找不到）："
                "王建囯 (r.csv:3)；不會據此確定負責人或上級團隊，並按原樣寫進 `manager:`，由 "
                "`orgspec check` 報告",
     "是不是指 'wang-jian-guo'？請寫 id `wang-jian-guo`")])
def test_a_manager_who_is_no_one_round_trips_to_one_rf001(tmp_path: Path, lang: str, note: str,
                                                         hint: str) -> None:
    notes, org = _import(tmp_path, TYPO, lang)
    assert notes == [note]
    assert org["li-na"]["manager"] == "王建囯"  # type: ignore[index]
    # the managers that match someone round-trip unchanged
    assert org["zhao-qiang"]["manager"] == "wang-jian-guo"  # type: ignore[index]
    assert org["zhang-wei"]["manager"] == "zhao-qiang"  # type: ignore[index]
    assert org["yun-ying-bu"]["lead"] == "wang-jian-guo"  # type: ignore[index]
    assert "manager" not in org["wang-jian-guo"]
    written = (tmp_path / "org" / "yun-ying-bu.yaml").read_text("utf-8").splitlines()
    line = written.index("  manager: 王建囯") + 1
    run = run_cli("check", str(tmp_path / "org"), "--isolated", "--format", "json", "--lang",
                  lang)
    found = [f for f in run.json()["findings"] if f["severity"] == "error"]
    assert [(f["code"], f["line"], f["column"], f["hint"]) for f in found] == [
        ("RF001", line, 12, hint)]


def test_a_manager_set_in_the_org_survives_a_reimport_of_the_typo(tmp_path: Path) -> None:
    _import(tmp_path, TYPO)
    path = tmp_path / "org" / "yun-ying-bu.yaml"
    path.write_text(path.read_text("utf-8").replace("manager: 王建囯", "manager: wang-jian-guo"),
                    "utf-8")
    _, org = _import(tmp_path, TYPO)
    assert org["li-na"]["manager"] == "wang-jian-guo"  # type: ignore[index]
