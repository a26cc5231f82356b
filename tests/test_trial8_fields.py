"""A fresh user's trial (a Taipei HR partner typing Traditional Chinese): a meeting's field
written as the words orgspec's own zh-Hant pages use (與會者, 與會人員, 出席者, 主持) or
misspelt (`attendes`) gave SC001 and, behind it, MT001/MT003 on the meeting and MT004's "no
meeting brings the two teams together" on the duty the meeting covers: one mistake, several
findings, the later ones false."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import run_cli

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


TEAM = """\
- {kind: Team, id: cs, name: 客服部, lead: chen, members: [yang, chen, huang]}
- {kind: Person, id: yang, name: 楊雅琪}
- {kind: Person, id: chen, name: 陳怡君}
- {kind: Person, id: huang, name: 黃淑芬}
- {kind: Role, id: specialist, name: 客服專員, team: cs, holders: [yang, huang]}
- {kind: Role, id: head, name: 客服主管, team: cs, holders: [chen]}
"""


@pytest.mark.parametrize(("lang", "members", "positions", "holders"), [
    ("zh-Hant", ["陳怡君", "黃淑芬", "楊雅琪"], ["客服主管", "客服專員"], "黃淑芬, 楊雅琪"),
    ("zh", ["陳怡君", "黃淑芬", "楊雅琪"], ["客服主管", "客服專員"], "黃淑芬, 楊雅琪"),
])
def test_a_team_page_lists_the_lead_then_the_readers_order_and_the_report_too(
        tmp_path: Path, lang: str, members: list[str], positions: list[str],
        holders: str) -> None:
    """Team page: the lead first, then strokes (zh-Hant: 黃 12 before 楊 13) or pinyin (zh:
    huáng before yáng), not the file's order; the report's positions table by name in the
    same order (主 5 before 專 11 strokes; pinyin zhǔ before zhuān), not by id."""
    from orgspec.engine.lint import lint_org
    from orgspec.site import SiteOptions, build_site

    (tmp_path / "org.yaml").write_text(TEAM, "utf-8")
    result, org = lint_org([str(tmp_path)], Config(lang=lang))
    build_site(result, org, str(tmp_path / "s"), SiteOptions(git_dates=False, lang=lang))
    page = (tmp_path / "s" / "teams" / "cs.html").read_text("utf-8")
    table = page.split('id="members"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'<a href="../people/\w+.html">([^<]+)</a>', table) == members
    run = run_cli("report", str(tmp_path), "--lang", lang, "--isolated")
    assert run.code == 0, run.stderr
    report = run.stdout
    rows = [line for line in report.splitlines() if "(`specialist`)" in line or
            "(`head`)" in line]
    assert [row.split(" (`", 1)[0].lstrip("| ") for row in rows] == positions
    assert holders in next(row for row in rows if "(`specialist`)" in row)
