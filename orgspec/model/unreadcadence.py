"""What of a cadence `schedule.schedule_of` does not read was understood, for MT002's hint:

    unread("每天开播前")   # Unread("time", "每天 13:30", "开播前"): how often, no time
    unread("大促后")       # Unread("each", "每次大促后", "大促"): an event, not said "each"
    unread("双十一后")     # Unread("yearly", "每年双十一后", ""): a festival, not said "every year"
    unread("618后")        # Unread("yearly", "每年618后", ""): one whose name has digits too
    unread("大促期间每天 20:00")  # Unread("during", "每天 20:00", "大促"): how often, in a
                                 # period a cadence cannot say
    unread("看情况吧")     # Unread("", "", ""): nothing understood

Every example is a cadence `schedule_of` reads (so the hint never suggests an unread form),
built from the words as written (their script kept).
"""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.model.schedule import EVENT_DRIVEN, EVENTS, schedule_of
from orgspec.text.lazyre import lazy
from orgspec.text.separators import SEPARATORS
from orgspec.text.spaces import fold_width

# Something a meeting follows or precedes, at the end of a cadence: 开播前, 大促结束后,
# 直播後, before we go live, after the big sale.
_TAIL_ZH = lazy(r"(?P<what>[^\s\d:：,，;；]{1,20}?)\s*(?:结束|結束|完成|完毕|完畢)?\s*"
                r"(?:之|以)?[前后後]\s*(?:[\d一二两兩三四五六七八九十]{1,3}\s*"
                r"(?:天|日|周|週|个?星期|個?星期))?")
_TAIL_EN = lazy(r"(?:(?:\d{1,2}|a|one|two|three|four)\s+(?:days?|weeks?)\s+)?"
                r"(?:before|after|following)\s+(?:the\s+|each\s+|every\s+)?"
                r"(?P<what>[a-z0-9][a-z0-9' -]{0,40})")
_EN_EACH = lazy(r"^(before|after|following)\s+(?:the\s+)?")
# A festival before or after which a meeting is held, whose name has digits the tail above
# leaves out (618后, 双11前: `schedule.EVENTS`'s words), in Chinese
_FESTIVAL_ZH = lazy("(?:" + "|".join(sorted(
    (w for words in EVENTS.values() for w in words if any(c.isdigit() for c in w)),
    key=len, reverse=True)) + r")\s*(?:结束|結束)?\s*(?:之|以)?[前后後].*")
# A time to suggest for a part of the day already said (每天上午开播前: 9:30); 13:30 otherwise,
# as the README's example
_TIME_OF_PART = {"morning": "9:30", "noon": "12:00", "afternoon": "14:00", "evening": "20:00"}
# The end of the working day said as the event (每周一下班前, before end of day): its own
# time, not a part of the day (每天下午下班前 is 17:30, not 14:00) nor 13:30
_END_OF_DAY = lazy(r"^(?:(?:下班|收工|放工|收班)\s*(?:之|以)?前|before\s+(?:the\s+)?"
                   r"(?:end of (?:the )?(?:work(?:ing)? )?day|eod|close of business|"
                   r"leaving work))$")
_END_OF_DAY_TIME = "17:30"
# The start of the working or trading day said as the event (每天開市前, 开工前, 上班前, before
# the store opens): the morning, as a 晨会's example is, not 13:30 (trial 31)
_START_OF_DAY = lazy(r"^(?:(?:上班|开工|開工|开市|開市|开门|開門|开店|開店|营业|營業|开盘|開盤|"
                     r"开档|開檔)\s*(?:之|以)?前|before\s+(?:the\s+)?(?:start of (?:the )?"
                     r"(?:work(?:ing)? |trading )?day|work|opening|(?:store|shop|market)\s+"
                     r"opens))$")
_START_OF_DAY_TIME = "9:00"


