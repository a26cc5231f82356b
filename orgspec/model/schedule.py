"""A meeting's cadence as written (`每周一 10:00`, `daily 9:30`, `Mon-Fri 9am`, `双周`) read into
how often, on which weekdays and at what time. Simplified, Traditional and English.

    schedule_of("每周一 上午10点")  # Schedule(cadence="weekly", days=(0,), time="10:00")
    schedule_of("每月第一个周一")    # Schedule(cadence="monthly", days=(0,), nth=1)
    schedule_of("每季度第一周")      # Schedule(cadence="quarterly", nth=1): its first week
    schedule_of("每月周会")          # Schedule(cadence=None, ...): not understood, not guessed
    schedule_of("每周三十点半")     # weekly, Wednesday, 10:30 (hours in Chinese numerals too)
    schedule_of("每月15日")         # Schedule(cadence="monthly", monthday=15)
    schedule_of("每月最后一个工作日")  # monthly, days Mon-Fri, nth=-1: its last working day
    schedule_of("每周一上午")        # Schedule(cadence="weekly", days=(0,), part="morning")
    describe("每个工作日 9:00", "zh")  # "每个工作日（周一至周五） · 09:00" (the one wording of
                                     # report, page and command)

Nothing is guessed: text left over after the weekdays and the time are taken out must be
a cadence word (or nothing), else the cadence is unknown (None) and callers list the
meeting as written. Weekdays are 0 (Monday) to 6 (Sunday).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from orgspec.i18n import MC, say, say_list
from orgspec.text.lazyre import lazy
from orgspec.text.spaces import fold_width

# Cadence words, Simplified, Traditional and English, by canonical cadence.
CADENCES: dict[str, tuple[str, ...]] = {
    # 每日 and daily are every day, weekends too (as written); the working week is said with
    # its own words (_WORKWEEK: 平日, 工作日, weekdays) or a range (週一至週五, Mon-Fri).
    "daily": ("daily", "every day", "each day", "每日", "每天", "日", "天", "晨会", "晨會"),
    "weekly": ("weekly", "every week", "each week", "每周", "每週", "周", "週", "每星期",
               "星期", "每礼拜", "每禮拜"),
    "biweekly": ("biweekly", "bi-weekly", "fortnightly", "every two weeks", "every 2 weeks",
                 "every other week", "every second week", "双周", "雙週", "雙周", "每两周",
                 "每兩週", "每2周", "隔周", "隔週", "每隔一周", "每隔一週", "隔一周", "隔一週"),
    "monthly": ("monthly", "every month", "each month", "每月", "月度", "月", "每个月", "每個月"),
    "quarterly": ("quarterly", "every quarter", "每季度", "每季", "季度", "季"),
    # twice a year: 每半年, 半年度, 每年两次, semi-annual, every six months
    "semiannual": ("semiannual", "semi-annual", "semiannually", "semi-annually", "half-yearly",
                   "half yearly", "twice a year", "twice yearly", "twice per year",
                   "every six months", "every 6 months", "every half year", "each half year",
                   "每半年", "半年度", "半年", "每年两次", "每年兩次", "一年两次", "一年兩次",
                   "每六个月", "每六個月", "每6个月", "每6個月"),
    "yearly": ("yearly", "annually", "annual", "every year", "each year", "once a year",
               "once yearly", "每年", "年度", "年", "一年一次", "每年度"),
    # no rhythm of the calendar: held when needed (不定期). One held after each of something
    # (每场直播后, after each live stream) is `event`, read by `_TRIGGER_ZH`/`_TRIGGER_EN`.
    "adhoc": ("ad hoc", "ad-hoc", "as needed", "when needed", "as required", "on demand",
              "不定期", "不定时", "不定時", "按需", "视需要", "視需要", "临时", "臨時"),
}
# Cadences held when something happens, not by the calendar: no day or time to place.
EVENT_DRIVEN = ("event", "adhoc")
WORD_CADENCE = {w.casefold(): c for c, words in CADENCES.items() for w in words}
WORKDAYS = (0, 1, 2, 3, 4)
_SPACE = lazy(r"\s+")

_ZH_DAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
           # 每周1, 週3: the weekday as an Arabic digit, 7 Sunday
           "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_EN_DAY = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
           "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5,
           "saturday": 5, "sun": 6, "sunday": 6}
_ZH_WEEK = r"(?:周|週|星期|礼拜|禮拜)"
_ZH_D = r"[一二三四五六日天]|[1-7](?!\d)"  # 周15日 is no Monday
# an IME may put a space between the week word and the day: 每周 一 9:30, 週 一
_ZH_ONE = rf"{_ZH_WEEK}\s*({_ZH_D})(?!\s*次)"
_EN_ONE = r"\b(" + "|".join(sorted(_EN_DAY, key=len, reverse=True)) + r")s?\b"
_TO = r"\s*(?:至|到|-|–|—|~|～|to|through)\s*"
_DAY_RANGE = lazy(rf"每?{_ZH_ONE}{_TO}(?:{_ZH_WEEK}\s*)?({_ZH_D})"
                        rf"|{_EN_ONE}{_TO}{_EN_ONE}")
_DAY_ONE = lazy(rf"每?{_ZH_ONE}|{_EN_ONE}")
# Weekdays listed after one week word: 每周一、三、五, 每週1、3, 周二和四 (a second 周 may stand);
# joined by 与/與, Cantonese 同, `&` or `+` too (周二&周四, 禮拜二同禮拜四: small36).
_DAY_LIST = lazy(rf"每?{_ZH_ONE}(?:\s*[、，,/和及与與同&+]\s*(?:{_ZH_WEEK}\s*)?(?:{_ZH_D})"
                       r"(?!\s*次))+")
_DAY_DIGIT = lazy(r"[一二三四五六日天1-7]")
# Weekdays run together after one week word: 每周一三五, 週二四, 每周一二三四五 (in order, each
# once; a run out of order is not guessed). An hour is taken before (周三十点 is 10:00).
_DAY_RUN = lazy(rf"每?{_ZH_WEEK}\s*([一二三四五六日天]{{2,7}})(?![次\d点點时時])")
# The start or end of a month, quarter or year, no day said: 每月初, 每季度末, 年底, start of
# each month, quarter end. A month's end is its last day (月底, `monthday` -1), not this.
_EDGE = lazy(r"(月|季度|季|年)(初)|(季度|季|年)([末底])"
                   r"|\b(?:(start|beginning)|(end))\s+of\s+(?:the\s+)?((?:each|every)\s+)?"
                   r"(month|quarter|year)\b|\b(quarter|year)[- ]?(end)\b"
                   r"|\b(month|quarter|year)[- ]?(start)\b")
_EDGE_PERIOD = {"月": "monthly", "季度": "quarterly", "季": "quarterly", "年": "yearly",
                "month": "monthly", "quarter": "quarterly", "year": "yearly"}
# What a meeting is, written before or after its cadence (`daily standup 9:15`, `周例会
# 每周一`): left out, as the weekdays and the time are. 周会 is no such word: `每月周会`
# names two cadences.
_LABEL = lazy(r"\b(?:stand-?ups?|syncs?|meetings?|reviews?|retros?|retrospectives?|"
                    r"check-?ins?|huddles?|catch-?ups?|one-on-ones?|all-hands)\b"
                    r"|例会|例會|会议|會議|站会|站會|复盘会?|復盤會?")
# 每晚, 每早, every evening: every day, in that part of it
_EACH_PART = lazy(r"每(晚|早)(?![上晨])|\b(?:every|each) (morning|evening|night)\b")
_ONCE = lazy(r"\s*(?:一|1)\s*次会?$")
# Words that name the working week itself: the meeting is daily, Monday to Friday (平日 is
# how Taiwan and Hong Kong say weekdays).
_WORKWEEK = lazy(r"每?(?:个|個)?(?:工作日|平日)|\b(?:every |each )?(?:weekday|workday|"
                       r"business day)s?\b")
# Every other week on a weekday: 隔週三, 双周三, 每两周的周三, every other Wednesday. The words
# become `biweekly`; the weekday is read as any other.
_OTHER_WEEK = lazy(rf"(?:每隔一|隔一?|双|雙|每两|每兩|每2)(?=的?\s*{_ZH_WEEK}"
                         r"\s*[一二三四五六日天])|\bevery (?:other|second|2nd)\b(?=\s+(?:"
                         + "|".join(sorted(_EN_DAY, key=len, reverse=True)) + r")s?\b)")
_TIME_24 = lazy(r"(?<!\d)([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:\s*([ap])\.?m\.?\b)?")
_TIME_AMPM = lazy(r"(?<!\d)(1[0-2]|0?[1-9])\s*([ap])\.?m\.?\b")
_TIME_ZH = lazy(r"(上午|早上|早晨|中午|下午|晚上)?\s*([01]?\d|2[0-3])\s*[点點时時]\s*"
                      r"(?:(半)|([0-5]?\d)\s*分?)?")
# An hour or minute in Chinese numerals (每周一上午十点, 九点半, 十点一刻): read as digits first.
_ZH_HOUR = lazy(r"(?<![周週期拜])([零〇一二两兩三四五六七八九十]{1,3})"
                      r"(?=\s*[点點时時](?!间|間))")  # 周三十点: Wednesday, 10:00
_ZH_MINUTE = lazy(r"(?<=[点點时時])\s*([零〇一二两兩三四五六七八九十]{1,3})(?=\s*分)")
_QUARTER = lazy(r"(?<=[点點时時])\s*([一三])刻")
# Filler left between the parts: `every Monday at 10:00`, `每周一的 10 点`, `周一、周四`.
# The nth weekday (or week) of a month, quarter or year: 每月第一个周一, 每月最后一个周五,
# 每季度第一周, 每月第一個週一, first Monday of each month, last Friday of the quarter. Only
# with a cadence of a month or longer (a `第一个周一` alone is not guessed to be monthly).
_ZH_NTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_EN_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "fifth": 5, "5th": 5, "last": -1}
# The nth working day is the nth of the days Monday to Friday (`days` WORKDAYS): 每月最后一个
# 工作日, first business day of the month (group 6 or 7).
_NTH = lazy(
    rf"(?:第\s*([一二三四五1-5])|(最[后後]))\s*(?:一\s*)?(?:个|個)?\s*"
    rf"(?:{_ZH_WEEK}\s*([一二三四五六日天])|{_ZH_WEEK}|(工作日|平日))"
    r"|\b(?:the\s+)?(" + "|".join(_EN_NTH) + r")\s+(?:(" + "|".join(
        sorted(_EN_DAY, key=len, reverse=True)) + r")|week|((?:working|business|work)\s*day)"
    r")\b")
_NTH_WORKDAY = " 工作日 "  # what an nth working day is read as: the working week's days
# The day of the month: 每月15日, 每月1号, 每個月5號, 每月十五日, monthly on the 15th, on the 1st of
# every month; its last day: 月底, 月末, 最后一天, last day of the month (-1). Only with a
# monthly cadence: `每周15日` is not guessed.
_MONTHDAY = lazy(r"(?<![周週期拜\d])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号號](?!历|曆)"
                       r"|\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:week|working|"
                       r"business|work))")
_LAST_DAY = lazy(r"月[底末]|最[后後]\s*(?:一)?\s*天|\b(?:the\s+)?last\s+day\b")
# A part of the day said without a clock time: 每周一上午, every Monday morning.
_PART = lazy(r"(上午|早上|早晨|中午|下午|傍晚|晚上)"
                   r"|\b(morning|noon|afternoon|evening)s?\b")
_PART_OF = {"上午": "morning", "早上": "morning", "早晨": "morning", "中午": "noon",
            "下午": "afternoon", "傍晚": "evening", "晚上": "evening", "morning": "morning",
            "noon": "noon", "afternoon": "afternoon", "evening": "evening"}
# `of each month`, `of the quarter`: the cadence word after an English ordinal
_OF_PERIOD = lazy(r"\bof\s+(?:the|each|every)\s+(month|quarter|year)\b")
_PERIOD_WORD = {"month": " monthly ", "quarter": " quarterly ", "year": " yearly "}
LONG = ("monthly", "quarterly", "semiannual", "yearly")
# (`&` and `+` join weekdays as `and` does: Tue & Thu 10:00, Mon + Thu; small36)
_LIGHT = lazy(r"\b(?:on|at|and|from)\b|[的和及、,，;；/|()（）:：&+-]+")
_FILLER = lazy(r"\b(?:every|each)\b|[每\s]+")


@dataclass(frozen=True)
class Schedule:
    """How often (`daily` ... `yearly`, None when not understood), on which weekdays
    (0 Monday .. 6 Sunday; empty: not said) and when (`HH:MM`, 24-hour; "" when not said)."""

    cadence: str | None
    days: tuple[int, ...] = ()
    time: str = ""
    # of a monthly, quarterly or yearly cadence: on the nth of its `days` (one weekday, or
    # Monday to Friday: the nth working day) in the period, or in its nth week when no day
    # is said; 1..5, -1 the last; 0 not said
    nth: int = 0
    # of a monthly cadence: on this day of the month, 1..31; -1 its last day; 0 not said
    monthday: int = 0
    # when no `time` is said: `morning`, `noon`, `afternoon` or `evening`; "" not said
    part: str = ""
    # of a monthly, quarterly or yearly cadence, no day said: at its `start` (每月初, its
    # first days) or `end` (每季度末, quarter end); "" not said
    edge: str = ""
    # of a yearly cadence: in this month, 1..12 (on its `monthday` when said); 0 not said
    month: int = 0
    # `month` and `monthday` are of the Chinese lunar calendar (农历): 每逢初一, 每逢农历十五,
    # 每年农历正月初八
    lunar: bool = False
    # of a yearly cadence: the festival it is anchored to (`EVENTS`: spring-festival,
    # double-11 ...); "" none
    event: str = ""
    # some days before its date or festival (每年双十一前两周: 14); -1 before it, how long
    # not said (每年春节前); 0 on it
    before: int = 0
    # when it ends (`HH:MM`, a time range's second time: 9:00-9:15); "" not said. An end
    # before `time` is on the next day (23:30-00:15).
    end: str = ""
    # the time zone the cadence is said in (`timezones.take_zone`: an IANA name or
    # `UTC+HH:MM`; `?` + the words for an ambiguous or unknown one); "" not said
    zone: str = ""
    zone_said: str = ""  # the zone's words as written, casefolded (`pt`, `北京时间`)
    # of an `event` cadence: what it follows (or precedes), as written, casefolded (`直播`,
    # `live stream`), and `after` or `before`
    trigger: str = ""
    side: str = ""
    # of a yearly cadence: some days after its date or festival (每年双十一后一周: 7); -1
    # after it, how long not said (每年双十一后); 0 not after it
    after: int = 0


@lru_cache(maxsize=4096)  # cadences repeat: 每周, weekly ...
def schedule_of(text: str | None) -> Schedule:
    """Read a cadence as written; see the module docstring. Never raises."""
    if not text:
        return Schedule(None)
    key = _normalized(text)
    zone, said = "", ""
    if _MAY_ZONE.search(key):
        from orgspec.text.timezones import take_zone

        zone, said, key = take_zone(key)
        if zone == "!":
            return Schedule(None)  # two zones: which time is meant is not guessed
        key = _SPACE.sub(" ", key).strip()
    sched = _read(key)
    return replace(sched, zone=zone, zone_said=said) if zone and sched.cadence else sched


def _normalized(text: str) -> str:
    """`text` casefolded, its width and blanks folded, and the regional forms `_read` reads
    in their common words: 工作天 (Taiwan's 工作日), AM/PM before the time, 逢星期一 and 逢一至五
    (Hong Kong's 每星期...), 每朝 and 朝早 (Cantonese: 每天早上, 早上)."""
    key = _SPACE.sub(" ", fold_width(text).strip().casefold().replace("工作天", "工作日"))
    key = _AMPM_FIRST.sub(lambda m: "上午" if m[1] == "a" else "下午", key)
    key = _EVERY_WEEK.sub("每", key)
    key = _EVERY_DAY_DIGIT.sub("每星期", key)
    return _CANTONESE_MORNING.sub(lambda m: "每天早上" if m[1] else "早上", key)


# AM/PM before the time, as Taiwan and Hong Kong often write it (每週一 PM2:00, AM 9:30):
# read as 上午/下午 are.
_AMPM_FIRST = lazy(r"(?<![a-z])([ap])\.?m\.?\s*(?=\d)")
# 逢星期一, 逢週一, 每个星期一, 每個禮拜一, 每逢周五: how Hong Kong (and many others) say "every
# Monday"; read as 每星期一. Not 逢周年 / 每逢周年庆 (an anniversary).
_EVERY_WEEK = lazy(r"(?:每逢|逢|每个|每個)\s*(?=(?:周|週|星期|礼拜|禮拜)(?!年))")
# 逢一至五, 逢一、三、五, 逢二四, 每逢五: how Hong Kong says weekdays without a week word (trial
# 35); read as 每星期一至五. Not 逢初一 or 逢十五 (lunar days), nor a digit that counts
# (逢五月, 逢一年, 逢三進一: a month, a year, no weekday follows the digit as written).
_EVERY_DAY_DIGIT = lazy(r"(?:每逢|逢)\s*(?=[一二三四五六](?:\s*(?:[、，,/和及与與同&+至到~～-]\s*)?"
                        r"[一二三四五六日](?![月年号號次人个個]))*(?:$|[\s\d上下早晚中朝]))")
# 每朝 (every morning) and 朝早 (the morning): Cantonese, as Hong Kong writes them; read as
# 每天早上 and 早上. Not 朝令夕改, 朝代 (no 每 before, no 早 after).
_CANTONESE_MORNING = lazy(r"(每朝早?)|朝早")
# What a zone may be written with (`timezones.take_zone` is run only then): Latin letters
# (PT, UTC, an IANA name) or 时间 / 時間 / 区 / 區.
_MAY_ZONE = lazy(r"[a-z]{2}|时间|時間|[东東西].{1,2}[区區]|协调世界时|協調世界時")


# Held after (or before) each of something: 每场直播后, 每次大促结束后, 每場直播後, 每期活动前,
# after each live stream, before every launch. A measure word (场, 次 ...) or each/every is
# needed: 每天开播前 is a day's time said by an event, not read (MT002 asks for the time).
_TRIGGER_ZH = lazy(r"每\s*(?:一\s*)?(?:场|場|次|轮|輪|期|届|屆|个|個|回|单|單)\s*"
                   r"(?P<what>[^\s\d:：,，;；]{1,20}?)\s*(?:结束|結束|完成|完毕|完畢)?\s*"
                   r"(?P<side>(?:之|以)?[后後]|(?:之|以)?前)")
_TRIGGER_EN = lazy(r"(?P<side>after|following|before)\s+(?:each|every)\s+"
                   r"(?P<what>[a-z][a-z' -]{0,40}?)")


def _trigger(key: str) -> Schedule | None:
    """An `event` cadence when `key` (a meeting's label words aside) is one, else None."""
    bare = _SPACE.sub(" ", _LABEL.sub(" ", key)).strip()
    for pattern in (_TRIGGER_ZH, _TRIGGER_EN):
        m = pattern.fullmatch(bare)
        if m is not None and m["what"].strip():
            side = "before" if m["side"] in ("before",) or m["side"].endswith("前") else "after"
            return Schedule("event", trigger=m["what"].strip(), side=side)
    return None


def _read(key: str) -> Schedule:
    """`schedule_of` of a cadence casefolded, its zone taken out."""
    if key in WORD_CADENCE:
        return Schedule(WORD_CADENCE[key])
    event = _trigger(key)
    if event is not None:
        return event
    key = _ONCE.sub("", key)
    if key in WORD_CADENCE:
        return Schedule(WORD_CADENCE[key])
    key = _EACH_PART.sub(lambda m: "每天晚上" if m[1] == "晚" else "每天早上" if m[1] else
                         " daily morning " if m[2] == "morning" else " daily evening ", key)
    time, end, key = _take_time(key)
    if time == "!":
        return Schedule(None)  # two times, not one range: which is meant is not guessed
    part, key = _take_part(key)
    if time and int(time[:2]) < 12 and (part in ("afternoon", "evening") or (
            part == "noon" and int(time[:2]) < 6)):  # 晚上 8:00, 下午3:00: the part says pm
        time = f"{int(time[:2]) + 12:02d}{time[2:]}"
    if end and end < time and int(end[:2]) < 12 and f"{int(end[:2]) + 12:02d}{end[2:]}" > time:
        end = f"{int(end[:2]) + 12:02d}{end[2:]}"  # 下午2点到3点: the end is pm too
    sched = _read_rest(key, time, part)
    return replace(sched, end=end) if end and sched.cadence else sched


def _take_days(key: str) -> tuple[set[int], bool, str]:
    """(the weekdays `key` says, whether it names the working week itself, `key` without
    them): the working week (平日, weekdays), weekday runs, lists and ranges, single days."""
    days: set[int] = set()
    workweek = False
    if _WORKWEEK.search(key):
        workweek = True
        days.update(WORKDAYS)
        key = _WORKWEEK.sub(" ", key)
    for m in _DAY_RUN.finditer(key):
        run = [_ZH_DAY[d] for d in m[1]]
        if run == sorted(set(run)):
            days.update(run)
            key = key.replace(m[0], " ", 1)
    for m in _DAY_LIST.finditer(key):
        days.update(_ZH_DAY[d] for d in _DAY_DIGIT.findall(m[0]))
    key = _DAY_LIST.sub(" ", key)
    for m in _DAY_RANGE.finditer(key):
        a, b = (_ZH_DAY[m[1]], _ZH_DAY[m[2]]) if m[1] else (_EN_DAY[m[3]], _EN_DAY[m[4]])
        if a <= b:
            days.update(range(a, b + 1))
    key = _DAY_RANGE.sub(" ", key)
    for m in _DAY_ONE.finditer(key):
        days.add(_ZH_DAY[m[1]] if m[1] else _EN_DAY[m[2]])
    return days, workweek, _DAY_ONE.sub(" ", key)


def understood(text: str | None) -> tuple[tuple[int, ...], str]:
    """(weekdays, time `HH:MM`) said in a cadence `schedule_of` may not read (trial 35:
    `逢一、三、五 9:30` was not read, and MT002's example dropped both): read as `schedule_of`
    reads them, the rest of the words aside; ((), "") when none is said."""
    if not text:
        return (), ""
    key = _normalized(text)
    time, _, key = _take_time(key)
    if time == "!":
        time = ""
    part, key = _take_part(key)
    if time and int(time[:2]) < 12 and part in ("afternoon", "evening"):
        time = f"{int(time[:2]) + 12:02d}{time[2:]}"
    days, _, _ = _take_days(key)
    return tuple(sorted(days)), time


def _read_rest(key: str, time: str, part: str) -> Schedule:
    """`_read` once the time and the part of the day are taken out of `key`."""
    anchor, key = _take_anchor(_bare_monthday(_gregorian_day(key)))
    edge, edge_period, key = _take_edge(key)
    if not _OF_PERIOD.search(key):  # `every second Tuesday`; `... of the month` is an nth
        key = _OTHER_WEEK.sub(" biweekly ", key)
    nth, key, nth_said = _take_nth(key)
    key = _OTHER_WEEK.sub(" biweekly ", key)
    monthday, key = _take_monthday(key)
    days, workweek, key = _take_days(key)
    key = _LABEL.sub(" ", key)
    light = _SPACE.sub(" ", _LIGHT.sub(" ", key)).strip()
    if light not in WORD_CADENCE:  # 一年一次 is a cadence, 一年 no
        light = _ONCE.sub("", light).strip()
    rest = _FILLER.sub("", light)
    if light in WORD_CADENCE or rest in WORD_CADENCE:
        cadence: str | None = WORD_CADENCE.get(light) or WORD_CADENCE[rest]
    elif anchor is not None and rest in ("", "逢"):  # 每逢农历十五: the lunar month's day
        cadence = "monthly" if anchor.lunar and not anchor.month else None
    elif rest:
        cadence = None
    elif workweek or days.issuperset(WORKDAYS):
        cadence = "daily"
    else:
        cadence = "weekly" if days else None
    if cadence is None or (nth and (cadence not in LONG or (
            len(days) > 1 and (_NTH_WORKDAY not in nth_said or days != set(WORKDAYS))))):
        return Schedule(None)
    if monthday and (cadence != "monthly" or days or nth or monthday < -1 or monthday > 31):
        return Schedule(None)  # 每周15日, 每月32日, 每月第一个周一15日: not guessed
    if edge and (cadence != edge_period or days or nth or monthday):
        return Schedule(None)  # 每月季末, 每季度初 周一: not guessed
    if anchor is not None:
        # a date or festival is of a year; a lunar day alone is of every lunar month
        period = "monthly" if anchor.lunar and not anchor.month else "yearly"
        if cadence != period or days or nth or monthday or edge or anchor.month < 0:
            return Schedule(None)  # 每周3月1日, 每月春节前: not guessed
        return Schedule(cadence, (), time, 0, anchor.monthday, "" if time else part, "",
                        anchor.month, anchor.lunar, anchor.event, anchor.before,
                        after=anchor.after)
    return Schedule(cadence, tuple(sorted(days)), time, nth, monthday, "" if time else part,
                    edge)


# Festivals a yearly meeting is held by, as written (casefolded), by name.
EVENTS: dict[str, tuple[str, ...]] = {
    "spring-festival": ("春节", "春節", "农历新年", "農曆新年", "spring festival",
                        "chinese new year", "lunar new year"),
    "lantern": ("元宵节", "元宵節", "元宵", "lantern festival"),
    "dragon-boat": ("端午节", "端午節", "端午", "dragon boat festival"),
    "mid-autumn": ("中秋节", "中秋節", "中秋", "mid-autumn festival", "mid autumn festival"),
    "national-day": ("国庆节", "國慶節", "国庆", "國慶", "national day golden week"),
    "double-11": ("双十一", "雙十一", "双11", "雙11", "singles' day", "singles day",
                  "double 11", "double eleven"),
    "double-12": ("双十二", "雙十二", "双12", "雙12", "double 12", "double twelve"),
    "618": ("618", "六一八"),
}
_EVENT_WORD = {w: e for e, words in EVENTS.items() for w in words}
_ZH_N = r"\d{1,2}|[一二两兩三四五六七八九十]{1,3}"
_EVENT = lazy("(?:(" + "|".join(re.escape(w) for w in sorted(
    _EVENT_WORD, key=len, reverse=True)) + r"))(?![\d.])")
# how long before it: 双十一前两周, 春节前, 春節之前, 2 weeks before singles' day, before 618
_BEFORE_ZH = lazy(rf"\s*(?:之前|以前|前)\s*(?:({_ZH_N})\s*(天|日|周|週|个?星期|個?星期))?")
_BEFORE_EN = lazy(r"(?:\b(\d{1,2}|a|one|two|three|four)\s+(days?|weeks?)\s+)?"
                        r"\bbefore\s+(?:the\s+)?$")
# how long after it: 每年双十一后, 雙十一之後一週, 618结束后3天, a week after singles' day
_AFTER_ZH = lazy(rf"\s*(?:结束|結束)?\s*(?:之后|以后|之後|以後|后|後)\s*"
                 rf"(?:({_ZH_N})\s*(天|日|周|週|个?星期|個?星期))?")
_AFTER_EN = lazy(r"(?:\b(\d{1,2}|a|one|two|three|four)\s+(days?|weeks?)\s+)?"
                 r"\bafter\s+(?:the\s+)?$")
_EN_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# A day of the year: 3月1日, 6月18号, 3月 (the month alone); March 1, 11 November, June 1st.
_YEAR_DATE = lazy(rf"(?<!\d)(?<!\d年)({_ZH_N})\s*月(?:\s*({_ZH_N})\s*[日号號])?"
                        r"(?![份度底末初])")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_EN_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR_DATE_EN = lazy(rf"\b(?:on\s+)?(?:{_EN_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH})\b")
# A lunar day (初一 .. 三十), with its lunar month (正月 .. 腊月) when said: 每逢初一,
# 每逢农历十五, 农历每月初一, 每年农历正月初八. Without 农历, only a day in 初 is lunar (每月十五
# is not), and a bare 每月初一 is not (`_GREGORIAN_DAY`).
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12, "臘": 12}
_LUNAR_WORD = r"农历|農曆|農歷|阴历|陰曆|lunar"
_LUNAR = lazy(rf"(?:({_LUNAR_WORD})\s*(?:每\s*(?:个|個)?\s*月\s*(?:的\s*)?)?)?\s*"
                    r"(?:(正|冬|腊|臘|十[一二]|[一二三四五六七八九十]|\d{1,2})\s*月)?\s*"
                    r"(初[一二三四五六七八九十]|(?:二十|廿|十)[一二三四五六七八九]?|三十|卅)"
                    r"(?![日号號点點时時分])")


# A bare 每月初一 .. 每月初十 is that day of the Gregorian month, as a business calendar keeps it:
# meeting rules write their monthly day as 每月1日 / 1号, and an org designer writing 每月初一
# for a meeting means the first of the month (README, "Meeting cadences"). The lunar day is
# said with 农历 / 農曆 / lunar, with 逢 (每逢初一, the lunar idiom) or with a lunar month.
_GREGORIAN_DAY = lazy(r"(每\s*(?:个|個)?\s*月\s*(?:的\s*)?)初([一二三四五六七八九十])"
                            r"(?![一二三四五六七八九十])[日号號]?")
_NOT_GREGORIAN = lazy(rf"{_LUNAR_WORD}|逢")


def _gregorian_day(key: str) -> str:
    """`key` with a bare 每月初N said as 每月N日 (see `_GREGORIAN_DAY`); unchanged when it
    says the lunar calendar."""
    if "初" not in key or _NOT_GREGORIAN.search(key):
        return key
    return _GREGORIAN_DAY.sub(lambda m: f"{m[1]}{'一二三四五六七八九十'.index(m[2]) + 1}日", key)


# A day of the month said with no 日 or 号 after 每月: 每月十五, 每个月15 (read as 每月15日). Not
# a count (每月一次), an hour (每月15点), a weekday or a lunar day (每逢农历十五).
_BARE_MONTHDAY = lazy(r"(每\s*(?:个|個)?\s*月\s*(?:的\s*)?)"
                            r"(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})(?!\s*[\d一二三四五六七八九十廿卅日号號次回点點时時分个個周週星礼禮])")


def _bare_monthday(key: str) -> str:
    """`key` with a bare 每月十五 said as 每月十五日 (see `_BARE_MONTHDAY`)."""
    if "月" not in key or _NOT_GREGORIAN.search(key):
        return key
    return _BARE_MONTHDAY.sub(
        lambda m: f"{m[1]}{m[2].replace('廿', '二十').replace('卅', '三十')}日", key)


@dataclass(frozen=True)
class _Anchor:
    month: int = 0
    monthday: int = 0
    lunar: bool = False
    event: str = ""
    before: int = 0
    after: int = 0


def _take_anchor(key: str) -> tuple[_Anchor | None, str]:
    """(the date, lunar day or festival `key` anchors a cadence to, with how long before it;
    None when none; `key` without it). Two anchors, or an impossible date (13月1日, 2月30日),
    give an anchor no cadence takes (month -1)."""
    from orgspec.text.quantity import zh_number

    def number(text: str) -> int:
        if text.isdigit():
            return int(text)
        value = zh_number(text.replace("兩", "两").replace("初", ""))
        return int(value) if value is not None and value == int(value) else -1

    bad = _Anchor(month=-1)
    def lead(m: re.Match[str]) -> tuple[int, int, int, int]:
        """(how many days before the date or festival `m` the meeting is, -1 before it, how
        long not said, 0 on it; the same after it; where the anchor with that lead starts
        and ends)"""
        before, after, start, end = 0, 0, m.start(), m.end()
        for pattern, sign in ((_BEFORE_ZH, 1), (_AFTER_ZH, -1)):
            said = pattern.match(key, m.end())
            if said and said.group().strip():
                n = number(said[1]) * (7 if said[2] and said[2][-1] in "周週期" else 1) \
                    if said[1] else -1
                before, after = (n, 0) if sign > 0 else (0, n)
                return before, after, start, said.end()
        for pattern, sign in ((_BEFORE_EN, 1), (_AFTER_EN, -1)):
            said = pattern.search(key, 0, m.start())
            if said:
                n = (int(said[1]) if said[1].isdigit() else _EN_COUNT[said[1]]) \
                    if said[1] else 0
                n = n * (7 if said[2].startswith("week") else 1) if n else -1
                before, after = (n, 0) if sign > 0 else (0, n)
                return before, after, said.start(), end
        return before, after, start, end

    found: list[tuple[_Anchor, int, int]] = []
    for m in _EVENT.finditer(key):
        before, after, start, end = lead(m)
        found.append((_Anchor(event=_EVENT_WORD[m[1]], before=before, after=after), start,
                      end))
    rest = key
    for _, start, end in found:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    for m in _LUNAR.finditer(rest):
        if not m[1] and not m[3].startswith("初") and m[2] not in _LUNAR_MONTHS:
            continue  # 每月十五 is Gregorian; 腊月二十三 names a lunar month
        month = (_LUNAR_MONTHS.get(m[2]) or number(m[2])) if m[2] else 0
        day = number(m[3].replace("廿", "二十").replace("卅", "三十"))
        ok = 0 <= month <= 12 and 1 <= day <= 30
        found.append((_Anchor(month, day, True) if ok else bad, m.start(), m.end()))
    for m in _YEAR_DATE.finditer(rest):
        if any(start <= m.start() < end for _, start, end in found):
            continue
        month, day = number(m[1]), number(m[2]) if m[2] else 0
        before, after, start, end = lead(m)  # 每年11月11日前两周
        found.append((replace(_date(month, day), before=before, after=after), start, end))
    for m in _YEAR_DATE_EN.finditer(rest):
        name, day = m[1] or m[4], int(m[2] or m[3])
        month = next(i for i, full in enumerate(_MONTHS_EN, 1) if full.startswith(name[:3]))
        before, after, start, end = lead(m)  # two weeks before November 11
        found.append((replace(_date(month, day), before=before, after=after), start, end))
    if not found:
        return None, key
    if len(found) > 1:
        return bad, key
    anchor, start, end = found[0]
    return anchor, key[:start] + " " + key[end:]


def _date(month: int, day: int) -> _Anchor:
    """A Gregorian month and day of every year (29 February included), else an anchor no
    cadence takes."""
    import calendar

    if not 1 <= month <= 12 or not 0 <= day <= calendar.monthrange(2024, month)[1]:
        return _Anchor(month=-1)
    return _Anchor(month, day)


def _take_edge(key: str) -> tuple[str, str, str]:
    """(`start` or `end` of the period `key` names (`每月初`, `quarter end`), "" when none or
    two; the cadence of that period; `key` without it, `每月初` as `每月`, `of each month` as
    `monthly`)."""
    found = list(_EDGE.finditer(key))
    if len(found) != 1:
        return ("", "", key) if not found else ("end", "", key)  # two: no cadence takes ""
    m = found[0]
    period = next(g for g in (m[1], m[3], m[8], m[9], m[11]) if g)
    edge = "start" if m[2] or m[5] or m[12] else "end"
    if m[7]:  # start of each month: monthly
        said = f" {_EDGE_PERIOD[period]} "
    elif m[1] or m[3]:  # 每月初: the month is the cadence too
        said = period if key[m.start() - 1:m.start()] == "每" else " "
    else:
        said = " "
    return edge, _EDGE_PERIOD[period], key[:m.start()] + said + key[m.end():]


def _take_nth(key: str) -> tuple[int, str, str]:
    """(the ordinal of `第一个周一` / `last Friday` / `第一周` / `最后一个工作日` in `key`, 0 when
    none; `key` with it said as its weekday alone (the working week for a working day),
    `of each month` as `monthly`; what it was said as); two ordinals are not understood
    (-9, which no cadence takes)."""
    found = list(_NTH.finditer(key))
    if not found:
        return 0, key, ""
    if len(found) > 1:
        return -9, key, ""
    m = found[0]
    nth = _ZH_NTH[m[1]] if m[1] else -1 if m[2] else _EN_NTH[m[5]]
    day = f" 周{m[3]} " if m[3] else f" {m[6]} " if m[6] else \
        _NTH_WORKDAY if m[4] or m[7] else " "
    key = key[:m.start()] + day + key[m.end():]
    return nth, _OF_PERIOD.sub(lambda p: _PERIOD_WORD[p[1]], key), day


def _take_monthday(key: str) -> tuple[int, str]:
    """(the day of the month `key` names, -1 for its last day, 0 when none; `key` without
    it, `of each month` as `monthly`); two days are not understood (-9)."""
    from orgspec.text.quantity import zh_number

    days = list(_MONTHDAY.finditer(key))
    found = days + list(_LAST_DAY.finditer(key))
    if not found:
        return 0, key
    if len(found) > 1:
        return -9, key
    m = found[0]
    if not days:  # the last day
        day = -1
    elif m[2] or m[1].isdigit():
        day = int(m[2] or m[1])
    else:
        value = zh_number(m[1])
        day = int(value) if value is not None and value == int(value) else -9
    # 每月底: the month is its cadence too
    said = "月 " if m[0][0] == "月" and key[m.start() - 1:m.start()] == "每" else " "
    key = key[:m.start()] + said + key[m.end():]
    return day or -9, _OF_PERIOD.sub(lambda p: _PERIOD_WORD[p[1]], key)


def _take_part(key: str) -> tuple[str, str]:
    """(the part of the day `key` says, `morning` ... or ""; `key` without it)."""
    m = _PART.search(key)
    if m is None:
        return "", key
    return _PART_OF[m[1] or m[2]], _PART.sub(" ", key)


_CLOCKS = (_TIME_24, _TIME_AMPM, _TIME_ZH)
# Between the two times of a range: 9:00-9:15, 14:00至15:30, 下午2点到3点, 10:00 to 10:30
_UNTIL = lazy(r"\s*(?:-|–|—|~|～|至|到|\bto\b|\buntil\b|\btill\b)\s*")


def _take_time(key: str) -> tuple[str, str, str]:
    """(the time of day in `key` as HH:MM or ""; the end of its range, "" when none; `key`
    without them). A second time that does not end a range gives time `!`."""
    if "点" in key or "點" in key or "时" in key or "時" in key:
        key = _zh_clock(key)
    for pattern in _CLOCKS:
        m = pattern.search(key)
        if m is not None:
            break
    else:
        return "", "", key
    time, end, stop = _clock(pattern, m), "", m.end()
    until = _UNTIL.match(key, m.end())
    if until is not None:
        for second in _CLOCKS:
            m2 = second.match(key, until.end())
            if m2 is not None:
                end, stop = _clock(second, m2), m2.end()
                break
    key = key[:m.start()] + " " + key[stop:]
    if any(pattern.search(key) for pattern in _CLOCKS):
        return "!", "", key
    return time, end, key


def _zh_clock(key: str) -> str:
    """`key` with an hour or minute in Chinese numerals as digits: 上午十点 -> 上午10点,
    九点三十分 -> 9点30分, 十点一刻 -> 10点15分. A numeral that is no hour (周一) is left."""
    from orgspec.text.quantity import zh_number

    def digits(m: re.Match[str], most: int) -> str:
        value = zh_number(m[1].replace("兩", "两"))
        return str(int(value)) if value is not None and value == int(value) and \
            0 <= value <= most else m[0]

    key = _QUARTER.sub(lambda m: "15分" if m[1] == "一" else "45分", key)
    key = _ZH_MINUTE.sub(lambda m: digits(m, 59), key)
    return _ZH_HOUR.sub(lambda m: digits(m, 23), key)


def _clock(pattern: re.Pattern[str], m: re.Match[str]) -> str:
    if pattern is _TIME_24:
        hour, minute = int(m[1]), int(m[2])
        hour = _twelve(hour, m[3])
    elif pattern is _TIME_AMPM:
        hour, minute = _twelve(int(m[1]), m[2]), 0
    else:
        hour = int(m[2])
        minute = 30 if m[3] else int(m[4] or 0)
        if (m[1] in ("下午", "晚上") and hour < 12) or (m[1] == "中午" and hour < 6):
            hour += 12
    return f"{hour % 24:02d}:{minute:02d}"


def _twelve(hour: int, half: str | None) -> int:
    if half == "p" and hour < 12:
        return hour + 12
    if half == "a" and hour == 12:
        return 0
    return hour


# The words `describe` says a schedule in: (English, Chinese).
# The words of a cadence: the report and site labels' own catalog entries (context "label"),
# so reports, `show` and the site say a schedule alike in every language.
SAY_CADENCE = {c: MC("label", c) for c in ("daily", "weekly", "biweekly", "monthly",
                                           "quarterly", "yearly")}
SAY_CADENCE["semiannual"] = MC("label", "semiannual")
SAY_CADENCE["event"] = MC("label", "event-driven")
SAY_CADENCE["adhoc"] = MC("label", "ad hoc")
SAY_TRIGGER = {"after": lambda what: MC("label", "after each {event}", event=what),
               "before": lambda what: MC("label", "before each {event}", event=what)}
SAY_MONTH = (MC("label", "Jan"), MC("label", "Feb"), MC("label", "Mar"), MC("label", "Apr"),
             MC("label", "May"), MC("label", "Jun"), MC("label", "Jul"), MC("label", "Aug"),
             MC("label", "Sep"), MC("label", "Oct"), MC("label", "Nov"), MC("label", "Dec"))
SAY_EVENT = {"spring-festival": MC("label", "Spring Festival"),
             "lantern": MC("label", "Lantern Festival"),
             "dragon-boat": MC("label", "Dragon Boat Festival"),
             "mid-autumn": MC("label", "Mid-Autumn Festival"),
             "national-day": MC("label", "National Day"),
             "double-11": MC("label", "Double 11"), "double-12": MC("label", "Double 12"),
             "618": MC("label", "618")}
# Lunar days and months as the Chinese calendar names them (the same in both scripts but 腊).
_LUNAR_DAY = ("初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
              "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
              "廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十")
_LUNAR_MONTH = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
                "冬月", "腊月")
