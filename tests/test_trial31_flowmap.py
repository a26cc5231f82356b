"""Trial 31: a full-width comma or brace inside `{...}` is said at its column with the line to
write, and the file still loads (IN021); a full-width colon before a list in full-width
brackets gets one hint that fixes both; a full-width hyphen in an id is said as one; a KPI
without a `title` names its position and gives a `title:` line to add."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, where

ORG = """\
- kind: Team
  id: ops
  name: 运营部
  lead: li-na
  members: [li-na, zhang-wei]
  responsibilities: [promo]
- {kind: Person, id: li-na, name: 李娜, title: 运营经理}
- {kind: Person, id: zhang-wei, name: 张伟, title: 运营专员, manager: li-na}
- kind: Position
  id: ops-specialist
  name: 运营专员
  team: ops
  holders: [zhang-wei]
  kpis:
    - 准时出货率从 95% 提升到 98%
- kind: Responsibility
  id: promo
  name: 大促
  accountable: ops
"""
PERSON = "- {kind: Person, id: zhang-wei, name: 张伟, title: 运营专员, manager: li-na}"


def org(write_org, old: str, new: str) -> Path:
    assert ORG.count(old) == 1
    folder: Path = write_org({"org.yaml": ORG.replace(old, new)})
    return folder


def check(write_org, old: str, new: str, lang: str = "en") -> list[dict[str, Any]]:
    return json_findings(org(write_org, old, new), "--lang", lang)


def said(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(f["message"], f["hint"]) for f in found]


def test_the_org_as_written_is_clean(write_org) -> None:
    assert json_findings(write_org({"org.yaml": ORG})) == []


FIXED = "`- {kind: Person, id: zhang-wei, name: 张伟, title: 运营专员, manager: li-na}`"


@pytest.mark.parametrize(("lang", "first", "second", "hint"), [
    ("en", "a full-width comma `，` (U+FF0C) before `id` inside `{...}`: YAML separates fields "
           "with an ASCII comma, so it does not read `id` as a field",
     "an enumeration comma `、` (U+3001) before `name` inside `{...}`: YAML separates fields "
     "with an ASCII comma, so it does not read `name` as a field",
     f"write the line as {FIXED} (ASCII punctuation; switch the IME to half-width)"),
    ("zh", "在 `{...}` 里，`id` 前面是全角逗号 `，`（U+FF0C）：YAML 只用半角逗号"
           "分隔字段，所以读不出 `id` 这个字段",
     "在 `{...}` 里，`name` 前面是顿号 `、`（U+3001）：YAML 只用半角逗号分隔字段，"
     "所以读不出 `name` 这个字段", f"把这一行写成 {FIXED}（半角标点；把输入法切换到半角）"),
    ("zh-Hant", "在 `{...}` 裡，`id` 前面是全形逗號 `，`（U+FF0C）：YAML 只用半形逗號"
                "分隔欄位，所以讀不出 `id` 這個欄位",
     "在 `{...}` 裡，`name` 前面是頓號 `、`（U+3001）：YAML 只用半形逗號分隔欄位，"
     "所以讀不出 `name` 這個欄位", f"把這一行寫成 {FIXED}（半形標點；把輸入法切換到半形）"),
])
def test_each_full_width_comma_between_fields_is_said_at_its_column(
        write_org, lang: str, first: str, second: str, hint: str) -> None:
    found = check(write_org, PERSON, PERSON.replace(", id:", "，id:").replace(", name:", "、name:"),
                  lang)
    # one mistake, one finding: the hint rewrites the whole line, so the line's other slip is
    # a related place of the first, not a second finding with the same hint
    assert where(found) == [("IN021", "org.yaml", 8, 16)]
    assert said(found) == [(first, hint)]
    assert [(r["line"], r["column"], r["message"]) for r in found[0]["related"]] == \
        [(8, 30, second)]


def test_the_file_with_a_full_width_comma_between_fields_still_loads(write_org) -> None:
    text = ORG.replace(PERSON, PERSON.replace(", id:", "，id:")).replace("accountable: ops",
                                                                         "accountable: opss")
    found = json_findings(write_org({"org.yaml": text}))
    # the person is read (no HI007, no RF001 for `zhang-wei`), the file's other slip is said
    assert where(found) == [("IN021", "org.yaml", 8, 16), ("RF001", "org.yaml", 19, 16)]


def test_a_full_width_closing_brace_is_said_where_it_is(write_org) -> None:
    found = check(write_org, PERSON, PERSON[:-1] + "｝")
    assert where(found) == [("IN021", "org.yaml", 8, len(PERSON))]
    assert said(found) == [(
        "a full-width `｝` (U+FF5D) closes this mapping: YAML closes one with an ASCII `}`, so it "
        "reads `｝` as text and the mapping as never closed",
        f"write the line as {FIXED} (ASCII punctuation; switch the IME to half-width)")]


def test_full_width_braces_around_a_mapping_are_one_finding(write_org) -> None:
    found = check(write_org, PERSON, "- ｛" + PERSON[3:-1] + "｝  # 新人", "zh")
    assert where(found) == [("IN021", "org.yaml", 8, 3)]
    assert said(found) == [(
        "这个映射用了全角大括号 `｛` `｝`：YAML 会把它们当作文字，而不是映射",
        f"把这一行写成 {FIXED}（半角标点；把输入法切换到半角）")]


def test_a_comma_of_a_mapping_written_over_lines_is_said_and_read(write_org) -> None:
    found = check(write_org, PERSON, "- {kind: Person，id: zhang-wei, name: 张伟,\n"
                                     "   title: 运营专员, manager: li-na}")
    assert where(found) == [("IN021", "org.yaml", 8, 16)]
    assert found[0]["hint"] == ("write the line as `- {kind: Person, id: zhang-wei, name: 张伟,` "
                                "(ASCII punctuation; switch the IME to half-width)")


@pytest.mark.parametrize(("old", "new"), [
    ("title: 运营专员, manager", "title: 运营专员，兼客服, manager"),  # a value's own comma
    ("title: 运营专员, manager", "title: \"运营，id: x\", manager"),  # quoted
    ("name: 大促", "name: ｛双11｝大促"),  # prose
])
def test_a_full_width_comma_or_brace_that_is_text_is_no_finding(write_org, old: str,
                                                                  new: str) -> None:
    assert check(write_org, old, new) == []


@pytest.mark.parametrize(("lang", "old", "hint"), [
    ("en", "members：［li-na, zhang-wei］",
     "write `members: [li-na, zhang-wei]` (an ASCII colon and a space)"),
    ("zh-Hant", "members：［li-na，zhang-wei］",
     "寫成 `members: [li-na, zhang-wei]`（半形冒號加一個空格）"),
    ("en", "成员：［li-na, zhang-wei］",
     "write `members: [li-na, zhang-wei]` (the field's English name, an ASCII colon and a "
     "space)"),
])
def test_one_hint_fixes_a_full_width_colon_and_brackets(write_org, lang: str, old: str,
                                                        hint: str) -> None:
    found = check(write_org, "members: [li-na, zhang-wei]", old, lang)
    assert where(found) == [("IN001", "org.yaml", 5, old.index("：") + 3)]
    assert found[0]["hint"] == hint
    fixed = hint.split("`")[1]
    assert fixed == "members: [li-na, zhang-wei]"  # following it leaves no finding
    assert check(write_org, "members: [li-na, zhang-wei]", fixed) == []


@pytest.mark.parametrize(("lang", "written", "hint"), [
    ("en", "zhang－wei", "'zhang－wei' has a full-width hyphen `－` (U+FF0D) where `-` belongs: "
                         "write `zhang-wei` (switch the input method to half-width)"),
    ("zh", "zhang－wei", "'zhang－wei' 在该写 `-` 的地方用了全角减号 `－`（U+FF0D）："
                         "写成 `zhang-wei`（把输入法切换到半角）"),
    ("zh-Hant", "zhang－wei", "'zhang－wei' 在該寫 `-` 的地方用了全形減號 `－`（U+FF0D）：寫成 "
                              "`zhang-wei`（把輸入法切換到半形）"),
    ("en", "ｚｈａｎｇ－wei", "'ｚｈａｎｇ－wei' is typed in full-width characters "
                           "(`ｚ` `ｈ` `ａ` `ｎ` `ｇ` `－`): write `zhang-wei` in half-width "
                           "ones (switch the input method to half-width)"),
    ("en", "ｚｈａｎｇ-wei", "'ｚｈａｎｇ-wei' is typed in full-width letters or digits: write "
                           "`zhang-wei` in half-width ones (switch the input method to "
                           "half-width)"),
])
def test_a_full_width_hyphen_in_an_id_is_said_as_one(write_org, lang: str, written: str,
                                                     hint: str) -> None:
    found = check(write_org, "holders: [zhang-wei]", f"holders: [{written}]", lang)
    assert where(found) == [("RF001", "org.yaml", 13, 13)]
    assert found[0]["hint"] == hint


@pytest.mark.parametrize(("lang", "kpi", "message", "hint"), [
    ("en", "- metric: 准时出货率\n      target: 98%",
     "KPI 1 of position 'ops-specialist' has no `title`",
     "add a line to it such as `title: 准时出货率 98%`: what it measures, in words (the fields "
     "it has stay as they are)"),
    ("zh", "- metric: 准时出货率\n      target: 98%",
     "岗位 'ops-specialist' 的第 1 项 KPI 没有 `title`",
     "给它加一行，例如 `title: 准时出货率 98%`：用文字写明它衡量什么（已有的字段保持不变）"),
    ("zh-Hant", "- target: 98%", "職位 'ops-specialist' 的第 1 項 KPI 沒有 `title`",
     "給它加一行，例如 `title: 準時出貨率不低於 98%`：用文字寫明它衡量什麼"),
])
def test_a_kpi_without_a_title_names_its_position_and_a_title_to_add(
        write_org, lang: str, kpi: str, message: str, hint: str) -> None:
    found = check(write_org, "- 准时出货率从 95% 提升到 98%", kpi, lang)
    assert where(found) == [("SC002", "org.yaml", 15, 7)]
    assert said(found) == [(message, hint)]


def test_a_kpi_without_a_title_is_said_with_its_position_name_in_text(write_org) -> None:
    from conftest import run_cli

    folder = org(write_org, "- 准时出货率从 95% 提升到 98%", "- target: 98%")
    out = run_cli("check", str(folder), "--isolated", "--no-cache", "--lang", "en",
                  cwd=folder).stdout
    assert "org.yaml:15:7: SC002 [error] KPI 1 of position 运营专员 (ops-specialist) has no " \
           "`title`" in out


def test_a_kpi_given_the_title_the_hint_says_has_no_finding(write_org) -> None:
    assert check(write_org, "- 准时出货率从 95% 提升到 98%",
                 "- metric: 准时出货率\n      title: 准时出货率 98%\n      target: 98%") == []


def test_a_mapping_in_a_block_of_text_is_its_text(write_org) -> None:
    assert check(write_org, "name: 大促\n", "name: 大促\n  description: |\n"
                                          "    例如 {kind: Person，id: li-na}\n"
                                          "    {kind: Person，id: li-na}\n") == []


def test_a_comma_in_a_mapping_inside_a_list_is_said_and_read(write_org) -> None:
    found = check(write_org, "responsibilities: [promo]",
                  "responsibilities: [{ref: promo，role: accountable}]")
    assert where(found) == [("IN021", "org.yaml", 6, 33)]
    assert found[0]["hint"] == ("write the line as `responsibilities: [{ref: promo, role: "
                                "accountable}]` (ASCII punctuation; switch the IME to half-width)")
