"""User trial 33 (an OKR coach), years, dates and quarters (items 1, 2, 4, 5, 6 and the
`截止12/31` deadline; docs/okrs.md "Years, dates and quarters"):

1. A Taiwan (民國) year is a time bound, never a target: `115年底前上線新版APP` has no target
   (OK003, its hint naming the activity) and is due 2026-12-31.
2. A `target` or `baseline` that is a fiscal year, a version, a quarter or a 民國 year is no
   number (OK006, not OK003).
4. A 民國 date in a sentence is read as the Gregorian year (民國116年6月底前 is 2027-06-30),
   for OK009 and its message.
5. A quarter in a sentence is the deadline (the end of that quarter, of the year written or
   of the objective's period's year), checked against the period as `9月30日前` is.
6. `第三季`, `第3季` (Hong Kong, Taiwan) are time bounds, as `第三季度` and `Q3` are.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.model.okr import stated_due
from orgspec.text.measurable import assess
from orgspec.text.quantity import parse_quantity

TEAM = """\
- {kind: Team, id: cs, name: 客服部, lead: he, members: [he]}
- {kind: Person, id: he, name: 何丽}
"""  # 2 lines: the objective starts on line 3

OBJECTIVE = TEAM + """\
- kind: Objective
  id: o1
  title: 會員成長
  owner: cs
  WHEN
  key_results:
    - id: k1
      title: "TITLE"
      FIELDS
"""  # the key result's title is on line 10, its first field on line 11


def findings(write_org: Any, title: str, when: str = "period: \"2026\"", fields: str = "",
             lang: str = "en") -> list[tuple[str, int, str]]:
    folder: Path = write_org({"org.yaml": OBJECTIVE.replace("WHEN", when).replace(
        "TITLE", title).replace("FIELDS", fields)})
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang)
    return [(f["code"], f["line"], f["message"]) for f in run.json()["findings"]
            if f["code"].startswith("OK")]


def test_a_minguo_year_end_is_a_deadline_not_a_target(write_org: Any) -> None:
    found = findings(write_org, "115年底前上線新版APP", "period: 2026-Q3")
    assert [(c, line) for c, line, _ in found] == [("OK003", 10), ("OK009", 10)]
    assert found[0][2].endswith("is not measurable: no target value")
    assert "is due 2026-12-31, outside the period" in found[1][2]
    # under a period that holds its year-end, only the missing target is left
    assert [c for c, _, _ in findings(write_org, "115年底前上線新版APP")] == ["OK003"]
    # a Minguo year is no target: the sentence has none, as `年底前上線新版APP` has none
    assert not assess("民國115年會員數").target and not assess("115年底前上線新版APP").target


def test_following_the_hints_of_a_minguo_year_end_leads_to_a_clean_check(write_org: Any) -> None:
    """OK003 asks for a target; OK009 to move the date into the period (or the key result)."""
    assert findings(write_org, "115年9月30日前新版APP轉化率達到5%", "period: 2026-Q3") == []


@pytest.mark.parametrize(("title", "due"), [
    ("民國116年6月底前會員數達到50萬", "2027-06-30"),
    ("116年6月30日前會員數達到50萬", "2027-06-30"),
    ("民國116年12月31日前會員數達到50萬", "2027-12-31"),
    ("民国116年3月底前复购率达到30%", "2027-03-31"),
    ("116/3/31前會員數達到50萬", "2027-03-31"),
    ("114年12月31日前客訴率降到1%", "2025-12-31")])
def test_minguo_dates_are_read_as_gregorian_for_ok009(write_org: Any, title: str,
                                                      due: str) -> None:
    [(code, line, message)] = findings(write_org, title, lang="zh_Hant")
    assert (code, line) == ("OK009", 10)
    assert f"截止日期 {due} 不在目標 'o1' 的週期內（2026-01-01 至 2026-12-31）" in message


@pytest.mark.parametrize(("title", "period", "due"), [
    ("Q3 GMV 达到 5亿", "2026-Q4", "2026-09-30"),
    ("第三季度新增付费会员20万", "2026-Q4", "2026-09-30"),
    ("2026年Q4 广告ROI不低于3.5", "2026-Q3", "2026-12-31"),
    ("一季度GMV达到5亿", "2026-Q3", "2026-03-31"),
    ("Q1末GMV达到5亿", "2026-Q3", "2026-03-31"),
    ("第二季客訴率降到1%", "2026-Q3", "2026-06-30"),
    ("By end of Q2, reduce churn to 3%", "2026-Q3", "2026-06-30"),
    ("Q4 2026: grow GMV to $5M", "2026-Q3", "2026-12-31"),
    ("9月30日前GMV达到5亿", "2026-Q4", "2026-09-30")])  # as before
def test_a_quarter_in_the_sentence_is_checked_against_the_period(
        write_org: Any, title: str, period: str, due: str) -> None:
    [(code, line, message)] = findings(write_org, title, f"period: {period}")
    assert (code, line) == ("OK009", 10)
    assert f"is due {due}, outside the period of objective 'o1'" in message


@pytest.mark.parametrize(("title", "period"), [
    ("Q3 GMV 达到 5亿", "2026-Q3"), ("第三季會員數達到50萬", "2026-Q3"),
    ("第3季會員數達到50萬", "2026"), ("三季度复购率达到30%", "2026-Q3"),
    ("Reach 50,000 members in Q3", "2026-Q3"),
    ("FY2026 Q3 复购率达到25%", "2026-Q4"),  # a fiscal year's quarter: the company's months
    ("Q1→Q2 留存率提升到40%", "2026-Q1"),  # compares two quarters
    ("复购率从Q2的20%提升到25%", "2026-Q3"),  # the baseline's quarter
    ("每季度复购率不低于30%", "2026-Q3"), ("本季度GMV达到5亿", "2026-Q3")])
def test_a_quarter_inside_the_period_or_no_deadline_gives_nothing(
        write_org: Any, title: str, period: str) -> None:
    assert findings(write_org, title, f"period: {period}") == []


@pytest.mark.parametrize("title", ["第三季會員數達到50萬", "第3季會員數達到50萬",
                                   "第三季度會員數達到50萬", "Q3會員數達到50萬",
                                   "GMV达到5亿，截止12/31", "Revenue $5M, due 12/31"])
def test_hk_tw_quarters_and_a_month_day_are_time_bounds(write_org: Any, title: str) -> None:
    """No period: the sentence's own time bound makes it measurable (no OK003)."""
    assert findings(write_org, title, "") == []


