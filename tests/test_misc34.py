"""Session 34 leftovers: `民國0年` is no year (it was read as 1911); a 5,000-digit number is
quoted cut, alike in every output format; the Markdown report shows a hidden character as
its escape (`\\u202e`), as the text output does."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.load.config import Config
from orgspec.model.okr import stated_due

# --- 1: 民國0年 is no year: 元年 (year 1) is 1912 ------------------------------------------

OKR = """\
- {{kind: Team, id: cs, name: 客服部, lead: liu, members: [liu], responsibilities: [refund]}}
- {{kind: Person, id: liu, name: 劉洋}}
- {{kind: Responsibility, id: refund, name: 退款, accountable: cs, responsible: liu}}
- kind: Objective
  id: o1
  title: 提升顧客滿意度
  owner: cs
  period: 2026-Q1
  key_results:
    - id: kr1
      title: {title}
      due: {due}
"""
TITLE = "退款時長從48小時縮短到24小時"


def _said(write_org, text: str, lang: str) -> list[tuple[str, int, str, str]]:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": text})
    result = lint([str(org)], Config(lang=lang, ignore=[]), today=dt.date(2026, 1, 5))
    return [(f.code, f.location.line, f.message, f.hint) for f in result.findings]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", f"key result {TITLE} (kr1): `due` '民國0年3月31日' is not a date: Minguo has no "
     "year 0 (year 1, 元年, is 1912)", "write `2026-03-31` (the year of the objective's period)"),
    ("zh", f"关键结果 {TITLE} (kr1) 的 `due` 的值 '民國0年3月31日' 不是有效日期：民国没有 0 年"
     "（元年即 1912 年）", "写成 `2026-03-31`（目标周期所在的年份）"),
    ("zh-Hant", f"關鍵結果 {TITLE} (kr1) 的 `due` 的值 '民國0年3月31日' 不是有效日期：民國沒有 "
     "0 年（元年即 1912 年）", "寫成 `2026-03-31`（目標週期所在的年份）"),
])
def test_minguo_year_zero_in_due_is_said_to_be_no_year(write_org, lang: str, message: str,  # type: ignore[no-untyped-def]
                                                      hint: str) -> None:
    """The hint said `e.g. 1911-03-31`: 民國 starts at 元年 = 1912, so year 0 is none."""
    bad = OKR.format(title=TITLE, due="民國0年3月31日")
    assert _said(write_org, bad, lang) == [("SC003", 12, message, hint)]
    assert "1911" not in message + hint
    # the hint, followed as written, leaves nothing to say
    assert _said(write_org, OKR.format(title=TITLE, due="2026-03-31"), lang) == []


def test_minguo_year_zero_in_a_key_results_text_is_no_deadline(write_org) -> None:  # type: ignore[no-untyped-def]
    """`民國0年底前` in the sentence was read as due 1911-12-31 (OK009: outside the period);
    it names no year, so the sentence gives no deadline and the period's end holds."""
    assert stated_due("民国0年底前退款时长从48小时缩短到24小时", 2026) is None
    assert stated_due("民国115年底前完成", None) == dt.date(2026, 12, 31)  # as before
    text = OKR.format(title="民國0年底前退款時長從48小時縮短到24小時", due="2026-03-31")
    assert _said(write_org, text, "en") == []


# --- 2: a huge number is quoted cut, the same in every output format ------------------------

BIG = "9" * 5000
SEATS = """\
- {{kind: Team, id: cs, name: 客服部, lead: liu, members: [liu], responsibilities: [refund]}}
- {{kind: Person, id: liu, name: 劉洋}}
- {{kind: Responsibility, id: refund, name: 退款, accountable: cs, responsible: liu}}
- kind: Position
  id: agent
  name: 客服專員
  team: cs
  holders: [liu]
  headcount: {headcount}
"""
CUT = "'" + "9" * 59 + "…'"


@pytest.mark.parametrize(("headcount", "lang", "message", "hint"), [
    (BIG, "en", f"`headcount`: {CUT} has 5000 digits, too many for a number here",
     "write the number meant in digits, e.g. `1`"),
    (f"-{BIG}", "en", "`headcount`: '-" + "9" * 58 + "…' has 5000 digits, too many for a "
     "number here", "write the number meant in digits, e.g. `1`"),
    (f'"{BIG}"', "zh", f"`headcount`：{CUT} 有 5000 位数字，太长，不能作为这里的数值",
     "用数字写出要表示的数目，例如 `1`"),
    (BIG, "zh-Hant", f"`headcount`：{CUT} 有 5000 位數字，太長，不能作為這裡的數值",
     "用數字寫出要表示的數目，例如 `1`"),
    # a value that is no number is quoted cut too
    (f"1e{BIG}", "en", "`headcount`: '1e" + "9" * 57 + "…' is not a whole number",
     "write it in digits, e.g. `3`"),
])
def test_a_huge_headcount_is_quoted_cut(write_org, headcount: str, lang: str, message: str,  # type: ignore[no-untyped-def]
                                        hint: str) -> None:
    """A 5,000-digit `headcount` said `has a value orgspec cannot read` (more digits than
    Python reads) or quoted all 5,000 digits, which the Markdown report cut mid-quote."""
    assert _said(write_org, SEATS.format(headcount=headcount), lang) == [
        ("SC003", 9, message, hint)]
    assert _said(write_org, SEATS.format(headcount=1), lang) == []  # the hint, as written


def _cmark(markdown: str) -> str:
    cmark = shutil.which("cmark-gfm")
    if cmark is None:
        pytest.skip("cmark-gfm is not installed")
    run = subprocess.run([cmark, "-e", "table"], input=markdown.encode("utf-8"),
                         capture_output=True, check=True)
    return re.sub(r"<[^>]+>", "", run.stdout.decode("utf-8"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown", "github", "gitlab",
                                 "junit", "chat"])
