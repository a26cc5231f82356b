"""Traditional Chinese read as Simplified, so one vocabulary judges both scripts.

Two of the seed documents are in Traditional script (提昇, 優化, 進一步, 召開, 上線, 確保).
OpenCC's `t2s` conversion (phrase-aware, maintained) maps them onto the Simplified words the
heuristics list; text without CJK characters is returned unchanged without loading it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_CJK = re.compile(r"[\u3400-\u9fff]")
_converter: Any = None


@lru_cache(maxsize=16384)
def simplified(text: str) -> str:
    """`text` with Traditional characters and phrases converted to Simplified; same length is
    not promised. Latin text and Simplified text come back as they were."""
    global _converter
    if not _CJK.search(text):
        return text
    if _converter is None:
        import opencc  # lazily: about 70 ms, only when Chinese text is judged

        _converter = opencc.OpenCC("t2s")
    return str(_converter.convert(text))
