"""Meeting and placeholder leftovers (session 34): one mistake, one finding, one rule and one
severity for a placeholder whatever else its list holds; each hint, followed as written,
leaves a check clean of that mistake.

- `attendees: [ops, TBD]` (`待定`, `待招聘`) is MT003 [warning], as `[TBD]` alone is (was
  RF001 [error]), and holds back the coordination gaps (MT004) and teams in no meeting
  (MT005) as `[TBD]` does: the seat still to be written may be the team they miss.
- MT005 is held back behind the RF001 of an unknown attendee (`[ops, nobody]`), as MT004 is.
- `responsible: [待招聘, 待招聘]` is one OW002 (was two).
- `owner: RECRUITING` beside a team `recruiting` is RF001 suggesting `recruiting` (ids are
  case-sensitive), not "marks an open seat".
- PR009's hint names what a process's owner may be: a team, a position or a person.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from orgspec.engine.lint import check_cached, lint, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config, Selector

TODAY = dt.date(2026, 12, 5)

# ops and cs share d1 (MT004 when no meeting has both); hr is in no meeting (MT005) unless
# the meeting lists it; `recruiting` is a team whose id is an open-seat word
ORG = """\
- {{kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], responsibilities: [d1, d2]}}
- kind: Team
  id: cs
  name: 客服部
  lead: bob
  members: [bob]
  responsibilities: [{{ref: d1, role: responsible}}]
- {{kind: Team, id: hr, name: 人事部, lead: cy, members: [cy], responsibilities: [d3]}}
- {{kind: Team, id: recruiting, name: 招聘组, parent: hr, lead: dan, members: [dan]}}
- {{kind: Person, id: ada, name: 王芳}}
- {{kind: Person, id: bob, name: 李强}}
- {{kind: Person, id: cy, name: 陈燕}}
- {{kind: Person, id: dan, name: 刘丹}}
- {{kind: Responsibility, id: d1, name: 退款审核}}
- {{kind: Responsibility, id: d2, name: 活动复盘, accountable: ops, responsible: {responsible}}}
- {{kind: Responsibility, id: d3, name: 招聘计划, responsible: [recruiting]}}
- kind: Process
  id: p1
  name: 退款流程
  owner: {process_owner}
  responsibility: d1
  steps:
    - {{id: s1, name: 审核, owner: ops}}
- kind: Meeting
  id: weekly
  name: 周例会
  owner: {meeting_owner}
  cadence: 每周一 10:00
  attendees: {attendees}
