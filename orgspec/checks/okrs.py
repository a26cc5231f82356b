"""OKRs: every key result measurable, every objective owned, aligned and sized, zh and en."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from itertools import islice
from typing import Any

from orgspec.checks.placeholders import seat_hint
from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Related
from orgspec.i18n import M
from orgspec.model.krname import key_result_named
from orgspec.model.models import KeyResult, Objective, is_unowned
from orgspec.model.okr import (
    Judged,
    KeyResultValues,
    comparable,
    judged,
    key_result_values,
    period_bounds,
    period_range,
    scale_word,
    stated_baseline,
    stated_target,
)
from orgspec.model.org import ident_of, node_key
from orgspec.model.teamtree import TeamTree, pointer_cycles
from orgspec.model.validate import period_fix
from orgspec.text.lazyre import lazy
from orgspec.text.measurable import (
    MISSING,
    Verdict,
    activity_verb,
    fiscal_year,
    rewrite_hint,
)
from orgspec.text.quantity import Quantity, named_value, parse_quantity

KR = tuple[str, Objective, int, KeyResult]
UNIT_KINDS = {"percent": M("percent"), "count": M("count"), "duration": M("duration"),
              "money": M("money"), "multiplier": M("multiplier"), "ratio": M("ratio")}


def _krs(ctx: RuleContext) -> Iterator[KR]:
    for oid, obj in ctx.org.objectives.items():
        for i, kr in enumerate(obj.key_results):
            yield oid, obj, i, kr


def _where(ctx: RuleContext, oid: str, i: int, field: str | None = None) -> Any:
    origin = ctx.org.origin("Objective", oid)
    return origin.locate("key_results", i, field) if field else origin.locate("key_results", i)


def _said(kr: KeyResult) -> str:
    """The key result as its messages quote it: its text and id (`model.krname`)."""
    return key_result_named(kr.title, kr.id)


def is_vague(v: Verdict) -> bool:
    """OK004's case: vague wording and no target value."""
    return bool(v.vague) and not v.target


def _judged(ctx: RuleContext) -> list[tuple[str, int, KeyResult, Judged]]:
    """Every key result's judgement (`model.okr.judged`, as the report and the site make
    it), computed once per run for OK003, OK004 and OK005."""
    return ctx.shared.memo("okr-verdicts", lambda: [
        (oid, i, kr, judged(ctx.org.incomplete, oid, obj, kr))
        for oid, obj, i, kr in _krs(ctx)])


def _verdicts(ctx: RuleContext) -> Iterator[tuple[str, int, KeyResult, Verdict]]:
    for oid, i, kr, j in _judged(ctx):
        yield oid, i, kr, j.verdict


def example_due(obj: Objective, kr: KeyResult,
                dropped: dict[str, Any] | None = None) -> dt.date | None:
    """The deadline of the example in OK003's and OK004's hint: the last day of the
    objective's period (a Q3 objective's example is due by 9月30日, never 3月31日), or of
    the period its unreadable `period` (in `dropped`, the fields the objective lost) is
    read as by SC003's fix (`2026Q1`: 2026-Q1, trial 36); with an open end, the last day
    of the quarter it starts in; else the key result's own `due`; else None (the example's
    own date)."""
    span = period_range(obj)
    written = (dropped or {}).get("period")
    if span is None and isinstance(written, str):
        fix = period_fix(written)
        if fix is not None and _PERIOD.fullmatch(fix):
            span = period_bounds(fix)
    if span is not None and span[1] != dt.date.max:
        return span[1]
    if span is not None and span[0] != dt.date.min:
        last = (span[0].month - 1) // 3 * 3 + 3
        return dt.date(span[0].year, last, 31 if last in (3, 12) else 30)
    return kr.due


_PERIOD = lazy(r"[0-9]{4}(?:-(?:Q[1-4]|H[12]))?")  # as `period_bounds` reads one


