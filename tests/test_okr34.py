"""Key-result judgement leftovers (okr34): exact findings (code, file, line) for each.

1. `Q4 2025 new sellers` counts sellers after a quarter, as `第四季 2025 家` does; `by Q4 2025`
   stays a deadline (the quarter's year), and its year is no target.
2. A quarter that does not exist (Q5, Q0, 第十三季) is neither a deadline nor a value; a number
   written as a power (1e400, 10^400) is no value; 九十分之一 is 1/90 (not 十分之一); a zero part
   (三分之零) is no target.
3. `一半一半` (half and half) is no half of anything: no target.
4. `上线 v2.0 后…` is a time clause like `上线X后…`: a version with spaces in the object.
5. `target: v2.0` (a version, a quarter, a fiscal year): OK006's hint says what to write
   instead of a number, so that following it gives a clean check only when measurable.
6. A fiscal year outside the objective's period behaves as a calendar year does.
"""

from __future__ import annotations

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
- {kind: Team, id: cs, name: 客服部, lead: he, members: [he]}
- {kind: Person, id: he, name: 何丽}
"""

KR = dict[str, str]


def _org(krs: list[tuple[str | None, KR]]) -> tuple[str, list[dict[str, int]]]:
    """An org of one objective per key result ((period or None, fields)); the line of each
    key result's fields, by name."""
    lines = TEAM.splitlines()
    where: list[dict[str, int]] = []
    for i, (period, fields) in enumerate(krs):
        lines += ["- kind: Objective", f"  id: o{i}", "  title: 客服效率", "  owner: cs"]
        if period:
            lines.append(f'  period: "{period}"')
        lines += ["  key_results:", f"    - id: k{i}"]
        at: dict[str, int] = {}
        for name, value in fields.items():
            lines.append(f"      {name}: '{value}'")
            at[name] = len(lines)
        where.append(at)
    return "\n".join(lines) + "\n", where


def _lint(tmp_path: Path, krs: list[tuple[str | None, KR]],
          lang: str = "en") -> tuple[list[Finding], list[dict[str, int]]]:
    text, where = _org(krs)
    (tmp_path / "org.yaml").write_text(text, "utf-8")
    found = lint([str(tmp_path)], Config(lang=lang), today=TODAY).findings
    return [f for f in found if f.code.startswith("OK") and f.code not in ("OK013", "OK015")], \
        where


def _exact(tmp_path: Path, cases: list[tuple[str | None, KR, list[tuple[str, str]]]]) -> None:
    """Each key result gets exactly its findings: (code, the field it is at)."""
    found, where = _lint(tmp_path, [(p, kr) for p, kr, _ in cases])
    got = sorted((f.code, Path(f.location.file).name, f.location.line) for f in found)
    want = sorted((code, "org.yaml", where[i][field])
                  for i, (_, _, codes) in enumerate(cases) for code, field in codes)
    assert got == want


def _example(f: Finding) -> str:
    """The example a rewrite hint gives (`e.g. <example>`)."""
    m = re.search(r"e\.g\. (.+)$", str(f.hint))
    assert m, f.hint
    return m.group(1)


