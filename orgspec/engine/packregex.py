"""A rule pack's `match`/`notMatch` regex, searched within a time budget.

Python's `re` backtracks without limit and cannot be interrupted: `^(a|aa)+$` or `(a|a)*b`
on a value of 40 characters, or `.*a.*a.*a.*a.*b` on 200, runs for minutes, and a pack
could hang every command that checks. `engine.redos` refuses one shape of such patterns
when the pack is read (a repeated unbounded repetition), but alternatives that can take the
same text (`(\\w|\\d)+$`) and overlapping repetitions in a row (polynomial, not
exponential) are as slow, and a static refusal sound for them all would also refuse about
a third of ordinary patterns (`^.*\\b(owns?|leads?)\\b.*$`, `^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$`:
`benchmarks/pack_regex.py`). So the pattern is searched with the `regex` module (its
`VERSION0`, which matches as `re` does), whose search takes a timeout: one rule's searches
share `BUDGET` seconds over the whole org, and a rule that runs out is stopped and said as
one config error (`PatternTimeout`), never a silent pass.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

# Seconds of processor time one rule's pattern may search, over all the values of the org,
# in one process: `regex` counts its timeout in the process's CPU time (C `clock()`), so a
# machine busy with other work does not stop a pattern that would finish.
# An ordinary pattern takes microseconds a value (42 realistic patterns on 44 values: 2 us
# a search); 5,000 teams with a few fields each are a few tens of milliseconds.
BUDGET = 1.0


class PatternTimeout(Exception):
    """A rule's pattern (option `key`) used up its budget."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """`pattern` compiled as `re` reads it. Raises `regex.error`."""
    import regex

    return regex.compile(pattern, regex.VERSION0)


class Searcher:
    """Searches of one pattern, option `key` of a rule, sharing `budget` seconds."""

    def __init__(self, key: str, pattern: str, budget: float) -> None:
        self.key = key
        self.compiled = compile_pattern(pattern)
        self.left = budget

    def search(self, text: str) -> bool:
        """Whether the pattern is found in `text`. Raises PatternTimeout when the searches
        so far and this one take more than the budget."""
        if self.left <= 0:
            raise PatternTimeout(self.key)
        start = time.process_time()
        try:
            return self.compiled.search(text, timeout=self.left) is not None
        except TimeoutError:
            self.left = 0.0
            raise PatternTimeout(self.key) from None
        finally:
            self.left -= time.process_time() - start
