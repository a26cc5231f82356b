"""What RF001 says of a placeholder (`待定`) or an open-seat word (`待招聘`) written where
an id is due (`checks.placeholders`), and whether a finding says so: light (no models),
for the warm path (`engine.warm.keep_state`) and git's look at RF001s
(`run.said_since_head`), which a placeholder never concerns: its words read nothing but
the value written, no name and no other file."""

from __future__ import annotations

import re
from typing import Any

from orgspec.i18n import M
from orgspec.lazyre import lazy

_NOT_A = {"Person": lambda v, p, f: M("{value!r} in {place} is a placeholder, not a person",
                                   value=v, place=p, field=f),
          "Team": lambda v, p, f: M("{value!r} in {place} is a placeholder, not a team",
                                 value=v, place=p, field=f),
          "Role": lambda v, p, f: M("{value!r} in {place} is a placeholder, not a position",
                                 value=v, place=p, field=f),
          "Responsibility": lambda v, p, f: M("{value!r} in {place} is a placeholder, not a "
                                           "duty", value=v, place=p, field=f),
          "Objective": lambda v, p, f: M("{value!r} in {place} is a placeholder, not an "
                                      "objective", value=v, place=p, field=f)}

_SEAT_NOT_A = {"Person": lambda v, p, f: M("{value!r} in {place} marks an open seat, not a "
                                        "person", value=v, place=p, field=f),
               "Team": lambda v, p, f: M("{value!r} in {place} marks an open seat, not a team",
                                      value=v, place=p, field=f),
               "Role": lambda v, p, f: M("{value!r} in {place} marks an open seat, not a "
                                      "position", value=v, place=p, field=f),
               "Responsibility": lambda v, p, f: M("{value!r} in {place} marks an open seat, "
                                                "not a duty", value=v, place=p, field=f),
               "Objective": lambda v, p, f: M("{value!r} in {place} marks an open seat, not an "
                                           "objective", value=v, place=p, field=f)}


def placeholder_message(value: str, label: str, kinds: tuple[str, ...], seat: bool,
                        where: object = None) -> M:
    """RF001's message for placeholder `value` (an open-seat word when `seat`) written in
    field `label` that takes ids of `kinds` (team, person and position for an owner), of
    the entity or part `where` (`step 'triage' of process 'flow'`, as an unknown id's
    RF001 names it; None: the field alone)."""
    place = M("`{field}` of {where}", field=label, where=where) if where else \
        M("`{field}`", field=label)
    if len(kinds) > 1:
        return M("{value!r} in {place} marks an open seat, not a team, person or position",
                 value=value, place=place, field=label) if seat else \
            M("{value!r} in {place} is a placeholder, not a team, person or position",
              value=value, place=place, field=label)
    return (_SEAT_NOT_A if seat else _NOT_A)[kinds[0]](value, place, label)


# the templates of `placeholder_message`: a finding said with one is a placeholder's RF001
_TEMPLATES = frozenset(
    placeholder_message("x", "f", kinds, seat).template
    for seat in (False, True)
    for kinds in (("Person",), ("Team",), ("Role",), ("Responsibility",), ("Objective",),
                  ("Team", "Person", "Role")))


# the English of `placeholder_message`, for a finding read back as plain text (the warm
# path's kept findings are in English, their templates not kept)
_ENGLISH = lazy(r"'.*' in `\w+`(?: of .*)? (?:is a placeholder|marks an open seat), not an? "
                r"\w[\w ,]*\Z", re.S)


def said_placeholder(finding: Any) -> bool:
    """Whether `finding` (a `Finding`) is RF001 said of a placeholder
    (`placeholder_message`): kept across a prose edit elsewhere, and nothing git knows."""
    if finding.code != "RF001":
        return False
    template = getattr(finding.message, "template", None)
    if template is not None:
        return template in _TEMPLATES
    return _ENGLISH.match(str(finding.message)) is not None
