"""`kind: 職位` (a position, in Traditional or Simplified script: 职位, 岗位, 崗位, 职务, 職務)
is suggested as `Position`, the name the docs and the messages give a position ('position
added', 岗位), not `Role`, its other name; 角色 (a role) as `Role`. Either way the entity is
held as the position it means, so nothing else is said of it."""

from __future__ import annotations

import datetime as dt

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config
from orgspec.model.kindwords import kind_meant

TODAY = dt.date(2026, 12, 2)
ORG = """\
- {kind: Person, id: bo, name: 柏文}
- {kind: Team, id: web, name: 前端组, lead: bo, members: [bo], responsibilities: [r]}
- {kind: Responsibility, id: r, name: 选品, accountable: web}
- {kind: WORD, id: buyer, name: 买手, team: web, holders: [bo]}
- {kind: Meeting, id: m, name: 周会, cadence: 每周一 10:00, owner: buyer, attendees: [web]}
"""


@pytest.mark.parametrize(("word", "lang", "hint"), [
    ("職位", "zh-Hant", "是不是要寫 `Position`？"), ("职位", "zh", "是不是要写 `Position`？"),
    ("崗位", "en", "did you mean `Position`?"), ("職務", "zh-Hant", "是不是要寫 `Position`？"),
    ("角色", "en", "did you mean `Role`?")])
def test_a_position_word_is_suggested_as_position_and_held_as_one(
        write_org, word: str, lang: str, hint: str) -> None:
    root = write_org({"a.yaml": ORG.replace("WORD", word)})
    result = lint([str(root)], Config(lang=lang), today=TODAY)
    assert [(f.code, f.location.line, str(f.hint)) for f in result.findings] == [
        ("IN010", 4, hint)]  # the meeting's owner `buyer` is no unknown reference


def test_every_position_word_means_the_model_kind() -> None:
    assert {w: kind_meant(w) for w in ("職位", "岗位", "職務", "角色", "Position", "position")} \
        == dict.fromkeys(("職位", "岗位", "職務", "角色", "Position", "position"), "Role")
