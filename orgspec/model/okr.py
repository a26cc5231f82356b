"""OKR facts the checks and the report share: the dates an objective covers and what a key
result states (metric, target, deadline), from its fields and its sentence together."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from orgspec.model.models import KeyResult, Objective
from orgspec.model.org import node_key
from orgspec.text.lazyre import lazy
from orgspec.text.measurable import (
    FISCAL_YEAR,
    FISCAL_YEAR_END,
    Verdict,
    assess,
    not_targets,
    quarter_year_counts,
)
from orgspec.text.quantity import (
    WORD_NUMBERS,
    ZH_NUMERAL,
    ZH_WRITTEN,
    Quantity,
    normalised,
    parse_quantity,
    quantities,
    zh_number,
)
from orgspec.text.script import simplified
from orgspec.text.spaces import fold_width


def period_range(obj: Objective) -> tuple[dt.date, dt.date] | None:
    """The dates an objective covers: start/end, or its period (2026, 2026-H2, 2026-Q1)."""
    if obj.start or obj.end:
        return obj.start or dt.date.min, obj.end or dt.date.max
    if not obj.period:
        return None
    return period_bounds(obj.period)


@lru_cache(maxsize=1024)  # an org has a few periods, each read for every key result
def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period as the schema writes it (2026, 2026-H2, 2026-Q1)."""
    year, _, part = period.partition("-")
    y = int(year)
    if not part:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    first = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}[part]
    months = 3 if part[0] == "Q" else 6
    last = first + months - 1
    # the month's own last day: no step into the next year, which 9999 does not have
    return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])


def verdict(obj: Objective, kr: KeyResult) -> Verdict:
    """What a key result states, from its fields and its sentence together."""
    return judge(kr.title, kr.metric, kr.target,
                 kr.due is not None or period_range(obj) is not None)


def time_gap(incomplete: Mapping[str, Mapping[str, object]], oid: str, kr_id: str) -> str:
    """The field a key result's time bound would come from that was dropped as invalid (its
    schema finding says why): `key_results.<id>.due`, else the objective's `period`, `start`
    or `end`; "" when none was. `incomplete` is `Org.incomplete`."""
    objective = node_key("objective", oid)
    if "due" in incomplete.get(f"{objective}/key_result:{kr_id}", {}):
        return f"key_results.{kr_id}.due"
    dropped = incomplete.get(objective, {})
    return next((f for f in ("period", "start", "end") if f in dropped), "")


@dataclass(frozen=True)
class Judged:
    """A key result as `check` (OK003), the report and the site judge it: its `verdict`;
    what it lacks as far as can be told (`missing`, `judged_missing`); and, when it lacks
    only a time bound that rests on a field dropped as invalid, that field (`unjudged`,
    `time_gap`: the schema finding says why), else ""."""

    verdict: Verdict
    missing: list[str]
    unjudged: str

    @property
    def measurable(self) -> bool:
        return not self.verdict.missing


def judged(incomplete: Mapping[str, Mapping[str, object]], oid: str, obj: Objective,
           kr: KeyResult) -> Judged:
    """The one judgement of key result `kr` of objective `oid` (`incomplete`:
    `Org.incomplete`)."""
    v = verdict(obj, kr)
    gap = time_gap(incomplete, oid, kr.id) if v.missing else ""
    told = judged_missing(v, gap)
    return Judged(v, told, gap if v.missing and not told else "")


def judged_missing(v: Verdict, gap: str) -> list[str]:
    """What a key result lacks as far as can be told (`Verdict.missing` names): without "a
    time bound" when the field it would come from was dropped as invalid (`gap`, from
    `time_gap`), since that depends on the value the schema finding is about; a missing
    metric or target does not, and stays. OK003, the report and the site all judge so."""
    return [m for m in v.missing if not (gap and m == "a time bound")]


def judge(title: str, metric: str | None, target: str | None, dated: bool) -> Verdict:
    """What a key result or a KPI states: its `title` sentence, its `metric` and `target`
    fields, and whether a date bounds it from outside the sentence (`due`, the objective's
    period; a KPI is measured every period). A `metric` repeated in the title is a name,
    not a number: `Accounting Efficiency (FY23 Plan)` has no target."""
    if metric and parse_quantity(target) is not None and dated:  # the fields settle it
        return Verdict(metric=True, target=True, deadline=True, sentence=title)
    if metric and target is None:  # blanked by as many spaces: offsets into the title hold
        title = title.replace(metric, " " * len(metric))
    said = assess(title)
    said.metric = bool(metric) or said.metric
    said.target = parse_quantity(target) is not None or (target is None and said.target)
    said.deadline = dated or said.deadline
    return said


