"""A block list whose FIRST item lost its `- ` (`members:` then `    liu-yang` and
`    - he-min`): said as the missing `- ` at the item's line, with the line to write, as a
later item's is (tests/test_dash35_scalar_dash.py); followed, the check is clean."""

from __future__ import annotations

import pytest
from conftest import run_cli
from test_dash35_scalar_dash import TEAMS, _check, _org


@pytest.mark.parametrize(("before", "after", "line", "item", "value"), [
    ("    - liu-yang", "    liu-yang", 6, "liu-yang", "liu-yang - he-min - xu-fang"),
    ("    - complaint-handling", "    complaint-handling", 10, "complaint-handling",
     "complaint-handling - refund-handling"),
])
def test_the_first_item_without_its_dash(write_org, before: str, after: str, line: int,
                                         item: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Before: YAML folds the list into one text, `liu-yang - he-min - xu-fang`: RF001 on
    that person (hint: add a Person named so), HI004 held behind it, HI007 on he-min and
    xu-fang left on no team. Now one IN017 at the item's line, the items read as meant."""
    org = _org(write_org, TEAMS.replace(before, after))
    found, text = _check(org)
    assert found == [("IN017", "teams.yaml", line)]
    assert f"teams.yaml:{line}:5: IN017 [error] `{item}` seems to miss its `- `: the other " \
        f"items of the list start with `- `, so YAML reads the list as one item: " \
        f"'{value}'\n" \
        f"    hint: start it with `- `, like the items below: `- {item}`\n" in text
    assert "name:" not in text and "HI007" not in text
    _, zh = _check(org, "zh")
    assert f"teams.yaml:{line}:5: IN017 [错误] `{item}` 似乎缺了 `- `：这个列表的其他项都以 " \
        f"`- ` 开头，所以 YAML 把整个列表读成一项：'{value}'\n" \
        f"    建议: 像下面的项一样以 `- ` 开头：`- {item}`\n" in zh
    (org / "teams.yaml").write_text(TEAMS, "utf-8")  # the hint, followed
    assert _check(org)[0] == []


def test_the_first_item_without_its_dash_in_traditional_chinese(write_org) -> None:  # type: ignore[no-untyped-def]
    org = _org(write_org, TEAMS.replace("    - liu-yang", "    liu-yang"))
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "zh-Hant").stdout
    assert "teams.yaml:6:5: IN017 [錯誤] `liu-yang` 似乎缺了 `- `" in text
    assert "像下面的項一樣以 `- ` 開頭：`- liu-yang`" in text


def test_the_first_item_without_its_dash_in_a_list_at_the_key_s_column(write_org) -> None:  # type: ignore[no-untyped-def]
    """`members:` with its items at its own column (`  - he-min`), the first without its
    `- `: the parser gives up there. Before: IN001 `this line has no `:` after its text`,
    hint `write it as key: value, or start it with #` (followed, the member is lost)."""
    teams = TEAMS.replace("    - liu-yang\n    - he-min\n    - xu-fang",
                          "  liu-yang\n  - he-min\n  - xu-fang")
    found, text = _check(_org(write_org, teams))
    assert found == [("IN001", "teams.yaml", 6)]
    assert "teams.yaml:6:3: IN001 [error] `liu-yang` seems to miss its `- `: the other items " \
        "of the list start with `- `, so YAML cannot read this line\n" \
        "    hint: start it with `- `, like the items below: `- liu-yang`\n" in text


def test_text_over_lines_one_starting_with_a_dash_is_still_text(write_org) -> None:  # type: ignore[no-untyped-def]
    """Only in a field that lists ids: a description may go on over lines, one of them
    starting with `- `, and is the text YAML reads."""
    teams = TEAMS.replace("  name: 客服部\n", "  name: 客服部\n  description:\n    售后\n"
                          "    - 退款\n")
    found, _ = _check(_org(write_org, teams))
    assert found == []


def test_a_first_item_on_the_key_s_line_is_left_as_yaml_reads_it(write_org) -> None:  # type: ignore[no-untyped-def]
    teams = TEAMS.replace("  members:\n    - liu-yang", "  members: liu-yang")
    found, _ = _check(_org(write_org, teams))
    assert ("IN017", "teams.yaml", 5) not in found and found  # RF001 'liu-yang - he-min ...'

