"""A baseline entry as the notes say it: what its message and entity quote, by name.

A baseline keeps each finding's message as text (`baseline.dumps`), its ids quoted
(`岗位 'cs-specialist' …`). The notes list a stale entry (or one not checked) with each id
that the org still has said as the findings are (`岗位 客服专员 (cs-specialist) …`,
`report.idnames`). A key result is said as the entry says it (by its text as it was then,
or by its id in a baseline written before findings quoted that text): its text now may
be the very rewrite that fixed the finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from orgspec.ci.baseline import message_in
from orgspec.i18n import M, say
from orgspec.model.entitysaid import entity_said
from orgspec.report.idnames import QUOTED_ID, named_quotes, with_names

Entry = dict[str, Any]


def quoted(entries: Iterable[Entry], lang: str) -> set[str]:
    """The ids `entries` quote: in their messages (as said in `lang`) and their entities'
    keys (`role:cs-specialist` -> `cs-specialist`)."""
    out: set[str] = set()
    for e in entries:
        out.update(m.group(1) for m in QUOTED_ID.finditer(str(message_in(e, lang))))
        entity = e.get("entity")
        if isinstance(entity, str):
            out.add(entity.split("/", 1)[0].partition(":")[2])
    return out


class EntryNames:
    """Says baseline entries in `lang` with `names` (id -> name: `model.names.id_names`
    of the org as it is now)."""

    def __init__(self, lang: str, names: Mapping[str, str]) -> None:
        self.lang, self.names = lang, names

    def message(self, entry: Entry) -> str:
        """The entry's message in `lang`, each id it quotes that `names` has named."""
        return named_quotes(str(message_in(entry, self.lang)), self.names)

    def entity(self, entry: Entry) -> M | str:
        """`model.entitysaid.entity_said`, its entity (not a part of it) said with its name:
        `key result 'activity' of objective 提升用户活跃度 (ops-2026q1-engagement)`."""
        said = entity_said(entry.get("entity"))
        if not isinstance(said, M):
            return said
        whole = said.values.get("whole")
        if isinstance(whole, M):  # a part: only its entity is named
            named = with_names(whole, self.names, self.lang)
            return M(said.template, **{**said.values, "whole": named}) \
                if named is not whole else say(said, self.lang)
        named = with_names(said, self.names, self.lang)
        return named if named is not said else say(said, self.lang)
