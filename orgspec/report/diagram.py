"""Diagram layout: boxes and lines with coordinates, which a template draws as inline SVG.

orgspec lays diagrams out itself so that the HTML report needs no diagram library and no
network. Layouts are iterative and linear in the number of boxes drawn; a diagram draws at
most `limit` boxes and says how many it left out.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

BOX_W, BOX_H = 176.0, 44.0
COL_GAP, ROW_GAP = 40.0, 12.0
LAYER_GAP = 56.0
PAD = 8.0
FONT_PX = 13.0
TEXT_PX = BOX_W - 16.0  # room for a label inside a box
MAX_DEPTH = 12
LIMIT = 300
LINE_H = 16.0  # one more line of label makes a box this much taller
SMALL_H = 15.0  # a line of small text under the label (a step's owner, its SLA)
MAX_LINES = 3  # a label wraps onto at most this many lines, the last one clipped


@dataclass
class Box:
    """One box: `label` is clipped to fit, `title` holds the full text for a tooltip."""

    x: float
    y: float
    label: str
    sub: str
    title: str
    kind: str
    w: float = BOX_W
    h: float = BOX_H
    lines: list[str] = field(default_factory=list)  # `label` wrapped to fit the box
    note: str = ""  # a second small line under `sub` (a step's SLA), "" for none

    @property
    def texts(self) -> list[tuple[float, str, str]]:
        """(baseline y, text, class) of each line: the label's lines, then `sub`, then
        `note`."""
        lines = self.lines or [self.label]
        middle = self.y + (self.h - LINE_H * (len(lines) - 1)) / 2 + 5
        first = self.y + 19 if self.sub or self.note else middle
        out = [(first + LINE_H * i, line, "") for i, line in enumerate(lines)]
        y = first + LINE_H * (len(lines) - 1) + 2
        for small in (self.sub, self.note):
            if small:
                y += SMALL_H
                out.append((y, small, "sub"))
        return out


@dataclass
class Line:
    """A connector; `d` is SVG path data made only of commands and numbers."""

    d: str
    kind: str


@dataclass
class Diagram:
    """A laid-out diagram; `shown` of `total` boxes are drawn."""

    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    shown: int = 0
    total: int = 0
    legend: list[str] = field(default_factory=list)  # the marks drawn, for a key below

    @property
    def complete(self) -> bool:
        return self.shown == self.total


@dataclass
class Node:
    """Input to the tree layout: a labelled node and its children."""

    key: str
    label: str
    sub: str = ""
    kind: str = "node"
    children: list[Node] = field(default_factory=list)


def char_width(ch: str) -> float:
    """Width of one character in ems: CJK and other wide characters take a full em."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6


def clip(text: str, px: float = TEXT_PX, font_px: float = FONT_PX) -> str:
    """`text` on one line, cut with an ellipsis to fit `px` pixels at `font_px`."""
    text = " ".join(text.split())
    budget, used = px / font_px, 0.0
    if len(text) <= budget:
        return text  # fits even if every character is wide
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > budget:
            return text[:max(i - 1, 0)] + "…"
    return text


def wrap(text: str, px: float = TEXT_PX, font_px: float = FONT_PX,
         max_lines: int = MAX_LINES) -> list[str]:
    """`text` broken into lines that fit `px` pixels at `font_px`: between words, or
    between any two wide (CJK) characters, which count a full em each; a word too long for
    a line is broken anywhere. Past `max_lines`, the last line is clipped with an ellipsis."""
    text = " ".join(text.split())
    budget = px / font_px
    lines: list[str] = []
    line, used = "", 0.0
    for token in _tokens(text):
        width = sum(char_width(ch) for ch in token)
        if used + width > budget and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0.0
            token = token.lstrip()
            width = sum(char_width(ch) for ch in token)
        for ch in token if width > budget else (token,):
            w = sum(char_width(c) for c in ch)
            if used + w > budget and line.strip() and ch not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used = "", 0.0
            line, used = line + ch, used + w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        rest = lines[max_lines - 1]
        for more in lines[max_lines:]:
            wide = char_width(rest[-1]) == 1.0 and char_width(more[0]) == 1.0
            rest += ("" if wide else " ") + more
        lines = [*lines[:max_lines - 1], clip(rest, px, font_px)]
    return lines


