"""One mistake, one finding, for a list typed as one string (`members: 张三、李四`, the item
`[ops，cs]`) and for a mistyped id that did-you-mean resolves (`consulted: [warehuose]`):
RF001 names it, and the findings that exist only because of it (a person on no team, a team
with an empty charter, no meeting of two teams) are held back, which RF001's hint says. The
separators are one set (`text.separators`), read by the loader's hints, RF001 and the
hold-back alike."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector

ORG = """\
- kind: Team
  id: company
  name: 公司
  lead: wang
  members: [wang]
  responsibilities: [strategy]
- kind: Team
  id: ops
  name: 运营部
  parent: company
  lead: li
  members: [li, zhao]
  responsibilities: [promo]
- kind: Team
  id: cs
  name: 客服部
  parent: company
  lead: chen
  members: [chen, sun]
  responsibilities: [complaints]
- kind: Team
  id: warehouse
  name: 仓储部
  parent: company
  lead: zhou
  members: [zhou]
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: zhou, name: 周明}
- {kind: Person, id: li, name: 李强}
- {kind: Person, id: zhao, name: 赵六}
- {kind: Person, id: chen, name: 陈静}
- {kind: Person, id: sun, name: 孙浩}
- kind: Role
  id: cs-agent
  name: 客服专员
  team: cs
  holders: [chen, sun]
  duties: [complaints]
- kind: Responsibility
  id: strategy
  name: 公司战略
  description: 制定年度战略
  accountable: company
- kind: Responsibility
  id: promo
  name: 大促活动
  description: 策划和执行大促活动
  accountable: ops
  consulted: [cs, warehouse]
- kind: Responsibility
  id: complaints
  name: 客诉处理
  description: 受理顾客投诉并跟进解决
  accountable: cs
  consulted: [ops]
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: 每周一 10:00
  owner: wang
  attendees: [ops, cs, warehouse]
  purpose: 总结上周工作
- kind: Process
  id: complaint-flow
  name: 投诉流程
  owner: cs
  responsibility: complaints
  steps:
    - {id: receive, name: 接收, owner: cs, sla: 2h, next: [review]}
    - {id: review, name: 复盘, owner: ops, sla: 1d}
- kind: Objective
  id: growth
  title: 平台增长
  owner: company
  period: 2026
  key_results:
    - {id: gmv, title: 年销售额从50亿元增长到60亿元, metric: gmv, baseline: 50亿元, \
target: 60亿元, direction: increase, due: 2026-12-31}
- kind: Objective
  id: ops-growth
  title: 大促增长
  owner: ops
  period: 2026
  aligns_to: growth
  key_results:
    - {id: orders, title: 大促订单数从10万增长到12万, metric: orders, baseline: 10万, \
target: 12万, direction: increase, due: 2026-12-31}
"""

TODAY = dt.date(2026, 6, 1)
def held(*items: str) -> str:
    """The note RF001's hint ends with: how many findings were held back, and which."""
    n = len(items)
    said = "1 finding that follows from this mistake is" if n == 1 else \
        f"{n} findings that follow from this mistake are"
    return f"({said} held back until it is fixed: {', '.join(items)})"


def _found(write_org, text: str, *extra: str, lang: str = "en") -> list[tuple[str, str, int, int]]:
    folder = write_org({"org.yaml": text})
    config = Config(extend_select=[Selector(code, "t") for code in extra], lang=lang)
    result = lint([str(folder)], config, TODAY)
    return [(f.code, Path(f.location.file).name, f.location.line, f.location.col)
            for f in result.findings]


def _hints(write_org, text: str, *extra: str, lang: str = "en") -> list[str]:
    folder = write_org({"org.yaml": text})
    config = Config(extend_select=[Selector(code, "t") for code in extra], lang=lang)
    return [str(f.hint) for f in lint([str(folder)], config, TODAY).findings]


def _edit(old: str, new: str) -> str:
    assert ORG.count(old) == 1, old
    return ORG.replace(old, new)


def test_the_fixture_is_clean(write_org) -> None:
    assert _found(write_org, ORG) == []


