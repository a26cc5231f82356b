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

The cost does not depend on how the text is distributed: duties with the same features are
searched once (each copy is reported against the first), a feature held by more than
`MAX_POSTING` distinct duties is not indexed (a shared purpose clause is no evidence of
duplication), and each duty scans at most `MAX_SCAN` postings and scores at most
`MAX_CANDIDATES` candidates. Paths, URLs and ids are single features (`a:`), not prose;
two duties naming different ones are different duties, as are two duties written from one
template that differ only in the slot (`... activation KPIs` / `... conversion KPIs`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from operator import sub
from typing import Any

from orgspec.han import HAN
from orgspec.lazyre import lazy
from orgspec.text.glossary import lexicon
from orgspec.text.script import to_simplified

_CJK = HAN
_TOKENS = lazy(f"[{_CJK}]+|[a-z0-9]+")
# Candidates for atoms: URLs, slashed paths, and words joined by - _ . (ids if they mix
# letters and digits).
_ATOMS = lazy(
    r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s\u3000-\u303f\uff00-\uffef<>()\"']+"
    r"|(?:\.{0,2}/)?[a-z0-9_.~@-]+(?:/[a-z0-9_.~@-]+)+/?"
    r"|[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_ASCII_DIGIT = lazy("[0-9]")
_WHOLE_ID = lazy(r"[a-z0-9][a-z0-9_.:/@~-]*[-_.:/][a-z0-9_.:/@~-]*")
# Chinese function characters that say nothing about the duty when left between terms.
_FUNCTION_ZH = frozenset("成到给向对把将为在从于以")
MAX_POSTING = 64      # features held by more distinct duties are not indexed
MAX_SCAN = 256        # posting entries one duty may scan
MAX_CANDIDATES = 32   # candidates one duty may score
HEAD = 8              # duties of one feature set paired all with all; later ones with the first
# Duties of one owner are reported only at this similarity, and only when their words are
# the same (`_copy`: a copy-pasted duty). A team's own
# duties share its vocabulary, so a lower bar would report every team's related duties.
SAME_OWNER = 1.0


@dataclass(frozen=True)
class Pair:
    """Two descriptions (by index) and their similarity in [0, 1]."""

    first: int
    second: int
    score: float


@lru_cache(maxsize=1)
def _zh_terms() -> re.Pattern[str]:
    """All Chinese lexicon and filler terms in one regex that finds the longest term at
    each position, built as a trie (处(?:理|置)...): a flat alternation of a thousand
    terms is tried one by one at every character."""
    zh, _, _ = _tables()
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for term in zh:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}  # a term ends here
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """The regex of a trie node: longer continuations first (a greedy `?` falls back to the
    term that ends here)."""
    alts = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
    return body


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    return frozenset(words[0] for words in _tables()[2])


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str | None], dict[str, str | None], dict[tuple[str, ...], str]]:
    lex = lexicon()
    zh: dict[str, str | None] = {w: None for w in lex.stop_zh}
    en: dict[str, str | None] = {w: None for w in lex.stop_en}
    en.update({_stem(w): None for w in lex.stop_en if _stem(w) not in en})
    phrases: dict[tuple[str, ...], str] = {}
    zh.update({term: "+".join(parts) for term, parts in lex.compounds_zh.items()})
    for term, parts in lex.compounds_en.items():
        words = tuple(_stem(w) for w in term.split())
        if len(words) > 1:
            phrases[words] = "+".join(parts)
        else:
            en[term] = "+".join(parts)
    stems: dict[str, str] = {}
    for concept, (zh_terms, en_terms) in lex.concepts.items():
        for term in zh_terms:
            zh.setdefault(term, concept)
        for term in en_terms:
            words = tuple(_stem(w) for w in term.split())
            if len(words) > 1:
                phrases.setdefault(words, concept)
            else:
                en.setdefault(term, concept)
                stems.setdefault(words[0], concept)
    # a word as listed wins over another word's stem ("accounts" is an account, although
    # "accounting" stems to "account")
    for stem, concept in stems.items():
        en.setdefault(stem, concept)
    return zh, en, phrases


def features(text: str) -> frozenset[str]:
    """The feature set of one description (concepts `c:`, their fields of work `g:`, words
    `w:`, bigrams `b:`, paths/URLs/ids `a:`)."""
    out: set[str] = set()
    fields = _fields()
    for unit in _units(text):
        if unit[0] == "z":
            _bigrams(unit[2:], out)
        elif unit[0] != "n":  # a number tells a template's slot, it is no evidence
            out.add(unit)
            if unit in fields:  # a thing's field of work: kin of other things in it
                out.add(fields[unit])
    return frozenset(out)


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    """`c:thing` -> `g:field` for the things the lexicon files under a field of work."""
    return {"c:" + c: "g:" + d for c, d in lexicon().domains.items()}



def duty_features(name: str | None, description: str | None) -> frozenset[str]:
    """A duty's features: its name and its description are both evidence."""
    return features(name or "") | features(description or "")


@lru_cache(maxsize=65536)
def _units(text: str) -> tuple[str, ...]:
    """The text as ordered units: atoms `a:`, concepts `c:`, English stems `w:` and runs of
    Chinese the glossary does not know `z:` (fillers dropped)."""
    text = to_simplified(unicodedata.normalize("NFKC", text).casefold().strip())
    out: list[str] = []
    if _WHOLE_ID.fullmatch(text):
        return tuple(_atom(text))
    end = 0
    # an atom has a slash or a digit, or starts with `www.`: most duties have none
    maybe = "/" in text or "www." in text or (
        _ASCII_DIGIT.search(text) is not None if text.isascii()  # (the ASCII digits are 0-9)
        else any(map(str.isdigit, text)))
    for m in _ATOMS.finditer(text) if maybe else ():
        if not _is_atom(m.group()):
            continue
        _prose(text[end:m.start()], out)
        out.extend(_atom(m.group()))
        end = m.end()
    _prose(text[end:], out)
    return tuple(out)


def _is_atom(token: str) -> bool:
    if "://" in token or token.startswith("www."):
        return True
    if "/" in token:
        return max(len(part) for part in token.split("/")) >= 2
    return any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


def _atom(token: str) -> list[str]:
    """A path, URL or id as features: the whole (scheme, `www.`, `./` and end slashes
    dropped); a file's folder too (`pkg/x/OWNERS` is about `pkg/x`)."""
    token = re.sub(r"^[a-z][a-z0-9+.-]*://|^www\.|^\.{0,2}/", "", token).strip("/.")
    token = re.sub(r"^www\.", "", token)
    out = ["a:" + token]
    if "/" in token:
        folder, _, last = token.rpartition("/")
        if "." in last or last in ("owners", "readme", "codeowners", "makefile", "license"):
            out.append("a:" + folder)
    return out


