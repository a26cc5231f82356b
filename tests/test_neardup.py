"""Near-duplicate duties: quality on the labelled pairs, and the behaviour around it."""

from __future__ import annotations

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from neardup_eval import BLIND, SETS, evaluate, evaluate_duties, read_duty_pairs, read_pairs

from orgspec.engine.registry import rule
from orgspec.text.neardup import features, find_duty_pairs, find_pairs, similarity, substituted

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


def test_docs_report_the_blind_figures() -> None:
    """The blind set is measured, never asserted to a quality level (it is not tuned on);
    the docs must show what the scorer does on it now."""
    doc = (REPO / "docs" / "near-duplicates.md").read_text("utf-8")
    pairs = read_duty_pairs(BLIND)
    assert len(pairs) >= 100
    s = evaluate_duties(pairs, THRESHOLD)["all"]
    row = (f"| blind, after | {s.tp} | {s.fp} | {s.fn} | {s.tn} | {s.precision:.3f} | "
           f"{s.recall:.3f} |")
    assert row in doc, f"docs/near-duplicates.md is stale; expected row:\n{row}"


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


def corpus() -> list[str]:
    return [t for _, _, x, y in all_pairs() for t in (x, y)]


@pytest.mark.parametrize(("a", "b"), [
    ("repo/staging/src/api/apps/OWNERS", "repo/staging/src/api/node/OWNERS"),
    ("Keep https://wiki.example.cn/ops/payments current",
     "Keep https://wiki.example.cn/ops/search current"),
    ("Respond to alerts of service PAY-2291", "Respond to alerts of service PAY-2292"),
    ("Run experiments to improve activation KPIs", "Run experiments to improve conversion KPIs"),
    ("优化商品详情页，以提升转化率", "优化购物车页面，以提升转化率"),
    ("监控支付成功率，并每月向管理层汇报", "监控退款率，并每月向管理层汇报"),
])
def test_paths_ids_and_template_slots_decide(a: str, b: str) -> None:
    assert similarity(a, b, corpus()) == 0.0


def test_a_path_is_one_feature_and_a_file_names_its_folder() -> None:
    assert features("repo/staging/src/api/apps/OWNERS") == {
        "a:repo/staging/src/api/apps/owners", "a:repo/staging/src/api/apps"}
    assert features("Keep https://status.example.com/ accurate") == {
        "a:status.example.com", "c:accuracy"}
    assert features("Maintain the kubelet (pkg/kubelet)") >= {"a:pkg/kubelet"}
    assert "a:a/b" not in features("A/B tests")  # one-letter segments are prose


def test_a_verb_swap_or_a_known_synonym_is_no_template_slot() -> None:
    assert not substituted("管理供应商关系", "维护与供应商的关系")
    assert not substituted("process product returns", "handle customer returns")
    assert not substituted("跟踪支付成功率", "monitor the payment success rate")


def test_the_missed_feedback_pair_is_found() -> None:
    assert similarity("收集并处理用户反馈", "收集用户评价和反馈，整理成需求", corpus()) >= THRESHOLD


def test_name_and_description_are_both_evidence() -> None:
    duties = [("用户反馈处理", "每周整理应用商店的评论"), ("用户反馈处理", "汇总各渠道的用户意见"),
              ("华东仓", "负责仓库日常管理"), ("华南仓", "负责仓库日常管理"),
              ("sig-storage/OWNERS", "Review and approve pull requests"),
              ("sig-network/OWNERS", "Review and approve pull requests")]
    texts = [d for _, d in duties] + corpus()
    pairs = find_duty_pairs(duties + [(None, t) for t in texts[len(duties):]],
                            [str(i) for i in range(len(texts))], THRESHOLD)
    assert {(p.first, p.second) for p in pairs if p.second < len(duties)} == {(0, 1)}


def test_traditional_script_folds_onto_simplified() -> None:
    assert features("處理用戶投訴與建議") == features("处理用户投诉与建议")
    assert features("監控每日銷售數據") == features("监控每日销售数据")


def test_features_fold_chinese_and_english_onto_concepts() -> None:
    assert features("处理用户投诉") == features("handle customer complaints")
    assert "c:monitor" in features("Keep track of GMV")
    assert features("维护推荐系统") == {"c:manage", "c:recommendation", "c:system", "g:tech"}


