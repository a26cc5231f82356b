"""Near-duplicate duties: quality on the labelled pairs, and the behaviour around it."""

from __future__ import annotations

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from neardup_eval import SETS, evaluate, read_pairs

from orgspec.engine.registry import rule
from orgspec.text.neardup import features, find_pairs, similarity

THRESHOLD = rule("OW007").option_defaults()["threshold"]


def all_pairs() -> list[tuple[bool, str, str, str]]:
    return read_pairs(SETS["tuned"]) + read_pairs(SETS["heldout"])


def test_labelled_set_is_large_and_balanced() -> None:
    pairs = all_pairs()
    assert len(pairs) >= 150
    assert {lang for _, lang, _, _ in pairs} == {"zh", "en", "mixed"}
    assert sum(dup for dup, *_ in pairs) >= 60 and sum(not dup for dup, *_ in pairs) >= 60


def test_precision_and_recall_at_the_default_threshold() -> None:
    scores = evaluate(all_pairs(), THRESHOLD)["all"]
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.8, scores


def test_docs_report_the_measured_figures() -> None:
    doc = (REPO / "docs" / "near-duplicates.md").read_text("utf-8")
    for name in ("tuned", "heldout"):
        s = evaluate(read_pairs(SETS[name]), THRESHOLD)["all"]
        row = (f"| {name} | {s.tp} | {s.fp} | {s.fn} | {s.tn} | {s.precision:.3f} | "
               f"{s.recall:.3f} |")
        assert row in doc, f"docs/near-duplicates.md is stale; expected row:\n{row}"
    combined = evaluate(all_pairs(), THRESHOLD)["all"]
    assert f"| combined | {combined.tp} | {combined.fp} |" in doc


@pytest.mark.parametrize(("a", "b"), [
    ("处理用户投诉与建议", "解决用户投诉"),
    ("monitor sales data", "track sales figures"),
    ("处理退款申请", "handle refund requests"),
])
def test_the_issue_examples_are_duplicates(a: str, b: str) -> None:
    corpus = [t for _, _, x, y in all_pairs() for t in (x, y)]
    assert similarity(a, b, corpus) >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), [("处理退款", "处理投诉"),
                                      ("handle refunds", "handle complaints")])
def test_look_alikes_are_not(a: str, b: str) -> None:
    corpus = [t for _, _, x, y in all_pairs() for t in (x, y)]
    assert similarity(a, b, corpus) < THRESHOLD


def test_features_fold_chinese_and_english_onto_concepts() -> None:
    assert features("处理用户投诉") == features("handle customer complaints")
    assert "c:monitor" in features("Keep track of GMV")
    assert features("维护推荐系统") == {"c:maintain", "b:推荐", "c:system"}


def test_pairs_within_one_team_are_not_reported() -> None:
    texts = ["处理用户投诉", "解决用户投诉", "handle customer complaints"]
    pairs = find_pairs(texts, ["cs", "cs", "tech"], THRESHOLD)
    assert {(p.first, p.second) for p in pairs} == {(0, 2), (1, 2)}


def test_search_probes_only_rare_prefixes() -> None:
    """Distinct duties with a shared common word are never compared pairwise."""
    texts = [f"monitor the {w} dashboard" for w in
             (f"system{i}x" for i in range(3000))]
    assert find_pairs(texts, [str(i) for i in range(3000)], THRESHOLD) == []


WORDS = ["处理", "解决", "用户", "投诉", "退款", "销售", "数据", "华东区", "华南区", "星河",
         "handle", "resolve", "customer", "complaints", "refund", "sales", "data", "east",
         "track", "monitor", "figures", "Kavo", "Relin", "the", "for", "负责", "系统", "x"]


@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), min_size=2,
                max_size=40),
       st.lists(st.sampled_from("abc"), min_size=40, max_size=40),
       st.sampled_from([0.3, 0.45, 0.55, 0.7, 0.9]))
@settings(max_examples=200, deadline=None)
def test_search_finds_exactly_what_brute_force_finds(words, groups, threshold) -> None:
    from collections import Counter

    from orgspec.text.neardup import _similarity, weights

    texts = [" ".join(w) if i % 2 else "".join(w) for i, w in enumerate(words)]
    groups = groups[: len(texts)]
    feats = [features(t) for t in texts]
    weight = weights(Counter(f for fs in feats for f in fs), len(texts))
    brute = {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
             if groups[i] != groups[j] and feats[i] and feats[j]
             and _similarity(feats[i], feats[j], weight) >= threshold}
    fast = {(p.first, p.second) for p in find_pairs(texts, groups, threshold)}
    assert fast == brute
