"""Trial 35 (an operations lead in Hong Kong and Taipei, a Big5-HKSCS roster from HK Excel).

1. A roster saved as Big5-HKSCS (李家堃, 陳喆, 張峯: characters cp950 lacks) is read as such,
   never written with U+FFFD; a byte no Big5 reads is U+FFFD with a note at its row and
   column. An org file saved as Big5 (with HKSCS characters or few common ones) or GBK gets
   the hint naming the encoding, as UTF-16 gets "save it as UTF-8".
2. A re-import that moves a person out of a team file the user edited (its update waits as
   NAME.yaml.new) leaves them in that file and out of their new team's: IN018 is the one
   finding, and after the merge a re-import moves them. Moving into an edited file keeps
   them a member of the team whose file keeps them (no HI007 beside IN018).
3. 職員編號 (Hong Kong's staff number) is the person id column; the note on columns not read
   names the fields `--column` takes (`person` among them), and `--help` lists all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import json_findings, run_cli

HK = ("員工編號,姓名,英文姓名,職稱,部門,直屬主管\n"
      "HK101,李家堃,Kevin Lee,營運總監,營運部,\n"
      "HK102,陳喆,Jack Chan,營運專員,營運部,李家堃\n"
      "HK103,張峯,Fung Cheung,營運專員,營運部,李家堃\n")


def _import(roster: Path, out: Path, *more: str, lang: str = "en") -> str:
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", lang, *more)
    assert run.code == 0, run.stderr
    return run.stderr + run.stdout


def _findings(out: Path) -> list[tuple[str, str, int]]:
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in json_findings(out)
            if f["code"] != "OW006"]  # no duty for the team: a roster gives none


# --- 1. Big5-HKSCS -------------------------------------------------------------------------------

def test_a_big5_hkscs_roster_is_read_as_such(tmp_path: Path) -> None:
    roster, out = tmp_path / "hk.csv", tmp_path / "org"
    data = HK.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp950")  # what the trial's roster was read as
    roster.write_bytes(data)
    said = _import(roster, out)
    team = (out / "ying-yun-bu.yaml").read_text("utf-8")
    assert "\ufffd" not in team + said
    assert "  id: hk101\n  name: 李家堃\n" in team and "  id: hk102\n  name: 陳喆\n" in team
    assert "  id: hk103\n  name: 張峯\n" in team and "  manager: hk101\n" in team
    assert "lead: hk101\n" in team
    assert _findings(out) == []


@pytest.mark.parametrize(("lang", "note"), [
    ("en", "note: hk.csv:4:8: a character Big5 cannot read, read as U+FFFD (the rest of the "
           "file is Big5)"),
    ("zh-Hant", "提示：hk.csv:4:8：有一個 Big5 無法讀取的字元，已讀作 U+FFFD"
                "（檔案其餘部分是 Big5）"),
])
def test_a_byte_no_big5_reads_is_a_note_at_its_row_and_column(
        tmp_path: Path, lang: str, note: str) -> None:
    roster, out = tmp_path / "hk.csv", tmp_path / "org"
    bad = HK.encode("big5hkscs").replace("張峯".encode("big5hkscs"), "張".encode("cp950") +
                                         b"\x80\x40")
    roster.write_bytes(bad)
    said = _import(roster, out, lang=lang)
    assert note in said.splitlines()
    assert "  id: hk103\n  name: 張\ufffd@\n" in (out / "ying-yun-bu.yaml").read_text("utf-8")


TEAM = ("# 由 `orgspec import roster` 匯入。\n"
        "- kind: Team\n  id: cai-wu-bu\n  name: 財務部\n  parent: zong-jing-li-shi\n"
        "  lead: hk015\n  members:\n  - hk015\n  - hk016\n\n"
        "- kind: Person\n  id: hk015\n  name: 羅慧敏\n  names:\n    en: Wai Man Law\n"
        "  title: 財務經理\n  email: waiman.law@starport.hk\n  manager: hk001\n\n"
        "- kind: Person\n  id: hk016\n  name: 葉子軒\n  names:\n    en: Tsz Hin Yip\n"
        "  title: 會計\n  email: tszhin.yip@starport.hk\n  manager: hk015\n")
HKSCS_TEAM = ("- kind: Team\n  id: ying-yun-bu\n  name: 營運部\n  lead: hk101\n"
              "  members: [hk101, hk102]\n"
              "- kind: Person\n  id: hk101\n  name: 李家堃\n  title: 營運總監\n"
              "- kind: Person\n  id: hk102\n  name: 陳喆\n  title: 營運專員\n  manager: hk101\n")


@pytest.mark.parametrize(("text", "codec", "lang", "hint"), [
    # the trial's team file: its Chinese is mostly names (0.29 of it common characters)
    (TEAM, "cp950", "en", "hint: it looks like Big5: save the file as UTF-8 (orgspec reads "
                          "only UTF-8)"),
    (TEAM, "cp950", "zh-Hant", "建議: 看起來是 Big5 編碼：請把檔案另存為 UTF-8"
                               "（orgspec 只讀取 UTF-8）"),
    (HKSCS_TEAM, "big5hkscs", "en", "hint: it looks like Big5: save the file as UTF-8 (orgspec "
                                    "reads only UTF-8)"),
    (TEAM, "gb18030", "zh", "建议: 看起来是 GBK 编码：请把文件另存为 UTF-8"
                            "（orgspec 只读取 UTF-8）"),
])
def test_an_org_file_saved_as_big5_or_gbk_is_told_so(
        tmp_path: Path, text: str, codec: str, lang: str, hint: str) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "team.yaml").write_bytes(text.encode(codec))
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang)
    found = [(f["code"], f["line"], f["column"]) for f in run.json()["findings"]]
    assert found == [("IN002", 1 if text is TEAM else 3, 3 if text is TEAM else 9)]
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang)
    assert run.stdout.splitlines()[1].strip() == hint


def test_legacy_encoding_names_big5_with_hong_kong_characters() -> None:
    from orgspec.load.source import legacy_encoding, legacy_text

    data = HKSCS_TEAM.encode("big5hkscs")
    assert legacy_encoding(data) == "Big5"
    assert legacy_text(data, "Big5") == HKSCS_TEAM
    # cut inside a character, as the first 20,000 bytes of a longer file may be
    assert legacy_encoding(data * 400) == "Big5"
    assert legacy_encoding("- kind: Person\n  id: hk101\n  name: 李家堃\n".encode("big5hkscs")) \
        is None  # three Han characters, none common: too little to tell


# --- 2. moving out of an edited file -------------------------------------------------------------

ROSTER = ("員工編號,姓名,職稱,部門,上級部門,直屬主管\n"
          "HK002,陳美玲,營運總監,營運部,,\n"
          "HK005,何詠詩,客服經理,客服部,營運部,陳美玲\n"
          "HK006,吳家豪,客服專員,客服部,營運部,何詠詩\n"
          "TW001,林志豪,台灣營運經理,台灣營運組,營運部,陳美玲\n"
          "TW003,王雅婷,客服專員,客服部,營運部,何詠詩\n")
MOVED = ROSTER.replace("TW003,王雅婷,客服專員,客服部,營運部,何詠詩",
                       "TW003,王雅婷,營運專員,台灣營運組,營運部,林志豪")
CS, TW = "ke-fu-bu.yaml", "tai-wan-ying-yun-zu.yaml"


def _edited(tmp_path: Path, first: str) -> tuple[Path, Path]:
    """`first` imported, then a mission added by hand to 客服部's file."""
    roster, out = tmp_path / "roster.csv", tmp_path / "org"
    roster.write_text(first, "utf-8")
    _import(roster, out)
    cs = out / CS
    cs.write_text(cs.read_text("utf-8").replace(
        "  name: 客服部\n", "  name: 客服部\n  mission: 一天之內答覆每一位顧客\n"), "utf-8")
    assert _findings(out) == []
    return roster, out