def test_pairs_within_one_team_are_reported_only_when_they_say_the_same() -> None:
    texts = ["处理用户投诉与建议", "解决用户投诉", "handle customer complaints"]
    pairs = find_pairs(texts, ["cs", "cs", "tech"], THRESHOLD)
    assert {(p.first, p.second) for p in pairs} == {(0, 2), (1, 2)}
    # one concept (处理 = 解决, 审核 = 复核), but two words: two steps of one team, not a copy
    for texts in (["处理用户投诉", "解决用户投诉", "handle customer complaints"],
                  ["退款审核", "退款复核", "refund review"]):
        pairs = find_pairs(texts, ["cs", "cs", "tech"], THRESHOLD)
        assert {(p.first, p.second, p.score) for p in pairs} == {(0, 2, 1.0), (1, 2, 1.0)}
    # a copy: the same words once case, width, script, spacing and punctuation are set aside
    texts = ["处理用户投诉。", "處理 用戶投訴", "handle customer complaints"]
    pairs = find_pairs(texts, ["cs", "cs", "tech"], THRESHOLD)
    assert {(p.first, p.second, p.score) for p in pairs} == {
        (0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0)}


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

    from orgspec.text.neardup import HEAD, SAME_OWNER, _atoms_differ, _copy, _similarity, weights

    texts = [" ".join(w) if i % 2 else "".join(w) for i, w in enumerate(words)]
    groups = groups[: len(texts)]
    feats = [features(t) for t in texts]
    weight = weights(Counter(f for fs in feats for f in fs), len(texts))
    brute = {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
             if feats[i] and feats[j]
             and _similarity(feats[i], feats[j], weight) >= threshold
             and (groups[i] != groups[j]
                  or (round(_similarity(feats[i], feats[j], weight), 3) >= SAME_OWNER
                      and _copy((texts[i], None)) == _copy((texts[j], None))))
             and not _atoms_differ(feats[i], feats[j]) and not substituted(texts[i], texts[j])}
    fast = {(p.first, p.second) for p in find_pairs(texts, groups, threshold)}
    if max(Counter(feats).values()) <= HEAD:
        assert fast == brute
    else:  # copies beyond the first HEAD are paired with one earlier copy (a star), by design
        assert fast <= brute


