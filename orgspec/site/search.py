"""The site's search index: CJK unigrams and bigrams, Latin words and prefixes, in JS shards.

A document is `[kind, title, url, sub, text]`, or `[kind, title, url, sub, text, other]`
for a person or team with a name in the other script than its title's (`Doc.other`: Jimmy
Lin beside 林志豪, shown beside the title in a hit and found as the title is). Tokens (the
same rules as `search.js`):

- a run of CJK characters gives each character and each pair of neighbours (`投诉处理` ->
  投 诉 处 理 投诉 诉处 处理), so any substring of one or more characters is found exactly;
  and each pair one character apart, joined by `SKIP` (`退换货` -> 退_货), so a query's
  characters found in order with one character between two of them (退货 in 退换货, 客服 in
  客户服务) are a near hit, ranked after every exact one (`search.js`);
- a run of Latin letters and digits gives the lowercased word and its prefixes of 3 to
  `MAX_PREFIX` characters (`refunds` -> ref refu refun refund refunds), for type-ahead (a
  longer query word looks up its first `MAX_PREFIX` characters); full-width
  letters and digits (`ＫＰＩ`, `２０２６`) are read as ASCII first, in the index and the query;
- the id is indexed as words by the rule above (`complaint-handling` -> complaint handling),
  and so is each former id (`aliases:`, `Doc.former`), so a link or a habit that still says
  `tech` finds the team now called `engineering` (trial 33a: 沒有結果, though the old page
  redirected);
- a person's or team's id (and former id) is also indexed joined (`zhang-wei` -> zhangwei and its
  prefixes), so a name's pinyin typed without a space finds the person whose id spells it;
- a person's or team's Chinese name is also indexed by its pinyin, joined with prefixes and
  as initials (客服部 -> kefubu, kef..., kfb; `spelled`), for a reader without an input method;
- a weekday written 星期二 or 礼拜二 (星期天: 周日) is also indexed as 周二 (`WEEK`, `weekdays`),
  and `search.js` reads a query's the same way, so one way of writing it finds the others;
- a meeting is also indexed by the weekdays it is held on (`Doc.also`, not stored: a
  daily meeting's every day, a workday one's Monday to Friday) as 周一 and `monday` (with
  its prefixes: mon, mond, monda), so `周二`, `星期二`, `週二`, `Tuesday` or `tue` finds
  the meetings the calendar shows on Tuesday; a weekday's abbreviation (`DAY_ABBREVIATIONS`:
  mon, tue, thurs ...) in a query means the weekday (`mon` finds no monthly meeting), and
  in a text it is also indexed as the weekday; `search.js` cuts a query's CJK run at each
  weekday (`周二晨会`: 周二 and 晨会, as typed with a space), since a meeting's days are
  indexed apart from its name;
- Traditional characters are folded to Simplified first (`orgspec.text.script.to_simplified`),
  so 處理 and 处理 find each other. `search.js` folds the query with the table in `meta.js`,
  which holds only the Traditional characters whose Simplified form occurs in the index or
  in `ASK`.

`search.js` drops the question words of `ASK` (in `meta.js`, longest first) from a folded,
lowercased query, and then the particles of `PARTICLES` that end it, so `谁负责退款？`,
`誰負責 退款` and `who owns refunds` search for 退款 and refunds (nothing is dropped when
nothing else would be left). A CJK run's leading frequency word (`EVERY`: 每, 每个) is
dropped when two characters or more are left, so `每週一` finds 周一.

Postings (token -> gap-encoded doc numbers with a title bit, see `build_index`) are spread
over `shards` files by a 32-bit FNV-1a hash
of the token's UTF-16 code units, which `search.js` computes the same way. Documents are
stored in chunks of `CHUNK` so a query loads a few small files. Every file is a JS call on a
global (`orgspecIndex.shard(3, {...})`), so `<script>` tags load it from `file://` too.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from orgspec.escape import is_text_joiner

CHUNK = 500  # documents per doc chunk: a query that lands in every kind loads five
DOCS_PER_SHARD = 500  # about this many documents per posting shard; at most MAX_SHARDS
MAX_SHARDS = 256
MIN_PREFIX = 3
# The longest prefix indexed: every prefix of a 10,000-letter word was 50 million characters
# of index. A longer query word looks up its first MAX_PREFIX characters (`search.js`).
MAX_PREFIX = 32
# Joins a skip-bigram's two characters: no Latin word holds `_` (`_RUNS`), so it cannot
# meet another token. Why skip-bigrams: 退货 is not a substring of 退换货, 客服 not of 客户服务
# (the coordinated and abbreviated words Chinese writes duties in); an index of pairs one
# apart finds them with the posting lookups search.js already makes, where matching in the
# browser would load every document holding both characters (tests/data/site-search-fuzzy).
SKIP = "_"
# CJK unified ideographs (+ext A, compatibility), kana and hangul count as CJK characters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_RUNS = re.compile(f"([{_CJK}]+)|((?:(?![{_CJK}])[^\\W_])+)")
_JS_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


# Control, bidi-override and invisible characters: shown as visible escapes (`\u202e`), so
# user text cannot reorder or hide what a page or a search result says.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """`text` with control and bidi characters replaced by visible `\\uXXXX` escapes; a
    joiner that is part of an emoji or a word (`escape.is_text_joiner`) is text and stays."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda m: m.group() if is_text_joiner(m.string, m.start())
                          else f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True)
