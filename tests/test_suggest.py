"""Did-you-mean over many ids: right answers, and work per lookup independent of the ids."""

from __future__ import annotations

import difflib
import random
from collections.abc import Iterable

import pytest

from orgspec.text.suggest import SMALL, Suggester, best_matches, edits

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
    import orgspec.text.suggest as suggest

    ranked: list[int] = []
    real = suggest.best_matches

    def spy(word: str, pool: Iterable[str], n: int, cutoff: float) -> list[str]:
        pool = list(pool)
        ranked.append(len(pool))
        return real(word, pool, n, cutoff)

    monkeypatch.setattr(suggest, "best_matches", spy)
    for i in range(300):
        big.close(f"team-{i * 7:05d}x")
    assert len(ranked) == 300 and max(ranked) <= 30, max(ranked)


def test_small_sets_use_difflib_over_all() -> None:
    ids = [f"step-{i}" for i in range(50)] + ["review"]
    assert len(ids) <= SMALL
    assert Suggester(ids).close("reveiw") == "review"


PINYIN = ["wang-jianguo", "zhang-wei", "li-na", "chen-jing", "liu-yang", "zhao-min", "sun-li",
          "zhou-ming", "wu-fang", "he-li", "lin-xue", "ma-chao", "guo-jie", "xu-gang",
          "yang-fan", "customer-service", "operations", "product", "tech"]


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize(("typo", "meant"), [
    ("zhang-wie", "zhang-wei"),                  # swapped
    ("custmer-service", "customer-service"),     # dropped
    ("prodcut", "product"),
    ("huang-lei", None),   # another person: shares `ang-` and `ei` (difflib ratio 0.78)
    ("qian-hao", None),    # shares `-` and `hao` with ma-chao (ratio 0.67)
    ("wang-lei", None),
    ("li-qiang", None),
])
def test_only_plausible_typos_of_pinyin_ids_are_suggested(typo: str, meant: str | None,
                                                          many: bool) -> None:
    ids = PINYIN + (IDS if many else [])
    assert Suggester(ids).close(typo) == meant


def test_a_long_id_may_hold_two_typos_below_the_index_size() -> None:
    # one edit per five characters; the deletion index above SMALL ids finds one edit only
    assert Suggester(PINYIN).close("custmer-servce") == "customer-service"
    assert Suggester(PINYIN).close("zhagn-wie") is None


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("zhang-wie", "zhang-wei", 1), ("ab", "ba", 1), ("kitten", "sitting", 3),
    ("huang-lei", "zhang-wei", 3), ("", "abc", 3), ("same", "same", 0)])
def test_edits_counts_swaps_as_one(a: str, b: str, distance: int) -> None:
    assert edits(a, b, 5) == distance
    assert edits(a, b, distance) == distance
    if distance:
        assert edits(a, b, distance - 1) == distance


def test_the_index_holds_no_list_and_no_string_per_key() -> None:
    # 65,000 ids make 620,000 keys: a str key and a list per key (~170 bytes a key) was
    # 105 MB whose build missed the caches at every key; an int key and the id itself
    # (a list only where ids collide) is about half of it
    import tracemalloc

    ids = [f"{s}-{i:05d}-{k}" for s in ("li", "wang", "chen") for i in range(1_000)
           for k in range(4)]
    tracemalloc.start()
    try:
        index = Suggester(ids)._build()
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) > 80_000
    assert used / len(index) < 130, used / len(index)  # the str index: 185


def test_a_hash_shared_by_other_strings_adds_no_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    # every key in one bucket: the candidates must still be the ids sharing a string with
    # the word (itself or one character deleted), as the string index found them
    import orgspec.text.suggest as suggest

    ids = [f"team-{i:04d}" for i in range(SMALL + 10)] + ["payments-platform"]
    right = Suggester(ids)
    monkeypatch.setattr(suggest, "hash", lambda key: 0, raising=False)
    colliding = Suggester(ids)
    for word in ("paymets-platform", "team-0412x", "taem-0412", "nothing-near"):
        pool = colliding._candidates(word)
        assert pool == right._candidates(word)
        assert all(suggest._shares_a_key(c, {word, *suggest._deletions(word)}) for c in pool)
    assert colliding.close("paymets-platform") == "payments-platform"


def test_many_words_at_once_get_what_each_gets_alone() -> None:
    # close_many indexes the words and walks the ids once; the same candidates, so the
    # same suggestions (typos of every kind, exact ids, nothing close, a word twice)
    words = ["paymets-platform", "payments-plattform", "paymetns-platform", "taem-00412",
             "li-01234-2", "marketing", "team-0041", "team-004122", "x", "", "taem-00412",
             *(f"team-{i * 7:05d}x" for i in range(50))]
    together = Suggester(IDS).close_many(words)
    alone = Suggester(IDS)
    assert together == {w: alone.close(w) for w in words}
    assert together["taem-00412"] == "team-00412"


def test_many_words_at_once_build_no_index_of_the_ids() -> None:
    many = Suggester(IDS)
    many.close_many(["paymets-platform", "taem-00412"])
    assert many._index is None


def test_best_matches_are_difflibs_close_matches() -> None:
    # computed from the highest bound on the ratio down, and stopped early: the same n
    # best, in the same order, ties to the larger string, over random short strings
    rng = random.Random(20)
    for _ in range(3000):
        word = "".join(rng.choice("ab-01") for _ in range(rng.randint(0, 8)))
        pool = list(dict.fromkeys("".join(rng.choice("ab-01") for _ in range(rng.randint(0, 9)))
                                  for _ in range(rng.randint(0, 40))))
        if rng.random() < 0.3:
            pool.append(word)
        for n in (1, 5):
            assert best_matches(word, pool, n, 0.6) == \
                difflib.get_close_matches(word, pool, n=n, cutoff=0.6), (word, pool)
