"""Did-you-mean over many ids: right answers, and work per lookup independent of the ids."""

from __future__ import annotations

import difflib

import pytest

from orgspec.text.suggest import SMALL, Suggester

IDS = [f"team-{i:05d}" for i in range(20_000)] + [f"li-{i:05d}-{k}" for i in range(3_000)
                                                    for k in range(3)] + ["payments-platform"]


@pytest.fixture(scope="module")
def big() -> Suggester:
    return Suggester(IDS)


@pytest.mark.parametrize(("typo", "meant"), [
    ("paymets-platform", "payments-platform"),     # dropped
    ("payments-plattform", "payments-platform"),   # added
    ("paymetns-platform", "payments-platform"),    # swapped
    ("payments-plotform", "payments-platform"),    # changed
    ("taem-00412", "team-00412"),                  # swapped
    ("li-01234-2", "li-01234-2"),                  # exact
])
def test_one_edit_typos_are_found_among_many_ids(big: Suggester, typo: str, meant: str) -> None:
    assert big.close(typo) == meant


def test_nothing_close_gives_none(big: Suggester) -> None:
    assert big.close("marketing") is None


def test_a_lookup_ranks_a_handful_of_candidates_not_every_id(
        big: Suggester, monkeypatch: pytest.MonkeyPatch) -> None:
    ranked: list[int] = []
    real = difflib.get_close_matches

    def spy(word: str, pool: list[str], n: int, cutoff: float) -> list[str]:
        ranked.append(len(pool))
        return real(word, pool, n=n, cutoff=cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", spy)
    for i in range(300):
        big.close(f"team-{i * 7:05d}x")
    assert len(ranked) == 300 and max(ranked) <= 30, max(ranked)


def test_small_sets_use_difflib_over_all() -> None:
    ids = [f"step-{i}" for i in range(50)] + ["review"]
    assert len(ids) <= SMALL
    assert Suggester(ids).close("reveiw") == "review"
