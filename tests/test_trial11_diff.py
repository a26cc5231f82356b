"""Trial 11 (周晓雯): `--diff master` left out a process she added (return-flow)."""

from __future__ import annotations

from pathlib import Path

from orgspec.ci.diff import compare
from orgspec.engine.lint import lint_org
from orgspec.load.config import Config

BASE = """\
- {kind: Person, id: lina, name: 李娜}
- {kind: Team, id: ke-fu-bu, name: 客服部, lead: lina, members: [lina],
   responsibilities: [after-sales]}
- {kind: Responsibility, id: after-sales, name: 售后}
- kind: Process
  id: old-flow
  name: 旧流程
  owner: ke-fu-bu
  responsibility: after-sales
  steps: [{id: one, owner: ke-fu-bu}]
"""
HEAD = BASE + """\
- kind: Process
  id: return-flow
  name: 退货处理
  owner: ke-fu-bu
  responsibility: after-sales
  steps: [{id: apply, owner: ke-fu-bu, next: [refund]}, {id: refund, owner: ke-fu-bu}]
"""


def _changes(tmp_path: Path, base: str, head: str) -> list[str]:
    runs = []
    for name, text in (("base", base), ("head", head)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "org.yaml").write_text(text, "utf-8")
        runs.append(lint_org([str(tmp_path / name)], Config(lang="en")))
    (a, a_org), (b, b_org) = runs
    return [str(c) for c in compare(a, b, a_org, b_org).changes]


def test_a_process_added_is_an_org_change(tmp_path: Path) -> None:
    assert _changes(tmp_path, BASE, HEAD) == ["process added: 退货处理 (return-flow)"]


def test_a_process_removed_is_an_org_change(tmp_path: Path) -> None:
    assert _changes(tmp_path, HEAD, BASE) == ["process removed: 退货处理 (return-flow)"]


def test_the_zh_head_line_counts_problems_not_org_changes() -> None:
    from orgspec.ci.diff import OrgDiff, diff_head
    from orgspec.i18n import say

    assert say(diff_head("master", OrgDiff(), 0), "zh") == "与 master 对比：0 条新问题，0 条已修复"
