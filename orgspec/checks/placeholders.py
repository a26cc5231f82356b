"""A placeholder (`待定`, `TBD`) or an open-seat word (`待招聘`) written where an id is due.

A field whose own rule reads a placeholder as a gap (a team's `lead`: HI005, a duty's RACI
lists: OW002, an objective's, process's, step's or meeting's `owner`: OK011, PR009, PR001,
MT001, a step's `tracker` when the process requires one: PR006, a position's `holders`:
RO001, a meeting's `attendees`: MT003) is left to that rule, whichever of the two words was
written and whatever else the list holds: one rule, one severity, its hint fitting the word
(`seat_hint`). Any other (`members: [ada, 待定]`, a key result's `owner`, a charter's
duty) would drop it silently:
RF001 says it is a placeholder, and what to write instead (never another placeholder, which
would be dropped again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from orgspec.findings import Issue
from orgspec.i18n import M
from orgspec.model.models import (
    ROLES,
    is_open_seat,
    is_placeholder,
    is_unowned,
    is_vacant,
    seat_word_is_id,
)
from orgspec.model.org import Org
from orgspec.model.placeholdersaid import placeholder_message


@dataclass(frozen=True)
class PlaceholderIssue(Issue):
    """RF001 at a placeholder: it depends on its own entity alone, so a kept one does not
    call for a walk over every reference (`references._walked`), as an unknown id does."""


def left_to_its_rule(org: Org, kind: str, ident: str, field: tuple[Any, ...],
                     values: Sequence[str | None]) -> bool:
    """True when the rule whose subject `field` of entity `kind:ident` is reports a
    placeholder or an open-seat word written there (the word then gives that finding, not
    RF001's)."""
    label = next(part for part in reversed(field) if isinstance(part, str))
    # an owner's or a lead's rule reads the words `is_unowned` does: an id-like one
    # (`recruiting`) that is no id is RF001's
    owned = all(is_unowned(v) for v in values)
    if kind == "team":
        return label == "lead" and owned  # HI005
    if kind == "responsibility":
        return label in ROLES  # OW002
    if kind == "objective":
        return field == ("owner",) and owned  # OK011; a key result's owner is RF001's
    if kind == "process":
        if label == "owner":
            return owned  # PR009 (the process), PR001 (a step)
        if label == "tracker":  # PR006 when the process requires a tracker
            return bool(org.processes[ident].require_tracker) and owned
        return False
    if kind == "meeting":
        if label == "owner":
            return owned  # MT001
        # a placeholder or an open seat among attendees, whatever else is listed: the
        # meeting is not decided yet (MT003, a warning, as for `[TBD]` alone); an open-seat
        # word that is an id names that entity there (never here: it resolves)
        return label == "attendees"
    return False


def unfilled(org: Org, value: str) -> bool:
    """Whether `value` (a RACI value, a meeting's attendee) names no owner because it is
    written so: a placeholder
    (`待定`, `TBD`), or an open-seat word (`空缺`, `待招聘`) that is no id of the org (nor
    one in other case: `RECRUITING`, `models.seat_word_is_id`). Both are read alike (one
    rule, one severity); the hint fits the word (`seat_hint`)."""
    return is_placeholder(value) or (
        is_vacant(value) and not seat_word_is_id(value, lambda v: org.holder(v) is not None))


def seat_hint(hint: M, field: str, value: str | None) -> M:
    """The hint `hint` of a rule that reports a missing owner in `field` (`owner`,
    `tracker`, `accountable` ...), for the value written there: when `value` is an
    open-seat word (`待招聘`), with how to record the open seat: a position that holds it,
    named in the field (RO001 then reports the seat, as the user meant)."""
    if not is_open_seat(value):
        return hint
    return M("{hint}; while the seat is open, name a position instead: `{field}: "
             "<position id>`, with `holders: [{value}]` on the position (RO001 reports the "
             "open seat)", hint=hint, field=field, value=value)


# `vacant` in English; the Chinese catalogs say `待招聘` (trial 32b: an English org was told
# to write Chinese)
_SEAT = M("a vacancy is a position with a holder `vacant` (RO001)")


def placeholder_said(value: str, label: str, kinds: tuple[str, ...],
                     where: object = None) -> tuple[M, M]:
    """RF001's message and hint for placeholder (or open-seat word) `value` written in
    field `label` that takes ids of `kinds` (OWNER_KINDS for an owner), of the entity or
    part `where` says (`step 'triage' of process 'flow'`)."""
    seat = not is_placeholder(value) and is_vacant(value)
    return placeholder_message(value, label, kinds, seat, where), _hint(label, kinds, seat)


def _hint(label: str, kinds: tuple[str, ...], seat: bool) -> M:
    if label == "members":
        return M("list the person when known, or leave them out; {seat}", seat=_SEAT)
    if label == "roles":
        return M("list the position this person holds, or leave it out; {seat}", seat=_SEAT)
    if label == "lead":  # an id-like open-seat word (`hiring`) no entity has
        return M("write the person who leads the team; while the seat is open, write `lead: "
                 "vacant` (HI005 reports it)")
    if label == "manager":
        return M("write the id of the person they report to when known, or leave `manager` "
                 "out")
    if label == "children":
        return M("list the team once it is defined, or leave it out")
    if label == "parent":
        return M("write the id of the team it belongs to, or leave `parent` out for a team "
                 "at the top")
    if label == "team":  # a position's team
        return M("write the id of the team the position belongs to")
    if label == "aligns_to":
        return M("write the id of the objective it serves when known, or leave `aligns_to` "
                 "out")
    if kinds == ("Responsibility",):
        return M("list the duty's id once the duty is defined, or leave it out")
    if label == "attendees":
        return M("list the team, position or person who attends when known, or leave it "
                 "out; {seat}", seat=_SEAT)
    if label == "tracker":
        return M("name the team, position or person that follows the step up, or leave "
                 "`tracker` out")
    if label == "owner" and seat:  # an owner the rule of its field reads (`accountable`)
        return M("name the team, person or position that owns it; {seat}", seat=_SEAT)
    if label == "owner":  # a key result's
        return M("name the team, person or position that owns the key result, or leave "
                 "`owner` out: the objective's owner owns it then")
    return M("name the team, person or position; {seat}", seat=_SEAT)
