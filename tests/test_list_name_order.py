"""Every list a reader sees is in the order of the names shown (pinyin under zh-Hans,
strokes under zh-Hant), the id only breaking a tie (trial 33a: team pages and `orgspec who`
listed by id). The fixture's three of each kind are named 大 (dà, 3 strokes), 投 (tóu, 7)
and 用 (yòng, 5) with ids `-c`, `-a`, `-b`: id order (a b c) is neither name order, and the
two name orders differ (pinyin c a b, strokes c b a), so each list below can only pass
sorted by the reader's collation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.report.lookup import show, who
from orgspec.site import SiteOptions, build_site

ORG = """\
- {kind: Team, id: top, name: 本部, lead: boss, members: [boss, p-a, p-b, p-c]}
- {kind: Team, id: t-a, name: 投組, parent: top, lead: boss, members: [boss, p-a]}
- {kind: Team, id: t-b, name: 用組, parent: top, lead: boss, members: [boss, p-a]}
- {kind: Team, id: t-c, name: 大組, parent: top, lead: boss, members: [boss, p-a]}
- {kind: Person, id: boss, name: 王一}
- {kind: Person, id: p-a, name: 投明, manager: boss, roles: [r-a, r-b, r-c]}
- {kind: Person, id: p-b, name: 用明, manager: boss, roles: [r-a]}
- {kind: Person, id: p-c, name: 大明, manager: boss, roles: [r-a]}
- {kind: Role, id: r-a, name: 投專員, team: top, headcount: 3, duties: [d-a, d-b, d-c]}
- {kind: Role, id: r-b, name: 用專員, team: top}
- {kind: Role, id: r-c, name: 大專員, team: top}
- {kind: Responsibility, id: d-a, name: 投事, accountable: top, consulted: [t-a, t-b, t-c]}
- {kind: Responsibility, id: d-b, name: 用事, accountable: top}
- {kind: Responsibility, id: d-c, name: 大事, accountable: top}
- {kind: Meeting, id: m-a, name: 投會, cadence: 每週一 10:00, owner: r-a,
   attendees: [t-a, t-b, t-c]}
- {kind: Meeting, id: m-b, name: 用會, cadence: 每週二 10:00, owner: r-a,
   attendees: [t-a, t-b, t-c]}
- {kind: Meeting, id: m-c, name: 大會, cadence: 每週三 10:00, owner: r-a,
   attendees: [t-a, t-b, t-c]}
- {kind: Process, id: pr-a, name: 投流程, owner: top, responsibility: d-a,
   steps: [{id: s, name: 做, owner: p-a}]}
- {kind: Process, id: pr-b, name: 用流程, owner: top, responsibility: d-a,
   steps: [{id: s, name: 做, owner: p-a}]}
- {kind: Process, id: pr-c, name: 大流程, owner: top, responsibility: d-a,
   steps: [{id: s, name: 做, owner: p-a}]}
- {kind: Objective, id: o-a, title: 投目標, owner: top, period: 2026-Q1,
   key_results: [{id: k, title: 用戶數從 10 到 20, metric: 用戶數, baseline: 10, target: 20}]}
- {kind: Objective, id: o-b, title: 用目標, owner: top, period: 2026-Q1,
   key_results: [{id: k, title: 用戶數從 10 到 20, metric: 用戶數, baseline: 10, target: 20}]}
- {kind: Objective, id: o-c, title: 大目標, owner: top, period: 2026-Q1,
   key_results: [{id: k, title: 用戶數從 10 到 20, metric: 用戶數, baseline: 10, target: 20}]}
"""
LANGS = {"zh": "cab", "zh-Hant": "cba"}  # pinyin: 大 投 用; strokes: 大 (3) 用 (5) 投 (7)
FOLDERS = {"teams": "t", "people": "p", "positions": "r", "duties": "d", "meetings": "m",
           "processes": "pr", "okrs": "o"}


@pytest.fixture(scope="module")
def org_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("order")
    (folder / "org.yaml").write_text(ORG, "utf-8")
    return folder


@pytest.fixture(scope="module", params=list(LANGS))
def site(request: Any, org_dir: Path, tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[str, Path]:
    lang = request.param
    result, org = lint_org([str(org_dir)], Config(lang=lang))
    out = tmp_path_factory.mktemp(f"site-{lang}")
    build_site(result, org, str(out), SiteOptions(git_dates=False, lang=lang))
    return lang, out


def _links(html: str, folder: str) -> str:
    """The letters (`a`, `b`, `c`) of the links to `folder`'s fixture pages, in page order."""
    prefix = FOLDERS[folder]
    return "".join(re.findall(rf'href="(?:\.\./)?{folder}/{prefix}-([abc])\.html"', html))


def _section(out: Path, page: str, section: str) -> str:
    html = (out / page).read_text("utf-8")
    return html.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(("page", "section", "folder"), [
    ("teams/top.html", "charter", "duties"),
    ("teams/top.html", "meetings", "meetings"),
    ("teams/top.html", "members", "people"),
    ("teams/top.html", "positions", "positions"),
    ("teams/top.html", "processes", "processes"),
    ("teams/top.html", "okrs", "okrs"),
    ("people/p-a.html", "duties", "duties"),
    ("people/p-a.html", "meetings", "meetings"),
    ("people/p-a.html", "steps", "processes"),
    ("positions/r-a.html", "duties", "duties"),
    ("positions/r-a.html", "meetings", "meetings"),
    ("duties/d-a.html", "raci", "teams"),
    ("duties/d-a.html", "served", "processes"),
    ("meetings/m-a.html", "attendees", "teams"),
])
def test_a_pages_list_is_by_name(site: tuple[str, Path], page: str, section: str,
                                 folder: str) -> None:
    lang, out = site
    assert _links(_section(out, page, section), folder) == LANGS[lang]


