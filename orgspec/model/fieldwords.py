"""The Chinese words people write as field names (`负责人: zheng-xue`), and the field each
means, in Simplified and Traditional script.

`field_meant(word, fields)` is the first field of `fields` (the entity's) that `word` names,
or None: `负责人` is a team's `lead`, a meeting's or process's `owner`. A RACI word on a duty
(`负责`, `执行`) is `errwords.raci_meant`'s, not this table's. The words are
`text.fieldnames`'s, which the loader reads too.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.text.fieldnames import fields_named


def field_meant(word: str, fields: Iterable[str]) -> str | None:
    """The field of `fields` that the Chinese word `word` names (`负责人` -> `lead` on a
    team, `owner` on a meeting), or None."""
    meant = fields_named(word)
    if not meant:
        return None
    have = set(fields)
    return next((f for f in meant if f in have), None)
