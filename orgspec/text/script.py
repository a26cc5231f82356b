"""Traditional Chinese folded to Simplified, character by character, for text matching.

OpenCC's `t2s` converts each character the first time it is seen (all new characters of
a text in one call); later texts are folded with `str.translate`, so the cost is per
distinct character, not per text. Used where two duties are compared, never on output.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_TABLE: dict[int, str] = {}


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` with every Traditional character replaced by its Simplified form."""
    new = [c for c in set(text) if ord(c) >= 0x3400 and ord(c) not in _TABLE]
    if new:
        folded = _converter().convert("\n".join(new)).split("\n")
        if len(folded) == len(new):
            _TABLE.update((ord(c), f) for c, f in zip(new, folded, strict=True))
        else:  # a character became a line break or vanished: keep them unconverted
            _TABLE.update((ord(c), c) for c in new)
    return text.translate(_TABLE)
