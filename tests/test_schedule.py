"""Meeting cadences read into how often, which weekdays and what time; nothing guessed."""

from __future__ import annotations

import pytest

from orgspec.model.positions import cadence_of
from orgspec.model.schedule import Schedule, schedule_of


@pytest.mark.parametrize(("text", "expected"), [
    ("每日", Schedule("daily")),
    ("晨会", Schedule("daily")),
    ("daily 9:30", Schedule("daily", (), "09:30")),
    ("每天 9:00-9:15", Schedule("daily", (), "09:00")),
    ("每个工作日 09:00", Schedule("daily", (0, 1, 2, 3, 4), "09:00")),
    ("Mon-Fri 9am", Schedule("daily", (0, 1, 2, 3, 4), "09:00")),
    ("周一至周五 8:45", Schedule("daily", (0, 1, 2, 3, 4), "08:45")),
    ("每周一 10:00", Schedule("weekly", (0,), "10:00")),
    ("每周一 上午10点", Schedule("weekly", (0,), "10:00")),
    ("每週三 下午2點", Schedule("weekly", (2,), "14:00")),
    ("星期五 17:30", Schedule("weekly", (4,), "17:30")),
    ("周一、周四 14:00", Schedule("weekly", (0, 3), "14:00")),
    ("every Monday at 10am", Schedule("weekly", (0,), "10:00")),
    ("1 pm Mondays", Schedule("weekly", (0,), "13:00")),
    ("weekly, Tuesday 15:00", Schedule("weekly", (1,), "15:00")),
    ("每周一次", Schedule("weekly")),  # "once a week", not Monday
    ("每周一次 10:00", Schedule("weekly", (), "10:00")),
    ("双周", Schedule("biweekly")),
    ("每两周周三 下午3点半", Schedule("biweekly", (2,), "15:30")),
    ("every 2 weeks on Friday", Schedule("biweekly", (4,), "")),
    ("monthly", Schedule("monthly")),
    # not understood: left for "other cadence", never guessed
    ("每月第一个周一", Schedule(None)),
    ("9:00", Schedule(None)),
    ("sometimes", Schedule(None)),
    ("", Schedule(None)),
    (None, Schedule(None)),
])
def test_schedule_of(text: str | None, expected: Schedule) -> None:
    assert schedule_of(text) == expected
    assert cadence_of(text) == expected.cadence