def _dropped(ctx: RuleContext, oid: str) -> dict[str, Any]:
    """The fields of objective `oid` dropped as invalid, each with the value written."""
    return ctx.org.incomplete.get(node_key("objective", oid), {})


@check("OK003", local=True)
def key_result_not_measurable(ctx: RuleContext) -> Iterator[Issue]:
    """A key result that lacks a metric, a target value or a time bound."""
    for oid, i, kr, j in _judged(ctx):
        # a `target` that is not a number is OK006's finding; OK003 does not repeat it; a
        # time bound whose field was dropped as invalid is the schema finding's
        missing = [m for m in j.missing if m != "a target value" or kr.target is None]
        if missing and not is_vague(j.verdict):
            fiscal = fiscal_year(kr.title) if missing == ["a time bound"] else None
            yield Issue(M("key result {kr!r} of {objective!r} is not measurable: {missing}",
                          kr=_said(kr), objective=oid, missing=[MISSING[m] for m in missing]),
                        _where(ctx, oid, i, "title"), node_key("objective", oid),
                        hint=_fiscal_hint(fiscal) if fiscal else
                        rewrite_hint(kr.title, example_due(ctx.org.objectives[oid], kr,
                                                           _dropped(ctx, oid)),
                                     ctx.shared.today))


# A quarter or a half of a fiscal year (FY2026 Q3, FY26-H1, 2026财年第三季度, 2026财年上半年).
_FISCAL_PART = lazy(r"[Qq](?P<q>[1-4])|[Hh](?P<h>[12])|第(?P<zq>[一二三四])季|(?P<zh>[上下])半年")
# The month a part ends in, for a fiscal year that runs from April to March.
_PART_END = {"q": {1: 6, 2: 9, 3: 12, 4: 3}, "zq": {1: 6, 2: 9, 3: 12, 4: 3},
             "h": {1: 9, 2: 3}, "zh": {1: 9, 2: 3}}


def _fiscal_hint(fiscal: str) -> M:
    """OK003's hint when the only time bound a key result names is a fiscal year (FY2026,
    2026财年): no time bound, as `period: FY2026` is none (SC003), since its months are the
    company's; the example is a fiscal year that ends in March, as SC003's."""
    said = unicodedata.normalize("NFKC", fiscal)
    digits = re.search(r"\d{2,4}", said)  # FY26 Q3: 26
    year = int(digits.group()) if digits else 2026
    year += 2000 if year < 100 else 0
    part = _FISCAL_PART.search(said[digits.end():] if digits else said)
    if part:  # FY2026 Q3 is a quarter, not the year (trial 33b: it was told `due: 2026-03-31`)
        kind, said_n = next((k, v) for k, v in part.groupdict().items() if v)
        n = int(said_n) if said_n.isdigit() else "一二三四上下".index(said_n) % 4 + 1
        month = _PART_END[kind][n]
        last = dt.date(year - (month > 3), month, 31 if month in (3, 12) else 30)
        return M("{fiscal!r} is part of a fiscal year, and its months are the company's: "
                 "write the key result's `due` (for a fiscal year that ends in March, it "
                 "ends on {last}: `due: {last}`), or the objective's `start` and `end`",
                 fiscal=fiscal, last=last.isoformat())
    return M("{fiscal!r} is a fiscal year, and its months are the company's: write the key "
             "result's `due` (for a fiscal year that ends in March: `due: {last}`), or the "
             "objective's `start` and `end`", fiscal=fiscal,
             last=dt.date(year, 3, 31).isoformat())


@check("OK004", local=True)
def vague_key_result(ctx: RuleContext) -> Iterator[Issue]:
    """Vague wording (提升, 优化, improve, ensure ...) with no number to judge it by."""
    for oid, i, kr, v in _verdicts(ctx):
        if is_vague(v):
            yield Issue(M("key result {kr!r} of {objective!r} is vague: {words} without a "
                          "target value", kr=_said(kr), objective=oid,
                          words=[repr(w) for w in v.vague]),
                        _where(ctx, oid, i, "title"), node_key("objective", oid),
                        hint=rewrite_hint(kr.title, example_due(ctx.org.objectives[oid], kr,
                                                                _dropped(ctx, oid)),
                                          ctx.shared.today))


