"""Near-duplicate duty descriptions in Chinese, English and mixed text, without all-pairs.

Each description becomes a set of features: glossary concepts (shared by both languages),
English word stems, and bigrams of Chinese characters the glossary does not know. Features
are weighted by rarity (IDF), and two descriptions are alike when their weighted Jaccard
similarity reaches the threshold. Candidate pairs come from an inverted index probed only
with each description's *prefix*: its rarest features whose weight exceeds (1 - t) of the
total. Any pair at or above t must share a prefix feature, so the search is complete, and
since rare features have short postings it stays near-linear in the number of duties.
Postings hold only prefix features and are sorted so that a scan stops at the first entry
that can no longer reach the threshold (PPJoin's prefix and positional filters, weighted).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from orgspec.text.glossary import CONCEPTS, EN_FORMS, STOP_EN, STOP_ZH

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKENS = re.compile(f"[{_CJK}]+|[a-z0-9]+")


@dataclass(frozen=True)
class Pair:
    """Two descriptions (by index) and their similarity in [0, 1]."""

    first: int
    second: int
    score: float


@lru_cache(maxsize=1)
def _zh_terms() -> re.Pattern[str]:
    """All Chinese glossary and filler terms, longest first: one regex finds them all."""
    zh, _, _ = _tables()
    return re.compile("|".join(re.escape(t) for t in sorted(zh, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    return frozenset(words[0] for words in _tables()[2])


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str | None], dict[str, str | None], dict[tuple[str, ...], str]]:
    zh: dict[str, str | None] = {w: None for w in STOP_ZH}
    en: dict[str, str | None] = {w: None for w in STOP_EN}
    en.update({_stem(w): None for w in STOP_EN if _stem(w) not in en})
    phrases: dict[tuple[str, ...], str] = {}
    for concept, (zh_terms, en_terms) in CONCEPTS.items():
        for term in zh_terms:
            zh.setdefault(term, concept)
        for term in en_terms:
            words = tuple(_stem(w) for w in term.split())
            if len(words) > 1:
                phrases.setdefault(words, concept)
            else:
                en.setdefault(term, concept)
                en.setdefault(words[0], concept)
    return zh, en, phrases


def features(text: str) -> frozenset[str]:
    """The feature set of one description (concepts `c:`, words `w:`, bigrams `b:`)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out: set[str] = set()
    words: list[str] = []
    for token in _TOKENS.findall(text):
        if token[0].isascii():
            words.append(token)
        else:
            _english(words, out)
            words = []
            _chinese(token, out)
    _english(words, out)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light English stemmer: plurals, -ed, -ing, -ly; enough for short duty phrases."""
    word = EN_FORMS.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def _english(words: list[str], out: set[str]) -> None:
    _, en, phrases = _tables()
    starts = _phrase_starts()
    stems = [_stem(w) for w in words]
    i = 0
    while i < len(words):
        for size in (4, 3, 2) if stems[i] in starts else ():
            key = tuple(stems[i:i + size])
            if len(key) == size and key in phrases:
                out.add("c:" + phrases[key])
                i += size
                break
        else:
            word, stem = words[i], stems[i]
            i += 1
            if word.isdigit():
                continue
            lookup = stem if stem in en else word
            if lookup not in en:
                out.add("w:" + stem)
            elif en[lookup] is not None:
                out.add("c:" + str(en[lookup]))


def _chinese(run: str, out: set[str]) -> None:
    """Glossary terms (longest match, left to right) become concepts; the text between
    them becomes character bigrams."""
    zh, _, _ = _tables()
    end = 0
    for m in _zh_terms().finditer(run):
        _bigrams(run[end:m.start()], out)
        concept = zh[m.group()]
        if concept is not None:
            out.add("c:" + concept)
        end = m.end()
    _bigrams(run[end:], out)


def _bigrams(chars: str, out: set[str]) -> None:
    if not chars:
        return
    if len(chars) == 1:
        out.add("b:" + chars)
    out.update("b:" + chars[k:k + 2] for k in range(len(chars) - 1))


def find_pairs(texts: Sequence[str], groups: Sequence[str], threshold: float) -> list[Pair]:
    """Pairs of texts from different groups (teams) with similarity >= threshold."""
    feats = [features(t) for t in texts]
    df = Counter(f for fs in feats for f in fs)
    weight = weights(df, len(texts))
    rank = {f: i for i, f in enumerate(sorted(df, key=lambda f: (df[f], f)))}
    docs = [_Doc(fs, weight, rank) for fs in feats]
    k = threshold / (1 + threshold)
    postings = _prefix_index(docs, threshold, k)
    pairs = []
    for i, doc in enumerate(docs):
        for j in set(_candidates(i, doc, docs, groups, postings, threshold, k)):
            score = _doc_similarity(doc, docs[j], weight, threshold)
            if score >= threshold:
                pairs.append(Pair(i, j, round(score, 3)))
    return sorted(pairs, key=lambda p: (p.first, p.second))


def _doc_similarity(a: _Doc, b: _Doc, weight: dict[str, float], threshold: float) -> float:
    """`_similarity` on prepared descriptions, skipping the work when a bound already fails."""
    small, large = (a.total, b.total) if a.total <= b.total else (b.total, a.total)
    if small < threshold * large:
        return 0.0  # Jaccard is at most min/max of the two weights
    if a.concepts and b.concepts and a.concepts.isdisjoint(b.concepts):
        return 0.0
    shared = sum(weight[f] for f in a.features & b.features)
    union = a.total + b.total - shared
    return shared / union if union else 0.0


def weights(df: Counter[str], n: int) -> dict[str, float]:
    """IDF weights: rare features say more about which duty it is."""
    return {f: math.log(1 + n / c) for f, c in df.items()}


class _Doc:
    """A description's features in global rarity order, with the weight left from each."""

    __slots__ = ("concepts", "features", "order", "rest", "total")

    def __init__(self, fs: frozenset[str], weight: dict[str, float], rank: dict[str, int]):
        self.features = fs
        self.concepts = frozenset(f for f in fs if f[0] == "c")
        self.order = sorted(fs, key=rank.__getitem__)
        self.total = sum(weight[f] for f in fs)
        rest, left = [], self.total
        for f in self.order:
            rest.append(left)
            left -= weight[f]
        self.rest = rest  # weight of the features from this one onwards

    def prefix(self, threshold: float) -> Iterator[tuple[str, float]]:
        """Features that can start an overlap worth `threshold` of this description."""
        floor = threshold * self.total - 1e-9
        for f, rest in zip(self.order, self.rest, strict=True):
            if rest < floor:
                return
            yield f, rest


