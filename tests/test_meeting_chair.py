"""A meeting's `owner` is who chairs it (`models.Meeting`): what orgspec says of it says
主持, the word the site's meeting pages already use, in Simplified and Traditional Chinese,
not 负责方 (a duty's or a process's owner)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.load.config import Config

TODAY = dt.date(2026, 12, 2)
ORG = """\
- {kind: Team, id: ops, name: 运营部, lead: ada, members: [ada]}
- {kind: Person, id: ada, name: 王芳}
- {kind: Meeting, id: weekly, name: 周会, cadence: 每周一 10:00, owner: ops, attendees: [ops]}
- {kind: Meeting, id: review, name: 复盘会, cadence: 每月, owner: 待定, attendees: [ops]}
"""


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "meeting 'review' has no owner (written as '待定')"),
    ("zh", "会议 'review' 没有主持人（写作 '待定'）"),
    ("zh-Hant", "會議 'review' 沒有主持人（寫作 '待定'）")])
def test_a_meeting_without_a_chair_is_said_so(write_org, lang: str, said: str) -> None:
    root = write_org({"org.yaml": ORG})
    [mt001] = [f for f in lint([str(root)], Config(lang=lang), today=TODAY).findings
               if f.code == "MT001"]
    assert str(mt001.message) == said


@pytest.mark.parametrize(("lang", "chair"), [("en", "Chair"), ("zh", "主持"),
                                             ("zh-Hant", "主持")])
def test_the_reports_meeting_table_names_the_chair(write_org, lang: str, chair: str) -> None:
    root = write_org({"org.yaml": ORG})
    md = run_cli("report", str(root), "--isolated", "--lang", lang, "--format", "markdown")
    [header] = [line for line in md.stdout.splitlines() if line.startswith("| ") and
                ("| Cadence |" in line or "| 频率 |" in line or "| 頻率 |" in line)]
    assert header.split(" | ")[2] == chair, header
    html = run_cli("report", str(root), "--isolated", "--lang", lang, "--format", "html")
    table = html.stdout.split('<table class="meetings">', 1)[1].split("</thead>", 1)[0]
    assert f"<th>{chair}</th>" in table


@pytest.mark.parametrize(("lang", "none", "label"), [("en", "no chair", "chair"),
                                                     ("zh", "无主持人", "主持人"),
                                                     ("zh-Hant", "無主持人", "主持人")])
def test_the_site_and_show_name_the_chair(write_org, tmp_path: Path, lang: str, none: str,
                                          label: str) -> None:
    root = write_org({"org.yaml": ORG})
    out = tmp_path / "site"
    done = run_cli("site", str(root), "-o", str(out), "--isolated", "--lang", lang)
    assert done.code == 0, done.stderr
    page = (out / "meetings" / "review.html").read_text("utf-8")
    assert f'<span class="bad">{none}</span>' in page
    shown = run_cli("show", "meeting", "weekly", str(root), "--isolated", "--lang", lang)
    assert shown.stdout.splitlines()[1] == f"  {label}: ops 运营部"
