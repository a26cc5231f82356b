"""Meetings across time zones: the zone a cadence or `timezone:` names, the org's zone in the
config, MT006, and the report and site calendar placing each meeting in the org's zone with
daylight saving time for the week shown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config, ConfigError, load_config
from orgspec.model.schedule import describe
from orgspec.text.timezones import convert, read_zone, take_zone, zone_name

WINTER = dt.date(2026, 12, 7)  # a Monday: Los Angeles on PST (UTC-8)
SUMMER = dt.date(2026, 7, 6)  # a Monday: Los Angeles on PDT (UTC-7)


@pytest.mark.parametrize(("key", "zone"), [
    ("mon-fri 8:00 pt", "America/Los_Angeles"),
    ("9:00 pst/pdt", "America/Los_Angeles"),
    ("9:00 et", "America/New_York"),
    ("9:00 utc+8", "UTC+08:00"),
    ("9:00 gmt+08:00", "UTC+08:00"),
    ("9:00 utc-3:30", "UTC-03:30"),
    ("北京时间 9:00", "Asia/Shanghai"),
    ("9:00 北京時間", "Asia/Shanghai"),
    ("9:00 美西时间", "America/Los_Angeles"),
    ("9:00 新加坡时间", "Asia/Singapore"),
    ("9:00 東八區", "UTC+08:00"),
    ("9:00 asia/singapore", "Asia/Singapore"),
    ("9:00 cst", "?cst"),  # China Standard or US Central: asked, not guessed
    ("9:00 ist", "?ist"),
    ("9:00 asia/beijing", "?asia/beijing"),  # no IANA zone
    ("9:00 utc+15", "?offset"),
    ("9:00 pt 北京时间", "!"),  # two zones
    ("mon/wed 9:00", ""),
    ("每周一 9:00", ""),
    ("the setup meeting", ""),  # et, pt inside words are no zones
])
def test_take_zone(key: str, zone: str) -> None:
    assert take_zone(key)[0] == zone


@pytest.mark.parametrize(("text", "name", "read"), [
    ("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai"),
    ("asia/shanghai", "Asia/Shanghai", "Asia/Shanghai"),
    ("UTC+8", "UTC+08:00", "UTC+08:00"),
    ("PT", "America/Los_Angeles", "America/Los_Angeles"),
    ("北京时间", "Asia/Shanghai", "Asia/Shanghai"),
    ("CST", None, "?cst"),
    ("Asia/Singapur", None, "?asia/singapur"),
    ("Mars/Base", None, "?Mars/Base"),
])
def test_a_written_zone_is_read_or_refused(text: str, name: str | None, read: str) -> None:
    assert (zone_name(text), read_zone(text)) == (name, read)


def test_conversion_follows_daylight_saving_time_for_the_dates_shown() -> None:
    la, sh = "America/Los_Angeles", "Asia/Shanghai"
    assert convert(0, "08:00", la, sh, WINTER) == (1, "00:00")  # Tuesday in Beijing
    assert convert(0, "08:00", la, sh, SUMMER) == (0, "23:00")
    assert convert(6, "20:00", sh, la, WINTER) == (6, "04:00")
    assert convert(0, "07:00", sh, la, WINTER) == (6, "15:00")  # back over midnight: Sunday
    # the week US daylight saving time starts (Sunday 2026-03-08): Saturday still PST
    assert convert(5, "08:00", la, sh, dt.date(2026, 3, 2)) == (6, "00:00")
    assert convert(6, "08:00", la, sh, dt.date(2026, 3, 2)) == (6, "23:00")
    assert convert(2, "09:00", "UTC+08:00", sh, WINTER) == (2, "09:00")


@pytest.mark.parametrize(("week", "lang", "said"), [
    (SUMMER, "zh", "每个工作日（周一至周五） · 08:00–08:15 美西时间 · 北京时间 23:00–23:15"),
    (WINTER, "zh",
     "每个工作日（周一至周五） · 08:00–08:15 美西时间 · 北京时间 周二至周六 00:00–00:15"),
    (WINTER, "zh-Hant",
     "每個工作日（週一至週五） · 08:00–08:15 美西時間 · 北京時間 週二至週六 00:00–00:15"),
    (WINTER, "en", "every workday (Mon–Fri) · 08:00–08:15 US Pacific time · Beijing time "
                    "Tue–Sat 00:00–00:15"),
])
def test_a_meeting_is_said_in_its_zone_and_the_orgs(week: dt.date, lang: str,
                                                    said: str) -> None:
    assert describe("Mon-Fri 8:00-8:15 PT", lang, None, "Asia/Shanghai", week) == said


def test_without_an_org_zone_times_are_not_moved() -> None:
    assert describe("Mon-Fri 8:00 PT", "en") == "every workday (Mon–Fri) · 08:00 US Pacific time"
    assert describe("每周二 10:00", "zh", "Asia/Singapore") == "每周 · 周二 · 10:00 新加坡时间"
    assert describe("每周一 9:00-9:15", "zh", None, "Asia/Shanghai", WINTER) == \
        "每周 · 周一 · 09:00–09:15"  # no zone of its own: the org's
    # an ambiguous zone is shown as written and not moved
    assert describe("每周四 9:00 CST", "zh", None, "Asia/Shanghai", WINTER) == \
        "每周 · 周四 · 09:00 CST"
    assert describe("每月十五 20:00", "en", None, "Asia/Shanghai", WINTER) == \
        "monthly · day 15 · 20:00"
    # a daily meeting moved over midnight says so
    assert describe("daily 17:00 PT", "en", None, "Asia/Shanghai", WINTER) == \
        "daily · 17:00 US Pacific time · Beijing time 09:00 (next day)"


ORG = """\
- {kind: Team, id: sz, name: 深圳总部, lead: wang, members: [wang]}
- {kind: Team, id: la, name: 洛杉矶仓, parent: sz, lead: amy, members: [amy]}
- {kind: Person, id: wang, name: 王伟}
- {kind: Person, id: amy, name: Amy Chen}
- {kind: Meeting, id: la-standup, cadence: "Mon-Fri 8:00-8:15 PT", owner: amy, attendees: [la]}
- {kind: Meeting, id: hq, cadence: "每周一 9:00-10:00", owner: wang, attendees: [sz]}
- {kind: Meeting, id: hq2, cadence: "每周三 9:00", owner: wang, attendees: [sz]}
- {kind: Meeting, id: chicago, cadence: "每周四 9:00 CST", owner: amy, attendees: [la]}
- kind: Meeting
  id: bad-field
  name: 新加坡复盘
  cadence: 每周五 10:00
  timezone: Asia/Singapur
  owner: wang
  attendees: [sz]