@check("OK005", local=True)
def activity_key_result(ctx: RuleContext) -> Iterator[Issue]:
    """A key result that is an activity or output (上线, 召开, launch, hold) not an outcome."""
    for oid, i, kr, v in _verdicts(ctx):
        verb = None if kr.metric else activity_verb(kr.title, v)
        if verb:
            hint, beside = _activity_hint(kr, v, verb)
            message = M("key result {kr!r} of {objective!r} puts an activity ({verb!r}) beside "
                        "its outcome", kr=_said(kr), objective=oid, verb=verb) if beside else \
                M("key result {kr!r} of {objective!r} is an activity ({verb!r}), not an "
                  "outcome", kr=_said(kr), objective=oid, verb=verb)
            yield Issue(message, _where(ctx, oid, i, "title"), node_key("objective", oid),
                        hint=hint)


def _activity_hint(kr: KeyResult, v: Verdict, verb: str) -> tuple[M, bool]:
    """OK005's hint, and whether the key result states an outcome beside its activity: when it
    already says what changes from what to what (完成3.0版本上线，直播卡顿率从2%降到0.5%), or
    names a target in a clause of its own (上线2.0版本，3月31日前新用户留存达到60%), to keep that
    and move the activity to the plan; else what to measure instead (召开4次复盘会 counts the
    activity itself)."""
    baseline = stated_baseline(kr.title, kr.baseline, v)
    target = stated_target(kr.title, kr.target, v)
    if baseline and target:
        return M("it already measures a change ({baseline} → {target}): keep that as the key "
                 "result, and put the activity ({verb!r}) in the plan as a task",
                 baseline=baseline, target=target, verb=verb), True
    if target and kr.target is None and _clause_apart(kr.title, verb, target):
        return M("it already states its target ({target}): keep that as the key result, and "
                 "put the activity ({verb!r}) in the plan as a task", target=target,
                 verb=verb), True
    return M("say what changes when it is done, and by how much"), False


# What ends a clause: a comma that is not a thousands separator (1,200), a semicolon, a stop
# (as `model.okr` reads a baseline in its target's clause only).
_CLAUSE_BREAK = re.compile(r"[，；;。]|,(?!\d)")


def _clause_apart(title: str, verb: str, target: str) -> bool:
    """Whether `target` stands in a clause of `title` without the activity `verb` (both as
    written): `上线2.0版本，新用户留存达到60%`, not `召开4次复盘会` (the count of the activity)."""
    return any(target in clause and verb.casefold() not in clause.casefold()
               for clause in _CLAUSE_BREAK.split(title))


def _valued(ctx: RuleContext) -> list[tuple[str, int, KeyResult, KeyResultValues]]:
    """Every key result with its values (fields, else its sentence), in `_krs` order; once
    per run for OK007-OK010."""
    objectives = ctx.org.objectives
    valued: list[tuple[str, int, KeyResult, KeyResultValues]] = ctx.shared.memo(
        "okr-values", lambda: [(oid, i, kr, key_result_values(objectives[oid], kr, v))
                               for oid, i, kr, v in _verdicts(ctx)])
    return valued


def _at(ctx: RuleContext, oid: str, i: int, vals: KeyResultValues, field: str) -> Any:
    """A value's place: its field, or the title when the sentence gave it."""
    return _where(ctx, oid, i, "title" if field in vals.said else field)