@pytest.mark.parametrize(("page", "folder"), [
    ("processes/index.html", "processes"), ("okrs/index.html", "okrs"),
    ("meetings/index.html", "meetings"), ("duties/index.html", "duties"),
    ("positions/index.html", "positions"), ("people/index.html", "people")])
def test_an_index_is_by_name(site: tuple[str, Path], page: str, folder: str) -> None:
    lang, out = site
    assert _links((out / page).read_text("utf-8").split("<main", 1)[1], folder) == LANGS[lang]


def test_a_persons_teams_positions_and_reports_are_by_name(site: tuple[str, Path]) -> None:
    """The header lines of a person's page: the teams they belong to, lead, the positions
    they hold, their direct reports; one duty held through three teams, by team name."""
    lang, out = site
    want = LANGS[lang]
    person = (out / "people" / "p-a.html").read_text("utf-8").split("<main", 1)[1]
    before_duties = person.split('id="duties"', 1)[0]
    assert _links(before_duties, "teams") == want
    assert _links(before_duties, "positions") == want
    boss = (out / "people" / "boss.html").read_text("utf-8").split("<main", 1)[1]
    assert _links(boss.split('id="duties"', 1)[0], "people") == want
    assert _links(boss.split('id="duties"', 1)[0], "teams") == want * 2  # leads, belongs to
    team_duties = person.split('id="team-duties"', 1)[1].split("</section>", 1)[0]
    assert _links(team_duties, "teams") == want


def test_a_teams_sub_teams_are_by_name(site: tuple[str, Path]) -> None:
    """In the page's header and in its structure diagram, top to bottom."""
    lang, out = site
    page = (out / "teams" / "top.html").read_text("utf-8").split("<main", 1)[1]
    assert _links(page.split("<section", 1)[0], "teams") == LANGS[lang]
    boxes = re.findall(r"<title>(.)組 · ", _section(out, "teams/top.html", "structure"))
    assert "".join({"投": "a", "用": "b", "大": "c"}[n] for n in boxes) == LANGS[lang]


def test_the_attendees_in_the_meetings_index_are_by_name(site: tuple[str, Path]) -> None:
    """A meeting's attendees in the meetings index, as its page lists them."""
    lang, out = site
    rows = (out / "meetings" / "index.html").read_text("utf-8").split("<tbody>", 1)[1]
    first = rows.split("</tr>", 1)[0]
    assert _links(first, "teams") == LANGS[lang]


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_reports_lists_are_by_name(org_dir: Path, lang: str) -> None:
    """The report's OKRs and processes, a meeting's attendees, a RACI cell's holders."""
    from orgspec.report.view import build_view

    result, org = lint_org([str(org_dir)], Config(lang=lang))
    view = build_view(result, org, lang)
    want = LANGS[lang]
    assert "".join(o.id[-1] for o in view.okrs) == want
    assert "".join(p.id[-1] for p in view.processes) == want
    shown = {"投組": "a", "用組": "b", "大組": "c"}
    sep = "、"
    assert {"".join(shown[n] for n in m.attendees.split(sep)) for m in view.meetings} == {want}
    row = next(r for r in view.raci if r.duty == "d-a")
    assert "".join(shown[n] for n in row.holders("C")) == want


@pytest.mark.parametrize("lang", list(LANGS))
def test_who_and_show_list_by_name(org_dir: Path, lang: str) -> None:
    """`orgspec who`: the matches of a kind, a duty's holders, a position's people;
    `orgspec show`: a person's duties held through three teams, a position's meetings."""
    _, org = lint_org([str(org_dir)], Config(lang=lang))
    want = LANGS[lang]

    def letters(ids: list[str]) -> str:
        return "".join(i[-1] for i in ids if re.fullmatch(r"[a-z]+-[abc]", i))

    answer = who(org, "組", lang)
    assert letters([m["id"] for m in answer["matches"] if m["kind"] == "team"]) == want
    duty = who(org, "投事", lang)["matches"][0]
    assert letters([h["id"] for h in duty["raci"]["consulted"]]) == want
    position = who(org, "投專員", lang)["matches"][0]
    assert letters([p["id"] for p in position["people"]]) == want
    person = show(org, "person", "p-a", lang)
    assert letters([d["via"].partition(":")[2] for d in person["team_raci"]["consulted"]]) \
        == want
    assert letters([m["id"] for m in show(org, "role", "r-a", lang)["meetings"]]) == want
    assert letters(show(org, "duty", "d-a", lang)["processes"]) == want


@pytest.mark.parametrize(("written", "want"), [("", "cba"), ("name-order: pinyin\n", "cab")])
def test_who_on_the_command_line_follows_the_configs_name_order(
        tmp_path: Path, org_dir: Path, written: str, want: str) -> None:
    """`orgspec who` in zh-Hant: strokes, unless the config says `name-order: pinyin`."""
    (tmp_path / ".orgspec.yaml").write_text(f"lang: zh-Hant\n{written}", "utf-8")
    run = run_cli("who", "投專員", str(org_dir), "--config", str(tmp_path / ".orgspec.yaml"),
                  "--format", "json")
    assert run.code == 0, run.stderr
    people = json.loads(run.stdout)["matches"][0]["people"]
    assert "".join(p["id"][-1] for p in people) == want
