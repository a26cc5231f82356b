"""Han characters in stroke order (筆畫), the order Traditional Chinese readers list names
in: CLDR's `stroke` collation, the default collation of zh-Hant (zh-TW, zh-HK), which ICU,
and so Excel and macOS in zh-TW, sort by. Characters go by stroke count as Taiwan counts
them (王 4, 李 7, 林 8, 張 11, 陳 11, 黃 12, 蔡 15), then by radical, then by the strokes
beyond the radical: 張 (弓) before 許 (言) before 郭 (邑) before 陳 (阜), all 11 strokes.

Unihan's kTotalStrokes is not the source: it counts 阝 2 and 艹 3 strokes (陳 10, 蔡 14), as
mainland China does, and gives a Taiwan count for almost no character. The table,
`stroke_order.txt.gz` beside this module (92,865 characters, 220 KB), is generated from
CLDR's zh.xml by `python -m orgspec.text.strokegen`; it is read once, on the first Han
character sorted by strokes (about 30 ms of CPU; pypinyin's dictionary, for pinyin
order, takes about 180 ms).
"""

from __future__ import annotations

import gzip
from bisect import bisect_right
from functools import cache
from pathlib import Path

TABLE = Path(__file__).with_name("stroke_order.txt.gz")


@cache
def _table() -> tuple[dict[str, int], list[int], list[int]]:
    """(character -> its place in CLDR's stroke order, the place each stroke count's
    characters start at, those stroke counts), both lists ascending."""
    chars: list[str] = []
    starts: list[int] = []
    counts: list[int] = []
    at = 0
    for line in gzip.decompress(TABLE.read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            strokes, group = line.split("\t", 1)
            starts.append(at)
            counts.append(int(strokes))
            chars.append(group)
            at += len(group)
    text = "".join(chars)
    return dict(zip(text, range(len(text)), strict=True)), starts, counts


def stroke_rank(ch: str) -> int:
    """The place of the Han character `ch` in CLDR's stroke order, from 0; a character the
    table lacks (newer than its CLDR) comes after all it holds, by code point, as CLDR
    places an ideograph it does not list."""
    rank = _table()[0]
    found = rank.get(ch)
    return found if found is not None else len(rank) + ord(ch)


def stroke_count(ch: str) -> int | None:
    """The strokes of the Han character `ch` as CLDR's stroke order counts them (陳 11),
    None for a character the table lacks."""
    rank, starts, counts = _table()
    found = rank.get(ch)
    return None if found is None else counts[bisect_right(starts, found) - 1]
