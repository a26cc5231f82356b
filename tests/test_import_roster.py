"""A fresh user's trial of `orgspec import roster` (imp2): a re-import renamed an issued team
id when a second department of its name appeared, two people of one name without 工号 were
merged silently, pinyin ids read surnames by their common reading (曾敏 `ceng-min`), a team
with two flagged leads took the first silently, and a team left with no lead got no note."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from orgspec.adopt.slug import IdMap, slugify
from orgspec.engine.lint import load_org


def _import(roster: Path, out: Path, text: str, *args: str) -> list[str]:
    """Import `text` as `roster` into `out`; the notes and summary it prints, a line each
    (not the line a first import adds, to commit its manifest: `test_reimport_order`)."""
    roster.write_text(text, "utf-8")
    run = run_cli("import", "roster", str(roster), "-o", str(out), *args)
    assert run.code == 0, run.stderr
    return [*run.stderr.splitlines(),
            *(line for line in run.stdout.splitlines() if ".orgspec-import.json" not in line)]


def _yaml(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.yaml"))


def _codes(out: Path, *codes: str) -> list[tuple[str, str]]:
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    return [(f["code"], Path(f["file"]).name) for f in check.json()["findings"]
            if f["code"] in codes]


# --- 1: an issued team id stays when a second department of its name appears ----------------

ONE_CS = "姓名,部门,上级部门,负责人\n王芳,电商事业部,,是\n陈静,客服部,电商事业部,是\n" \
         "林雪,客服部,电商事业部,\n"
# the new 客服部's rows come first: which one keeps the id does not hang on the rows' order
TWO_CS = "姓名,部门,上级部门,负责人\n赵六,物流事业部,,是\n周明,客服部,物流事业部,是\n" \
         "王芳,电商事业部,,是\n陈静,客服部,电商事业部,是\n林雪,客服部,电商事业部,\n"
DUTY = "- kind: Responsibility\n  id: returns\n  name: 退货\n  accountable: ke-fu-bu\n"


def test_a_second_department_of_a_name_leaves_the_issued_id_alone(tmp_path: Path) -> None:
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    _import(roster, out, ONE_CS, "--lang", "en")
    assert _yaml(out) == ["dian-shang-shi-ye-bu.yaml", "ke-fu-bu.yaml"]
    (out / "duties.yaml").write_text(DUTY, "utf-8")  # written by hand, refers to the id

    said = _import(roster, out, TWO_CS, "--lang", "en")
    assert said == [
        "note: r.csv:3: 2 departments are called 客服部, under 物流事业部, 电商事业部: imported "
        "as 2 teams, 客服部（物流事业部）, 客服部（电商事业部）",
        "note: r.csv:5: 客服部（电商事业部） keeps the id 'ke-fu-bu' an earlier import gave "
        "客服部; the other departments called 客服部 get new ids: ke-fu-bu-wu-liu-shi-ye-bu",
        f"imported 4 teams, 5 people and 0 duties into {out}: 3 written, 1 unchanged, 0 beside "
        "edited files, 0 removed"]
    assert _yaml(out) == ["dian-shang-shi-ye-bu.yaml", "duties.yaml",
                          "ke-fu-bu-wu-liu-shi-ye-bu.yaml", "ke-fu-bu.yaml",
                          "wu-liu-shi-ye-bu.yaml"]
    teams = load_org([str(out)]).org.teams
    assert (teams["ke-fu-bu"].parent, teams["ke-fu-bu"].lead, teams["ke-fu-bu"].members) == \
        ("dian-shang-shi-ye-bu", "chen-jing", ["chen-jing", "lin-xue"])
    new = teams["ke-fu-bu-wu-liu-shi-ye-bu"]
    assert (new.parent, new.lead, new.members) == ("wu-liu-shi-ye-bu", "zhou-ming", ["zhou-ming"])
    assert _codes(out, "RF001", "RF008") == []  # the hand-written reference still holds
    manifest = json.loads((out / ".orgspec-import.json").read_text("utf-8"))
    assert manifest["ids"]["team"] == {
        "客服部": "ke-fu-bu", "物流事业部": "wu-liu-shi-ye-bu",
        "物流事业部/客服部": "ke-fu-bu-wu-liu-shi-ye-bu", "电商事业部": "dian-shang-shi-ye-bu",
        "电商事业部/客服部": "ke-fu-bu"}

    # again: nothing changes, and the note is not repeated
    said = _import(roster, out, TWO_CS, "--lang", "en")
    assert said[1:] == [f"imported 4 teams, 5 people and 0 duties into {out}: 0 written, 4 "
                        "unchanged, 0 beside edited files, 0 removed"]
    # one 客服部 again, the new one: it keeps the id it was given, not the name's first one
    _import(roster, out, "姓名,部门,上级部门,负责人\n赵六,物流事业部,,是\n"
            "周明,客服部,物流事业部,是\n", "--lang", "en")
    assert _yaml(out) == ["duties.yaml", "ke-fu-bu-wu-liu-shi-ye-bu.yaml",
                          "wu-liu-shi-ye-bu.yaml"]


def test_the_keeping_note_is_said_in_chinese(tmp_path: Path) -> None:
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    _import(roster, out, ONE_CS)
    said = _import(roster, out, TWO_CS, "--lang", "zh")
    assert said[1] == ("提示：r.csv:5：客服部（电商事业部） 保留之前导入时给 客服部 的 id "
                       "'ke-fu-bu'；其他叫 客服部 的部门用新的 id：ke-fu-bu-wu-liu-shi-ye-bu")


# --- 2: two people of one name without 工号 ---------------------------------------------------

def test_two_people_of_one_name_are_two_people_with_a_note(tmp_path: Path) -> None:
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    said = _import(roster, out, "姓名,部门,职位,负责人,直属上级\n"
                   "张伟,客服部,客服专员,,王芳\n王芳,客服部,客服经理,是,\n"
                   "张伟,物流部,物流经理,,\n李强,物流部,司机,,张伟\n"
                   "张伟,客服部,客服专员,,王芳\n"   # the same row again
                   "王芳,客服部,客服经理,是,\n", "--lang", "en")
    assert said[:3] == [
        "note: r.csv:6: repeats r.csv:2; read once",
        "note: r.csv:7: repeats r.csv:3; read once",
        "note: r.csv:2: 2 people are called 张伟 and no employee ID or email tells them apart: "
        "imported as 2 people, zhang-wei (客服部), zhang-wei-2 (物流部), told apart by "
        "department and title (if they are one person, give their rows one employee ID)"]
    org = load_org([str(out)]).org
    assert {p: (org.people[p].name, org.people[p].title) for p in org.people} == {
        "zhang-wei": ("张伟", "客服专员"), "zhang-wei-2": ("张伟", "物流经理"),
        "wang-fang": ("王芳", "客服经理"), "li-qiang": ("李强", "司机")}
    by_name = {t.name: t for t in org.teams.values()}
    assert by_name["客服部"].members == ["wang-fang", "zhang-wei"]
    # 李强's manager 张伟 is the one in his team
    assert (by_name["物流部"].members, by_name["物流部"].lead) == \
        (["li-qiang", "zhang-wei-2"], "zhang-wei-2")


def test_a_second_person_of_an_issued_name_leaves_the_issued_id_alone(tmp_path: Path) -> None:
    """Traditional script: the 張偉 imported first keeps `zhang-wei` when a second 張偉
    appears above him; the same rows with another title in one department are taken as one
    person, with a note."""
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    _import(roster, out, "姓名,部門,職稱,負責人\n張偉,物流部,經理,是\n")
    said = _import(roster, out, "姓名,部門,職稱,負責人\n張偉,客服部,專員,是\n"
                   "張偉,物流部,經理,是\n張偉,物流部,經理,否\n", "--lang", "zh-Hant")
    assert said[:2] == [
        "提示：r.csv:4：又出現 張偉，部門和職稱都與 r.csv:3 相同：視為同一人",
        "提示：r.csv:2：有 2 人都叫 張偉，又沒有員工編號或電子郵件區分：按部門和職稱區分，已匯入為 "
        "2 個人員：zhang-wei-2 (客服部)、zhang-wei (物流部)（如果其實是同一人，請給這些列填上同一"
        "個員工編號）"]
    teams = {t.name: t for t in load_org([str(out)]).org.teams.values()}
    assert (teams["物流部"].lead, teams["客服部"].lead) == ("zhang-wei", "zhang-wei-2")


# --- 3: surnames read as surnames ------------------------------------------------------------

def test_person_ids_read_the_surname_as_a_surname() -> None:
    names = ["曾敏", "單雄信", "解缙", "仇英", "区永", "查良镛", "張偉"]
    assert [slugify(n, "person", surname=True) for n in names] == [
        "zeng-min", "shan-xiong-xin", "xie-jin", "qiu-ying", "ou-yong", "zha-liang-yong",
        "zhang-wei"]
    # a team's name is not a person's: 曾经 stays céng
    assert slugify("曾经理室", "team") == "ceng-jing-li-shi"
    assert IdMap().get("person", "曾敏") == "zeng-min"


def test_an_issued_surname_id_stays_through_the_manifest(tmp_path: Path) -> None:
    text = "姓名,部门,负责人\n曾敏,客服部,是\n单田,客服部,\n"
    fresh = tmp_path / "fresh"
    _import(tmp_path / "r.csv", fresh, text)
    assert sorted(load_org([str(fresh)]).org.people) == ["shan-tian", "zeng-min"]
    # an org imported before surnames were read so: its manifest keeps `ceng-min`
    old = tmp_path / "old"
    old.mkdir()
    (old / ".orgspec-import.json").write_text(json.dumps({
        "source": "roster", "files": {},
        "ids": {"person": {"曾敏": "ceng-min"}, "team": {"客服部": "ke-fu-bu"}}}), "utf-8")
    _import(tmp_path / "r.csv", old, text)
    assert sorted(load_org([str(old)]).org.people) == ["ceng-min", "shan-tian"]
    assert json.loads((old / ".orgspec-import.json").read_text("utf-8"))["ids"]["person"] == \
        {"曾敏": "ceng-min", "单田": "shan-tian"}


# --- 4 and 5: leads ---------------------------------------------------------------------------

def test_two_flagged_leads_are_named_and_the_first_taken(tmp_path: Path) -> None:
    out = tmp_path / "org"
    said = _import(tmp_path / "r.csv", out, "Name,Department,Lead\nAda,Ops,yes\n"
                   "Grace,Ops,yes\nLinus,Ops,\n", "--lang", "en")
    assert said[:-1] == [
        "note: r.csv:2: team Ops has 2 people flagged as lead: ada, grace; the first, ada, is "
        "taken (set `lead:` in ops.yaml to choose another)"]
    assert load_org([str(out)]).org.teams["ops"].lead == "ada"


def test_a_team_left_without_a_lead_gets_one_note(tmp_path: Path) -> None:
    """One note per such team, in the run's language; `check` reports it too (HI005)."""
    out = tmp_path / "org"
    said = _import(tmp_path / "r.csv", out, "姓名,部门,上级部门,负责人\n王芳,总部,电商事业部,是\n"
                   "林雪,仓储部,总部,\n周明,仓储部,总部,\n", "--lang", "zh")
    assert said[:-1] == [
        "提示：r.csv:2：团队 电商事业部 没有负责人：花名册只把它写作上级部门，里面没有人员；"
        "请在 dian-shang-shi-ye-bu.yaml 里写 `lead:`",
        "提示：r.csv:3：团队 仓储部 没有负责人：它的行都没有标为负责人，其中也没有人是其他成员的"
        "直属上级；请在 cang-chu-bu.yaml 里写 `lead:`"]
    assert _codes(out, "HI005") == [("HI005", "cang-chu-bu.yaml"),
                                    ("HI005", "dian-shang-shi-ye-bu.yaml")]


