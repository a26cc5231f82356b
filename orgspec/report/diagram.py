"""Diagram layout: boxes and lines with coordinates, which a template draws as inline SVG.

orgspec lays diagrams out itself so that the HTML report needs no diagram library and no
network. Layouts are iterative and linear in the number of boxes drawn; a diagram draws at
most `limit` boxes and says how many it left out.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

BOX_W, BOX_H = 176.0, 44.0
COL_GAP, ROW_GAP = 40.0, 12.0
LAYER_GAP = 56.0
PAD = 8.0
FONT_PX = 13.0
TEXT_PX = BOX_W - 16.0  # room for a label inside a box
MAX_DEPTH = 12
LIMIT = 300
LINE_H = 16.0  # one more line of label makes a box this much taller
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

    @property
    def texts(self) -> list[tuple[float, str, str]]:
        """(baseline y, text, class) of each line: the label's lines, then `sub`."""
        lines = self.lines or [self.label]
        middle = self.y + (self.h - LINE_H * (len(lines) - 1)) / 2 + 5
        first = self.y + 19 if self.sub else middle
        out = [(first + LINE_H * i, line, "") for i, line in enumerate(lines)]
        if self.sub:
            out.append((first + LINE_H * (len(lines) - 1) + 17, self.sub, "sub"))
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


def _box(x: float, y: float, label: str, sub: str, kind: str, h: float = BOX_H) -> Box:
    return Box(x, y, clip(label), clip(sub, font_px=FONT_PX - 2), " · ".join(
        t for t in (" ".join(label.split()), sub) if t), kind, h=h, lines=wrap(label))


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
    """Input to the flow layout: a step, its owner (or "" for none) and where it goes next."""

    key: str
    label: str
    owner: str
    next: list[str]
    kind: str = "step"


def flow(steps: Sequence[FlowStep], limit: int = LIMIT) -> Diagram:
    """A top-to-bottom flowchart in layers: each step sits one layer below the latest step
    that leads to it; loops back up are drawn as dashed curves on the right."""
    steps = list(steps)[:limit]
    box_h = _height([s.label for s in steps])
    index = {s.key: i for i, s in enumerate(steps)}
    succ = [[index[n] for n in s.next if n in index] for s in steps]
    back = _back_edges(succ)
    layer = _layers(succ, back)
    rows: dict[int, list[int]] = {}
    for i in range(len(steps)):
        rows.setdefault(layer[i], []).append(i)
    widest = max((len(r) for r in rows.values()), default=0)
    width = 2 * PAD + widest * BOX_W + max(widest - 1, 0) * COL_GAP + COL_GAP * 2
    pos: dict[int, tuple[float, float]] = {}
    for depth, members in sorted(rows.items()):
        span = len(members) * BOX_W + (len(members) - 1) * COL_GAP
        left = (width - 2 * COL_GAP - span) / 2
        for j, i in enumerate(members):
            pos[i] = (left + j * (BOX_W + COL_GAP), PAD + depth * (box_h + LAYER_GAP))
    diagram = Diagram(width, PAD * 2 + len(rows) * (box_h + LAYER_GAP) - LAYER_GAP if rows
                      else 0.0, shown=len(steps), total=len(steps))
    for i, s in enumerate(steps):
        x, y = pos[i]
        diagram.boxes.append(_box(x, y, s.label, s.owner, s.kind, box_h))
    for i, targets in enumerate(succ):
        x1, y1 = pos[i]
        for t in targets:
            x2, y2 = pos[t]
            if (i, t) in back or layer[t] <= layer[i]:
                sx, sy, ex, ey = x1 + BOX_W, y1 + box_h / 2, x2 + BOX_W, y2 + box_h / 2
                bulge = COL_GAP * 1.5
                diagram.lines.append(Line(
                    f"M{_n(sx)} {_n(sy)}C{_n(sx + bulge)} {_n(sy)} {_n(ex + bulge)} {_n(ey)} "
                    f"{_n(ex + 2)} {_n(ey)}", "back"))
            else:
                sx, sy, ex, ey = x1 + BOX_W / 2, y1 + box_h, x2 + BOX_W / 2, y2 - 2
                mid = (sy + ey) / 2
                diagram.lines.append(Line(
                    f"M{_n(sx)} {_n(sy)}C{_n(sx)} {_n(mid)} {_n(ex)} {_n(mid)} {_n(ex)} {_n(ey)}",
                    "flow"))
    return diagram


def _back_edges(succ: list[list[int]]) -> set[tuple[int, int]]:
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