"""
GOOD = {"attendees": "[ops, cs, hr]", "responsible": "[ops]", "process_owner": "ops",
        "meeting_owner": "ops"}
ATTENDEES = 29  # the line of `attendees:`
MT005 = Config(lang="en", extend_select=[Selector("MT005", "test")])


def _text(**fields: str) -> str:
    return ORG.format(**{**GOOD, **fields})


def _check(tmp_path: Path, config: Config | None = None, lang: str = "en",
           **fields: str) -> list[Finding]:
    (tmp_path / "org.yaml").write_text(_text(**fields), "utf-8")
    return lint([str(tmp_path)], config or Config(lang=lang), today=TODAY).findings


def _at(findings: list[Finding]) -> list[tuple[str, str, int, int]]:
    return [(f.code, Path(f.location.file).name, f.location.line, f.location.col)
            for f in findings]


def test_the_org_is_clean(tmp_path: Path) -> None:
    assert _check(tmp_path) == []
    assert _check(tmp_path, MT005) == []


@pytest.mark.parametrize("word", ["TBD", "待定", "待招聘", "vacant"])
def test_a_placeholder_among_attendees_is_mt003_and_holds_the_gaps_back(
        tmp_path: Path, word: str) -> None:
    found = _check(tmp_path, MT005, attendees=f"[ops, {word}]")
    # one finding: MT003 [warning] at the word, as for `[TBD]` alone; no RF001 [error]
    assert [(*a, f.severity.label) for a, f in zip(_at(found), found, strict=True)] == \
        [("MT003", "org.yaml", ATTENDEES, 20, "warning")]
    assert found[0].message == f"meeting 'weekly' has an attendee not named yet (written as " \
        f"{word!r})"
    # the gap of ops and cs, and the teams in no meeting, wait behind it
    assert "4 findings that follow from this mistake are held back until it is fixed: " \
        "MT004 on duty 'd1', MT005 on team 'cs', MT005 on team 'hr', and 1 more" \
        in found[0].hint
    assert found[0].hint.startswith("write the team, position or person who attends in place "
                                    f"of {word!r}, or leave it out")


def test_alone_it_is_the_same_rule_and_severity(tmp_path: Path) -> None:
    alone = _check(tmp_path, attendees="[TBD]")
    beside = _check(tmp_path, attendees="[ops, TBD]")
    assert [(f.code, f.severity) for f in alone] == [(f.code, f.severity) for f in beside]


def test_following_the_hint_is_clean_of_it(tmp_path: Path) -> None:
    # written in its place: clean
    assert _check(tmp_path, MT005, attendees="[ops, cs, hr]") == []
    # left out: no MT003; what the meeting still misses is its own finding now
    assert _at(_check(tmp_path, MT005, attendees="[ops]")) == [
        ("MT005", "org.yaml", 3, 3), ("MT005", "org.yaml", 8, 16),
        ("MT005", "org.yaml", 9, 16), ("MT004", "org.yaml", 14, 26)]


def test_several_are_one_finding_naming_each(tmp_path: Path) -> None:
    found = _check(tmp_path, attendees="[ops, TBD, 待定, TBD]")
    assert _at(found) == [("MT003", "org.yaml", ATTENDEES, 20)]
    assert found[0].message == "meeting 'weekly' has 2 attendees not named yet (written as " \
        "'TBD', '待定')"
    assert found[0].hint.startswith("write the teams, positions or people who attend in place "
                                    "of 'TBD', '待定', or leave them out")
    assert _check(tmp_path, attendees="[ops, cs, hr]") == []


def test_an_open_seat_hint_records_the_seat(tmp_path: Path) -> None:
    found = _check(tmp_path, attendees="[ops, cs, 待招聘]")
    assert _at(found) == [("MT003", "org.yaml", ATTENDEES, 24)]
    assert found[0].hint == (
        "write the team, position or person who attends in place of '待招聘', or leave it "
        "out; while a seat is open, write a position in its place, with `holders: [待招聘]` "
        "on the position (RO001 reports the open seat)")
    # followed: the position is named in its place; RO001 reports the open seat, no MT003
    seat = "- {kind: Role, id: hr-hire, name: 招聘专员, team: hr, holders: [待招聘]}\n"
    (tmp_path / "org.yaml").write_text(_text(attendees="[ops, cs, hr-hire]") + seat, "utf-8")
    found = lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
    assert [f.code for f in found if f.code.startswith(("MT", "RF"))] == []
    assert "RO001" in [f.code for f in found]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("zh_Hans", "会议 'weekly' 有 1 个参会方尚未写明（写作 'TBD'）",
     "把 'TBD' 改写为参会的团队、岗位或人员，或删掉不写"),
    ("zh_Hant", "會議 'weekly' 有 1 個與會者尚未寫明（寫作 'TBD'）",
     "把 'TBD' 改寫為與會的團隊、職位或人員，或刪掉不寫"),
])
def test_said_in_chinese(tmp_path: Path, lang: str, message: str, hint: str) -> None:
    from orgspec.i18n import say

    found = _check(tmp_path, lang=lang, attendees="[ops, TBD]")
    assert _at(found) == [("MT003", "org.yaml", ATTENDEES, 20)]
    assert say(found[0].message, lang) == message
    assert say(found[0].hint, lang).startswith(hint)


def test_an_unknown_attendee_holds_back_the_team_in_no_meeting(tmp_path: Path) -> None:
    found = _check(tmp_path, MT005, attendees="[ops, cs, hrr]")
    assert _at(found) == [("RF001", "org.yaml", ATTENDEES, 24)]
    assert found[0].hint == (
        "did you mean 'hr'? (2 findings that follow from this mistake are held back until it "
        "is fixed: MT005 on team 'hr', MT005 on team 'recruiting')")
    assert _check(tmp_path, MT005, attendees="[ops, cs, hr]") == []  # followed: clean


def test_an_open_seat_written_twice_is_one_ow002(tmp_path: Path) -> None:
    found = _check(tmp_path, responsible="[待招聘, 待招聘]")
    assert _at(found) == [("OW002", "org.yaml", 15, 78)]
    assert found[0].hint.startswith("name the responsible team or person, or remove the "
                                    "placeholder '待招聘' (written 2 times: remove each)")
    assert _check(tmp_path, responsible="[ops]") == []
    # beside a real owner, and another word: one finding a word
    found = _check(tmp_path, responsible="[ops, 待定, 待定, TBD]")
    assert _at(found) == [("OW002", "org.yaml", 15, 83), ("OW002", "org.yaml", 15, 91)]


@pytest.mark.parametrize("field", ["meeting_owner", "process_owner", "responsible"])
@pytest.mark.parametrize("written", ["RECRUITING", "Recruiting"])
def test_an_id_like_seat_word_in_other_case_is_that_id(tmp_path: Path, field: str,
                                                       written: str) -> None:
    value = f"[{written}]" if field == "responsible" else written
    found = _check(tmp_path, **{field: value})
    assert [f.code for f in found] == ["RF001"]
    assert "open seat" not in found[0].message
    assert found[0].hint.startswith("an id is lowercase: write it as `recruiting`")
    followed = "[recruiting]" if field == "responsible" else "recruiting"
    # a process owned by 招聘组 that holds no role on its duty is another matter (PR008)
    assert [f.code for f in _check(tmp_path, **{field: followed})] == \
        (["PR008"] if field == "process_owner" else [])


def test_an_id_like_seat_word_of_another_kind_stays_a_seat(tmp_path: Path) -> None:
    # a lead is a person: `RECRUITING` there is an open seat, not the team `recruiting`
    text = _text().replace("id: recruiting, name: 招聘组, parent: hr, lead: dan",
                           "id: recruiting, name: 招聘组, parent: hr, lead: RECRUITING")
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    found = lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
    assert _at(found) == [("RF001", "org.yaml", 9, 61)]
    assert found[0].message == ("'RECRUITING' in `lead` of team 'recruiting' marks an open "
                                "seat, not a person")


def test_pr009_names_what_an_owner_may_be(tmp_path: Path) -> None:
    found = _check(tmp_path, process_owner="TBD")
    assert _at(found) == [("PR009", "org.yaml", 20, 10)]
    assert found[0].hint == "name the team, position or person that owns the process"
    # a position is such an owner: named, clean (a person too)
    role = "- {kind: Role, id: cs-lead, name: 客服组长, team: cs, holders: [bob]}\n"
    (tmp_path / "org.yaml").write_text(_text(process_owner="cs-lead") + role, "utf-8")
    assert [f.code for f in lint([str(tmp_path)], Config(), today=TODAY).findings
            if f.code.startswith("PR")] == []


def test_the_same_with_and_without_the_cache(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    org = tmp_path / "org"
    org.mkdir()
    cache = tmp_path / "cache"
    for fields in ({}, {"attendees": "[ops, TBD]"}, {"attendees": "[ops, cs, hrr]"},
                   {"attendees": "[ops, cs, hr]"}, {"responsible": "[待招聘, 待招聘]"},
                   {"meeting_owner": "RECRUITING"}, {"attendees": "[ops]"}, {}):
        (org / "org.yaml").write_text(_text(**fields), "utf-8")
        got = check_cached([str(org)], MT005, Cache(str(cache)), TODAY).findings
        plain = lint_org([str(org)], MT005, TODAY)[0].findings
        assert [(_at([f]), f.message, f.hint) for f in got] == \
            [(_at([f]), f.message, f.hint) for f in plain]
