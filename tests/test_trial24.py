"""Trial 24 (王芳, a Guangzhou operations lead, 工号 as person ids): a person's name typed
with the input method's wrong pick gets a did-you-mean by how it sounds."""

from __future__ import annotations

from typing import Any

from conftest import run_cli
from test_trial23 import findings

PEOPLE = "".join(f"- kind: Person\n  id: '{pid}'\n  name: {name}\n" for pid, name in (
    ("1006", "张伟"), ("1013", "何敏"), ("1020", "章丽"), ("1021", "张丽华"), ("1022", "李娜")))
MANAGERS = "".join(f"- kind: Person\n  id: '{pid}'\n  name: 员工{pid}\n  manager: {manager}\n"
                   for pid, manager in (("2001", "张玮"), ("2002", "何明"), ("2003", "王芳"),
                                        ("2004", "章莉"), ("2005", "张丽化"), ("2006", "章玮"),
                                        ("2007", "張偉")))


def test_a_name_the_input_method_picked_wrong_suggests_who_sounds_alike(write_org: Any) -> None:
    org = write_org({"people.yaml": PEOPLE, "managers.yaml": MANAGERS})
    file = str(org / "managers.yaml")
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh")
    assert findings(run, "RF001") == [
        # zhang wei, the same pinyin
        (f"{file}:4:12", "建议: 是不是指 1006（张伟）？请写 id `1006`"),
        # he ming / he min: one letter apart
        (f"{file}:8:12", "建议: 是不是指 1013（何敏）？请写 id `1013`"),
        # no one alike
        (f"{file}:12:12", "建议: 写成 id（英文字母、数字、-），或新增一个 `name: 王芳` 的人员"),
        (f"{file}:16:12", "建议: 是不是指 1020（章丽）？请写 id `1020`"),  # 莉 for 丽, the same li
        # 化 for 华, the same hua
        (f"{file}:20:12", "建议: 是不是指 1021（张丽华）？请写 id `1021`"),
        # 章玮 shares no character, at its place, with 张伟: two picks wrong is no typo
        (f"{file}:24:12", "建议: 写成 id（英文字母、数字、-），或新增一个 `name: 章玮` 的人员"),
        # the other script, with the name as the org writes it
        (f"{file}:28:12", "建议: 張偉（张伟）是人员 `1006` 的名称：请写 `1006`"),
    ]


def test_several_people_who_sound_alike_are_named_none_picked(write_org: Any) -> None:
    org = write_org({"people.yaml": PEOPLE + "- kind: Person\n  id: '1030'\n  name: 张薇\n",
                     "managers.yaml": MANAGERS.split("- kind: Person\n  id: '2002'")[0]})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert findings(run, "RF001") == [
        (f"{org / 'managers.yaml'}:4:12",
         "hint: did you mean one of 张伟 (1006), 张薇 (1030)? they are equally close to what "
         "is written: check which one is meant")]
