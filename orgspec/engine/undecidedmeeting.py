"""One mistake, one finding: a meeting whose attendees are not decided yet (`attendees: [TBD]`,
`[待定]`). MT003 there says the meeting has no attendees (written as 'TBD'); every
coordination gap (MT004) and every team in no meeting (MT005) may be closed by the
attendees still to be written, so they are held back behind that MT003, whose hint names
them (`holdback.held_hint`); once the attendees are written, what is still missing is
reported. Only when such an MT003 is reported (a meeting with no attendees at all, or only
empty teams, holds nothing back: it is a leftover, not a decision pending).

Light on purpose, as `engine.everyone`: it reads the findings alone.
"""

from __future__ import annotations

from orgspec.engine.everyone import meetings_behind
from orgspec.findings import Finding, message_values

NO_ATTENDEES = "MT003"


def _undecided(f: Finding) -> bool:
    """Whether `f` is an MT003 on attendees written as placeholders alone (its message
    names the value written: `checks.meetings.meeting_without_attendees`)."""
    values = message_values(f, NO_ATTENDEES)
    return values is not None and "value" in values


def undecided_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each MT004 and MT005 when an MT003 among them is a meeting whose
    attendees are placeholders alone, the first such MT003 naming them in its hint; and
    those findings, as they were. One pass over `findings`, one more when there is such an
    MT003."""
    return meetings_behind(findings, _undecided)