class Doc:
    """One search hit: kind (team, person, duty, objective, process, position, meeting),
    title, link relative to the site root, a line shown under the title, and the searchable
    text."""

    kind: str
    ident: str
    title: str
    url: str
    sub: str
    text: str
    also: str = ""  # indexed as the text is, never stored: what a hit needs no check against
    # the name in the other script (`model.names.other_name`): stored, shown beside the
    # title, and indexed as the title is (a hit on it ranks as a title hit); stored apart
    # from `text`, not in it too, and only when given: the 500-team org with an English
    # name for each of its 5,032 people grew its index by 5,032 bytes (0.13 %)
    other: str = ""
    # the ids it had (`aliases:`, as the site redirects them): indexed as the id, not stored
    former: tuple[str, ...] = ()


# Question words a reader types around what they look for, Simplified and lowercase (the
# query is folded first, so 誰負責 and 哪個團隊 are dropped too): longest first in meta.js.
ASK = ("哪个团队负责", "哪个部门负责", "哪个团队", "哪个部门", "由谁负责", "谁来负责", "谁负责",
       "归谁管", "谁管", "找谁", "问谁", "是谁", "怎么办", "怎么", "如何",
       "who is responsible for", "who's responsible for", "who owns", "who handles",
       "which team owns", "which team handles", "which team", "how do i", "how to")
PARTICLES = "的吗呢"
# Frequency words that open a CJK run of a query (每週一, 每个直播), dropped when two or more
# characters are left: the text says 周一 or 直播脚本 as often as 每周一, and 每 is no key a
# reader means (每周 alone is kept). Simplified, the query is folded first; longest first.
EVERY = ("每一个", "每个", "每個", "每")
# Kinds whose id is also indexed joined: a person's or team's id is often its name's pinyin
# (zhang-wei); joining every id would grow the index by a quarter (acme, trial 3), people
# and teams by about a tenth.
JOINED_KINDS = frozenset({"person", "team"})  # dropped at the end of a query that asked a question
# Words a weekday is written with besides 周 (週 and 禮拜 fold to 周 and 礼拜 first): 星期二 and
# 礼拜二 are read as 周二, 星期天 as 周日, in the index (beside their own tokens) and in a query
# (search.js, `meta.week`). 周天 is not: 一周天气 is no Sunday.
WEEK = ("星期", "礼拜")
_WEEKDAY = re.compile(f"(?:{'|'.join(WEEK)})([一二三四五六日天])")
# The weekdays, Monday first, as a meeting held on one is indexed (`Doc.also`).
DAY_WORDS = (("周一", "monday"), ("周二", "tuesday"), ("周三", "wednesday"),
             ("周四", "thursday"), ("周五", "friday"), ("周六", "saturday"), ("周日", "sunday"))
# A weekday's abbreviations: a query word that is one looks up the weekday, not the words it
# begins (`mon` is Monday, not monthly: `search.js`, `meta.days`), and a text's word that is
# one is also indexed as the weekday (`Mon-Fri 8:00`).
DAY_ABBREVIATIONS = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
                     "weds": "wednesday", "thu": "thursday", "thur": "thursday",
                     "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday"}


