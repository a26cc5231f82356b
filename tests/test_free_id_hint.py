"""SC002's suggested id (read from the name of an entity written without one) and SC003's
(an entity's id that is no slug, in pinyin or lowercase) are free in the whole org: no id
another entity of any kind has, keeps as a former id or failed validation with, nor one an
earlier hint suggested; a step's is free among its process's steps."""

from __future__ import annotations

import pytest
from conftest import run_cli


def _hints(folder: object, code: str = "SC002") -> list[tuple[str, str, int, str]]:
    run = run_cli("check", str(folder), "--format", "json", "--lang", "en", "--select", code,
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


STEPS = """\
- kind: Process
  id: refund
  name: 退款
  owner: cs
  steps:
    - {id: shen-he, name: 审核, owner: cs}
    - STEP
- {kind: Team, id: cs, name: 客服部}
"""


@pytest.mark.parametrize(("step", "code", "hint"), [
    ("{name: 审核, owner: cs}", "SC002", _add("shen-he-2", "审核")),
    ("{id: 审核, name: 审核二, owner: cs}", "SC003",
     "an id is written in a-z, 0-9, - and _: write it in pinyin, `shen-he-2`, and keep '审核' "
     "as the `name`"),
])
def test_a_steps_suggested_id_is_none_of_its_processs_steps(write_org, step: str, code: str,
                                                            hint: str) -> None:
    folder = write_org({"p.yaml": STEPS.replace("STEP", step)})
    assert _hints(folder, code) == [(code, "p.yaml", 7, hint)]


def _pinyin(ident: str, written: str) -> str:
    return f"an id is written in a-z, 0-9, - and _: write it in pinyin, `{ident}`, and keep " \
           f"'{written}' as the `name`"


@pytest.mark.parametrize("taken", [
    "- {kind: Team, id: da-ke-hu-zu, name: 大客户}\n",  # in another file
    "- {kind: Person, id: da-ke-hu-zu, name: 达克}\n",  # another kind
    "- {kind: Team, id: dkh, name: 大客户, aliases: [da-ke-hu-zu]}\n",  # a former id
])
def test_an_invalid_ids_suggestion_is_none_the_org_has(write_org, taken: str) -> None:
    folder = write_org({"a.yaml": "- {kind: Team, id: 大客户组, name: 大客户组}\n",
                        "b.yaml": taken})
    assert _hints(folder, "SC003") == [
        ("SC003", "a.yaml", 1, _pinyin("da-ke-hu-zu-2", "大客户组"))]


def test_two_invalid_ids_of_one_lowercase_are_suggested_two_ids(write_org) -> None:
    folder = write_org({"a.yaml": "- {kind: Team, id: HR, name: 人力}\n"
                                  "- {kind: Team, id: Hr, name: 人力二}\n"
                                  "- {kind: Person, name: hr}\n",
                        "b.yaml": "- {kind: Team, id: Order Platform, name: 平台}\n"
                                  "- {kind: Team, id: order-platform-2, name: 平台二}\n"
                                  "- {kind: Person, id: order-platform, name: 平台}\n"})
    assert _hints(folder, "SC002,SC003") == [
        ("SC003", "a.yaml", 1, "an id is lowercase: write it as `hr`"),
        ("SC003", "a.yaml", 2, "an id is lowercase: write it as `hr-2`"),
        ("SC002", "a.yaml", 3, _add("hr-3", "hr")),  # clear of SC003's suggestions too
        ("SC003", "b.yaml", 1,
         "an id is lowercase, with no spaces: write it as `order-platform-3`")]



def test_a_free_invalid_ids_suggestion_is_kept(write_org) -> None:
    folder = write_org({"a.yaml": "- {kind: Team, id: HR, name: 人力}\n",
                        "b.yaml": "- {kind: Team, id: hr-2, name: 人力二}\n"})
    assert _hints(folder, "SC003") == [
        ("SC003", "a.yaml", 1, "an id is lowercase: write it as `hr`")]
