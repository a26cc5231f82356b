"""PyYAML, imported with the patterns its modules compile at import compiled on first use.

PyYAML's reader compiles a pattern of every non-printable code point and its resolver and
constructor a dozen more when imported: 5-6 of the 13-16 ms CPU its import costs a warm
re-check that parses one changed file. The C parser orgspec uses (`yamlevents`) uses none
of them: they serve the pure-Python reader and the composing loaders (`yaml.load` of the
rule packs), which compile each on its first use (`lazyre.lazy`, whose use costs what a
compiled pattern's does). Only patterns compiled by PyYAML's own modules (`yaml.*`) while
it is imported here are deferred; any other `re.compile` meanwhile is left as it is.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from orgspec.lazyre import lazy


def _deferring(real: Any) -> Any:
    """`re.compile` that defers the patterns PyYAML's modules compile (`real` others)."""

    def compile_(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if isinstance(pattern, str) and caller.startswith("yaml."):
            return lazy(pattern, flags)
        return real(pattern, flags)

    return compile_


if "yaml" not in sys.modules:
    _real = re.compile
    re.compile = _deferring(_real)
    try:
        import yaml as yaml  # re-exported, imported while deferring
    finally:
        re.compile = _real
else:  # imported before (a rule pack read): as it is
    import yaml as yaml
