"""The team tree's O(1) answers equal a walk up `parent`, on forests with cycles too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgspec.model.models import Team
from orgspec.model.org import Org
from orgspec.model.teamtree import TeamTree


def _org(parents: list[int | None]) -> Org:
    org = Org()
    for i, p in enumerate(parents):
        org.teams[f"t{i}"] = Team.model_validate(
            {"kind": "Team", "id": f"t{i}", **({"parent": f"t{p}"} if p is not None else {})})
    return org


def _walk(org: Org, team: str) -> list[str]:
    seen, out = {team}, []
    parent = org.teams[team].parent
    while parent in org.teams and parent not in seen:
        seen.add(parent)
        out.append(parent)
        parent = org.teams[parent].parent
    return out


@given(st.lists(st.one_of(st.none(), st.integers(0, 11)), min_size=1, max_size=12),
       st.sets(st.integers(0, 11)))
@settings(max_examples=300, deadline=None)
def test_answers_equal_walking_up(parents: list[int | None], marked: set[int]) -> None:
    parents = [p if p is None or p < len(parents) else None for p in parents]
    org = _org(parents)
    names = {f"t{m}" for m in marked}
    tree = TeamTree(org, names.__contains__)
    for a in org.teams:
        up = _walk(org, a)
        assert list(tree.marked_above(a)) == [t for t in up if t in names]
        for b in org.teams:
            assert tree.is_ancestor(b, a) == (b in up)


def test_a_deep_chain_is_not_walked_per_question() -> None:
    org = _org([None, *range(4999)])
    tree = TeamTree(org, {"t0"}.__contains__)
    assert tree.is_ancestor("t0", "t4999") and not tree.is_ancestor("t4999", "t0")
    assert list(tree.marked_above("t4999")) == ["t0"]
    assert tree.up["t4999"] == "t0"  # one pointer, not a chain of 4,999


@given(st.lists(st.one_of(st.none(), st.integers(0, 11)), min_size=1, max_size=12),
       st.lists(st.sets(st.integers(0, 11), min_size=1, max_size=4), max_size=12))
@settings(max_examples=300, deadline=None)
def test_subtree_counts_count_each_group_once_per_subtree(
        parents: list[int | None], groups: list[set[int]]) -> None:
    """A group counts at a team when it involves the team or a team below it (walking up
    `parent`), once; a team on or below a parent cycle counts its own groups only."""
    parents = [p if p is None or p < len(parents) else None for p in parents]
    org = _org(parents)
    named = [{f"t{i}" for i in g if i < len(parents)} for g in groups]
    tree = TeamTree(org)
    counts = tree.subtree_counts(named)
    for team in org.teams:
        in_tree = team in tree.enter
        want = sum(1 for g in named if team in g or (in_tree and any(
            x in tree.enter and team in _walk(org, x) for x in g)))
        assert counts.get(team, 0) == want
        below = [t for t in org.teams if t in tree.enter and team in _walk(org, t)]
        assert tree.below(team) == (len(below) if in_tree else 0)