# Words the quantity pattern takes after a number that are not its unit: ` 45 by`, ` 30 to`.
_CONNECTOR = lazy(r"\s+(?:to|by|from|and|in|within|at|on|of|for)$", re.IGNORECASE)


def stated_target(title: str, target: str | None, said: Verdict) -> str:
    """The target a key result shows: its `target` field, else (when its verdict `said`
    found a target in the sentence) the last quantity of the sentence that is not part of a date, a
    year or a period (`核心交易链路可用性达到99.95%` -> `99.95%`; `from 30 to 45 by 2026-06-30`
    -> `45`; `4.6 分以上 by end of Q4` -> `4.6 分以上`), as the verdict read it (`said.read`);
    "" for none."""
    if target is not None or not said.target:
        return target or ""
    shown = _sentence_quantities(title, said.read)
    return shown[-1][1] if shown else ""


def shown_targets(title: str, target: str | None, said: Verdict) -> str:
    """The target the report and the site show: `stated_target`, except that a sentence of
    several clauses each stating a value (`新用户次留≥40%，7留≥20%`, `从3个渠道扩展到5个渠道，GMV
    达到100万`) shows the target of each, joined by the sentence's own clause break
    (`≥40%，≥20%`), not only the last (trial 33b). Display only: OK007-OK010 and progress
    read `stated_target`."""
    if target is not None or not said.target:
        return target or ""
    shown = [(at, text) for at, text in _sentence_quantities(title, said.read) if at >= 0]
    if not shown:
        return stated_target(title, target, said)
    picked: list[tuple[int, str]] = []
    for at, text in shown:
        if picked and not _CLAUSE_BREAK.search(title, picked[-1][0] + len(picked[-1][1]), at):
            picked[-1] = (at, text)  # the same clause: its last value is its target
        else:
            picked.append((at, text))
    if len(picked) < 2:
        return stated_target(title, target, said)
    out = picked[0][1]
    for (at, text), (to, goal) in pairwise(picked):
        brk = _CLAUSE_BREAK.search(title, at + len(text), to)
        sep = brk.group() if brk else ","
        out += sep + (" " if sep.isascii() else "") + goal
    return out


# What opens a baseline in a sentence, just before its first quantity: 从120万, 由 30, from 30,
# 从每月三百条 (a rate's period between).
_FROM = lazy(r"(?:从|從|由|from)\s*(?:每[个個]?[天日周週月年季]度?\s*)?$", re.IGNORECASE)


def stated_baseline(title: str, baseline: str | None, said: Verdict) -> str:
    """The baseline a key result shows: its `baseline` field, else, when its verdict `said`
    found a target in the sentence and it reads `from <baseline> to <target>`, the first of its
    quantities that `stated_target` would also read (`月活跃用户数从120万增长到132万` ->
    `120万`); "" for none."""
    if baseline is not None or not said.target:
        return baseline or ""
    shown = _sentence_quantities(title, said.read)
    if len(shown) >= 2 and shown[0][0] >= 0 and _FROM.search(title[:shown[0][0]]) \
            and _one_clause(title, shown[0], shown[-1]):
        return shown[0][1]
    # a quantity before the pair (客诉积压（超过24小时）从320件降到50件, 完成2次演练，公告时间
    # 从60分钟降到15分钟): the one just before the target, opened by 从/from, is the baseline
    if len(shown) >= 3 and shown[-2][0] >= 0 and _FROM.search(title[:shown[-2][0]]) \
            and _one_clause(title, shown[-2], shown[-1]):
        return shown[-2][1]
    if len(shown) >= 2 and shown[-2][0] >= 0 and shown[-1][0] >= 0:
        (at, base), (to, _) = shown[-2], shown[-1]
        between = title[at + len(base):to]
        if _ARROW.fullmatch(between) and not (between.strip() == "至"
                                              and _CHANGE.search(title[:at])):
            return base
    return ""


