"""Two IME slips trial 17 met, each said as what it is: a comment typed with the full-width
`＃` (the parser reads the line as text and stops) and a full-width space after a field's
name (`owner　:`, an unknown field whose name looks right). A `＃` inside a value YAML reads
is no slip."""

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
