"""The ids a file's text defines (`id: x`, `- {id: x, ...}`, `id：x`), read from text that
was not loaded as an org file: a file that failed to parse, a re-import waiting to be
merged (`NAME.yaml.new`, IN018)."""

from __future__ import annotations

import re

from orgspec.lazyre import lazy

DEFINED = lazy(r"""(?:^[ \t-]*|[{,][ \t]*)id[ \t]*[:：][ \t]*["']?([^\s"',#{}\[\]]+)""",
               re.M)


def ids_defined(text: str) -> frozenset[str]:
    """The ids `text` writes after `id:`, as written."""
    return frozenset(m.group(1) for m in DEFINED.finditer(text))
