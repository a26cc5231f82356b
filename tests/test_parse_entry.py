"""`yamlevents.parse`, the pure loader entry, given any text: a finding, never a traceback."""

from __future__ import annotations

import pytest
import yaml

from orgspec.load.yamlevents import Problem, parse

PURE = yaml.SafeLoader


@pytest.mark.parametrize(("text", "loader", "line", "col", "code"), [
    ("kind: Team\nid: a\ud800\n", None, 2, 6, 0xD800),  # a lone surrogate: no UTF-8 for
    ("kind: Team\nid: a\ud800\n", PURE, 2, 6, 0xD800),  # libyaml, refused by pure YAML
    ("kind: Team\nname: \x1b[31m\n", PURE, 2, 7, 0x1B),  # the pure reader refuses controls
    ("kind: Team\nid: a\uffff\n", PURE, 2, 6, 0xFFFF),
])
def test_a_character_no_yaml_reader_takes_is_one_in003_at_it(
        text: str, loader: type | None, line: int, col: int, code: int) -> None:
    parsed = parse(text, loader=loader)
    assert parsed.fatal == Problem(
        "IN003", f"file contains the control or invisible character U+{code:04X}", line, col,
        "remove it; such characters hide text or move lines")
    assert parsed.docs == []
