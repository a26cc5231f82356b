"""Two YAML slips a trial met, each said at the mistake, not where the parser gave up:
`-kind: Team` (no space after the dash) and a `[` list never closed by `]`."""

from __future__ import annotations

import pytest
from conftest import run_cli


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
