"""A fresh user's trial (a Taipei HR partner typing Traditional Chinese): a meeting's field
written as the words orgspec's own zh-Hant pages use (與會者, 與會人員, 出席者, 主持) or
misspelt (`attendes`) gave SC001 and, behind it, MT001/MT003 on the meeting and MT004's "no
meeting brings the two teams together" on the duty the meeting covers: one mistake, several
findings, the later ones false."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.load.config import Config

ORG = """\
- {{kind: Team, id: root, name: 總部, lead: a, members: [a]}}
- {{kind: Team, id: cs, name: 客服部, parent: root, lead: b, members: [b],
   responsibilities: [complaints]}}
- {{kind: Team, id: tech, name: 技術部, parent: root, lead: c, members: [c]}}
- {{kind: Person, id: a, name: 陳怡君}}
- {{kind: Person, id: b, name: 林志明}}
- {{kind: Person, id: c, name: 王小華}}
- {{kind: Responsibility, id: complaints, name: 客訴處理, responsible: [cs, tech],
   accountable: [cs]}}
- kind: Meeting
  id: weekly
  name: 週例會
  {owner}: a
  cadence: 每週一 10:00
  {attendees}: [cs, tech]
"""


def found(tmp_path: Path, owner: str, attendees: str) -> list[tuple[str, int, str]]:
    (tmp_path / "org.yaml").write_text(ORG.format(owner=owner, attendees=attendees), "utf-8")
    result = lint([str(tmp_path)], Config(lang="zh-Hant"), today=dt.date(2026, 12, 2))
    return sorted((f.code, f.location.line, str(f.hint)) for f in result.findings)


def test_the_written_org_has_no_finding(tmp_path: Path) -> None:
    assert found(tmp_path, "owner", "attendees") == []


@pytest.mark.parametrize("word", ["與會者", "與會人員", "出席者", "出席人员", "attendes"])
def test_attendees_under_another_word_is_one_finding(tmp_path: Path, word: str) -> None:
    assert found(tmp_path, "owner", word) == [("SC001", 15, "是不是要寫 `attendees`？")]


def test_the_chair_as_zhuchi_is_one_finding(tmp_path: Path) -> None:
    assert found(tmp_path, "主持", "attendees") == [("SC001", 13, "是不是要寫 `owner`？")]