def test_a_roster_with_no_lead_nor_manager_gets_one_note_for_all(tmp_path: Path) -> None:
    said = _import(tmp_path / "r.csv", tmp_path / "org", "Name,Department\nAda,Ops\n"
                   "Grace,Dev\n", "--lang", "en")
    assert said[:-1] == [
        "note: no row flags a lead or names a manager, so no team has a lead (teams: 2): flag "
        "each team's lead in a lead column (Lead: yes) or set `lead:` in the team's file",
        "note: no parent-department column: 2 top-level teams; add one to the roster, or set "
        "`parent:` in a team's file (a re-import keeps it)"]


def test_a_person_keeps_their_id_when_their_namesake_leaves(tmp_path) -> None:
    """Trial 4: two 张伟 (zhang-wei, zhang-wei-2); the first leaves the roster and the
    other's department is no longer one of two of its name: they stay zhang-wei-2."""
    both = tmp_path / "a.csv"
    both.write_text("姓名,部门,上级部门,职位\n张伟,客服部,电商事业部,客服专员\n"
                    "张伟,客服部,物流事业部,仓储客服\n", "utf-8")
    one = tmp_path / "c.csv"
    one.write_text("姓名,部门,上级部门,职位\n张伟,客服部,物流事业部,仓储客服\n", "utf-8")
    out = tmp_path / "org"
    assert run_cli("import", "roster", str(both), "-o", str(out), "--lang", "en").code == 0
    assert run_cli("import", "roster", str(one), "-o", str(out), "--lang", "en").code == 0
    ids = sorted(line.split(":", 1)[1].strip() for p in out.rglob("*.yaml")
                 for line in p.read_text("utf-8").splitlines()
                 if line.strip().startswith("id: zhang-wei"))
    assert ids == ["zhang-wei-2"]