# What ends a clause of a sentence: a comma that is not a thousands separator (1,200), a
# semicolon, a full stop. A key result may state two metrics, one a clause
# (从3个渠道扩展到5个渠道，GMV达到100万): a baseline is read in its target's clause only.
_CLAUSE_BREAK = lazy(r"[，；;。]|,(?!\d)")


def _one_clause(title: str, base: tuple[int, str], goal: tuple[int, str]) -> bool:
    """Whether no clause ends between the value `base` and the value `goal` of `title`
    ((offset, text) as `_sentence_quantities` gives them); True when one cannot be placed."""
    (at, text), (to, _) = base, goal
    return at < 0 or to < 0 or not _CLAUSE_BREAK.search(title, at + len(text), to)


# Between a baseline and its target: an arrow (`5%→8%`, `5% -> 8%`, `5% ⟶ 8%`) or 至
# (`5%至8%`); not a dash or a tilde, which write a range (`3-5人`, `3~5天`).
_ARROW = lazy(r"\s*(?:→|⟶|➝|➔|➜|⇒|->|-->|=>|至)\s*")
# A verb of change just before a value: `增长10%至15%` is a range of growth, not 10% -> 15%.
_CHANGE = lazy(r"(?:提升|提高|增长|增加|上升|下降|降低|减少|缩短|压缩)\s*$")


@lru_cache(maxsize=1 << 14)  # the baseline and the target of one title are read together
def _sentence_quantities(title: str, masked: str) -> tuple[tuple[int, str], ...]:
    """(offset, text as written) of each value of `title`: the quantities of `masked`, the
    title as its verdict read it for a target (`Verdict.read`: no date, version, year, window
    or period), in order; offset -1 for one that cannot be placed (`翻一番`, read as `2倍`),
    shown as read."""
    if len(masked) != len(title):  # a Traditional phrase that converts to another length
        masked = not_targets(title)
    out: list[tuple[int, str]] = []
    at = 0
    narrow = fold_width(masked)  # the parser reads `５％` as `5%`; same length, offsets hold
    for q in quantities(masked):
        core = _CONNECTOR.sub("", q.text.strip())
        span = _place(narrow, core, at)
        if span is None:
            out.append((-1, core))
            continue
        at = span[1]
        out.append((span[0], fold_width(title[span[0]:span[1]])))
    return tuple(out)


_DIGITS = lazy(r"\d+")


def _place(masked: str, core: str, at: int) -> tuple[int, int] | None:
    """Where `core` (a quantity as the parser read it: `300条`) is written in `masked` from
    `at`: as it is, with its number in Chinese numerals (`三百条`), or in a Chinese form read
    whole (`百分之十五`, `三成` for `15%`, `30%`)."""
    i = masked.find(core, at)
    if i >= 0:
        return i, i + len(core)
    for m in ZH_WRITTEN.finditer(masked, at):
        read = normalised(m.group())
        if read and core.startswith(read) and masked.startswith(core[len(read):], m.end()):
            return m.start(), m.end() + len(core) - len(read)
    digits = _DIGITS.search(core)
    if digits is None:
        return None
    pre, post = core[:digits.start()], core[digits.end():]
    for run in ZH_NUMERAL.finditer(masked, at):
        value = zh_number(run.group())
        start = run.start() - len(pre)
        if value is not None and value == int(digits.group()) and start >= at \
                and masked.startswith(pre, start) and masked.startswith(post, run.end()):
            return start, run.end() + len(post)
    for word in _WORD_NUMBER.finditer(masked, at):  # under one hour: read as `under 1 hour`
        start = word.start() - len(pre)
        if WORD_NUMBERS[word.group().lower()] == int(digits.group()) and start >= at \
                and masked[start:word.start()].lower() == pre.lower() \
                and masked[word.end():word.end() + len(post)].lower() == post.lower():
            return start, word.end() + len(post)
    return None