# Punctuation that stays at the end of a line rather than start the next (禁则).
_NO_LINE_START = frozenset(",.;:!?)]}，。、；：！？）」』》】")


def _tokens(text: str) -> list[str]:
    """Words with their leading space, and each wide character on its own."""
    out: list[str] = []
    for ch in text:
        wide = char_width(ch) == 1.0
        if wide or not out or ch == " " or char_width(out[-1][-1]) == 1.0:
            out.append(ch)
        else:
            out[-1] += ch
    return out


def _box(x: float, y: float, label: str, sub: str, kind: str, h: float = BOX_H,
         note: str = "") -> Box:
    return Box(x, y, clip(label), clip(sub, font_px=FONT_PX - 2), " · ".join(
        t for t in (" ".join(label.split()), sub, note) if t), kind, h=h, lines=wrap(label),
               note=clip(note, font_px=FONT_PX - 2))


def _height(labels: Sequence[str]) -> float:
    """The box height of a diagram: room for its longest wrapped label."""
    return BOX_H + LINE_H * (max((len(wrap(t)) for t in labels), default=1) - 1)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def tree(roots: Sequence[Node], limit: int = LIMIT, max_depth: int = MAX_DEPTH) -> Diagram:
    """A left-to-right tree: depth across, leaves down, each parent centred on its children.

    Nodes are taken breadth-first up to `limit` and `max_depth`, so the top of a large org
    is drawn and the rest is counted; a node whose children were left out says how many.
    """
    total = 0
    kept: dict[int, list[Node]] = {}
    depth_of: dict[int, int] = {}
    queue: deque[tuple[Node, int]] = deque((r, 0) for r in roots)
    order: list[Node] = []
    seen: set[int] = set()
    while queue:
        node, depth = queue.popleft()
        if id(node) in seen:
            continue
        seen.add(id(node))
        total += 1
        if len(order) < limit and depth <= max_depth:
            order.append(node)
            depth_of[id(node)] = depth
            kept[id(node)] = []
        queue.extend((c, depth + 1) for c in node.children)
    for node in order:
        kept[id(node)] = [c for c in node.children if id(c) in kept]
    top = [r for r in roots if id(r) in kept]
    box_h = _height([n.label for n in order])
    diagram = Diagram(0.0, 0.0, shown=len(order), total=total)
    y_of: dict[int, float] = {}
    next_y = PAD
    # Post-order without recursion: leaves take the next row, parents centre on children.
    stack: list[tuple[Node, bool]] = [(r, False) for r in reversed(top)]
    while stack:
        node, done = stack.pop()
        children = kept[id(node)]
        if not done and children:
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(children))
            continue
        if children:
            y_of[id(node)] = (y_of[id(children[0])] + y_of[id(children[-1])]) / 2
        else:
            y_of[id(node)] = next_y
            next_y += box_h + ROW_GAP
        x = PAD + depth_of[id(node)] * (BOX_W + COL_GAP)
        hidden = len(node.children) - len(children)
        sub = node.sub + (f" (+{hidden})" if hidden else "")
        diagram.boxes.append(_box(x, y_of[id(node)], node.label, sub.strip(), node.kind,
                                  box_h))
        for child in children:
            x1, y1 = x + BOX_W, y_of[id(node)] + box_h / 2
            x2, y2 = x + BOX_W + COL_GAP, y_of[id(child)] + box_h / 2
            xm = x1 + COL_GAP / 2
            diagram.lines.append(Line(f"M{_n(x1)} {_n(y1)}H{_n(xm)}V{_n(y2)}H{_n(x2)}", "tree"))
    depth = max(depth_of.values(), default=-1) + 1
    diagram.width = 2 * PAD + depth * BOX_W + max(depth - 1, 0) * COL_GAP
    diagram.height = max(next_y - ROW_GAP + PAD, 0.0) if order else 0.0
    diagram.boxes.sort(key=lambda b: (b.x, b.y))
    return diagram


