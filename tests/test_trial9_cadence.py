"""Trial 9 (陈静, a Hangzhou livestream shop): a meeting held on a part of the day
(`每周五下午`) is in that part's row of the site's calendar, not in "time not given"; a
cadence orgspec cannot read (`每天开播前`) is MT002 at the cadence's value, with a short hint
and one example in the reader's words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from trialorgs import NO_TIME_HINTS, mt002_hints

ORG = """\
- kind: Team
  id: ops
  name: 运营部
- kind: Meeting
  id: brief
  name: 开播前晨会
  cadence: {cadence}
  owner: ops
  attendees: [ops]
"""


@pytest.mark.parametrize(("cadence", "lang", "hint"), [
    # what was understood decides the hint (trial 19): how often is read, the time is not
    *NO_TIME_HINTS,
    # nothing understood: how often, with an example on the rhythm the meeting's name says
    # (开播前晨会, a morning meeting: every weekday, trial 27)
    ("看情况吧", "zh", "写明多久开一次，可再加星期和时间或时段，例如 每个工作日 09:00"),
    ("看情況吧", "zh-Hant", "寫明多久開一次，可再加星期和時間或時段，例如 每個工作日 09:00"),
    ("when it feels right", "en",
     "write how often, optionally with weekdays and a time or part of the day, "
     "e.g. every weekday 09:00"),
])
def test_an_unread_cadence_is_mt002_at_its_value_with_a_short_hint(
        write_org: Any, cadence: str, lang: str, hint: str) -> None:
    org = write_org({"m.yaml": ORG.format(cadence=cadence)})
    # `  cadence: ` is 11 characters: the value starts in column 12
    assert mt002_hints(org, lang) == [("MT002", "m.yaml", 7, 12, hint)]


def test_an_unread_cadence_in_a_flow_mapping_is_found_at_its_value(write_org: Any) -> None:
    line = "- {kind: Meeting, id: m, owner: t, attendees: [t], cadence: 每天开播前}\n"
    org = write_org({"m.yaml": "- {kind: Team, id: t}\n" + line})
    assert [f[:4] for f in mt002_hints(org, "zh")] == [
        ("MT002", "m.yaml", 2, line.index("每天开播前") + 1)]


def test_a_missing_cadence_is_still_found_at_the_meetings_id(write_org: Any) -> None:
    org = write_org({"m.yaml": ORG.replace("  cadence: {cadence}\n", "")})
    assert [f[:4] for f in mt002_hints(org, "en")] == [("MT002", "m.yaml", 5, 3)]


CALENDAR_ORG = """\
- {kind: Team, id: ops, name: 运营部}
- {kind: Meeting, id: fri, name: 周五复盘, cadence: CADENCE, owner: ops, attendees: [ops]}
- {kind: Meeting, id: mon, name: 周一例会, cadence: 每周一 10:00, owner: ops, attendees: [ops]}
- {kind: Meeting, id: late, name: 夜会, cadence: 每周三 20:00, owner: ops, attendees: [ops]}
- {kind: Meeting, id: noon, name: 午会, cadence: 每周二 12:00, owner: ops, attendees: [ops]}
- {kind: Meeting, id: eve, name: 晚间复盘, cadence: 每天晚上, owner: ops, attendees: [ops]}
- {kind: Meeting, id: am, name: 周四早会, cadence: 每周四上午, owner: ops, attendees: [ops]}
- {kind: Meeting, id: tue, name: 周二会, cadence: 每周二, owner: ops, attendees: [ops]}
"""


def _calendar(tmp_path: Path, cadence: str, lang: str) -> list[tuple[str, list[int]]]:
    """The calendar's rows: (row heading, the weekdays (0 Monday) with a meeting), in order."""
    org = tmp_path / "org"
    org.mkdir()
    (org / "m.yaml").write_text(CALENDAR_ORG.replace("CADENCE", cadence), "utf-8")
    check = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "MT002")
    assert "MT002" not in check.stdout
    out = tmp_path / "site"
    assert run_cli("site", str(org), "--isolated", "-o", str(out),
                   "--lang", lang).code == 0
    page = (out / "calendar.html").read_text("utf-8")
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append((cells[0], [i for i, cell in enumerate(cells[1:]) if "meetings/" in cell]))
    return rows


@pytest.mark.parametrize(("cadence", "lang", "rows"), [
    ("每周五下午", "zh", ["10:00", "上午", "12:00", "下午", "20:00", "晚上", "未写时间"]),
    ("每週五下午", "zh-Hant", ["10:00", "上午", "12:00", "下午", "20:00", "晚上", "未寫時間"]),
    ("weekly on Friday afternoon", "en",
     ["10:00", "morning", "12:00", "afternoon", "20:00", "evening", "time not given"]),
    ("every Friday afternoon", "en",
     ["10:00", "morning", "12:00", "afternoon", "20:00", "evening", "time not given"]),
])
def test_a_part_of_the_day_has_its_row_in_the_calendar(tmp_path: Path, cadence: str, lang: str,
                                                       rows: list[str]) -> None:
    assert _calendar(tmp_path, cadence, lang) == [
        (rows[0], [0]),  # 每周一 10:00
        (rows[1], [3]),  # 每周四上午: after the morning's clock times, before noon
        (rows[2], [1]),  # 每周二 12:00
        (rows[3], [4]),  # the Friday afternoon meeting
        (rows[4], [2]),  # 每周三 20:00
        (rows[5], [0, 1, 2, 3, 4, 5, 6]),  # 每天晚上
        (rows[6], [1]),  # 每周二: no time, no part of the day
    ]