def test_a_person_moving_out_of_an_edited_file_stays_there_until_it_is_merged(
        tmp_path: Path) -> None:
    roster, out = _edited(tmp_path, ROSTER)
    mine = (out / CS).read_text("utf-8")
    roster.write_text(MOVED, "utf-8")
    said = _import(roster, out)
    assert (out / CS).read_text("utf-8") == mine
    new = (out / (CS + ".new")).read_text("utf-8")
    assert "tw003" not in new and "  mission: 一天之內答覆每一位顧客\n" in new
    assert "id: tw003" not in (out / TW).read_text("utf-8")
    assert "note: 王雅婷 (tw003) stays in org/ke-fu-bu.yaml for now: that file has edits of " \
        "yours that the import cannot merge, and its update (org/ke-fu-bu.yaml.new) leaves " \
        "them out; written into org/tai-wan-ying-yun-zu.yaml as well, they would be in the " \
        "org twice. Once you have merged org/ke-fu-bu.yaml.new, import again to write them " \
        "into org/tai-wan-ying-yun-zu.yaml" in said.replace(str(tmp_path) + "/", "")
    assert _findings(out) == [("IN018", CS + ".new", 1)]
    (out / (CS + ".new")).replace(out / CS)
    _import(roster, out)  # merged: the next import writes her into her new team's file
    assert "  id: tw003\n  name: 王雅婷\n  title: 營運專員\n  manager: tw001\n" in \
        (out / TW).read_text("utf-8")
    assert "tw003" not in (out / CS).read_text("utf-8")
    assert not (out / (CS + ".new")).exists()
    assert _findings(out) == []


