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

_NOT_A = {"Person": lambda v, f: M("{value!r} in `{field}` is a placeholder, not a person",
                                   value=v, field=f),
          "Team": lambda v, f: M("{value!r} in `{field}` is a placeholder, not a team",
                                 value=v, field=f),
          "Role": lambda v, f: M("{value!r} in `{field}` is a placeholder, not a position",
                                 value=v, field=f),
          "Responsibility": lambda v, f: M("{value!r} in `{field}` is a placeholder, not a "
                                           "duty", value=v, field=f),
          "Objective": lambda v, f: M("{value!r} in `{field}` is a placeholder, not an "
                                      "objective", value=v, field=f)}

_SEAT_NOT_A = {"Person": lambda v, f: M("{value!r} in `{field}` marks an open seat, not a "
                                        "person", value=v, field=f),
               "Team": lambda v, f: M("{value!r} in `{field}` marks an open seat, not a team",
                                      value=v, field=f),
               "Role": lambda v, f: M("{value!r} in `{field}` marks an open seat, not a "
                                      "position", value=v, field=f),
               "Responsibility": lambda v, f: M("{value!r} in `{field}` marks an open seat, "
                                                "not a duty", value=v, field=f),
               "Objective": lambda v, f: M("{value!r} in `{field}` marks an open seat, not an "
                                           "objective", value=v, field=f)}


def placeholder_message(value: str, label: str, kinds: tuple[str, ...], seat: bool) -> M:
    """RF001's message for placeholder `value` (an open-seat word when `seat`) written in
    field `label` that takes ids of `kinds` (team, person and position for an owner)."""
    if len(kinds) > 1:
        return M("{value!r} in `{field}` marks an open seat, not a team, person or position",
                 value=value, field=label) if seat else \
            M("{value!r} in `{field}` is a placeholder, not a team, person or position",
              value=value, field=label)
    return (_SEAT_NOT_A if seat else _NOT_A)[kinds[0]](value, label)


# the templates of `placeholder_message`: a finding said with one is a placeholder's RF001
_TEMPLATES = frozenset(
    placeholder_message("x", "f", kinds, seat).template
    for seat in (False, True)
    for kinds in (("Person",), ("Team",), ("Role",), ("Responsibility",), ("Objective",),
                  ("Team", "Person", "Role")))


# the English of `placeholder_message`, for a finding read back as plain text (the warm
# path's kept findings are in English, their templates not kept)
_ENGLISH = lazy(r"'.*' in `\w+` (?:is a placeholder|marks an open seat), not an? \w[\w ,]*\Z",
                re.S)


def said_placeholder(finding: Any) -> bool:
    """Whether `finding` (a `Finding`) is RF001 said of a placeholder
    (`placeholder_message`): kept across a prose edit elsewhere, and nothing git knows."""
    if finding.code != "RF001":
        return False
    template = getattr(finding.message, "template", None)
    if template is not None:
        return template in _TEMPLATES
    return _ENGLISH.match(str(finding.message)) is not None
