"""`name:` written where an objective or key result takes `title` is one SC001 saying to
rename it and keep its value; it gave SC002 'missing `title`' plus SC001 'unknown field
`name`' with 'did you mean `names`?' (session 35's own trial)."""

from __future__ import annotations

from typing import Any

from conftest import json_findings

ORG = """\
- kind: Team
  id: cs
  name: 客服部
  lead: amy
  members: [amy]
  responsibilities: [complaints]
- kind: Person
  id: amy
  name: 陈美
- kind: Responsibility
  id: complaints
  name: 投诉处理
  accountable: cs
- kind: Objective
  id: o1
  name: 提升满意度
  owner: cs
  period: 2026-Q1
  key_results:
    - id: csat
      name: 满意度从85%提升到90%（3月31日前）
"""


def test_name_where_a_title_is_wanted_is_one_finding_each(write_org: Any) -> None:
    found = json_findings(write_org({"o.yaml": ORG}), "--lang", "en")
    assert [(f["code"], f["line"], f["message"], f["hint"]) for f in found] == [
        ("SC001", 16, "unknown field `name`",
         "rename `name` to `title` and keep its value: `title: 提升满意度`"),
        ("SC001", 21, "key result 1 of objective 'o1' has an unknown field `name`",
         "rename `name` to `title` and keep its value: `title: 满意度从85%提升到90%（3月31日前）`")]
    fixed = ORG.replace("  name: 提升满意度", "  title: 提升满意度").replace(
        "      name: 满意度", "      title: 满意度")
    assert json_findings(write_org({"o.yaml": fixed})) == []
