"""A from-to value that looks like a year (okr34b, a fresh user's trial): exact values and
findings for each.

1. `每場直播平均觀看人數由 800 增加到 2000` and `會員人數由 1500 增加到 2030` passed as
   measurable with target 800 (1500) and no baseline in the report, the site (KR and KPI
   tables) and the export: 2000 and 2030 were read as years. In a Chinese from-to frame
   (由/从 X 到/至/an arrow Y) the other end being no bare year, or a verb of change between
   them, makes both ends values; `从 2025 到 2030` stays a span of years.
2. A number that looks like a year before a measure word counts (`降到 2025 单`,
   `第四季 2025 家门店开业`, `Q4 2025 家门店开业`), as `2025 人` did; not where the word begins
   a metric's name (`2025 单量`, `2026 家庭`: the year's).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 2, 1)
TEAM = """\
- {kind: Team, id: live, name: 直播部, lead: he, members: [he]}
- {kind: Person, id: he, name: 何丽}
"""

KR = dict[str, str]


def _org(krs: list[tuple[str | None, KR]]) -> tuple[str, list[dict[str, int]]]:
    """An org of one objective per key result ((period or None, fields)); the line of each
    key result's fields, by name."""
    lines = TEAM.splitlines()
    where: list[dict[str, int]] = []
    for i, (period, fields) in enumerate(krs):
        lines += ["- kind: Objective", f"  id: o{i}", "  title: 直播增长", "  owner: live"]
        if period:
            lines.append(f'  period: "{period}"')
        lines += ["  key_results:", f"    - id: k{i}"]
        at: dict[str, int] = {}
        for name, value in fields.items():
            lines.append(f"      {name}: '{value}'")
            at[name] = len(lines)
        where.append(at)
    return "\n".join(lines) + "\n", where


def _lint(tmp_path: Path, krs: list[tuple[str | None, KR]]) -> list[Finding]:
    (tmp_path / "org.yaml").write_text(_org(krs)[0], "utf-8")
    found = lint([str(tmp_path)], Config(lang="en"), today=TODAY).findings
    return [f for f in found if f.code.startswith("OK") and f.code not in ("OK013", "OK015")]


def _exact(tmp_path: Path, cases: list[tuple[str | None, KR, list[tuple[str, str]]]]) -> None:
    """Each key result gets exactly its findings: (code, the field it is at)."""
    found = _lint(tmp_path, [(p, kr) for p, kr, _ in cases])
    where = _org([(p, kr) for p, kr, _ in cases])[1]
    got = sorted((f.code, Path(f.location.file).name, f.location.line) for f in found)
    want = sorted((code, "org.yaml", where[i][field])
                  for i, (_, _, codes) in enumerate(cases) for code, field in codes)
    assert got == want


def _values(title: str, period: str = "2026-Q4") -> tuple[str, str, str]:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import key_result_values

    obj = Objective(kind="Objective", id="o", title="t", period=period)
    vals = key_result_values(obj, KeyResult(id="k", title=title))
    return vals.baseline, vals.target, str(vals.due)


# --- 1. a from-to frame ----------------------------------------------------------------------
@pytest.mark.parametrize(("title", "baseline", "target"), [
    ("每場直播平均觀看人數由 800 增加到 2000", "800", "2000"),  # the trial's
    ("會員人數由 1500 增加到 2030", "1500", "2030"),
    ("每场直播平均观看人数由 800 增加到 2000", "800", "2000"),
    ("会员人数从 1500 提升至 2030", "1500", "2030"),
    ("每场直播观看人数由 800 → 2000", "800", "2000"),
    ("会员人数从每月 800 提升至 2000", "800", "2000"),
    ("会员人数由 2000 增加到 2500", "2000", "2500"),  # the baseline looks like a year
    ("会员人数由 2000 增加到 2030", "2000", "2030"),  # a verb of change between
    ("GMV 从 120 万增长到 2026 万", "120 万", "2026 万"),
    # the controls, right before
    ("每場直播平均觀看人數由 800 增加到 2500", "800", "2500"),
    ("每場直播平均觀看人數由 800 人增加到 2000 人", "800 人", "2000 人"),
    ("Live viewers from 800 to 2000", "800", "2000"),
    # a span of years stays one: no value
    ("会员体系从 2025 到 2030 持续升级", "", ""),
])
def test_a_from_to_value_that_looks_like_a_year_is_a_value(
        title: str, baseline: str, target: str) -> None:
    assert _values(title)[:2] == (baseline, target)


def test_the_findings_of_a_from_to_frame(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026-Q4", {"title": "每場直播平均觀看人數由 800 增加到 2000"}, []),
        ("2026-Q4", {"title": "會員人數由 1500 增加到 2030"}, []),
        ("2026-Q4", {"title": "會員人數由 2000 增加到 2030"}, []),
        # the target is the value now: 2000 from 2500 is a decrease worded as an increase
        ("2026-Q4", {"title": "會員人數由 2500 增加到 2000"}, [("OK008", "title")]),
        ("2026-Q4", {"title": "会员体系从 2025 到 2030 持续升级"}, [("OK004", "title")]),
        ("2026-Q4", {"title": "会员人数增加到 2000", "target": "2000"}, []),
    ])


def test_each_hint_followed_leads_to_a_clean_check(tmp_path: Path) -> None:
    found = _lint(tmp_path, [("2026-Q4", {"title": "会员体系从 2025 到 2030 持续升级"}),
                             ("2026-Q4", {"title": "會員人數由 2500 增加到 2000"})])
    assert [f.code for f in found] == ["OK004", "OK008"]
    example = re.search(r"e\.g\. (.+)$", str(found[0].hint))
    assert example and str(found[1].hint) == "fix the direction or the target"
    assert _lint(tmp_path, [("2026-Q4", {"title": example.group(1)}),  # as the example
                            ("2026-Q4", {"title": "會員人數由 2500 減少到 2000"}),  # direction
                            ("2026-Q4", {"title": "會員人數由 2500 增加到 3000"})]) == []  # target


