"""Trial 27 (a Hong Kong/Taipei ops director): the examples in MT002's and OK003/OK004's
hints fit the finding. MT002's example cadence follows the rhythm the meeting's name says
(晨会: every weekday 09:00; 周例会: every Monday 10:00; 月度复盘: monthly), and OK003/OK004's
example deadline lies in the objective's own period (a Q3 objective's is 9月30日, never
3月31日). Every example reads (`schedule_of`) in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.i18n import say
from orgspec.model.schedule import schedule_of
from orgspec.text.cadenceexample import _RHYTHMS, GENERAL, cadence_example


def _hints(org: Path, lang: str, code: str) -> list[tuple[int, str]]:
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", code,
                  "--format", "json", "--lang", lang)
    return [(f["line"], f["hint"]) for f in run.json()["findings"] if f["code"] == code]


MEETINGS = """\
- {kind: Team, id: ops, name: 營運部}
- {kind: Meeting, id: m1, name: 晨會, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m2, name: 週例會, cadence: 看情況, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m3, name: 月度復盤, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m4, name: Daily standup, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m5, name: Monthly business review, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m6, name: 季度復盤, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m7, name: 雙週會, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m8, name: 復盤會, owner: ops, attendees: [ops]}
- {kind: Meeting, id: m9, name: 年會, owner: ops, attendees: [ops]}
"""
HINT = {"zh-Hant": "寫明多久開一次，可再加星期和時間或時段，例如 {}",
        "zh": "写明多久开一次，可再加星期和时间或时段，例如 {}",
        "en": "write how often, optionally with weekdays and a time or part of the day, "
              "e.g. {}"}
EXAMPLES = {
    "zh-Hant": ["每個工作日 09:00", "每週一 10:00", "每月第一個週一 10:00", "每個工作日 09:00",
                "每月第一個週一 10:00", "每季第一個週一 10:00", "隔週三 14:00", "每週五 14:00",
                "每年12月20日 14:00"],
    "zh": ["每个工作日 09:00", "每周一 10:00", "每月第一个周一 10:00", "每个工作日 09:00",
           "每月第一个周一 10:00", "每季度第一个周一 10:00", "隔周三 14:00", "每周五 14:00",
           "每年12月20日 14:00"],
    "en": ["every weekday 09:00", "every Monday 10:00", "monthly on the first Monday 10:00",
           "every weekday 09:00", "monthly on the first Monday 10:00",
           "quarterly on the first Monday 10:00", "every other Wednesday 14:00",
           "every Friday 14:00", "yearly on December 20 14:00"],
}


@pytest.mark.parametrize("lang", ["zh-Hant", "zh", "en"])
def test_mt002s_example_follows_the_meetings_name(write_org, lang: str) -> None:
    org = write_org({"m.yaml": MEETINGS})
    assert _hints(org, lang, "MT002") == [
        (line, HINT[lang].format(example))
        for line, example in zip(range(2, 11), EXAMPLES[lang], strict=True)]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh", "en"])
def test_every_cadence_example_reads_as_its_rhythm(lang: str) -> None:
    wanted = ["biweekly", "quarterly", "yearly", "monthly", "weekly", "daily", "daily"]
    said = [say(example, lang) for _, _, example in _RHYTHMS]
    assert [schedule_of(s).cadence for s in said] == wanted, said
    assert schedule_of(say(GENERAL, lang)).cadence == "weekly"


def test_the_id_says_the_rhythm_when_the_name_does_not() -> None:
    assert cadence_example("例會", "weekly-sync") == cadence_example("週例會")
    assert cadence_example(None, "standup") == cadence_example("晨會")
    assert cadence_example("週五復盤") == GENERAL  # a weekday is no rhythm word: the general


OKRS = """\
- {kind: Team, id: ops, name: 營運部}
- kind: Objective
  id: q3
  title: 提升會員活躍
  owner: ops
  period: 2026-Q3
  key_results:
    - {id: kr1, title: 提升會員活躍度}
- kind: Objective
  id: h1
  title: 客訴處理
  owner: ops
  period: 2027-H1
  key_results:
    - {id: kr2, title: 客訴率要降低}
- kind: Objective
  id: open
  title: 客訴處理
  owner: ops
  start: 2026-10-01
  key_results:
    - {id: kr3, title: 客訴率要降低}
"""


@pytest.mark.parametrize(("lang", "dates"), [
    ("zh-Hant", ["（9月30日前）", "（6月30日前）", "（12月31日前）"]),
    ("zh", ["（9月30日前）", "（6月30日前）", "（12月31日前）"]),
    ("en", [" by 2026-09-30", " by 2027-06-30", " by 2026-12-31"]),
])
def test_ok003_and_ok004s_example_is_due_in_the_objectives_period(write_org, lang: str,
                                                                  dates: list[str]) -> None:
    org = write_org({"o.yaml": OKRS})
    found = _hints(org, lang, "OK004") + _hints(org, lang, "OK003")
    hints = [hint for _, hint in sorted(found)]
    assert len(hints) == 3, found
    for hint, date in zip(hints, dates, strict=True):
        assert hint.endswith(date), (hint, date)
    assert "3月31日" not in hints[0] and "2026-03-31" not in hints[0]  # the trial's Q3 one
