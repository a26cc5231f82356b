"""The order names are listed in: alphabetical for Latin script and, for Chinese (both
scripts), one of two orders (ORDERS):

- `pinyin` (zh and en output): a list of 技术部, 客服部, 运营部 reads 技术部 (jì), 客服部 (kè),
  运营部 (yùn), as in a mainland spreadsheet's pinyin sort, Latin and Chinese names
  interleaved by their letters;
- `stroke` (zh-Hant output): by strokes (筆畫), as CLDR's default zh-Hant collation, Excel and
  macOS in Taiwan and Hong Kong list them: 王 (4) 李 (7) 林 (8) 張 陳 (11) 黃 (12); as CLDR
  orders them, names that start with a digit come first, then Chinese, then Latin.

Both order numbers in names by value (M2 before M18) and end in the characters themselves,
so the order is total and stable.
The order of a list is chosen by `order_for(lang, name_order)` and passed to every key
function: no global state.

pypinyin (phrase-aware: 重庆 is chóng) gives the readings; it loads a dictionary (about
0.3 s of CPU), so it is imported only when a name with Han characters is sorted in pinyin
order; the stroke table (text.strokes) only when one is sorted by strokes. Each name's key
is cached for the run; a site or report build also keeps the readings for the next run
(`keeping_readings`, in orgspec's cache: `report.buildcache`), so a warm build of an org
whose names were read before does not import pypinyin at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from orgspec.han import is_han as _is_han

ORDERS = ("stroke", "pinyin")  # the orders of Chinese names (`name-order` in the config)


# `name-order` as people write it: the English words, their Chinese names in both scripts
_ORDER_WORDS = {"stroke": "stroke", "strokes": "stroke", "筆畫": "stroke", "笔画": "stroke",
                "筆劃": "stroke", "笔划": "stroke", "pinyin": "pinyin", "拼音": "pinyin"}


def read_order(written: str) -> str | None:
    """The order `written` names (`stroke`, `Stroke`, `筆畫`, `笔画` -> `stroke`; `pinyin`,
    `拼音` -> `pinyin`), None for anything else."""
    return _ORDER_WORDS.get(written.strip().casefold())


def order_for(lang: str | None, name_order: str | None = None) -> str:
    """The order names are listed in: `name_order` when the config sets it (`stroke` or
    `pinyin`), else `stroke` for Traditional Chinese output (`zh-Hant`: CLDR's default
    for zh-Hant, zh-TW, zh-HK), else `pinyin` (zh, en)."""
    if name_order:
        return name_order
    return "stroke" if lang == "zh-Hant" else "pinyin"


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character (Simplified or Traditional)."""
    return any(_is_han(ch) for ch in text)


@lru_cache(maxsize=65536)
def collation_key(text: str, order: str = "pinyin") -> tuple[tuple[Any, ...], ...]:
    """The sort key of `text` in `order` (ORDERS). In `pinyin` order, per character (its
    letters, its tone 0-5, the character), letters being a Han character's toneless pinyin
    and any other character folded (case, width, accents), so Chinese and Latin names
    interleave alphabetically. In `stroke` order, per character (its group: 0 space,
    punctuation and symbols, 1 digits, 2 Han, 3 letters; its folded text; its place in
    CLDR's stroke order), then the text as a tiebreak. Ties fall back to the characters
    themselves (a total, stable order)."""
    folded = unicodedata.normalize("NFKC", text)
    if order == "stroke":
        return _stroke_key(folded, text)
    if not any(_is_han(ch) for ch in folded):
        return _natural(tuple((_fold(ch), 0, ch) for ch in folded))
    readings = _readings(folded)
    return _natural(tuple(
        (reading.rstrip("012345"), int(reading[-1]) if reading[-1:].isdigit() else 0, ch)
        if _is_han(ch) else (_fold(ch), 0, ch)
        for ch, reading in zip(folded, readings, strict=True)))


def _natural(key: tuple[tuple[str, int, str], ...]) -> tuple[tuple[str, int, str], ...]:
    """`key` with each run of ASCII digits merged into one item that orders by value
    (M2 before M18, as people count): the digits, without leading zeros, prefixed by their
    count; still a string of digits, so numbers keep sorting before letters."""
    out: list[tuple[str, int, str]] = []
    run = ""
    for item in (*key, ("", 0, "")):
        if item[2] and item[2] in "0123456789":
            run += item[2]
            continue
        if run:
            value = run.lstrip("0") or "0"
            out.append((f"{len(value):04d}{value}", 0, run))
            run = ""
        if item[2]:
            out.append(item)
    return tuple(out)


def _stroke_key(folded: str, text: str) -> tuple[tuple[Any, ...], ...]:
    """`collation_key` in stroke order of `text`, `folded` its NFKC form: an item per
    character, then the tiebreak, as a collation compares case and width only where all
    else is equal (`a組` before `Alice`, Han before Latin; then lower case first, as CLDR:
    `a組` before `A組`; then the text as written). The tiebreak's group -1 puts a name
    before the longer names it starts."""
    from orgspec.text.strokes import stroke_rank

    out: list[tuple[Any, ...]] = []
    for letters, _, ch in _natural(tuple((_fold(ch), 0, ch) for ch in folded)):
        if _is_han(ch):
            out.append((2, "", stroke_rank(ch)))
        elif ch[:1] in "0123456789":  # a run of digits, merged by _natural
            out.append((1, letters, 0))
        else:
            out.append((3 if letters[:1].isalpha() else 0, letters, 0))
    out.append((-1, folded.swapcase(), text))
    return tuple(out)


