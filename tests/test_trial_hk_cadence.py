"""Fresh-user trial (Hong Kong): meeting cadences said the Hong Kong way (逢星期一, 逢週一,
每個星期一, 每個禮拜一) and their Simplified forms (逢周一, 每个星期一, 每个礼拜一) are read
as 每星期一 is: no MT002, the same weekdays and time, the same place in the calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import run_cli

from orgspec.model.schedule import describe, place, schedule_of

HK = [("逢星期一 10:00", "每星期一 10:00"), ("逢週一 10:00", "每週一 10:00"),
      ("逢星期一至五 9:30", "每星期一至五 9:30"), ("每個星期一 10:00", "每星期一 10:00"),
      ("每個禮拜一 10:00", "每星期一 10:00"), ("逢周一 10:00", "每周一 10:00"),
      ("每个星期一 10:00", "每星期一 10:00"), ("每个礼拜一 10:00", "每星期一 10:00"),
      ("每逢星期五 15:00", "每星期五 15:00"), ("逢星期一、三 9:30", "每星期一、三 9:30"),
      ("每禮拜", "每星期"), ("每個星期", "每星期")]


@pytest.mark.parametrize(("hk", "plain"), HK)
def test_the_hong_kong_way_reads_as_every_week(hk: str, plain: str) -> None:
    assert schedule_of(hk) == schedule_of(plain)
    assert schedule_of(hk).cadence in ("weekly", "daily")
    assert describe(hk, "zh-Hant") == describe(plain, "zh-Hant")


def test_the_days_and_time_are_kept() -> None:
    assert (schedule_of("逢星期一至五 9:30").days, schedule_of("逢星期一至五 9:30").time) == \
        ((0, 1, 2, 3, 4), "09:30")
    assert describe("逢星期一 10:00", "zh-Hant") == "每週 · 週一 · 10:00"
    assert describe("每个礼拜一 10:00", "en") == "weekly · Mon · 10:00"


def test_an_anniversary_is_no_weekly_meeting() -> None:
    assert schedule_of("逢周年庆").cadence is None


def test_the_calendar_places_it_on_its_weekday() -> None:
    monday = dt.date(2026, 12, 7)
    placed = place(schedule_of("逢星期一 10:00"), "Asia/Hong_Kong", "UTC", monday)
    assert placed is not None and (placed.days, placed.time) == ((0,), "02:00")
    assert placed == place(schedule_of("每星期一 10:00"), "Asia/Hong_Kong", "UTC", monday)


@pytest.mark.parametrize("cadence", [hk for hk, _ in HK])
def test_no_mt002(write_org: Any, cadence: str) -> None:
    org = write_org({"o.yaml": "- {kind: Team, id: t}\n"
                               "- {kind: Meeting, id: m1, owner: t, attendees: [t], "
                               f"cadence: {cadence}}}\n"
                               "- {kind: Meeting, id: m2, owner: t, attendees: [t], "
                               "cadence: 逢周年庆}\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "MT002",
                  "--lang", "en")
    assert [line.split(": ")[0].rsplit(":", 2)[1:] for line in run.stdout.splitlines()
            if "MT002" in line] == [["3", "62"]]  # the anniversary only, at its value