def _prose(text: str, out: list[str]) -> None:
    words: list[str] = []
    for token in _TOKENS.findall(text):
        if token[0].isascii():
            words.append(token)
        else:
            _english(words, out)
            words = []
            _chinese(token, out)
    _english(words, out)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light English stemmer: plurals, -ed, -ing, -ly; enough for short duty phrases."""
    word = lexicon().en_forms.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


def _english(words: list[str], out: list[str]) -> None:
    _, en, phrases = _tables()
    starts = _phrase_starts()
    stems = [_stem(w) for w in words]
    i = 0
    while i < len(words):
        for size in (4, 3, 2) if stems[i] in starts else ():
            key = tuple(stems[i:i + size])
            if len(key) == size and key in phrases:
                out.extend("c:" + c for c in phrases[key].split("+"))
                i += size
                break
        else:
            word, stem = words[i], stems[i]
            i += 1
            if word.isdigit():
                out.append("n:" + word)
                continue
            lookup = word if word in en else stem
            if lookup not in en:
                out.append("w:" + stem)
            elif en[lookup] is not None:
                out.extend("c:" + c for c in str(en[lookup]).split("+"))


def _chinese(run: str, out: list[str]) -> None:
    """Glossary terms (longest match, left to right) become concepts; the text between
    them is kept as a run (`z:`), unless it is one function character."""
    zh, _, _ = _tables()
    end = 0
    for start, stop in _zh_spans(run):
        _leftover(run[end:start], out)
        concept = zh[run[start:stop]]
        if concept is not None:
            out.extend("c:" + c for c in concept.split("+"))
        end = stop
    _leftover(run[end:], out)


# Characters of Chinese runs scanned term by term before the trie is compiled: a warm
# re-check reads a few duties' texts (tens of characters each), for which the trie's
# compilation (~10-20 ms CPU) cost more than the scan; a full run compiles it early.
HAND_SCAN = 8_000
_scanned = [0]


def _zh_spans(run: str) -> list[tuple[int, int]]:
    """Where the Chinese lexicon's terms are in `run`, the longest at each position, left
    to right, not overlapping: the spans of `_zh_terms().finditer(run)`, found by trying
    each term length, longest first, until `HAND_SCAN` characters were scanned so."""
    if _scanned[0] >= HAND_SCAN:
        return [m.span() for m in _zh_terms().finditer(run)]
    _scanned[0] += len(run)
    zh = _tables()[0]
    sizes = _zh_sizes()
    spans = []
    at, size = 0, len(run)
    while at < size:
        for n in sizes:
            if n <= size - at and run[at:at + n] in zh:
                spans.append((at, at + n))
                at += n
                break
        else:
            at += 1
    return spans


@lru_cache(maxsize=1)
def _zh_sizes() -> tuple[int, ...]:
    """The lengths of the Chinese terms, longest first."""
    return tuple(sorted({len(term) for term in _tables()[0] if term}, reverse=True))


def _leftover(chars: str, out: list[str]) -> None:
    if chars and not (len(chars) == 1 and chars in _FUNCTION_ZH):
        out.append("z:" + chars)


def _bigrams(chars: str, out: set[str]) -> None:
    if len(chars) == 1:
        out.add("b:" + chars)
    out.update("b:" + chars[k:k + 2] for k in range(len(chars) - 1))


def _slots(text: str) -> list[str]:
    """Units with Chinese runs split into characters: what a template's slot is made of."""
    out: list[str] = []
    for unit in _units(text):
        out.extend(unit[2:] if unit[0] == "z" else (unit,))
    return out


def substituted(a: str, b: str) -> bool:
    """True when `a` and `b` are one template with a different slot: a shared beginning
    and/or end around middles that share nothing ("run experiments to improve activation
    KPIs" / "... conversion KPIs", "负责华东区的门店巡检" / "负责西南区的门店巡检")."""
    x, y = _slots(a), _slots(b)
    p = 0
    while p < len(x) and p < len(y) and x[p] == y[p]:
        p += 1
    s = 0
    while s < len(x) - p and s < len(y) - p and x[-1 - s] == y[-1 - s]:
        s += 1
    mx, my = x[p:len(x) - s], y[p:len(y) - s]
    if p + s < 1 or not mx or not my or set(mx) & set(my):
        return False
    # The slot must name a thing on both sides (a verb swap is a synonym the glossary may
    # not know) and a word the glossary does not know: on both sides, or on one side when
    # the template frames the slot from both ends; two known concepts either are synonyms
    # or are told apart by the score. Chinese characters are never compared with English.
    tx, ty = _things(mx), _things(my)
    if p + s >= 3 and len(mx) == len(my) == 1 and tx == ty == {"c"}:
        return True  # one known thing for another in a long frame: a template's slot
    if p and s and p + s >= 4 and len(mx) == len(my) == 1 and mx[0][:2] == my[0][:2] == "c:" \
            and (tx or ty):
        return True  # a thing for an act named as a noun ("budgets" / "training") framed
        # from both ends
    if not tx or not ty or not ({"w", "z", "n"} & (tx | ty)):
        return False
    if (tx == {"c"} or ty == {"c"}) and not (p and s):
        return False
    return not (({"w"} == tx - {"c"} and {"z"} == ty - {"c"})
                or ({"z"} == tx - {"c"} and {"w"} == ty - {"c"}))


def _things(units: list[str]) -> set[str]:
    """The kinds of non-verb units: `c` (a thing the glossary knows), `w` (an English
    word), `z` (Chinese)."""
    verbs = _verbs()
    out = set()
    for u in units:
        if u[:2] == "c:":
            if u[2:] not in verbs:
                out.add("c")
        elif u[:2] in ("w:", "n:"):
            out.add(u[0])
        elif u[:2] != "a:":
            out.add("z")
    return out


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return lexicon().actions


def _atoms_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name paths, URLs or ids, and none in common: different things."""
    xa = {f for f in a if f[0] == "a"}
    xb = {f for f in b if f[0] == "a"}
    return bool(xa) and bool(xb) and xa.isdisjoint(xb)


def _acts_contrast(a: frozenset[str], b: frozenset[str]) -> bool:
    """One names an act and the other its counterpart (write / review, plan / execute),
    neither both: the two halves of a split duty, not one duty twice."""
    for x, y in lexicon().contrasts:
        cx, cy = "c:" + x, "c:" + y
        for p, q in ((a, b), (b, a)):
            if cx in p and cy not in p and cy in q and cx not in q:
                return True
    return False


Duty = tuple[str | None, str | None]

# Pairs of distinct views (`_views`, by their rank among the distinct ones in view order)
# that the search scored at or above the threshold: (a, b, rounded score), a < b, each
# found by `a`'s scan (`_candidates` yields only later views).
Scored = list[tuple[int, int, float]]


def find_pairs(texts: Sequence[str], groups: Sequence[str], threshold: float,
               stats: dict[str, int] | None = None) -> list[Pair]:
    """Pairs of texts from different groups (teams) with similarity >= threshold, and of
    one group at `SAME_OWNER`."""
    return find_duty_pairs([(None, t) for t in texts], groups, threshold, stats)


def find_duty_pairs(duties: Sequence[Duty], groups: Sequence[str], threshold: float,
                    stats: dict[str, int] | None = None,
                    limits: tuple[int, int, int] | None = None) -> list[Pair]:
    """Pairs of duties, given as (name, description), from different groups (teams) with
    similarity >= threshold, and of one group at `SAME_OWNER` (a copy-pasted duty), as
    index pairs (first < second) in order.

    A duty is searched as the union of its name's and description's features and, when it
    has both, as each alone (both are evidence: two duties alike in name or in description
    are alike). Views with the same features are searched once: the first `HEAD` of them
    are paired with each other, later ones with the first. `stats` (if given) receives the
    work done: posting entries `scanned` and candidates `scored`, each at most
    MAX_SCAN and MAX_CANDIDATES per view. `limits` overrides (MAX_POSTING, MAX_SCAN,
    MAX_CANDIDATES)."""
    found: dict[tuple[int, int], int] = {}
    pairs: list[Pair] = []

    def report(i: int, j: int, score: float, differ: Callable[[int, int], bool]) -> None:
        key = (i, j) if i < j else (j, i)
        if key in found:
            old = pairs[found[key]]
            if score > old.score:
                pairs[found[key]] = Pair(*key, score)
        elif not differ(i, j):
            found[key] = len(pairs)
            pairs.append(Pair(*key, score))

    _search(duties, groups, threshold, report, stats, limits)
    return sorted(pairs, key=lambda p: (p.first, p.second))


@dataclass(frozen=True)
class Group:
    """Duties (by index, ascending) joined by pairs at or above the threshold, and each
    member's best similarity to another member (in [0, 1], same order)."""

    members: tuple[int, ...]
    scores: tuple[float, ...]