@check("OK006", local=True)
def non_numeric_value(ctx: RuleContext) -> Iterator[Issue]:
    """A target or baseline that is not a number (\"high\", \"TBD\", \"更好\")."""
    for oid, _obj, i, kr in _krs(ctx):
        for name in ("baseline", "target", "current"):
            value = getattr(kr, name)
            if value is not None and parse_quantity(value) is None:
                yield Issue(M("{field} {value!r} of key result {kr!r} is not a number",
                              field=name, value=value, kr=_said(kr)),
                            _where(ctx, oid, i, name), node_key("objective", oid),
                            hint=_value_hint(ctx, oid, kr, name, value))


def _value_hint(ctx: RuleContext, oid: str, kr: KeyResult, field: str, value: str) -> M:
    """OK006's hint. A value that names a version or a time (`target: v2.0`, `Q4`, `FY2026`)
    is no amount written otherwise: `target: 2.0` would pass a key result that is still not
    measurable, so the hint says what to write instead (what the release changes as `metric`;
    the date as `due`, due in the objective's period); else, a number."""
    kind = named_value(value)
    if kind == "version":
        return M("{value!r} is a version: it says which release, not how much; write what the "
                 "release should change as `metric` and the value as `{field}`, a number "
                 "(e.g. `metric: checkout conversion rate`, `{field}: 4.5%`)",
                 value=value, field=field)
    if kind == "when":
        due = example_due(ctx.org.objectives[oid], kr, _dropped(ctx, oid)) or \
            dt.date(ctx.shared.today.year, 12, 31)
        return M("{value!r} says when, not how much: write the date as `due` (e.g. `due: "
                 "{due}`) and the value as `{field}`, a number (1.32M, 120万, 99.95%, 2h)",
                 value=value, due=due.isoformat(), field=field)
    return M("write a number, with a unit if it has one: 1.32M, 120万, 99.95%, 2h, 4.6/5")


@check("OK007", local=True)
def target_equals_baseline(ctx: RuleContext) -> Iterator[Issue]:
    """A target that equals the baseline (unless the direction is `maintain`), in the fields
    or the sentence (`NPS从30提升到30`)."""
    for oid, i, kr, vals in _valued(ctx):
        base, target = vals.numbers()
        if base and target and vals.paired() and base.value == target.value \
                and vals.direction != "maintain":
            yield Issue(M("key result {kr!r} has target equal to its baseline ({target})",
                          kr=_said(kr), target=vals.target), _at(ctx, oid, i, vals, "target"),
                        node_key("objective", oid),
                        hint=M("set the value to reach, or `direction: maintain`"))


@check("OK008", local=True)
def direction_contradicts_target(ctx: RuleContext) -> Iterator[Issue]:
    """`direction: increase` with a lower target, or `decrease` with a higher one; the
    direction, baseline and target in the fields or the sentence (`退货率从5%降低到8%`)."""
    for oid, i, kr, vals in _valued(ctx):
        base, target = vals.numbers()
        if not (base and target and vals.paired()) or vals.direction is None:
            continue
        wrong = (vals.direction == "increase" and target.value < base.value) or \
            (vals.direction == "decrease" and target.value > base.value)
        if wrong:
            text = M("key result {kr!r} of {objective!r} should increase, but its target "
                     "{target} is below its baseline {baseline}", kr=_said(kr), objective=oid,
                     target=vals.target, baseline=vals.baseline) \
                if vals.direction == "increase" else \
                M("key result {kr!r} of {objective!r} should decrease, but its target {target} "
                  "is above its baseline {baseline}", kr=_said(kr), objective=oid,
                  target=vals.target, baseline=vals.baseline)
            yield Issue(text, _at(ctx, oid, i, vals, "direction"),
                        node_key("objective", oid), hint=M("fix the direction or the target"))


