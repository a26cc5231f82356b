"""The team tree answered in O(1) per question: ancestry by DFS intervals, and the nearest
ancestor that has something (objectives, ...) by a pointer per team. Built once per run.

Teams in a parent cycle, or below one, are outside the tree (HI001 reports the cycle);
questions about them fall back to walking `parent` with a seen-set.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import TypeVar

from orgspec.model.org import Org

K = TypeVar("K", bound=Hashable)


def pointer_cycles(up: Mapping[K, K]) -> list[list[K]]:
    """The cycles of a map in which each key points at most one way (a team's `parent`,
    an objective's `aligns_to`; a key pointing at itself is a cycle of one), each in
    pointer order from the first of its keys met, in the map's order: the strongly
    connected components with an edge that networkx would find there, with one walk per
    key and no graph (importing networkx costs a check 0.2 s CPU). O(keys)."""
    state: dict[K, int] = {}  # 1: on the walk being made, 2: done
    out: list[list[K]] = []
    for start in up:
        walk: list[K] = []
        node = start
        while node in up and node not in state:
            state[node] = 1
            walk.append(node)
            node = up[node]
        if state.get(node) == 1:
            out.append(walk[walk.index(node):])
        for seen in walk:
            state[seen] = 2
    return out


class TeamTree:
    """`org`'s team tree; `marked(team)` says which teams `marked_above` stops at."""

    def __init__(self, org: Org, marked: Callable[[str], bool] = lambda _: False) -> None:
        self.org = org
        self.parent = {t: team.parent for t, team in org.teams.items()
                       if team.parent in org.teams and team.parent != t}
        children: dict[str, list[str]] = {}
        for child, parent in self.parent.items():
            children.setdefault(parent, []).append(child)
        self.enter: dict[str, int] = {}
        self.leave: dict[str, int] = {}
        self.up: dict[str, str | None] = {}  # nearest marked proper ancestor
        clock = 0
        for root in (t for t in org.teams if t not in self.parent):
            self.up[root] = None
            stack: list[tuple[str, bool]] = [(root, False)]
            while stack:
                team, done = stack.pop()
                if done:
                    self.leave[team] = clock
                    continue
                self.enter[team] = clock
                clock += 1
                stack.append((team, True))
                for child in children.get(team, ()):
                    self.up[child] = team if marked(team) else self.up[team]
                    stack.append((child, False))
        self.marked = marked

    def is_ancestor(self, above: str, team: str) -> bool:
        """True when `above` is a proper ancestor of `team`."""
        if above in self.enter and team in self.enter:
            return (self.enter[above] < self.enter[team]
                    and self.leave[team] <= self.leave[above])
        return above in self._walk(team)

    def marked_above(self, team: str) -> Iterator[str]:
        """The marked ancestors of `team`, nearest first, each step O(1)."""
        if team not in self.up:
            yield from (t for t in self._walk(team) if self.marked(t))
            return
        node = self.up[team]
        while node is not None:
            yield node
            node = self.up[node]

    def _walk(self, team: str) -> list[str]:
        seen, out = {team}, []
        parent = self.parent.get(team)
        while parent is not None and parent not in seen:
            seen.add(parent)
            out.append(parent)
            parent = self.parent.get(parent)
        return out
