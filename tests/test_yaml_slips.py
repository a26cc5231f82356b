"""YAML slips a trial met, each said at the mistake, not where the parser gave up:
`-kind: Team` (no space after the dash), a `[` list never closed by `]`, and a comma left
out between two items (`{ref: d1 role: accountable}`)."""

from __future__ import annotations

import re

import pytest
from conftest import run_cli

RACI = "- kind: Responsibility\n  id: r1\n  name: 投诉处理\n  raci:\n    - {LINE}\n"


def _comma(item: str, opener: str = "{") -> str:
    return f"a comma is probably missing before `{item}`: " + (
        "inside `{...}` YAML needs a comma between two fields" if opener == "{" else
        "inside `[...]` YAML needs a comma between two items")


def _fixed(line: str) -> str:
    return f"write the line as `{line}`"


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize(("text", "where", "message", "hint"), [
    ("-kind: Team\n  id: us-returns\n  name: Returns\n", "1:1",
     "`-kind` has no space after the `-`: YAML reads it as a key named `-kind`, not as a list "
     "item", "write `- kind`: a space after the `-`"),
    ("- kind: Team\n  id: ops\n-kind: Person\n  id: a\n", "3:1",
     "`-kind` has no space after the `-`: YAML reads it as a key named `-kind`, not as a list "
     "item", "write `- kind`: a space after the `-`"),
    ("- kind: Team\n  id: ops\n  members: [a, b\n  mission: 负责运营\n", "3:12",
     "this `[` is never closed by `]`", "end it with `]` after its last item (line 3)"),
    ("- kind: Team\n  id: ops\n  members: [a,\n    b\n  mission: x\n", "3:12",
     "this `[` is never closed by `]`", "end it with `]` after its last item (line 4)"),
    ("- {kind: Team, id: ops, name: 运营部\n- kind: Person\n  id: a\n", "1:3",
     "this `{` is never closed by `}`", "end it with `}` after its last item (line 1)"),
    # a comma left out between two items on one line, said where it goes: after `d1`, whose
    # plain value runs on to the next key's `:`
    (RACI.replace("{LINE}", "{ref: d1 role: accountable}"), "5:15", _comma("role"),
     _fixed("- {ref: d1, role: accountable}")),
    (RACI.replace("{LINE}", "{ref: d1, role: accountable responsible: x}"), "5:34",
     _comma("responsible"), _fixed("- {ref: d1, role: accountable, responsible: x}")),
    (RACI.replace("{LINE}", "{ref: d1   role: accountable}  # 客服"), "5:15", _comma("role"),
     _fixed("- {ref: d1,   role: accountable}  # 客服")),
    # after a quoted or bracketed item
    (RACI.replace("{LINE}", '{ref: "d1" role: accountable}'), "5:17", _comma("role"),
     _fixed('- {ref: "d1", role: accountable}')),
    ("- kind: Team\n  id: ops\n  members: [\"王伟\" li-na]\n", "3:17", _comma("li-na", "["),
     _fixed('members: ["王伟", li-na]')),
    ("- kind: Team\n  id: ops\n  members: [{ref: a} b]\n", "3:21", _comma("b", "["),
     _fixed("members: [{ref: a}, b]")),
])
def test_the_slip_is_said_where_it_was_made(write_org, monkeypatch: pytest.MonkeyPatch,
                                            parser: str, text: str, where: str, message: str,
                                            hint: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    org = write_org({"o.yaml": text})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert run.code == 1
    assert run.stdout.splitlines()[:2] == [f"{org / 'o.yaml'}:{where}: IN001 [error] {message}",
                                           f"    hint: {hint}"]


def test_a_missing_comma_in_a_list_over_lines_is_not_called_unclosed(write_org) -> None:
    org = write_org({"o.yaml": "- kind: Team\n  id: ops\n  members: [a\n    b]\n"})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert "never closed" not in run.stdout


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize(("text", "where", "message", "hint", "opened"), [
    # the file ends inside the `[` (or `{`): said where the parser gave up, naming the line
    ("- kind: Team\n  id: ops\n  members: [a, b\n", "4:1",
     "the `[` opened on line 3 is never closed by `]`",
     "end it with `]` after its last item (line 3)", "3:12"),
    ("- {kind: Team,\n   id: ops\n", "3:1", "the `{` opened on line 1 is never closed by `}`",
     "end it with `}` after its last item (line 2)", "1:3"),
    # given up on a later line inside it (not at a `key:` below it)
    ("- kind: Team\n  id: ops\n  members: [a,\n    {b: 1\n    ]\n- kind: Person\n  id: p\n",
     "5:5", "YAML syntax error: while reading a `{...}` mapping: a `{` mapping not closed by "
     "`}`, or a missing comma (the `{` opened on line 4)", None, "4:5"),
])
def test_an_unclosed_bracket_names_the_line_it_opened_on(
        write_org, monkeypatch: pytest.MonkeyPatch, parser: str, text: str, where: str,
        message: str, hint: str | None, opened: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    org = write_org({"o.yaml": text})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert run.code == 1
    bracket = "`[`" if "`[`" in message else "`{`"
    said = [f"{org / 'o.yaml'}:{where}: IN001 [error] {message}",
            f"    related: {org / 'o.yaml'}:{opened}: the {bracket} opened here",
            *([f"    hint: {hint}"] if hint else [])]
    assert run.stdout.splitlines()[:len(said)] == said


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "5:15: IN001 [错误] `role` 前面可能少了一个逗号："
           "在 `{...}` 里，YAML 要用逗号分隔两个字段"),
    ("zh-Hant", "5:15: IN001 [錯誤] `role` 前面可能少了一個逗號："
                "在 `{...}` 裡，YAML 要用逗號分隔兩個欄位"),
])
def test_a_missing_comma_is_said_in_chinese(write_org, lang: str, said: str) -> None:
    org = write_org({"o.yaml": RACI.replace("{LINE}", "{ref: d1 role: accountable}")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang)
    assert run.stdout.splitlines()[0] == f"{org / 'o.yaml'}:{said}"


def test_no_missing_comma_for_a_colon_inside_a_value(write_org) -> None:
    org = write_org({"o.yaml": RACI.replace("{LINE}", "{title: 目标: 提升}")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en")
    assert "comma is probably missing" not in run.stdout


PEOPLE = "- {kind: Person, id: a, name: A}\n- {kind: Person, id: b, name: B}\n"


@pytest.mark.parametrize(("line", "where", "hint"), [
    # `[a b]` is valid YAML, one item: said as RF001 with the items written separately
    ("- {kind: Team, id: d1, name: D, lead: a, members: [a b]}\n", "1:52",
     "'a b' is one item: write the items separately, `a, b`"),
    ("- {kind: Responsibility, id: r1, name: 退款, accountable: a, consulted: [b, a b]}\n",
     "1:75", "'a b' is one item: write the items separately, `a, b`"),
    # a word that is no id: not read as a missing comma (nor as an id to add: trial 29)
    ("- {kind: Team, id: d1, name: D, lead: a, members: [a c]}\n", "1:52",
     "write an id (ascii letters, digits, -), or add the Person with `name: a c`"),
])
def test_a_list_item_of_ids_written_with_spaces(write_org, line: str, where: str,
                                                hint: str) -> None:
    org = write_org({"o.yaml": PEOPLE + line})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", "json")
    [found] = [f for f in run.json()["findings"] if f["code"] == "RF001"]
    said = re.sub(r" \(\d+ findings? that .*", "", found["hint"])  # what it holds back
    assert (f"{found['line'] - 2}:{found['column']}", said) == (where, hint)


# A field indented deeper than the field above it, which has its value on its line: YAML
# reads the line as more of that value and stops at its `: `. Said as the indentation it
# is, with the field and column to align it with; never "put the value in quotes", which
# gave the same hint again once followed (a user went round in circles).

HK = "  - kind: Team\n    id: ops-hk\n    name: 香港營運部\n{LINE}\n"
_ALIGN = "align `{key}:` with `{field}:` on line {line}: indent it by {n} spaces, so that it " \
    "starts in column {col}"


def _deeper(key: str, mine: int, field: str, line: int, theirs: int) -> str:
    return (f"`{key}:` is indented {mine} spaces, deeper than `{field}:` on line {line} "
            f"({theirs} spaces): YAML reads it as more of the value of `{field}`, not as a "
            "field")


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize(("text", "where", "message", "hint"), [
    # the trial's team: `names:` under the scalar `name:`
    (HK.replace("{LINE}", "      names: {en: Hong Kong Operations}"), "4:7",
     _deeper("names", 6, "name", 3, 4),
     _ALIGN.format(key="names", field="name", line=3, n=4, col=5)),
    # the old hint followed (`names` quoted): the same finding, not another quote hint
    (HK.replace("{LINE}", '      names: "{en: Hong Kong Operations}"'), "4:7",
     _deeper("names", 6, "name", 3, 4),
     _ALIGN.format(key="names", field="name", line=3, n=4, col=5)),
    # a plain `key: value` under a scalar field
    (HK.replace("{LINE}", "      mission: 提升香港營收"), "4:7",
     _deeper("mission", 6, "name", 3, 4),
     _ALIGN.format(key="mission", field="name", line=3, n=4, col=5)),
    # the field above's value wrapped over two lines: the field is the one it continues
    (HK.replace("{LINE}", "    mission: 提升香港門市與線上渠道的營收，\n      並維持客戶滿意度\n"
                "      owner: ops-hk"), "6:7",
     _deeper("owner", 6, "mission", 4, 4),
     _ALIGN.format(key="owner", field="mission", line=4, n=4, col=5)),
    # after the first field of an item (`- kind: Team`, its key after the `- `)
    ("- kind: Team\n    id: ops-hk\n", "2:5", _deeper("id", 4, "kind", 1, 2),
     _ALIGN.format(key="id", field="kind", line=1, n=2, col=3)),
    # under a quoted value YAML reads no more of it, and cannot read a field there either
    (HK.replace("name: 香港營運部", 'name: "香港營運部"').replace(
        "{LINE}", "      names: {en: Hong Kong Operations}"), "4:7",
     "`names:` is indented 6 spaces, deeper than `name:` on line 3 (4 spaces), which "
     "already has its value: YAML cannot read a field there",
     _ALIGN.format(key="names", field="name", line=3, n=4, col=5)),
])
def test_a_field_indented_under_a_value_is_said_as_its_indentation(
        write_org, monkeypatch: pytest.MonkeyPatch, parser: str, text: str, where: str,
        message: str, hint: str) -> None:
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    org = write_org({"teams.yaml": text})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", "json")
    assert run.code == 1
    assert [(f["code"], f["file"], f"{f['line']}:{f['column']}", f["message"], f["hint"])
            for f in run.json()["findings"]] == [
        ("IN001", str(org / "teams.yaml"), where, message, hint)]


@pytest.mark.parametrize(("lang", "message", "hint"), [
    ("zh-Hant", "`names:` 縮排了 6 個空格，比第 3 行的 `name:`（4 個空格）更深：YAML 把這一行讀成 "
                "`name` 的值的一部分，而不是一個欄位",
     "把 `names:` 和第 3 行的 `name:` 對齊：縮排 4 個空格，讓它從第 5 欄開始"),
    ("zh", "`names:` 缩进了 6 个空格，比第 3 行的 `name:`（4 个空格）更深：YAML 把这一行读成 "
           "`name` 的值的一部分，而不是一个字段",
     "把 `names:` 和第 3 行的 `name:` 对齐：缩进 4 个空格，让它从第 5 列开始"),
])
def test_a_field_indented_under_a_value_is_said_in_chinese(write_org, lang: str, message: str,
                                                           hint: str) -> None:
    org = write_org({"teams.yaml": HK.replace("{LINE}", "      names: {en: Hong Kong Operations}")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang,
                  "--format", "json")
    assert [(f["code"], f["line"], f["column"], f["message"], f["hint"])
            for f in run.json()["findings"]] == [("IN001", 4, 7, message, hint)]


def test_a_value_wrapped_onto_the_next_line_is_prose_not_a_slip(write_org) -> None:
    """YAML reads a plain value's deeper next line as more of it: valid, no finding, and
    the value is the whole sentence."""
    wrapped = HK.replace("{LINE}", "    mission: 提升香港門市與線上渠道的營收，\n"
                         "      並維持客戶滿意度\n    lead: chan\n    members: [chan]\n"
                         "  - kind: Person\n    id: chan\n    name: 陳大文")
    org = write_org({"teams.yaml": wrapped})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", "json")
    assert not [f for f in run.json()["findings"] if f["code"].startswith("IN")]
    from orgspec.load.yamlevents import Limits, parse

    [doc] = parse(wrapped, Limits()).docs
    assert doc[0]["mission"] == "提升香港門市與線上渠道的營收， 並維持客戶滿意度"


def test_a_colon_in_a_fields_own_value_is_still_said_as_quoting(write_org) -> None:
    org = write_org({"teams.yaml": HK.replace("{LINE}", "    mission: 目標: 三成")})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", "json")
    assert [(f["code"], f["line"], f["hint"]) for f in run.json()["findings"]] == [
        ("IN001", 4, 'put the value in quotes: `mission: "目標: 三成"`')]