def name_key(name: str, ident: str = "", order: str = "pinyin") -> tuple[Any, ...]:
    """The sort key of an entity shown by `name` (its id when it has none), with `ident`
    as the tiebreak, in `order` (ORDERS; `order_for` picks it):
    `sorted(teams, key=lambda t: name_key(t.name or t.id, t.id, order))`."""
    return (collation_key(name or ident, order), ident)


# A surname's reading where it differs from the character's common one (pypinyin has no
# surname mode: mozillazg/python-pinyin#120, #297); the list follows overtrue/pinyin's
# surnames table, single-character surnames only, Simplified and Traditional forms.
_SURNAME_READINGS = {
    "曾": "zeng1", "仇": "qiu2", "单": "shan4", "單": "shan4", "解": "xie4", "区": "ou1",
    "區": "ou1", "查": "zha1", "朴": "piao2", "樸": "piao2", "盖": "ge3", "蓋": "ge3",
    "乐": "yue4", "樂": "yue4", "召": "shao4", "种": "chong2", "種": "chong2",
    "秘": "bi4", "冼": "xian3", "华": "hua4", "華": "hua4", "过": "guo1", "過": "guo1",
    "纪": "ji3", "紀": "ji3", "繁": "po2", "覃": "qin2", "缪": "miao4", "繆": "miao4",
    "翟": "zhai2", "折": "she2", "那": "na1", "佴": "nai4", "难": "nan4", "難": "nan4",
    "粘": "nian4", "藏": "zang4", "薄": "bo2", "员": "yun4", "員": "yun4", "宿": "su4",
    "卜": "bu3", "尉": "yu4", "长": "chang2", "長": "chang2", "句": "gou1", "燕": "yan1",
    "重": "chong2", "都": "du1", "贾": "jia3", "賈": "jia3", "阚": "kan4", "闞": "kan4",
    "隗": "wei3", "汜": "si4", "眭": "sui1", "万": "wan4", "萬": "wan4",
}


def surname_reading(name: str) -> str | None:
    """The toneless pinyin of `name`'s first character read as a surname, where that
    differs from the character's common reading (`曾敏` -> `zeng`; 单 `shan`, 區 `ou`);
    None for any other name."""
    reading = _SURNAME_READINGS.get(unicodedata.normalize("NFKC", name.strip())[:1])
    return reading[:-1] if reading else None


def person_key(name: str, ident: str = "", order: str = "pinyin") -> tuple[Any, ...]:
    """Like `name_key`, for a person's name: in pinyin order its first character, the
    surname, is read as a surname where that reading differs (曾 zēng, not céng; 单 shàn;
    解 xiè; 区 ōu); in stroke order a surname counts its strokes like any character."""
    text = unicodedata.normalize("NFKC", name or ident)
    key = collation_key(text, order)
    if order == "stroke":
        return (key, ident)
    reading = _SURNAME_READINGS.get(text[:1])
    if reading is None:
        return (key, ident)
    return (((reading[:-1], int(reading[-1]), text[0]), *key[1:]), ident)


def _fold(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch.casefold())
    return "".join(c for c in base if not unicodedata.combining(c)) or ch


# the tables of `keeping_readings` (text -> its readings), innermost last; empty outside it
_KEPT: list[dict[str, tuple[str, ...]]] = []


@contextmanager
def keeping_readings(table: dict[str, tuple[str, ...]]) -> Iterator[dict[str, tuple[str, ...]]]:
    """While inside, `_readings` answers from `table` (text -> one reading per character)
    and adds to it what pypinyin reads, for the caller to keep for the next run. The table
    must come from the same pypinyin and orgspec (the caller's cache key says so): the
    readings are pypinyin's answer, so the order is the same either way."""
    _KEPT.append(table)
    try:
        yield table
    finally:
        _KEPT.remove(table)


def _readings(text: str) -> list[str]:
    """One pinyin reading (TONE3: `zhong1`) per character of `text` (pypinyin gives one per
    Han character and, with `errors=list`, one per other character); "" for a character
    that is not Han."""
    table = _KEPT[-1] if _KEPT else None
    if table is not None:
        kept = table.get(text)
        if type(kept) is tuple and len(kept) == len(text) and \
                all(type(r) is str for r in kept):
            return list(kept)
    readings = _read(text)
    if table is not None:
        table[text] = tuple(readings)
    return readings


def _read(text: str) -> list[str]:
    """`_readings` as pypinyin reads them."""
    from pypinyin import Style, pinyin

    apart: Any = list  # pypinyin's `errors` also takes a callable returning a list
    groups = pinyin(text, style=Style.TONE3, errors=apart, strict=False)
    if len(groups) != len(text):  # not one per character: read each alone
        groups = [pinyin(ch, style=Style.TONE3, errors=apart, strict=False)[0] for ch in text]
    return [group[0] if _is_han(ch) else "" for ch, group in zip(text, groups, strict=True)]
