"""User trial 28 (a Simplified-Chinese operations lead):

1. A fiscal year is no time bound, in a key result as in a `period`: `period: FY2026` is
   SC003 (its months are the company's), so `FY2026新用户留存达到60%` with no other date is
   OK003 "no time bound", its hint asking for `due` or the objective's `start` and `end`.
2. `上线2.0版本，3月31日前新用户留存达到60%` is measurable (60% by March 31; 2.0 is a version,
   no target): its OK005 says the activity stands beside the outcome and asks to keep the 60%
   and move the launch to the plan, not "not an outcome ... say what changes".
3. MT002 on `大促期间每天 20:00` suggests the cadence it holds (每天 20:00) and the meeting's
   `purpose` for the period, in zh_Hans, zh_Hant and en.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from trialorgs import mt002_hints

from orgspec.model.schedule import schedule_of
from orgspec.model.unreadcadence import unread

TEAM = """\
- {kind: Team, id: cs, name: 客服部, lead: he, members: [he]}
- {kind: Person, id: he, name: 何丽}
- {kind: Responsibility, id: complaints, name: 投诉处理, accountable: cs}
"""  # 3 lines: the objective starts on line 4

OBJECTIVE = TEAM + """\
- kind: Objective
  id: o1
  title: 会员留存
  owner: cs
  WHEN
  key_results:
    - id: k1
      title: "TITLE"
