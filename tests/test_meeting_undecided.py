"""A meeting whose attendees are not decided yet (`attendees: [TBD]`, `[待定]`): one mistake,
one finding (trial 33).

MT003 says the meeting has no attendees (written as 'TBD'); the coordination gaps (MT004)
of the teams that shared a duty follow from the attendees still to be written, so they are
held back behind it and its hint names them. Writing the attendees ends both; writing too
few brings the gap back, as its own finding. A meeting with no attendees at all, or one
with real attendees, holds nothing back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 5)
MEETINGS = ("MT003", "MT004", "MT005")

ORG = """\
- {{kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], responsibilities: [d1]}}
- kind: Team
  id: cs
  name: 客服部
  lead: bob
  members: [bob]
  responsibilities: [{{ref: d1, role: responsible}}]
- {{kind: Person, id: ada, name: 王芳}}
- {{kind: Person, id: bob, name: 李强}}
- {{kind: Responsibility, id: d1, name: 退款审核}}
- kind: Meeting
  id: weekly
  name: 周例会
  owner: ops
  cadence: 每周一 10:00
  attendees: {attendees}
"""


def _check(tmp_path: Path, attendees: str, lang: str = "en",
           config: Config | None = None) -> list[Finding]:
    (tmp_path / "org.yaml").write_text(ORG.format(attendees=attendees), "utf-8")
    result = lint([str(tmp_path)], config or Config(lang=lang), today=TODAY)
    return [f for f in result.findings if f.code in MEETINGS]


def _at(findings: list[Finding]) -> list[tuple[str, str, int]]:
    return [(f.code, Path(f.location.file).name, f.location.line) for f in findings]


@pytest.mark.parametrize("written", ["[TBD]", "[待定]", "TBD", "[待定, TBD]"])
def test_undecided_attendees_hold_the_gap_back(tmp_path: Path, written: str) -> None:
    found = _check(tmp_path, written)
    assert _at(found) == [("MT003", "org.yaml", 16)]
    assert "written as" in str(found[0].message)
    assert str(found[0].hint) == (
        "list the teams, positions or people who attend it (1 finding that follows from "
        "this mistake is held back until it is fixed: MT004 on duty 'd1')")


@pytest.mark.parametrize(("lang", "said"), [
    ("zh_Hans", "列出参会的团队、岗位或人员（由这个错误引起的 1 条问题在改正之前暂不报告："
                "职责 'd1' 的 MT004）"),
    ("zh_Hant", "列出與會的團隊、職位或人員（由這個錯誤引起的 1 條問題在改正之前暫不報告："
                "職責 'd1' 的 MT004）"),
])
def test_said_in_chinese(tmp_path: Path, lang: str, said: str) -> None:
    found = _check(tmp_path, "[待定]", lang)
    assert _at(found) == [("MT003", "org.yaml", 16)]
    assert str(found[0].hint) == said


def test_following_the_hint_is_clean(tmp_path: Path) -> None:
    assert _check(tmp_path, "[ops, cs]") == []
    # too few attendees: the gap is its own finding now, at the duty
    assert _at(_check(tmp_path, "[ops]")) == [("MT004", "org.yaml", 10)]


def test_no_attendees_at_all_holds_nothing_back(tmp_path: Path) -> None:
    """`attendees: []` decides nobody: the gap is reported beside MT003."""
    assert _at(_check(tmp_path, "[]")) == [("MT004", "org.yaml", 10),
                                           ("MT003", "org.yaml", 12)]


def test_held_only_while_mt003_is_reported(tmp_path: Path) -> None:
    from orgspec.load.config import Selector

    config = Config(lang="en", ignore=[Selector("MT003", "test")])
    assert _at(_check(tmp_path, "[TBD]", config=config)) == [("MT004", "org.yaml", 10)]
