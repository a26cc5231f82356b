"""The ids a file's text defines (`id: x`, `- {id: x, ...}`, `id：x`), read from text that
was not loaded as an org file: a file that failed to parse, a re-import waiting to be
merged (`NAME.yaml.new`, IN018)."""

from __future__ import annotations

import re

from orgspec.lazyre import lazy
from orgspec.text.separators import SEPARATORS

DEFINED = lazy(r"""(?:^[ \t-]*|[{,][ \t]*)id[ \t]*[:：][ \t]*["']?([^\s"',#{}\[\]]+)""",
               re.M)


def ids_defined(text: str) -> frozenset[str]:
    """The ids `text` writes after `id:`, as written."""
    return frozenset(m.group(1) for m in DEFINED.finditer(text))


_WORD = lazy(rf"""[^\s\[\]{{}}(),:：'"#{SEPARATORS}]+""")


def words_named(text: str) -> frozenset[str]:
    """Every word of `text` an id may be written as (`members: [li-na, 王强]` names
    `li-na` and `王强`), split at YAML's punctuation and at full-width commas."""
    return frozenset(_WORD.findall(text))
