"""Trial 33c (an ops lead with a recruiting team whose id is `recruiting`): an open-seat word
an org may give a team as its id (`recruiting`, `hiring`: `models.ID_LIKE_SEATS`) is read as
that id wherever one is defined, also while the file defining it fails to load, and in a
team's `lead` a team's id is said to be a team; a `[` closed by `}` is no missing comma."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 2, 1)

TEAMS = """\
- {kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], responsibilities: [d1]}
- {kind: Team, id: recruiting, name: 招聘组, lead: bob, members: [bob], parent: ops,
   responsibilities: [{ref: d1, role: consulted}]}
"""
REST = """\
- {kind: Person, id: ada, name: 王芳}
- {kind: Person, id: bob, name: 李强}
- {kind: Meeting, id: m1, name: 晨会, owner: recruiting, cadence: daily,
   attendees: [ops, recruiting]}
- {kind: Responsibility, id: d1, description: 负责大促活动的策划, accountable: ops,
   consulted: [recruiting]}
"""


def _run(tmp_path: Path, teams: str, rest: str = REST, lang: str = "en") -> list[Finding]:
    (tmp_path / "teams.yaml").write_text(teams, "utf-8")
    (tmp_path / "rest.yaml").write_text(rest, "utf-8")
    return lint([str(tmp_path)], Config(lang=lang), today=TODAY).findings


def _at(f: Finding) -> tuple[str, str, int, int]:
    return f.code, Path(f.location.file).name, f.location.line, f.location.col


def test_a_team_called_recruiting_owns_its_meeting(tmp_path: Path) -> None:
    assert _run(tmp_path, TEAMS) == []


def test_while_its_file_fails_the_team_id_is_no_open_seat(tmp_path: Path) -> None:
    # `lead: [bob` never closed: the file fails; the meeting's `recruiting` waits for it
    found = _run(tmp_path, TEAMS.replace("lead: bob,", "lead: [bob,"))
    assert [_at(f) for f in found] == [("IN001", "teams.yaml", 3, 50)]
    assert "comma is probably missing" not in str(found[0].message)  # no item there


def test_a_team_id_in_lead_is_said_to_be_a_team(tmp_path: Path) -> None:
    teams = TEAMS + "- {kind: Team, id: mkt, name: 市场部, lead: recruiting, members: [bob], " \
        "parent: ops, responsibilities: [{ref: d1, role: informed}]}\n"
    found = _run(tmp_path, teams)
    assert [_at(f) for f in found] == [("RF001", "teams.yaml", 4, 42)]
    assert str(found[0].hint) == (
        "'recruiting' is a team, and a lead is a person: write the person who leads this "
        "team (the lead of 'recruiting' is 'bob')")  # named (招聘组, 李强) when said
    said = _run(tmp_path, teams, lang="zh")[0]
    assert str(said.hint).startswith("'recruiting' 是团队，而负责人是人员")


def test_an_id_like_seat_word_in_lead_and_its_hint_followed(tmp_path: Path) -> None:
    teams = TEAMS + "- {kind: Team, id: mkt, name: 市场部, lead: hiring, members: [bob], " \
        "parent: ops, responsibilities: [{ref: d1, role: informed}]}\n"
    found = _run(tmp_path, teams)
    assert [(_at(f), f.severity.label) for f in found] == \
        [(("RF001", "teams.yaml", 4, 42), "error")]
    assert "write `lead: vacant` (HI005 reports it)" in str(found[0].hint)
    followed = _run(tmp_path, teams.replace("lead: hiring", "lead: vacant"))
    assert [_at(f) for f in followed] == [("HI005", "teams.yaml", 4, 42)]


def test_more_ways_to_say_not_decided_are_placeholders(tmp_path: Path) -> None:
    # 暫定, 待確認, TBC, 待定中 were unknown ids, whose hint said to add a person so named
    for word in ("暫定", "暂定", "待確認", "待确认", "TBC", "待定中", "待安排", "未分配"):
        found = _run(tmp_path, TEAMS, REST.replace("owner: recruiting", f"owner: {word}"))
        assert [(f.code, str(f.message)) for f in found] == [
            ("MT001", f"meeting 'm1' has no owner (written as '{word}')")], word


def test_the_site_says_a_placeholder_lead_is_no_lead_yet(tmp_path: Path) -> None:
    from conftest import run_cli

    teams = TEAMS + (
        "- {kind: Team, id: mkt, name: 市场部, lead: 待招聘, members: [bob], parent: ops,\n"
        "   responsibilities: [{ref: d1, role: informed}]}\n"
        "- {kind: Team, id: cs, name: 客服部, lead: TBD, members: [bob], parent: ops,\n"
        "   responsibilities: [{ref: d1, role: informed}]}\n")
    (tmp_path / "teams.yaml").write_text(teams, "utf-8")
    (tmp_path / "rest.yaml").write_text(REST, "utf-8")
    for lang, said in (("zh", "尚无负责人，写作 &#39;待招聘&#39;"),
                       ("en", "no lead yet, written as &#39;待招聘&#39;")):
        site = tmp_path / lang
        run = run_cli("site", ".", "-o", str(site), "--lang", lang, cwd=tmp_path)
        assert run.code == 0, run.stderr
        page = (site / "teams" / "mkt.html").read_text("utf-8")
        assert said in page
        assert "不存在的人员" not in page and "no such person" not in page
        tree = (site / "index.html").read_text("utf-8")  # the tree names no lead for them
        assert "· 待招聘" not in tree and "· TBD" not in tree
        assert "· TBD" not in (site / "teams" / "cs.html").read_text("utf-8")


def test_a_year_inside_a_longer_number_dates_nothing(tmp_path: Path) -> None:
    # break33: 9999 inside 民國99999年, 2026 inside 12026 were read as years; 2025 before 家
    # is a count of stores, not the quarter's year
    titles = ["民國99999年底前GMV达到5亿", "在12026年底前GMV达到5亿", "民國1000年底前GMV达到5亿",
              "12026-12-31前GMV达到5亿", "第四季 2025 家门店开业", "民國116年底前GMV达到5亿"]
    krs = "".join(f"    - {{id: k{i}, title: '{t}'}}\n" for i, t in enumerate(titles))
    org = ("- {kind: Team, id: t, name: 运营部, lead: a, members: [a]}\n"
           "- {kind: Person, id: a, name: 王芳}\n- kind: Objective\n  id: o\n  title: 提升GMV\n"
           "  owner: t\n  period: 2026-Q4\n  key_results:\n" + krs)
    (tmp_path / "o.yaml").write_text(org, "utf-8")
    found = [f for f in lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
             if f.code == "OK009"]
    assert [(f.location.line, "2027-12-31" in str(f.message)) for f in found] == [(14, True)]


def test_a_value_pasted_many_times_is_one_rf004(tmp_path: Path) -> None:
    # break33: `[dup]*50` gave 49 RF004s each saying "listed twice"
    org = ("- {kind: Team, id: ops, name: 运营部, lead: ada, members: [ada], responsibilities: "
           "[" + ", ".join(["d1"] * 50) + "]}\n- {kind: Person, id: ada, name: 王芳}\n"
           "- {kind: Responsibility, id: d1, description: 负责大促活动的策划, accountable: ops}\n")
    (tmp_path / "o.yaml").write_text(org, "utf-8")
    found = lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
    assert [(f.code, str(f.message), str(f.hint)) for f in found] == [
        ("RF004", "'d1' is listed 50 times in `responsibilities`",
         "keep one 'd1' and remove the other 49")]
    assert [r.location.col for r in found[0].related][:3] == [82, 90, 94]
    twice = org.replace(", ".join(["d1"] * 50), "d1, d1")
    (tmp_path / "o.yaml").write_text(twice, "utf-8")
    found = lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
    assert [str(f.message) for f in found] == ["'d1' is listed twice in `responsibilities`"]