- kind: Meeting
  id: two-ways
  name: 跨区复盘
  cadence: 每周五 9:00 PT
  timezone: Asia/Shanghai
  owner: wang
  attendees: [sz]
- kind: Meeting
  id: sg
  name: 新加坡周会
  cadence: 每周二 10:00
  timezone: Asia/Singapore
  owner: wang
  attendees: [sz]
"""


def test_mt006_findings(write_org: Any) -> None:
    org = write_org({"m.yaml": ORG})
    result, _ = lint_org([str(org)], Config(select=None))
    found = [(f.code, Path(f.location.file).name, f.location.line) for f in result.findings
             if f.code.startswith("MT00")]
    assert found == [("MT006", "m.yaml", 8), ("MT006", "m.yaml", 13),
                     ("MT006", "m.yaml", 19)]
    messages = [f.message for f in result.findings if f.code == "MT006"]
    assert "'CST'" in messages[0] and "America/Chicago" in messages[0]


def test_mt006_example_that_is_good_gives_none(write_org: Any) -> None:
    org = write_org({"m.yaml": ORG.split("- {kind: Meeting, id: chicago")[0]})
    result, _ = lint_org([str(org)], Config())
    assert [f.code for f in result.findings if f.code.startswith("MT")] == []


def _calendar(org: Path, out: Path, zone: str | None, today: dt.date) -> dict[str, list[str]]:
    """The calendar's rows: time -> the seven cells' meeting ids and notes."""
    from orgspec.site import SiteOptions, build_site

    result, loaded = lint_org([str(org)], Config(timezone=zone), today)
    build_site(result, loaded, str(out), SiteOptions(lang="zh", git_dates=False))
    page = (out / "calendar.html").read_text("utf-8")
    rows: dict[str, list[str]] = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", page):
        cells = re.findall(r"<td>(.*?)</td>", row[1])
        rows[row[0]] = [" ".join(re.findall(r"meetings/([\w-]+)\.html", c) +
                                 re.findall(r"<small class=\"muted\">(.*?)</small>", c))
                        for c in cells]
    return rows


def test_the_calendar_places_meetings_in_the_orgs_zone(write_org: Any, tmp_path: Path) -> None:
    org = write_org({"m.yaml": ORG})
    winter = _calendar(org, tmp_path / "w", "Asia/Shanghai", dt.date(2026, 12, 9))
    standup = "la-standup 08:00 美西时间 · 至 00:15"
    assert winter["00:00"] == ["", standup, standup, standup, standup, standup, ""]
    assert winter["09:00"][0] == "hq 至 10:00"
    assert winter["09:00"][3] == "chicago CST"  # as written, not moved
    assert winter["10:00"][1] == "sg 10:00 新加坡时间"
    summer = _calendar(org, tmp_path / "s", "Asia/Shanghai", dt.date(2026, 7, 8))
    assert summer["23:00"] == [standup.replace("00:15", "23:15")] * 5 + ["", ""]
    page = (tmp_path / "s" / "calendar.html").read_text("utf-8")
    assert "时间均为北京时间。" in page and "2026-07-06" in page


def test_without_the_orgs_zone_the_calendar_is_not_moved(write_org: Any,
                                                          tmp_path: Path) -> None:
    org = write_org({"m.yaml": ORG})
    rows = _calendar(org, tmp_path / "n", None, dt.date(2026, 12, 9))
    assert rows["08:00"] == ["la-standup 美西时间 · 至 08:15"] * 5 + ["", ""]
    assert 'id="zone"' not in (tmp_path / "n" / "calendar.html").read_text("utf-8")


def test_the_report_says_both_times(write_org: Any, tmp_path: Path) -> None:
    org = write_org({"m.yaml": ORG})
    (tmp_path / ".orgspec.yaml").write_text("root: org\ntimezone: Asia/Shanghai\n", "utf-8")
    run = run_cli("report", str(org), "--config", str(tmp_path / ".orgspec.yaml"),
                  "--lang", "zh", "-o", str(tmp_path / "r.md"))
    assert run.code in (0, 1), run.stderr
    report = (tmp_path / "r.md").read_text("utf-8")
    assert re.search(r"\| 08:00–08:15 美西时间 · 北京时间 (周二至周六 00:00–00:15|23:00–23:15) \|",
                     report.replace("每个工作日（周一至周五） · ", "| ")), report


@pytest.mark.parametrize(("value", "zone"), [("Asia/Shanghai", "Asia/Shanghai"),
                                             ("America/Los_Angeles", "America/Los_Angeles"),
                                             ("UTC+8", "UTC+08:00"), ("北京时间", "Asia/Shanghai")])
def test_the_config_reads_the_orgs_zone(tmp_path: Path, value: str, zone: str) -> None:
    path = tmp_path / ".orgspec.yaml"
    path.write_text(f"timezone: {value}\n", "utf-8")
    assert load_config(str(path)).timezone == zone


def test_a_bad_config_zone_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / ".orgspec.yaml"
    path.write_text("lang: en\ntimezone: CST\n", "utf-8")
    with pytest.raises(ConfigError):
        load_config(str(path))
    run = run_cli("config", "--config", str(path))
    assert run.code == 2
    line = run.stderr.strip().splitlines()[-1]
    assert line.startswith(f"orgspec: error: {path}:2:11: timezone 'CST' names more than one "
                           "zone (Asia/Shanghai, America/Chicago)"), line
    assert "Traceback" not in run.stderr


def test_golden_timezones_report_and_calendar(write_org: Any, tmp_path: Path) -> None:
    """The cross-border org's report (Markdown) and calendar page, org zone Beijing, in the
    week of 2026-12-07 (Los Angeles on standard time)."""
    from conftest import assert_golden

    from orgspec.reporters.markdown import render
    from orgspec.site import SiteOptions, build_site

    org = write_org({"m.yaml": ORG})
    result, loaded = lint_org([str(org)], Config(timezone="Asia/Shanghai", lang="zh"),
                              dt.date(2026, 12, 9))
    report = render(result, org=loaded, output=str(tmp_path / "r.md"))
    assert_golden("report-timezones.md", report.replace(str(org), "ORG"))
    build_site(result, loaded, str(tmp_path / "site"), SiteOptions(lang="zh", git_dates=False))
    assert_golden("site-timezones-calendar.html",
                  (tmp_path / "site" / "calendar.html").read_text("utf-8"))


def test_show_gives_both_times_with_the_configs_zone(write_org: Any, tmp_path: Path) -> None:
    org = write_org({"m.yaml": ORG})
    (tmp_path / ".orgspec.yaml").write_text("root: org\ntimezone: Asia/Shanghai\n", "utf-8")
    run = run_cli("show", "meeting", "la-standup", str(org), "--config",
                  str(tmp_path / ".orgspec.yaml"), "--lang", "en")
    assert run.code == 0, run.stderr
    assert re.search(r"every workday \(Mon–Fri\) · 08:00–08:15 US Pacific time · Beijing time "
                     r"(Tue–Sat 00:00–00:15|23:00–23:15)$", run.stdout, re.M), run.stdout
    plain = run_cli("show", "meeting", "la-standup", str(org), "--isolated", "--lang", "en")
    assert "every workday (Mon–Fri) · 08:00–08:15 US Pacific time\n" in plain.stdout


def test_a_week_daylight_saving_time_starts_in_moves_the_days_after_it(
        write_org: Any, tmp_path: Path) -> None:
    """US daylight saving time starts on Sunday 2026-03-08: a daily 08:00 PT meeting held
    Monday to Saturday of that week is at 00:00 the next day in Beijing (Tuesday to Sunday),
    Sunday's at 23:00 that Sunday; no Monday 00:00 that week."""
    org = write_org({"m.yaml": "- {kind: Team, id: la, lead: amy, members: [amy]}\n"
                               "- {kind: Person, id: amy}\n"
                               "- {kind: Meeting, id: d, cadence: daily 8:00 PT, owner: amy, "
                               "attendees: [la]}\n"})
    rows = _calendar(org, tmp_path / "dst", "Asia/Shanghai", dt.date(2026, 3, 4))
    assert rows["00:00"] == [""] + ["d 08:00 美西时间"] * 6  # Sat 08:00 PST is Sun 00:00, ...
    assert rows["23:00"] == [""] * 6 + ["d 08:00 美西时间"]  # ... Sun 08:00 PDT is Sun 23:00