# The period a meeting is held in, before or after how often: 大促期间每天 20:00, 每次大促期間
# 每天, 每天 20:00（大促期间）, during big sales, daily at 20:00; a cadence says how often,
# not in which weeks (the meeting's `purpose` can).
_DURING_ZH = lazy(r"(?:期间|期間|时期|時期|期内|期內)")
_DURING_PREFIX_ZH = lazy(r"^(?:每\s*(?:次|逢|个|個)\s*|逢\s*)")
_DURING_EN = lazy(r"\bduring\s+(?:the\s+|each\s+|every\s+|any\s+)?")
_PAREN = "()（）[]【】"
_AROUND = _PAREN + " " + SEPARATORS  # what is cut from a cadence said beside its period


# cadences whose days are known without a time (每天, 每周一): the time is what is missing
_BY_THE_DAY = ("daily", "weekly", "biweekly")


@dataclass(frozen=True)
class Unread:
    """`kind`: `time` (how often is read, the rest names no time), `each` (an event said
    without "each"), `yearly` (a date or festival said without "every year"), `during` (how
    often is read, with the period it is held in: 大促期间), "" nothing; `example`: a cadence
    that reads; `left`: the words that are no time (`time`), or the period (`during`)."""

    kind: str
    example: str = ""
    left: str = ""


def _tail(text: str) -> bool:
    return bool(_TAIL_ZH.fullmatch(text) or _TAIL_EN.fullmatch(text))


def _reads(text: str) -> bool:
    return schedule_of(text).cadence is not None


def unread(text: str | None) -> Unread:
    """What was understood of a cadence `schedule_of` does not read (see the module)."""
    said = fold_width(text or "").strip()
    if not said or _reads(said):
        return Unread("")
    during = _during(said)
    if during is not None:
        return during
    # how often, then an event: the longest start that reads as a calendar cadence
    for cut in range(len(said) - 1, 1, -1):  # 周 alone is a cadence word, 周末 no
        head, left = said[:cut].strip(), said[cut:].strip()
        sched = schedule_of(head)
        if sched.cadence is None or sched.cadence in EVENT_DRIVEN:
            continue
        if sched.time or sched.cadence not in _BY_THE_DAY:
            return Unread("")  # a time is said, or a day is missing too: not guessed
        if not _tail(left.casefold()):
            continue
        time = (_END_OF_DAY_TIME if _END_OF_DAY.match(left.casefold())
                else _START_OF_DAY_TIME if _START_OF_DAY.match(left.casefold())
                else _TIME_OF_PART.get(sched.part, "13:30"))
        example = f"{head} {time}"
        return Unread("time", example, left) if _reads(example) else Unread("")
    if not _tail(said.casefold()) and not _FESTIVAL_ZH.fullmatch(said.casefold()):
        return Unread("")
    english = bool(_TAIL_EN.fullmatch(said.casefold()))
    yearly = f"{said} every year" if english else f"每年{said}"
    if schedule_of(yearly).cadence == "yearly":
        return Unread("yearly", yearly)
    each = _EN_EACH.sub(r"\1 each ", said.casefold()) if english else f"每次{said}"
    return Unread("each", each) if schedule_of(each).cadence == "event" else Unread("")


def _calendar(text: str) -> str:
    """`text` if it reads as a cadence, else the cadence MT002's hint would give for it when
    only its time is missing (`每天开播前` -> `每天 13:30`), else ""."""
    if _reads(text):
        return text
    got = unread(text)
    return got.example if got.kind == "time" else ""