"""  # the key result's title is on line 11


def findings(folder: Path, lang: str) -> list[dict[str, Any]]:
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang)
    found: list[dict[str, Any]] = run.json()["findings"]
    return found


def org(write_org: Any, title: str, when: str = "period: \"2026\"") -> Path:
    folder: Path = write_org({"org.yaml": OBJECTIVE.replace("WHEN", when).replace(
        "TITLE", title)})
    return folder


def said(found: list[dict[str, Any]]) -> list[tuple[str, str, int, str, str]]:
    return [(f["code"], Path(f["file"]).name, f["line"], f["message"], f["hint"])
            for f in found]


# --- 1. a fiscal year is no time bound in a key result, as in a period --------------------
FY_HINT = {
    "zh": "'{fy}' 是财年，它覆盖哪些月份由公司决定：写明关键结果的 `due`（财年在 3 月结束时："
          "`due: {last}`），或写明目标的 `start` 和 `end`",
    "zh-Hant": "'{fy}' 是財年，它覆蓋哪些月份由公司決定：寫明關鍵結果的 `due`"
               "（財年在 3 月結束時：`due: {last}`），或寫明目標的 `start` 和 `end`",
    "en": "'{fy}' is a fiscal year, and its months are the company's: write the key result's "
          "`due` (for a fiscal year that ends in March: `due: {last}`), or the objective's "
          "`start` and `end`"}
FY_PART_HINT = {
    "zh": "'{fy}' 是财年的一部分，它覆盖哪些月份由公司决定：写明关键结果的 `due`"
          "（财年在 3 月结束时，它在 {last} 结束：`due: {last}`），或写明目标的 `start` 和 `end`",
    "en": "'{fy}' is part of a fiscal year, and its months are the company's: write the key "
          "result's `due` (for a fiscal year that ends in March, it ends on {last}: "
          "`due: {last}`), or the objective's `start` and `end`"}
FY_MESSAGE = {
    "zh": "目标 'o1' 的关键结果 {title} (k1) 不可衡量：缺少截止时间",
    "zh-Hant": "目標 'o1' 的關鍵結果 {title} (k1) 不可衡量：缺少截止時間",
    "en": "key result {title} (k1) of 'o1' is not measurable: no time bound"}


@pytest.mark.parametrize(("title", "fy", "last", "lang"), [
    ("FY2026新用户留存达到60%", "FY2026", "2026-03-31", "zh"),
    ("2026財年營收達到5億", "2026財年", "2026-03-31", "zh-Hant"),
    ("2026财年直播GMV突破10亿元", "2026财年", "2026-03-31", "zh"),
    ("FY26 revenue of $40M", "FY26", "2026-03-31", "en"),
    # a quarter of one (trial 33b): its own last day, not the fiscal year's
    ("FY2027 Q3 复购率从20%提升到25%", "FY2027 Q3", "2026-12-31", "en"),
    ("FY26 Q3 GMV达到1亿", "FY26 Q3", "2025-12-31", "zh"),
])
def test_a_fiscal_year_in_a_key_result_is_no_time_bound(write_org: Any, title: str, fy: str,
                                                        last: str, lang: str) -> None:
    found = findings(org(write_org, title, "aligns_to:"), lang)
    hint = FY_PART_HINT if " Q" in fy else FY_HINT
    assert said(found) == [("OK003", "org.yaml", 11, FY_MESSAGE[lang].format(title=title),
                            hint[lang].format(fy=fy, last=last))]


@pytest.mark.parametrize(("title", "when"), [
    ("FY2026新用户留存达到60%", 'period: "2026"'),  # the objective's period bounds it
    ("FY2026新用户留存达到60%", "start: 2025-04-01\n  end: 2026-03-31"),  # a fiscal year's days
    ("FY2026新用户留存6月30日前达到60%", "aligns_to:"),  # a date in the sentence
    ("2026財年營收12月31日前達到5億", "aligns_to:"),
    ("FY27 revenue of $40M by 2027-03-31", "aligns_to:"),
])
def test_a_fiscal_year_beside_a_time_bound_is_measurable(write_org: Any, title: str,
                                                         when: str) -> None:
    assert findings(org(write_org, title, when), "en") == []


def test_a_fiscal_year_with_due_is_measurable(write_org: Any) -> None:
    text = OBJECTIVE.replace("WHEN", "aligns_to:").replace("TITLE", "FY2026新用户留存达到60%") \
        + "      due: 2026-03-31\n"
    assert findings(write_org({"org.yaml": text}), "en") == []


def test_a_fiscal_period_and_a_fiscal_key_result_say_the_same(write_org: Any) -> None:
    """`period: FY2026` is SC003 alone: the key result's time bound waits for it (one
    mistake, one finding), whether or not the sentence names the fiscal year too."""
    found = findings(org(write_org, "FY2026新用户留存达到60%", "period: FY2026"), "en")
    assert [(f["code"], f["line"]) for f in found] == [("SC003", 8)]


def test_the_report_says_what_check_says(write_org: Any) -> None:
    folder = org(write_org, "FY2026新用户留存达到60%", "aligns_to:")
    report = run_cli("report", str(folder), "--isolated", "--format", "markdown", "--lang",
                     "zh").stdout
    assert "- ❌ FY2026新用户留存达到60% (缺少截止时间)" in report


# --- 2. an activity beside its measured target --------------------------------------------
@pytest.mark.parametrize(("title", "lang", "message", "hint"), [
    ("上线2.0版本，3月31日前新用户留存达到60%", "zh",
     "目标 'o1' 的关键结果 上线2.0版本，3月31日前新用户留存达到60% (k1) "
     "在成果之外还写了一项活动（'上线'）",
     "已经写出目标值（60%）：把它留作关键结果，把活动（'上线'）作为一项任务放进计划"),
    ("上線2.0版本，3月31日前新用戶留存達到60%", "zh-Hant",
     "目標 'o1' 的關鍵結果 上線2.0版本，3月31日前新用戶留存達到60% (k1) "
     "在成果之外還寫了一項活動（'上線'）",
     "已經寫出目標值（60%）：把它留作關鍵結果，把活動（'上線'）作為一項任務放進計劃"),
    ("Launch version 2.0, and reach 60% new-user retention by March 31", "en",
     "key result Launch version 2.0, and reach 60% new-user retention by… (k1) of 'o1' "
     "puts an activity ('Launch') beside its outcome",  # a long title is shortened
     "it already states its target (60%): keep that as the key result, and put the activity "
     "('Launch') in the plan as a task"),
    ("上线会员体系3.0，6月30日前会员复购率达到35%", "en",
     "key result 上线会员体系3.0，6月30日前会员复购率达到35% (k1) of 'o1' "
     "puts an activity ('上线') beside its outcome",
     "it already states its target (35%): keep that as the key result, and put the activity "
     "('上线') in the plan as a task"),
])
def test_an_activity_beside_a_target_is_measurable_and_told_to_move(
        write_org: Any, title: str, lang: str, message: str, hint: str) -> None:
    found = findings(org(write_org, title), lang)
    assert said(found) == [("OK005", "org.yaml", 11, message, hint)]


@pytest.mark.parametrize(("title", "target", "verb"), [
    ("3月31日前新用户留存达到60%，上线2.0版本", "60%", "上线"),
    ("Reach 60% new-user retention by March 31, and launch version 2.0", "60%", "launch")])
def test_the_outcome_first_is_the_same(write_org: Any, title: str, target: str,
                                       verb: str) -> None:
    """The order of the activity and its outcome does not matter (it had no OK005)."""
    found = findings(org(write_org, title), "en")
    assert [(f["code"], Path(f["file"]).name, f["line"], f["hint"]) for f in found] == [
        ("OK005", "org.yaml", 11, f"it already states its target ({target}): keep that as the "
         f"key result, and put the activity ('{verb}') in the plan as a task")]
    assert found[0]["message"].endswith(f"puts an activity ('{verb}') beside its outcome")


@pytest.mark.parametrize("title", ["3月31日前新用户留存达到60%", "2.0版本上线后新用户留存达到60%",
                                   "新用户留存达到60%（3月31日前）",
                                   "退款时长从48小时缩短到24小时，完成于6月30日",
                                   "Raise conversion from 2% to 3%, complete by June 30",
                                   "NPS at least 45, run by the CX team"])
def test_the_outcome_alone_has_no_finding(write_org: Any, title: str) -> None:
    assert findings(org(write_org, title), "zh") == []


def test_an_activity_counted_keeps_its_hint(write_org: Any) -> None:
    """`召开4次主播复盘会`: the 4 counts the activity itself, no outcome beside it."""
    found = findings(org(write_org, "召开4次主播复盘会"), "en")
    assert said(found) == [(
        "OK005", "org.yaml", 11,
        "key result 召开4次主播复盘会 (k1) of 'o1' is an activity ('召开'), not an outcome",
        "say what changes when it is done, and by how much")]


# --- 3. MT002: a cadence held during a period ---------------------------------------------
MEETING = """\
- {kind: Team, id: t, name: 大促指挥部}
- kind: Meeting
  id: m
  name: 大促作战会
  cadence: CADENCE
  owner: t
  attendees: [t]
