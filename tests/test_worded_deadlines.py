"""Deadlines written in words (small36): `by end of 2026`, `by the end of Q3 2027`, `by FY2027
year-end`, `by mid-2027` got no deadline (and the year was read as the target: `to 2000 by end
of 2026` showed the target 2026), where `2026年底前` had one. Figures on the labelled sets:
tests/okr_eval.py --deadline --blind11 (docs/okrs.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config
from orgspec.model.models import KeyResult, Objective
from orgspec.model.okr import key_result_values, stated_due


@pytest.mark.parametrize(("title", "due"), [
    ("Grow active sellers to 2000 by end of 2026", dt.date(2026, 12, 31)),
    ("Grow active sellers to 2000 by the end of Q3 2027", dt.date(2027, 9, 30)),
    ("Grow active sellers to 2000 by FY2027 year-end", dt.date(2027, 12, 31)),
    ("Grow active sellers to 2000 by mid-2027", dt.date(2027, 6, 30)),
    ("Grow active sellers to 2000 by end-2027", dt.date(2027, 12, 31)),
    ("Grow active sellers to 2000 by 2026 year-end", dt.date(2026, 12, 31)),
    ("Grow active sellers to 2000 by the end of H1 2027", dt.date(2027, 6, 30)),
    ("Grow active sellers to 2000 by the end of September 2026", dt.date(2026, 9, 30)),
    ("Grow active sellers to 2000 by March 2027", dt.date(2027, 3, 31)),
    ("活跃卖家增加到 2000 家，2026年年底前", dt.date(2026, 12, 31)),
    ("2027年年中前會員數增加到5萬", dt.date(2027, 6, 30)),
    ("2027年下半年结束前会员数增加到5万", dt.date(2027, 12, 31)),
])
def test_a_deadline_in_words_is_read(title: str, due: dt.date) -> None:
    assert stated_due(title, 2026) == due


@pytest.mark.parametrize("title", [
    "Cut end-of-life SKUs from 300 to 100",
    "Answer 90% of chats by end of shift",
    "Close 98% of invoices by end of month",
    "Cut year-end stock write-offs from $50k to $20k",
    "Reach 5,000 downloads by the end of the 2026 Olympics",
    "Raise the 2025 cohort's repeat rate from 15% to 20%",
    "年终大促客单价从200元提升到260元",
])
def test_no_deadline_where_none_is_written(title: str) -> None:
    assert stated_due(title, 2026, whole_year=True) is None


def test_a_year_end_with_no_year_is_the_end_of_a_calendar_year_period() -> None:
    assert stated_due("Grow sellers to 900 by year-end", 2026, whole_year=True) == \
        dt.date(2026, 12, 31)
    assert stated_due("年底前会员数增加到3万", 2026, whole_year=True) == dt.date(2026, 12, 31)
    # under a quarter, as trial 33 pinned (年底前上線新版APP in 2026-Q3): not read
    assert stated_due("年底前会员数增加到3万", 2026) is None


@pytest.mark.parametrize(("title", "shown"), [
    ("Grow active sellers to 2000 by end of 2026", ("", "2000", dt.date(2026, 12, 31))),
    ("Reduce churn from 5% to 3% by Dec 31, 2026", ("5%", "3%", dt.date(2026, 12, 31))),
    ("Reduce churn from 5% to 3% by December 2026", ("5%", "3%", dt.date(2026, 12, 31))),
    ("Grow members from 150k to 200k by year end 2026", ("150k", "200k",
                                                          dt.date(2026, 12, 31))),
])
def test_the_year_is_no_target(title: str, shown: tuple[str, str, dt.date]) -> None:
    obj = Objective(kind="Objective", id="o", title="t", period="2026")
    v = key_result_values(obj, KeyResult.model_validate({"id": "kr", "title": title}))
    assert (v.baseline, v.target, v.due) == shown


ORG = """\
- {{kind: Team, id: t, name: T, lead: p, members: [p]}}
- {{kind: Person, id: p, name: P}}
- kind: Objective
  id: grow
  title: Grow the marketplace
  owner: t
  period: 2026-Q3
  key_results:
    - {{id: kr, title: "{title}"}}
"""


@pytest.mark.parametrize("title", ["Raise repeat purchase rate from 20% to 25% by end of 2026",
                                   "Raise repeat purchase rate from 20% to 25% by mid-2027"])
def test_a_deadline_after_the_period_is_ok009_alone(write_org, title: str) -> None:
    """Before: no deadline, the year read as the target (OK010: 20% against 2026) or none."""
    folder = write_org({"okr.yaml": ORG.format(title=title)})
    found = [(f.code, f.location.file.rsplit("/", 1)[-1], f.location.line)
             for f in lint([str(folder)], Config(lang="en"),
                           today=dt.date(2026, 8, 1)).findings if f.code.startswith("OK")]
    assert found == [("OK009", "okr.yaml", 9)]
