"""OKR rules: the quantity parser, measurability on the labelled corpus, and the example."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES, REPO
from okr_eval import confusion, labelled

from orgspec.engine.lint import lint
from orgspec.model.models import KeyResult, Objective
from orgspec.model.okr import period_range, verdict
from orgspec.text.quantity import parse_quantity, zh_number


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("10%", 10, "percent"), ("1.2M", 1_200_000, "count"), ("120万", 1_200_000, "count"),
    ("5亿元", 500_000_000, "money"), ("2h", 7200, "duration"), ("2小时", 7200, "duration"),
    ("99.95%", 99.95, "percent"), ("4.6/5", 4.6, "ratio"), ("P95 < 1.5s", 1.5, "duration"),
    ("3.0x", 3.0, "multiplier"), ("30m", 1800, "duration"), ("1,200,000", 1_200_000, "count"),
    ("一百二十万", 1_200_000, "count"), ("两倍", 2, "multiplier"), ("¥150", 150, "money"),
    ("2 weeks", 1_209_600, "duration"), ("3个工作日", 259_200, "duration"),
])
def test_quantity_parser(text: str, value: float, kind: str) -> None:
    q = parse_quantity(text)
    assert q is not None and (q.value, q.kind) == (pytest.approx(value), kind)


@pytest.mark.parametrize("text", ["high", "TBD", "更好", "尽快", "", "ASAP"])
def test_not_quantities(text: str) -> None:
    assert parse_quantity(text) is None


def test_comparators_and_chinese_numerals() -> None:
    assert parse_quantity("不低于99.95%").comparator == ">="
    assert parse_quantity("below 2 hours").comparator == "<="
    assert [zh_number(t) for t in ("十五", "两", "三千五百", "一亿二千万")] == [
        15, 2, 3500, 120_000_000]


def test_periods() -> None:
    def rng(period: str) -> tuple[dt.date, dt.date] | None:
        return period_range(Objective(kind="Objective", id="o", title="t", period=period))

    assert rng("2026-Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert rng("2026-Q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert rng("2026-H2") == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert rng("2026") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize("title", [
    "月活跃用户数从120万增长到132万", "平台可用性不低于99.95%",
    "Average first response time below 2 hours",
    "Increase checkout conversion by 20%", "NPS at least 3.0", "每月活跃用户数量增加至少10%"])
def test_the_issue_phrasings_are_measurable(title: str) -> None:
    obj = Objective(kind="Objective", id="o", title="t", period="2026-Q1")
    assert verdict(obj, KeyResult(id="k", title=title)).missing == []


def test_corpus_is_large_and_balanced() -> None:
    items = labelled()
    assert len(items) >= 200
    for lang in ("zh", "en"):
        flags = [nm for nm, lg, _, _ in items if lg == lang]
        assert len(flags) >= 100 and sum(flags) >= 40 and len(flags) - sum(flags) >= 40
    structured = [kr for _, _, _, kr in items
                  if any((kr.metric, kr.baseline, kr.target, kr.direction))]
    assert len(structured) >= 40


def test_not_measurable_detection_precision_and_recall() -> None:
    c = confusion()
    assert c["tp"] / (c["tp"] + c["fp"]) >= 0.9
    assert c["tp"] / (c["tp"] + c["fn"]) >= 0.9


def test_docs_report_the_confusion_matrix() -> None:
    doc = (REPO / "docs" / "okrs.md").read_text("utf-8")
    for lang in ("all", "zh", "en"):
        c = confusion(None if lang == "all" else lang)
        p, r = c["tp"] / (c["tp"] + c["fp"]), c["tp"] / (c["tp"] + c["fn"])
        row = f"| {lang} | {c['tp']} | {c['fp']} | {c['fn']} | {c['tn']} | {p:.3f} | {r:.3f} |"
        assert row in doc, f"docs/okrs.md is stale; expected row:\n{row}"


def test_ecommerce_flags_the_vague_key_result_and_passes_its_rewrite() -> None:
    result = lint([str(EXAMPLES / "ecommerce")])  # the recommended rules
    assert [(f.code, f.location.line, f.message) for f in result.findings
            if f.code.startswith("OK")] == [
        ("OK004", 26, "key result 'activity' of 'ops-2026q1-engagement' is vague: '提升' "
                      "without a target value"),
        ("OK003", 87, "key result 'weekly-review' of 'tech-2026q1-stability' is not "
                      "measurable: no target value"),
        ("OK005", 87, "key result 'weekly-review' of 'tech-2026q1-stability' is an activity "
                      "('召开'), not an outcome")]