@check("OK009", local=True)
def due_outside_period(ctx: RuleContext) -> Iterator[Issue]:
    """A key result due before or after its objective's period (an inverted period is
    OK016's finding alone); the date in `due` or the sentence (`（6月30日前）`)."""
    for oid, i, kr, vals in _valued(ctx):
        obj = ctx.org.objectives[oid]
        span = period_range(obj)
        due = vals.due
        if due and span and span[0] <= span[1] and not span[0] <= due <= span[1]:
            yield Issue(M("key result {kr!r} is due {due}, outside the period of objective "
                          "{objective!r} ({start} to {end})", kr=_said(kr), due=due, objective=oid,
                          start=span[0], end=span[1]), _at(ctx, oid, i, vals, "due"),
                        node_key("objective", oid),
                        hint=M("move the date into the period, or the key result to another "
                               "objective"))


@check("OK010", local=True)
def unit_mismatch(ctx: RuleContext) -> Iterator[Issue]:
    """Baseline and target in different units (a percentage and a count, hours and yuan, `132人`
    and `132万`), in the fields or the sentence; and a `current` value in another unit than
    the target (its progress cannot be told)."""
    for oid, i, kr, vals in _valued(ctx):
        base, target = vals.numbers()
        if base and target and not vals.paired():
            yield Issue(M("key result {kr!r} has baseline {baseline} ({base_kind}) and "
                          "target {target} ({target_kind}) in different units", kr=_said(kr),
                          baseline=vals.baseline, base_kind=_unit_of(base),
                          target=vals.target, target_kind=_unit_of(target)),
                        _at(ctx, oid, i, vals, "target"), node_key("objective", oid),
                        hint=M("write both in the same unit"))
        current = vals.current_number()
        if current and target and not comparable(current, target):
            yield Issue(M("key result {kr!r} has current value {current} ({current_kind}) and "
                          "target {target} ({target_kind}) in different units: its progress "
                          "cannot be told", kr=_said(kr), current=vals.current,
                          current_kind=_unit_of(current), target=vals.target,
                          target_kind=_unit_of(target)),
                        _where(ctx, oid, i, "current"), node_key("objective", oid),
                        hint=M("write both in the same unit"))


def _unit_of(q: Quantity) -> M | str:
    """What a value counts, in words: its kind (`percent`), or for a count its measure word
    or scale word (`人`, `万`)."""
    if q.kind == "count" and (q.unit or scale_word(q)):
        return q.unit or scale_word(q)
    return UNIT_KINDS.get(q.kind, q.kind)


@check("OK001", local=True)
def objective_without_key_results(ctx: RuleContext) -> Iterator[Issue]:
    """An objective with no key results cannot be judged met or missed."""
    for oid, obj in ctx.org.objectives.items():
        if not obj.key_results:
            yield Issue(M("objective {objective!r} has no key results", objective=oid),
                        ctx.org.origin("Objective", oid).locate("id"), node_key("objective", oid),
                        hint=M("add 2 to 5 measurable key results"))


@check("OK002", local=True)
def too_many_key_results(ctx: RuleContext) -> Iterator[Issue]:
    """More key results than the option allows (default 5) dilutes focus."""
    limit = int(ctx.options["max"])
    for oid, obj in ctx.org.objectives.items():
        if len(obj.key_results) > limit:
            yield Issue(M("objective {objective!r} has {count} key results, more than "
                          "{limit}", objective=oid, count=len(obj.key_results), limit=limit),
                          ctx.org.origin("Objective", oid).locate(
                            "key_results", limit), node_key("objective", oid),
                        hint=M("keep the few that matter; move the rest to another "
                               "objective"))


@check("OK011", local=True)
def objective_without_owner(ctx: RuleContext) -> Iterator[Issue]:
    """An objective nobody owns (no owner, a placeholder, or an open seat)."""
    for oid, obj in ctx.org.objectives.items():
        if is_unowned(obj.owner):
            origin = ctx.org.origin("Objective", oid)
            where = origin.value("owner") if obj.owner else origin.locate("id")
            said = M(" (written as {value!r})", value=obj.owner) if obj.owner else ""
            yield Issue(M("objective {objective!r} has no owner{said}", objective=oid,
                          said=said), where,
                        node_key("objective", oid),
                        hint=seat_hint(M("name the team that owns it"), "owner", obj.owner))