SAY_DAY = tuple(MC("label", d) for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
SAY_WORKDAYS = MC("label", "Mon–Fri")
SAY_EVERY_WORKDAY = MC("label", "every workday (Mon–Fri)")
# The nth weekday of a period (`day`: a SAY_DAY word), and the nth week of it.
SAY_NTH_DAY: dict[int, Callable[[MC], MC]] = {
    1: lambda day: MC("label", "first {day}", day=day),
    2: lambda day: MC("label", "second {day}", day=day),
    3: lambda day: MC("label", "third {day}", day=day),
    4: lambda day: MC("label", "fourth {day}", day=day),
    5: lambda day: MC("label", "fifth {day}", day=day),
    -1: lambda day: MC("label", "last {day}", day=day),
}
SAY_WORKDAY = MC("label", "working day")  # the nth working day: `SAY_NTH_DAY[n](SAY_WORKDAY)`
SAY_LAST_DAY = MC("label", "last day")
SAY_PART = {"morning": MC("label", "morning"), "noon": MC("label", "noon"),
            "afternoon": MC("label", "afternoon"), "evening": MC("label", "evening")}
SAY_EDGE = {("monthly", "start"): MC("label", "start of month"),
            ("quarterly", "start"): MC("label", "start of quarter"),
            ("quarterly", "end"): MC("label", "end of quarter"),
            ("yearly", "start"): MC("label", "start of year"),
            ("yearly", "end"): MC("label", "end of year")}
SAY_NTH_WEEK = {1: MC("label", "first week"), 2: MC("label", "second week"),
                3: MC("label", "third week"), 4: MC("label", "fourth week"),
                5: MC("label", "fifth week"), -1: MC("label", "last week")}


def _say_anchor(sched: Schedule, lang: str) -> str:
    """The date, lunar day or festival of a schedule, with how long before or after it:
    `3月1日` / `Mar 1`, `农历正月初八` / `lunar month 1, day 8`, `双十一前2周` / `2 weeks before
    Double 11`, `双十一后` / `after Double 11`."""
    zh = lang.startswith("zh")
    if sched.event:
        what: MC = SAY_EVENT[sched.event]
    elif sched.lunar:
        day = _LUNAR_DAY[sched.monthday - 1] if zh else sched.monthday
        what = MC("label", "lunar month {month}, day {day}", day=day,
                  month=("臘月" if lang == "zh-Hant" and sched.month == 12 else
                         _LUNAR_MONTH[sched.month - 1]) if zh else sched.month) \
            if sched.month else MC("label", "lunar day {day}", day=day)
    elif sched.monthday:
        what = MC("label", "{month} {day}", month=SAY_MONTH[sched.month - 1],
                  day=sched.monthday)
    else:
        what = SAY_MONTH[sched.month - 1]
    if sched.before == 7:
        what = MC("label", "a week before {what}", what=what)
    elif sched.before > 0 and sched.before % 7 == 0:
        what = MC("label", "{n} weeks before {what}", n=sched.before // 7, what=what)
    elif sched.before > 0:
        what = MC("label", "{n} days before {what}", n=sched.before, what=what)
    elif sched.before:
        what = MC("label", "before {what}", what=what)
    elif sched.after == 7:
        what = MC("label", "a week after {what}", what=what)
    elif sched.after > 0 and sched.after % 7 == 0:
        what = MC("label", "{n} weeks after {what}", n=sched.after // 7, what=what)
    elif sched.after > 0:
        what = MC("label", "{n} days after {what}", n=sched.after, what=what)
    elif sched.after:
        what = MC("label", "after {what}", what=what)
    return say(what, lang)


# A zone said in the output's words: each zone `text.timezones` knows by a word (the zones
# an org of Chinese e-commerce with overseas teams keeps); any other by its IANA name or
# offset.
SAY_ZONE = {"Asia/Shanghai": MC("label", "Beijing time"),
            "Asia/Hong_Kong": MC("label", "Hong Kong time"),
            "Asia/Taipei": MC("label", "Taipei time"),
            "Asia/Singapore": MC("label", "Singapore time"),
            "Asia/Tokyo": MC("label", "Tokyo time"),
            "Asia/Seoul": MC("label", "Seoul time"),
            "Asia/Kuala_Lumpur": MC("label", "Kuala Lumpur time"),
            "Asia/Bangkok": MC("label", "Bangkok time"),
            "Asia/Jakarta": MC("label", "Jakarta time"),
            "Asia/Manila": MC("label", "Manila time"),
            "Asia/Dubai": MC("label", "Dubai time"),
            "Europe/London": MC("label", "London time"),
            "Europe/Berlin": MC("label", "Central European time"),
            "Australia/Sydney": MC("label", "Sydney time"),
            "America/Los_Angeles": MC("label", "US Pacific time"),
            "America/Denver": MC("label", "US Mountain time"),
            "America/Chicago": MC("label", "US Central time"),
            "America/New_York": MC("label", "US Eastern time"),
            "Pacific/Honolulu": MC("label", "Hawaii time")}


def say_zone(zone: str, lang: str) -> str:
    """A canonical zone in the output's words: `北京时间` / `Beijing time`, else its name."""
    return say(SAY_ZONE[zone], lang) if zone in SAY_ZONE else zone


def zone_label(text: str | None, sched: Schedule, zone: str, lang: str) -> str:
    """The words a meeting's own zone `zone` (`own_zone`'s) is shown in: the reader's
    (`say_zone`: `美西时间` / `美西時間` / `US Pacific time`, whether the meeting wrote `PT`,
    `美西時間` or `timezone: America/Los_Angeles`), so one zone reads the same everywhere; a
    zone of the cadence `text` that names none for sure (`CST`) as written, an abbreviation
    in capitals; "" when there is none."""
    if zone:
        return say_zone(zone, lang)
    if not sched.zone:
        return ""
    from orgspec.text.timezones import as_written

    label = as_written(text or "", sched.zone_said)
    return label.upper() if label.isascii() and "/" not in label and len(label) <= 7 \
        else label


@dataclass(frozen=True)
class Placed:
    """A meeting's time in the org's zone: its weekdays there (as `Schedule.days`), time and
    end (`HH:MM`), and how many days the time moved (+1: the next day there)."""

    days: tuple[int, ...]
    time: str
    end: str
    shift: int
    # each day it is held (its `days`, else every day of the week) as (weekday, time, end)
    # in the org's zone, each on its own date: a week daylight saving time starts or ends
    # in moves the days after the change alone
    slots: tuple[tuple[int, str, str], ...] = ()


def own_zone(sched: Schedule, field: str | None) -> str:
    """The zone a meeting's time is in: its cadence's, else its `timezone:` field's
    (canonical); "" when neither names one zone."""
    if sched.zone:
        return "" if sched.zone.startswith("?") else sched.zone
    if not field:
        return ""
    from orgspec.text.timezones import read_zone

    zone = read_zone(field)
    return "" if zone.startswith("?") else zone


def place(sched: Schedule, zone: str, org_zone: str, monday: dt.date) -> Placed | None:
    """Where a meeting with a time, said in `zone`, falls in `org_zone` in the week that
    starts on `monday` (daylight saving time as on those dates); None when there is nothing
    to move (no time, no zone, or the same zone)."""
    if not sched.time or not zone or not org_zone or zone == org_zone:
        return None
    from orgspec.text.timezones import convert

    first = sched.days[0] if sched.days else 0
    day, time = convert(first, sched.time, zone, org_zone, monday)
    shift = (day - first + 3) % 7 - 3
    end = convert(first, sched.end, zone, org_zone, monday)[1] if sched.end else ""
    days = tuple(sorted(convert(d, sched.time, zone, org_zone, monday)[0] for d in sched.days))
    slots = tuple((*convert(d, sched.time, zone, org_zone, monday),
                   convert(d, sched.end, zone, org_zone, monday)[1] if sched.end else "")
                  for d in sched.days or range(7))
    return Placed(days, time, end, shift, slots)


def weekdays_of(sched: Schedule) -> tuple[int, ...]:
    """The weekdays a meeting is held on in its own zone: its `days`, else every day of a
    daily cadence (每天, daily); () when no weekday is said or meant."""
    return sched.days or (tuple(range(7)) if sched.cadence == "daily" else ())


def monday_of(day: str | dt.date | None) -> dt.date:
    """The Monday of the week of `day` (ISO date or date; None or "": today)."""
    got = dt.date.fromisoformat(day) if isinstance(day, str) and day else \
        day if isinstance(day, dt.date) else dt.date.today()
    return got - dt.timedelta(days=got.weekday())


def _clock_span(time: str, end: str) -> str:
    return f"{time}–{end}" if end else time


def describe(text: str | None, lang: str = "en", zone: str | None = None, org_zone: str = "",
             week: dt.date | None = None) -> str:
    """`describe_cadence`, with the meeting's time in its own zone (`zone`: its `timezone:`
    field, when its cadence names none) and in the org's (`org_zone`, in the week of
    `week`): `Mon-Fri 8:00 PT` -> `every workday (Mon–Fri) · 08:00 US Pacific time · Beijing
    time Tue–Sat 00:00` in December (its zone in the reader's words: `zone_label`).
    Without `org_zone` (or in the same zone) the time is not moved."""
    said = describe_cadence(text, lang)
    sched = schedule_of(text)
    if sched.cadence is None or not sched.time:
        return said
    mine = own_zone(sched, zone)
    label = zone_label(text, sched, mine, lang)  # an ambiguous CST: as written, not moved
    if label:
        said += f" {label}"
    placed = place(sched, mine, org_zone, week or monday_of(None))
    if placed is None:
        return said
    there = _clock_span(placed.time, placed.end)
    if placed.days and placed.days != sched.days:
        there = f"{_say_days(placed.days, lang)} {there}"
    elif placed.shift:
        there = say(MC("label", "{time} (next day)", time=there) if placed.shift > 0 else
                    MC("label", "{time} (day before)", time=there), lang)
    return f"{said} · {say_zone(org_zone, lang)} {there}"


def _say_days(days: tuple[int, ...], lang: str) -> str:
    """Weekdays in the output's words: a run of three or more as one (`Tue–Sat`)."""
    if days == WORKDAYS:
        return say(SAY_WORKDAYS, lang)
    if len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1)):
        return say(MC("label", "{first}–{last}", first=SAY_DAY[days[0]],
                      last=SAY_DAY[days[-1]]), lang)
    return say_list([SAY_DAY[d] for d in days], lang)


def describe_cadence(text: str | None, lang: str = "en") -> str:
    """A cadence in the output's words (`lang` "en", "zh" or "zh-Hant"): `每个工作日 9:00` ->
    `每个工作日（周一至周五） · 09:00` / `every workday (Mon–Fri) · 09:00`, `每月第一个周一` ->
    `每月 · 第一个周一` / `monthly · first Mon`, `每月15日` -> `每月 · 15日` / `monthly · day 15`,
    `每周一上午` -> `每周 · 周一 · 上午` / `weekly · Mon · morning`, `每季度末` -> `每季度 · 季末` /
    `quarterly · end of quarter`, `每年双十一前两周` -> `每年 · 双十一前2周` /
    `yearly · 2 weeks before Double 11`, `每逢农历十五` -> `每月 · 农历十五` /
    `monthly · lunar day 15`; as written when not understood; "" when missing."""
    sched = schedule_of(text)
    if sched.cadence is None:
        return text or ""
    if sched.cadence == "event":
        return " · ".join((say(SAY_CADENCE["event"], lang),
                           say(SAY_TRIGGER[sched.side](sched.trigger), lang)))
    if sched.month or sched.lunar or sched.event:
        days = _say_anchor(sched, lang)
    elif sched.nth:
        day = SAY_WORKDAY if sched.days == WORKDAYS else \
            SAY_DAY[sched.days[0]] if sched.days else None
        days = say(SAY_NTH_DAY[sched.nth](day) if day is not None
                   else SAY_NTH_WEEK[sched.nth], lang)
    elif sched.edge:
        days = say(SAY_EDGE[(sched.cadence, sched.edge)], lang)
    elif sched.monthday:
        days = say(SAY_LAST_DAY if sched.monthday == -1 else
                   MC("label", "day {n}", n=sched.monthday), lang)
    elif sched.days == WORKDAYS:
        days = say(SAY_WORKDAYS, lang)
    else:
        days = say_list(list(SAY_DAY[d] for d in sched.days), lang)
    every = say(SAY_CADENCE[sched.cadence], lang)
    if sched.cadence == "daily" and sched.days == WORKDAYS:  # not 每日 beside 周一至周五
        every, days = say(SAY_EVERY_WORKDAY, lang), ""
    return " · ".join(filter(None, (every, days,
                                    _clock_span(sched.time, sched.end) or (
                                        say(SAY_PART[sched.part], lang)
                                        if sched.part else ""))))
