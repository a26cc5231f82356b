"""Trial 28 (a Simplified-Chinese user): the minors she found, as exact findings and text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli

from orgspec.engine.lint import lint
from orgspec.findings import Finding
from orgspec.i18n import LOCALE_DIR, say
from orgspec.load.config import Config, Selector
from orgspec.load.yamlhints import slips

IDEO = "\u3000"

POSITIONS = """\
- kind: Position
  id: product-manager
  name: 产品经理
  team: product
  kpis:
    - 需求按期交付率从80%提高到95%
- kind: Position
  id: ops-specialist
  name: 运营专员
  team: operations
  kpis:
    - 月活跃用户数从120万增长到132万
    - 7日留存率从30%提高到35%
"""

TEAMS = """\
# 组织架构
- kind: Team
  id: operations
  name: 运营部
  lead: chen-jing
  members: [chen-jing, liu-yang]
  mission: 拉新促活，做好大促活动
  responsibilities:
    - user-growth
    - ref: user-feedback
      role: consulted
"""


def _with(text: str, line: int, written: str) -> str:
    lines = text.splitlines()
    lines[line - 1] = written
    return "\n".join(lines) + "\n"


def _applied(text: str, line: int, hint: str) -> str:
    """`text` with line `line`'s indentation replaced as the English `hint` says."""
    m = re.search(r"with (\d+) ASCII spaces", hint)
    n = int(m.group(1)) if m else 0
    assert m or hint.startswith("remove the indentation"), hint
    lines = text.splitlines()
    lines[line - 1] = " " * n + lines[line - 1].lstrip(" " + IDEO)
    return "\n".join(lines) + "\n"


# --- 1: a full-width-space indent: the hint gives the column the line's siblings use ----

@pytest.mark.parametrize(("text", "line", "lead", "said"), [
    (POSITIONS, 7, IDEO, "删掉行首的缩进：这样 `-` 从第 1 列开始，与第 1 行的列表项对齐"),
    (TEAMS, 7, IDEO + " ",
     "把行首的缩进换成 2 个半角空格：这样 `mission:` 从第 3 列开始，与第 6 行的 `members:` "
     "对齐（把输入法切换到半角）"),
    (TEAMS, 7, IDEO + IDEO,
     "把行首的缩进换成 2 个半角空格：这样 `mission:` 从第 3 列开始，与第 6 行的 `members:` "
     "对齐（把输入法切换到半角）"),
    (POSITIONS, 6, IDEO,
     "把行首的缩进换成 4 个半角空格：这样 `-` 从第 5 列开始，比第 5 行的 `kpis:` 多缩进两格"
     "（把输入法切换到半角）"),
    (POSITIONS, 13, IDEO,
     "把行首的缩进换成 4 个半角空格：这样 `-` 从第 5 列开始，与第 12 行的列表项对齐"
     "（把输入法切换到半角）"),
    (TEAMS, 11, IDEO * 3,
     "把行首的缩进换成 6 个半角空格：这样 `role:` 从第 7 列开始，与第 10 行的 `ref:` 对齐"
     "（把输入法切换到半角）"),
    ("kind: Team\nid: cs\nname: 客服部\n", 3, IDEO,
     "删掉行首的缩进：这样 `name:` 从第 1 列开始，与第 2 行的 `id:` 对齐"),
    (POSITIONS, 1, IDEO, "删掉行首的缩进：文件的第一行从第 1 列开始"),
])
def test_a_full_width_indent_hint_gives_the_column_that_aligns_the_line(
        text: str, line: int, lead: str, said: str) -> None:
    """`　- kind: Position` at the top level belongs in column 1 and `　 mission:` in column
    3, where "two ASCII spaces" gave another IN001; following the hint reads as meant."""
    bad = _with(text, line, lead + text.splitlines()[line - 1].lstrip())
    [(at, col, message, hint)] = slips(bad)
    assert (at, col) == (line, 1)
    assert say(message, "zh") == "用了全角空格（U+3000）缩进：YAML 只能用半角空格缩进"
    assert say(hint, "zh") == said
    fixed = _applied(bad, line, hint)
    assert slips(fixed) == [] and yaml.safe_load(fixed) == yaml.safe_load(text)