@check("OK016", local=True)
def period_ends_before_it_starts(ctx: RuleContext) -> Iterator[Issue]:
    """An objective whose `start` is after its `end` (a period that covers no day)."""
    for oid, obj in ctx.org.objectives.items():
        if obj.start and obj.end and obj.start > obj.end:
            origin = ctx.org.origin("Objective", oid)
            yield Issue(M("objective {objective!r} starts on {start}, after it ends on {end}",
                          objective=oid, start=obj.start, end=obj.end),
                        origin.locate("start"), node_key("objective", oid),
                        related=(Related(origin.locate("end"),
                                         M("it ends here, on {end}", end=obj.end)),),
                        hint=M("swap the two dates, or correct the one that is wrong"))


@check("OK017", local=True)
def period_disagrees_with_dates(ctx: RuleContext) -> Iterator[Issue]:
    """An objective with a `period` and a `start` or `end` that is not that period's first
    or last day: the two say different things, and the dates win silently (`period_range`).
    One finding, at `period`, the dates that disagree as related; an inverted period is
    OK016's finding alone."""
    for oid, obj in ctx.org.objectives.items():
        if not obj.period or not (obj.start or obj.end):
            continue
        if obj.start and obj.end and obj.start > obj.end:
            continue
        first, last = period_bounds(obj.period)
        wrong = [(name, day) for name, day, bound in (("start", obj.start, first),
                                                      ("end", obj.end, last))
                 if day is not None and day != bound]
        if not wrong:
            continue
        origin = ctx.org.origin("Objective", oid)
        field, day = wrong[0]
        yield Issue(M("objective {objective!r}: `period` {period} runs from {first} to {last}, "
                      "but `{field}` is {day}", objective=oid, period=obj.period, first=first,
                      last=last, field=field, day=day),
                    origin.locate("period"), node_key("objective", oid),
                    related=tuple(Related(origin.locate(name), M("`{field}` is {day} here",
                                                                 field=name, day=d))
                                  for name, d in wrong),
                    hint=M("keep either `period` or `start` and `end`; when both are written, "
                           "orgspec reads the dates"))


@check("OK012", graph=False, kinds=("Objective",), text=())
def alignment_cycle(ctx: RuleContext) -> Iterator[Issue]:
    """Objectives that align to each other in a circle (found with SCCs). The org graph's
    `aligns_to` edges, read from the objectives (not by a scan of every edge of the org
    graph); each objective aligns to one, so a cycle is found by walking (`pointer_cycles`)."""
    objectives = ctx.org.objectives
    up = {node_key("objective", oid): node_key("objective", obj.aligns_to)
          for oid, obj in objectives.items() if obj.aligns_to in objectives}
    for component in pointer_cycles(up):
        names = sorted(ident_of(n) for n in component)
        oid = names[0]
        yield Issue(M("objectives align in a cycle: {cycle}", cycle=" -> ".join(names[:20])),
                    ctx.org.origin("Objective", oid).locate("aligns_to"),
                    node_key("objective", oid),
                    related=tuple(Related(ctx.org.origin("Objective", n).locate("aligns_to"),
                                          M("{objective} aligns to {target}", objective=n,
                                            target=ctx.org.objectives[n].aligns_to))
                                  for n in names[1:20]),
                    hint=M("alignment points up, to a broader objective"))


def _owned(ctx: RuleContext) -> dict[str, list[str]]:
    """Team -> the ids of the objectives it owns, once per run."""
    def build() -> dict[str, list[str]]:
        owned: dict[str, list[str]] = {}
        for oid, obj in ctx.org.objectives.items():
            if obj.owner:
                owned.setdefault(obj.owner, []).append(oid)
        return owned

    table: dict[str, list[str]] = ctx.shared.memo("okr:owned", build)
    return table


