"""Unit tests of the report stage: the templating environment and the diagram layouts."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from orgspec.report.diagram import BOX_H, BOX_W, FlowStep, Node, clip, flow, tree
from orgspec.report.templating import environment


def test_markdown_templates_escape_every_value_unless_marked_safe() -> None:
    env = environment()
    assert env.from_string("{{ x }}|{{ n }}").render(x="*a* <b>", n=3) == "\\*a\\* \\<b>|3"
    assert env.from_string("{{ x | safe_md }}").render(x="*a*") == "*a*"
    assert env.from_string("[{{ none }}]").render(none=None) == "[]"


def test_html_templates_autoescape_and_user_folder_comes_first(tmp_path: Path) -> None:
    (tmp_path / "t.html.j2").write_text("<p>{{ x }}</p>", "utf-8")
    (tmp_path / "report.css").write_text("body{color:red}", "utf-8")
    env = environment(str(tmp_path))
    assert env.get_template("t.html.j2").render(x="<b>&") == "<p>&lt;b&gt;&amp;</p>"
    assert env.loader.get_source(env, "report.css")[0] == "body{color:red}"
    assert env.get_template("report.md.j2") is not None  # the built-in ones stay reachable


def test_undefined_names_fail_instead_of_printing_nothing() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ v.no_such_field }}").render(v={})


def test_tree_layout_centres_parents_on_their_children() -> None:
    diagram = tree([Node("r", "Root", children=[Node("a", "A"), Node("b", "B")])])
    assert [(b.label, b.x, b.y) for b in diagram.boxes] == [
        ("Root", 8.0, 36.0), ("A", 224.0, 8.0), ("B", 224.0, 64.0)]
    assert [line.d for line in diagram.lines] == ["M184 58H204V30H224", "M184 58H204V86H224"]
    assert (diagram.width, diagram.height) == (2 * 8 + 2 * BOX_W + 40, 116.0)
    assert (diagram.shown, diagram.total, diagram.complete) == (3, 3, True)


def test_tree_layout_cuts_at_the_limit_and_counts_what_it_left_out() -> None:
    diagram = tree([Node("r", "Root", children=[Node("a", "A"), Node("b", "B")])], limit=2)
    assert [(b.label, b.sub) for b in diagram.boxes] == [("Root", "(+1)"), ("A", "")]
    assert (diagram.shown, diagram.total, diagram.complete) == (2, 3, False)


def test_flow_layout_layers_steps_and_draws_loops_as_back_curves() -> None:
    steps = [FlowStep("a", "A", "ops", ["b"]), FlowStep("b", "B", "", ["c"], "step-gap"),
             FlowStep("c", "C", "ops", ["a", "missing"])]
    diagram = flow(steps, unknown="no such step")
    assert [(b.label, b.sub, b.y, b.kind) for b in diagram.boxes] == [
        ("A", "ops", 8.0, "step"), ("B", "", 108.0, "step-gap"), ("C", "ops", 208.0, "step"),
        ("missing", "no such step", 308.0, "missing")]  # the broken `next`, drawn as such
    assert [line.kind for line in diagram.lines] == ["flow", "flow", "back", "broken"]
    assert diagram.height == 2 * 8 + 4 * (BOX_H + 56) - 56
    assert diagram.legend == ["step-gap", "missing", "back"]


def test_clip_counts_wide_characters_double() -> None:
    assert clip("a" * 10) == "a" * 10
    long_zh = "订单履约" * 10
    cut = clip(long_zh)
    assert cut.endswith("…") and len(cut) < len(long_zh)
    assert len(clip("a" * 40)) > len(cut)  # the same room holds more Latin letters


def test_parent_cycles_are_found_in_one_walk_and_only_their_nodes_are_roots() -> None:
    from orgspec.report.tree import on_cycles

    # a -> b -> c -> a is a cycle; d hangs below it; e points at itself; f -> g, g a root
    parent = {"a": "b", "b": "c", "c": "a", "d": "a", "e": "e", "f": "g"}
    assert on_cycles(parent) == {"a", "b", "c", "e"}
    assert on_cycles({}) == set()