@dataclass
class FlowStep:
    """Input to the flow layout: a step, its owner (or "" for none) and where it goes next.
    `kind` is the box's CSS classes: `step`, plus `step-gap` (no owner) and
    `step-unreachable` (PR003, or cut off by a broken `next`) as they apply. `below`: the
    unknown `next` (`reveiw`) that was meant to lead here; the step is laid out under its
    dashed box, with no line, not at the top as a second start."""

    key: str
    label: str
    owner: str
    next: list[str]
    kind: str = "step"
    below: str = ""
    sla: str = ""  # `SLA: 2h` in the report's words, "" for none (a line of its box)


LANE_W, LANE_GAP = 16.0, 16.0  # a lane: where a line crosses a layer between boxes
PORT_GAP = 22.0  # between the ends of lines that meet one side of a box
LOOP = 16.0  # how far a step's loop to itself bulges right of its box
LEGEND = ("step-gap", "step-unreachable", "missing", "back")


@dataclass
class _Edge:
    """One line through the layers: `chain` holds its items top to bottom (its upper end,
    lanes, its lower end); `up` says it points up (a loop back); `kind` is its CSS class."""

    chain: list[int]
    up: bool
    kind: str


def flow(steps: Sequence[FlowStep], limit: int = LIMIT, unknown: str = "?") -> Diagram:
    """A top-to-bottom flowchart in layers: each step sits one layer below the latest step
    that leads to it. A line that skips layers runs through a lane of its own in each layer
    it crosses, so no line passes behind a box that is not one of its ends; a loop back
    climbs through lanes too, dashed, and a step's loop to itself bulges right of its box.
    A `next` naming no step of the process ends at a dashed box labelled with that name and
    `unknown`. `Diagram.legend` lists the marks drawn (`LEGEND` keys), in that order."""
    every = list(steps)
    steps = every[:limit]
    box_h = _height([s.label for s in steps])
    # a `next` to a step past `limit` is left out: the note under the diagram counts it
    succ, ghost = successors(steps, {s.key for s in every})
    labels = [s.label for s in steps] + list(ghost)
    subs = [s.owner for s in steps] + [unknown] * len(ghost)
    notes = [s.sla for s in steps] + [""] * len(ghost)
    if any(notes):  # room for the SLA's line in every box, as boxes are one height
        box_h += SMALL_H
    kinds = [s.kind for s in steps] + ["missing"] * len(ghost)
    count = len(labels)
    placed = [list(t) for t in succ]  # the layering's edges: succ, and ghost -> meant step
    for i, s in enumerate(steps):
        if s.below in ghost and i not in placed[ghost[s.below]]:
            placed[ghost[s.below]].append(i)
    back = back_edges(placed)
    layer = _layers(placed, back)
    edges: list[_Edge] = []
    loops: list[int] = []
    items = count  # ids from `count` up are lanes
    lane_layer: list[int] = []
    for i, targets in enumerate(succ):
        for t in targets:
            if t == i:
                loops.append(i)
                continue
            up = (i, t) in back
            top, bottom = (t, i) if up else (i, t)
            chain = [top]
            for depth in range(layer[top] + 1, layer[bottom]):
                chain.append(items)
                lane_layer.append(depth)
                items += 1
            chain.append(bottom)
            edges.append(_Edge(chain, up, "back" if up else
                               "broken" if kinds[t] == "missing" else "flow"))
    rows = _order(count, layer, lane_layer, edges)
    x_of, width = _place(rows, count)
    y_of = [PAD + d * (box_h + LAYER_GAP) for d in range(len(rows))]
    height = PAD * 2 + len(rows) * (box_h + LAYER_GAP) - LAYER_GAP if rows else 0.0
    diagram = Diagram(width + (LOOP if loops else 0.0), height, shown=len(steps),
                      total=len(every))
    for i in range(count):
        diagram.boxes.append(_box(x_of[i], y_of[layer[i]], labels[i], subs[i], kinds[i],
                                  box_h, notes[i]))
    diagram.lines.extend(_lines(edges, x_of, y_of, layer, lane_layer, count, box_h))
    for i in loops:
        x, y = x_of[i] + BOX_W, y_of[layer[i]]
        diagram.lines.append(Line(
            f"M{_n(x)} {_n(y + box_h / 3)}C{_n(x + LOOP)} {_n(y + box_h / 3)} "
            f"{_n(x + LOOP)} {_n(y + box_h * 2 / 3)} {_n(x + 2)} {_n(y + box_h * 2 / 3)}",
            "back"))
    drawn = {c for k in kinds for c in k.split()} | {ln.kind for ln in diagram.lines}
    diagram.legend = [k for k in LEGEND if k in drawn]
    return diagram