def weekdays(text: str) -> str:
    """`text` with each weekday written with a `WEEK` word as 周 writes it (星期天: 周日)."""
    return _WEEKDAY.sub(lambda m: "周" + ("日" if m[1] == "天" else m[1]), text)


def held_on(days: Iterable[int]) -> str:
    """The words of weekdays `days` (0 Monday .. 6 Sunday) a meeting's `Doc.also` holds:
    `周二 tuesday`."""
    return " ".join(w for d in sorted(set(days)) for w in DAY_WORDS[d])


# Full-width ASCII (U+FF01-FF5E, what an IME types in full-width mode: ＫＰＩ, ２０２６) as
# ASCII, as `search.js` folds a query and a document; then lowercased as JS lowercases
# (`str.lower`, not `casefold`: Straße stays straße, which a reader's query is).
WIDE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def tokens(text: str, prefixes: bool = True) -> set[str]:
    """The index tokens of `text` (see the module docstring); numbers get no prefixes."""
    out: set[str] = set()
    for cjk, word in _RUNS.findall(text.translate(WIDE).lower()):
        if cjk:
            if ("期" in cjk or "拜" in cjk) and (said := weekdays(cjk)) != cjk:
                out |= tokens(said)  # 每星期二: also 每周二's tokens, beside its own
            out.update(cjk)
            out.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
            out.update(cjk[i] + SKIP + cjk[i + 2] for i in range(len(cjk) - 2))
        else:
            out.add(word)
            if word in DAY_ABBREVIATIONS:
                out.add(DAY_ABBREVIATIONS[word])
            if prefixes and not word.isdigit():
                out.update(word[:n] for n in range(MIN_PREFIX, min(len(word), MAX_PREFIX + 1)))
    return out


def doc_tokens(doc: Doc, folded: tuple[str, str] | None = None) -> tuple[set[str], set[str]]:
    """(tokens of the title and of `Doc.other`, all tokens, the id's words included),
    Traditional folded; `folded` is (title, text) already folded."""
    from orgspec.text.script import to_simplified

    if folded is None:
        folded = to_simplified(doc.title), to_simplified(doc.text)
    title = tokens(folded[0])
    if doc.other:  # few documents have one: folded here, not in build_index's batch
        title |= tokens(to_simplified(doc.other))
    found = title | tokens(folded[1])
    if doc.also:
        found |= tokens(doc.also)
    for ident in (doc.ident, *doc.former):
        found.update(tokens(ident.replace("-", " ").replace("_", " ")))
        joined = ident.replace("-", "").replace("_", "")
        if joined != ident and doc.kind in JOINED_KINDS:
            found.update(tokens(joined))
    if doc.kind in JOINED_KINDS:
        found.update(spelled(doc.title, person=doc.kind == "person"))
    return title, found


def spelled(name: str, person: bool = False) -> set[str]:
    """The tokens of `name`'s pinyin, for a reader typing without a Chinese input method:
    joined with its prefixes (客服部 -> kefubu, kef, kefu, kefub) and its initials (kfb);
    a person's surname read as a surname (曾敏 -> zengmin). Empty without Han characters."""
    from orgspec.text.collate import collation_key, has_han, person_key

    if not has_han(name):
        return set()
    key = person_key(name)[0] if person else collation_key(name)
    out: set[str] = set()
    for run in re.split(r"[^0-9a-z]+", "".join(
            letters if has_han(ch) else ch.casefold() for letters, _, ch in key)):
        if run:
            out |= tokens(run)
    initials = "".join(letters[:1] for letters, _, ch in key if letters and has_han(ch))
    if len(initials) > 1:
        out.add(initials)
    return out


def fnv1a(token: str) -> int:
    """32-bit FNV-1a over UTF-16 code units: what `search.js` computes with charCodeAt."""
    h = 0x811C9DC5
    data = token.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | data[i + 1] << 8
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def shard_count(docs: int) -> int:
    """A power of two, so shards stay near DOCS_PER_SHARD documents' worth of postings."""
    n = 1
    while n < MAX_SHARDS and n * DOCS_PER_SHARD < docs:
        n *= 2
    return n


