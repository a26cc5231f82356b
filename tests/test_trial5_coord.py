"""Trial 5 (a Taiwanese operations lead, fresh to orgspec): 工作天, Taiwan's word for a
working day, in step SLAs and meeting cadences."""

from __future__ import annotations

import pytest
from conftest import run_cli

from orgspec.model.schedule import schedule_of

PROC = """\
- {kind: Team, id: cs, name: 客服部, lead: lin, members: [lin]}
- {kind: Person, id: lin, name: 林雪}
- kind: Process
  id: refund
  name: 退款流程
  owner: cs
  steps:
    - {id: check, name: 審核, owner: cs, sla: %s}
"""


@pytest.mark.parametrize("sla", ["3個工作天", "1個工作天", "3个工作天", "2 工作天", "次工作天"])
def test_a_working_day_written_as_taiwan_does_is_a_duration(write_org, sla: str) -> None:
    run = run_cli("check", str(write_org({"o.yaml": PROC % sla})), "--isolated", "--no-cache",
                  "--format", "json")
    assert [f["code"] for f in run.json()["findings"] if f["code"] == "PR007"] == []


def test_a_sla_that_is_no_duration_is_still_said(write_org) -> None:
    run = run_cli("check", str(write_org({"o.yaml": PROC % "三個工作"})), "--isolated",
                  "--no-cache", "--format", "json")
    assert [(f["code"], f["line"]) for f in run.json()["findings"]
            if f["code"] == "PR007"] == [("PR007", 8)]


@pytest.mark.parametrize(("tw", "mainland"), [("每月最後一個工作天", "每月最後一個工作日"),
                                              ("每個工作天 9:30", "每個工作日 9:30"),
                                              ("工作天 09:00", "工作日 09:00")])
def test_a_cadence_with_gongzuotian_reads_as_with_gongzuori(tw: str, mainland: str) -> None:
    assert schedule_of(tw) == schedule_of(mainland)
    assert schedule_of(tw).cadence is not None


@pytest.mark.parametrize(("written", "time"), [
    ("每週一 PM2:00", "14:00"), ("每週一 pm 2:00", "14:00"), ("每週一 AM9:30", "09:30"),
    ("每週一 PM 2點", "14:00"), ("每週一 P.M. 2:30", "14:30")])
def test_am_or_pm_before_the_time_is_read(written: str, time: str) -> None:
    # (trial 5: 每週一 PM2:00, a common Taiwanese way to write the time, was MT002)
    sched = schedule_of(written)
    assert (sched.cadence, sched.days, sched.time) == ("weekly", (0,), time)