def _during(said: str) -> Unread | None:
    """`Unread("during", <how often>, <the period>)` when `said` is a cadence with
    the period it is held in before or after it (大促期间每天 20:00, 每天 20:00（大促期间）,
    during big sales, daily at 20:00), else None."""
    for m in _DURING_ZH.finditer(said):
        head, tail = said[:m.start()], said[m.end():]
        # the period first: 大促期间每天 20:00; or last: 每天 20:00 大促期间, 每天 20:00（大促期间）
        for what, rest in ((head, tail), (_last_words(head), head[:len(head) -
                                                                 len(_last_words(head))])):
            what = _DURING_PREFIX_ZH.sub("", what.strip(_PAREN + " ,，、")).strip()
            rest = rest.strip(_AROUND)
            if what and len(what) <= 12 and rest and \
                    (rest == tail.strip(_AROUND) or not tail.strip(_PAREN + " ")) \
                    and (example := _calendar(rest)):
                return Unread("during", example, what)
    low = said.casefold()
    for m in _DURING_EN.finditer(low):
        head, tail = said[:m.start()], said[m.end():]
        # during big sales, daily at 20:00 / daily at 20:00 during big sales
        if "," in tail or "，" in tail:
            what, _, rest = tail.replace("，", ",").partition(",")
            if not head.strip(_PAREN + " ") and what.strip() and \
                    (example := _calendar(rest.strip())):
                return Unread("during", example, what.strip(_PAREN + " "))
        rest = head.strip(_PAREN + " ,")
        what = tail.strip(_PAREN + " ")
        if rest and what and len(what) <= 40 and (example := _calendar(rest)):
            return Unread("during", example, what)
    return None


def _last_words(head: str) -> str:
    """The words just before a period word at the end (`每天 20:00大促` -> `大促`): no blank,
    digit, colon or opening bracket in them."""
    m = _LAST_WORDS.search(head)
    return m.group() if m else ""


_LAST_WORDS = lazy(r"[^\s\d:：,，、(（\[【]+$")


# How often, in the words the cadence is written in (Simplified, Traditional, English), to
# keep what of an unread cadence was understood (`kept_example`): the working week, weekdays
# (the day names joined below), or a rhythm the meeting's name says when only a time is.
_WORDS = {
    "zh": {"weekday": "每个工作日", "week": "每周", "sep": "、", "daily": "每天",
           "weekly": "每周一", "": "每周五", "biweekly": "隔周三"},
    "zh-Hant": {"weekday": "每個工作日", "week": "每週", "sep": "、", "daily": "每天",
                "weekly": "每週一", "": "每週五", "biweekly": "隔週三"},
    "en": {"weekday": "every weekday", "daily": "every day", "weekly": "every Monday",
           "": "every Friday", "biweekly": "every other Wednesday"},
}
_ZH_DAYS = "一二三四五六日"
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def kept_example(text: str | None, *names: str | None) -> str:
    """A cadence that keeps what was understood of `text`, one `schedule_of` does not read
    (trial 35: `逢一、三、五 9:30` was shown `每個工作日 09:00`, its days and time dropped): its
    weekdays and time (`每週一、三、五 09:30`), in the script it is written in; only a time,
    on the rhythm the meeting's `names` say (`每個工作日 09:15` for a 晨會); "" when neither is
    understood, or the rhythm is a month or longer (a day of it is not guessed)."""
    from orgspec.model.schedule import WORKDAYS, understood
    from orgspec.text.cadenceexample import rhythm
    from orgspec.text.collate import has_han

    said = fold_width(text or "").strip()
    days, time = understood(said)
    if not days and not time:
        return ""
    lang = (_script(said) or _script(" ".join(n for n in names if n)) or "zh") \
        if has_han(said) else "en"
    words = _WORDS[lang]
    if days == WORKDAYS:
        often = words["weekday"]
    elif days and lang == "en":
        names_ = [_EN_DAYS[d] for d in days]
        often = names_[0] if len(names_) == 1 else \
            ", ".join(names_[:-1]) + " and " + names_[-1]
        often = f"every {often}" if len(names_) == 1 else often
    elif days:
        often = words["week"] + words["sep"].join(_ZH_DAYS[d] for d in days)
    else:
        key = rhythm(*names)
        if key not in words:
            return ""
        often = words[key]
    example = f"{often} {time}" if time else often
    return example if _reads(example) else ""


def _script(text: str) -> str:
    """`zh-Hant` when `text` has a Traditional character, `zh` a Simplified one, "" when
    neither tells (`早上9:15`: the same in both; the meeting's name may tell then)."""
    from orgspec.text.script import to_simplified, traditional_forms

    if to_simplified(text) != text:
        return "zh-Hant"
    forms = traditional_forms()
    return "zh" if any(c in forms and c not in forms[c] for c in text) else ""
