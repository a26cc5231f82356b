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


MEETING = """\
- {kind: Team, id: us, name: 美西仓, lead: amy, members: [amy]}
- {kind: Person, id: amy, name: Amy}
- {kind: Meeting, id: sync, name: 周会, owner: us, attendees: [us], %s}
"""


@pytest.mark.parametrize(("written", "hint"), [
    ("cadence: 每周三 9:00 CST", "write the one meant as `timezone:` (Asia/Shanghai / "
     "America/Chicago) and leave the abbreviation out of the cadence"),
    ("cadence: 每周三 9:00, timezone: CST", "write the one meant as `timezone:` "
     "(Asia/Shanghai / America/Chicago)")])
def test_an_ambiguous_zone_is_told_the_zones_it_may_mean(write_org, written: str,
                                                          hint: str) -> None:
    # (trial 6: the hint offered America/Los_Angeles and Asia/Singapore for a CST)
    run = run_cli("check", str(write_org({"o.yaml": MEETING % written})), "--isolated",
                  "--no-cache", "--lang", "en", "--format", "json")
    found = [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]
             if f["code"] == "MT006"]
    assert found == [("MT006", 3, hint)]


def test_the_chat_message_tells_its_readers_no_command_to_run(tmp_path) -> None:
    # (trial 6: the command named no org; trial 23: a chat reader runs no command at all:
    # without --link the message ends with what it found)
    run = run_cli("report", "examples/minimal", "--format", "chat", "--lang", "en")
    assert run.stdout.endswith("\nNo problems found.\n") and "orgspec" not in run.stdout


@pytest.mark.parametrize(("text", "where", "hint"), [
    ("- kind: Person\n  id: a\n  name: 甲\n - kind: Person\n  id: b\n  name: 乙\n",
     (4, 2), "move the `-` to start after 0 spaces, like the item above (its fields follow it)"),
    ("- kind: Process\n  id: p\n  name: 流程\n  owner: a\n  steps:\n    - id: a\n      name: x\n"
     "     - id: pay\n      name: y\n",
     (8, 6), "move the `-` to start after 4 spaces, like the item above (its fields follow it)")])
def test_a_list_item_out_of_line_is_told_to_move_its_dash(write_org, text: str,
                                                          where: tuple[int, int],
                                                          hint: str) -> None:
    # (trial 6: the hint said to indent the item's first field, which gave a second error)
    run = run_cli("check", str(write_org({"o.yaml": text})), "--isolated", "--no-cache",
                  "--lang", "en", "--format", "json")
    found = [((f["line"], f["column"]), f["hint"]) for f in run.json()["findings"]
             if f["code"] == "IN001"]
    assert found == [(where, hint)]