def test_names_are_written_as_a_search_finds_them(tmp_path: Path) -> None:
    # a full-width space (何　静) or IME quotes around a name (“李雷”) from the roster would
    # be SC004/SC005 on the imported org itself (a fuzz seed found it); stripped with a
    # note, ids unchanged on re-import
    roster = tmp_path / "r.csv"
    roster.write_text("工号,姓名,部门\n,何　静,客服部\n,“李雷”,客服部\n,Amy　Lee,客服部\n", "utf-8")
    out = tmp_path / "org"
    run = run_cli("import", "roster", str(roster), "-o", str(out), "--lang", "en")
    assert run.code == 0
    assert [line for line in run.stderr.splitlines() if "(removed)" in line] == [
        "note: person amy-lee: name had full-width or other wide spaces (removed)",
        "note: person he-jing: name had full-width or other wide spaces (removed)",
        "note: person li-lei: name was inside the quotes “” (removed)"]
    people = load_org([str(out)]).org.people
    assert {p: people[p].name for p in people} == {"amy-lee": "Amy Lee", "he-jing": "何静",
                                                   "li-lei": "李雷"}
    check = run_cli("check", str(out), "--isolated", "--no-cache", "--format", "json")
    assert [f["code"] for f in check.json()["findings"] if f["code"][:2] == "SC"] == []


