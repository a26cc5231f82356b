"""Near-duplicate duty descriptions in Chinese, English and mixed text, without all-pairs.

Each description becomes a set of features: glossary concepts (shared by both languages),
English word stems, and bigrams of Chinese characters the glossary does not know. Features
are weighted by rarity (IDF), and two descriptions are alike when their weighted Jaccard
similarity reaches the threshold. Candidate pairs come from an inverted index probed only
with each description's *prefix*: its rarest features whose weight exceeds (1 - t) of the
total. Any pair at or above t must share a prefix feature, so the search is complete, and
since rare features have short postings it stays near-linear in the number of duties.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from orgspec.text.glossary import CONCEPTS, EN_FORMS, STOP_EN, STOP_ZH

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKENS = re.compile(f"[{_CJK}]+|[a-z0-9]+")
MAX_ZH_TERM = 6


@dataclass(frozen=True)
class Pair:
    """Two descriptions (by index) and their similarity in [0, 1]."""

    first: int
    second: int
    score: float


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
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            key = tuple(_stem(w) for w in words[i:i + size])
            if len(key) == size and key in phrases:
                out.add("c:" + phrases[key])
                i += size
                break
        else:
            word = words[i]
            i += 1
            if word.isdigit():
                continue
            stem = _stem(word)
            lookup = stem if stem in en else word
            if lookup not in en:
                out.add("w:" + stem)
            elif en[lookup] is not None:
                out.add("c:" + str(en[lookup]))


def _chinese(run: str, out: set[str]) -> None:
    zh, _, _ = _tables()
    rest: list[str] = []
    i = 0
    while i < len(run):
        for size in range(min(MAX_ZH_TERM, len(run) - i), 0, -1):
            piece = run[i:i + size]
            if piece in zh:
                concept = zh[piece]
                if concept is not None:
                    out.add("c:" + concept)
                _bigrams("".join(rest), out)
                rest = []
                i += size
                break
        else:
            rest.append(run[i])
            i += 1
    _bigrams("".join(rest), out)


def _bigrams(chars: str, out: set[str]) -> None:
    if len(chars) == 1:
        out.add("b:" + chars)
    out.update("b:" + chars[k:k + 2] for k in range(len(chars) - 1))


def find_pairs(texts: Sequence[str], groups: Sequence[str], threshold: float,
               max_postings: int = 5000) -> list[Pair]:
    """Pairs of texts from different groups (teams) with similarity >= threshold.

    Features held by more than `max_postings` texts are not probed (they are too common to
    tell duties apart); everything else is searched completely.
    """
    feats = [features(t) for t in texts]
    df = Counter(f for fs in feats for f in fs)
    n = len(texts)
    weight = {f: math.log(1 + n / c) for f, c in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(feats):
        for f in fs:
            postings[f].append(i)
    pairs = []
    for i, fs in enumerate(feats):
        for j in _candidates(i, fs, feats, groups, df, weight, postings, threshold, max_postings):
            score = _similarity(fs, feats[j], weight)
            if score >= threshold:
                pairs.append(Pair(i, j, round(score, 3)))
    return pairs


def _candidates(i: int, fs: frozenset[str], feats: list[frozenset[str]], groups: Sequence[str],
                df: Counter[str], weight: dict[str, float], postings: dict[str, list[int]],
                threshold: float, max_postings: int) -> set[int]:
    total = sum(weight[f] for f in fs)
    budget = (1 - threshold) * total
    seen = 0.0
    found: set[int] = set()
    for f in sorted(fs, key=lambda f: (df[f], f)):
        if df[f] <= max_postings:
            found.update(j for j in postings[f] if j > i and groups[j] != groups[i])
        seen += weight[f]
        if seen > budget:
            break
    return found


def _similarity(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    shared = sum(weight[f] for f in a & b)
    union = sum(weight[f] for f in a | b)
    return shared / union if union else 0.0


def similarity(a: str, b: str, corpus: Sequence[str] = ()) -> float:
    """The similarity of two texts, weighted by a corpus (both texts are always part of it)."""
    texts = [a, b, *corpus]
    feats = [features(t) for t in texts]
    df = Counter(f for fs in feats for f in fs)
    weight = {f: math.log(1 + len(texts) / c) for f, c in df.items()}
    return _similarity(feats[0], feats[1], weight)