def find_duty_groups(duties: Sequence[Duty], groups: Sequence[str], threshold: float,
                     stats: dict[str, int] | None = None,
                     limits: tuple[int, int, int] | None = None,
                     known: dict[str, frozenset[str]] | None = None,
                     reuse: Reuse | None = None,
                     verdicts: Verdicts | None = None,
                     since: Since | None = None) -> list[Group]:
    """The connected components of `find_duty_pairs`'s pairs, ordered by first member:
    one group per set of near-identical duties instead of one pair per two of them (ten
    copies of a duty are one group, not 45 pairs). Same search and bounds; a pair whose
    two duties are already in one group is not checked again, so the work after the
    search is near-linear in the pairs found. `known`: each text's `features`, read and
    filled (kept between runs, the features of unchanged duties are not computed again).
    `reuse(key, search)`: the pairs the search reports, `search()` or the list an earlier
    run computed under the same `key` (a digest of everything the search reads: each
    duty's features, the owners, the threshold and the bounds); only the checks that read
    the texts themselves (paths, ids, template slots: `differ`) run on them again, each
    looked up first in `verdicts` (`groups_from`) when given; `since`: what a search of
    any owner starts from and keeps (`reused_search`).
    """
    join = _Join(len(duties))
    alone = _alone(duties, known)
    whole = [fn | fd for fn, fd in alone]
    if reuse is None:
        _search(duties, groups, threshold, join.report, stats, limits, alone, whole)
        return join.groups()
    found = reused_search(duties, groups, threshold, limits, alone, whole, reuse, since)
    return groups_from(duties, found, whole, groups, verdicts)


def groups_from(duties: Sequence[Duty], found: list[tuple[int, int, float]],
                whole: Sequence[frozenset[str]] | Mapping[int, frozenset[str]],
                groups: Sequence[str], verdicts: Verdicts | None = None) -> list[Group]:
    """`find_duty_groups`'s groups from the pairs its search reported (`found`, in order)
    and the features (name's | description's) of every duty in one of them (`whole`);
    `groups`: each duty's owner, as the search was given them. `verdicts`: `differ`'s
    verdicts by `verdict_key`, read and filled (kept between runs)."""
    join = _Join(len(duties))
    differ = _differ(duties, whole, groups, verdicts)
    for i, j, score in found:
        join.report(i, j, score, differ)
    return join.groups()


def same_search(before: Sequence[Duty], after: Sequence[Duty], changed: Iterable[int]) -> bool:
    """Whether the search reads the same of duties `after` as of `before`, which differ
    only at the indexes `changed` (their owners the same): each changed duty's features
    and whether it has both a name and a description (all `search_key` reads of a duty
    besides its owner). Then it reports the same pairs for both (only `differ`, which
    reads the texts themselves, may judge them otherwise)."""
    def seen(duty: Duty) -> tuple[bool, frozenset[str], frozenset[str]]:
        name, description = duty
        return bool(name and description), features(name or ""), features(description or "")

    return all(seen(before[i]) == seen(after[i]) for i in changed)


class _Join:
    """The connected components of reported pairs, with each member's best score."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.best = [0.0] * count

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def report(self, i: int, j: int, score: float, differ: Callable[[int, int], bool]) -> None:
        best = self.best
        ri, rj = self.root(i), self.root(j)
        if ri == rj and best[i] >= score and best[j] >= score:
            return  # already joined, and no better score to record
        if differ(i, j):
            return
        self.parent[max(ri, rj)] = min(ri, rj)
        best[i] = max(best[i], score)
        best[j] = max(best[j], score)

    def groups(self) -> list[Group]:
        members: dict[int, list[int]] = defaultdict(list)
        best = self.best
        for i in range(len(best)):
            if best[i] > 0:
                members[self.root(i)].append(i)
        return [Group(tuple(m), tuple(best[i] for i in m))
                for _, m in sorted(members.items())]


Report = Callable[[int, int, float, Callable[[int, int], bool]], None]
# (key, search) -> the search's pairs: `search()`, or those kept under `key`
Reuse = Callable[[str, Callable[[], list[tuple[int, int, float]]]], list[tuple[int, int, float]]]


def _alone(duties: Sequence[Duty],
           known: dict[str, frozenset[str]] | None) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Each duty's name's and description's features."""
    # each text's features once (`duty_features` is their union): computed twice, the
    # second pass missed `_units`' cache beyond 65,536 texts and cost grew faster than
    # the org (12.6x for 10x the duties)
    memo = {} if known is None else known

    def feats(text: str) -> frozenset[str]:
        found = memo.get(text)
        if found is None:
            found = memo[text] = features(text)
        return found

    return [(feats(n or ""), feats(d or "")) for n, d in duties]


def search_key(duties: Sequence[Duty], groups: Sequence[str], threshold: float,
               limits: tuple[int, int, int] | None,
               alone: Sequence[tuple[frozenset[str], frozenset[str]]]) -> str:
    """A digest of all `_search` reads but `differ`'s texts: `any_owner_key`'s and each
    duty's group. Equal keys, equal pairs reported."""
    return owners_key(any_owner_key(duties, threshold, limits, alone), groups)