# --- numeric 工号: the person's id, as the README says (kept, not swapped for pinyin) --------

NUMBERED = "工号,姓名,部门,职位,负责人\n1001,王伟,运营部,经理,是\n1002,李娜,运营部,专员,\n"


def test_a_numeric_employee_id_is_the_persons_id_written_as_text(tmp_path: Path) -> None:
    """The 工号 is what HR keys a person by (a renamed person, two 张伟): it is their id, as a
    roster's `E0042` is `e0042`; written quoted, so YAML reads `'1002'` as text."""
    out = tmp_path / "org"
    _import(tmp_path / "r.csv", out, NUMBERED, "--lang", "en")
    text = (out / "yun-ying-bu.yaml").read_text("utf-8")
    assert "  lead: '1001'  # 王伟\n  members:\n  - '1001'  # 王伟\n  - '1002'  # 李娜\n" in text
    assert "- kind: Person\n  id: '1002'\n  name: 李娜\n" in text
    assert sorted(load_org([str(out)]).org.people) == ["1001", "1002"]
    assert _codes(out, "RF001", "SC001", "SC003") == []
    # HR renames 李娜: a re-import keeps the id, only the name changes
    _import(tmp_path / "r.csv", out, NUMBERED.replace("李娜", "李娜娜"), "--lang", "en")
    again = (out / "yun-ying-bu.yaml").read_text("utf-8")
    assert again == text.replace("李娜", "李娜娜")


