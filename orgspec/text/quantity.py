"""The numbers people write in key results: 10%, 1.2M, 120万, 5亿元, 2h, 2小时, 99.95%, 4.6/5,
P95 < 1.5s, 3.0x, 两倍, 一百二十万, 10:1, 77 (out of 100), `at least 95% within 24h`, in
Simplified or Traditional script. One parser for the OKR rules and the reports.

Numerals inside words are not numbers: 一线, 一站式, 统一, 进一步 (a Chinese numeral counts only
with a place value or a measure word after it: 一小时, 一宗, 一个钟 count; 一次性, 唯一一家,
一月底 and 每月组织一次 do not)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orgspec.han import HAN
from orgspec.text.lazyre import lazy
from orgspec.text.script import simplified
from orgspec.text.spaces import fold_width

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
# 廿 (20) and 卅 (30), as in 廿场, 廿五: read as the tens they stand for.
ZH_TENS = {"廿": "二十", "卅": "三十"}
ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
ZH_LARGE = {"万": 10_000, "亿": 100_000_000}
SCALES = {"k": 1e3, "K": 1e3, "千": 1e3, "万": 1e4, "w": 1e4, "W": 1e4, "M": 1e6, "mn": 1e6,
          "million": 1e6, "百万": 1e6, "千万": 1e7, "亿": 1e8, "B": 1e9, "bn": 1e9,
          "billion": 1e9}
DURATIONS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "秒": 1, "m": 60,
             "min": 60, "mins": 60, "minute": 60, "minutes": 60, "分钟": 60, "分": 60,
             "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600, "小时": 3600,
             "个小时": 3600, "d": 86400, "day": 86400, "days": 86400, "天": 86400,
             "日": 86400, "工作日": 86400, "个工作日": 86400, "w": 604800, "week": 604800,
             "weeks": 604800, "周": 604800, "ms": 0.001, "毫秒": 0.001,
             # the same units in Traditional script
             "分鐘": 60, "小時": 3600, "個小時": 3600, "個工作日": 86400, "週": 604800,
             # and as Taiwan writes a working day
             "工作天": 86400, "个工作天": 86400, "個工作天": 86400}
MONEY = ("元", "块", "¥", "￥", "$", "rmb", "cny", "usd", "dollars", "yuan")
MULTIPLIER = ("x", "×", "倍", "times")

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_PATTERN = lazy(
    # `->` and `=>` are arrows (`5% -> 8%`), not "more than"
    r"(?P<cmp><=|(?<![-=])>=|≤|≥|<|(?<![-=])>|不低于|不少于|不高于|不超过|至少|至多|超过|低于|高于|少于|多于|"
    r"at or above|at or below|at least|at most|no more than|no less than|fewer than|up to|"
    r"below|above|under|over|less than|more than)?\s*"
    r"(?P<cur>[$¥￥])?\s*" + _NUMBER +
    r"\s*(?P<scale>百万|千万|million|billion|mn|bn|(?-i:[kKwWM万亿千B])(?![a-zA-Z]))?"
    r"\s*(?P<unit>%|‰|/\s*\d+(?:\.\d+)?|:\s*\d+(?:\.\d+)?(?!\d)|[个個]工作[日天]|工作天|个小时|[a-zA-Z]+|元|块|倍|×|分钟|小时|秒|天|日|周|"
    r"工作日|毫秒|分|个百分点|百分点|人|单|次|个|家|条|件|笔|位|名|项|场)?"
    r"(?P<post>\s*(?:or (?:higher|more|above|greater|less|lower|below|fewer)|及以上|以上|以下|"
    r"以内|内))?",
    re.IGNORECASE)
_SPACES = lazy(r"\s+")
_ZH_NUMBER = ZH_NUMERAL = lazy(r"[零〇一二两三四五六七八九十廿卅百千万亿]+")
_PER = lazy(r"(百|千|万)分之(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)")
# After a Chinese numeral, what makes it a count: a measure word or a unit.
_ZH_MEASURE = lazy(r"(?:倍|个|次|名|家|场|人|位|项|条|件|笔|单|宗|天|日|周|月|年|小时|分钟|秒|"
                         r"元|块|%|个百分点|百分点|星|大(?=[" + HAN + "]))")
# A lone 一 counts with a measure word after it (一小时, 一天, 一宗, 一个钟, 一人), but not in
# the words it begins (一次性, 一条龙, 一大批, 一人一档), nor as a month or a year (一月底,
# 一年一度: a date, not a target).
_ONE_COUNTS = lazy(r"(?!次性|条龙|大|月|年|人一|天天|日游|件事|笔带|单元|个(?!钟|工作日|月|小时|"
                   r"星期|礼拜|周|季度|半|百分点))" + _ZH_MEASURE.pattern)
# 一个 is mostly the article "a" (打造一个平台); it counts with a time or a point after it
# (一个钟, 一个工作日, 一个百分点) or after a word that sets a value (降至, 增加, 不超过).
_ONE_SET_BEFORE = frozenset("至到于过加增少")
# ... nor after the characters that make a word of it: 统一, 唯一, 同一, 专一, 万一, 划一, 逐一.
_ONE_WORD_BEFORE = frozenset("统唯同专万划逐归合")
# 每月组织一次: once a period is how often an activity happens, not a target to reach.
_EVERY_BEFORE = lazy(r"每个?(?:天|日|周|月|季度|季|年|半年|双周)[^\d,，;；]{0,4}$")
# Tenths: 三成 (30%), 九成五 (95%), 3成; not 成本, 成交, 成员 ... where 成 begins a word.
_TENTHS = lazy(r"(?<![\d.第零〇一二两三四五六七八九十])"
                     r"(\d+(?:\.\d+)?|[一二两三四五六七八九]|十)成([一二三四五六七八九]?)"
                     r"(?![本交员长功立熟果为绩都品型效就])")
# Halves (trial 33b): 一半 (50%), 减半 / 砍半 (0.5x, as `halve`), 半个百分点 (0.5 points), 半小时;
# not 一个半小时 (a half after a count), 半年 (a period), 半自动化, 半成品 (words), nor 一半一半
# ("half and half", so-so: a half of nothing).
_HALF = lazy(r"(?P<share>(?<!一半)一半(?!一半))|(?P<times>[减砍]半)|"
             r"(?<![个\d零〇一二两三四五六七八九十])半(?P<unit>个?百分点|个?小时)")
# A fraction: 三分之一 (1/3), 五分之二, 九十分之一 (1/90, not 十分之一 inside it); 百分之, 千分之,
# 万分之 are `_PER`'s. Zero parts (三分之零, 零分之一) are matched so that they read as no number.
_ZH_TO_99 = r"[二三四五六七八九]?十[一二三四五六七八九]?"
_FRACTION = lazy(r"(?<![\d第百千万零〇一二两三四五六七八九十])"
                 r"(" + _ZH_TO_99 + r"|[零〇二三四五六七八九]|[1-9]\d?|0)分之"
                 r"(" + _ZH_TO_99 + r"|[零〇一二三四五六七八九]|[1-9]\d?|0)"
                 r"(?![\d零〇一二两三四五六七八九十百千万])")
# A threshold passed: 过万, 破亿, 破千 (more than 10,000, 10^8, 1,000); 破百万 and 过千万 are
# numerals already, and 超过 is a comparator of its own.
_PASSED = lazy(r"(?<![超越])[过破](千|万|亿)(?![千万亿])")
# The same in English: "by half", "in half" (50%), "by a third" (1/3), "by two thirds", and a
# number word as a threshold's value: "under one hour", "to under two days" (not "within two
# weeks", which `measurable.DATE` reads as a date when written with digits).
_HALF_EN = lazy(r"\b(?:by|in)\s+(?:a\s+|one\s+)?half\b(?![-\s]+(?:of|the|a|an)\b)",
                re.IGNORECASE)
_THIRDS_EN = lazy(r"\bby\s+(a|one|two)\s+thirds?\b", re.IGNORECASE)
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
_WORD_THRESHOLD = lazy(
    r"\b(under|below|than|most|least|over|above)\s+(" + "|".join(WORD_NUMBERS) + r")"
    r"(?=\s+(?:business\s+|working\s+)?(?:hours?|days?|weeks?|minutes?|seconds?|"
    r"percentage\s+points?|points?)\b)", re.IGNORECASE)
# The Chinese forms `_normalise` rewrites whole (百分之十五, 三成, 一半, 三分之一, 过万): where a
# value read from them is written in a sentence.
ZH_WRITTEN = lazy(r"(?:百|千|万)分之(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)|"
                  + _TENTHS.pattern + "|" + _HALF.pattern.replace("?P<share>", "")
                  .replace("?P<times>", "").replace("?P<unit>", "") + "|"
                  + _FRACTION.pattern + "|" + _PASSED.pattern)
# P95, TP99 (also after Chinese: 接口TP99延迟), "at the 90th percentile": not values.
_PERCENTILE = lazy(r"(?<![A-Za-z])T?[Pp](\d{2,3})(?![\d.])|"
                         r"(?:\bat the )?\b\d{1,2}(?:st|nd|rd|th) percentile\b", re.IGNORECASE)
# "77 (out of 100)", "75(满分100)": the scale of a score, written after it.
_OUT_OF = lazy(r"(\d)\s*分?\s*[(（]\s*(?:out of|满分)\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]",
                     re.IGNORECASE)
# "at least 95% within 24h", "less than 10% are over 14 days": a share, then its condition.
_CONDITION = lazy(r"\s*(?:of\b[^\d]*?)?(?:(?:are|is|were|was)\s+)?(?:within|over|under|in|"
                        r"older than|longer than|after|before|below|above|more than|less than)\b"
                        r"|\s*在?\s*\d[^%]*?(?:内|以内)", re.IGNORECASE)


# Shopping festivals named by their date: 双十一 (11.11), 618, Black Friday. In a value they are
# when, not how much ("创双十一新高"); in a sentence, a date (`measurable.DATE` reads them too).
_EVENT = EVENT = lazy(r"双(?:十一|十二|11|12)|(?<![\d.])(?:618|11\.11|12\.12)(?![\d.%])|黑五|"
                    r"\bblack friday\b|\bcyber monday\b|\bprime day\b|\bsingles'? day\b|"
                    r"\bdouble (?:11|12|eleven|twelve)\b",
                    re.IGNORECASE)


# A value that names a fiscal year (FY2026, 2026财年), a version (v2.0, 3.5版, 版本2.0), a
# quarter (Q4, 2026年Q4, 第三季度) or a Taiwan (民国) year says when or which release, not how
# much (trial 33): in a field it is no number, as the same words in a sentence are no target.
_NAMED = lazy(
    r"FY\s?[-'’]?\s?\d{2,4}(?:\s?[-_]?\s?[QqHh][1-4])?|"
    r"(?:19|20)\d{2}\s?(?:财年|财政年度|会计年度)|"
    r"[vV]\d+(?:\.\d+)*|(?:版本|version\s?)\d+(?:\.\d+)*|\d+(?:\.\d+)*\s?版本?|"
    r"(?:(?:19|20)\d{2}\s?(?:年|[-_/])?\s?)?(?:[Qq][1-4]|第?\s?[一二三四1-4]\s?季度?)|"
    r"民国\s?\d{1,3}\s?年度?|1[0-2]\d\s?年度", re.IGNORECASE)
_NAMED_VERSION = lazy(r"[vV]\d+(?:\.\d+)*|(?:版本|version\s?)\d+(?:\.\d+)*|\d+(?:\.\d+)*\s?版本?",
                      re.IGNORECASE)


def named_value(text: str | None) -> str | None:
    """What a field's value names instead of an amount (`_NAMED`): "version" (v2.0, 3.5版,
    版本2.0) or "when" (FY2026, 2026财年, Q4, 第三季度, 民國115年); None for anything else."""
    said = fold_width(simplified(str(text or "").strip()))
    if not _NAMED.fullmatch(said):
        return None
    return "version" if _NAMED_VERSION.fullmatch(said) else "when"


# No value either, and no date: a quarter that does not exist (Q0, Q5, Q13, 第5季度, 第十三季)
# and a number written as a power (1e400, 10^400: beyond any key result's measure).
NO_VALUE = lazy(r"(?<![A-Za-z0-9])[Qq]\d+(?![\d.])|第\s?(?:\d+|[零〇一二两三四五六七八九十百]{2,})"
                r"\s?季度?|(?<![A-Za-z0-9.])\d+(?:\.\d+)?[eE][+-]?\d+(?![A-Za-z\d])|"
                r"(?<!\d)\d+\s?\^\s?\d+")


@dataclass(frozen=True)
class Quantity:
    """A parsed number with what it counts: percent, duration (seconds), money, ratio
    (value out of a scale, as in 4.6/5), multiplier (3.0x), or a plain count."""

    value: float
    kind: str
    unit: str = ""
    comparator: str = ""
    text: str = ""

    def same_kind(self, other: Quantity) -> bool:
        """Comparable: the same kind (and count unit); a bare 0 (`baseline: 0`) is zero of
        anything."""
        if self.bare_zero or other.bare_zero:
            return True
        return self.kind == other.kind and (self.kind != "count" or not self.unit
                                            or not other.unit or self.unit == other.unit)

    @property
    def bare_zero(self) -> bool:
        return self.value == 0 and self.kind == "count" and not self.unit


def zh_number(text: str) -> float | None:
    """一百二十万 -> 1200000, 两 -> 2, 十五 -> 15; None when it is not a Chinese numeral."""
    if text and ("廿" in text or "卅" in text):
        text = "".join(ZH_TENS.get(c, c) for c in text)
    if not text or any(c not in ZH_DIGITS and c not in ZH_SMALL and c not in ZH_LARGE
                       for c in text):
        return None
    total, section, digit = 0.0, 0.0, None
    for c in text:
        if c in ZH_DIGITS:
            digit = ZH_DIGITS[c]
        elif c in ZH_SMALL:
            section += (1 if digit is None else digit) * ZH_SMALL[c]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * ZH_LARGE[c] if total < ZH_LARGE[c] else \
                total + section * ZH_LARGE[c]
            section, digit = 0.0, None
    value = total + section + (digit or 0)
    return value if value or "零" in text or "〇" in text else None


def normalised(text: str) -> str:
    """`text` as the quantity pattern reads it (`百分之十五` -> `15%`, `三成` -> `30%`, `十个` ->
    `10个`, Traditional script as Simplified)."""
    return _normalise(text)


def _normalise(text: str) -> str:
    """Full-width digits and signs as ASCII (`５％` is `5%`), Traditional script to
    Simplified, a score's "(out of 100)" to "/100", multiples (翻一番, 翻倍, double, triple)
    to `2x`, zero as a value (零宕机, zero downtime) to `0`, and Chinese numerals that count
    something to digits, so one pattern reads them all."""
    def repl(m: re.Match[str]) -> str:
        word, value = m.group(), zh_number(m.group())
        if word == "零" and not _ZERO_WORD.match(text, m.end()):
            return "0"  # 零宕机, 零客诉, 事故为零: zero is the value to reach
        if value is None or (len(word) == 1 and word in "万亿千百") \
                or text[m.start() - 1:m.start()] in ("第", ".") \
                or text[m.start() - 1:m.start()].isdigit() \
                or (len(word) > 1 and all(c in ZH_DIGITS for c in word)) \
                or (word == "一" and not _lone_one_counts(text, m.start(), m.end())) \
                or not (_ZH_MEASURE.match(text, m.end())
                        or (len(word) > 1 and any(c in "十百千万亿" for c in word))):
            return word  # 一线, 统一, 进一步, 一站式: part of a word, not a number
        return str(int(value)) if value == int(value) and value < 1e15 else word
    # one space per run: the pattern's optional spaces would otherwise try every split of a
    # long run (cubic: 1,000 spaces took 12 s)
    text = _OUT_OF.sub(r"\1/\2", _SPACES.sub(" ", simplified(fold_width(text))))
    text = _ZERO_EN.sub("0", _MULTIPLE.sub(_multiple, _PER.sub(_per, _TENTHS.sub(_tenths,
                                                                                 text))))
    text = _PASSED.sub(_passed, _FRACTION.sub(_fraction, _HALF.sub(_half, text)))
    text = _WORD_THRESHOLD.sub(_word_threshold, _THIRDS_EN.sub(
        _thirds, _HALF_EN.sub("by 50%", text)))
    return _ZH_NUMBER.sub(repl, text)


def _half(m: re.Match[str]) -> str:
    """一半 -> 50%, 减半 -> 0.5倍, 半个百分点 -> 0.5个百分点, 半小时 -> 0.5小时."""
    if m.group("share"):
        return "50%"
    if m.group("times"):
        return "0.5倍"
    return "0.5" + m.group("unit")


def _fraction(m: re.Match[str]) -> str:
    """三分之一 -> 1/3, 五分之二 -> 2/5, 九十分之一 -> 1/90; a zero part (三分之零: zero
    thirds, 零分之一: no whole) -> a space, no number."""
    whole, part = (float(g) if g[0].isdigit() else zh_number(g) for g in m.groups())
    if whole is None or part is None:
        return m.group()
    if not whole or not part:
        return " "
    return f"{part:g}/{whole:g}"


def _passed(m: re.Match[str]) -> str:
    """过万 -> 超过1万, 破亿 -> 超过1亿."""
    return "超过1" + m.group(1)


def _thirds(m: re.Match[str]) -> str:
    """by a third -> by 1/3, by two thirds -> by 2/3."""
    return f"by {2 if m.group(1).lower() == 'two' else 1}/3"


def _word_threshold(m: re.Match[str]) -> str:
    """under one hour -> under 1 hour."""
    return f"{m.group(1)} {WORD_NUMBERS[m.group(2).lower()]}"


def _lone_one_counts(text: str, start: int, end: int) -> bool:
    """Whether the lone 一 at text[start:end] counts something (一小时, 一宗, 增加一个)."""
    before = text[start - 1:start]
    if before in _ONE_WORD_BEFORE:
        return False
    if text.startswith("次", end) and _EVERY_BEFORE.search(text, 0, start):
        return False
    if text.startswith("个", end) and before in _ONE_SET_BEFORE:
        return True
    return bool(_ONE_COUNTS.match(text, end))


# 翻一番 (x2), 翻两番 (x4), 翻倍, 翻番, double, triple, quadruple, halve: a multiple is the target.
# Not "double down", "double-check", "double-digit", "Double 11" (双十一).
_MULTIPLE = lazy(
    r"翻([一两二三])番|翻倍|翻番|"
    r"\b(double|triple|treble|quadruple|halve)(?:s|d|ing)?\b"
    r"(?![-\s]*(?:down|check|checking|click|digit|digits|11|12|eleven|twelve)\b)",
    re.IGNORECASE)
_TIMES = {"double": "2x", "triple": "3x", "treble": "3x", "quadruple": "4x", "halve": "0.5x",
          "一": "2倍", "两": "4倍", "二": "4倍", "三": "8倍"}
# "零" that begins a word is no value: 零售, 零件, 零食, 零钱, 零点, 零基预算, 零担 (freight).
_ZERO_WORD = lazy("售|件|部件|配件|食|钱|点|基|散|碎|星|下|工|头|花|用|距离|时|担|元|门槛|"
                        "陵|声|乱|落|活|和")
# "zero downtime", "Zero payment outages": zero is the value; not zero-based, zero trust.
_ZERO_EN = lazy(r"\bzero\b(?![-\s]*(?:based|party|trust|touch|day|code|sum|"
                      r"click|shot)\b)(?!-)", re.IGNORECASE)


def _multiple(m: re.Match[str]) -> str:
    if m.group(1):
        return _TIMES[m.group(1)]
    if m.group(2):
        return _TIMES[m.group(2).lower()] + " "
    return "2倍"  # 翻倍, 翻番


def _tenths(m: re.Match[str]) -> str:
    """三成 -> 30%, 九成五 -> 95%, 3成 -> 30%."""
    whole = float(m.group(1)) if m.group(1)[0].isdigit() else zh_number(m.group(1))
    part = zh_number(m.group(2)) if m.group(2) else 0
    if whole is None or part is None:
        return m.group()
    return f"{whole * 10 + part:g}%"


def _per(m: re.Match[str]) -> str:
    """百分之五 -> 5%, 千分之二 -> 2‰, 万分之三 -> 0.03%."""
    number = m.group(2)
    value = float(number) if number[0].isdigit() else zh_number(number)
    if value is None:
        return m.group()
    scale = {"百": 1.0, "千": 0.1, "万": 0.01}[m.group(1)]
    return f"{value * scale:g}%"


# Words that end an English noun phrase after a count, or are no noun to begin one:
# prepositions, conjunctions, articles, verbs of being, comparatives and time words.
_NOT_NOUN = frozenset({
    "to", "by", "from", "and", "or", "nor", "in", "within", "at", "on", "of", "for", "per",
    "before", "after", "until", "till", "with", "without", "across", "via", "through",
    "during", "over", "under", "above", "below", "than", "into", "onto", "among", "vs",
    "versus", "each", "every", "a", "an", "the", "this", "that", "these", "those", "next",
    "is", "are", "was", "were", "be", "been", "while", "whilst", "as", "so", "but", "if",
    "more", "less", "fewer", "higher", "lower", "yoy", "mom", "wow", "qoq", "q1", "q2", "q3",
    "q4", "h1", "h2", "fy", "year", "years", "month", "months", "quarter", "quarters", "week",
    "weeks", "day", "days", "annually", "monthly", "weekly", "daily", "quarterly",
    # units that are no noun phrase's head: 20 percent, 4.5 stars, 3 points
    "percent", "percentage", "pct", "pp", "bps", "points", "point", "pts", "stars", "star",
    "times", "x", "million", "billion", "mn", "bn"})
# The rest of an English noun phrase after a count's first word ("5 marketing channels",
# "3 new 直播 channels"): up to four more words, a Chinese word only between English ones.
_NOUN_TAIL = lazy(r"(?:[ ]+(?:(?!(?:" + "|".join(sorted(_NOT_NOUN, key=len, reverse=True))
                        + r")\b)[A-Za-z][A-Za-z'-]*\b|[" + HAN + r"]+(?=[ ]+[A-Za-z])))"
                        r"{1,4}", re.IGNORECASE)


def quantities(text: str) -> list[Quantity]:
    """Every quantity in a sentence, in order (a percentile such as P95 is not one). A count
    of an English noun phrase is read whole: `5 marketing channels` is 5 with unit `channels`
    (its head noun) and text `5 marketing channels`, not `5 marketing`."""
    out = []
    said = _PERCENTILE.sub(" ", _normalise(str(text)))
    for m in _PATTERN.finditer(said):
        q = _from_match(m)
        if q is not None and q.kind == "count" and q.unit.isascii() and len(q.unit) > 1 \
                and not m.group("post") and q.unit not in _NOT_NOUN:
            tail = _NOUN_TAIL.match(said, m.end())
            if tail:
                words = tail.group().split()
                head = next((w for w in reversed(words) if w.isascii()), q.unit)
                q = Quantity(q.value, q.kind, head.lower(), q.comparator, q.text + tail.group())
        if q is not None:
            out.append(q)
    return out


# Most values are a bare number or percentage (ASCII digits only: `５０` is read through
# `fold_width`, and its text is then `50`)
_PLAIN = lazy(r"[0-9]+(?:\.[0-9]+)?(%?)")


# Room for every value of a 5,000-team org: 8,192 thrashed (OK007-OK010 grew 25x for 10x).
@lru_cache(maxsize=1 << 17)
def parse_quantity(text: str | float | int | None) -> Quantity | None:
    """The quantity a field holds (`target: 1.32M`), or None when it is not one. An event
    named by a date (`创双十一新高`, `超过去年618`, `beat last Prime Day`) is no number."""
    if text is None:
        return None
    text = str(text).strip()
    plain = _PLAIN.fullmatch(text)
    if plain:  # `6706`, `99.5%`: what the whole parse reads them as, without it
        if plain.group(1):
            return Quantity(float(text[:-1]), "percent", "%", "", text)
        return Quantity(float(text), "count", "", "", text)
    if _NAMED.fullmatch(fold_width(simplified(text))):
        return None  # `target: FY2026`, `v2.0`, `Q4`, `民國115年`: when or which, not how much
    if NO_VALUE.fullmatch(fold_width(simplified(text))):
        return None  # `target: Q5`, `1e400`: no quarter, no measure
    if not _PATTERN.fullmatch(text):
        text = _EVENT.sub(" ", simplified(text)).strip()
    found = quantities(text)
    if len(found) > 1 and found[0].kind == "percent" and _is_condition(text, found[0]):
        return found[0]  # "at least 95% within 24h": the share is the target
    return found[0] if len(found) == 1 or (found and _whole(text, found[0])) else None


def _is_condition(text: str, share: Quantity) -> bool:
    normal = _PERCENTILE.sub(" ", _normalise(text))
    at = normal.find(share.text)
    return at >= 0 and bool(_CONDITION.match(normal, at + len(share.text)))


def _whole(text: str, q: Quantity) -> bool:
    return q.text.strip() == _PERCENTILE.sub(" ", _normalise(text)).strip()


def _from_match(m: re.Match[str]) -> Quantity | None:
    number = float(m.group("num").replace(",", ""))
    scale, unit = m.group("scale") or "", (m.group("unit") or "").strip()
    cmp = _comparator(m.group("cmp") or (m.group("post") or "").strip())
    if scale:
        number *= SCALES.get(scale, SCALES.get(scale.lower(), 1))
    low = unit.lower()
    if m.group("cur") or low in MONEY:
        return Quantity(number, "money", "元" if not m.group("cur") else m.group("cur"), cmp,
                        m.group())
    if unit in ("%", "‰"):
        return Quantity(number / (10 if unit == "‰" else 1), "percent", "%", cmp, m.group())
    if unit.startswith(("/", ":")):
        return Quantity(number, "ratio", unit.replace(" ", ""), cmp, m.group())
    if low in MULTIPLIER:
        return Quantity(number, "multiplier", "x", cmp, m.group())
    if low in DURATIONS or unit in DURATIONS:
        seconds = DURATIONS.get(unit, DURATIONS.get(low, 1))
        return Quantity(number * seconds, "duration", "s", cmp, m.group())
    if unit and unit.isascii() and len(unit) > 1 and low not in ("k", "m"):
        return Quantity(number, "count", low, cmp, m.group())
    return Quantity(number, "count", unit if not unit.isascii() else "", cmp, m.group())


def _comparator(text: str) -> str:
    text = text.lower()
    if text in ("<", "below", "under", "less than", "低于", "不超过", "不高于", "至多", "at most",
                "<=", "≤", "at or below", "no more than", "fewer than", "up to", "少于", "以下",
                "以内", "内") or text in ("or less", "or lower", "or below", "or fewer"):
        return "<="
    if text in (">", "above", "over", "more than", "超过", "高于", "不低于", "不少于", "至少",
                "at least", ">=", "≥", "at or above", "no less than", "多于", "以上", "及以上") \
            or text.startswith("or "):
        return ">="
    return ""


def percentile(text: str) -> str:
    """`P95` in "P95 < 1.5s", or ""."""
    m = _PERCENTILE.search(text)
    return f"P{m.group(1)}" if m else ""


_PREFIX_UNITS = ("$", "¥", "￥", "€", "£")  # currency signs written before the number


def with_unit(value: str | None, unit: str | None) -> str:
    """A key result's value with its `unit` as people write them: `15 分鐘`, `2.8%`,
    `NT$4000`, `3200 萬元`; the value alone when it has no unit or already ends with it
    (`3 分鐘`), and "" for no value."""
    value, unit = (value or "").strip(), (unit or "").strip()
    if not value or not unit or value.endswith(unit) or value.startswith(unit):
        return value
    if unit.endswith(_PREFIX_UNITS):
        return f"{unit}{value}"
    if unit[0] in "%‰°℃" or unit.startswith("/"):
        return f"{value}{unit}"
    return f"{value} {unit}"
