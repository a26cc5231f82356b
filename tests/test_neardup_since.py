"""The near-duplicate search from an earlier one (`neardup.search_since`) finds what a
search from scratch finds: no pair verdict of the earlier search is kept where a changed
word moved it (a new near-duplicate of an unchanged duty, one broken, a word many duties
share whose weight moved a pair of unchanged duties across the threshold)."""

from __future__ import annotations

import random
import sys
from collections import Counter
from itertools import chain
from pathlib import Path

import pytest

from orgspec.text import neardup

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

Duty = tuple[str | None, str | None]
BOUNDS = (neardup.MAX_POSTING, neardup.MAX_SCAN, neardup.MAX_CANDIDATES)


def _search(duties: list[Duty], threshold: float, limits: tuple[int, int, int] | None = None
            ) -> tuple[list[tuple[int, int, float]], neardup.Scored]:
    alone = neardup._alone(duties, None)
    whole = [fn | fd for fn, fd in alone]
    scored: neardup.Scored = []
    return neardup.reported_any(duties, threshold, limits, alone, whole, None, scored), scored


def _since(before: list[Duty], after: list[Duty], threshold: float,
           limits: tuple[int, int, int] | None = None, fallback: bool = False
           ) -> list[tuple[int, int, float]]:
    """`search_since` after a search of `before`, checked against a search of `after`
    (`fallback`: it may decline, too much moved)."""
    _, scored = _search(before, threshold, limits)
    alone = neardup._alone(after, None)
    whole = [fn | fd for fn, fd in alone]
    prior = (threshold, limits or BOUNDS, list(before), scored)
    found = neardup.search_since(after, threshold, limits, alone, whole, prior)
    want, want_scored = _search(after, threshold, limits)
    if found is None and fallback:
        return []
    assert found is not None  # the search started from the earlier one
    assert sorted(found[0]) == sorted(want)
    assert found[1] == sorted(want_scored)
    return want


def _pairs(found: list[tuple[int, int, float]]) -> set[tuple[int, int]]:
    return {(i, j) for i, j, _ in found}


@pytest.fixture(autouse=True)
def _compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """These corpora are small: a word most of them hold would be scanned in full
    (`SINCE_MOVED`); here every change goes through what is compared and kept."""
    monkeypatch.setattr(neardup, "SINCE_MOVED", 1.0)


FILLER = [(None, f"filler{k} zorb{k % 7} plinth{k % 5}") for k in range(30)]


def test_a_changed_word_makes_a_near_duplicate_of_an_unchanged_duty() -> None:
    before = [(None, "audit vendor quarterly ledgers"), (None, "audit vendor monthly ledgers"),
              (None, "plan team offsite catering"), *FILLER]
    after = list(before)
    after[2] = (None, "audit vendor weekly ledgers")
    assert (0, 2) not in _pairs(_search(before, 0.4)[0])
    assert {(0, 2), (1, 2)} <= _pairs(_since(before, after, 0.4))


def test_a_changed_word_breaks_a_near_duplicate() -> None:
    before = [(None, "audit vendor quarterly ledgers"), (None, "audit vendor monthly ledgers"),
              (None, "plan team offsite catering"), *FILLER]
    after = list(before)
    after[1] = (None, "plan vendor monthly catering offsite")
    assert (0, 1) in _pairs(_search(before, 0.4)[0])
    assert (0, 1) not in _pairs(_since(before, after, 0.4))


@pytest.mark.parametrize("removed", [True, False])
def test_a_word_many_duties_share_moves_a_pair_of_unchanged_duties(removed: bool) -> None:
    """Duties 0 and 1 share `gamma`, which many duties hold; one of those loses it (or one
    more gains it): its weight moves, and with it their score, across a threshold set
    between the two scores. Neither duty 0 nor 1 changed: a search keeping the verdicts of
    unchanged pairs gets this wrong."""
    before = [(None, "alpha beta gamma delta"), (None, "alpha beta gamma epsilon"),
              *[(None, f"gamma other{k} thing{k}") for k in range(12)],
              *[(None, f"unrelated{k} words{k}") for k in range(12)]]
    after = list(before)
    if removed:
        after[2] = (None, "sigma other0 thing0")
    else:
        after[14] = (None, "gamma unrelated0 words0")

    def score(duties: list[Duty]) -> float:
        feats = [neardup.features(d or "") for _, d in duties]
        weight = neardup.weights(Counter(chain.from_iterable(feats)), len(duties))
        return neardup._similarity(feats[0], feats[1], weight)

    was, now = score(before), score(after)
    assert was != now
    threshold = (was + now) / 2
    in_before = (0, 1) in _pairs(_search(before, threshold)[0])
    in_after = (0, 1) in _pairs(_since(before, after, threshold))
    assert in_before != in_after


