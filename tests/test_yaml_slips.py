"""YAML slips a trial met, each said at the mistake, not where the parser gave up:
`-kind: Team` (no space after the dash), a `[` list never closed by `]`, and a comma left
out between two items (`{ref: d1 role: accountable}`)."""

from __future__ import annotations

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
    ("zh", "5:15: IN001 [error] `role` 前面可能少了一个逗号："
           "在 `{...}` 里，YAML 要用逗号分隔两个字段"),
    ("zh-Hant", "5:15: IN001 [error] `role` 前面可能少了一個逗號："
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
    # a word that is no id: not read as a missing comma
    ("- {kind: Team, id: d1, name: D, lead: a, members: [a c]}\n", "1:52",
     "add the Person 'a c' to the org's files, or change it to an existing id"),
])
def test_a_list_item_of_ids_written_with_spaces(write_org, line: str, where: str,
                                                hint: str) -> None:
    org = write_org({"o.yaml": PEOPLE + line})
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", "en",
                  "--format", "json")
    [found] = [f for f in run.json()["findings"] if f["code"] == "RF001"]
    assert (f"{found['line'] - 2}:{found['column']}", found["hint"].split(" (")[0]) == (where, hint)
