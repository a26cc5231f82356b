"""Process flowcharts say what the process says (trial 8): no line passes behind a box that is
not one of its ends, a skipped step shows as a branch, and unreachable steps (PR003) and
`next` links to no step (RF001) are marked, with a key. Checked on the layout's geometry here;
test_browser.py checks the same on the drawn SVG in Chromium."""

from __future__ import annotations

import random
import re
from itertools import pairwise

import pytest
from conftest import FIXTURES

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config, Selector
from orgspec.report.diagram import Box, Diagram, FlowStep, flow
from orgspec.report.view import build_view

ORG = FIXTURES / "flowcharts"
INSET = 3.0  # a line may touch the box it starts or ends at; deeper inside any box is a crossing


def points(d: str, per_curve: int = 24) -> list[tuple[float, float]]:
    """Points along SVG path data made of M, V, H, L and C commands (what `flow` writes)."""
    out: list[tuple[float, float]] = []
    x = y = 0.0
    for cmd, args in re.findall(r"([MVHLC])([^MVHLC]*)", d):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if cmd == "M" or cmd == "L":
            x, y = nums
        elif cmd == "V":
            y0, y = y, nums[0]
            out += [(x, y0 + (y - y0) * k / per_curve) for k in range(per_curve)]
        elif cmd == "H":
            x0, x = x, nums[0]
            out += [(x0 + (x - x0) * k / per_curve, y) for k in range(per_curve)]
        else:
            (x1, y1, x2, y2, x3, y3), x0, y0 = nums, x, y
            for k in range(per_curve):
                t = k / per_curve
                u = 1 - t
                out.append((u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                            u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3))
            x, y = x3, y3
        out.append((x, y))
    return out


def inside(p: tuple[float, float], b: Box) -> bool:
    return (b.x + INSET < p[0] < b.x + b.w - INSET) and (b.y + INSET < p[1] < b.y + b.h - INSET)


def crossings(diagram: Diagram) -> list[tuple[str, str]]:
    """(path data, box label) for every line that runs inside a box."""
    return [(line.d, b.label) for line in diagram.lines for b in diagram.boxes
            if any(inside(p, b) for p in points(line.d))]


@pytest.fixture(scope="module")
def view():  # type: ignore[no-untyped-def]
    result, org = lint_org([str(ORG)], Config())
    return build_view(result, org, "zh")


def diagram_of(view, pid: str) -> Diagram:  # type: ignore[no-untyped-def]
    return next(p.diagram for p in view.processes if p.id == pid)


def test_a_skipped_step_is_a_branch_beside_the_box_it_skips(view) -> None:  # type: ignore[no-untyped-def]
    d = diagram_of(view, "complaint-flow")
    assert crossings(d) == []
    escalate = next(b for b in d.boxes if b.label == "升级到产品/技术")
    skip = [ln for ln in d.lines if len(points(ln.d)) > 30]  # handle -> close, two gaps long
    assert len(skip) == 1
    beside = [p for p in points(skip[0].d) if escalate.y <= p[1] <= escalate.y + escalate.h]
    assert beside and all(p[0] > escalate.x + escalate.w for p in beside)  # to its right


def test_unreachable_and_broken_links_are_marked_with_a_key(view) -> None:  # type: ignore[no-untyped-def]
    d = diagram_of(view, "dacu-incident")
    assert crossings(d) == []
    assert [(b.label, b.sub, b.kind) for b in d.boxes if b.kind != "step"] == [
        ("暫停廣告投放", "市场部", "step step-unreachable"),  # PR003
        ("reveiw", "不存在的步骤", "missing")]  # RF001: the typo is not drawn as a link to review
    assert sorted(ln.kind for ln in d.lines) == ["broken", "flow", "flow", "flow", "flow"]
    assert d.legend == ["step-unreachable", "missing"]
    assert diagram_of(view, "complaint-flow").legend == []  # nothing to explain


def test_no_mark_without_its_finding(view) -> None:  # type: ignore[no-untyped-def]
    result, org = lint_org([str(ORG)], Config(ignore=[Selector("PR003", "test")]))
    d = next(p.diagram for p in build_view(result, org, "zh").processes
             if p.id == "dacu-incident")
    assert "step step-unreachable" not in {b.kind for b in d.boxes}


def test_loops_climb_through_lanes_of_their_own(view) -> None:  # type: ignore[no-untyped-def]
    d = diagram_of(view, "release")
    assert crossings(d) == []
    assert [ln.kind for ln in d.lines].count("back") == 4  # 3 loops back, build -> build
    assert d.legend == ["back"]


def mermaid_of(view, pid: str) -> str:  # type: ignore[no-untyped-def]
    return str(next(p.mermaid for p in view.processes if p.id == pid))


def test_the_mermaid_flowchart_has_the_same_marks_and_key(view) -> None:  # type: ignore[no-untyped-def]
    """The Markdown report's Mermaid flowchart marks what the drawn one marks, with the
    same key words (the report's language)."""
    text = mermaid_of(view, "dacu-incident")
    assert '  m0["reveiw<br/>不存在的步骤"]' in text  # RF001's typo ends at a dashed box
    assert "  s2 -.-> m0" in text and "s2 --> s4" not in text
    assert "  class s3 unreachable" in text  # 暫停廣告投放, PR003
    assert "  class m0 missing" in text
    assert text.split("  subgraph ", 1)[1].splitlines() == [
        'key["图例"]', '  k0["从起始步骤无法到达的步骤"]', '  k1["指向不存在步骤的链接"]', "  end",
        "  s4 & m0 ~~~ key",  # below the steps that lead on to none: clear of every line
        "  class k0 unreachable", "  class k1 missing"]
    loops = mermaid_of(view, "release")
    assert [ln for ln in loops.splitlines() if "-.->" in ln] == [
        "  s1 -.-> s1", "  s2 -.-> s0", "  s3 -.-> s1", "  s5 -.-> s0",
        '  ka0 -.->|"回到前面的步骤"| kb0']  # 3 loops back, build -> build; the key's
    assert "subgraph" not in mermaid_of(view, "complaint-flow")  # nothing to explain


def test_the_mermaid_flowchart_marks_nothing_without_its_finding() -> None:
    result, org = lint_org([str(ORG)], Config(ignore=[Selector("PR003", "test")]))
    text = next(p.mermaid for p in build_view(result, org, "en").processes
                if p.id == "dacu-incident")
    assert "unreachable" not in text and '  k0["link to a step that does not exist"]' in text


def test_orgspec_graph_process_draws_the_reports_flowchart(view) -> None:  # type: ignore[no-untyped-def]
    from conftest import run_cli

    run = run_cli("graph", str(ORG), "--process", "dacu-incident")
    assert run.code == 0 and run.stdout == mermaid_of(view, "dacu-incident")


@pytest.mark.parametrize("seed", range(30))
def test_no_line_crosses_a_box_in_random_processes(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(2, 25)
    keys = [f"s{i}" for i in range(n)]
    steps = [FlowStep(k, k, "", rng.sample([*keys, "nope"], rng.randint(0, 3))) for k in keys]
    d = flow(steps)
    assert crossings(d) == []
    assert len(d.boxes) == n + any("nope" in s.next for s in steps)
    for b in d.boxes:  # and no box overlaps another or leaves the canvas
        assert b.x >= 0 and b.x + b.w <= d.width and b.y >= 0 and b.y + b.h <= d.height
    spans = sorted((b.y, b.x, b.x + b.w) for b in d.boxes)
    for (y1, _, r1), (y2, l2, _) in pairwise(spans):
        assert y1 != y2 or r1 <= l2
