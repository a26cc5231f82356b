"""The team tree answered in O(1) per question: ancestry by DFS intervals, and the nearest
ancestor that has something (objectives, ...) by a pointer per team. Built once per run.

Teams in a parent cycle, or below one, are outside the tree (HI001 reports the cycle);
questions about them fall back to walking `parent` with a seen-set.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from itertools import pairwise
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
        self._lifts: list[dict[str, str]] = []  # binary lifting: 2**j-th ancestor (root: itself)

    def below(self, team: str) -> int:
        """How many teams are below `team` in the tree, O(1); 0 for a team outside it."""
        return self.leave[team] - self.enter[team] - 1 if team in self.enter else 0

    def lowest_common(self, a: str, b: str) -> str | None:
        """The lowest team both `a` and `b` are at or below, None when they are in different
        trees; both must be in the tree (`enter`). O(log depth) after an O(n log depth)
        table built on first use."""
        if a == b or self.is_ancestor(a, b):
            return a
        if self.is_ancestor(b, a):
            return b
        if not self._lifts:
            order = sorted(self.enter, key=self.enter.__getitem__)  # parents first
            self._lifts = [{t: self.parent.get(t, t) for t in order}]
            for _ in range(max(1, len(order).bit_length())):
                last = self._lifts[-1]
                self._lifts.append({t: last[last[t]] for t in order})
        for lift in reversed(self._lifts):
            up = lift[a]
            if not self.is_ancestor(up, b) and up != b:
                a = up
        up = self._lifts[0][a]
        return up if up != a and self.is_ancestor(up, b) else None

    def subtree_counts(self, groups: Iterable[Iterable[str]]) -> dict[str, int]:
        """Team id -> how many of `groups` (each the teams one thing involves) involve the
        team or a team below it, each group once however many of its teams are there.
        Teams outside the tree (on or below a parent cycle) count their own groups only.
        O(total group size x log depth + teams): the groups' teams in DFS order add one
        each and take one off at the lowest common team of each neighbouring pair, then
        the counts are summed up the tree."""
        count: dict[str, int] = {}
        for group in groups:
            teams = set(group)
            inside = sorted((t for t in teams if t in self.enter), key=self.enter.__getitem__)
            for t in teams:
                count[t] = count.get(t, 0) + 1
            for a, b in pairwise(inside):
                common = self.lowest_common(a, b)
                if common is not None:
                    count[common] = count.get(common, 0) - 1
        for t in sorted(self.enter, key=self.enter.__getitem__, reverse=True):  # children first
            if t in self.parent and count.get(t):
                count[self.parent[t]] = count.get(self.parent[t], 0) + count[t]
        return count

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