def test_a_full_width_indent_hint_in_traditional_chinese(write_org: Any) -> None:
    folder = write_org({"teams.yaml": _with(TEAMS, 7, IDEO + " mission: 拉新促活")})
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", "zh-Hant")
    assert ("把行首的縮排換成 2 個半形空格：這樣 `mission:` 從第 3 欄開始，與第 6 行的 "
            "`members:` 對齊（把輸入法切換到半形）") in run.stdout, run.stdout


# --- 2: the RACI roles are said as owners (批准方 (A)), with no stray spaces -------------

DUTY = """\
- {kind: Person, id: wang, name: 王芳}
- {kind: Team, id: ops, name: 运营部, lead: wang, members: [wang]}
- kind: Responsibility
  id: growth
  name: 用户增长
  %s
  consulted: ops
"""


def _findings(folder: Path, code: str, lang: str = "en") -> list[Finding]:
    return lint([str(folder)], Config(select=[Selector(code, "t")], lang=lang)).findings


@pytest.mark.parametrize(("written", "col", "lang", "message", "hint"), [
    ("accountable: 待定", 16, "zh", "职责 'growth' 没有批准方 (A)（写作 '待定'）",
     # the one team of the org is named (hint33: the owner to write, where)
     "如果由 ops 对它负责，就在该职责里把 '待定' 改写为 `accountable: ops`（第 6 行）"),
    ("accountable: ops\n  responsible: 待定", 16, "zh",
     "职责 'growth' 没有执行方 (R)（写作 '待定'）", "写明作为执行方 (R)的团队或人员，或删除占位符"),
    ("accountable: ops\n  responsible: 待定", 16, "zh-Hant",
     "職責 'growth' 沒有執行方 (R)（寫作 '待定'）", "寫明作為執行方 (R)的團隊或人員，或刪除佔位符"),
    ("accountable: [ops, 待定]", 22, "zh", "职责 'growth' 的批准方 (A)中写了 '待定'",
     "写明作为批准方 (A)的团队或人员，或删除占位符"),
])
def test_ow002_says_the_role_as_its_owners_without_stray_spaces(
        write_org: Any, written: str, col: int, lang: str, message: str, hint: str) -> None:
    """没有 批准 (A)（写作 '待定'） was said with stray spaces and another word than OW001's
    批准方 (A); the finding is at the placeholder, the word that is wrong."""
    [found] = _findings(write_org({"o.yaml": DUTY % written}), "OW002", lang)
    line = 6 + written.count("\n")
    assert (found.code, found.location.line, found.location.col) == ("OW002", line, col)
    assert (found.message, found.hint) == (message, hint)


def test_ow004_says_both_roles_as_owners(write_org: Any) -> None:
    text = (DUTY % "accountable: ops").replace(
        "members: [wang]}", "members: [wang], responsibilities: [{ref: growth, role: "
                            "responsible}]}")
    [found] = _findings(write_org({"o.yaml": text}), "OW004", "zh")
    assert found.message == ("团队 'ops' 声称对 'growth' 是执行方 (R)，但该职责把它"
                                        "写为批准方 (A)、咨询方 (C)")


RACI_LABEL = re.compile(r"[\u4e00-\u9fff] (?:\{role\}|(?:批准|执行|執行|咨询|諮詢|知会|知會)方)"
                        r"|(?:\{role\}|方 \([ARCI]\)) [\u4e00-\u9fff]")


@pytest.mark.parametrize("folder", ["zh", "zh_Hant"])
def test_no_raci_message_spaces_a_role_off_its_chinese(folder: str) -> None:
    """批准方 (A) in a sentence sits against the Chinese around it (没有批准方 (A)（写作
    '待定'）), as OW001 says it; a column label (批准 (A) 职责数) is no sentence."""
    po = (LOCALE_DIR / folder / "LC_MESSAGES" / "orgspec.po").read_text("utf-8")
    entries = [e for e in po.split("\n\n") if 'msgctxt "label"' not in e]
    spaced = [e for e in entries if RACI_LABEL.search(
        "".join(re.findall(r'"(.*)"', e.split("msgstr", 1)[-1])))]
    assert spaced == []


# --- 3: the examples in hints: a KPI's has no date, an end-of-day meeting's is 17:30 ----

