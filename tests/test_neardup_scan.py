"""The Chinese lexicon's terms found by hand (`neardup._zh_spans` before `HAND_SCAN`
characters) exactly where the compiled trie (`_zh_terms`) finds them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from neardup_eval import SETS, read_pairs

from orgspec.text import neardup


def _trie_spans(run: str) -> list[tuple[int, int]]:
    return [m.span() for m in neardup._zh_terms().finditer(run)]


def _hand_spans(run: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    monkeypatch.setattr(neardup, "_scanned", [0])
    monkeypatch.setattr(neardup, "HAND_SCAN", 10**9)
    return neardup._zh_spans(run)


def _terms() -> list[str]:
    return sorted(t for t in neardup._tables()[0] if t)


def test_every_term_and_every_pair_of_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = _terms()
    assert len(terms) > 500
    runs = list(terms)
    # each term followed by the next ones (overlaps, a longer term across the join) and
    # cut by a character (a term that only starts here)
    runs += [a + b for a, b in zip(terms, terms[1:] + terms[:1], strict=True)]
    runs += [a + b[:1] + a[:-1] for a, b in zip(terms, reversed(terms), strict=True)]
    runs += [a[1:] + b for a, b in zip(terms, terms[7:] + terms[:7], strict=True)]
    for run in runs:
        assert _hand_spans(run, monkeypatch) == _trie_spans(run), run


def test_the_labelled_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {t for set_ in SETS.values() for _, _, a, b in read_pairs(set_) for t in (a, b)}
    runs = [run for text in texts for run in neardup._TOKENS.findall(text.casefold())
            if not run[0].isascii()]
    assert len(runs) > 200
    for run in runs:
        assert _hand_spans(run, monkeypatch) == _trie_spans(run), run


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_terms()), st.text(
    alphabet="的成到给向对把将为在从于以处理置客服退款订单售后审核", min_size=1, max_size=3)),
    max_size=8))
def test_runs_of_terms_and_characters(pieces: list[str]) -> None:
    run = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        assert _hand_spans(run, patch) == _trie_spans(run)


def test_features_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text's features with the hand scan, then with the trie (the budget spent)."""
    texts = sorted({t for set_ in SETS.values() for _, _, a, b in read_pairs(set_)
                    for t in (a, b)})
    monkeypatch.setattr(neardup, "HAND_SCAN", 10**9)
    monkeypatch.setattr(neardup, "_scanned", [0])
    neardup._units.cache_clear()
    by_hand = [neardup.features(t) for t in texts]
    assert 0 < neardup._scanned[0] < 10**9
    monkeypatch.setattr(neardup, "HAND_SCAN", 0)
    neardup._units.cache_clear()
    assert [neardup.features(t) for t in texts] == by_hand
    neardup._units.cache_clear()


def test_the_budget_turns_to_the_trie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neardup, "_scanned", [0])
    monkeypatch.setattr(neardup, "HAND_SCAN", 5)
    neardup._zh_terms.cache_clear()
    neardup._zh_spans("退款处理流程")  # by hand: its 6 characters spend the budget
    assert neardup._zh_terms.cache_info().currsize == 0
    neardup._zh_spans("退款")
    assert neardup._zh_terms.cache_info().currsize == 1
