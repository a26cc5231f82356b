"""IME slips trials 17 and 29 met, each said as what it is: a comment typed with the full-width
`＃` (the parser reads the line as text and stops, or the value keeps the comment) and a
full-width space after a field's name (`owner　:`, an unknown field whose name looks right).
A `＃` that a value holds as text (touching the word after it, quoted, on a line that
continues the value) is no slip."""

from __future__ import annotations

from typing import Any

import pytest
from test_trial7 import check, where

PROCESS = """\
- kind: Team
  id: cs
  name: 客服部
  lead: chen
  members: [chen]
- kind: Person
  id: chen
  name: 陳靜
- kind: Responsibility
  id: complaints
  name: 投訴處理
  accountable: cs
- kind: Process
  id: flow
  name: 投訴處理流程
  owner: cs
  responsibility: complaints
{extra}  steps:
    - {{id: receive, name: 受理, owner: cs}}
"""


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "a full-width `＃` (U+FF03) starts this line: a YAML comment starts with an ASCII "
           "`#`, so this line is read as text",
     "write `# 每天早上開` (an ASCII `#`; switch the IME to half-width)"),
    ("zh-Hant", "這一行以全形的 `＃`（U+FF03）開頭：YAML 的註解以半形的 `#` 開頭，"
                "所以這一行被當成了正文",
     "寫成 `# 每天早上開`（半形 `#`；把輸入法切換到半形）"),
])
def test_a_full_width_hash_is_said_as_one(write_org: Any, lang: str, message: str,
                                          hint: str) -> None:
    found = check(write_org({"org.yaml": PROCESS.format(extra="  ＃ 每天早上開\n")}), lang)
    assert where(found) == [("IN001", "org.yaml", 18, 3)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_a_full_width_hash_inside_a_value_is_text(write_org: Any) -> None:
    org = PROCESS.format(extra="  description:\n    ＃1 重點流程\n")
    assert check(write_org({"org.yaml": org})) == []


@pytest.mark.parametrize(("lang", "hint"), [
    ("en", "the field's name ends with a full-width space: write `owner`"),
    ("zh", "字段名后面多了一个全角空格：写成 `owner`"),
    ("zh-Hant", "欄位名後面多了一個全形空格：寫成 `owner`"),
])
def test_a_full_width_space_after_a_field_name_is_named(write_org: Any, lang: str,
                                                       hint: str) -> None:
    org = PROCESS.format(extra="").replace("  owner: cs\n  resp", "  owner\u3000: cs\n  resp")
    found = check(write_org({"org.yaml": org}), lang)
    assert where(found) == [("SC001", "org.yaml", 16, 3)]
    assert found[0]["hint"] == hint


# trial 29: a Taiwanese ops lead's `＃` comments, each one IN001 at the `＃`
TEAM = PROCESS.split("- kind: Responsibility")[0]
DUTIES = "- kind: Responsibility" + PROCESS.split("- kind: Responsibility")[1].format(extra="")


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "a full-width `＃` (U+FF03) starts this line: a YAML comment starts with an ASCII "
           "`#`, so this line is read as text",
     "write `# 好購網 組織架構` (an ASCII `#`; switch the IME to half-width)"),
    ("zh-Hant", "這一行以全形的 `＃`（U+FF03）開頭：YAML 的註解以半形的 `#` 開頭，"
                "所以這一行被當成了正文",
     "寫成 `# 好購網 組織架構`（半形 `#`；把輸入法切換到半形）"),
])
def test_a_full_width_hash_on_the_first_line_is_said_there(write_org: Any, lang: str,
                                                           message: str, hint: str) -> None:
    # was IN001 at 2:7 about a `: ` that starts a field, the `＃` never named
    found = check(write_org({"teams.yaml": "＃ 好購網 組織架構\n" + TEAM,
                             "duties.yaml": DUTIES}), lang)
    assert where(found) == [("IN001", "teams.yaml", 1, 1)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_a_full_width_hash_between_items_is_said_there(write_org: Any) -> None:
    teams = TEAM.replace("- kind: Person", "\n＃ 人員\n- kind: Person")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES}))
    assert where(found) == [("IN001", "teams.yaml", 7, 1)]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("en", "a full-width `＃` (U+FF03) does not start a YAML comment, so the value of `name` "
           "is read as '客服部 ＃ 主要窗口'",
     "write `name: 客服部  # 主要窗口` (an ASCII `#` after a space; switch the IME to "
     "half-width)"),
    ("zh", "全角的 `＃`（U+FF03）不是 YAML 的注释符号，所以 `name` 的值被读成了 "
           "'客服部 ＃ 主要窗口'",
     "写成 `name: 客服部  # 主要窗口`（空格后用半角 `#`；把输入法切换到半角）"),
    ("zh-Hant", "全形的 `＃`（U+FF03）不是 YAML 的註解符號，所以 `name` 的值被讀成了 "
                "'客服部 ＃ 主要窗口'",
     "寫成 `name: 客服部  # 主要窗口`（空格後用半形 `#`；把輸入法切換到半形）"),
])
def test_a_full_width_hash_after_a_name_is_no_comment(write_org: Any, lang: str,
                                                      message: str, hint: str) -> None:
    # was no finding at all: the team was named `客服部 ＃ 主要窗口`
    teams = TEAM.replace("name: 客服部", "name: 客服部 ＃ 主要窗口")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES}), lang)
    assert where(found) == [("IN001", "teams.yaml", 3, 13)]
    assert (found[0]["message"], found[0]["hint"]) == (message, hint)


def test_a_full_width_hash_after_an_id_is_one_finding(write_org: Any) -> None:
    # was RF007, whose hint kept `cs  ＃ 客服` as the team's name
    teams = TEAM.replace("id: cs", "id: cs  ＃ 客服")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES}), "zh-Hant")
    assert where(found) == [("IN001", "teams.yaml", 2, 11)]
    assert found[0]["hint"] == "寫成 `id: cs  # 客服`（空格後用半形 `#`；把輸入法切換到半形）"


def test_a_full_width_hash_after_a_list_item_is_no_comment(write_org: Any) -> None:
    teams = TEAM.replace("members: [chen]", "members:\n    - chen ＃ 組長")
    found = check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES}), "en")
    assert where(found) == [("IN001", "teams.yaml", 6, 12)]
    assert found[0]["hint"] == ("write `- chen  # 組長` (an ASCII `#` after a space; switch "
                                "the IME to half-width)")


@pytest.mark.parametrize("name", ["客服 ＃1組", "'客服部 ＃ 主要窗口'", "客服部 # 註 ＃ 窗口",
                                  "客服部＃主要窗口", "客服部\n    ＃ 主要窗口"])
def test_a_full_width_hash_that_is_text_is_no_finding(write_org: Any, name: str) -> None:
    # touching the word after it, quoted, inside a comment, without a space before it, or
    # a line that continues the value: text as written
    teams = TEAM.replace("name: 客服部", f"name: {name}")
    assert check(write_org({"teams.yaml": teams, "duties.yaml": DUTIES})) == []