# One zone written four ways (trial 6: `PT` in one place, `美西时间` in another)
FOUR_WAYS = """\
- {kind: Team, id: la, name: 洛杉矶仓, lead: amy, members: [amy]}
- {kind: Person, id: amy, name: Amy Chen}
- {kind: Meeting, id: a, cadence: 每周一 9:00 PT, owner: amy, attendees: [la]}
- {kind: Meeting, id: b, cadence: 每周二 9:00 美西时间, owner: amy, attendees: [la]}
- {kind: Meeting, id: c, cadence: 每周三 9:00 pst, owner: amy, attendees: [la]}
- kind: Meeting
  id: d
  cadence: 每周四 9:00
  timezone: America/Los_Angeles
  owner: amy
  attendees: [la]
"""


@pytest.mark.parametrize(("lang", "zone"), [("zh", "美西时间"), ("zh-Hant", "美西時間"),
                                            ("en", "US Pacific time")])
@pytest.mark.parametrize("org_zone", ["Asia/Shanghai", None])
def test_a_zone_reads_the_same_however_it_was_written(lang: str, zone: str,
                                                      org_zone: str | None) -> None:
    said = [describe(cadence, lang, field, org_zone or "", WINTER).split(" · ")[2]
            for cadence, field in (("每周一 9:00 PT", None), ("每周二 9:00 美西時間", None),
                                   ("每周三 9:00 pst", None),
                                   ("每周四 9:00", "America/Los_Angeles"))]
    assert said == [f"09:00 {zone}"] * 4


def test_show_and_the_calendar_say_one_zone_one_way(write_org: Any, tmp_path: Path) -> None:
    org = write_org({"m.yaml": FOUR_WAYS})
    rows = _calendar(org, tmp_path / "w", "Asia/Shanghai", dt.date(2026, 12, 9))
    assert rows["01:00"] == ["", "a 09:00 美西时间", "b 09:00 美西时间", "c 09:00 美西时间",
                             "d 09:00 美西时间", "", ""]
    rows = _calendar(org, tmp_path / "n", None, dt.date(2026, 12, 9))
    assert rows["09:00"] == ["a 美西时间", "b 美西时间", "c 美西时间", "d 美西时间", "", "", ""]
    (tmp_path / ".orgspec.yaml").write_text("root: org\ntimezone: Asia/Shanghai\n", "utf-8")
    for mid in "abcd":
        run = run_cli("show", "meeting", mid, str(org), "--config",
                      str(tmp_path / ".orgspec.yaml"), "--lang", "zh-Hant")
        assert run.code == 0, run.stderr
        assert " · 09:00 美西時間 · 北京時間 " in run.stdout, run.stdout