# --- 2. quarters that do not exist, powers, fractions ------------------------------------
def test_no_such_quarter_power_or_zero_fraction(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026-Q4", {"title": "GMV达到5亿", "target": "Q5"}, [("OK006", "target")]),
        ("2026-Q4", {"title": "GMV达到5亿", "target": "Q0"}, [("OK006", "target")]),
        ("2026-Q4", {"title": "GMV达到5亿", "target": "第十三季"}, [("OK006", "target")]),
        # in a sentence: text, no deadline and no value (the target is 5亿, not 5 nor 0)
        (None, {"title": "GMV reaches 5亿 by Q5"}, [("OK003", "title")]),
        ("2026-Q4", {"title": "GMV reaches 5亿 in Q0"}, []),
        (None, {"title": "第十三季GMV达到5亿"}, [("OK003", "title")]),
        ("2026-Q4", {"title": "第十三季GMV达到5亿"}, []),
        ("2026-Q4", {"title": "GMV", "metric": "GMV", "target": "1e400"},
         [("OK006", "target")]),
        ("2026-Q4", {"title": "GMV", "metric": "GMV", "target": "10^400"},
         [("OK006", "target")]),
        ("2026-Q4", {"title": "GMV达到1e400"}, [("OK003", "title")]),
        ("2026-Q4", {"title": "GMV reaches 10^400 yuan"}, [("OK003", "title")]),
        ("2026-Q4", {"title": "退货率降到三分之零"}, [("OK003", "title")]),
        ("2026-Q4", {"title": "退货率", "metric": "退货率", "target": "三分之零"},
         [("OK006", "target")]),
        ("2026-Q4", {"title": "退货率降到九十分之一"}, []),
        ("2026-Q4", {"title": "退货率", "metric": "退货率", "target": "九十分之一"}, []),
        ("2026-Q4", {"title": "Q3 GMV达到5亿"}, [("OK009", "title")]),  # a real quarter
    ])


@pytest.mark.parametrize(("title", "shown"), [
    ("GMV reaches 5亿 by Q5", "5亿"), ("GMV reaches 5亿 in Q0", "5亿"),
    ("Q13 GMV 5亿", "5亿"), ("退货率降到九十分之一", "九十分之一"),
    ("退貨率降到二十五分之一", "二十五分之一")])
def test_the_target_shown_is_no_part_of_a_quarter_that_does_not_exist(
        title: str, shown: str) -> None:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import key_result_values
    from orgspec.text.quantity import parse_quantity

    obj = Objective(kind="Objective", id="o", title="t", period="2026-Q4")
    vals = key_result_values(obj, KeyResult(id="k", title=title))
    assert vals.target == shown and vals.due is None
    assert parse_quantity("九十分之一") == parse_quantity("1/90")


def test_each_hint_on_a_sentence_without_a_value_leads_to_a_clean_check(tmp_path: Path) -> None:
    titles = ["GMV达到1e400", "退货率降到三分之零", "转化率一半一半", "GMV reaches 5亿 by Q5",
              "Raise GMV by Q4 2026", "Q4 2026 revenue growth"]
    found, _ = _lint(tmp_path, [(None, {"title": t}) for t in titles])
    assert [f.code for f in found] == ["OK003"] * 4 + ["OK004", "OK003"]
    again, _ = _lint(tmp_path, [(None, {"title": _example(f)}) for f in found])
    assert again == []


# --- 3. 一半一半 ------------------------------------------------------------------------------
def test_half_and_half_is_no_half(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026", {"title": "转化率一半一半"}, [("OK003", "title")]),
        ("2026", {"title": "新客佔比一半一半"}, [("OK003", "title")]),
        ("2026", {"title": "客服成本压缩到一半"}, []),
        ("2026", {"title": "一半以上的商家参与大促"}, []),
    ])


# --- 4. 上线 v2.0 后… --------------------------------------------------------------------------
def test_a_version_in_a_time_clause_is_as_any_object(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026", {"title": "上线智能推荐后首页点击率从3%提升到4.5%"}, []),
        ("2026", {"title": "上线v2.0后首页点击率从3%提升到4.5%"}, []),
        ("2026", {"title": "上线 v2.0 后首页点击率从3%提升到4.5%"}, []),
        ("2026", {"title": "上線 App v2.0 後首頁點擊率從3%提升到4.5%"}, []),
        ("2026", {"title": "上线订单系统 v2.0 后退货率降到3%"}, []),
        ("2026", {"title": "上线 v2.0"}, [("OK003", "title")]),
        ("2026", {"title": "上线 v2.0，首页点击率从3%提升到4.5%"}, [("OK005", "title")]),
    ])