def _word(i: int) -> str:
    """A distinct made-up word per number (letters only, so not an id)."""
    out = ""
    while True:
        out += "bcdfghjklmnpqrstvwxz"[i % 20] + "aeiou"[i // 20 % 5]
        i //= 100
        if not i:
            return out + "n"


def _small_vocabulary(i: int) -> str:
    import random

    pick = random.Random(i).randrange
    return (f"{_word(pick(40))} {_word(100 + pick(40))} {_word(200 + pick(40))} "
            "to reduce churn")


ADVERSARIAL = {
    # every duty shares one long clause; one rare word tells them apart
    "shared clause": lambda i: f"Review the {_word(i)} pipeline to reduce churn and keep costs "
                               "under control, reported monthly to leadership",
    # every duty shares a word with a few hundred others and the clause with all
    "shared rare token": lambda i: f"优化{_word(i % 300)} {_word(i)} 流程，以提升转化率，"
                                   "并每月向管理层汇报",
    # three slots from 40 words each, one shared clause: every word is common
    "small vocabulary": lambda i: _small_vocabulary(i),
    # a few templates, copied by every team
    "copied templates": lambda i: ["监控支付成功率，并每月向管理层汇报", "Own the checkout funnel",
                                   "预测 pricing audit trail"][i % 3],
}


@pytest.mark.parametrize("shape", list(ADVERSARIAL))
def test_search_work_grows_linearly_on_adversarial_text(shape: str) -> None:
    """Doubling the duties at most ~doubles the work (posting entries scanned, candidates
    scored), whatever the text; the per-duty budgets hold, and the pairs reported stay
    linear (copies of one duty are not reported all against all)."""
    from orgspec.text.neardup import HEAD, MAX_CANDIDATES, MAX_SCAN

    work, found = [], []
    for n in (1500, 3000):
        texts = [ADVERSARIAL[shape](i) for i in range(n)]
        stats: dict[str, int] = {}
        found.append(len(find_pairs(texts, [str(i) for i in range(n)], THRESHOLD, stats)))
        assert stats["scanned"] <= MAX_SCAN * n and stats["scored"] <= MAX_CANDIDATES * n
        work.append(stats["scanned"] + stats["scored"] + n)
    assert work[1] <= 3 * work[0], (shape, work)
    assert found[1] <= HEAD * 3000, (shape, found)  # copies are paired in a star, not all


def test_without_the_budgets_the_small_vocabulary_search_grows_quadratically() -> None:
    """The scaling test above can fail: unbounded, the same input costs ~4x when doubled."""
    work = []
    for n in (1500, 3000):
        texts = [_small_vocabulary(i) for i in range(n)]
        stats: dict[str, int] = {}
        find_duty_pairs([(None, t) for t in texts], [str(i) for i in range(n)], THRESHOLD,
                        stats, limits=(10**9, 10**9, 10**9))
        work.append(stats["scanned"] + stats["scored"] + n)
    assert work[1] > 3 * work[0], work


def test_development_set_quality() -> None:
    """The development pairs (tests/data/duty_pairs_dev.tsv) are tuned on, so they may be
    asserted; the blind pairs are only reported (test_docs_report_the_blind_figures)."""
    from neardup_eval import DEV

    pairs = read_duty_pairs(DEV)
    assert len(pairs) >= 100
    assert {lang for _, lang, *_ in pairs} >= {"zh", "zh-hant", "en"}
    scores = evaluate_duties(pairs, THRESHOLD)
    assert scores["all"].precision >= 0.95 and scores["all"].recall >= 0.7, scores["all"]
    for lang in ("zh", "zh-hant", "en"):
        assert scores[lang].precision >= 0.95 and scores[lang].recall >= 0.65, (lang, scores[lang])
    # the first 118 pairs (the second round's set) keep their figures
    first = evaluate_duties(pairs[:118], THRESHOLD)
    assert first["all"].precision >= 0.95 and first["all"].recall >= 0.85, first["all"]
    for lang in ("zh", "zh-hant"):
        assert first[lang].precision >= 0.9 and first[lang].recall >= 0.9, (lang, first[lang])


def test_docs_report_the_second_blind_figures() -> None:
    """blind2 (issue 15, third round) is measured and reported per language, never asserted
    to a quality level."""
    from neardup_eval import BLIND2

    doc = (REPO / "docs" / "near-duplicates.md").read_text("utf-8")
    pairs = read_duty_pairs(BLIND2)
    assert len(pairs) >= 120
    assert {lang for _, lang, *_ in pairs} == {"zh", "zh-hant", "en"}
    scores = evaluate_duties(pairs, THRESHOLD)
    for key in ("all", "zh", "zh-hant", "en"):
        s = scores[key]
        row = (f"| blind2, after, {key} | {s.tp} | {s.fp} | {s.fn} | {s.tn} | "
               f"{s.precision:.3f} | {s.recall:.3f} |")
        assert row in doc, f"docs/near-duplicates.md is stale; expected row:\n{row}"


def test_docs_report_the_third_blind_figures() -> None:
    """blind3 (issue 15, fourth round) is balanced, measured and reported per language,
    never asserted to a quality level; dev2, written after it, is balanced too."""
    from neardup_eval import BLIND3, DEV2

    doc = (REPO / "docs" / "near-duplicates.md").read_text("utf-8")
    for path, size in ((BLIND3, 120), (DEV2, 90)):
        pairs = read_duty_pairs(path)
        assert len(pairs) >= size
        for lang in ("zh", "zh-hant", "en"):
            labels = [dup for dup, code, *_ in pairs if code == lang]
            assert len(labels) >= size // 3 and 0.4 <= sum(labels) / len(labels) <= 0.6, lang
    scores = evaluate_duties(read_duty_pairs(BLIND3), THRESHOLD)
    for key in ("all", "zh", "zh-hant", "en"):
        s = scores[key]
        row = (f"| blind3 | {key} | {s.tp} | {s.fp} | {s.fn} | {s.tn} | "
               f"{s.precision:.3f} | {s.recall:.3f} |")
        assert row in doc, f"docs/near-duplicates.md is stale; expected row:\n{row}"


def test_the_lexicon_is_packaged_data_folded_to_simplified() -> None:
    from orgspec.text.glossary import LEXICON, lexicon

    assert LEXICON.name == "lexicon.yaml" and LEXICON.parent.name == "text"
    lex = lexicon()
    assert "帐号" in lex.concepts["account"][0]  # written 帳號 in the file, folded on load
    assert features("管理社群帳號") == features("管理社群账号") == {
        "c:manage", "c:social", "c:account", "g:marketing"}


def test_the_lexicon_rejects_a_domain_of_unknown_concepts() -> None:
    from orgspec.text.glossary import _contrast, _domains

    with pytest.raises(ValueError, match="unknown"):
        _domains({"money": ["refund", "no-such-concept"]}, {"refund"})
    with pytest.raises(ValueError, match="two concepts"):
        _contrast(["write"], {"write"})


def test_a_listed_word_wins_over_another_words_stem() -> None:
    # "accounting" stems to "account"; "accounts" is still an account, not finance
    assert "c:account" in features("Manage the company's social media accounts")
    assert "c:finance" not in features("Manage the company's social media accounts")


def test_english_compounds_name_two_concepts() -> None:
    assert features("Conduct performance reviews") == {"c:performance", "c:appraise"}
    assert features("Maintain SOPs") == {"c:manage", "c:process", "c:document"}


def test_a_thing_counts_as_its_field_of_work() -> None:
    assert features("处理退款") == {"c:handle", "c:refund", "g:service"}
    assert "g:marketing" in features("發送行銷簡訊") & features("推播促銷訊息給會員")
    assert similarity("發送行銷簡訊", "推播促銷訊息給會員", corpus()) >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("撰写推广文案", "审核推广文案"),  # maker and checker
    ("Write marketing copy", "Review marketing copy"),
    ("制定市场推广计划", "执行市场推广计划"),  # planner and doer
])
def test_acts_that_split_one_duty_set_two_duties_apart(a: str, b: str) -> None:
    assert similarity(a, b, corpus()) == 0.0
    assert find_pairs([a, b], ["x", "y"], THRESHOLD) == []


