"""An entity key (`objective:o1`, `process:p/step:s`) said as the messages say it:
`objective 'o1'`, `step 's' of process 'p'`; its quoted ids are given their names where
the output names ids (`report.idnames`). Baseline notes say an entry's entity so, and a
schema finding names the entity its field is in."""

from __future__ import annotations

from orgspec.i18n import M

KIND_WORDS = {"team": M("team"), "person": M("person"), "role": M("position"),
              "responsibility": M("duty"), "objective": M("objective"), "process": M("process"),
              "meeting": M("meeting")}
_PARTS = {"key_result": M("key result"), "step": M("step"), "charter": M("charter item")}


def entity_said(entity: object) -> M | str:
    """An entity key as the messages say it: `meeting 'weekly'`, `key result 'kr'
    of objective 'o'`; "" for none (a finding outside every entity)."""
    if not isinstance(entity, str) or ":" not in entity:
        return ""
    top, _, part = entity.partition("/")
    kind, _, ident = top.partition(":")
    whole = M("{kind} {id!r}", kind=KIND_WORDS.get(kind, kind), id=ident)
    part_kind, sep, part_id = part.partition(":")
    if not sep:
        return whole
    return M("{part} {id!r} of {whole}", part=_PARTS.get(part_kind, part_kind), id=part_id,
             whole=whole)
