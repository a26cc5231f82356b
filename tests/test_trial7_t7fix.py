"""A fresh user's trial (a Shenzhen operations lead typing Simplified Chinese with an IME):
a kind written in Chinese got no did-you-mean and cascaded, an id written in Chinese got a
pinyin suggestion while the references used the id it had before (and cascaded), a mistyped
IANA zone got no did-you-mean and `CST` beside `timezone: Asia/Manila` was offered China or
Chicago, and the Markdown report's load table and flowcharts left out what the site shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 2)


def findings(tmp_path: Path, text: str, lang: str = "en") -> list[tuple[str, str, int, str, str]]:
    (tmp_path / "a.yaml").write_text(text, "utf-8")
    result = lint([str(tmp_path)], Config(lang=lang), today=TODAY)
    return sorted((f.code, Path(f.location.file).name, f.location.line, str(f.message),
                   str(f.hint)) for f in result.findings)


def codes(tmp_path: Path, text: str) -> list[tuple[str, str, int]]:
    return [f[:3] for f in findings(tmp_path, text)]


# --- 1. a kind written in Chinese (or as a synonym) ------------------------------------------

TEAMS = """\
- {{kind: {kind}, id: a, name: 甲部, lead: p, members: [p]}}
- {{kind: Person, id: p, name: 张三}}
- {{kind: Team, id: b, name: 乙部, parent: a, lead: q, members: [q], responsibilities: [r]}}
- {{kind: Person, id: q, name: 李四}}
- {{kind: Responsibility, id: r, name: 选品, accountable: b}}
"""


@pytest.mark.parametrize("word", ["团队", "團隊", "部门", "部門", "小组", "組", "Department"])
def test_a_team_kind_written_as_a_word_for_it_is_one_finding(tmp_path: Path, word: str) -> None:
    assert findings(tmp_path, TEAMS.format(kind=word)) == [
        ("IN010", "a.yaml", 1, f"unknown kind {word!r}", "did you mean `Team`?")]


@pytest.mark.parametrize(("word", "kind"), [
    ("人员", "Person"), ("員工", "Person"), ("职责", "Responsibility"), ("RACI", "Responsibility"),
    ("目標", "Objective"), ("OKR", "Objective"), ("流程", "Process"), ("岗位", "Position"),
    ("職位", "Position"), ("职务", "Position"), ("角色", "Role"), ("会议", "Meeting"),
    ("例會", "Meeting")])
def test_each_kind_has_its_chinese_words(tmp_path: Path, word: str, kind: str) -> None:
    said = findings(tmp_path, f"- {{kind: {word}, id: x, name: 某某}}\n", "zh")
    assert said == [("IN010", "a.yaml", 1, f"未知的 kind {word!r}", f"是不是要写 `{kind}`？")]


def test_a_person_kind_in_chinese_leaves_no_unknown_member_or_open_seat(tmp_path: Path) -> None:
    # her `kind: 人员` gave `members 中的 'zhou-yan' 不是已知的人员`, and the position the
    # person's `roles` fill had "no holder"
    assert codes(tmp_path, """\
- {kind: Team, id: xuanpin, name: 选品部, lead: li-ming, members: [li-ming, zhou-yan],
   responsibilities: [r]}
- {kind: Person, id: li-ming, name: 李明}
- {kind: 人员, id: zhou-yan, name: 周燕, roles: [selection-specialist]}
- {kind: Position, id: selection-specialist, name: 选品专员, team: xuanpin}
- {kind: Responsibility, id: r, name: 选品, accountable: xuanpin}
""") == [("IN010", "a.yaml", 4)]


# --- 2. an id written in Chinese while the references use the id it had ---------------------

MANILA = """\
- {{kind: Team, id: kefu, name: 客服部, lead: huang-mei, members: [huang-mei],
   responsibilities: [complaints]}}
- kind: Team
  id: {ident}
  name: 马尼拉客服组
  parent: kefu
  lead: maria
  members: [maria, jose]
- {{kind: Person, id: huang-mei, name: 黄梅}}
- {{kind: Person, id: maria, name: Maria Santos}}
- {{kind: Person, id: jose, name: Jose Reyes, roles: [cs-agent]}}
- {{kind: Position, id: cs-agent, name: 客服专员, team: kefu, holders: [jose]}}
- {{kind: Responsibility, id: complaints, name: 客诉, accountable: kefu,
   responsible: [{refs}]}}
- {{kind: Meeting, id: sync, name: 周会, cadence: 每周三 16:00, owner: huang-mei,
   attendees: [kefu, {refs}]}}