def test_ro004_example_has_no_date_that_could_be_past(write_org: Any) -> None:
    text = POSITIONS.replace("7日留存率从30%提高到35%", "做好客诉处理")
    [found] = _findings(write_org({"o.yaml": text}), "RO004", "zh")
    assert (found.location.line, found.location.col) == (13, 7)
    assert found.hint == ("写成「指标 从 基线 到 目标」（KPI 每个周期都衡量，不用写截止"
                                     "时间），例如：客诉率从3%降到1.5%")
    example = found.hint.rsplit("：", 1)[1]  # the example itself is measurable
    assert _findings(write_org({"o.yaml": text.replace("做好客诉处理", example)}),
                     "RO004") == []


MEETING = """\
- {kind: Person, id: wang, name: 王芳}
- kind: Meeting
  id: weekly
  name: 周例会
  cadence: %s
  owner: wang
"""


@pytest.mark.parametrize(("cadence", "example"), [
    ("每周一下班前", "每周一 17:30"), ("每天下午下班前", "每天下午 17:30"),
    ("每周五收工前", "每周五 17:30"), ("每天开播前", "每天 13:30"),
    # the start of the day is the morning (trial 31: 晨會 每天開市前 was given 每天 13:30)
    ("每天開市前", "每天 9:00"), ("每天开工前", "每天 9:00"), ("每天上班前", "每天 9:00"),
    ("每周一开门前", "每周一 9:00")])
def test_mt002_end_of_day_suggests_an_end_of_day_time(write_org: Any, cadence: str,
                                                      example: str) -> None:
    [found] = _findings(write_org({"o.yaml": MEETING % cadence}), "MT002", "zh")
    assert found.hint.endswith(f"例如 {example}"), found.hint
    assert _findings(write_org({"o.yaml": MEETING % example}), "MT002") == []


# --- 4: columns at the value that is wrong -------------------------------------------------

def test_a_trailing_full_width_space_after_a_lead_points_at_the_value(
        write_org: Any) -> None:
    text = TEAMS.replace("  lead: chen-jing\n", f"  lead: chen-jing{IDEO}\n") + (
        "- {kind: Person, id: chen-jing, name: 陈静}\n- {kind: Person, id: liu-yang, name: 刘洋}\n")
    found = [f for f in _findings(write_org({"o.yaml": text}), "RF001") if "lead" in f.message]
    assert [(f.location.line, f.location.col) for f in found] == [(5, 9)]


@pytest.mark.parametrize(("line", "said"), [
    ("fail-on: 警告", ".orgspec.yaml:2:10："), ("rules: {OK004: 警告}", ".orgspec.yaml:2:16："),
    ("fail-on: [error]", ".orgspec.yaml:2:1："), ("fial-on: error", ".orgspec.yaml:2:1：")])
def test_a_config_error_points_at_the_wrong_word(tmp_path: Path, line: str, said: str) -> None:
    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text("- {kind: Person, id: wang, name: 王芳}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text(f"root: org\n{line}\nlang: zh\n", "utf-8")
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 2 and said in run.stderr, run.stderr


# --- 5: a meeting's owner is its chair in `who` as in `show` ------------------------------

@pytest.mark.parametrize(("lang", "said"), [("zh", "  主持人: 人员 wang 王芳"),
                                            ("zh-Hant", "  主持人: 人員 wang 王芳"),
                                            ("en", "  chair: person wang 王芳")])
def test_who_calls_a_meetings_owner_its_chair(write_org: Any, lang: str, said: str) -> None:
    folder = write_org({"o.yaml": MEETING % "每周一 10:00"})
    who = run_cli("who", "周例会", "--lang", lang, cwd=folder)
    assert said in who.stdout.splitlines(), who.stdout


# --- 6: the HTML report's person load is a section of its own, in the navigation ----------

def test_the_person_load_is_a_section_in_the_navigation(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    run = run_cli("report", "examples/ecommerce", "--format", "html", "--lang", "zh", "-o",
                  str(out))
    assert run.code == 0, run.stderr
    html = out.read_text("utf-8")
    nav = html.split("<nav>", 1)[1].split("</nav>", 1)[0]
    assert '<a href="#load">个人负荷</a>' in nav
    assert nav.index("#meetings") < nav.index("#load") < nav.index("#okrs")
    section = html.split('<section id="load">', 1)[1].split("</section>", 1)[0]
    assert section.lstrip().startswith("<h2>个人负荷</h2>")
    assert "<h3>个人负荷</h3>" not in html