# (what is replaced, by what, the rules to turn on, the one finding): each list field the
# list-form hint covers, written as one string and as one item, and the one-id fields
LISTS = [
    # HI007 zhao is on no team; in a bracketed list, at the full-width comma (trial 30)
    ("members: [li, zhao]", "members: li、zhao", (), (12, 12)),
    ("members: [li, zhao]", "members: [li、zhao]", (), (12, 15)),
    ("holders: [chen, sun]", "holders: chen、sun", (), (37, 12)),
    ("holders: [chen, sun]", "holders: [chen；sun]", (), (37, 17)),
    # MT004 ops and warehouse share promo with no meeting
    ("attendees: [ops, cs, warehouse]", "attendees: ops、cs、warehouse", (), (61, 14)),
    ("attendees: [ops, cs, warehouse]", "attendees: [ops, cs，warehouse]", (), (61, 22)),
    # OW006 warehouse has an empty charter, MT004 (promo's teams)
    ("consulted: [cs, warehouse]", "consulted: cs、warehouse", (), (49, 14)),
    ("consulted: [cs, warehouse]", "consulted: [cs，warehouse]", (), (49, 17)),
    ("consulted: [cs, warehouse]", "consulted: cs,warehouse", (), (49, 14)),
    ("consulted: [cs, warehouse]", "consulted: [cs]\n  responsible: warehouse；cs", (),
     (50, 16)),
    ("consulted: [cs, warehouse]", "consulted: [cs]\n  informed: [warehouse、cs]", (),
     (50, 23)),
    ("accountable: ops\n  consulted: [cs, warehouse]",
     "accountable: ops、warehouse\n  consulted: [cs]", (), (48, 16)),
    # PR005: the step's team holds no role on complaints, the duty the process serves
    ("  accountable: cs\n  consulted: [ops]", "  accountable: cs\n  consulted: ops、company",
     (), (55, 14)),
    ("{id: review, name: 复盘, owner: ops", "{id: review, name: 复盘, owner: ops、cs", (),
     (70, 37)),
    ("aligns_to: growth", "aligns_to: growth、ops-growth", (), (83, 14)),
]


@pytest.mark.parametrize(("old", "new", "extra", "at"), LISTS,
                         ids=[f"{n}-{new.split(':')[0].strip()}" for n, (_, new, _, _)
                              in enumerate(LISTS)])
def test_a_list_typed_as_one_string_is_one_finding(write_org, old: str, new: str,
                                                   extra: tuple[str, ...],
                                                   at: tuple[int, int]) -> None:
    assert _found(write_org, _edit(old, new), *extra) == [("RF001", "org.yaml", *at)]


def test_the_cascades_of_a_list_typed_as_one_string_would_be_there_without_it(
        write_org) -> None:
    """What the hold-back keeps back in the cases above is real: the same org with the
    ids themselves missing reports it."""
    found = _found(write_org, _edit("members: [li, zhao]", "members: [li]"))
    assert found == [("HI007", "org.yaml", 30, 18)]
    found = _found(write_org, _edit("consulted: [cs, warehouse]", "consulted: [cs]"))
    assert found == [("OW006", "org.yaml", 22, 3)]
    found = _found(write_org, _edit("attendees: [ops, cs, warehouse]", "attendees: [cs]"))
    assert found == [("MT004", "org.yaml", 45, 3), ("MT004", "org.yaml", 51, 3)]


def test_an_objective_owner_typed_as_two_ids_holds_back_only_their_missing_objective(
        write_org) -> None:
    """OK015: ops and cs may own the objective meant; warehouse owns none either way."""
    found = _found(write_org, _edit("  owner: ops\n  period", "  owner: ops、cs\n  period"),
                   "OK015")
    assert found == [("OK015", "org.yaml", 22, 3), ("RF001", "org.yaml", 81, 10)]
    found = _found(write_org, _edit("  owner: ops\n  period", "  owner: company\n  period"),
                   "OK015")
    assert found == [("OK015", "org.yaml", 8, 3), ("OK015", "org.yaml", 15, 3),
                     ("OK015", "org.yaml", 22, 3)]


def test_the_hint_says_what_the_list_means_and_that_the_cascade_is_held(write_org) -> None:
    hints = _hints(write_org, _edit("members: [li, zhao]", "members: li、zhao"))
    # HI004: ops has one member left (its lead); HI007: zhao is on no team
    assert hints == ["'li、zhao' is one string: write the list `members: [li, zhao]` " +
                     held("HI004 on team 'ops'", "HI007 on person 'zhao'")]
    hints = _hints(write_org, _edit("members: [li, zhao]", "members: li、zhao"), lang="zh")
    assert hints == ["'li、zhao' 是一个字符串：写成列表 `members: [li, zhao]`"
                     "（由这个错误引起的 2 条问题在改正之前暂不报告：团队 'ops' 的 HI004、"
                     "人员 'zhao' 的 HI007）"]
    hints = _hints(write_org, _edit("members: [li, zhao]", "members: li、zhao"),
                   lang="zh-Hant")
    assert hints[0].endswith("（由這個錯誤引起的 2 條問題在改正之前暫不報告：團隊 'ops' 的 "
                             "HI004、人員 'zhao' 的 HI007）")