def _order(count: int, layer: list[int], lane_layer: list[int],
           edges: list[_Edge]) -> list[list[int]]:
    """Each layer's items (boxes and lanes) left to right: listed order first, then three
    sweeps that sort each layer by the mean place of its neighbours in the layer before
    (the barycentre heuristic), to uncross lines."""
    depth_of = layer + lane_layer
    rows: list[list[int]] = [[] for _ in range(max(depth_of, default=-1) + 1)]
    for item, depth in enumerate(depth_of):
        rows[depth].append(item)
    above: list[list[int]] = [[] for _ in depth_of]
    below: list[list[int]] = [[] for _ in depth_of]
    for e in edges:
        for a, b in pairwise(e.chain):
            below[a].append(b)
            above[b].append(a)
    place = [0.0] * len(depth_of)
    for row in rows:
        for k, item in enumerate(row):
            place[item] = float(k)
    for sweep in range(3):
        down = sweep % 2 == 0
        order = range(1, len(rows)) if down else range(len(rows) - 2, -1, -1)
        for depth in order:
            near = above if down else below
            row = rows[depth]

            def centre(item: int, near: list[list[int]] = near) -> float:
                ns = near[item]
                return sum(place[n] for n in ns) / len(ns) if ns else place[item]

            row.sort(key=centre)
            for k, item in enumerate(row):
                place[item] = float(k)
    return rows


def _place(rows: list[list[int]], count: int) -> tuple[list[float], float]:
    """The left x of every item, each layer centred; and the diagram's width."""
    def span(row: list[int]) -> float:
        total = 0.0
        for k, item in enumerate(row):
            total += BOX_W if item < count else LANE_W
            if k:
                both = item < count and row[k - 1] < count
                total += COL_GAP if both else LANE_GAP
        return total

    width = 2 * PAD + max((span(r) for r in rows), default=0.0)
    x_of = [0.0] * (max((max(r) for r in rows if r), default=-1) + 1)
    for row in rows:
        x = (width - span(row)) / 2
        for k, item in enumerate(row):
            if k:
                both = item < count and row[k - 1] < count
                x += COL_GAP if both else LANE_GAP
            x_of[item] = x
            x += BOX_W if item < count else LANE_W
    return x_of, width


