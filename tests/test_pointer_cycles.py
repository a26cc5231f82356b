"""`pointer_cycles` (HI001's and OK012's cycle search without networkx) finds exactly the
cycles that networkx's strongly connected components find on the same pointer map."""

from __future__ import annotations

import random

import networkx as nx

from orgspec.model.teamtree import pointer_cycles


def _nx_cycles(up: dict[int, int]) -> set[frozenset[int]]:
    view = nx.DiGraph()
    view.add_edges_from(up.items())
    return {frozenset(c) for c in nx.strongly_connected_components(view)
            if len(c) > 1 or view.has_edge(next(iter(c)), next(iter(c)))}


def test_pointer_cycles_are_networkx_cycles_on_random_maps() -> None:
    rng = random.Random(17)
    for _ in range(300):
        n = rng.randint(1, 40)
        up = {k: rng.randrange(n + 5) for k in rng.sample(range(n), rng.randint(0, n))}
        found = pointer_cycles(up)
        assert {frozenset(c) for c in found} == _nx_cycles(up)
        assert len({frozenset(c) for c in found}) == len(found)  # each cycle once
        for cycle in found:  # in pointer order
            assert [up[k] for k in cycle] == [*cycle[1:], cycle[0]]


def test_a_self_pointer_is_a_cycle_of_one_and_a_tail_is_not_in_it() -> None:
    assert pointer_cycles({"a": "a", "b": "a"}) == [["a"]]
    assert pointer_cycles({"t": "x", "x": "y", "y": "x", "z": "q"}) == [["x", "y"]]
    assert pointer_cycles({}) == []
