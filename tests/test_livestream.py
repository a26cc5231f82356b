"""A livestream company's operations director (trial 9, 陈静): two people share a name, a
typo held back findings it did not cause, an IME colon's hint gave half the fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config

TODAY = dt.date(2026, 6, 1)

ORG = """\
- kind: Team
  id: ops
  name: 运营部
  lead: chenjing
  members: [chenjing]
- kind: Team
  id: hosts
  name: 主播部
  lead: lina
  members: [lina, zhangwei]
- kind: Team
  id: tech
  name: 技术部
  lead: zhangwei2
  members: [zhangwei2]
- kind: Team
  id: wh
  name: 仓储物流
  lead: huang
  members: [huang]
- kind: Person
  id: chenjing
  name: 陈静
- kind: Person
  id: lina
  name: 李娜
- kind: Person
  id: zhangwei
  name: 张伟
  title: 主播
- kind: Person
  id: zhangwei2
  name: 张伟
  title: 后端开发
- kind: Person
  id: huang
  name: 黄磊
- kind: Responsibility
  id: live-ops
  name: 直播间运营
  accountable: ops
  responsible: [ops]
  consulted: [hosts]
- kind: Responsibility
  id: stream-tech
  name: 直播技术保障
  accountable: tech
  responsible: [tech]
- kind: Responsibility
  id: fulfilment
  name: 发货与物流
  accountable: wh
  responsible: [wh]
- kind: Process
  id: incident
  name: 直播事故应急
  owner: ops
  responsibility: live-ops
  steps:
    - {id: detect, name: 发现, owner: ops, next: [down, oversold]}
    - {id: down, name: 断流, owner: tech, next: [review]}
    - {id: oversold, name: 超卖, owner: wh, next: [review]}
    - {id: review, name: 复盘, owner: chenjing}
