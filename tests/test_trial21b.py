"""Trial 21 (a Taipei customer-service head, zh-Hant, roster ids t001-t018): a did-you-mean
that picked one of two equally close ids, a full-width-comma hint that wrote an open seat
as `None`, a key result's baseline lost behind an earlier number, hints that did not show
the charter entry to type, and zh-Hant wording (列 is a row in Taiwan, 欄 a column)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.i18n import M, say
from orgspec.text.suggest import Suggester

ROSTER = Path(__file__).parent / "fixtures" / "trial21" / "roster.csv"  # hers, 18 people
ROSTER_IDS = [f"t{i:03}" for i in range(1, 19)]

PEOPLE = "".join(f"- {{kind: Person, id: {i}, name: {n}}}\n" for i, n in (
    ("t001", "陳志明"), ("t002", "林怡君"), ("t012", "謝承恩"), ("t013", "張雅婷")))

ORG = f"""\
- kind: Team
  id: ke-fu-bu
  name: 客服部
  lead: t002
  members: [t001, t002, t012, t013]
{PEOPLE}- kind: Person
  id: t007
  name: 吳佩珊
  manager: t02
- kind: Person
  id: t008
  name: 黃柏翰
  manager: t13
"""


def findings(run: Any, code: str) -> list[tuple[str, str]]:
    """(file:line:col, hint line) of each finding of `code` in a text run."""
    lines = run.stdout.splitlines()
    return [(line.split(f": {code} ", 1)[0], lines[i + 1].strip())
            for i, line in enumerate(lines) if f": {code} [" in line]


def test_ids_one_keystroke_apart_are_all_named() -> None:
    ids = Suggester(ROSTER_IDS)
    assert ids.nearest("t02") == ["t002", "t012"]  # one edit from each, the same ratio
    assert ids.nearest_many(["t02", "t0017", "t13"]) == {
        "t02": ["t002", "t012"], "t0017": ["t001", "t007", "t017"], "t13": ["t013"]}
    assert ids.close("t13") == "t013"  # one closest: `close` as before


def test_a_tied_did_you_mean_names_every_candidate(write_org: Any) -> None:
    org = write_org({"people.yaml": ORG})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    file = str(org / "people.yaml")
    assert findings(run, "RF001") == [
        (f"{file}:13:12", "hint: did you mean one of 林怡君 (t002), 謝承恩 (t012)? they are "
                          "equally close to what is written: check which one is meant"),
        (f"{file}:17:12", "hint: did you mean t013 (張雅婷)?"),  # one closest: named alone
    ]
    hant = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert "建議: 是不是要寫 林怡君 (t002)、謝承恩 (t012) 之一？這幾個 id 與所寫的同樣接近：" \
           "請確認要寫的是哪一個" in hant.stdout
    zh = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    # people are no 它们 (trial 23): the ids are what is equally close, so no pronoun
    assert "建议: 是不是要写 林怡君 (t002)、謝承恩 (t012) 之一？这几个 id 与所写的同样接近：" \
           "请确认要写的是哪一个" in zh.stdout


def test_more_than_three_equally_close_ids_name_none(write_org: Any) -> None:
    people = "".join(f"- {{kind: Person, id: {i}, name: 人{i}}}\n" for i in
                     ("t001", "t002", "t003", "t004", "t005"))
    org = write_org({"o.yaml": people + "- {kind: Person, id: t009, name: 甲, manager: t00}\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    [(_, hint)] = findings(run, "RF001")
    assert "did you mean" not in hint, hint


HOLDERS = f"""\
- {{kind: Team, id: ke-fu-bu, name: 客服部, lead: t002, members: [t001, t002, t012, t013]}}
{PEOPLE}- kind: Role
  id: cs-agent
  name: 客服專員
  team: ke-fu-bu
  headcount: 4
  holders: [t001，t012, t013, 待招聘]
"""


def test_the_full_width_comma_hint_keeps_an_open_seat_as_written(write_org: Any) -> None:
    org = write_org({"o.yaml": HOLDERS})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    [(where, hint)] = findings(run, "RF001")
    assert where == f"{org / 'o.yaml'}:11:17"  # at the `，` (trial 30)
    assert hint.startswith("建議: 用半形逗號分隔各項：`holders: [t001, t012, t013, 待招聘]`"), hint
    assert "None" not in run.stdout


@pytest.mark.parametrize(("title", "baseline", "target"), [
    # trial 21's two key results: a number before the from-to pair
    ("雙十一期間客訴積壓（未回覆超過 24 小時）從 320 件降到 50 件以下", "320 件", "50 件以下"),
    ("618 大促前完成 2 次客服演練，演練中話術公告時間從 60 分鐘降到 15 分鐘", "60 分鐘", "15 分鐘"),
    ("客诉积压（超过24小时）从320件降到50件", "320件", "50件"),
    ("3个城市的日活从120万增长到150万", "120万", "150万"),
    ("Tickets open over 24 hours from 320 to 50", "320", "50"),
    ("公告時間從 60 分鐘降到 15 分鐘", "60 分鐘", "15 分鐘"),  # as before
])
def test_the_from_to_pair_gives_the_baseline_after_an_earlier_number(
        title: str, baseline: str, target: str) -> None:
    from orgspec.model.okr import stated_baseline, stated_target
    from orgspec.text.measurable import assess

    said = assess(title)
    assert (stated_baseline(title, None, said), stated_target(title, None, said)) == \
        (baseline, target)


OKRS = """\
- {kind: Team, id: ke-fu-bu, name: 客服部}
- kind: Objective
  id: bigsale
  title: 大促期間客訴不爆量
  owner: ke-fu-bu
  period: 2026-H1
  key_results:
    - id: backlog
      title: 雙十一期間客訴積壓（未回覆超過 24 小時）從 320 件降到 50 件以下
      due: 2026-06-30
    - id: drill
      title: 618 大促前完成 2 次客服演練，演練中話術公告時間從 60 分鐘降到 15 分鐘
      due: 2026-06-10
