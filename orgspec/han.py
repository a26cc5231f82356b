"""Which characters are Han (Chinese characters): the one definition every judgement uses
(pinyin sort, script and content-language detection, duty tokens, key-result wording, spaces
in names, name look-up).

Han here is CJK Unified Ideographs, Extension A, the compatibility ideographs and the
supplementary ideographic plane's extensions B to H with its compatibility supplement
(0x20000-0x323AF): rare characters of people's names (𠮷, 𡘙, 𩸽) and Hong Kong's supplementary
characters are in Extension B and after, and a name that holds one is still a Chinese name.
Kana and Hangul are not Han (the site's search index tokenises them with Han on its own,
in step with search.js).
"""

from __future__ import annotations

import re
from functools import cache

# (first, last) code points, inclusive
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
# the ranges as the inside of a regular-expression class: f"[{HAN}]+"
HAN = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES)


@cache  # compiled on first use: the supplementary range costs about 3 ms to compile
def han_char() -> re.Pattern[str]:
    """The pattern of one Han character."""
    return re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """True when the one character `ch` is Han; False for "" and anything else."""
    if len(ch) != 1:
        return False
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)
