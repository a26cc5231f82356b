"""Regular expressions compiled on first use.

The schedule, measurable and quantity modules hold ~70 patterns for text an org may not
have (cadences, key-result sentences, Chinese numerals): compiled at import they cost every
check ~0.05 s of CPU whether its org has such text or not. `lazy(pattern, flags)` stands
for `re.compile(pattern, flags)` and compiles on the first use of any method; from then on
each method is the compiled pattern's own bound method, kept on the object, so a use costs
what it costs on a compiled pattern. `.pattern` is there without compiling (patterns are
built from others).
"""

from __future__ import annotations

import re
from typing import Any, cast

_KEPT = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer",
         "scanner", "flags", "groups", "groupindex")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for what is not on the object yet
        if name not in _KEPT:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for kept in _KEPT:
            setattr(self, kept, getattr(compiled, kept))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used (pass it to no `re`
    function: use its methods)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