def js_call(func: str, *args: object) -> str:
    """`orgspecIndex.func(args);` with JSON that cannot end a script or break a line."""
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
                    for a in args)
    return f"orgspecIndex.{func}({body.translate(_JS_UNSAFE)});\n"


KIND_ORDER = {"duty": 0, "team": 1, "person": 2, "position": 3, "process": 4, "meeting": 5,
              "objective": 6}


def rank_order(docs: list[Doc], order: str = "pinyin") -> list[Doc]:
    """Documents in the order hits rank, after title hits first: duties, teams, people,
    positions, processes, meetings, objectives; shorter titles first; then, as every list
    of the site, by title in `order` (text.collate.ORDERS; a person's read as a name), the
    id breaking a tie (trial 33a: 客服 found 鄭美玲 before 周欣怡, two 客服專員, by id). Doc
    numbers follow it, so the browser ranks by number without loading any document."""
    from orgspec.text.collate import name_key, person_key

    return sorted(docs, key=lambda d: (KIND_ORDER.get(d.kind, 9), len(d.title), d.kind,
                                       (person_key if d.kind == "person" else name_key)(
                                           d.title, d.ident, order)))


def build_index(docs: list[Doc], order: str = "pinyin") -> Iterator[tuple[str, str]]:
    """(path under the site root, JS text) for `search/meta.js`, `search/i<n>.js` and
    `search/d<n>.js`; documents ranked by `rank_order` in name order `order`.

    A posting list holds `2 * doc + (1 if the token is in the title)`, ascending, written
    as gaps from the previous value (the first from 0): small numbers, short files.
    """
    docs = rank_order(docs, order)
    shards = shard_count(len(docs))
    postings: dict[str, list[int]] = defaultdict(list)
    from orgspec.text.script import to_simplified_each

    texts = to_simplified_each([t for d in docs for t in (d.title, d.text)])
    for number, doc in enumerate(docs):
        title, found = doc_tokens(doc, (texts[2 * number], texts[2 * number + 1]))
        for token in found:
            postings[token].append(2 * number + (token in title))
    by_shard: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for token in sorted(postings):
        values = postings[token]
        by_shard[fnv1a(token) % shards][token] = [values[0], *(
            b - a for a, b in itertools.pairwise(values))]
    chunks = (len(docs) + CHUNK - 1) // CHUNK
    yield "search/meta.js", js_call("meta", {"shards": shards, "chunk": CHUNK,
                                             "chunks": chunks, "docs": len(docs),
                                             "fold": fold_table([*postings, *_asked()]),
                                             "ask": sorted(ASK, key=len, reverse=True),
                                             "particles": PARTICLES, "skip": SKIP,
                                             "every": list(EVERY), "prefix": MAX_PREFIX,
                                             "week": list(WEEK),
                                             "days": DAY_ABBREVIATIONS})
    for n, table in enumerate(by_shard):
        yield f"search/i{n}.js", js_call("shard", n, table)
    for n in range(chunks):
        rows = [[d.kind, visible(d.title), d.url, visible(d.sub), visible(d.text),
                 *([visible(d.other)] if d.other else [])]
                for d in docs[n * CHUNK:(n + 1) * CHUNK]]
        yield f"search/d{n}.js", js_call("docs", n, rows)


def fold_table(postings: Iterable[str]) -> dict[str, str]:
    """Traditional -> Simplified for the characters whose Simplified form is an index token
    (a CJK unigram): all the browser needs to fold any query or document the same way."""
    from orgspec.text.script import fold_table as folds

    return folds(postings)


def _asked() -> set[str]:
    """The characters of the question words, particles and weekday words, for the fold
    table (禮拜二 folds to 礼拜二 whatever the index holds)."""
    return {ch for phrase in (*ASK, PARTICLES, *EVERY, *WEEK) for ch in phrase}


def searchable(parts: Iterable[str | None], title: str) -> str:
    """The searchable text of a document besides its title: its other non-empty parts, one
    per line (the title is stored once, and searched with the text)."""
    return "\n".join(dict.fromkeys(p for p in parts if p and p != title))
