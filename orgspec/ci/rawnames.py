"""An entity's name as git `HEAD` or the work tree wrote it, for a reader of one language.

The findings name entities in the run's language (`model.names.said`: `names: {en: Shenzhen
Tech}` for `--lang en`); the hints that read the files as written (a rename since `HEAD`, a
file gone) say them the same way, not by their `name` alone (trial 34a: `深圳技术组` in an
English hint whose duty was said as `Shop uptime`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def said_raw(data: Mapping[str, Any], lang: str) -> str:
    """`data`'s `names[lang]` when it is a non-blank string, else its `name` (an
    objective's `title`), stripped; "" without either."""
    names = data.get("names")
    given = names.get(lang) if isinstance(names, Mapping) else None
    if isinstance(given, str) and given.strip():
        return given.strip()
    name = data.get("name") or data.get("title")
    return name.strip() if isinstance(name, str) else ""
