"""Trial 19 (a Hangzhou live-commerce operations director): MT002's hint says what of an
unread cadence was understood (`每天开播前`: how often, no time, so `每天 13:30`; `大促后`: an
event, so `每次大促后`; `双十一后`: a festival, so `每年双十一后`), every example it gives is
read; a festival or date of the year with "after" (`每年双十一后`, `每年双十一后一周`) is a
yearly cadence as its "before" twin (`每年双十一前两周`) is, in either script and English."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO
from trialorgs import NO_TIME_HINTS, mt002_hints

from orgspec.model.schedule import describe_cadence, schedule_of

ORG = """\
- {kind: Team, id: t, name: 主播运营部}
- kind: Meeting
  id: m
  name: 复盘会
  cadence: CADENCE
  owner: t
  attendees: [t]
"""


@pytest.mark.parametrize(("cadence", "lang", "hint"), [
    # how often is read, the rest names no time: the README's own example
    *NO_TIME_HINTS,
    ("每周一开播前", "zh", "'开播前' 没有说明几点：写明几点开始，例如 每周一 13:30"),
    ("每天上午开播前", "zh", "'开播前' 没有说明几点：写明几点开始，例如 每天上午 9:30"),
    # an event said without "each"
    ("大促后", "zh", "如果每次都开，写成 每次大促后"),
    ("大促後", "zh-Hant", "如果每次都開，寫成 每次大促後"),
    ("after the big sale", "en", "if it is held each time, write after each big sale"),
    # a festival said without "every year"
    ("双十一后", "zh", "如果每年开一次，写成 每年双十一后"),
    ("雙十一前兩週", "zh-Hant", "如果每年開一次，寫成 每年雙十一前兩週"),
    ("after Double 11", "en", "if it is held every year, write after Double 11 every year"),
    # ... one whose name has digits (618, 双11), as the 双十一 case
    ("618后", "zh", "如果每年开一次，写成 每年618后"),
    ("雙11前", "zh-Hant", "如果每年開一次，寫成 每年雙11前"),
    # nothing understood: the short general hint
    ("看情况吧", "zh", "写明多久开一次，可再加星期和时间或时段，例如 每周五 14:00"),
])
def test_mt002_hint_says_what_was_understood(write_org: Any, cadence: str, lang: str,
                                             hint: str) -> None:
    org = write_org({"m.yaml": ORG.replace("CADENCE", cadence)})
    assert mt002_hints(org, lang) == [("MT002", "m.yaml", 5, 12, hint)]


@pytest.mark.parametrize("cadence", [
    "每天开播前", "每天開播前", "daily before the live stream", "每周例会后", "每周一开播前",
    "大促后", "大促後", "双十一后", "雙十一後", "双十一前两周", "after the big sale",
    "before launch", "after Double 11", "a week after Singles' Day", "618后", "双11前",
    "618结束后3天", "双12前两周"])
def test_every_example_in_a_hint_is_a_cadence_that_is_read(cadence: str) -> None:
    from orgspec.model.unreadcadence import unread

    got = unread(cadence)
    assert got.kind and schedule_of(got.example).cadence is not None


@pytest.mark.parametrize("cadence", ["看情况吧", "每月大促后", "每年大促后", "每天 9:00 开播前",
                                     "每月周会", "618后开会", "双11期间"])
def test_a_cadence_nothing_is_understood_of_gets_no_example(cadence: str) -> None:
    from orgspec.model.unreadcadence import unread

    assert schedule_of(cadence).cadence is None
    assert unread(cadence).kind == ""


@pytest.mark.parametrize(("cadence", "event", "month", "after", "zh", "hant", "en"), [
    ("每年双十一后", "double-11", 0, -1, "每年 · 双十一后", "每年 · 雙十一後",
     "yearly · after Double 11"),
    ("每年双十一之后", "double-11", 0, -1, "每年 · 双十一后", "每年 · 雙十一後",
     "yearly · after Double 11"),
    ("每年双十一后一周", "double-11", 0, 7, "每年 · 双十一后一周", "每年 · 雙十一後一週",
     "yearly · a week after Double 11"),
    ("每年雙十一之後一週", "double-11", 0, 7, "每年 · 双十一后一周", "每年 · 雙十一後一週",
     "yearly · a week after Double 11"),
    ("每年618结束后3天", "618", 0, 3, "每年 · 618后3天", "每年 · 618後3天",
     "yearly · 3 days after 618"),
    ("a week after Singles' Day every year", "double-11", 0, 7, "每年 · 双十一后一周",
     "每年 · 雙十一後一週", "yearly · a week after Double 11"),
    ("after Double 11 each year", "double-11", 0, -1, "每年 · 双十一后", "每年 · 雙十一後",
     "yearly · after Double 11"),
    ("每年11月11日后两周", "", 11, 14, "每年 · 11月11日后2周", "每年 · 11月11日後2週",
     "yearly · 2 weeks after Nov 11"),
])
def test_a_festival_or_date_with_after_is_yearly(cadence: str, event: str, month: int,
                                                after: int, zh: str, hant: str,
                                                en: str) -> None:
    sched = schedule_of(cadence)
    assert (sched.cadence, sched.event, sched.month, sched.after, sched.before) == \
        ("yearly", event, month, after, 0)
    assert (describe_cadence(cadence, "zh"), describe_cadence(cadence, "zh-Hant"),
            describe_cadence(cadence, "en")) == (zh, hant, en)


@pytest.mark.parametrize(("cadence", "kind"), [
    # an event: accepted with "each" (每次, 每个, 每场), not bare
    ("每次大促后", "event"), ("每个大促结束后", "event"), ("每场直播后", "event"),
    ("大促后", None), ("双十一后", None), ("每年双十一后一周内", None),
    # before, as it was: its English now also with "a week"
    ("每年双十一前两周", "yearly"), ("a week before Double 11 every year", "yearly"),
])
def test_event_and_festival_forms_read_consistently(cadence: str, kind: str | None) -> None:
    assert schedule_of(cadence).cadence == kind


def test_one_week_is_said_a_week() -> None:
    assert describe_cadence("每年618前一周", "en") == "yearly · a week before 618"
    assert describe_cadence("每年618前一周", "zh") == "每年 · 618前一周"


def test_the_readme_example_is_what_mt002_says() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "`每天开播前` names no time, so write `每天 13:30`" in readme
    from orgspec.model.unreadcadence import unread

    assert unread("每天开播前").example == "每天 13:30"
