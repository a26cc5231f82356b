"""The event-based YAML front end: types stay strings, positions are exact, limits hold."""

from __future__ import annotations

import pytest

from orgspec.load.yamlevents import Limits, parse


@pytest.fixture(params=["c", "pure"])
def parser(request, monkeypatch):
    monkeypatch.setenv("ORGSPEC_YAML_PARSER", request.param)
    return request.param


def test_yaml_11_guesses_do_not_change_meaning(parser) -> None:
    doc = parse("a: NO\nb: 0755\nc: 12:30\nd: 2024-01-31\ne: on\nf: 1e3\n").docs[0]
    assert doc == {"a": "NO", "b": "0755", "c": "12:30", "d": "2024-01-31", "e": "on",
                   "f": "1e3"}


def test_plain_nulls_become_none_but_quoted_stay_strings(parser) -> None:
    doc = parse("a: ~\nb: null\nc:\nd: 'null'\ne: ''\n").docs[0]
    assert doc == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_keys_that_collide_in_yaml_11_are_distinct(parser) -> None:
    doc = parse("1: a\ntrue: b\noff: c\n").docs[0]
    assert doc == {"1": "a", "true": "b", "off": "c"}


def test_positions_count_code_points_and_lf_only(parser) -> None:
    parsed = parse("名字: 李娜\r\nteam:\r\n  - 研发部\r\n  - {x: 数据}\r\n")
    key, span, depth = parsed.locate((0, "名字"))
    assert (key, span[:2], depth) == ((1, 1), (1, 5), 2)
    assert parsed.locate((0, "team", 0))[:2] == (None, (3, 5, 3, 8))
    key, span, _ = parsed.locate((0, "team", 1, "x"))
    assert (key, span) == ((4, 6), (4, 9, 4, 11))
    assert parsed.locate((0, "team", 7, "x"))[2] == 2, "missing parts stop the walk"


def test_several_documents_and_entity_lists(parser) -> None:
    parsed = parse("kind: Team\nid: a\n---\n- kind: Person\n  id: b\n")
    assert parsed.docs == [{"kind": "Team", "id": "a"}, [{"kind": "Person", "id": "b"}]]
    assert parsed.locate((1, 0))[1][:2] == (4, 3)


def test_duplicate_key_keeps_first_and_reports_second(parser) -> None:
    parsed = parse("a: 1\nb:\n  x: 1\na:\n  - nested\n")
    assert parsed.docs[0] == {"a": "1", "b": {"x": "1"}}
    assert [(p.code, p.line, p.col) for p in parsed.problems] == [("IN004", 4, 1)]


@pytest.mark.parametrize(("text", "code", "line", "col"), [
    ("a: &x 1\n", "IN005", 1, 4),
    ("a: 1\nb: *x\n", "IN005", 2, 4),
    ("a: !!str 1\n", "IN006", 1, 4),
    ("a: !Ref b\n", "IN006", 1, 4),
    ("%YAML 1.1\n---\na: 1\n", "IN001", 1, 1),
    ("? [a, b]\n: 1\n", "IN007", 1, 3),
    ("a: b: c\n", "IN001", 1, 5),
])
def test_refused_constructs(parser, text: str, code: str, line: int, col: int) -> None:
    fatal = parse(text).fatal
    assert fatal is not None
    assert (fatal.code, fatal.line, fatal.col) == (code, line, col)


def test_limits_are_exact_at_the_boundary(parser) -> None:
    limits = Limits(depth=3, nodes=10, scalar_chars=5, key_chars=3)
    assert parse("a: [[x]]\n", limits).fatal is None
    assert parse("a: [[[x]]]\n", limits).fatal.code == "IN008"
    assert parse("abc: 12345\n", limits).fatal is None
    assert parse("abc: 123456\n", limits).fatal.code == "IN008"
    assert parse("abcd: 1\n", limits).fatal.code == "IN008"
    assert parse("[" + "1," * 9 + "]\n", limits).fatal is None
    assert parse("[" + "1," * 10 + "]\n", limits).fatal.code == "IN008"


def test_escaped_control_characters_in_values_are_reported(parser) -> None:
    parsed = parse('name: "\\e[2J"\nok: "tab\\there"\n')
    assert [(p.code, p.line, p.col) for p in parsed.problems] == [("IN003", 1, 7)]


def test_full_width_brackets_in_a_name_are_its_text_not_a_list() -> None:
    from orgspec.load.yamlhints import fullwidth

    assert fullwidth("- kind: Team\n  id: a\n  name: 【双11】大促作战室【A】\n") is None
    said = fullwidth("- kind: Team\n  id: a\n  name: 【A】\n  members: ［li-qiang］\n")
    assert said is not None and said[:2] == (4, 12)


def test_only_lines_with_a_slips_character_are_read_for_one(monkeypatch) -> None:
    """Chinese prose has its `，`, `、` and `；` in every file and its `：` on some lines: a
    file is read line by line for IME slips only when it has a character a slip has, and
    then only those lines are tried (at 500 teams of Chinese text: 0.5 s of CPU)."""
    from orgspec.load import yamlhints

    tried: list[int] = []
    real = yamlhints._line_slip
    monkeypatch.setattr(yamlhints, "_line_slip",
                        lambda number, line, lines: tried.append(number)
                        or real(number, line, lines))
    prose = "- kind: Team\n  id: a\n  description: 负责仓储、配送，以及售后；\n  members: [b，c]\n"
    assert yamlhints.slips(prose) == [] and tried == []
    said = yamlhints.slips(prose + "  mission：提升效率\n")
    assert [s[:2] for s in said] == [(5, 10)] and tried == [5]


def test_position_tables_hold_no_object_per_node(monkeypatch) -> None:
    """Where each node sits is kept as integers in one table per container, not a tuple
    per node: a file of 400 items of 5 keys (2,800 nodes in 801 containers) keeps about 6
    memory blocks a container (the container, its table, its strings), not 19
    (`docs/benchmarks.md`, thirteenth pass: the tuples were 60 % of the objects a loaded
    org held)."""
    import gc
    import pickle
    import sys

    monkeypatch.setenv("ORGSPEC_YAML_PARSER", "c")
    text = "".join(f"- id: t{i}\n  a: x\n  b: y\n  c: [p, q]\n  d: z\n" for i in range(400))
    parse(text)  # the parser's own first-use allocations
    gc.collect()
    before = sys.getallocatedblocks()
    parsed = parse(text)
    gc.collect()
    kept = sys.getallocatedblocks() - before
    containers = 1 + 400 * 2  # the list, each item's mapping and its `c` list
    assert kept < containers * 10, kept
    for again in (parsed, pickle.loads(pickle.dumps(parsed))):  # the cache's way back
        assert again.locate((0, 399, "d")) == ((2000, 3), (2000, 6, 2000, 7), 3)
        assert again.locate((0, 250, "c", 1))[:2] == (None, (1254, 10, 1254, 11))


def test_keys_of_a_large_mapping_are_located_each_at_its_line(parser) -> None:
    text = "".join(f"k{i}: v{i}\n" for i in range(40)) + "k3x:\n  - a\n"
    parsed = parse(text)
    for i in range(40):
        assert parsed.locate((0, f"k{i}")) == ((i + 1, 1), (i + 1, len(f"k{i}") + 3,
                                                           i + 1, 2 * len(f"k{i}") + 3), 2)
    assert parsed.locate((0, "k3x", 0))[:2] == (None, (42, 5, 42, 6))