def test_a_slot_framed_from_one_side_or_an_act_named_as_a_noun_decides() -> None:
    assert substituted("处理 VIP 用户投诉", "handle VIP user refunds")  # frame of three units
    assert substituted("Develop and manage budgets for operations teams",
                       "Develop and manage training for operations teams")


@pytest.mark.parametrize(("a", "b"), [
    ("收集并处理用户反馈", "收集用户评价和反馈，整理成需求"),  # issue 15: 0.40 before
    ("编写每周运营数据报告", "每周输出运营数据周报"),  # 周报 is a weekly report
    ("Monitor inventory levels and reorder stock", "Track stock levels and replenish inventory"),
    ("處理用戶諮詢與投訴", "处理用户咨询和投诉"),
    # issue 15, third round: paraphrases that share no word
    ("統整顧客意見", "彙整消費者的回饋"),
    ("组织部门周会", "每周召开团队例会"),
    ("维护客户数据库", "管理顾客资料库"),
    ("Run the weekly team meeting", "Host the team's weekly sync"),
    ("Interview job applicants", "Screen and interview candidates"),
])
def test_synonyms_and_compounds_meet(a: str, b: str) -> None:
    assert similarity(a, b, corpus()) >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), [
    ("策划618大促", "策划双十一大促"),  # a number is a slot too
    ("Plan the 2025 budget", "Plan the 2026 budget"),
    ("收集并处理用户反馈，以提升转化率", "收集并处理商家反馈，以提升转化率"),  # one known thing
])
def test_a_number_or_one_known_thing_in_a_framed_slot_decides(a: str, b: str) -> None:
    assert similarity(a, b, corpus()) == 0.0


def test_a_number_is_no_evidence() -> None:
    assert features("策划618大促") == features("策划大促")


def test_a_prepared_description_holds_the_weights_a_plain_loop_sums() -> None:
    """`_doc`'s total and the weight left from each feature are, bit for bit, the sums a
    plain loop over the features in rarity order makes (the search's scores and bounds are
    read from them: the same floats, the same pairs), whatever order the set iterates in
    (two processes hash strings differently): a kept `_Doc` is the one made again."""
    import random

    from orgspec.text.neardup import _doc

    rng = random.Random(17)
    names = [f"w:{k}" for k in range(200)] + [f"c:{k}" for k in range(20)]
    weight = {f: rng.uniform(0.01, 9.0) for f in names}
    rank = {f: k for k, f in enumerate(rng.sample(names, len(names)))}
    concepts = frozenset(f for f in names if f[0] == "c")
    for size in [1, 2, 3, 7, 30, 120]:
        picked = rng.sample(names, size)
        fs = frozenset(picked)
        doc = _doc(fs, weight, rank, concepts)
        order = sorted(fs, key=lambda f: rank[f])
        total = 0.0
        for f in order:
            total += weight[f]
        rest, left = [], total
        for f in order:
            rest.append(left)
            left -= weight[f]
        assert doc.order == order and doc.features is fs
        assert doc.concepts == {f for f in fs if f[0] == "c"}
        assert repr(doc.total) == repr(total) and [repr(r) for r in doc.rest] == \
            [repr(r) for r in rest]
        # the same features built in another order: the same floats
        again = _doc(frozenset(reversed(picked)), weight, rank, concepts)
        assert repr((again.total, again.rest)) == repr((doc.total, doc.rest))