def test_a_name_written_for_a_numeric_id_is_told_the_id(tmp_path: Path) -> None:
    out = tmp_path / "org"
    _import(tmp_path / "r.csv", out, NUMBERED, "--lang", "en")
    (out / "duty.yaml").write_text("- kind: Responsibility\n  id: orders\n  name: 订单\n"
                                   "  accountable: yun-ying-bu\n  responsible: [李娜]\n",
                                   "utf-8")
    check = run_cli("check", str(out), "--format", "json", "--lang", "en")
    [found] = [f for f in check.json()["findings"] if f["code"] == "RF001"]
    assert (Path(found["file"]).name, found["line"]) == ("duty.yaml", 5)
    assert found["hint"] == "李娜 is the name of person `1002`: write `1002`"


# --- a department written in both scripts is one team ----------------------------------------

TWO_SCRIPTS = "姓名,部門,直屬主管\n王志明,總經理室,\n陳建宏,營運部,王志明\n赵磊,营运部,陳建宏\n" \
              "林雅婷,營運部,陳建宏\n"


def test_a_department_in_both_scripts_is_one_team_with_a_note(tmp_path: Path) -> None:
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    said = _import(roster, out, TWO_SCRIPTS, "--lang", "en")
    assert said[0] == ("note: r.csv:4: department 营运部 is 營運部 written another way "
                       "(Traditional or Simplified script, full-width letters or case): "
                       "imported as one team, 營運部")
    assert _yaml(out) == ["ying-yun-bu.yaml", "zong-jing-li-shi.yaml"]
    team = load_org([str(out)]).org.teams["ying-yun-bu"]
    assert (team.name, team.parent, team.lead, sorted(team.members)) == \
        ("營運部", "zong-jing-li-shi", "chen-jian-hong", ["chen-jian-hong", "lin-ya-ting",
                                                        "zhao-lei"])
    assert _codes(out, "RF008") == []
    said = _import(roster, tmp_path / "zh", TWO_SCRIPTS, "--lang", "zh")
    assert said[0] == ("提示：r.csv:4：部门 营运部 就是 營運部，只是写法不同（繁体或简体字、"
                       "全角字母或大小写）：导入为同一个团队 營運部")


def test_a_tie_between_two_spellings_goes_to_the_first_met(tmp_path: Path) -> None:
    said = _import(tmp_path / "r.csv", tmp_path / "org",
                   "姓名,部门\n赵磊,运营部\n陈静,運營部\n", "--lang", "en")
    assert said[0].startswith("note: r.csv:3: department 運營部 is 运营部 written another way")
    assert load_org([str(tmp_path / "org")]).org.teams["yun-ying-bu"].name == "运营部"