_WORD_NUMBER = lazy(r"\b(?:" + "|".join(WORD_NUMBERS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class KeyResultValues:
    """What a key result states, its fields first and its sentence for the rest: the one
    reading that OK007-OK010, the report, the site and export all use. Values are as written
    (`5分钟`, `120万`); "" for none."""

    baseline: str
    target: str
    current: str
    direction: str | None  # `direction`, else the sentence's wording (降低到, increase ... to)
    due: dt.date | None  # `due`, else the date the sentence gives as its deadline
    said: frozenset[str]  # which of baseline, target, direction, due came from the sentence
    # percent from baseline to target when `current` is given: over 100 past the target
    progress: int | None

    def current_number(self) -> Quantity | None:
        """`current` parsed, None for none or not a number; a bare number takes the money or
        percent unit of a target the sentence gave (`current: 1.35亿` for `1.5亿元`)."""
        cur = parse_quantity(self.current or None)
        goal = self.numbers()[1]
        if cur and goal and _bare(cur) and goal.kind in _SHARED and "target" in self.said:
            cur = replace(cur, kind=goal.kind, unit=goal.unit)
        return cur

    def paired(self) -> bool:
        """Whether the baseline and the target are both numbers in one unit (`comparable`):
        what OK007, OK008 and OK010 ask of each key result, worked out once."""
        known = self.__dict__.get("_paired")
        if known is None:
            base, goal = self.numbers()
            known = bool(base and goal and comparable(base, goal))
            object.__setattr__(self, "_paired", known)
        return known

    def numbers(self) -> tuple[Quantity | None, Quantity | None]:
        """(baseline, target) parsed, None for one that is not a number. In a sentence a unit
        written once counts for both (`从1.2亿增长到1.5亿元`, `from 5 to 8%`): a bare number
        there takes the other value's money or percent unit."""
        # read once per key result (OK007, OK008, OK010 and the report each ask), kept
        # beside the fields: not one of them, so equality and the fields are as they were
        known = self.__dict__.get("_read")
        if known is None:
            known = _numbers(self.baseline, self.target, {"baseline", "target"} <= self.said)
            object.__setattr__(self, "_read", known)
        return known


# OK007, OK008, OK010 and the report each read every key result's numbers, one rule after
# the other: room for every key result of a 5,000-team org, or each rule would miss
@lru_cache(maxsize=1 << 17)
def _numbers(baseline: str, target: str,
             both_said: bool) -> tuple[Quantity | None, Quantity | None]:
    base, goal = parse_quantity(baseline or None), parse_quantity(target or None)
    if base and goal and _bare(base):  # `从30提升到45分`, `baseline: 4.6, target: 4.8分`
        goal = _points(goal) or goal
    elif base and goal and _bare(goal):
        base = _points(base) or base
    if base and goal and both_said:
        if _bare(base) and goal.kind in _SHARED:
            base = replace(base, kind=goal.kind, unit=goal.unit)
        elif _bare(goal) and base.kind in _SHARED:
            goal = replace(goal, kind=base.kind, unit=base.unit)
    return base, goal


_SHARED = ("money", "percent")  # units a sentence writes once for both values


def _bare(q: Quantity) -> bool:
    return q.kind == "count" and not q.unit


_POINTS = lazy(r"\s*(\d+(?:\.\d+)?)\s*分\s*")  # `45分`, not `45分钟` nor `1小时30分`


def _points(q: Quantity) -> Quantity | None:
    """`q` read as a score when it is a number of 分 that the parser took for minutes (`4.8分`
    beside a bare `4.6`: 分 is points there); None otherwise."""
    m = _POINTS.fullmatch(q.text) if q.kind == "duration" else None
    return replace(q, kind="count", unit="分", value=float(m.group(1))) if m else None


def key_result_values(obj: Objective, kr: KeyResult, v: Verdict | None = None) -> KeyResultValues:
    """The values of `kr` (objective `obj`; `v` its `verdict`, worked out when not given):
    `baseline` and `target` from the fields, else from the sentence (`stated_baseline`,
    `stated_target`); `direction` from the field, else, when a value came from the sentence,
    from its wording (提升/提高/增长 up, 降低/缩短/减少 down; increase/grow, reduce/cut); `due`
    from the field, else a deadline in the sentence (`by 2026-03-31`, `（6月30日前）`, with the
    year of the objective's period when the sentence gives none)."""
    said_by = v or verdict(obj, kr)
    baseline = stated_baseline(kr.title, kr.baseline, said_by)
    target = stated_target(kr.title, kr.target, said_by)
    said = {name for name, field, value in (("baseline", kr.baseline, baseline),
                                            ("target", kr.target, target))
            if field is None and value}
    direction: str | None = kr.direction
    if direction is None and said:
        direction = worded_direction(kr.title)
        if direction:
            said.add("direction")
    due = kr.due
    if due is None:
        span = period_range(obj)
        year = span[0].year if span and span[0] != dt.date.min else None
        whole = bool(span) and year is not None and span == (dt.date(year, 1, 1),
                                                               dt.date(year, 12, 31))
        due = stated_due(kr.title, year, whole)
        if due:
            said.add("due")
    said_set = frozenset(said)
    first = KeyResultValues(baseline, target, kr.current or "", direction, due, said_set, None)
    base, goal = first.numbers()
    done = progress(base, first.current_number(), goal)
    if done is None:
        return first
    return KeyResultValues(baseline, target, kr.current or "", direction, due, said_set, done)


def progress(base: Quantity | None, current: Quantity | None,
             target: Quantity | None) -> int | None:
    """How far `current` has come from `base` to `target`, in percent: 0 or more, above 100
    when `current` is beyond the target (`exceeded`), 0 when it went the other way; None when
    one of them is missing, they are not in one unit (`comparable`), or the target is the
    baseline."""
    if base is None or current is None or target is None or target.value == base.value \
            or not (comparable(base, current) and comparable(base, target)
                    and comparable(current, target)):
        return None
    share = (current.value - base.value) / (target.value - base.value)
    return round(100 * max(0.0, share))


def exceeded(percent: int | None) -> bool:
    """Whether a `progress` is past the target (over 100 %)."""
    return percent is not None and percent > 100


# A scale word after a number (`132万`, `1.2M`, `3k`): a count written with one and no measure
# word is a number of something, one written with a measure word and no scale (`132人`) is a
# number of people; `132人` against `132万` is a unit left out, not 132 of 1,320,000.
_SCALED = lazy(r"\d\s*(?:百万|千万|million|billion|mn|bn|[kKwWM万亿千B])(?![a-zA-Z])")


def scale_word(q: Quantity) -> str:
    """The scale word a count is written with (`万` of `132万`), "" for none."""
    return _scale_of(q.text)


@lru_cache(maxsize=1 << 17)  # each value is compared by OK007, OK008 and OK010
def _scale_of(text: str) -> str:
    m = _SCALED.search(text)
    return m.group()[1:].strip() if m else ""


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two values are in one unit: `Quantity.same_kind`, and not one count written
    with a scale word alone (`132万`) against one with a measure word alone (`132人`)."""
    if not a.same_kind(b):
        return False
    if a.kind != "count" or b.kind != "count" or a.bare_zero or b.bare_zero:
        return True
    sa, sb = scale_word(a), scale_word(b)
    return not ((sa and not a.unit and b.unit and not sb)
                or (sb and not b.unit and a.unit and not sa))


# The words that say which way a value should go, in Simplified script (Traditional is read
# through `simplified`) and English; a sentence with words of both ways says neither.
_UP = lazy(r"提升|提高|增长|增加|上升|增至|升至|提至|拉升|扩大|突破|"
           r"\b(?:increase|increases|increased|grow|grows|raise|raises|boost|boosts|lift|"
           r"improve|improves|expand|expands)\b", re.IGNORECASE)
_DOWN = lazy(r"降低|降到|降至|下降|减少|减到|减至|缩短|缩减|压缩|压降|降|"
             r"\b(?:reduce|reduces|reduced|cut|cuts|decrease|decreases|decreased|lower|"
             r"lowers|shorten|shortens|drop|drops|shrink|shrinks)\b", re.IGNORECASE)


def worded_direction(title: str) -> str | None:
    """`increase` or `decrease` as the sentence words it (`从5%降低到3%`, `Reduce churn from
    4% to 3%`), None when it says neither or both."""
    text = simplified(title)
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return "increase" if up and not down else "decrease" if down and not up else None


_MONTH_EN = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# A date given as the deadline: after by/before/until/截至, or before 前/之前/以前/为止. The
# dates: 2026-03-31 (also / and .), 2026年3月31日, 3月31日, 3月底/3月末, June 30[, 2026].
_ISO = r"(?<!\d)(?P<{0}y>\d{{4}})[-/.年](?P<{0}m>\d{{1,2}})[-/.月](?P<{0}d>\d{{1,2}})日?"
# (a year of 19xx or 20xx, not part of a longer number: 12026年底, 民國99999年)
_ZH_DAY = (r"(?:(?<!\d)(?P<y2>(?:19|20)\d{2})年)?(?P<m2>\d{1,2})月"
           r"(?:(?P<d2>\d{1,2})[日号]|(?P<end>底|末))|"
           # 2026年底前, 2026年年底前, 115年底前
           r"(?<!\d)(?P<ye>(?:19|20)\d{2})\s?年\s?(?:年\s?)?(?P<yend>底|末)")
# A month/day after the word that makes it a deadline: 截止12/31, by 6/30 (not a ratio; in
# English a day of two digits, as "cut by 1/3" is a fraction: `measurable.DATE` reads the same).
_SLASH_DAY = r"(?P<{0}m>\d{{1,2}})/(?P<{0}d>\d{{1,2}})(?![\d/.])"
_SLASH_DAY_EN = r"(?P<{0}m>0?[1-9]|1[0-2])/(?P<{0}d>[12]\d|3[01])(?![\d/.])"
_EN_DAY = (r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*"
           r"(?P<d3>\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(?P<y3>\d{4}))?|"
           r"(?P<d4>\d{1,2})(?:st|nd|rd|th)?\s+(?P<emon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
           r"nov|dec)[a-z]*\.?(?:,?\s*(?P<y4>\d{4}))?")
_DEADLINE = lazy(
    rf"(?:\b(?:by|before|until|no later than|due)\s+(?:{_ISO.format('a')}|{_EN_DAY}|"
    rf"{_SLASH_DAY_EN.format('ab')})\b)|"
    rf"(?:截至|截止|于|在)?\s*(?:{_ISO.format('b')}|{_ZH_DAY})\s*(?:之前|以前|前|为止)|"
    rf"(?:截至|截止)\s*(?:{_ISO.format('c')}|{_ZH_DAY.replace('P<', 'P<c')}|"
    rf"{_SLASH_DAY.format('ac')})", re.IGNORECASE)
# Taiwan's Minguo (ROC) years in a date, year 1 = 1912 (as a `due` field reads them, SC003):
# 民国116年, 116年6月30日, 115年底, 115/12/31; a bare three-digit year only where it dates.
MINGUO = 1911
_MINGUO_YEAR = lazy(r"民国\s?(\d{1,3})\s?年|(?<!\d)(1[0-2]\d)\s?年(?=\s?(?:\d{1,2}\s?月|底|末))|"
                    r"(?<![\d/.])(1[0-2]\d)(?=/\d{1,2}/\d{1,2}(?![\d/.]))")


def _gregorian(said: str) -> str:
    """`said` with each Minguo year written as its Gregorian year (`116年6月底` ->
    `2027年6月底`, `115/12/31` -> `2026/12/31`; `民国0年` stays); offsets do not hold."""
    def year(m: re.Match[str]) -> str:
        roc = m.group(1) or m.group(2)
        if roc and int(roc) == 0:
            return m.group()  # 民国0年 is no year (元年 is 1912): read as text, no deadline
        if roc:
            return f"{int(roc) + MINGUO}年"
        return str(int(m.group(3)) + MINGUO)
    return _MINGUO_YEAR.sub(year, said)


# A quarter (Q3, 2026年Q4, Q4 2026, 第三季度, 第三季, 第3季, 三季度, Q1末): the key result is due
# at its end, in the year written or the objective's period's year (trial 33). Not 每季度 (how
# often) nor 本季度 (the period itself), which name no quarter.
_QUARTER_DUE = lazy(
    r"(?:(?P<y>(?:19|20)\d{2})\s?(?:年|[-_/])?\s?)?"
    r"(?:(?<![A-Za-z])[Qq](?P<q>[1-4])(?!\d)|第\s?(?P<zq>[一二三四1-4])\s?季度?|"
    r"(?<![每一二三四五六七八九十\d])(?P<zq2>[一二三四])季度)"
    # Q4 2026, not Q3 2000 orders nor 第四季 2025 家门店 (a count before its measure word:
    # `quarter_year_counts` reads 家, 单, 件 ... as `not_targets` does, and 2025 单量 as a year)
    r"(?:\s?(?P<y2>20[2-3]\d)(?![\d.]|\s?[%万亿千元个個人名款台套间間所]))?")
_QUARTER_NO = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A quarter compared with, not due by: beside an arrow or a range (Q1→Q2, Q1-Q2), or after a
# word of comparison (从Q2的20%, 同比去年Q4, "from Q2", "than Q4", "vs Q3").
_ARROW_NEAR = lazy(r"\s*(?:→|⟶|➝|➔|➜|⇒|->|-->|=>|至|到|~|～|-|—)")
_COMPARED = lazy(r"(?:从|由|比|较|相比|对比|同比|环比|去年|上年|\bvs\.?|\bfrom|\bthan|\bover|"
                 r"\bversus|\blast)\s*$", re.IGNORECASE)


def _quarter_due(said: str, year: int | None) -> dt.date | None:
    """The end of the last quarter `said` (Simplified, fiscal years blanked) names as when
    the key result is due, in the year written or `year`; None for none or no year."""
    found = None
    for m in _QUARTER_DUE.finditer(said):
        before = said[max(0, m.start() - 8):m.start()]
        if _ARROW_NEAR.match(said, m.end()) or re.search(_ARROW_NEAR.pattern + r"\s*$", before) \
                or _COMPARED.search(before):
            continue
        found = m
    if found is None:
        return None
    y2 = found.group("y2")
    if y2 and quarter_year_counts(said, *found.span("y2")):
        y2 = None  # Q4 2025 new sellers: 2025 sellers, due in Q4
    written = found.group("y") or y2
    the_year = int(written) if written else year
    if the_year is None:
        return None
    last = 3 * _QUARTER_NO[found.group("q") or found.group("zq") or found.group("zq2")]
    return dt.date(the_year, last, calendar.monthrange(the_year, last)[1])


# The end of a fiscal year in English (`by the end of FY2027`, `by end of FY27`): read as
# `FY2027年底前` is, as `measurable.DATE` counts "by the end of" a time bound already; not the
# end of a fiscal quarter or half (`by the end of FY2027 Q3`: the company's months). A
# calendar year's (`by end of 2026`) is left as it was read: the labelled sets pin it.
_EN_YEAR_END = lazy(r"\bby\s+(?:the\s+)?end\s+of\s+FY\s?[-'’]?\s?(?P<fy>(?:19|20)?\d{2})"
                    r"(?![\d/.-]|\s?[-_]?\s?[QqHh][1-4](?!\d))|"
                    # by FY2027 year-end, by the FY2027 year end (small36)
                    r"\b(?:by|before)\s+(?:the\s+)?FY\s?[-'’]?\s?(?P<zy>(?:19|20)?\d{2})\s+"
                    r"year[-\s]?end\b", re.IGNORECASE)


# A deadline in English words (small36), as its Chinese form reads: the end of a year, with
# `end of`, `year-end` or `end-` (by end of 2026, by the end of the year 2026, by year-end 2026,
# by 2026 year-end, by end-2026: 2026年底前), of a half (by the end of H1 2027: 2027年6月底前) or
# of a month (by the end of June 2027, by December 2026: 2027年6月底前), the middle of a year (by
# mid-2027: 2027年6月底前, as 2027年年中前 is). Not `the end of the 2026 World Cup` (an event
# of that year), end of life, end of day, a year-end sale.
_MONTHS_EN = (r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*\.?)")
_EN_END = lazy(
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:"
    r"end(?:\s+|-)of\s+(?:(?:the\s+)?year\s+|(?P<half>[Hh][12])\s+|" + _MONTHS_EN + r"\s+)?|"
    r"end-|year[-\s]?end\s+(?:of\s+)?|(?P<mid>mid)[-\s]?|(?=" + _MONTHS_EN.replace("?P<mon>", "?:")
    + r",?\s+(?:19|20)\d{2}\b))"
    r"(?:" + _MONTHS_EN.replace("?P<mon>", "?P<mon2>") + r",?\s+)?"
    r"(?P<y>(?:19|20)\d{2})(?:\s+year[-\s]?end)?\b(?![-/.]\d)|"
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?P<y2>(?:19|20)\d{2})\s+"
    r"year[-\s]?end\b", re.IGNORECASE)
# The end of the year with none written (by year-end, by the end of the year, 年底前, 年末前,
# 今年底前): the end of the objective's period when that is a calendar year (`period: 2026`);
# under a quarter or half it is left unread, as trial 33 pinned (`年底前上線新版APP` in Q3).
_EN_YEAR_END_BARE = lazy(
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:year[-\s]?end|end\s+of\s+"
    r"(?:the\s+|this\s+)year)\b(?!\s*(?:of\s+)?(?:19|20)?\d)", re.IGNORECASE)
_ZH_YEAR_END_BARE = lazy(r"(?<![\d年财度])(?<!\d\s)(?:今\s?)?年\s?(?:底|末|终)\s?"
                         r"(?=之前|以前|前|为止)")
# The middle of a year, the end of its half (2027年年中前, 2027年中前, 2027年上半年末前,
# 2027年上半年结束前; 下半年: its end).
_ZH_HALF = lazy(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?年\s?(?:(?:年\s?)?中|(?P<half>[上下])半年\s?"
                r"(?:末|底|结束))\s?(?=之前|以前|前|为止)")


def _en_end(m: re.Match[str]) -> str:
    """An English deadline of `_EN_END` as its Chinese form (`2026年底前`, `2027年6月底前`)."""
    year = m.group("y") or m.group("y2")
    mon = m.group("mon") or m.group("mon2")
    if mon:
        return f"{year}年{_MONTH_EN[mon[:3].lower()]}月底前"
    if m.group("mid") or (m.group("half") or "").upper() == "H1":
        return f"{year}年6月底前"
    return f"{year}年底前"


def _zh_half(m: re.Match[str]) -> str:
    return f"{m.group('y')}年底" if m.group("half") == "下" else f"{m.group('y')}年6月底"


def _calendar_end(m: re.Match[str]) -> str:
    """A fiscal year's end with 前 (`2027财年底前`, `FY2027 年底前`) or a year's end in English
    (`by the end of FY2027`) as `2027年底前` reads."""
    year = m.group("fy") or m.groupdict().get("zy") or ""
    return f"{'20' if len(year) == 2 else ''}{year}年底前"


def stated_due(title: str, year: int | None, whole_year: bool = False) -> dt.date | None:
    """The deadline a key result's sentence gives (`by 2026-03-31`, `（6月30日前）`,
    `6月底前完成`, `截止12/31`, `2026年底前`; `2027财年底前` and `by the end of FY2027` as
    2027年底前, `FISCAL_YEAR_END` and `_EN_YEAR_END`; a Minguo year read as Gregorian,
    `116年6月底前` is 2027-06-30), else the end of the quarter it names (`Q3`, `第三季度`,
    `2026年Q4`; not a fiscal year's, `FY2026 Q3`), in `year` when the sentence names none;
    None for none, or for a date that does not exist. `whole_year`: the period is the
    calendar year `year`, whose end a year-end with no year written (`by year-end`, `年底前`)
    then names."""
    said = fold_width(simplified(title))
    said = _gregorian(_EN_YEAR_END.sub(_calendar_end, FISCAL_YEAR_END.sub(_calendar_end, said)))
    said = _ZH_HALF.sub(_zh_half, _EN_END.sub(_en_end, said))
    if year is not None and whole_year:  # by year-end, 年底前: the period's end
        said = _ZH_YEAR_END_BARE.sub(f"{year}年底", _EN_YEAR_END_BARE.sub(f"{year}年底前", said))
    found = None
    for m in _DEADLINE.finditer(said):
        found = m
    if found is None:
        return _quarter_due(FISCAL_YEAR.sub(lambda m: " " * len(m.group()), said), year)
    g = {k: v for k, v in found.groupdict().items() if v}
    pick = {k.lstrip("abc").rstrip("234"): v for k, v in g.items()}  # one name per part
    if pick.get("yend"):
        return dt.date(int(pick["ye"]), 12, 31)
    y, mon, d = pick.get("y"), pick.get("mon") or pick.get("emon"), pick.get("d")
    month = pick.get("m") or (str(_MONTH_EN[mon[:3].lower()]) if mon else None)
    the_year = int(y) if y else year
    if the_year is None or month is None:
        return None
    try:
        if pick.get("end") or d is None:
            return dt.date(the_year, int(month), calendar.monthrange(the_year, int(month))[1])
        return dt.date(the_year, int(month), int(d))
    except ValueError:
        return None