"""  # the cadence is on line 5, its value at column 12


@pytest.mark.parametrize(("cadence", "lang", "hint"), [
    ("大促期间每天 20:00", "zh",
     "频率只写多久开一次，不写在哪段时期开：写成 每天 20:00，"
     "并在会议的 `purpose` 里写明只在 '大促' 期间开"),
    ("大促期間每天 20:00", "zh-Hant",
     "頻率只寫多久開一次，不寫在哪段時期開：寫成 每天 20:00，"
     "並在會議的 `purpose` 裡寫明只在 '大促' 期間開"),
    ("大促期间每天 20:00", "en",
     "a cadence says how often, not in which period: write 每天 20:00, and say in the "
     "meeting's `purpose` that it is held during '大促'"),
    ("during big sales, daily at 20:00", "en",
     "a cadence says how often, not in which period: write daily at 20:00, and say in the "
     "meeting's `purpose` that it is held during 'big sales'"),
    ("每天 20:00（大促期间）", "zh",
     "频率只写多久开一次，不写在哪段时期开：写成 每天 20:00，"
     "并在会议的 `purpose` 里写明只在 '大促' 期间开"),
])
def test_mt002_suggests_the_cadence_held_during_a_period(write_org: Any, cadence: str,
                                                        lang: str, hint: str) -> None:
    folder = write_org({"m.yaml": MEETING.replace("CADENCE", cadence)})
    assert mt002_hints(folder, lang) == [("MT002", "m.yaml", 5, 12, hint)]


def test_the_suggested_cadence_has_no_finding(write_org: Any) -> None:
    folder = write_org({"m.yaml": MEETING.replace("CADENCE", "每天 20:00")})
    assert mt002_hints(folder, "zh") == []


@pytest.mark.parametrize(("cadence", "example", "period"), [
    ("大促期间每天 20:00", "每天 20:00", "大促"),
    ("每次大促期间每天 20:00", "每天 20:00", "大促"),
    ("大促時期 每天 20:00", "每天 20:00", "大促"),
    ("每天 20:00大促期间", "每天 20:00", "大促"),
    ("活动期间每周一 10:00", "每周一 10:00", "活动"),
    ("大促期间每天开播前", "每天 13:30", "大促"),  # how often, no time: as `每天开播前`
    ("daily at 20:00 during big sales", "daily at 20:00", "big sales"),
    ("daily 20:00 (during the big sale)", "daily 20:00", "big sale"),
])
def test_every_during_example_is_read(cadence: str, example: str, period: str) -> None:
    got = unread(cadence)
    assert (got.kind, got.example, got.left) == ("during", example, period)
    assert schedule_of(got.example).cadence is not None


@pytest.mark.parametrize("cadence", ["大促期间", "双11期间", "期间每天 20:00", "看情况吧"])
def test_a_period_without_how_often_is_not_guessed(cadence: str) -> None:
    assert unread(cadence).kind == ""


NO_CADENCE = """\
- {kind: Team, id: t, name: 大促指挥部}
- kind: Meeting
  id: m
  name: NAME
  owner: t
  attendees: [t]
"""  # no cadence: MT002 at the id, line 3 column 3


@pytest.mark.parametrize(("name", "lang", "hint"), [
    ("大促作战会", "zh", "写明多久开一次，可再加星期和时间或时段，例如 每天 20:00"),
    ("大促作戰會", "zh-Hant", "寫明多久開一次，可再加星期和時間或時段，例如 每天 20:00"),
    ("Peak-season war room", "en",
     "write how often, optionally with weekdays and a time or part of the day, e.g. every day "
     "20:00"),
    ("大促复盘会", "zh", "写明多久开一次，可再加星期和时间或时段，例如 每周五 14:00"),  # no rhythm
])
def test_a_war_room_without_cadence_is_shown_an_evening_one(write_org: Any, name: str,
                                                           lang: str, hint: str) -> None:
    folder = write_org({"m.yaml": NO_CADENCE.replace("NAME", name)})
    assert mt002_hints(folder, lang) == [("MT002", "m.yaml", 3, 3, hint)]
