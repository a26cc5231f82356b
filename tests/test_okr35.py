"""A year-like target with no from part, and the end of a fiscal year as a deadline (okr35):
exact values and findings for each.

1. `会员店数增加到 2030` (no 从/由 part) read 2030 as a year in Chinese: no target (OK004, a
   verb of change with no size). A year-like number after a verb of change or 达 with 到/至
   (增加到, 提升至, 增至, 达到, 降到) is the value it goes to, as `to 2030` is in English; a
   year written with 年 (`增加到 2030 年`, `到2030年`) and `从 2025 到 2030` stay years.
2. `2027财年底前` / `2027財年底前` / `FY2027  年底前` (two spaces) / `FY27 年底前` gave no deadline
   (OK003 "no time bound" without a period, no OK009 outside it): the end of a fiscal year
   with 前 is read as `FY2027年底前` has been since okr34, December 31 of that year; so is
   `by the end of FY2027`. A fiscal year alone, or its quarter or half, stays no time bound.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from pathlib import Path

import pytest

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.load.config import Config

TODAY = dt.date(2026, 2, 1)
TEAM = """\
- {kind: Team, id: ops, name: 运营部, lead: he, members: [he]}
- {kind: Person, id: he, name: 何丽}
"""

KR = dict[str, str]


def _org(krs: list[tuple[str | None, KR]]) -> tuple[str, list[dict[str, int]]]:
    """An org of one objective per key result ((period or None, fields)); the line of each
    key result's fields, by name."""
    lines = TEAM.splitlines()
    where: list[dict[str, int]] = []
    for i, (period, fields) in enumerate(krs):
        lines += ["- kind: Objective", f"  id: o{i}", "  title: 渠道增长", "  owner: ops"]
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
    """Each key result gets exactly its findings: (code, file, the line of the field)."""
    found = _lint(tmp_path, [(p, kr) for p, kr, _ in cases])
    where = _org([(p, kr) for p, kr, _ in cases])[1]
    got = sorted((f.code, Path(f.location.file).name, f.location.line) for f in found)
    want = sorted((code, "org.yaml", where[i][field])
                  for i, (_, _, codes) in enumerate(cases) for code, field in codes)
    assert got == want


def _values(title: str, period: str | None = "2026") -> tuple[str, str, str]:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import key_result_values

    obj = Objective(kind="Objective", id="o", title="t", period=period)
    vals = key_result_values(obj, KeyResult(id="k", title=title))
    return vals.baseline, vals.target, str(vals.due)


# --- 1. a year-like target with no from part -------------------------------------------------
@pytest.mark.parametrize(("title", "target"), [
    ("会员店数增加到 2030", "2030"),  # the report
    ("会员店数增加到2030", "2030"),
    ("會員店數增加到 2030", "2030"),
    ("社群团长人数提升至 2030", "2030"),
    ("社群團長人數提升至 2030", "2030"),
    ("前置仓数量增至 2030", "2030"),
    ("日均退款单量降到 2030", "2030"),
    ("月活商家达到 2030", "2030"),
    ("月活商家達到 2030", "2030"),
    ("会员店数增加到 2030 家", "2030 家"),  # a measure word, as before
    ("Grow member stores to 2030", "2030"),  # English, as before
    ("会员店数从 1800 增加到 2030", "2030"),  # a from part, as before (okr34b)
    # years: no value
    ("会员店数增加到 2030 年", ""),
    ("会员店数增加到2030年", ""),
    ("到2030年会员店数持续增长", ""),
    ("会员店数从 2025 到 2030 持续增长", ""),
    ("2030 会员店数增长计划", ""),
])
def test_a_year_like_target_with_no_from_part(title: str, target: str) -> None:
    assert _values(title)[1] == target


def test_the_findings_of_a_year_like_target(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026", {"title": "会员店数增加到 2030"}, []),  # was OK004: no target
        ("2026", {"title": "會員店數提升至 2030"}, []),
        ("2026-Q1", {"title": "Q3 社群团长人数增至 2030"}, [("OK009", "title")]),
        # years stay years
        ("2026", {"title": "会员店数增加到 2030 年"}, [("OK004", "title")]),
        ("2026", {"title": "会员体系从 2025 到 2030 持续升级"}, [("OK004", "title")]),
    ])


