"""OKR facts the checks and the report share: the dates an objective covers and what a key
result states (metric, target, deadline), from its fields and its sentence together."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from orgspec.model.models import KeyResult, Objective
from orgspec.text.measurable import Verdict, assess
from orgspec.text.quantity import parse_quantity, quantities
from orgspec.text.script import simplified


def period_range(obj: Objective) -> tuple[dt.date, dt.date] | None:
    """The dates an objective covers: start/end, or its period (2026, 2026-H2, 2026-Q1)."""
    if obj.start or obj.end:
        return obj.start or dt.date.min, obj.end or dt.date.max
    if not obj.period:
        return None
    return period_bounds(obj.period)


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


def judge(title: str, metric: str | None, target: str | None, dated: bool) -> Verdict:
    """What a key result or a KPI states: its `title` sentence, its `metric` and `target`
    fields, and whether a date bounds it from outside the sentence (`due`, the objective's
    period; a KPI is measured every period). A `metric` repeated in the title is a name,
    not a number: `Accounting Efficiency (FY23 Plan)` has no target."""
    if metric and parse_quantity(target) is not None and dated:
        return Verdict(metric=True, target=True, deadline=True)  # the fields settle it
    if metric and target is None:
        title = title.replace(metric, " ")
    said = assess(title)
    said.metric = bool(metric) or said.metric
    said.target = parse_quantity(target) is not None or (target is None and said.target)
    said.deadline = dated or said.deadline
    return said


# A date or a period in a sentence holds numbers that are no target: 2026-06-30, 2026年6月, Q4.
_DATE_LIKE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?")


# Words the quantity pattern takes after a number that are not its unit: ` 45 by`, ` 30 to`.
_CONNECTOR = re.compile(r"\s+(?:to|by|from|and|in|within|at|on|of|for)$", re.IGNORECASE)


def stated_target(title: str, target: str | None, said_target: bool) -> str:
    """The target a key result shows: its `target` field, else (when its sentence states a
    target, `said_target`) the last quantity of the sentence that is not part of a date, a
    year or a period (`核心交易链路可用性达到99.95%` -> `99.95%`; `from 30 to 45 by 2026-06-30`
    -> `45`; `4.6 分以上 by end of Q4` -> `4.6 分以上`); "" for none."""
    if target is not None or not said_target:
        return target or ""
    shown = _sentence_quantities(title)
    return shown[-1][1] if shown else ""


# What opens a baseline in a sentence, just before its first quantity: 从120万, 由 30, from 30.
_FROM = re.compile(r"(?:从|從|由|from)\s*$", re.IGNORECASE)


def stated_baseline(title: str, baseline: str | None, said_target: bool) -> str:
    """The baseline a key result shows: its `baseline` field, else, when its sentence states
    a target (`said_target`) and reads `from <baseline> to <target>`, the first of its
    quantities that `stated_target` would also read (`月活跃用户数从120万增长到132万` ->
    `120万`); "" for none."""
    if baseline is not None or not said_target:
        return baseline or ""
    shown = _sentence_quantities(title)
    if len(shown) >= 2 and shown[0][0] >= 0 and _FROM.search(title[:shown[0][0]]):
        return shown[0][1]
    return ""


def _sentence_quantities(title: str) -> list[tuple[int, str]]:
    """(offset, text as written) of each quantity of `title` that is not part of a date, a
    year or a period, in order."""
    dates = [m.span() for m in _DATE_LIKE.finditer(title)]
    # the quantities are read in Simplified script; what is shown is the title's own text
    folded = simplified(title)
    if len(folded) != len(title):
        folded = title
    out: list[tuple[int, str]] = []
    at = 0
    for q in quantities(title):
        core = _CONNECTOR.sub("", q.text.strip())
        i = folded.find(core, at)
        if i >= 0:
            at = i + len(core)
            core = title[i:at]
            if any(a <= i < b for a, b in dates) or (i > 0 and title[i - 1].isascii()
                                                     and title[i - 1].isalpha()):
                continue  # 2026-06-30, Q4, H1, P95, FY2025
        if q.kind == "count" and not q.unit and q.value.is_integer() and 1900 <= q.value <= 2100:
            continue  # a year
        out.append((i, core))
    return out