def _corpus(rng: random.Random, size: int) -> list[Duty]:
    from generate import OBJECTS_EN, REGIONS_EN, VERBS_EN

    out: list[Duty] = []
    for k in range(size):
        who = rng.choice(["acme", "zelka", f"co{k % 40}"])
        text = f"{rng.choice(VERBS_EN)} {rng.choice(OBJECTS_EN)} of {who} for the " \
               f"{rng.choice(REGIONS_EN)}"
        out.append((rng.choice([None, f"duty {k % 13}", "refunds"]), text))
    return out


def _edit(rng: random.Random, duties: list[Duty]) -> list[Duty]:
    from generate import VERBS_EN

    after = list(duties)
    for _ in range(rng.choice([1, 1, 2, 3])):
        i = rng.randrange(len(after))
        name, text = after[i]
        words = (text or "").split()
        pick = rng.random()
        if pick < 0.4 and words:
            words[0] = rng.choice(VERBS_EN)  # the benchmark's edit: another verb
        elif pick < 0.6:
            words = (after[rng.randrange(len(after))][1] or "x").split()  # a copy of another
        elif pick < 0.8:
            words.append(rng.choice(["zelka", "payment", "gateway", f"rare{rng.randrange(3)}"]))
        elif words:
            words.pop()
        after[i] = (name if rng.random() < 0.8 else None, " ".join(words))
    return after


@pytest.mark.parametrize("moved", [1.0, neardup.SINCE_MOVED])
@pytest.mark.parametrize("limits", [None, (6, 12, 3)])
def test_random_word_edits_find_what_a_search_from_scratch_finds(
        limits: tuple[int, int, int] | None, moved: float,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Chains of edits, each searched from the last (`limits`: budgets that bind, so scans
    cut short must be cut short alike; `moved`: compared, or scanned in full when a word
    many hold changed)."""
    monkeypatch.setattr(neardup, "SINCE_MOVED", moved)
    rng = random.Random(29)
    duties = _corpus(rng, 400)
    answered = 0
    for _ in range(25):
        after = _edit(rng, duties)
        answered += bool(_since(duties, after, 0.42, limits, fallback=True))
        duties = after
    assert answered >= 10


def test_no_prior_of_another_shape_is_used() -> None:
    duties = [(None, "audit vendor ledgers"), (None, "audit vendor books"), *FILLER]
    alone = neardup._alone(duties, None)
    whole = [fn | fd for fn, fd in alone]
    _, scored = _search(duties, 0.4)
    for prior in [(0.5, BOUNDS, duties, scored), (0.4, (1, 2, 3), duties, scored),
                  (0.4, BOUNDS, duties[1:], scored), (0.4, BOUNDS, duties, [(5, 1, 1.0)]),
                  (0.4, BOUNDS, duties, scored, "more")]:
        assert neardup.search_since(duties, 0.4, None, alone, whole, prior) is None  # type: ignore[arg-type]
    many = [(None, f"changed {k}") for k in range(len(duties))]
    assert neardup.search_since(many, 0.4, None, neardup._alone(many, None),
                                [fn | fd for fn, fd in neardup._alone(many, None)],
                                (0.4, BOUNDS, duties, scored)) is None


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_counts_of_distinct_views_moving_reorder_views_as_a_search_from_scratch_does(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Few words, many copies: a duty copied from another (or no longer a copy) changes
    how many distinct views hold its features, not how many duties do (their weights):
    their rarity ranks move, and a view holding another feature they pass now sorts its
    features otherwise (`neardup._reordered`; seed 2 finds pairs otherwise without it)."""
    monkeypatch.setattr(neardup, "SINCE_CHANGED", 1.0)
    rng = random.Random(seed)
    vocab = [f"w{c}" for c in "bcdfghjklmnp"]

    def text() -> Duty:
        return None, " ".join(rng.sample(vocab, rng.randint(3, 5)))

    duties = [text() for _ in range(150)]
    for _ in range(60):
        limits = rng.choice([None, (8, 20, 4), (30, 60, 8)])
        threshold = rng.choice([0.3, 0.42, 0.6])
        after = list(duties)
        for _ in range(rng.randint(1, 2)):
            i = rng.randrange(len(after))
            after[i] = after[rng.randrange(len(after))] if rng.random() < 0.6 else text()
        _since(duties, after, threshold, limits)
        duties = after
