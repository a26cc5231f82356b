"""SC002's suggested id (read from the name of an entity written without one) is free in
the whole org: no id another entity of any kind has, keeps as a former id or failed
validation with, nor one an earlier hint suggested; a step's is free among its process's
steps."""

from __future__ import annotations

import pytest
from conftest import run_cli


def _hints(folder: object) -> list[tuple[str, str, int, str]]:
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select", "SC002",
                  "--isolated")
    return [(f["code"], f["file"].rsplit("/", 1)[-1], f["line"], f["hint"])
            for f in run.json()["findings"]]


def _add(ident: str, name: str) -> str:
    return f"add `id: {ident}` (read from `name` '{name}')"


@pytest.mark.parametrize("taken", [
    "- {kind: Person, id: wang-jian-guo, name: 王建國}\n",  # in another file, another script
    "- {kind: Team, id: wang-jian-guo, name: 建国组}\n",  # another kind: `owner:` reads both
    "- {kind: Person, id: wjg, name: 王建国, aliases: [wang-jian-guo]}\n",  # a former id
    "- {kind: Person, id: wang-jian-guo, name: 王建国, title: [x]}\n",  # one that failed
])
def test_a_suggested_id_is_none_the_org_has(write_org, taken: str) -> None:
    folder = write_org({"a.yaml": "- {kind: Person, name: 王建国}\n", "b.yaml": taken})
    assert _hints(folder) == [("SC002", "a.yaml", 1, _add("wang-jian-guo-2", "王建国"))]


def test_two_entities_of_one_name_are_suggested_two_ids(write_org) -> None:
    folder = write_org({"a.yaml": "- {kind: Person, name: 张伟}\n- {kind: Person, name: 张伟}\n",
                        "b.yaml": "- {kind: Person, id: zhang-wei-2, name: 章伟}\n"})
    assert _hints(folder) == [("SC002", "a.yaml", 1, _add("zhang-wei", "张伟")),
                              ("SC002", "a.yaml", 2, _add("zhang-wei-3", "张伟"))]


def test_a_free_suggestion_is_kept(write_org) -> None:
    folder = write_org({"a.yaml": "- {kind: Person, name: 王建国}\n",
                        "b.yaml": "- {kind: Person, id: wang-jian, name: 王健}\n"})
    assert _hints(folder) == [("SC002", "a.yaml", 1, _add("wang-jian-guo", "王建国"))]


def test_a_steps_suggested_id_is_none_of_its_processs_steps(write_org) -> None:
    folder = write_org({"p.yaml": """\
- kind: Process
  id: refund
  name: 退款
  owner: cs
  steps:
    - {id: shen-he, name: 审核, owner: cs}
    - {name: 审核, owner: cs}
- {kind: Team, id: cs, name: 客服部}
"""})
    assert _hints(folder) == [("SC002", "p.yaml", 7, _add("shen-he-2", "审核"))]
