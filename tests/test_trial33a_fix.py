"""Trial 33a (a Taiwanese ops lead renamed a team without `aliases` in a pull request):

1. an attendee id that no team has (`attendees: [cs, tech]`) holds back the MT004 it may
   make false: the meeting may well bring the two teams together; RF001 names it;
2. the org diff says no move and no "→ nobody" for a reference to a team renamed without
   `aliases`; a reference that names nothing now (its team removed) is said as such;
3. SARIF's message lists the related places before "… and N more";
4. RO001's example reason names the position's team's lead, else the team lead in general
   words; the position page's notes use one kind of brackets; the Atom feed's id is one per
   org.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, json_findings, run_cli, where

TEAMS = """\
- {kind: Team, id: company, name: 星河購物, lead: wang, members: [wang]}
- {kind: Team, id: cs, name: 客服團隊, parent: company, lead: lin, members: [lin],
   responsibilities: [feedback]}
- {kind: Team, id: eng, name: 技術研發部, parent: company, lead: li, members: [li],
   responsibilities: [{ref: feedback, role: consulted}]}
- {kind: Team, id: ops, name: 營運團隊, parent: company, lead: chang, members: [chang],
   responsibilities: [monitoring]}
- {kind: Person, id: wang, name: 王大明}
- {kind: Person, id: lin, name: 林志豪}
- {kind: Person, id: li, name: 李建宏}
- {kind: Person, id: chang, name: 張雅婷}
- {kind: Responsibility, id: feedback, name: 用戶反饋, accountable: cs}
- {kind: Responsibility, id: monitoring, name: 數據監控, accountable: ops}
"""


def _meetings(attendees: str) -> str:
    return ("- kind: Meeting\n  id: weekly\n  name: 週例會\n  cadence: 每週一 10:00\n"
            f"  owner: wang\n  attendees: {attendees}\n")


@pytest.mark.parametrize(("attendees", "col"), [("[ops, cs, tech]", 24),
                                                ("[ops, eng, tech]", 25)])
def test_an_unknown_attendee_of_a_meeting_one_team_attends_holds_back_mt004(
        write_org, attendees: str, col: int) -> None:
    """`tech` may be the other team: one finding, the RF001, naming the MT004 it holds."""
    root = write_org({"teams.yaml": TEAMS, "meetings.yaml": _meetings(attendees)})
    found = json_findings(root)
    assert where(found) == [("RF001", "meetings.yaml", 6, col)]
    assert found[0]["hint"].endswith("(1 finding that follows from this mistake is held back "
                                     "until it is fixed: MT004 on duty 'feedback')")


def test_two_unknown_attendees_hold_it_back_though_neither_team_attends(write_org) -> None:
    root = write_org({"teams.yaml": TEAMS, "meetings.yaml": _meetings("[ops, tech, cz]")})
    assert where(json_findings(root)) == [("RF001", "meetings.yaml", 6, 20),
                                          ("RF001", "meetings.yaml", 6, 26)]


def test_an_unknown_attendee_of_a_meeting_neither_team_attends_holds_nothing(
        write_org) -> None:
    """One unknown id cannot bring two teams that are not there together: MT004 stays."""
    root = write_org({"teams.yaml": TEAMS, "meetings.yaml": _meetings("[ops, tech]")})
    assert where(json_findings(root)) == [("RF001", "meetings.yaml", 6, 20),
                                          ("MT004", "teams.yaml", 12, 26)]


@pytest.mark.parametrize(("attendees", "left"), [
    ("[ops, cs, eng]", []),  # the id it meant: no gap
    ("[ops, cs]", [("MT004", "teams.yaml", 12, 26)]),  # removed: the gap is real, reported
])
def test_either_fix_of_the_unknown_attendee_gives_what_it_should(
        write_org, attendees: str, left: list[tuple[str, str, int, int]]) -> None:
    root = write_org({"teams.yaml": TEAMS, "meetings.yaml": _meetings(attendees)})
    assert where(json_findings(root)) == left


def test_the_unknown_attendee_gives_the_same_findings_from_the_cache(
        tmp_path: Path, write_org) -> None:
    root = write_org({"teams.yaml": TEAMS, "meetings.yaml": _meetings("[ops, cs, eng]")})
    args = ("check", str(root), "--isolated", "--format", "json", "--lang", "en")
    assert run_cli(*args, cwd=root).json()["findings"] == []
    (root / "meetings.yaml").write_text(_meetings("[ops, cs, tech]"), "utf-8")
    warm = run_cli(*args, cwd=root).json()["findings"]
    assert where(warm) == [("RF001", "meetings.yaml", 6, 24)]
    assert warm == json_findings(root)


# --- the org diff ---------------------------------------------------------------------

BASE = """\
- {kind: Team, id: company, name: 星河購物, lead: wang, members: [wang]}
- {kind: Team, id: tech, name: 技術團隊, parent: company, lead: li, members: [li, wu]}
- {kind: Person, id: wang, name: 王大明}
- {kind: Person, id: li, name: 李建宏}
- {kind: Person, id: wu, name: 吳宗翰}
- {kind: Position, id: engineer, name: 技術開發工程師, team: tech, holders: [wu]}
- {kind: Responsibility, id: incident, name: 大促故障應急, accountable: tech}
- {kind: Responsibility, id: strategy, name: 經營策略, accountable: company}
"""


def _diff(tmp_path: Path, head: str, lang: str) -> list[str]:
    repo = tmp_path / "repo"
    (repo / "org").mkdir(parents=True)
    (repo / "org" / "org.yaml").write_text(BASE, "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    (repo / "org" / "org.yaml").write_text(head, "utf-8")
    run = run_cli("check", "--diff", "HEAD", "--isolated", "--no-cache", "--lang", lang,
                  cwd=repo)
    lines = run.stdout.splitlines()
    return lines[next(i for i, line in enumerate(lines) if not line.startswith((" ", "org/"))):]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["org diff against HEAD: 1 new finding, 0 fixed",
            "  team looks renamed without `aliases: [tech]`: 技術團隊 (tech) → 技術研發部 "
            "(engineering)"]),
    ("zh", ["与 HEAD 对比：1 条新问题，0 条已修复",
            "  团队看起来改了名，但没有写 `aliases: [tech]`：技術團隊 (tech) → 技術研發部 "
            "(engineering)"]),
    ("zh-Hant", ["與 HEAD 對比：1 條新問題，0 條已修復",
                 "  團隊看起來改了名，但沒有寫 `aliases: [tech]`：技術團隊 (tech) → 技術研發部 "
                 "(engineering)"]),
])
def test_a_reference_to_a_team_renamed_without_aliases_is_no_move_and_no_nobody(
        tmp_path: Path, lang: str, said: list[str]) -> None:
    """The position did not move and the duty kept its owner: `aliases: [tech]`, as the
    line says, makes both references good again (trial 33a: `moved from 技術團隊 (tech) to
    tech`, `技術團隊 (tech) → 無人`)."""
    head = BASE.replace("id: tech, name: 技術團隊", "id: engineering, name: 技術研發部")
    assert _diff(tmp_path, head, lang)[:-1] == said


@pytest.mark.parametrize(("lang", "said"), [
    ("en", ["  team removed: 技術團隊 (tech)",
            "  position 技術開發工程師 (engineer) names an undefined team 'tech' (it was in "
            "技術團隊 (tech))",
            "  accountable owner of duty 大促故障應急 (incident) changed: 技術團隊 (tech) → "
            "'tech' (undefined)"]),
    ("zh", ["  删除团队：技術團隊 (tech)",
            "  岗位 技術開發工程師 (engineer) 的所属团队 'tech' 未定义（原属 技術團隊 (tech)）",
            "  职责 大促故障應急 (incident) 的批准方 (A)变更：技術團隊 (tech) → 'tech'（未定义）"]),
    ("zh-Hant", ["  刪除團隊：技術團隊 (tech)",
                 "  職位 技術開發工程師 (engineer) 的所屬團隊 'tech' 未定義（原屬 技術團隊 "
                 "(tech)）",
                 "  職責 大促故障應急 (incident) 的批准方 (A)變更：技術團隊 (tech) → "
                 "'tech'（未定義）"]),
])
def test_a_reference_to_a_removed_team_is_said_to_name_nothing(
        tmp_path: Path, lang: str, said: list[str]) -> None:
    head = BASE.replace("- {kind: Team, id: tech, name: 技術團隊, parent: company, lead: li, "
                        "members: [li, wu]}\n", "")
    assert _diff(tmp_path, head, lang)[1:-1] == said


def test_a_position_moved_to_a_team_that_exists_is_still_a_move(tmp_path: Path) -> None:
    head = BASE.replace("team: tech,", "team: company,")
    assert "  position moved: 技術開發工程師 (engineer) from 技術團隊 (tech) to 星河購物 " \
        "(company)" in _diff(tmp_path, head, "en")


# --- SARIF ------------------------------------------------------------------------------

def test_sarif_message_lists_the_related_places_before_the_count(write_org) -> None:
    refs = "".join(f"- {{kind: Responsibility, id: d{i}, name: 職責{i}, accountable: tech}}\n"
                   for i in range(13))
    root = write_org({"o.yaml": "- {kind: Team, id: ops, name: 營運, lead: a, members: [a]}\n"
                      "- {kind: Person, id: a, name: 阿}\n" + refs})
    for lang, related, more in (("en", "related", " … and 2 more"),
                                ("zh", "相关", "……另有 2 处"), ("zh-Hant", "相關", "……另有 2 處")):
        run = run_cli("check", "o.yaml", "--isolated", "--no-cache", "--lang", lang,
                      "--format", "sarif", cwd=root)
        (result,) = [r for r in run.json()["runs"][0]["results"] if r["ruleId"] == "RF001"]
        sep = ", " if lang == "en" else "、"
        places = sep.join(f"o.yaml:{line}:{col}" for line, col in
                          ((r["physicalLocation"]["region"]["startLine"],
                            r["physicalLocation"]["region"]["startColumn"])
                           for r in result["relatedLocations"]))
        assert len(result["relatedLocations"]) == 10
        assert f"\n{related}: {places}{more}\n" in result["message"]["text"]


# --- RO001's hint, the position page, the feed -----------------------------------------

VACANT = """\
- {kind: Team, id: company, name: 星河購物, lead: wang, members: [wang]}
- {kind: Team, id: mkt, name: 行銷團隊, parent: company, lead: huang, members: [huang]}
- {kind: Team, id: nolead, name: 無主團隊, parent: company}
- {kind: Person, id: wang, name: 王大明}
- {kind: Person, id: huang, name: 黃淑芬}
- {kind: Position, id: marketer, name: 行銷專員, team: mkt, holders: [空缺]}
- {kind: Position, id: helper, name: 助理, team: nolead, holders: [空缺]}
"""


@pytest.mark.parametrize(("lang", "lead", "none"), [
    ("en", "`# orgspec: ignore[RO001] 黃淑芬 covers until hired`",
     "`# orgspec: ignore[RO001] the team lead covers until hired`"),
    ("zh", "`# orgspec: ignore[RO001] 招到人之前由黃淑芬代管`",
     "`# orgspec: ignore[RO001] 招到人之前由团队负责人代管`"),
    ("zh-Hant", "`# orgspec: ignore[RO001] 招到人之前由黃淑芬代管`",
     "`# orgspec: ignore[RO001] 招到人之前由團隊負責人代管`"),
])
def test_ro001_example_names_the_teams_lead_else_no_one(write_org, lang: str, lead: str,
                                                          none: str) -> None:
    root = write_org({"o.yaml": VACANT})
    run = run_cli("check", "o.yaml", "--isolated", "--no-cache", "--lang", lang,
                  "--format", "json", cwd=root)
    hints = {f["entity"]: f["hint"] for f in run.json()["findings"] if f["code"] == "RO001"}
    assert lead in hints["role:marketer"]
    assert none in hints["role:helper"]
    assert "林志豪" not in json.dumps(hints, ensure_ascii=False)


def test_ro001_hint_followed_gives_a_clean_check(write_org) -> None:
    text = VACANT.replace("- {kind: Position, id: marketer",
                          "# orgspec: ignore[RO001] until=2999-06-30 招到人之前由黃淑芬代管\n"
                          "- {kind: Position, id: marketer")
    root = write_org({"o.yaml": text})
    assert [f["entity"] for f in json_findings(root) if f["code"] == "RO001"] == \
        ["role:helper"]


def _site(tmp_path: Path, text: str, lang: str, repo_url: str = "") -> Path:
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    org = tmp_path / "org"
    org.mkdir(parents=True)
    (org / "o.yaml").write_text(text, "utf-8")
    result, loaded = lint_org([str(org)], Config())
    site = tmp_path / f"site-{lang}-{len(repo_url)}"
    build_site(result, loaded, str(site), SiteOptions(lang=lang, git_dates=False,
                                                      repo_url=repo_url))
    return site


@pytest.mark.parametrize(("lang", "note"), [
    ("zh-Hant", '黃淑芬</a><span class="muted">（行銷團隊的負責人，因為職位無人在職）</span>'),
    ("zh", '黃淑芬</a><span class="muted">（行銷團隊的负责人，因为岗位无人在岗）</span>'),
    ("en", '黃淑芬</a><span class="muted"> (lead of 行銷團隊, as the position has no '
           'holder)</span>'),
])
def test_the_position_pages_note_has_one_kind_of_brackets(tmp_path: Path, lang: str,
                                                          note: str) -> None:
    page = (_site(tmp_path, VACANT, lang) / "positions" / "marketer.html").read_text("utf-8")
    assert note in page


def _feed_id(site: Path) -> str:
    feed = (site / "changes" / "feed.xml").read_text("utf-8")
    return feed.split("<id>", 1)[1].split("</id>", 1)[0]


def test_the_feed_id_is_one_per_org_and_stable(tmp_path: Path) -> None:
    first = _feed_id(_site(tmp_path / "a", VACANT, "zh-Hant"))
    assert first.startswith("urn:orgspec:changes:") and first != "urn:orgspec:changes"
    assert _feed_id(_site(tmp_path / "b", VACANT, "en")) == first  # not by language
    other = VACANT.replace("id: company, name: 星河購物", "id: company, name: 月亮商城")
    assert _feed_id(_site(tmp_path / "c", other, "zh-Hant")) != first
    url = "https://gitlab.com/acme/org"
    by_url = _feed_id(_site(tmp_path / "d", VACANT, "zh-Hant", url))
    assert by_url not in (first, _feed_id(_site(tmp_path / "e", VACANT, "zh-Hant",
                                                "https://gitlab.com/other/org")))
    assert _feed_id(_site(tmp_path / "f", other, "zh-Hant", url + ".git")) == by_url
