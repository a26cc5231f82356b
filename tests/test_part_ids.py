"""A step of a process, or a key result of an objective, given the id of an earlier one
(a copied step whose id was left as it was) is RF002 at the copy's id, with the first as
related; it went unsaid before (final trial 35: `orgspec check` said no problems)."""

from __future__ import annotations

from typing import Any

from conftest import json_findings, run_cli

HEAD = """\
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
"""

ORG = HEAD + """\
- kind: Process
  id: flow
  name: 投诉流程
  owner: cs
  responsibility: complaints
  steps:
    - id: receive
      name: 受理
      owner: cs
      next: [resolve]
    - id: resolve
      name: 处理
      owner: cs
    - id: resolve
      name: 回访
      owner: cs
- kind: Objective
  id: o1
  title: 提升满意度
  owner: cs
  period: 2026-Q1
  key_results:
    - id: csat
      title: 满意度从85%提升到90%
    - id: csat
      title: 复购率从20%提升到25%
"""


def test_a_part_id_given_twice_is_one_rf002_each(write_org: Any) -> None:
    org = write_org({"org.yaml": ORG})
    for cache in ("--no-cache", None):
        args = ["check", str(org), "--isolated", "--lang", "en", "--format", "json"]
        run = run_cli(*args, *([cache] if cache else []))
        assert run.code == 1
        said = [(f["code"], f["line"], f["message"], f["related"][0]["line"])
                for f in run.json()["findings"]]
        assert said == [
            ("RF002", 27, "duplicate step id 'resolve' in process 'flow'", 24),
            ("RF002", 38, "duplicate key result id 'csat' in objective 'o1'", 36)]
    zh = run_cli("check", str(org), "--isolated", "--lang", "zh")
    assert zh.stdout.splitlines()[0].endswith(
        "RF002 [错误] 流程 投诉流程 (flow) 中步骤 id 'resolve' 重复")


def test_renaming_the_copy_leaves_a_clean_check(write_org: Any) -> None:
    text = ORG.replace("- id: resolve\n      name: 回访", "- id: follow-up\n      name: 回访")
    text = text.replace("- id: csat\n      title: 复购率", "- id: repurchase\n      title: 复购率")
    org = write_org({"org.yaml": text})
    run = run_cli("check", str(org), "--isolated", "--lang", "en", "--format", "json")
    assert [f["code"] for f in run.json()["findings"]] == ["PR003"]  # follow-up: no way in


# `name:` written where an objective or key result takes `title`: one SC001 each, saying to
# rename it and keep its value (it gave SC002 + SC001 with "did you mean `names`?")
NAMED = HEAD + """\
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
    found = json_findings(write_org({"o.yaml": NAMED}), "--lang", "en")
    assert [(f["code"], f["line"], f["message"], f["hint"]) for f in found] == [
        ("SC001", 16, "unknown field `name`",
         "rename `name` to `title` and keep its value: `title: 提升满意度`"),
        ("SC001", 21, "key result 1 of objective 'o1' has an unknown field `name`",
         "rename `name` to `title` and keep its value: `title: 满意度从85%提升到90%（3月31日前）`")]
    fixed = NAMED.replace("  name: 提升满意度", "  title: 提升满意度").replace(
        "      name: 满意度", "      title: 满意度")
    assert json_findings(write_org({"o.yaml": fixed})) == []