def any_owner_key(duties: Sequence[Duty], threshold: float,
                  limits: tuple[int, int, int] | None,
                  alone: Sequence[tuple[frozenset[str], frozenset[str]]]) -> str:
    """A digest of all `_search` reads but `differ`'s texts and the groups: each duty's
    features (sorted, so the same in every process), whether it has both a name and a
    description, the threshold and the bounds. Equal keys, equal `reported_any`."""
    import hashlib

    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((threshold, limits or (MAX_POSTING, MAX_SCAN, MAX_CANDIDATES), HEAD,
                        SAME_OWNER, len(duties))).encode())
    for (name, description), (fn, fd) in zip(duties, alone, strict=True):
        digest.update(repr((bool(name and description), sorted(fn),
                            sorted(fd))).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def owners_key(any_key: str, groups: Sequence[str]) -> str:
    """`search_key` from `any_owner_key`'s `any_key` and each duty's group."""
    import hashlib

    digest = hashlib.blake2b(any_key.encode(), digest_size=20)
    digest.update(repr(list(groups)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# `reused_search` keeps `reported_any`'s pairs under this and `any_owner_key`
ANY_OWNER = "any owner:"


def reused_search(duties: Sequence[Duty], groups: Sequence[str], threshold: float,
                  limits: tuple[int, int, int] | None,
                  alone: list[tuple[frozenset[str], frozenset[str]]],
                  whole: list[frozenset[str]], reuse: Reuse,
                  since: Since | None = None) -> list[tuple[int, int, float]]:
    """`_reported`'s pairs through `reuse`: kept under `search_key`, else `owned` of the
    pairs of any owner (`reported_any`, kept under `ANY_OWNER` and `any_owner_key`). A
    re-check after a change of who is accountable for a duty (the same duties and texts,
    other owners) then filters the kept pairs instead of searching again (at 5,000 teams
    the search is ~1 s CPU). `since`: (the `Prior` a search of any owner starts from, a
    callable given the `Prior` and the pairs of the one made), when any."""
    any_key = any_owner_key(duties, threshold, limits, alone)

    def search() -> list[tuple[int, int, float]]:
        if since is None:
            return reported_any(duties, threshold, limits, alone, whole)
        scored: Scored = []
        index: list[Index] = []
        found = reported_any(duties, threshold, limits, alone, whole, since[0](), scored, index)
        bounds = limits or (MAX_POSTING, MAX_SCAN, MAX_CANDIDATES)
        since[1]((threshold, bounds, list(duties), scored, index[0]) if index else
                 (threshold, bounds, list(duties), scored), found)
        return found

    return reuse(owners_key(any_key, groups),
                 lambda: owned(reuse(ANY_OWNER + any_key, search), groups))


def _reported(duties: Sequence[Duty], groups: Sequence[str], threshold: float,
              limits: tuple[int, int, int] | None,
              alone: list[tuple[frozenset[str], frozenset[str]]],
              whole: list[frozenset[str]], scored: Scored | None = None,
              index: list[Index] | None = None) -> list[tuple[int, int, float]]:
    """The (i, j, score) `_search` reports, in order (`scored`, `index`: `_search`'s)."""
    out: list[tuple[int, int, float]] = []

    def record(i: int, j: int, score: float, differ: Callable[[int, int], bool]) -> None:
        out.append((i, j, score))

    _search(duties, groups, threshold, record, None, limits, alone, whole, scored, index)
    return out


def reported_any(duties: Sequence[Duty], threshold: float,
                 limits: tuple[int, int, int] | None,
                 alone: list[tuple[frozenset[str], frozenset[str]]],
                 whole: list[frozenset[str]], prior: Prior | None = None,
                 scored: Scored | None = None, index: list[Index] | None = None
                 ) -> list[tuple[int, int, float]]:
    """`_reported` as if each duty had an owner of its own: every pair the search reports
    whoever holds the two. `_search` reads the groups only to drop a pair of one owner
    scored under `SAME_OWNER` (`pair`; the `differ` it hands on reads them, `_reported`
    does not call it), so `owned(reported_any(...), groups)` is `_reported`'s list, in
    order, for any `groups` of these duties (1.5x its pairs on the synthetic org).
    `prior`: an earlier search of duties mostly the same (`search_since`, whose pairs are
    these in another order); `scored` (if given) receives the search's `Scored`, and
    `index` its `Index` (when it made one), what a later run's `prior` holds."""
    if prior is not None:
        found = search_since(duties, threshold, limits, alone, whole, prior, index)
        if found is not None:
            if scored is not None:
                scored.extend(found[1])
            return found[0]
    return _reported(duties, [str(i) for i in range(len(duties))], threshold, limits,
                     alone, whole, scored, index)


# The posting lists of a search (`_prefix_index`'s), kept with its `Scored` for the next
# (`search_since`): each distinct view's total, the indexed features of its prefix, each
# indexed feature's list, and how many duties and distinct views hold each feature.
Index = tuple[list[float], list[tuple[str, ...]], dict[str, list[tuple[float, int, float]]],
              Counter[str], Counter[str]]

# An earlier search of any owner, as `search_since` reuses it: its threshold and bounds,
# the duties' texts and its `Scored`, and, when kept, its `Index`.
Prior = tuple[float, tuple[int, int, int], list[Duty], Scored] | \
    tuple[float, tuple[int, int, int], list[Duty], Scored, Index]

# (where a search of any owner starts from, what keeps the one made): `reused_search`'s
Since = tuple[Callable[[], Prior | None],
              Callable[[Prior, list[tuple[int, int, float]]], None]]

# `search_since` searches in full when more duties than this share changed (a bulk edit):
# then most views move and the search is as fast as the comparison
SINCE_CHANGED = 0.05
# and, without the earlier search's `Index`, scans every view again (as the full search
# does, with what it made already) when a feature whose weight moved is in more views than
# this share (a word many duties hold)
SINCE_MOVED = 0.05


def search_since(duties: Sequence[Duty], threshold: float,
                 limits: tuple[int, int, int] | None,
                 alone: list[tuple[frozenset[str], frozenset[str]]],
                 whole: list[frozenset[str]], prior: Prior,
                 index_out: list[Index] | None = None
                 ) -> tuple[list[tuple[int, int, float]], Scored] | None:
    """`reported_any`'s pairs (in another order: the same list sorted alike) and its
    `Scored`, from an earlier search (`prior`) of duties that differ from these only in the
    texts of a few: only the scans of views whose pairs may have changed run again. None
    when `prior` is not of this threshold, these bounds and this many duties, or too many
    duties changed (`SINCE_CHANGED`). With the earlier search's `Index` (`prior`'s fifth),
    the moved views are scanned again from its lists (`_since_index`); without it, when a
    weight moved in too many views (`SINCE_MOVED`), every one is. `index_out` (if given)
    receives this search's `Index` when it made one.

    Why the rest are the earlier verdicts: a word changed moves the weights (IDF, by how
    many duties hold a feature) of the features it removed and added, and the rarity rank
    (by how many distinct views hold it) of those it changed the count of; a view
    (`_Doc`: its order, weights, rests and total) holding none of the first, nor one of
    the second together with a feature it now sorts on the other side of (`_reordered`),
    is the one made before, and views keep their order among themselves unless a changed
    duty's view is or was the first of its features (`_copies`). A view that is none of
    these (`moved`) and reads no posting list a moved view is or was in scans the same
    entries in the same order (a list of unmoved views only: the same entries, keys and
    order), so finds the same candidates, within the same budgets, and scores them the
    same (the same views, the same weights): its kept pairs stand. Every other view (a
    moved one, or one whose prefix shares a feature with a moved one's prefix, before or
    after) is scanned again on the new posting lists, as the full search scans it. A
    kept pair is the scan of its earlier view, so it is kept when both views are unmoved
    and that one is not scanned again. Copies (`_copies`) are paired again in full."""
    if len(prior) not in (4, 5):
        return None
    p_threshold, p_limits, before, p_scored = prior[:4]
    p_index = prior[4] if len(prior) == 5 else None
    if p_index is not None and not (isinstance(p_index, tuple) and len(p_index) == 5):
        return None
    bounds = limits or (MAX_POSTING, MAX_SCAN, MAX_CANDIDATES)
    max_posting, max_scan, max_cand = bounds
    n = len(duties)
    if p_threshold != threshold or tuple(p_limits) != bounds or len(before) != n:
        return None
    changed = [i for i, (was, now) in enumerate(zip(before, duties, strict=True)) if was != now]
    if len(changed) > max(4, int(n * SINCE_CHANGED)):
        return None
    old_alone = list(alone)
    old_whole = list(whole)
    for i in changed:
        name, description = before[i]
        fn, fd = features(name or ""), features(description or "")
        old_alone[i] = (fn, fd)
        old_whole[i] = fn | fd
    out: list[tuple[int, int, float]] = []
    views, owner = _views(duties, alone, whole)

    def pair(x: int, y: int, score: float) -> None:
        i, j = owner[x], owner[y]
        if i != j:
            out.append((i, j, score))

    members = _copies(views, pair)
    reps = list(members)
    rep_sets = [views[r] for r in reps]
    index = {fs: a for a, fs in enumerate(rep_sets)}
    old_views, old_owner = _views_before(views, owner, before, old_alone, old_whole, changed)
    old_first = dict.fromkeys(old_views)  # the distinct views then, in order
    old_reps = list(old_first)
    gone = [fs for fs in old_reps if fs not in index]
    came = [fs for fs in rep_sets if fs not in old_first]
    # how many duties hold each feature (its weight), and how many distinct views (its rank):
    # the earlier search's counts with the changed duties' and views' moved, when kept
    if p_index is not None:
        df = _counted(p_index[3], [old_whole[i] for i in changed], [whole[i] for i in changed])
        rep_df = _counted(p_index[4], gone, came)
    else:
        df = Counter(chain.from_iterable(whole))
        rep_df = Counter(chain.from_iterable(rep_sets))
    df_was: Counter[str] = Counter()  # before less now
    for i in changed:
        df_was.update(old_whole[i])
        df_was.subtract(whole[i])
    weight = weights(df, n)
    rank = {f: k for k, f in enumerate(sorted(rep_df, key=lambda f: (rep_df[f], f)))}
    concepts = frozenset([f for f in rep_df if f[0] == "c"])
    k = threshold / (1 + threshold)
    indexed = {f for f, c in rep_df.items() if c <= max_posting}
    scored: Scored = []

    def full() -> tuple[list[tuple[int, int, float]], Scored]:
        """Every view scanned again, as the full search scans them."""
        docs = [_doc(fs, weight, rank, concepts) for fs in rep_sets]
        postings = _prefix_index(docs, threshold, k, indexed)
        totals = [doc.total for doc in docs]
        work = {"scanned": 0, "scored": 0}
        for a in range(len(docs)):
            scored.extend((a, b, score) for b, score in _scored(
                a, docs, totals, weight, postings, threshold, k, max_scan, max_cand, work))
        scored.sort()
        _pair_members(scored, members, reps, pair)
        if index_out is not None:
            index_out.append(_index_of(totals, postings, df, rep_df))
        return out, scored

    # a weight moved in more views than `SINCE_MOVED`: without the earlier posting lists
    # (`Index`), each is scanned again (what is compared below would cost more than it saves)
    heavy = max((rep_df[f] for f, d in df_was.items() if d), default=0) > \
        len(reps) * SINCE_MOVED
    if heavy and p_index is None:
        return full()
    if any(not 0 <= a < b < len(old_reps) for a, b, _ in p_scored):
        return None
    rep_was: Counter[str] = Counter()  # before less now
    for fs in gone:
        rep_was.update(fs)
    for fs in came:
        rep_was.subtract(fs)
    weighed = {f for f, d in df_was.items() if d}  # weight moved
    ranked = {f for f, d in rep_was.items() if d} - weighed  # rank moved, weight the same
    changed_set = set(changed)
    moved = set(gone) | set(came)
    moved.update(fs for fs in rep_sets if not fs.isdisjoint(weighed))
    moved.update(fs for fs in old_reps if not fs.isdisjoint(weighed))
    if ranked:
        moved.update(_reordered(ranked, rep_df, rep_was, rank, max_posting, rep_sets, old_reps))
    moved.update(rep_sets[a] for a, r in enumerate(reps) if owner[r] in changed_set)
    # (a view first held by a changed duty then is one of a changed duty's views then)
    moved.update(fs for fs in chain.from_iterable(
        old_views[bisect_left(old_owner, i):bisect_right(old_owner, i)] for i in changed)
        if old_owner[old_views.index(fs)] in changed_set)

    # the views' `_Doc`s, their prefixes and the posting lists, made as they are read (a
    # word changed reads a few of them): each as the full search makes it
    lazy = _Docs(rep_sets, weight, rank, concepts)
    if p_index is not None:
        made = _since_index(p_index, p_scored, rep_sets, old_reps, moved, index, lazy,
                            indexed, threshold, k, (max_scan, max_cand), weight)
        if made is not None:
            scored, made_index = made
            _pair_members(scored, members, reps, pair)
            if index_out is not None:
                index_out.append((*made_index, df, rep_df))
            return out, scored
    if heavy:
        return full()
    prefixes: dict[int, frozenset[str]] = {}

    def prefix(a: int) -> frozenset[str]:
        found = prefixes.get(a)
        if found is None:
            found = prefixes[a] = frozenset(_prefix(lazy[a], threshold))
        return found

    lists: dict[str, list[tuple[float, int, float]]] = {}

    def list_out(wanted: Iterable[str]) -> None:
        """`_prefix_index`'s lists of the `wanted` features, put in `lists`."""
        wanted = {f for f in wanted if f not in lists and f in indexed}
        if not wanted:
            return
        held: dict[str, list[int]] = defaultdict(list)
        for j, fs in enumerate(rep_sets):
            if not fs.isdisjoint(wanted):
                for f in fs & wanted:
                    held[f].append(j)
        for f in wanted:
            entries = []
            for j in held[f]:
                if f in prefix(j):
                    doc = lazy[j]
                    rest = doc.rest[doc.order.index(f)]
                    entries.append((rest - k * doc.total, j, rest))
            entries.sort(reverse=True)
            lists[f] = entries

    again = _again(moved, index, old_first, prefix, list_out, lists, n, df, df_was,
                   rep_df, rep_was, concepts, threshold)
    for a_was, b_was, score in p_scored:
        fa, fb = old_reps[a_was], old_reps[b_was]
        if fa in moved or fb in moved:
            continue
        a, b = index[fa], index[fb]
        if a not in again:  # a < b: unmoved views keep their order
            scored.append((a, b, score))
    work = {"scanned": 0, "scored": 0}
    list_out(chain.from_iterable(prefix(a) for a in again))
    lazy_totals = _Totals(lazy)
    for a in again:
        scored.extend((a, b, score) for b, score in _scored(
            a, lazy, lazy_totals, weight, lists, threshold, k, max_scan, max_cand, work))
    scored.sort()
    _pair_members(scored, members, reps, pair)
    return out, scored


def _since_index(p_index: Index, p_scored: Scored, rep_sets: list[frozenset[str]],
                 old_reps: list[frozenset[str]], moved: set[frozenset[str]],
                 index: dict[frozenset[str], int], lazy: _Docs, indexed: set[str],
                 threshold: float, k: float, bounds: tuple[int, int],
                 weight: dict[str, float]
                 ) -> tuple[Scored, tuple[list[float], list[tuple[str, ...]],
                                          dict[str, list[tuple[float, int, float]]]]] | None:
    """`search_since`'s `Scored` (sorted) and the search's `Index` but its counts, from the earlier
    search's (`p_index`, `p_scored`) and the views `moved` (`_Doc`s made otherwise, or no
    longer or newly there); None when the `Index` is not of `old_reps`.

    Why: the posting lists are the earlier ones with the moved views' entries made again
    (an unmoved view's are the ones made before: its `_Doc` is; unmoved views keep their
    order among themselves, so only their places are renumbered). A view whose scan
    reads no list a moved view is or was in scans as before. One that does, when its
    lists hold too few entries to reach a budget (`MAX_SCAN`, `MAX_CANDIDATES`), before
    and now, takes as candidates every later view with which it shares a list where the
    bounds hold (`_candidates`' tests, each reading only the two views' entries and
    totals): its earlier candidates that are not moved, and the moved ones found from
    their lists, tested and scored here; any other such view, and every moved one, is
    scanned again. So a word a tenth of the duties hold (its weight moved in a tenth of
    the views) rescans those views, not all of them."""
    totals_was, pre_was, lists_was = p_index[:3]
    size = len(rep_sets)
    if len(totals_was) != len(old_reps) or len(pre_was) != len(old_reps):
        return None
    moves = {index[fs] for fs in moved if fs in index}
    gone = [p for p, fs in enumerate(old_reps) if fs in moved]  # places of moved views then
    max_scan, max_cand = bounds
    same = len(old_reps) == size and all(
        was is now or was == now or (was in moved and now in moved)
        for was, now in zip(old_reps, rep_sets, strict=True))
    if same:  # every unmoved view at its place
        totals = list(totals_was)
        pre = list(pre_was)
        lists = dict(lists_was)
        out = set(gone)
    else:  # renumbered: `place[p]`, the place now of the unmoved view at `p` then
        place: dict[int, int] = {}
        for p, fs in enumerate(old_reps):
            if fs not in moved:
                q = index.get(fs)
                if q is None:
                    return None
                place[p] = q
        ranks = list(place.values())
        if ranks != sorted(ranks) or len(place) + len(moves) != size:
            return None
        totals = [0.0] * size
        pre = [()] * size
        for p, q in place.items():
            totals[q] = totals_was[p]
            pre[q] = pre_was[p]
        lists = {}
        for f, entries in lists_was.items():
            now_entries = [(key, place[j], rest) for key, j, rest in entries if j in place]
            if now_entries:
                now_entries.sort(reverse=True)
                lists[f] = now_entries
        out = set()  # moved entries dropped already
    touched: set[str] = set()
    for p in gone:
        touched.update(pre_was[p])
    adds: dict[str, list[tuple[float, int, float]]] = defaultdict(list)
    keys: dict[int, list[float]] = {}  # each moved view's keys in its lists, as `pre`
    for a in moves:  # as `_prefix_index` makes the entries
        doc = lazy[a]
        total = totals[a] = doc.total
        floor = threshold * total - 1e-9
        mine = []
        mine_keys = []
        for f, rest in zip(doc.order, doc.rest, strict=True):
            if rest < floor:
                break
            if f in indexed:
                key = rest - k * total
                adds[f].append((key, a, rest))
                mine.append(f)
                mine_keys.append(key)
        touched.update(mine)
        pre[a] = tuple(mine)
        keys[a] = mine_keys
    for f in touched:
        entries = [e for e in lists.get(f, ()) if e[1] not in out]
        if entries and f not in indexed:
            return None  # (an unmoved view holding a feature no longer indexed is moved)
        entries += adds.get(f, ())
        if entries:
            entries.sort(reverse=True)
            lists[f] = entries
        else:
            lists.pop(f, None)
    # the unmoved views reading a list that changed: scanned again when a budget may bind
    scan = set(moves)
    limit = min(max_cand, max_scan + 1)
    checked: set[int] = set()
    for f in touched:
        for _, x, _ in lists.get(f, ()):
            if x in scan or x in checked:
                continue
            checked.add(x)
            feats = pre[x]
            # (lists, not generators: a tenth of this loop)
            if sum([len(lists_was.get(g, ())) for g in feats]) >= limit or \
                    sum([len(lists.get(g, ())) for g in feats]) >= limit:
                scan.add(x)
    scored: Scored = []
    for a_was, b_was, score in p_scored:
        if same:
            a, b = a_was, b_was
        else:
            a, b = place.get(a_was, -1), place.get(b_was, -1)
            if a < 0 or b < 0:
                continue  # a moved view's
        if a not in scan and b not in moves:
            scored.append((a, b, score))
    work = {"scanned": 0, "scored": 0}
    get = weight.__getitem__
    views, concepts = lazy.views, lazy.concepts
    known: dict[int, frozenset[str]] = {}  # view -> its concepts, as its `_Doc` has them
    for a in scan:
        if pre[a]:  # (no list read, no candidate)
            doc = lazy[a]
            for b, score in _scores_kept(
                    doc.features, doc.concepts, doc.total,
                    _candidates(a, doc, totals, lists, threshold, k, max_scan, max_cand, work),
                    views, totals, known, concepts, get, threshold):
                scored.append((a, b, score))
    # the others' candidates among the moved views: `_candidates`' tests on each list
    # they share, with the earlier view scanning
    found: dict[int, set[int]] = defaultdict(set)
    for j in moves:
        total_j = totals[j]
        for f, key_j in zip(pre[j], keys[j], strict=True):
            for _, x, rest in lists[f]:
                if x < j and x not in scan:
                    total = totals[x]
                    if key_j >= k * total - 1e-9 and rest >= k * (total + total_j) - 1e-9:
                        # `_scores`' first test, before the doc is made
                        small, large = (total, total_j) if total <= total_j else \
                            (total_j, total)
                        if not small < threshold * large:
                            found[x].add(j)
    for x, cands in found.items():
        fs = views[x]
        for b, score in _scores_kept(fs, fs & concepts, totals[x], sorted(cands), views,
                                     totals, known, concepts, get, threshold):
            scored.append((x, b, score))
    scored.sort()
    return scored, (totals, pre, lists)


def _scores_kept(fs: frozenset[str], mine: frozenset[str], total: float,
                 candidates: Iterable[int], views: list[frozenset[str]], totals: list[float],
                 known: dict[int, frozenset[str]], concepts: frozenset[str],
                 get: Callable[[str], float], threshold: float) -> list[tuple[int, float]]:
    """`_scores` of a view (its features `fs`, concepts `mine`, total) against each of
    `candidates`, read without their `_Doc`s: each one's features (`views`), total
    (`totals`: a moved view's made now, another's the one its `_Doc` made before, which is
    the `_Doc` made now) and concepts (`fs & concepts`, as `_doc` takes them, kept in
    `known` once taken). The same tests in the same order: a `_Doc` shell per candidate was
    a tenth of a word change's search."""
    out: list[tuple[int, float]] = []
    for b in candidates:
        o_total = totals[b]
        small, large = (total, o_total) if total <= o_total else (o_total, total)
        if small < threshold * large:
            continue  # Jaccard is at most min/max of the two weights
        ofs = views[b]
        if mine:
            theirs = known.get(b)
            if theirs is None:
                theirs = known[b] = ofs & concepts
            if theirs and mine.isdisjoint(theirs):
                continue
        shared = sum(map(get, fs & ofs))
        union = total + o_total - shared
        score = shared / union if union else 0.0
        if score >= threshold:
            out.append((b, round(score, 3)))
    return out


def _pair_members(scored: Scored, members: dict[int, list[int]], reps: list[int],
                  pair: Callable[[int, int, float], None]) -> None:
    """`pair` each view of each scored pair's first with each of its second's (`_copies`'
    members)."""
    for a, b, score in scored:
        for x in members[reps[a]]:
            for y in members[reps[b]]:
                pair(x, y, score)


class _Docs(dict[int, "_Doc"]):
    """View index -> its `_Doc`, made on first read."""

    def __init__(self, views: list[frozenset[str]], weight: dict[str, float],
                 rank: dict[str, int], concepts: frozenset[str]) -> None:
        super().__init__()
        self.views, self.weight, self.rank, self.concepts = views, weight, rank, concepts

    def __missing__(self, a: int) -> _Doc:
        doc = self[a] = _doc(self.views[a], self.weight, self.rank, self.concepts)
        return doc


class _Totals(dict[int, float]):
    """View index -> its `_Doc`'s total, read from `docs`."""

    def __init__(self, docs: _Docs) -> None:
        super().__init__()
        self.docs = docs

    def __missing__(self, a: int) -> float:
        total = self[a] = self.docs[a].total
        return total


def _reordered(ranked: set[str], rep_df: Counter[str], rep_was: Counter[str],
               rank: dict[str, int], max_posting: int, *views: list[frozenset[str]]
               ) -> Iterator[frozenset[str]]:
    """The `views` whose `_Doc` a change of how many distinct views hold the features of
    `ranked` (their weights the same) may change: a feature's rank is its place among all
    by (count, feature), so a view holding it is ordered otherwise only when it holds
    another feature whose place lies between its place before and now, or one of
    `ranked` it was before and is not now before (or the other way round); a feature that
    was or is now no longer indexed (`MAX_POSTING`) moves every view
    holding it. `rank`: each feature's place now; `rep_was`: each count before less now."""
    order = sorted(rank, key=rank.__getitem__)
    keys = [(rep_df[f], f) for f in order]
    near: dict[str, set[str]] = {}
    for f in ranked:
        was, now = (rep_df[f] + rep_was[f], f), (rep_df[f], f)
        if (was[0] <= max_posting) != (now[0] <= max_posting):
            near[f] = set(rank)  # every view holding it
            continue
        lo, hi = min(was, now), max(was, now)
        near[f] = set(order[bisect_left(keys, lo):bisect_right(keys, hi)]) - ranked
        near[f].update(g for g in ranked if (was < (rep_df[g] + rep_was[g], g))
                       != (now < (rep_df[g], g)))
    for group in views:
        for fs in group:
            if not fs.isdisjoint(ranked) and any(not fs.isdisjoint(near[f])
                                                for f in fs & ranked):
                yield fs


def _again(moved: set[frozenset[str]], index: dict[frozenset[str], int],
           old_first: dict[frozenset[str], None], prefix: Callable[[int], frozenset[str]],
           list_out: Callable[[Iterable[str]], None],
           postings: dict[str, list[tuple[float, int, float]]], n: int, df: Counter[str],
           df_was: Counter[str], rep_df: Counter[str], rep_was: Counter[str],
           concepts: frozenset[str], threshold: float) -> set[int]:
    """`search_since`'s views to scan again: the `moved` ones, and those whose prefix
    shares a feature with a moved one's, now or before (they read a posting list it is or
    was in: `list_out` puts those lists in `postings`). `df_was`, `rep_was`: each count
    before less now."""
    touched: set[str] = set()
    for fs in moved:
        a = index.get(fs)
        if a is not None:
            touched.update(prefix(a))
        if fs in old_first:
            was = {f: math.log(1 + n / (df[f] + df_was[f])) for f in fs}
            order = {f: (rep_df[f] + rep_was[f], f) for f in fs}
            touched.update(_prefix(_doc(fs, was, order, concepts), threshold))
    again = {index[fs] for fs in moved if fs in index}
    list_out(touched)
    for f in touched:
        again.update(j for _, j, _ in postings.get(f, ()))
    return again


def _prefix(doc: _Doc, threshold: float) -> list[str]:
    """The features of `doc` its scan reads the posting lists of, and it is listed in
    (`_prefix_index`, `_candidates`)."""
    floor = threshold * doc.total - 1e-9
    out = []
    for f, rest in zip(doc.order, doc.rest, strict=True):
        if rest < floor:
            break
        out.append(f)
    return out


def owned(pairs: list[tuple[int, int, float]], groups: Sequence[str]
          ) -> list[tuple[int, int, float]]:
    """The pairs of `pairs` (`reported_any`'s) that `_search` reports for `groups`."""
    return [p for p in pairs if groups[p[0]] != groups[p[1]] or p[2] >= SAME_OWNER]


# `differ`'s verdict by all it reads (`verdict_key`)
Verdicts = dict[tuple[str | None, str | None, str | None, str | None, bool], bool]


def verdict_key(duties: Sequence[Duty], groups: Sequence[str], i: int, j: int
                ) -> tuple[str | None, str | None, str | None, str | None, bool]:
    """All `_differ`'s `differ(i, j)` reads: both duties' texts (their features, read
    from `whole`, are the texts' `features`) and whether one owner holds both."""
    (na, da), (nb, db) = duties[i], duties[j]
    return na, da, nb, db, groups[i] == groups[j]


def _differ(duties: Sequence[Duty], whole: Sequence[frozenset[str]] | Mapping[int, frozenset[str]],
            groups: Sequence[str], verdicts: Verdicts | None = None
            ) -> Callable[[int, int], bool]:
    """Whether paths/ids, a split of acts or a template slot set duties i and j apart, or,
    for two duties of one owner (`groups`), any word of their texts (`_copy`). With
    `verdicts`, each verdict is looked up there by `verdict_key` first, and put there when
    judged (a warm re-check's regrouping at 5,000 teams judged ~2,700 pairs of texts,
    mostly unchanged, in 0.15-0.3 s: `substituted` splits each text into units again)."""
    def differ(i: int, j: int) -> bool:
        if groups[i] == groups[j] and _copy(duties[i]) != _copy(duties[j]):
            return True
        if _atoms_differ(whole[i], whole[j]) or _acts_contrast(whole[i], whole[j]):
            return True
        (na, da), (nb, db) = duties[i], duties[j]
        return bool((na and nb and substituted(na, nb)) or (da and db and substituted(da, db)))

    if verdicts is None:
        return differ

    def looked_up(i: int, j: int) -> bool:
        key = verdict_key(duties, groups, i, j)
        found = verdicts.get(key)
        if found is None:
            found = verdicts[key] = differ(i, j)
        return found

    return looked_up


def _copy(duty: Duty) -> tuple[str, str]:
    """A duty's (name, description) as a copy of it reads: folded as names are compared
    (`text.fold.fold_name`: case, width, Traditional for Simplified, spacing) and without
    punctuation. The features fold concepts too (审核 and 复核 are both `review`): two
    duties of one owner that differ in a word are two steps, not a copy-pasted duty."""
    from orgspec.text.fold import fold_name

    return tuple(  # type: ignore[return-value]
        "".join(ch for ch in fold_name(text or "") if not unicodedata.category(ch).startswith("P"))
        for text in duty)


def _search(duties: Sequence[Duty], groups: Sequence[str], threshold: float, report: Report,
            stats: dict[str, int] | None, limits: tuple[int, int, int] | None,
            alone: list[tuple[frozenset[str], frozenset[str]]] | None = None,
            whole: list[frozenset[str]] | None = None,
            scored: list[tuple[int, int, float]] | None = None,
            index: list[Index] | None = None) -> None:
    """Calls `report(i, j, score, differ)` for duties i != j of different groups whose
    views score at least `threshold`, or of one group at `SAME_OWNER` (a pair may be
    reported more than once, by several views); `differ(i, j)` tells whether paths/ids or
    a template slot set them apart.
    `alone`, `whole`: each duty's name's and description's features and their union
    (computed when not given). `scored` (if given) receives the scored pairs of distinct
    views (`Scored`), what `search_since` reuses, and `index` its `Index`."""
    max_posting, max_scan, max_cand = limits or (MAX_POSTING, MAX_SCAN, MAX_CANDIDATES)
    if alone is None:
        alone = _alone(duties, None)
    if whole is None:
        whole = [fn | fd for fn, fd in alone]
    df = Counter(chain.from_iterable(whole))  # a generator per feature costs a sixth more
    weight = weights(df, len(duties))
    views, owner = _views(duties, alone, whole)
    differ = _differ(duties, whole, groups)

    def pair(x: int, y: int, score: float) -> None:
        i, j = owner[x], owner[y]
        if i != j and (groups[i] != groups[j] or score >= SAME_OWNER):
            report(i, j, score, differ)

    members = _copies(views, pair)
    reps = list(members)
    rep_df = Counter(chain.from_iterable([views[r] for r in reps]))
    rank = {f: k for k, f in enumerate(sorted(rep_df, key=lambda f: (rep_df[f], f)))}
    concepts = frozenset([f for f in rep_df if f[0] == "c"])
    docs = [_doc(views[r], weight, rank, concepts) for r in reps]
    k = threshold / (1 + threshold)
    indexed = {f for f, c in rep_df.items() if c <= max_posting}
    postings = _prefix_index(docs, threshold, k, indexed)
    work = {"scanned": 0, "scored": 0}
    totals = [doc.total for doc in docs]
    for a in range(len(docs)):
        for b, score in _scored(a, docs, totals, weight, postings, threshold, k, max_scan,
                                max_cand, work):
            if scored is not None:
                scored.append((a, b, score))
            for x in members[reps[a]]:
                for y in members[reps[b]]:
                    pair(x, y, score)
    if stats is not None:
        stats.update(work)
    if index is not None:
        index.append(_index_of(totals, postings, df, rep_df))


def _index_of(totals: list[float], postings: dict[str, list[tuple[float, int, float]]],
              df: Counter[str], rep_df: Counter[str]) -> Index:
    """The `Index` of a search whose docs have `totals`, whose lists are `postings` and
    whose counts are `df` (duties) and `rep_df` (distinct views)."""
    pre: list[list[str]] = [[] for _ in totals]
    for f, entries in postings.items():
        for _, j, _ in entries:
            pre[j].append(f)
    return totals, [tuple(p) for p in pre], dict(postings), df, rep_df


def _counted(kept: Counter[str], less: list[frozenset[str]], more: list[frozenset[str]]
             ) -> Counter[str]:
    """`kept`'s counts (a copy) less one for each feature of each of `less`, plus one for
    each of `more`'s; a feature counted nowhere then is dropped, as a count from scratch
    has it not."""
    out = Counter(kept)
    for fs in less:
        out.subtract(fs)
    for fs in more:
        out.update(fs)
    for fs in less:
        for f in fs:
            if out.get(f, 0) <= 0:
                out.pop(f, None)
    return out


def _views(duties: Sequence[Duty], alone: Sequence[tuple[frozenset[str], frozenset[str]]],
           whole: Sequence[frozenset[str]]) -> tuple[list[frozenset[str]], list[int]]:
    """The views searched (each duty's features and, when it has both a name and a
    description, each alone; empty ones and repeats within a duty dropped) and the duty
    of each."""
    views: list[frozenset[str]] = []
    owner: list[int] = []
    for i, (name, description) in enumerate(duties):
        parts = [whole[i]]
        if name and description:
            parts += list(alone[i])
        for fs in dict.fromkeys(parts):
            if fs:
                views.append(fs)
                owner.append(i)
    return views, owner


def _views_before(views: list[frozenset[str]], owner: list[int], before: Sequence[Duty],
                  old_alone: Sequence[tuple[frozenset[str], frozenset[str]]],
                  old_whole: Sequence[frozenset[str]], changed: list[int]
                  ) -> tuple[list[frozenset[str]], list[int]]:
    """`_views(before, old_alone, old_whole)` from `_views`' `views` and `owner` of duties
    that differ from `before` only at `changed` (ascending): their views spliced in (each
    duty's views are one run of `views`; `owner` ascends), not all made again."""
    old_views: list[frozenset[str]] = []
    old_owner: list[int] = []
    at = 0
    for i in changed:
        lo, hi = bisect_left(owner, i, at), bisect_right(owner, i, at)
        old_views += views[at:lo]
        old_owner += owner[at:lo]
        mine, _ = _views([before[i]], [old_alone[i]], [old_whole[i]])
        old_views += mine
        old_owner += [i] * len(mine)
        at = hi
    old_views += views[at:]
    old_owner += owner[at:]
    return old_views, old_owner


def _copies(views: list[frozenset[str]], pair: Callable[[int, int, float], None]
            ) -> dict[int, list[int]]:
    """Views with the same features, paired at 1.0 (`pair(x, y, 1.0)`): the first `HEAD`
    of them with each other, later ones with the first. Each distinct view's first index
    -> its first HEAD views, in view order."""
    # each view's first place, made in C (the last write of a reversed pass is the first
    # place): a loop over every view was 5 % of a word change's search; only the copies,
    # a few, are visited one by one, in view order as the pairs were always made
    first = dict(zip(reversed(views), range(len(views) - 1, -1, -1), strict=True))
    members = {x: [x] for x in sorted(first.values())}  # representative -> its first HEAD
    if len(first) == len(views):
        return members
    for x in [x for x, fs in enumerate(views) if first[fs] != x]:
        head = members[first[views[x]]]
        if len(head) < HEAD:
            for y in head:
                pair(y, x, 1.0)
            head.append(x)
        else:  # a copy beyond the head: paired with the first of the head, another duty
            # (the head's duties are joined already, whatever their groups: they read the same)
            pair(head[0], x, 1.0)
    return members


def _scored(a: int, docs: Sequence[_Doc] | Mapping[int, _Doc],
            totals: Sequence[float] | Mapping[int, float], weight: dict[str, float],
            postings: dict[str, list[tuple[float, int, float]]], threshold: float, k: float,
            max_scan: int, max_cand: int, work: dict[str, int]) -> list[tuple[int, float]]:
    """The candidates b > a of doc `a` (`_candidates`) scoring at least `threshold`, with
    their score rounded to 3 places. Each scored here (weighted Jaccard on prepared
    views, skipping the work when a bound already fails), not by a call: a call per
    candidate was a tenth of the search."""
    doc = docs[a]
    return _scores(doc.features, doc.concepts, doc.total,
                   _candidates(a, doc, totals, postings, threshold, k, max_scan, max_cand, work),
                   docs, weight.__getitem__, threshold)


def _scores(fs: frozenset[str], known: frozenset[str], total: float, candidates: Iterable[int],
            docs: Sequence[_Doc] | Mapping[int, _Doc], get: Callable[[str], float],
            threshold: float) -> list[tuple[int, float]]:
    """`_scored`'s scoring of a doc (its features `fs`, concepts `known`, total) against
    each of `candidates` (`get`: each feature's weight)."""
    out: list[tuple[int, float]] = []
    for b in candidates:
        od = docs[b]
        small, large = (total, od.total) if total <= od.total else (od.total, total)
        if small < threshold * large:
            continue  # Jaccard is at most min/max of the two weights
        if known and od.concepts and known.isdisjoint(od.concepts):
            continue
        shared = sum(map(get, fs & od.features))
        union = total + od.total - shared
        score = shared / union if union else 0.0
        if score >= threshold:
            out.append((b, round(score, 3)))
    return out


def weights(df: Counter[str], n: int) -> dict[str, float]:
    """IDF weights: rare features say more about which duty it is."""
    return {f: math.log(1 + n / c) for f, c in df.items()}


class _Doc:
    """A description's features in global rarity order, with the weight left from each."""

    __slots__ = ("concepts", "features", "order", "rest", "total")

    def __init__(self, fs: frozenset[str], concepts: frozenset[str], order: list[str],
                 rest: list[float], total: float) -> None:
        self.features = fs
        self.concepts = concepts  # its glossary concepts (`c:`)
        self.order = order
        self.rest = rest  # weight of the features from this one onwards
        self.total = total


def _doc(fs: frozenset[str], weight: Mapping[str, float], rank: Mapping[str, Any],
         concepts: frozenset[str]) -> _Doc:
    """`fs` prepared: its features in rarity order (`rank`), their weights summed in that
    order (not the set's, which varies from process to process with the strings' hashes:
    a `_Doc` is then a function of its features, their weights and their relative ranks,
    and one kept from an earlier run is the one made now when those are the same,
    `_docs`), the weight left from each. `concepts`: every concept feature."""
    order = sorted(fs, key=rank.__getitem__)
    ws = list(map(weight.__getitem__, order))
    total = sum(ws)
    rest = list(accumulate(ws, sub, initial=total))
    rest.pop()
    return _Doc(fs, fs & concepts, order, rest, total)


def _prefix_index(docs: list[_Doc], threshold: float, k: float,
                  indexed: set[str]) -> dict[str, list[tuple[float, int, float]]]:
    """Feature -> [(rest - k * total, doc, rest)], best first: a pair at or above the
    threshold has `rest_y - k * total_y >= k * total_x` at its first shared feature.
    Only `indexed` features (held by at most MAX_POSTING duties) get postings."""
    postings: dict[str, list[tuple[float, int, float]]] = defaultdict(list)
    for j, doc in enumerate(docs):
        total = doc.total
        floor = threshold * total - 1e-9  # `_Doc.prefix`, inlined
        for f, rest in zip(doc.order, doc.rest, strict=True):
            if rest < floor:
                break
            if f in indexed:
                postings[f].append((rest - k * total, j, rest))
    for entries in postings.values():
        entries.sort(reverse=True)
    return postings


def _candidates(i: int, doc: _Doc, totals: Sequence[float] | Mapping[int, float],
                postings: dict[str, list[tuple[float, int, float]]], threshold: float,
                k: float, max_scan: int, max_cand: int, work: dict[str, int]) -> list[int]:
    """Distinct candidates j > i, rarest features first, within the scan and score budgets
    (`totals`: each doc's total). `_Doc.prefix` inlined: a generator's resumption per
    feature was a fifth of this scan."""
    total = doc.total
    bound = k * total - 1e-9
    floor = threshold * total - 1e-9
    seen: set[int] = set()
    found: list[int] = []
    scanned = 0
    get = postings.get
    for f, rest in zip(doc.order, doc.rest, strict=True):
        if rest < floor:
            break
        for key, j, _ in get(f, ()):
            scanned += 1
            if key < bound or scanned > max_scan:
                break
            # j > i: a qualifying pair passes this bound from both sides, so one suffices
            if j > i and j not in seen and rest >= k * (total + totals[j]) - 1e-9:
                seen.add(j)
                found.append(j)
                if len(seen) >= max_cand:
                    break
        if scanned > max_scan or len(seen) >= max_cand:
            break
    work["scanned"] += min(scanned, max_scan)
    work["scored"] += len(seen)
    return found


def _similarity(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    """Weighted Jaccard; 0 when both name glossary concepts but share none of them, since
    duties that agree on no action and no object differ whatever proper nouns they share
    (the search also scores 0 when they name different paths/ids or fill one template's
    slot differently)."""
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
    if _atoms_differ(feats[0], feats[1]) or _acts_contrast(feats[0], feats[1]) \
            or substituted(a, b):
        return 0.0
    df = Counter(f for fs in feats for f in fs)
    return _similarity(feats[0], feats[1], weights(df, len(texts)))