# --- 2. a count before its measure word ------------------------------------------------------
@pytest.mark.parametrize(("title", "target", "due"), [
    ("退货降到 2025 单", "2025 单", "None"),  # the objective's period bounds it
    ("退貨降到 2025 單", "2025 單", "None"),
    ("第四季 2025 家门店开业", "2025 家", "2026-12-31"),
    ("第四季 2025 家門店開業", "2025 家", "2026-12-31"),
    ("Q4 2025 家门店开业", "2025 家", "2026-12-31"),
    ("第四季 2025 个新商家入驻", "2025 个", "2026-12-31"),
    # the year's: a measure word that begins a metric's name
    ("Q4 2025 单量增长20%", "20%", "2025-12-31"),
    ("第四季 2025 单量增长20%", "20%", "2025-12-31"),
    ("2026 家庭用户增长10%", "10%", "None"),
])
def test_a_count_before_its_measure_word_is_no_year(title: str, target: str, due: str) -> None:
    assert _values(title)[1:] == (target, due)


def test_the_findings_of_a_count_after_a_quarter(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026-Q4", {"title": "第四季 2025 家门店开业"}, []),
        ("2026-Q4", {"title": "Q4 2025 家门店开业"}, []),
        ("2026-Q4", {"title": "退货降到 2025 单"}, []),
        # the quarter's year, outside the period: a deadline
        ("2026-Q4", {"title": "Q4 2025 单量增长20%"}, [("OK009", "title")]),
    ])


# --- what the user sees: the report, the site (key results and KPIs), the export ------------
ORG = TEAM + """\
- kind: Position
  id: host
  name: 主播
  team: live
  holders: [he]
  kpis:
    - 每場直播平均觀看人數由 800 增加到 2000
- kind: Objective
  id: grow
  title: 直播觀看成長
  owner: live
  period: 2026-Q4
  key_results:
    - id: viewers
      title: 每場直播平均觀看人數由 800 增加到 2000
    - id: members
      title: 會員人數由 1500 增加到 2030
"""


def test_report_site_and_export_show_the_baseline_and_the_target(tmp_path: Path) -> None:
    from conftest import run_cli

    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    report = run_cli("report", str(org), "--isolated", "--lang", "zh-Hant",
                     "-o", str(tmp_path / "r.md"))
    assert report.code == 0, report.stderr
    text = (tmp_path / "r.md").read_text("utf-8")
    assert "- ✅ 每場直播平均觀看人數由 800 增加到 2000 — 基線：800 · 目標值：2000" in text
    assert "- ✅ 會員人數由 1500 增加到 2030 — 基線：1500 · 目標值：2030" in text
    assert "目標值：800" not in text and "目標值：1500" not in text

    site = tmp_path / "site"
    assert run_cli("site", str(org), "--isolated", "--lang", "zh-Hant", "-o", str(site)).code == 0
    page = (site / "okrs" / "grow.html").read_text("utf-8")
    assert "<td>每場直播平均觀看人數由 800 增加到 2000</td><td>（見標題）</td><td>800</td>" \
           "<td></td><td>2000</td>" in page
    assert "<td>會員人數由 1500 增加到 2030</td><td>（見標題）</td><td>1500</td>" \
           "<td></td><td>2030</td>" in page
    kpis = (site / "positions" / "host.html").read_text("utf-8")
    assert "<td>每場直播平均觀看人數由 800 增加到 2000</td><td></td><td>2000</td>" in kpis

    out = tmp_path / "csv"
    run = run_cli("export", str(org), "--isolated", "--format", "csv", "-o", str(out),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    with open(out / "key-results.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["kr_id"]: r for r in csv.DictReader(handle)}
    assert {k: (r["baseline"], r["target"]) for k, r in rows.items()} == {
        "viewers": ("800", "2000"), "members": ("1500", "2030")}


# --- the cache never changes these answers --------------------------------------------------
def test_the_same_findings_with_and_without_the_cache(tmp_path: Path) -> None:
    from conftest import run_cli

    krs: list[tuple[str | None, KR]] = [
        ("2026-Q4", {"title": "會員人數由 2500 增加到 2000"}),
        ("2026-Q4", {"title": "会员体系从 2025 到 2030 持续升级"}),
        ("2026-Q4", {"title": "Q4 2025 单量增长20%"}),
        ("2026-Q4", {"title": "第四季 2025 家门店开业"}),
    ]
    org = tmp_path / "org"
    org.mkdir()
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}

    def both() -> list[dict[str, object]]:
        cold = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json")
        for _ in range(2):  # a cold cache, then a warm one
            warm = run_cli("check", str(org), "--isolated", "--format", "json", env=env)
            assert warm.json()["findings"] == cold.json()["findings"]
        return [f for f in cold.json()["findings"] if str(f["code"]).startswith("OK")]

    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    assert sorted(f["code"] for f in both()) == ["OK004", "OK008", "OK009"]
    time.sleep(1.1)  # an edit of each kind the rules read: a title, a period
    krs[0] = ("2026-Q4", {"title": "會員人數由 1500 增加到 2030"})
    krs[1] = ("2026-Q4", {"title": "会员人数从 2025 增加到 2500"})
    krs[2] = ("2025", {"title": "Q4 2025 单量增长20%"})
    krs[3] = ("2026-Q4", {"title": "第四季 2025 单量增长20%"})
    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    assert sorted(f["code"] for f in both()) == ["OK009"]
