"""Trial 19 (a Hangzhou live-commerce operations director): OK005 ("activity, not outcome")
no longer fires on an activity word that is a time clause before an outcome
(`上线后直播卡顿率从2%降到0.5%`, as `3.0版本上线后...` already passed) or the name of a rate
(`完成率100%`, `Launch success rate 99%`); a key result that names an activity beside the change
it measures (`FY2026完成3.0版本上线，直播卡顿率从2%降到0.5%`) keeps its OK005, with a hint that
keeps the change instead of asking for one. Scored blind on tests/data/
key_results_activity_blind.tsv (tests/activity_eval.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

ORG = """\
- {kind: Team, id: t, name: 技术部, lead: p, members: [p]}
- {kind: Person, id: p, name: 林宇}
- kind: Objective
  id: o
  title: 直播更稳定
  owner: t
  period: 2026
  key_results:
    - {id: a, title: TITLE}
"""


def _ok005(write_org: Any, title: str, lang: str = "en") -> list[tuple[str, str, int, str]]:
    org = write_org({"kr.yaml": ORG.replace("TITLE", title)})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "OK005",
                  "--format", "json", "--lang", lang)
    return [(f["code"], Path(f["file"]).name, f["line"], f["hint"])
            for f in run.json()["findings"]]


@pytest.mark.parametrize("title", [
    "上线后直播卡顿率从2%降到0.5%", "3.0版本上线后直播卡顿率从2%降到0.5%",
    "上線後直播卡頓率從2%降到0.5%",
    "开通之后首月活跃商家数达到500家", "完成率100%", "完成率達到100%", "上线成功率达到99%",
    "Launch success rate 99%", "After rollout, ticket backlog drops from 400 to 150"])
def test_a_time_clause_or_a_rate_is_no_activity(write_org: Any, title: str) -> None:
    assert _ok005(write_org, title) == []


@pytest.mark.parametrize(("lang", "hint"), [
    ("zh", "已经写出变化（2% → 0.5%）：把这个变化留作关键结果，"
           "把活动（'完成'）作为一项任务放进计划"),
    ("zh-Hant", "已經寫出變化（2% → 0.5%）：把這個變化留作關鍵結果，"
                "把活動（'完成'）作為一項任務放進計劃"),
    ("en", "it already measures a change (2% → 0.5%): keep that as the key result, and put the "
           "activity ('完成') in the plan as a task"),
])
def test_an_activity_beside_its_change_is_asked_to_move_to_the_plan(
        write_org: Any, lang: str, hint: str) -> None:
    title = "FY2026完成3.0版本上线，直播卡顿率从2%降到0.5%"
    assert _ok005(write_org, title, lang) == [("OK005", "kr.yaml", 9, hint)]


@pytest.mark.parametrize("title", ["召开4次主播复盘会", "Hold 4 quarterly business reviews"])
def test_an_activity_alone_keeps_its_hint(write_org: Any, title: str) -> None:
    assert _ok005(write_org, title) == [
        ("OK005", "kr.yaml", 9, "say what changes when it is done, and by how much")]


@pytest.mark.parametrize(("title", "verb"), [
    ("上线后", "上线"), ("部署完成後台新系統", "部署"), ("上线3个直播间新功能", "上线")])
def test_a_lone_or_back_office_activity_is_still_one(title: str, verb: str) -> None:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import verdict
    from orgspec.text.measurable import activity_verb

    obj = Objective(kind="Objective", id="o", title="t", period="2026")
    kr = KeyResult(id="a", title=title)
    assert activity_verb(title, verdict(obj, kr)) == verb


def test_the_frozen_activity_set_and_the_earlier_sets_score_as_measured() -> None:
    """key_results_activity_blind.tsv, frozen before the change: precision 0.750 -> 0.964,
    recall 0.964 -> 0.964; the 13 earlier sets with a kind column unchanged (0.988 / 0.943);
    the development set all right. Trial 33a (第三季, 第3季 and 三季度 read as dates) found one
    more activity in the frozen set (item not read); trial 33b (`上线X后...` with a target
    after it is a time clause) took its one false positive: 28 / 0 / 0 with both (aggregates
    only; not tuned on)."""
    from activity_eval import BLIND, DEV, EARLIER, scored

    def pr(rows: list[tuple[bool, bool, str]]) -> tuple[int, int, int]:
        return (sum(a and f for a, f, _ in rows), sum(f and not a for a, f, _ in rows),
                sum(a and not f for a, f, _ in rows))

    assert pr(scored(BLIND)) == (28, 0, 0)  # both trial-33 changes: 28 / 0 / 0
    assert pr([r for name in EARLIER for r in scored(name)]) == (166, 2, 10)
    assert [title for a, f, title in scored(DEV) if a != f] == []