def test_every_format_says_the_huge_number_cut_alike(write_org, fmt: str) -> None:  # type: ignore[no-untyped-def]
    org = write_org({"org.yaml": SEATS.format(headcount=BIG)})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", fmt, cwd=org)
    assert run.code == 1, run.stderr
    assert "9" * 60 not in run.stdout  # not the whole number, nor 1,000 digits of it
    shown = json.loads(run.stdout) if fmt in ("json", "sarif", "gitlab") else run.stdout
    text = json.dumps(shown, ensure_ascii=False) if fmt in ("json", "sarif", "gitlab") \
        else shown
    assert "9" * 59 + "…' has 5000 digits, too many for a number here" in text


# --- 3: the Markdown report shows a hidden character as the text output does ------------

BIDI = """\
- {kind: Team, id: cs, name: 客服部, lead: liu, members: [liu], responsibilities: [refund]}
- {kind: Person, id: liu, name: 劉洋}
- {kind: Responsibility, id: refund, name: 退款, accountable: cs, responsible: liu}
- {kind: Team, id: ops, name: "运营\\u202e部", parent: cs, lead: liu}
"""


def test_the_markdown_report_shows_a_bidi_control_as_its_escape(write_org) -> None:  # type: ignore[no-untyped-def]
    """report.md showed U+FFFD where the text, SARIF and terminal show `\\u202e`: which
    character hid there was lost. Still inert: no live bidi control in the file."""
    org = write_org({"org.yaml": BIDI})
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en", cwd=org)
    assert "team 运营\\u202e部 (ops) has no members" in text.stdout  # HI006
    target = Path(org) / "report.md"
    run = run_cli("report", str(org), "--isolated", "--lang", "en", "-o",
                  str(target), cwd=org)
    assert run.code in (0, 1), run.stderr
    md = target.read_text("utf-8")
    assert "\u202e" not in md and "\ufffd" not in md
    # the backslash escaped: Markdown shows it as written
    assert "team 运营\\\\u202e部 (ops) has no members" in md
    shown = _cmark(md)
    assert "team 运营\\u202e部 (ops) has no members" in shown and "\u202e" not in shown


# --- 5: a team renamed with `aliases: [old]` gives no finding but RF005 --------------------

HQ = "- {kind: Team, id: hq, name: 总部, lead: wang, members: [wang]%s}\n"
PEOPLE = "- {kind: Person, id: wang, name: 王芳}\n- {kind: Person, id: liu, name: 刘洋}\n"
LOGISTICS = "- {kind: Team, id: logistics, name: 物流部, parent: hq, lead: liu, members: [liu]%s}\n"
SHIP = "- {kind: Responsibility, id: ship, name: 发货, accountable: %s, responsible: liu}\n"
# the parent (hq) holds no duty: its charter is not empty only through the renamed team
RENAMES = {
    "duty names it": ({"teams.yaml": HQ % "" + LOGISTICS % "", "people.yaml": PEOPLE,
                       "duty.yaml": SHIP % "logistics"}, ("duty.yaml", 1)),
    "charter and duty": ({"teams.yaml": HQ % "" + LOGISTICS % ", responsibilities: [ship]",
                          "people.yaml": PEOPLE, "duty.yaml": SHIP % "logistics"},
                         ("duty.yaml", 1)),
    "parent's children": ({"teams.yaml": HQ % ", children: [logistics]" + LOGISTICS % "",
                           "people.yaml": PEOPLE, "duty.yaml": SHIP % "logistics"},
                          ("duty.yaml", 1)),  # the first reference, by file
    "a team below it": ({"teams.yaml": HQ % "" + LOGISTICS % "" + "- {kind: Team, id: pick, "
                         "name: 拣货组, parent: logistics, lead: liu, members: [liu]}\n",
                         "people.yaml": PEOPLE, "duty.yaml": SHIP % "pick"}, ("teams.yaml", 3)),
}


def _findings(org: Path, *flags: str) -> list[tuple[str, str, int]]:
    run = run_cli("check", str(org), "--isolated", "--lang", "en", "--format", "json", *flags,
                  cwd=org)
    return [(f["code"], Path(f["file"]).name, f["line"]) for f in run.json()["findings"]]


@pytest.mark.parametrize("shape", list(RENAMES))
def test_a_rename_kept_by_aliases_gives_no_new_finding(write_org, shape: str) -> None:  # type: ignore[no-untyped-def]
    """`id: logistics` -> `id: warehouse` with `aliases: [logistics]`: the references to
    the old id still count (hq's charter is not empty through them, no OW006); the one
    finding is RF005 at the first old reference, cold or from the cache, and writing the
    new id there, as its hint says, leaves nothing."""
    import time

    files, (file, line) = RENAMES[shape]
    org = write_org(files)
    assert _findings(org) == _findings(org, "--no-cache") == []
    time.sleep(1.1)  # the cache's next state is written after the run
    teams = org / "teams.yaml"
    teams.write_text(teams.read_text("utf-8").replace(
        "id: logistics, name: 物流部,", "id: warehouse, name: 仓储物流部, aliases: [logistics],"),
        "utf-8")
    assert _findings(org) == _findings(org, "--no-cache") == [("RF005", file, line)]
    for path in org.glob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"(?<![\w-])logistics(?![\w-])", "warehouse", text).replace(
            "aliases: [warehouse]", "aliases: [logistics]"), "utf-8")
    time.sleep(1.1)
    assert _findings(org) == _findings(org, "--no-cache") == []