def _tree(ctx: RuleContext) -> TeamTree:
    """The team tree, marking teams that own objectives; once per run (O(1) questions,
    not a walk up the tree per objective or key result)."""
    owned = _owned(ctx)
    tree: TeamTree = ctx.shared.memo("okr:tree", lambda: TeamTree(ctx.org, owned.__contains__))
    return tree


def _can_align(obj: Objective, target: Objective) -> bool:
    """Whether `obj` may align to `target`: their periods share a day and the target's is
    not the shorter (a year's objective never serves a quarter's); an objective without a
    period may align, or be aligned to, either way."""
    x, y = period_range(obj), period_range(target)
    return x is None or y is None or (
        x[0] <= y[1] and y[0] <= x[1] and (y[1] - y[0]) >= (x[1] - x[0]))


MAX_ABOVE = 1000  # objectives above one that OK013 compares periods with, nearest first


@check("OK013", graph=False, kinds=("Objective", "Team"), text=())
def orphan_objective(ctx: RuleContext) -> Iterator[Issue]:
    """An objective aligned to nothing although a parent team has objectives to align to in
    the same period, none of them for a shorter one (`_can_align`); the hint names one whose
    period covers the objective's first."""
    owned, tree, objectives = _owned(ctx), _tree(ctx), ctx.org.objectives
    for oid, obj in objectives.items():
        if obj.aligns_to is not None or obj.owner not in ctx.org.teams:
            continue
        # Bounded: the nearest 50 candidates are enough to name five, covering ones first;
        # and at most MAX_ABOVE objectives above are looked at, so a deep chain of teams
        # whose periods never meet is not walked to the root for every objective.
        nearest = islice((o for team in tree.marked_above(obj.owner) for o in owned[team]),
                         MAX_ABOVE)
        above = list(islice((o for o in nearest if _can_align(obj, objectives[o])), 50))
        span = period_range(obj)
        above.sort(key=lambda o: not (span and (s := period_range(objectives[o])) is not None
                                      and s[0] <= span[0] and span[1] <= s[1]))
        if above:
            yield Issue(M("objective {objective!r} aligns to nothing, though {above} above "
                          "it could", objective=oid, above=[M("{id!r}", id=o) for o in above[:5]]),
                        ctx.org.origin("Objective", oid).locate("id"), node_key("objective", oid),
                        hint=M("set `aligns_to: {id}` (or another parent objective)",
                               id=above[0]))


@check("OK014", graph=False, kinds=("Objective", "Team"), text=())
def kr_owner_outside_team(ctx: RuleContext) -> Iterator[Issue]:
    """A key result owned by a team outside its objective owner's team tree."""
    org = ctx.org
    for oid, obj, i, kr in _krs(ctx):
        if kr.owner not in org.teams or obj.owner not in org.teams:
            continue
        if kr.owner != obj.owner and not _tree(ctx).is_ancestor(obj.owner, kr.owner):
            yield Issue(M("key result {kr!r} of {objective!r} is owned by {owner!r}, outside "
                          "the team tree of {team!r}", kr=_said(kr), objective=oid, owner=kr.owner,
                          team=obj.owner), _where(ctx, oid, i, "owner"),
                        node_key("objective", oid),
                        hint=M("give it to the objective's team or one below it"),
                        teams=(obj.owner, kr.owner))


@check("OK015", graph=False, kinds=("Objective", "Team"), text=())
def team_without_objective(ctx: RuleContext) -> Iterator[Issue]:
    """A team with no objective covering today (the `date` option overrides today)."""
    day = ctx.options["date"]
    today = dt.date.fromisoformat(day) if day else ctx.shared.today
    covered = {obj.owner for obj in ctx.org.objectives.values()
               if (span := period_range(obj)) and span[0] <= today <= span[1]}
    for tid in ctx.org.teams:
        if tid not in covered:
            yield Issue(M("team {team!r} has no objective for the current period ({today})",
                          team=tid, today=today), ctx.org.origin("Team", tid).locate("id"),
                        node_key("team", tid), hint=M("add an objective for this period"))