def test_a_month_day_deadline_is_no_target() -> None:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import key_result_values

    obj = Objective(kind="Objective", id="o", title="t", period="2026-Q4")
    vals = key_result_values(obj, KeyResult(id="k", title="GMV达到5亿，截止12/31"))
    assert (vals.target, vals.due) == ("5亿", dt.date(2026, 12, 31))


@pytest.mark.parametrize(("value", "field"), [
    ("FY2026", "target"), ("2026财年", "target"), ("2026財年", "baseline"), ("v2.0", "target"),
    ("3.5版", "target"), ("Q4", "target"), ("民國115年", "target"), ("2026年Q4", "target")])
def test_a_fiscal_year_version_quarter_or_minguo_year_in_a_field_is_ok006(
        write_org: Any, value: str, field: str) -> None:
    other = "target: 5亿" if field == "baseline" else "baseline: 4亿"
    fields = f"metric: GMV\n      {field}: \"{value}\"\n      {other}"
    assert findings(write_org, "全年GMV", fields=fields) == [
        ("OK006", 12, f"{field} {value!r} of key result 全年GMV (k1) is not a number")]
    # the hint's example, followed: a number
    assert findings(write_org, "全年GMV", fields=fields.replace(value, "5亿" if field ==
                                                              "target" else "4亿")) == []


@pytest.mark.parametrize("value", ["618", "5亿", "4.8", "2.0x", "2026", "3个"])
def test_numbers_in_a_field_stay_numbers(value: str) -> None:
    assert parse_quantity(value) is not None


@pytest.mark.parametrize(("title", "year", "due"), [
    ("2026年底前GMV达到5亿", None, dt.date(2026, 12, 31)),
    ("第四季會員數從40萬增長到50萬", 2026, dt.date(2026, 12, 31)),
    ("Q3 GMV 达到 5亿", None, None),  # no year written, none known
    ("年底前GMV达到60亿元", 2026, None),  # as before: a year-end with no year is no date
    ("6月30日前Q3 GMV达到5亿", 2026, dt.date(2026, 6, 30))])  # a date before the quarter
def test_stated_due(title: str, year: int | None, due: dt.date | None) -> None:
    assert stated_due(title, year) == due


@pytest.mark.parametrize(("title", "due"), [
    ("Cut cart abandonment rate by 1/3", None),  # a fraction, not January 3
    ("Revenue $5M by 9/30", dt.date(2026, 9, 30)),
    ("Hit Q3 2000 new sellers", dt.date(2026, 9, 30))])  # 2000 sellers, not the year 2000
def test_fractions_and_counts_are_no_dates(title: str, due: dt.date | None) -> None:
    assert stated_due(title, 2026) == due
    assert assess(title).target
