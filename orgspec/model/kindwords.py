"""The kind a `kind:` value means however it is written: a kind's name in any case
(`team`), another name of one (`Position`), or a word for one (`团队`, `員工`, `Department`:
`text.kindwords`); and the kinds the text of a file that did not parse writes, read the
same way (the loader reads parsed files' kinds so, `validate.check_entity`).

`kind_meant(word)` is the model's kind (`職位` -> `Role`), or None; `kinds_written(text)`
the set of them a file's text names in `kind:` lines.
"""

from __future__ import annotations

import re
from functools import cache

from orgspec.lazyre import lazy
from orgspec.model.models import KIND_ALIASES, KINDS
from orgspec.text.kindwords import kind_named

# `kind: Team`, `kind: 团队` (quoted, in a flow mapping, or with an IME's full-width colon
# or comma) in the text of a file that did not parse; the word up to a blank, quote,
# comment, bracket or comma
_KIND = lazy(r"""(?:^[ \t-]*|[{,，][ \t]*)["']?kind["']?[ \t]*[:：][ \t]*["']?"""
             r"""([^\s"',，、#{}\[\]:：]+)""", re.M | re.I)


@cache
def _names() -> dict[str, str]:
    return {k.casefold(): k for k in KINDS} | \
        {a.casefold(): k for a, k in KIND_ALIASES.items()}


def kind_meant(word: str) -> str | None:
    """The kind `word` means (`team`, `Position` -> `Role`, `团队` -> `Team`, `職位` ->
    `Role`), blanks around it and case ignored; None for any other word."""
    named = _names().get(word.strip().casefold()) or kind_named(word)
    return KIND_ALIASES.get(named, named) if named else None


def kinds_written(text: str) -> set[str]:
    """The kinds the `kind:` lines of `text` (a file's, parsed or not) mean; words that
    mean no kind are left out."""
    return {kind for m in _KIND.finditer(text) if (kind := kind_meant(m.group(1)))}
