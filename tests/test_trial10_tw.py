"""What a Taipei HR/ops lead met (trial 10, 2026-12, zh-Hant, Zhuyin IME): a Chinese RACI
word written as a duty's field (`負責人：ke-fu-bu`, `負責人: ke-fu-bu`) said vaguely or as
four findings, a team's name in `accountable` holding back only some of what follows, a tab
hint that led to a wrong fix, and a parse error told twice. The org is hers
(`fixtures/shoplink`), one slip at a time."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from conftest import run_cli

SHOPLINK = Path(__file__).resolve().parent / "fixtures" / "shoplink" / "org"
LINE = "  accountable: ke-fu-bu\n"  # complaint-handling's, line 6 of work/duties.yaml


def slipped(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    """Her org with `old` written as `new` in file `rel`."""
    org = tmp_path / "org"
    shutil.copytree(SHOPLINK, org)
    text = (org / rel).read_text("utf-8")
    assert old in text
    (org / rel).write_text(text.replace(old, new, 1), "utf-8")
    return org


def check(org: Path, lang: str = "en") -> list[dict[str, Any]]:
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                  "--lang", lang, cwd=org.parent)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return [(f["code"], f["file"].split("org/", 1)[-1], f["line"], f["column"])
            for f in findings]


def test_her_org_is_clean(tmp_path: Path) -> None:
    assert check(slipped(tmp_path, "work/duties.yaml", LINE, LINE)) == []



TAB = ("      sla: 1天\n", "\tsla: 1天\n")  # line 18 of work/processes.yaml

# 5. a file that fails to load: its error is the one finding; the summary says the rest

def test_a_parse_error_is_one_finding_and_the_summary_says_checks_are_incomplete(
        tmp_path: Path) -> None:
    org = slipped(tmp_path, "work/processes.yaml", *TAB)
    assert [f["code"] for f in check(org)] == ["IN001"]  # no RF003 at the same place
    for lang, summary in [
            ("en", "Found 1 error, 0 warnings, 0 info in 11 files (47 entities). 1 file could "
                   "not be loaded, so cross-file checks are incomplete."),
            ("zh-Hant", "發現 1 個錯誤、0 個警告、0 個提示，共 11 個檔案（47 個實體）。1 個檔案無法"
                        "載入，所以跨檔案檢查不完整。")]:
        run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang,
                      cwd=tmp_path)
        assert run.stdout.splitlines()[-1] == summary

