"""Trial 23 (张伟, an HRBP importing his roster with 工号 as ids): a re-import never leaves
the org with fewer people than before because an update waits in a NAME.yaml.new."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

FIRST = "工号,姓名,部门,直属上级\n1024,张伟,人力资源部,\n1025,孔琪,人力资源部,1024\n" \
        "1035,邹平,,1024\n"
MOVED = "工号,姓名,部门,直属上级\n1024,张伟,人力资源部,\n1025,孔琪,人力资源部,1024\n" \
        "1035,邹平,人力资源部,1024\n"
HIRED = MOVED + "1036,钱多多,人力资源部,1024\n"
HR = "ren-li-zi-yuan-bu.yaml"


def _import(roster: Path, out: Path, text: str) -> str:
    roster.write_text(text, "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert run.code == 0, run.stderr
    return run.stderr + run.stdout


def _findings(out: Path) -> list[tuple[str, str, int]]:
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in check.json()["findings"]
            if f["code"] != "OW006"]  # no duty for the team: the roster gives none


def _hand_added(tmp_path: Path) -> tuple[Path, Path]:
    """The trial's org: 邹平 imported without a team (in _unassigned.yaml), then added by
    hand to 人力资源部's members, unquoted and with a comment."""
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    _import(roster, out, FIRST)
    assert (out / "_unassigned.yaml").is_file()
    team = out / HR
    team.write_text(team.read_text("utf-8").replace(
        "  - '1025'  # 孔琪\n", "  - '1025'  # 孔琪\n  - 1035   # 邹平 行政\n"), "utf-8")
    assert _findings(out) == []
    return roster, out


def test_a_person_whose_new_team_file_was_edited_stays_where_the_org_has_them(
        tmp_path: Path) -> None:
    roster, out = _hand_added(tmp_path)
    mine = (out / HR).read_text("utf-8")
    said = _import(roster, out, MOVED)
    # her team's file already says all the import says but her entry: nothing waits
    assert not (out / (HR + ".new")).exists() and (out / HR).read_text("utf-8") == mine
    assert "id: '1035'" in (out / "_unassigned.yaml").read_text("utf-8")
    assert "邹平 (1035) stays in " in said and "_unassigned.yaml for now" in said
    assert _findings(out) == []


def test_a_pending_update_is_the_one_finding_and_merging_it_gives_a_clean_org(
        tmp_path: Path) -> None:
    roster, out = _hand_added(tmp_path)
    _import(roster, out, HIRED)  # a new hire in the edited file: its update must wait
    assert (out / (HR + ".new")).is_file()
    assert "id: '1035'" in (out / "_unassigned.yaml").read_text("utf-8")
    assert "id: '1035'" not in (out / (HR + ".new")).read_text("utf-8")
    assert _findings(out) == [("IN018", HR + ".new", 1)]
    (out / (HR + ".new")).replace(out / HR)
    assert _findings(out) == []
    _import(roster, out, HIRED)  # merged: the next import moves her into her team's file
    assert not (out / "_unassigned.yaml").exists()
    assert "id: '1035'" in (out / HR).read_text("utf-8")
    assert _findings(out) == []


ENGLISH = "工号,姓名,英文名,部门,直属上级,入职日期\n" \
          "1001,王建国,Jianguo Wang,总经办,,2019-01-02\n" \
          "1003,陈静,Jing Chen,直播运营部,1001,2020-03-01\n" \
          "1004,周杰,Jie Zhou,直播运营部,Jing Chen,2021-05-06\n"


def test_the_english_name_column_is_names_en_and_finds_a_manager_written_so(
        tmp_path: Path) -> None:
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    said = _import(roster, out, ENGLISH)
    team = (out / "zhi-bo-yun-ying-bu.yaml").read_text("utf-8")
    assert "- kind: Person\n  id: '1003'\n  name: 陈静\n  names:\n    en: Jing Chen\n" in team
    assert "  id: '1004'\n  name: 周杰\n  names:\n    en: Jie Zhou\n" \
        "  manager: '1003'  # 陈静\n" in team
    assert "managers written as an English name were read by the English-name column: " \
        "Jing Chen → 陈静 (1003)\n" in said
    # the format keeps no start date: said, as before
    assert "columns not read: 入职日期 (orgspec keeps no such field" in said
    assert _findings(out) == []


def test_the_chinese_export_has_the_english_name_and_imports_back_the_same(
        tmp_path: Path) -> None:
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    _import(roster, out, ENGLISH)
    sheets = tmp_path / "sheets"
    assert run_cli("export", str(out), "--format", "csv", "-o", str(sheets), "--lang",
                   "zh").code == 0
    people = (sheets / "people.csv").read_text("utf-8-sig").splitlines()
    assert people[0] == "姓名,英文名,部门,职位,直属上级,邮箱,上级部门,负责人,orgspec 人员编号," \
        "orgspec 部门编号,orgspec 上级部门编号"
    assert people[1:] == ["陈静,Jing Chen,直播运营部,,王建国,,总经办,是,1003,zhi-bo-yun-ying-bu,"
                          "zong-jing-ban",
                          "周杰,Jie Zhou,直播运营部,,陈静,,总经办,,1004,zhi-bo-yun-ying-bu,"
                          "zong-jing-ban",
                          "王建国,Jianguo Wang,总经办,,,,,是,1001,zong-jing-ban,"]
    back = tmp_path / "back"
    assert run_cli("import", "roster", str(sheets / "people.csv"), "-o", str(back), "--lang",
                   "en").code == 0
    assert (back / "zhi-bo-yun-ying-bu.yaml").read_text("utf-8") == \
        (out / "zhi-bo-yun-ying-bu.yaml").read_text("utf-8")


def test_employee_numbers_are_named_in_a_comment_and_a_reimport_keeps_yours(
        tmp_path: Path) -> None:
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    _import(roster, out, FIRST)
    team = out / HR
    text = team.read_text("utf-8")
    assert "  lead: '1024'  # 张伟\n  members:\n  - '1024'  # 张伟\n  - '1025'  # 孔琪\n" in text
    assert "  id: '1025'\n  name: 孔琪\n  manager: '1024'  # 张伟\n" in text
    assert "unchanged" in _import(roster, out, FIRST)
    assert "0 written, 2 unchanged, 0 beside edited files" in _import(roster, out, FIRST)
    mine = text.replace("  - '1025'  # 孔琪\n", "  - '1025'  # 孔琪, 招聘\n")
    team.write_text(mine, "utf-8")
    assert "0 written, 2 unchanged, 0 beside edited files" in _import(roster, out, FIRST)
    said = _import(roster, out, HIRED)  # her file edited, and more to write in it
    assert "has no place" not in said
    now = team.read_text("utf-8") if not (out / (HR + ".new")).exists() else \
        (out / (HR + ".new")).read_text("utf-8")
    assert "  - '1025'  # 孔琪, 招聘\n" in now and "  - '1036'  # 钱多多\n" in now
    assert now.count("# 张伟") == 5  # lead, member, manager of 孔琪, 邹平, 钱多多: once each