# --- 1. a count after a quarter, in English as in Chinese -----------------------------------
def test_a_count_after_a_quarter_is_no_year(tmp_path: Path) -> None:
    _exact(tmp_path, [
        ("2026-Q4", {"title": "Q4 2025 new sellers onboarded"}, []),
        ("2026-Q4", {"title": "Q4 2025 new sellers"}, []),
        ("2026-Q4", {"title": "第四季 2025 家门店开业"}, []),  # 2025 stores (okr34b)
        # the quarter's year: a deadline, outside the period, and no target
        ("2026-Q4", {"title": "Onboard 300 new sellers by Q4 2025"}, [("OK009", "title")]),
        ("2026-Q4", {"title": "Q4 2025 GMV reaches 5亿"}, [("OK009", "title")]),
        ("2026-Q4", {"title": "Q4 2026 orders up 20%"}, []),
        ("2026-Q4", {"title": "Raise GMV by Q4 2026"}, [("OK004", "title")]),
        ("2026-Q4", {"title": "Q4 2026 revenue growth"}, [("OK003", "title")]),
        ("2027", {"title": "Q4 2025 new sellers onboarded"}, []),
        ("2027", {"title": "Onboard 300 new sellers by Q4 2026"}, [("OK009", "title")]),
    ])


@pytest.mark.parametrize(("title", "target", "due"), [
    ("Q4 2025 new sellers onboarded", "2025 new sellers onboarded", "2026-12-31"),
    ("Onboard 300 new sellers by Q4 2025", "300 new sellers", "2025-12-31"),
    ("Reach 2025 active sellers by Q4 2026", "2025 active sellers", "2026-12-31"),
    ("Q4 2026 orders up 20%", "20%", "2026-12-31"),
    ("Raise GMV by Q4 2026", "", "2026-12-31"),
])
def test_the_quarters_year_is_no_target_and_a_count_no_year(
        title: str, target: str, due: str) -> None:
    from orgspec.model.models import KeyResult, Objective
    from orgspec.model.okr import key_result_values

    obj = Objective(kind="Objective", id="o", title="t", period="2026-Q4")
    vals = key_result_values(obj, KeyResult(id="k", title=title))
    assert (vals.target, str(vals.due)) == (target, due)


# --- 5. a version or a time as a value: a hint that leads to a measurable key result ----------
def _followed(f: Finding, kr: KR) -> KR:
    """`kr` with the hint of OK006 `f` followed literally: each `name: value` it gives set,
    and a number where it asks for one without giving it."""
    out = dict(kr)
    for name, value in re.findall(r"`(\w+): ([^`]+)`", str(f.hint)):
        out[name] = value
    if parse_number(out.get("target")) is None:
        out["target"] = "5亿"  # "the value as `target`, a number"
    return out


def parse_number(value: str | None) -> object:
    from orgspec.text.quantity import parse_quantity

    return parse_quantity(value)


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_a_named_value_gets_a_hint_that_leads_to_a_measurable_key_result(
        tmp_path: Path, lang: str) -> None:
    krs: list[tuple[str | None, KR]] = [
        ("2026-Q1", {"title": "App版本", "target": "v2.0"}),
        ("2026-Q1", {"title": "App version", "metric": "App version", "target": "3.5版"}),
        ("2026-Q1", {"title": "全年GMV", "metric": "GMV", "target": "Q4"}),
        ("2026-Q1", {"title": "全年GMV", "metric": "GMV", "target": "FY2026"}),
        ("2026", {"title": "全年營收", "metric": "營收", "target": "民國115年"}),
    ]
    found, where = _lint(tmp_path, krs, lang)
    assert [(f.code, f.location.line) for f in found] == [
        ("OK006", w["target"]) for w in where]
    for f in found:  # "write a number" led to `target: 2.0`, a clean check, not measurable
        assert "1.32M, 120万, 99.95%, 2h, 4.6/5" not in str(f.hint)
    again, _ = _lint(tmp_path, [(p, _followed(f, kr)) for f, (p, kr) in zip(found, krs,
                                                                             strict=True)], lang)
    assert again == []
    # the same hint followed with the version itself as the number is no way out: `metric`
    # names what changes, so `target: 2.0` beside `metric: App version` stays the author's
    # choice, and the hint never suggests it
    assert all("`metric:" in str(f.hint) or "`due:" in str(f.hint) for f in found)