def _prefix_index(docs: list[_Doc], threshold: float,
                  k: float) -> dict[str, list[tuple[float, int, float]]]:
    """Feature -> [(rest - k * total, doc, rest)], best first: a pair at or above the
    threshold has `rest_y - k * total_y >= k * total_x` at its first shared feature."""
    postings: dict[str, list[tuple[float, int, float]]] = defaultdict(list)
    for j, doc in enumerate(docs):
        for f, rest in doc.prefix(threshold):
            postings[f].append((rest - k * doc.total, j, rest))
    for entries in postings.values():
        entries.sort(reverse=True)
    return postings


def _candidates(i: int, doc: _Doc, docs: list[_Doc], groups: Sequence[str],
                postings: dict[str, list[tuple[float, int, float]]], threshold: float,
                k: float) -> Iterator[int]:
    bound = k * doc.total - 1e-9
    group = groups[i]
    for f, rest in doc.prefix(threshold):
        for key, j, _ in postings[f]:
            if key < bound:
                break
            # j > i: a qualifying pair passes this bound from both sides, so one suffices
            if j > i and groups[j] != group and rest >= k * (doc.total + docs[j].total) - 1e-9:
                yield j


def _similarity(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    """Weighted Jaccard; 0 when both name glossary concepts but share none of them, since
    duties that agree on no action and no object differ whatever proper nouns they share."""
    shared_features = a & b
    if not any(f[0] == "c" for f in shared_features) and _has_concept(a) and _has_concept(b):
        return 0.0
    shared = sum(weight[f] for f in shared_features)
    union = sum(weight[f] for f in a | b)
    return shared / union if union else 0.0


def _has_concept(fs: frozenset[str]) -> bool:
    return any(f[0] == "c" for f in fs)


def similarity(a: str, b: str, corpus: Sequence[str] = ()) -> float:
    """The similarity of two texts, weighted by a corpus (both texts are always part of it)."""
    texts = [a, b, *corpus]
    feats = [features(t) for t in texts]
    df = Counter(f for fs in feats for f in fs)
    return _similarity(feats[0], feats[1], weights(df, len(texts)))


def find_duty_pairs(duties: Sequence[tuple[str | None, str | None]], groups: Sequence[str],
                    threshold: float) -> list[Pair]:
    """`find_pairs` over duties given as (name, description): the description, or the name
    when there is none."""
    return find_pairs([d or n or "" for n, d in duties], groups, threshold)