"""


def test_an_id_in_chinese_is_told_the_id_its_references_use(tmp_path: Path) -> None:
    said = findings(tmp_path, MANILA.format(ident="马尼拉客服组", refs="kefu-manila"), "zh")
    assert said == [("RF007", "a.yaml", 4,
                     "团队 id '马尼拉客服组' 不是小写短标识，而被引用 2 次的 'kefu-manila' 不是"
                     "任何团队：本来要写的是不是它？",
                     "在这里写 `id: kefu-manila`，即各处引用所用的 id")]


def test_an_id_in_chinese_that_nothing_references_keeps_the_pinyin(tmp_path: Path) -> None:
    said = findings(tmp_path, MANILA.format(ident="马尼拉客服组", refs="huang-mei"), "zh")
    assert [(c, f, line) for c, f, line, _, _ in said] == [("SC003", "a.yaml", 4)]
    assert "`ma-ni-la-ke-fu-zu`" in said[0][4]


def test_two_unknown_ids_are_not_guessed_between(tmp_path: Path) -> None:
    # two unknown ids, neither close to another: which one the definition had is not known
    text = MANILA.format(ident="马尼拉客服组", refs="kefu-manila").replace(
        "attendees: [kefu, kefu-manila]", "attendees: [kefu, manila-team]")
    assert codes(tmp_path, text) == [("RF001", "a.yaml", 14), ("RF001", "a.yaml", 16),
                                     ("SC003", "a.yaml", 4)]


def test_a_holder_on_a_team_held_as_invalid_is_not_outside_the_team(tmp_path: Path) -> None:
    # jose is on the team whose id is wrong: where that team sits is not known (no RO002)
    assert codes(tmp_path, MANILA.format(ident="马尼拉客服组", refs="huang-mei").replace(
        "kind: Team\n  id: 马", "kind: 小组\n  id: 马")) == [("IN010", "a.yaml", 3)]


# --- 3. time zones ----------------------------------------------------------------------------

MEETING = """\
- {{kind: Team, id: kefu, name: 客服部, lead: huang-mei, members: [huang-mei],
   responsibilities: [r]}}
- {{kind: Responsibility, id: r, name: 客诉, accountable: kefu}}
- {{kind: Person, id: huang-mei, name: 黄梅}}
- kind: Meeting
  id: manila-sync
  name: 马尼拉客服周会
  cadence: {cadence}
  timezone: {zone}
  owner: huang-mei
  attendees: [kefu]
"""


def test_a_misspelt_iana_zone_gets_the_closest_name(tmp_path: Path) -> None:
    said = findings(tmp_path, MEETING.format(cadence="每周三 16:00", zone="Asia/Manilla"))
    assert said == [("MT006", "a.yaml", 9, "meeting 'manila-sync' gives time zone "
                     "'Asia/Manilla', which is not a known time zone",
                     "did you mean `Asia/Manila`?")]


def test_cst_beside_another_timezone_is_told_it_is_not_that_zone(tmp_path: Path) -> None:
    said = findings(tmp_path, MEETING.format(cadence="每周三 16:00 CST", zone="Asia/Manila"))
    assert said == [("MT006", "a.yaml", 8, "meeting 'manila-sync' gives its time in 'CST' "
                     "(Asia/Shanghai / America/Chicago), which is not its timezone Asia/Manila",
                     "leave 'CST' out of the cadence, so that the time is read in Asia/Manila; "
                     "if it is Asia/Shanghai / America/Chicago time, write that as `timezone:` "
                     "instead")]


def test_cst_beside_its_own_timezone_is_told_to_go(tmp_path: Path) -> None:
    said = findings(tmp_path, MEETING.format(cadence="每周三 16:00 CST", zone="Asia/Shanghai"))
    assert [(c, line, hint) for c, _, line, _, hint in said] == [
        ("MT006", 8, "leave 'CST' out of the cadence: `timezone:` already says Asia/Shanghai")]


# --- 4. the Markdown report -------------------------------------------------------------------

REPORT_ORG = """\
- {kind: Team, id: company, name: 公司, lead: chen-jing, members: [chen-jing]}
- {kind: Team, id: ops, name: 运营部, parent: company, lead: li-ming, members: [li-ming]}
- {kind: Person, id: chen-jing, name: 陈静}
- {kind: Person, id: li-ming, name: 李明}
- {kind: Position, id: ops-lead, name: 运营主管, team: ops, holders: [li-ming]}
- {kind: Meeting, id: standup, name: 晨会, cadence: 工作日 9:30, owner: chen-jing,
   attendees: [ops]}
- {kind: Meeting, id: weekly, name: 周例会, cadence: 每周一 10:00, owner: chen-jing,
   attendees: [ops]}
- kind: Process
  id: promo
  name: 大促流程
  owner: ops
  steps:
    - {id: check, name: 备货确认, owner: ops, sla: "1d", next: [ramp]}
    - {id: ramp, name: 广告加预算, owner: ops, sla: "2小时 [x](y)"}
"""


def _report(tmp_path: Path) -> str:
    (tmp_path / "a.yaml").write_text(REPORT_ORG, "utf-8")
    run = run_cli("report", str(tmp_path / "a.yaml"), "--lang", "zh", "-o",
                  str(tmp_path / "r.md"))
    assert run.code in (0, 1), run.stderr
    return (tmp_path / "r.md").read_text("utf-8")


def test_the_load_table_says_what_it_counts_and_counts_meetings_chaired(tmp_path: Path) -> None:
    report = _report(tmp_path)
    table = report.split("## 个人负荷\n\n", 1)[1].split("\n\n## ", 1)[0].splitlines()
    assert table[0].startswith("按人统计：本人或通过所任岗位批准 (A) 的职责数") and \
        "主持的会议数" in table[0]
    assert table[2:] == ["| 人员 | 批准 (A)：本人或所任岗位 | 批准 (A)：仅经由带领的团队 "
                         "| 带领团队 | 担任岗位 | 主持会议 |",
                         "|---|---|---|---|---|---|",
                         "| 陈静 (`chen-jing`) | 0 | 0 | 1 | 0 | 2 |",
                         "| 李明 (`li-ming`) | 0 | 0 | 1 | 1 | 0 |"]


def test_the_report_flowcharts_say_each_steps_sla(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert '  s0["备货确认<br/>运营部<br/>时限：1d"]\n' in report
    assert '  s1["广告加预算<br/>运营部<br/>时限：2小时 #91;x#93;#40;y#41;"]\n' in report