def test_a_department_spelt_two_ways_folds_into_the_team_whose_aliases_name_it(
        tmp_path: Path) -> None:
    """HR's roster says 營運部 on two rows and 運營部 on one (trial 17 #2): two teams at
    first; once the user moves 蔡佩珊 into 營運部's file, keeps `yun-ying-bu` in its
    `aliases` and deletes the other file, a re-import keeps one team, with every member."""
    out, roster = tmp_path / "org", tmp_path / "r.csv"
    text = ("姓名,部門,職位,郵箱,主管\n林怡君,營運部,營運主管,yijun@x.tw,\n"
            "蔡佩珊,運營部,營運專員,peishan@x.tw,林怡君\n王大同,營運部,營運專員,datong@x.tw,林怡君\n")
    said = _import(roster, out, text, "--lang", "en")
    assert _yaml(out) == ["ying-yun-bu.yaml", "yun-ying-bu.yaml"]
    assert ("note: 營運部 (r.csv:2), 運營部 (r.csv:3) look like one department spelt 2 ways: "
            "if they are one, move the members of 運營部 into 營運部's file, add yun-ying-bu to "
            "its `aliases` and delete the others' files; a re-import then keeps them in 營運部"
            ) in said
    mine = out / "ying-yun-bu.yaml"
    edited = mine.read_text("utf-8").replace(
        "  name: 營運部\n", "  name: 營運部\n  aliases: [yun-ying-bu]\n").replace(
        "  - yijun\n", "  - peishan\n  - yijun\n", 1)
    edited += ("\n- kind: Person\n  id: peishan\n  name: 蔡佩珊\n  title: 營運專員\n"
               "  email: peishan@x.tw\n")
    mine.write_text(edited, "utf-8")
    (out / "yun-ying-bu.yaml").unlink()
    _import(roster, out, text, "--lang", "en")
    assert _yaml(out) == ["ying-yun-bu.yaml"]
    assert not list(out.glob("*.new"))
    org = load_org([str(out)]).org
    assert list(org.teams) == ["ying-yun-bu"]
    assert org.teams["ying-yun-bu"].members == ["datong", "peishan", "yijun"]
    assert org.teams["ying-yun-bu"].parent is None
    _import(roster, out, text, "--lang", "en")  # and again: nothing changes
    assert _yaml(out) == ["ying-yun-bu.yaml"]


def _book(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    staff = book.active
    staff.title = "员工"
    staff.append(["姓名", "部门", "邮箱", "直属上级"])
    for name, team, mail in [("林峰", "技术部", "lf"), ("王芳", "客服部", "wf"),
                             ("李强", "运营部", "lq"), ("赵敏", "市场部", "zm"),
                             ("孙丽", "商品部", "sl"), ("周杰", "仓储物流部", "zj")]:
        staff.append([name, team, f"{mail}@x.cn", "" if name == "林峰" else "林峰"])
    interns = book.create_sheet("实习生")
    interns.append(["姓名", "部门", "邮箱"])
    interns.append(["彭雪", "技术部", "px@x.cn"])
    interns.append(["蒋涛", "客服部", "jt@x.cn"])
    book.save(path)


def test_a_second_sheet_of_people_is_said_and_one_sheet_cannot_empty_the_org(
        tmp_path: Path) -> None:
    """Trial 18: a workbook's 实习生 sheet was left out without a word, and `--sheet 实习生`
    removed five of seven team files with exit 0. The other sheet is now named in a note;
    an import that would remove most of an earlier import's files stops first, writing
    nothing, unless --force."""
    book, out = tmp_path / "book.xlsx", tmp_path / "org"
    _book(book)
    run = run_cli("import", "roster", str(book), "-o", str(out), "--lang", "en")
    assert run.code == 0, run.stderr
    assert (f"note: {book}: sheet '实习生' lists people too and was not read (one sheet of a "
            "workbook is): to import them as well, save that sheet as CSV and name both files "
            "in one import") in run.stderr.splitlines()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    run = run_cli("import", "roster", str(book), "--sheet", "实习生", "-o", str(out),
                  "--lang", "en")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == (
        f"orgspec: error: '{out}': this import would remove 4 of the 6 files an earlier import "
        "wrote (cang-chu-wu-liu-bu.yaml, shang-pin-bu.yaml, shi-chang-bu.yaml, yun-ying-bu.yaml)"
        ": is this the whole org, not one sheet or a filtered export? Nothing was written; "
        "--force removes them\n")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    run = run_cli("import", "roster", str(book), "--sheet", "实习生", "-o", str(out),
                  "--lang", "en", "--force")
    assert run.code == 0 and "4 removed" in run.stdout
    assert _yaml(out) == ["ji-shu-bu.yaml", "ke-fu-bu.yaml"]