# --- 2. the end of a fiscal year as a deadline -------------------------------------------------
@pytest.mark.parametrize(("title", "period", "due"), [
    ("2027财年底前订单量达到900万", None, "2027-12-31"),  # the report
    ("2027財年底前訂單量達到900萬", None, "2027-12-31"),
    ("2027财年年底前订单量达到900万", None, "2027-12-31"),
    ("2027 财年底前订单量达到900万", None, "2027-12-31"),
    ("２０２７财年底前订单量达到900万", None, "2027-12-31"),
    ("2027会计年度末前订单量达到900万", None, "2027-12-31"),
    ("订单量达到900万（2027财年底前）", None, "2027-12-31"),
    ("FY2027  年底前订单量达到900万", None, "2027-12-31"),  # two spaces
    ("FY27 年底前订单量达到900万", None, "2027-12-31"),
    ("FY2027 年底前订单量达到900万", "2026-Q1", "2027-12-31"),  # as before (okr34)
    ("Reach 9M orders by the end of FY2027", None, "2027-12-31"),
    ("Reach 9M orders by end of FY27", None, "2027-12-31"),
    # no deadline: a fiscal year alone, its quarter or half
    ("2027财年订单量达到900万", None, "None"),
    ("FY2027 Q3前订单量达到900万", None, "None"),
    ("2027财年上半年订单量达到400万", None, "None"),
    ("Reach 9M orders by the end of FY2027 Q3", None, "None"),
])
def test_the_end_of_a_fiscal_year_is_a_deadline(title: str, period: str | None,
                                                 due: str) -> None:
    assert _values(title, period)[2] == due


def test_the_findings_of_the_end_of_a_fiscal_year(tmp_path: Path) -> None:
    _exact(tmp_path, [
        (None, {"title": "2027财年底前订单量达到900万"}, []),  # was OK003: no time bound
        (None, {"title": "2027財年底前訂單量達到900萬"}, []),
        (None, {"title": "FY2027  年底前订单量达到900万"}, []),
        ("2027", {"title": "2027财年底前订单量达到900万"}, []),
        ("2026-Q1", {"title": "2027财年底前订单量达到900万"}, [("OK009", "title")]),  # was none
        ("2026-Q1", {"title": "2027財年底前訂單量達到900萬"}, [("OK009", "title")]),
        ("2026-Q1", {"title": "Reach 9M orders by the end of FY2027"}, [("OK009", "title")]),
        # a fiscal year alone stays no time bound (trial 28)
        (None, {"title": "2027财年订单量达到900万"}, [("OK003", "title")]),
        (None, {"title": "FY2027 Q3前订单量达到900万"}, [("OK003", "title")]),
    ])


# --- what the user sees: the report, the site, the export --------------------------------------
ORG = TEAM + """\
- kind: Objective
  id: grow
  title: 渠道增长
  owner: ops
  period: "2027"
  key_results:
    - id: stores
      title: 会员店数增加到 2030
    - id: orders
      title: 2027财年底前订单量达到900万
"""


def test_report_site_and_export_show_the_target_and_the_deadline(tmp_path: Path) -> None:
    from conftest import run_cli

    org = tmp_path / "org"
    org.mkdir()
    (org / "org.yaml").write_text(ORG, "utf-8")
    report = run_cli("report", str(org), "--isolated", "--lang", "zh",
                     "-o", str(tmp_path / "r.md"))
    assert report.code == 0, report.stderr
    text = (tmp_path / "r.md").read_text("utf-8")
    assert "- ✅ 会员店数增加到 2030 — 目标值：2030" in text
    assert "- ✅ 2027财年底前订单量达到900万 — 目标值：900万" in text

    out = tmp_path / "csv"
    run = run_cli("export", str(org), "--isolated", "--format", "csv", "-o", str(out),
                  "--lang", "en")
    assert run.code == 0, run.stderr
    with open(out / "key-results.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {r["kr_id"]: r for r in csv.DictReader(handle)}
    assert {k: (r["target"], r["due"]) for k, r in rows.items()} == {
        "stores": ("2030", ""), "orders": ("900万", "2027-12-31")}


# --- the cache never changes these answers --------------------------------------------------
def test_the_same_findings_with_and_without_the_cache(tmp_path: Path) -> None:
    from conftest import run_cli

    krs: list[tuple[str | None, KR]] = [
        ("2026-Q1", {"title": "会员店数增加到 2030"}),
        ("2026-Q1", {"title": "2027财年底前订单量达到900万"}),
    ]
    org = tmp_path / "org"
    org.mkdir()
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}

    def both() -> list[str]:
        cold = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json")
        for _ in range(2):  # a cold cache, then a warm one
            warm = run_cli("check", str(org), "--isolated", "--format", "json", env=env)
            assert warm.json()["findings"] == cold.json()["findings"]
        return sorted(str(f["code"]) for f in cold.json()["findings"]
                      if str(f["code"]).startswith("OK"))

    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    assert both() == ["OK009"]
    time.sleep(1.1)  # an edit of a title
    krs[0] = ("2026-Q1", {"title": "会员店数增加到 2030 年"})
    krs[1] = ("2026-Q1", {"title": "2027财年订单量达到900万"})
    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    assert both() == ["OK004"]