def _lines(edges: list[_Edge], x_of: list[float], y_of: list[float], layer: list[int],
           lane_layer: list[int], count: int, box_h: float) -> Iterator[Line]:
    """Each edge as one path: straight down through its lanes, curving across the gaps
    between layers, from a port on its box's side spread apart from the other lines
    there."""
    def mid(item: int) -> float:
        return x_of[item] + (BOX_W if item < count else LANE_W) / 2

    # A box's ends on its bottom side (k = 1) and top side (k = -2), ordered by where the
    # line goes next, so lines leaving one side do not cross at once.
    sides: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for n, e in enumerate(edges):
        sides.setdefault((e.chain[0], 1), []).append((mid(e.chain[1]), n))
        sides.setdefault((e.chain[-1], -2), []).append((mid(e.chain[-2]), n))
    port: dict[tuple[int, int], float] = {}
    for (item, k), ends in sides.items():
        ends.sort()
        step = min(PORT_GAP, (BOX_W - 2 * PORT_GAP) / max(len(ends) - 1, 1))
        for j, (_, n) in enumerate(ends):
            port[(n, k)] = mid(item) + (j - (len(ends) - 1) / 2) * step
    for n, e in enumerate(edges):
        points = [(port[(n, 1)], y_of[layer[e.chain[0]]] + box_h)]
        for lane in e.chain[1:-1]:
            y = y_of[lane_layer[lane - count]]
            points += [(mid(lane), y), (mid(lane), y + box_h)]
        last = y_of[layer[e.chain[-1]]]
        if e.up:
            points = [(port[(n, -2)], last), *reversed(points)]
            points[-1] = (points[-1][0], points[-1][1] + 2)
        else:
            points.append((port[(n, -2)], last - 2))
        d = f"M{_n(points[0][0])} {_n(points[0][1])}"
        for (x1, y1), (x2, y2) in pairwise(points):
            if x1 == x2:
                d += f"V{_n(y2)}"
            else:
                ym = (y1 + y2) / 2
                d += f"C{_n(x1)} {_n(ym)} {_n(x2)} {_n(ym)} {_n(x2)} {_n(y2)}"
        yield Line(d, e.kind)


def successors(steps: Sequence[FlowStep], listed: Container[str] = ()
               ) -> tuple[list[list[int]], dict[str, int]]:
    """The flowchart's edges: for each step, then each missing step, the items its `next`
    leads to (first step of a key wins, no repeats), and {a `next` naming no step: its
    item}, items `len(steps)` up in first-seen order. A `next` in `listed` but not in
    `steps` (a step left out) has no edge."""
    index: dict[str, int] = {}
    for i, s in enumerate(steps):
        index.setdefault(s.key, i)
    ghost: dict[str, int] = {}
    succ: list[list[int]] = []
    for s in steps:
        out: list[int] = []
        for n in s.next:
            if n in index:
                t = index[n]
            elif n in listed:
                continue
            else:
                t = ghost.setdefault(n, len(steps) + len(ghost))
            if t not in out:
                out.append(t)
        succ.append(out)
    succ.extend([] for _ in ghost)
    return succ, ghost


def back_edges(succ: list[list[int]]) -> set[tuple[int, int]]:
    """Edges that close a loop, found by one iterative depth-first search from each step."""
    state = [0] * len(succ)  # 0 new, 1 on the stack, 2 done
    back: set[tuple[int, int]] = set()
    for start in range(len(succ)):
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, 0)]
        while stack:
            node, k = stack[-1]
            if k < len(succ[node]):
                stack[-1] = (node, k + 1)
                child = succ[node][k]
                if state[child] == 1:
                    back.add((node, child))
                elif state[child] == 0:
                    state[child] = 1
                    stack.append((child, 0))
            else:
                state[node] = 2
                stack.pop()
    return back


def _layers(succ: list[list[int]], back: set[tuple[int, int]]) -> list[int]:
    """Longest-path layering of the graph without its back edges (Kahn's order)."""
    indeg = [0] * len(succ)
    for i, targets in enumerate(succ):
        for t in targets:
            if (i, t) not in back:
                indeg[t] += 1
    layer = [0] * len(succ)
    ready = deque(i for i, d in enumerate(indeg) if d == 0)
    while ready:
        i = ready.popleft()
        for t in succ[i]:
            if (i, t) in back:
                continue
            layer[t] = max(layer[t], layer[i] + 1)
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    return layer