"""


def test_the_export_shows_the_baseline_of_those_key_results(
        write_org: Any, tmp_path: Path) -> None:
    org = write_org({"okrs.yaml": OKRS})
    out = tmp_path / "out"
    run = run_cli("export", str(org), "--isolated", "--format", "csv", "--lang", "zh-Hant",
                  "-o", str(out))
    assert run.code == 0, run.stderr
    with (out / "key-results.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][7:9] == ["基線", "目標值"]
    assert {r[4]: r[7:9] for r in rows[1:]} == {"backlog": ["320 件", "50 件以下"],
                                                "drill": ["60 分鐘", "15 分鐘"]}


CHARTER = """\
- {kind: Team, id: ke-fu-bu, name: 客服部, responsibilities: [complaint-handling]}
- kind: Team
  id: ying-yun-bu
  name: 營運部
  responsibilities:
  - complaint-handling: %s
- {kind: Responsibility, id: complaint-handling, name: 客訴處理, accountable: ke-fu-bu}
"""


@pytest.mark.parametrize(("role", "hint"), [
    ("consulted", "hint: write the duty as `ref` and its RACI role as `role`: "
                  "`{ref: complaint-handling, role: consulted}`"),
    ("諮詢", "hint: write the duty as `ref` and its RACI role as `role`: "
             "`{ref: complaint-handling, role: consulted}`"),
    ("I", "hint: write the duty as `ref` and its RACI role as `role`: "
          "`{ref: complaint-handling, role: informed}`"),
    ("負責", "hint: write the duty as `ref` and its RACI role as `role`: "
             "`{ref: complaint-handling, role: consulted}` (a role is accountable, "
             "responsible, consulted or informed)"),
])
def test_a_duty_written_as_a_key_gets_the_entry_to_type(
        write_org: Any, role: str, hint: str) -> None:
    org = write_org({"o.yaml": CHARTER % role})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "SC001") == [(f"{org / 'o.yaml'}:6:5", hint)]


def test_a_duty_written_as_a_key_in_zh_hant(write_org: Any) -> None:
    org = write_org({"o.yaml": CHARTER % "consulted"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert "建議: 把職責寫在 `ref`、RACI 角色寫在 `role`：" \
           "`{ref: complaint-handling, role: consulted}`" in run.stdout


def test_ow001_shows_the_charter_entry_that_makes_the_second_team_consulted(
        write_org: Any) -> None:
    org = write_org({"o.yaml": CHARTER.replace("- complaint-handling: %s",
                                               "- complaint-handling")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "OW001") == [(
        f"{org / 'o.yaml'}:7:62",
        "related: " + f"{org / 'o.yaml'}:6:5: 營運部 (ying-yun-bu) is accountable here")]
    assert "hint: 營運部 (ying-yun-bu)'s charter lists 客訴處理 (complaint-handling) without a " \
           "role, which counts as accountable: to have it consulted (or informed, " \
           "responsible), write `{ref: complaint-handling, role: consulted}` in the charter" \
           in run.stdout
    hant = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert "在職責清單裡寫成 `{ref: complaint-handling, role: consulted}`" in hant.stdout


def test_zh_hant_says_a_roster_column_with_欄(tmp_path: Path) -> None:
    run = run_cli("import", "roster", str(ROSTER), "-o", str(tmp_path / "org"), "--lang",
                  "zh-Hant")
    assert run.code == 0, run.stderr
    assert "在員工名冊中加一欄部門編號（讀作 team_id" in run.stderr  # 加一列 adds a row
    assert "加一列" not in run.stderr
    zh = run_cli("import", "roster", str(ROSTER), "-o", str(tmp_path / "zh"), "--lang", "zh")
    assert "在花名册中加一列部门编号" in zh.stderr  # in the mainland 列 is a column


def test_pr001_says_an_owner_may_be_a_team_a_person_or_a_position() -> None:
    hint = M("name who performs the step in `owner`: a team, a person or a position")
    assert say(hint, "zh") == "在 `owner` 写明执行该步骤的团队、人员或岗位"
    assert say(hint, "zh-Hant") == "在 `owner` 寫明執行該步驟的團隊、人員或職位"


HELD = {
    "positions.yaml": """\
- kind: Role
  id: complaint-specialist
  name：客訴專員
  team: ke-fu-bu
""",
    "org.yaml": """\
- {kind: Team, id: ke-fu-bu, name: 客服部, lead: t002, members: [t002]}
- {kind: Person, id: t002, name: 林怡君}
- kind: Process
  id: complaint
  name: 客訴處理流程
  owner: ke-fu-bu
  steps:
    - {id: triage, name: 分派, owner: complaint-specialst, next: [reply]}
    - {id: reply, name: 回覆, owner: complaint-specialist}
""",
}


def test_the_summary_counts_the_unknown_reference_held_back_for_a_failed_file(
        write_org: Any) -> None:
    org = write_org(HELD)
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert [line.split(": ")[0].rsplit("/", 1)[-1] for line in run.stdout.splitlines()
            if " [error] " in line] == ["positions.yaml:3:7"]  # IN001 alone
    # `complaint-specialst` is an RF001 once the file loads, `complaint-specialist` none
    assert run.stdout.rstrip().endswith(
        "1 file could not be loaded, so cross-file checks are incomplete. 2 findings are held "
        "back until it loads (OW006, RF001)."), run.stdout
    hant = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert hant.stdout.rstrip().endswith("在它能載入之前，暫不報告 2 條問題（OW006、RF001）。")