"""


def _lint(write_org, text: str, lang: str = "en") -> list[tuple[str, int, str]]:
    folder: Path = write_org({"org.yaml": text})
    return [(f.code, f.location.line, str(f.hint))
            for f in lint([str(folder)], Config(lang=lang), TODAY).findings]


def test_the_fixture_holds_only_its_two_handoffs(write_org) -> None:
    assert [(c, line) for c, line, _ in _lint(write_org, ORG)] == [("PR005", 61), ("PR005", 62)]


def test_a_typo_on_the_duty_holds_back_no_handoff_it_did_not_cause(write_org) -> None:
    """`responsible: [opz]` means `ops`; the steps handed to tech and wh have no role on
    the duty whether or not the typo is fixed: they are reported beside RF001."""
    found = _lint(write_org, ORG.replace("responsible: [ops]", "responsible: [opz]"))
    assert [(c, line) for c, line, _ in found] == [("RF001", 42), ("PR005", 61),
                                                   ("PR005", 62)]
    assert found[0][2] == "did you mean 'ops'?"


def test_a_typo_holds_back_each_handoff_it_causes_named_by_step(write_org) -> None:
    """`consulted: [hosts, tech、wh]` (one item, two teams meant): the two
    handoffs are held back, each named by its step, once."""
    found = _lint(write_org, ORG.replace("consulted: [hosts]", "consulted: [hosts, tech、wh]"))
    assert [(c, line) for c, line, _ in found] == [("RF001", 43)]
    assert found[0][2] == (
        "separate the items with ASCII commas: `consulted: [hosts, tech, wh]` "
        "(2 findings that follow from this mistake are held back until it is fixed: "
        "PR005 on step 'down' of process 'incident', PR005 on step 'oversold' of process "
        "'incident')")


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "流程 'incident' 步骤 'down' 的 PR005、流程 'incident' 步骤 'oversold' 的 PR005"),
    ("zh-Hant", "流程 'incident' 步驟 'down' 的 PR005、流程 'incident' 步驟 'oversold' 的 PR005")])
def test_the_held_back_note_names_each_step_in_chinese(write_org, lang: str, said: str) -> None:
    found = _lint(write_org, ORG.replace("consulted: [hosts]", "consulted: [hosts, tech、wh]"),
                  lang=lang)
    assert found[0][2].endswith(f"{said}）")


SHARED = ("张伟 is the name of more than one person: `zhangwei` (主播部 · 主播), "
          "`zhangwei2` (技术部 · 后端开发); write the id of the one meant")


@pytest.mark.parametrize(("old", "new", "line", "hint"), [
    ("accountable: ops", "accountable: 张伟", 41, SHARED),
    ("consulted: [hosts]", "consulted: [张伟]", 43, SHARED),
    ("consulted: [hosts]", "consulted: [李娜，张伟]", 43,
     "write the ids of those named, separated by ASCII commas: `consulted: [lina, 张伟]`; "
     + SHARED),
    ("consulted: [hosts]", "consulted: 李娜、张伟", 43,
     "'李娜、张伟' is one string: write the list `consulted: [lina, 张伟]`; " + SHARED),
    ("consulted: [hosts]", "consulted: [李娜，黄磊]", 43,
     "write the ids of those named, separated by ASCII commas: `consulted: [lina, huang]`"),
])
def test_a_name_two_people_share_is_said_as_both(write_org, old: str, new: str, line: int,
                                                 hint: str) -> None:
    found = _lint(write_org, ORG.replace(old, new))
    assert [(c, at, h) for c, at, h in found if c == "RF001"] == [("RF001", line, hint)]


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "张伟 是不止一个人员的名称：`zhangwei`（主播部 · 主播）、"
           "`zhangwei2`（技术部 · 后端开发）；请写所指那一个的 id"),
    ("zh-Hant", "张伟 是不止一個人員的名稱：`zhangwei`（主播部 · 主播）、"
                "`zhangwei2`（技术部 · 后端开发）；請寫所指那一個的 id")])
def test_a_shared_name_in_chinese(write_org, lang: str, hint: str) -> None:
    found = _lint(write_org, ORG.replace("accountable: ops", "accountable: 张伟"), lang=lang)
    assert [h for c, _, h in found if c == "RF001"] == [hint]


MEETING = """\
- kind: Meeting
  id: cs-weekly
  name: 客服周会
  cadence: 每周五 15:00
  {line}
  attendees: [hosts]
"""


def _colon_hints(write_org, line: str, lang: str = "en") -> list[tuple[str, str, int, str]]:
    folder: Path = write_org({"org.yaml": ORG, "meetings.yaml": MEETING.format(line=line)})
    return [(f.code, Path(f.location.file).name, f.location.line, str(f.hint))
            for f in lint([str(folder)], Config(lang=lang), TODAY).findings
            if f.code == "IN001"]


@pytest.mark.parametrize(("line", "hint"), [
    ("负责人：李娜", "write `owner: lina` (the field's English name, an ASCII colon and a space)"),
    ("owner：李娜", "write `owner: lina` (an ASCII colon and a space)"),
    ("owner：[李娜，黄磊]", "write `owner: [lina, huang]` (an ASCII colon and a space)"),
    ("负责人：hosts", "write `owner: hosts` (the field's English name, an ASCII colon and a "
                   "space)"),
    ("负责人：张伟", "write `owner: 张伟` (the field's English name, an ASCII colon and a "
                  "space); " + SHARED),
    ("purpose：李娜", "write `purpose: 李娜` (an ASCII colon and a space)"),
])
def test_a_full_width_colon_hint_writes_the_id_a_name_stands_for(write_org, line: str,
                                                                hint: str) -> None:
    assert _colon_hints(write_org, line) == [("IN001", "meetings.yaml", 5, hint)]


def test_a_full_width_colon_hint_in_chinese(write_org) -> None:
    assert _colon_hints(write_org, "负责人：李娜", "zh") == [
        ("IN001", "meetings.yaml", 5, "写成 `owner: lina`（英文字段名、半角冒号加一个空格）")]