def test_a_one_id_field_written_with_several_says_to_keep_one(write_org) -> None:
    hints = _hints(write_org, _edit("  owner: ops\n  period", "  owner: ops、cs\n  period"),
                   "OK015")
    assert hints[1:] == ["'ops、cs' lists several ids, but `owner` names one: keep the one "
                         "meant (ops, cs) " + held("OK015 on team 'cs'", "OK015 on team 'ops'")]


def test_a_hint_says_nothing_is_held_when_nothing_was(write_org) -> None:
    hints = _hints(write_org, _edit("holders: [chen, sun]", "holders: chen、sun"))
    assert hints == ["'chen、sun' is one string: write the list `holders: [chen, sun]`"]


RACI = "  accountable: ops\n  consulted: [cs, warehouse]\n"


@pytest.mark.parametrize(("role", "written", "at"), [
    ("responsible", "  accountable: ops\n  consulted: [cs]\n  responsible: [warehuose]\n",
     (50, 17)),
    ("accountable", "  accountable: warehuose\n  consulted: [cs]\n", (48, 16)),
    ("consulted", "  accountable: ops\n  consulted: [cs, warehuose]\n", (49, 19)),
    ("informed", "  accountable: ops\n  consulted: [cs]\n  informed: [warehuose]\n", (50, 14)),
])
def test_a_mistyped_id_in_a_raci_list_is_one_finding(write_org, role: str, written: str,
                                                     at: tuple[int, int]) -> None:
    """`warehuose` is one edit from `warehouse`: warehouse's empty charter (OW006) and the
    missing meeting of promo's teams would only follow from the typo."""
    text = _edit(RACI, written)
    assert _found(write_org, text) == [("RF001", "org.yaml", *at)]
    assert _hints(write_org, text) == ["did you mean 'warehouse'? " +
                                       held("OW006 on team 'warehouse'")]


def test_an_unknown_id_nothing_is_close_to_holds_nothing_back(write_org) -> None:
    """`logistics` is no typo of any id: the empty charter of warehouse is reported."""
    found = _found(write_org, _edit("[cs, warehouse]", "[cs, logistics]"))
    assert found == [("OW006", "org.yaml", 22, 3), ("RF001", "org.yaml", 49, 19)]


def test_the_separators_are_defined_once() -> None:
    """The full-width comma, 、 and ； as a set are written in `text.separators` only."""
    from orgspec.load import yamlhints
    from orgspec.text import separators

    assert yamlhints.FULL_COMMAS is separators.FULL_COMMAS
    root = Path(separators.__file__).resolve().parents[1]
    # a short string or character class that holds all three: `"，、；"`, `[、，,;；]`
    short = re.compile(r"[\[\"'][^\]\"'\n]{2,8}[\]\"']")
    owners = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                    if any(set("，、；") <= set(m.group()) for m in
                           short.finditer(p.read_text(encoding="utf-8"))))
    assert owners == ["text/separators.py"]


def test_a_holder_in_a_members_item_of_two_ids_is_no_ro002(write_org) -> None:
    """`members: [chen， sun]` names sun in one item of two ids: RF001's one finding, no
    RO002 saying sun holds a position outside the team (alias2 noticed it)."""
    org = write_org({"o.yaml": (
        "- {kind: Team, id: cs, name: 客服部, lead: chen, members: [chen， sun], "
        "responsibilities: [d]}\n"
        "- {kind: Person, id: chen, name: 陈}\n- {kind: Person, id: sun, name: 孙}\n"
        "- {kind: Role, id: agent, name: 客服专员, team: cs, holders: [sun]}\n"
        "- {kind: Responsibility, id: d, name: 退款, accountable: cs}\n")})
    run = run_cli("check", str(org), "--lang", "en", "--format", "json")
    assert [(f["code"], f["line"]) for f in run.json()["findings"]] == [("RF001", 1)]