def test_a_person_moving_into_an_edited_file_stays_a_member_of_their_team(
        tmp_path: Path) -> None:
    roster, out = _edited(tmp_path, MOVED)
    # her move, and a change the edited file cannot take in place: its update waits
    roster.write_text(ROSTER.replace("HK006,吳家豪,客服專員", "HK006,吳家豪,資深客服專員"), "utf-8")
    said = _import(roster, out)
    assert "王雅婷 (tw003) stays in " in said
    team = (out / TW).read_text("utf-8")
    assert "  members:\n  - tw001\n  - tw003\n" in team and "  id: tw003\n" in team
    assert _findings(out) == [("IN018", CS + ".new", 1)]  # no HI007: she still has a team


# --- 3. headers and --column ---------------------------------------------------------------------

HEADERS = ("職員編號,中文姓名,英文姓名,職位,部門,直屬上司,電郵,手提電話\n"
           "HK101,李家明,Kevin Lee,營運總監,營運部,,kevin@x.hk,91234567\n"
           "HK102,陳小文,Jack Chan,營運專員,營運部,李家明,jack@x.hk,92345678\n")
FIELDS = "person, name, name_en, name_zh, name_zh_hant, email, title, team, team_id, " \
         "parent_team, parent_team_id, manager, lead"


def test_the_hong_kong_staff_number_is_the_person_id(tmp_path: Path) -> None:
    roster, out = tmp_path / "hk.csv", tmp_path / "org"
    roster.write_text(HEADERS, "utf-8")
    said = _import(roster, out)
    team = (out / "ying-yun-bu.yaml").read_text("utf-8")
    assert "  id: hk101\n  name: 李家明\n" in team and "  manager: hk101\n" in team
    assert "note: hk.csv: columns not read: 手提電話 (orgspec keeps no such field; one that " \
        "holds a field under another header is read with --column FIELD=HEADER, FIELD one of " \
        f"{FIELDS})" in said.splitlines()
    assert _findings(out) == []


@pytest.mark.parametrize(("header", "option"), [
    ("Staff Code", "'person=Staff Code'"), ("員工代碼", "person=員工代碼")])
def test_a_number_column_not_read_is_said_to_be_read_as_person(
        tmp_path: Path, header: str, option: str) -> None:
    roster, out = tmp_path / "hk.csv", tmp_path / "org"
    roster.write_text(HEADERS.replace("職員編號", header), "utf-8")
    said = _import(roster, out)
    assert f"note: hk.csv: columns not read: {header}, 手提電話 (orgspec keeps no such field; " \
        "one that holds a field under another header is read with --column FIELD=HEADER, " \
        f"FIELD one of {FIELDS}: if {header} is each person's employee number, --column " \
        f"{option} makes it their id)" in said.splitlines()
    said = _import(roster, tmp_path / "again", "--column", option.strip("'"))
    assert "  id: hk101\n" in (tmp_path / "again" / "ying-yun-bu.yaml").read_text("utf-8")
    assert "columns not read: 手提電話 (" in said


def test_the_help_lists_every_field_the_error_does(tmp_path: Path) -> None:
    from orgspec.adopt.roster import FIELDS as TABLE

    assert ", ".join(TABLE) == FIELDS
    (tmp_path / "hk.csv").write_text(HEADERS, "utf-8")
    run = run_cli("import", "roster", str(tmp_path / "hk.csv"), "-o", str(tmp_path / "o"),
                  "--column", "id")
    assert f"FIELD one of {FIELDS}, not 'id'" in run.stderr.replace("\n", " ")
    text = " ".join(run_cli("import", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert f"read FIELD ({FIELDS}) from column HEADER." in text
