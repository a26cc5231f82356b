"""A fresh user's trial (trial 11): a roster's two departments of one name under different
parents were merged, a roster with a lead column gave no lead to a team none of whose rows
was flagged, the diff named a removed or renamed team "(no team)", --diff blamed a file
that loaded, a file-level finding in a renamed file was new and stale at once, `init`
wrote samples beside a real org, and `report --diff` scored teams by two policies."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import git, run_cli

from orgspec.engine.lint import load_org

# --- item 1: two departments of one name under different parents -----------------------------

SAME_NAME = ("工号,姓名,部门,上级部门,负责人\nE1,王建,总经办,,是\nE2,陈静,运营部,电商事业部,是\n"
             "E3,赵磊,运营部,物流事业部,是\nE4,徐婷,电商事业部,总经办,是\n"
             "E5,林雪,物流事业部,总经办,是\n")


def _import(tmp_path: Path, text: str, *args: str) -> tuple[Path, str]:
    roster = tmp_path / "d.csv"
    roster.write_text(text, "utf-8")
    out = tmp_path / "od"
    run = run_cli("import", "roster", str(roster), "-o", str(out), *args)
    assert run.code == 0, run.stderr
    return out, run.stdout + run.stderr


def test_departments_of_one_name_under_two_parents_are_two_teams(tmp_path: Path) -> None:
    out, said = _import(tmp_path, SAME_NAME, "--lang", "en")
    org = load_org([str(out)]).org
    by_name = {t.name: t for t in org.teams.values()}
    assert sorted(by_name) == ["总经办", "物流事业部", "电商事业部", "运营部（物流事业部）",
                               "运营部（电商事业部）"]
    ecom, logi = by_name["运营部（电商事业部）"], by_name["运营部（物流事业部）"]
    assert (ecom.parent, ecom.lead, ecom.members) == (by_name["电商事业部"].id, "e2", ["e2"])
    assert (logi.parent, logi.lead, logi.members) == (by_name["物流事业部"].id, "e3", ["e3"])
    assert "note: d.csv:3: 2 departments are called 运营部, under 电商事业部, 物流事业部: " \
        "imported as 2 teams, 运营部（电商事业部）, 运营部（物流事业部）" in said
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    assert [f["code"] for f in check.json()["findings"] if f["code"] in ("HI005", "RF008")] == []


def test_the_ids_of_same_name_departments_do_not_hang_on_row_order(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, SAME_NAME, "--lang", "en")
    lines = SAME_NAME.splitlines()
    swapped = "\n".join([lines[0], lines[1], lines[3], lines[2], *lines[4:]]) + "\n"
    (tmp_path / "b").mkdir()
    again, _ = _import(tmp_path / "b", swapped, "--lang", "en")
    assert sorted(p.name for p in out.glob("*.yaml")) == \
        sorted(p.name for p in again.glob("*.yaml"))
    first = {t.name: t.id for t in load_org([str(out)]).org.teams.values()}
    assert first == {t.name: t.id for t in load_org([str(again)]).org.teams.values()}
    # re-importing changes nothing
    _, said = _import(tmp_path, SAME_NAME, "--lang", "en")
    assert "5 unchanged" in said


@pytest.mark.parametrize(("lang", "note"), [
    ("zh", "提示：d.csv:3：有 2 个部门都叫 运营部（上级分别是 电商事业部、物流事业部），"
           "已导入为 2 个团队：运营部（电商事业部）、运营部（物流事业部）"),
    ("zh-Hant", "提示：d.csv:3：有 2 個部門都叫 运营部（上級分別是 电商事业部、物流事业部），"
                "已匯入為 2 個團隊：运营部（电商事业部）、运营部（物流事业部）"),
])
def test_the_same_name_note_is_said_in_the_runs_language(tmp_path: Path, lang: str,
                                                         note: str) -> None:
    _, said = _import(tmp_path, SAME_NAME, "--lang", lang)
    assert note in said


def test_a_parent_named_by_a_shared_name_is_the_first_of_them_with_a_note(
        tmp_path: Path) -> None:
    out, said = _import(tmp_path, SAME_NAME + "E6,周敏,直播组,运营部,是\n", "--lang", "en")
    org = load_org([str(out)]).org
    by_name = {t.name: t for t in org.teams.values()}
    assert by_name["直播组"].parent == by_name["运营部（电商事业部）"].id
    assert "note: d.csv:7: parent department 运营部 of 直播组 is one of several called so; " \
        "taken as 运营部（电商事业部）" in said


# --- item 8: a lead column, and a team none of whose rows is flagged -------------------------

def test_a_team_without_a_flagged_row_gets_the_lead_its_members_report_to(
        tmp_path: Path) -> None:
    out, _ = _import(tmp_path, "工号,姓名,部门,直属上级,负责人\nE1,王建,总经办,,是\n"
                     "E7,冯宇,技术部,E1,\nE9,宋佳,技术部,E7,\n")
    org = load_org([str(out)]).org
    by_name = {t.name: t for t in org.teams.values()}
    assert (by_name["总经办"].lead, by_name["技术部"].lead) == ("e1", "e7")
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    assert [f["code"] for f in check.json()["findings"] if f["code"] in ("HI005", "RF008")] == []


def test_a_flagged_lead_wins_over_the_manager_column(tmp_path: Path) -> None:
    out, _ = _import(tmp_path, "工号,姓名,部门,直属上级,负责人\nE1,王建,技术部,,\n"
                     "E7,冯宇,技术部,E1,是\nE9,宋佳,技术部,E1,\n")
    assert next(iter(load_org([str(out)]).org.teams.values())).lead == "e7"