def test_any_other_word_as_a_value_still_asks_for_a_number(tmp_path: Path) -> None:
    found, where = _lint(tmp_path, [("2026", {"title": "GMV", "metric": "GMV", "target": "high"}),
                                    ("2026", {"title": "GMV", "metric": "GMV", "target": "Q5"})])
    assert [(f.code, f.location.line) for f in found] == [("OK006", w["target"]) for w in where]
    assert all(str(f.hint).startswith("write a number") for f in found)


# --- 6. a fiscal year outside the objective's period -----------------------------------------
def test_a_fiscal_year_outside_the_period_is_read_as_a_calendar_year_is(tmp_path: Path) -> None:
    # A bare year is no deadline (trial 33a: `2026` alone names no date), so a year outside a
    # 2026-Q1 objective's period gives no OK009, calendar or fiscal alike; a year's end with
    # 前 is a deadline and gets it. Without a period a fiscal year stays no time bound
    # (trial 28: its months are the company's), where a calendar year is one.
    _exact(tmp_path, [
        ("2026-Q1", {"title": "2027年GMV达到5亿"}, []),
        ("2026-Q1", {"title": "FY2027 GMV达到5亿"}, []),
        ("2026-Q1", {"title": "2027財年GMV達到5億"}, []),
        ("2026-Q1", {"title": "GMV reaches 5亿 in 2027"}, []),
        ("2026-Q1", {"title": "GMV reaches 5亿 in FY2027"}, []),
        ("2026-Q1", {"title": "2027年底前GMV达到5亿"}, [("OK009", "title")]),
        ("2026-Q1", {"title": "FY2027年底前GMV达到5亿"}, [("OK009", "title")]),
        (None, {"title": "2027年GMV达到5亿"}, []),
        (None, {"title": "FY2027 GMV达到5亿"}, [("OK003", "title")]),
    ])


# --- the cache never changes these answers --------------------------------------------------
def test_the_same_findings_with_and_without_the_cache(tmp_path: Path) -> None:
    from conftest import run_cli

    krs: list[tuple[str | None, KR]] = [
        ("2026-Q4", {"title": "Q4 2025 new sellers onboarded"}),
        ("2026-Q4", {"title": "Onboard 300 new sellers by Q4 2025"}),
        ("2026-Q4", {"title": "GMV reaches 5亿 by Q5"}),
        ("2026-Q4", {"title": "退货率降到三分之零"}),
        ("2026", {"title": "转化率一半一半"}),
        ("2026", {"title": "上线 v2.0 后首页点击率从3%提升到4.5%"}),
        ("2026-Q1", {"title": "App版本", "target": "v2.0"}),
        ("2026-Q1", {"title": "FY2027 GMV达到5亿"}),
    ]
    org = tmp_path / "org"
    org.mkdir()
    env = {"ORGSPEC_CACHE_DIR": str(tmp_path / "cache")}

    def both() -> None:
        cold = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json")
        for _ in range(2):  # a cold cache, then a warm one
            warm = run_cli("check", str(org), "--isolated", "--format", "json", env=env)
            assert warm.json()["findings"] == cold.json()["findings"]

    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    both()
    time.sleep(1.1)  # an edit of each kind the rules read: a title, a target, a period
    krs[0] = ("2026-Q4", {"title": "Q4 2025 GMV reaches 5亿"})
    krs[6] = ("2026-Q1", {"title": "App版本", "target": "Q4"})
    krs[7] = ("2027", {"title": "FY2027 GMV达到5亿"})
    (org / "org.yaml").write_text(_org(krs)[0], "utf-8")
    both()
