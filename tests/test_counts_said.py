"""Counts said in the reader's language with gettext's plural forms (`i18n.P`, ngettext):
the text summary says how many findings the baseline hides; the site's and the reports'
counts agree in number in English ("1 team", "2 teams") and read as Chinese in zh."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from orgspec.i18n import MISSES, P, say

# 华东电商: two teams answer for one duty (OW001), and a person is on no team (HI007)
TEAMS = """\
- {kind: Team, id: company, name: 公司, lead: wang, members: [wang]}
- {kind: Team, id: shop, name: 店铺, parent: company, lead: wang, members: [wang]}
- {kind: Person, id: wang, name: 王芳}
- {kind: Person, id: li, name: 李强}
- {kind: Responsibility, id: promo, name: 大促活动, accountable: [company, shop]}
"""


def _baselined(write_org: Any, org: str = TEAMS) -> Path:
    folder = write_org({"teams.yaml": org}).parent
    (folder / ".orgspec.yaml").write_text("root: org\nbaseline: base.json\n", "utf-8")
    assert run_cli("check", "--write-baseline", "base.json", cwd=folder).code == 0
    return folder


@pytest.mark.parametrize(("lang", "summary"), [
    ("en", "No new problems found in 1 file (5 entities). 2 known findings hidden by the "
           "baseline."),
    ("zh", "未发现新问题，共 1 个文件（5 个实体）。基线隐藏了 2 条已知问题。"),
    ("zh-Hant", "未發現新問題，共 1 個檔案（5 個實體）。基線隱藏了 2 條已知問題。"),
])
def test_the_text_summary_says_how_many_findings_the_baseline_hides(
        write_org: Any, lang: str, summary: str) -> None:
    run = run_cli("check", "--lang", lang, cwd=_baselined(write_org))
    assert run.code == 0, run.stderr
    assert run.stdout.splitlines() == [summary]


def test_the_summary_counts_one_hidden_finding_in_the_singular(write_org: Any) -> None:
    folder = _baselined(write_org, TEAMS.replace("[company, shop]", "company"))
    (folder / "org" / "teams.yaml").write_text(TEAMS, "utf-8")  # now an overlap too
    run = run_cli("check", "--lang", "en", cwd=folder)
    assert run.stdout.splitlines()[-1] == (
        "Found 1 error, 0 warnings, 0 info in 1 file (5 entities). 1 known finding hidden "
        "by the baseline.")


def test_machine_formats_do_not_change_with_the_summary(write_org: Any) -> None:
    folder = _baselined(write_org)
    doc = run_cli("check", "--format", "json", "--lang", "en", cwd=folder).json()
    assert doc["findings"] == [] and set(doc["summary"]) == {
        "files", "failed_files", "entities", "error", "warning", "info"}
    run = run_cli("check", "--format", "json-lines", "--lang", "en", cwd=folder)
    assert run.stdout == ""
