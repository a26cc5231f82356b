"""One mistake, one finding: `attendees: 全體同仁` (or `all`, `所有人`) meant everyone, which a
meeting says by naming the top team (a meeting a team attends includes every team below it).
RF001 there says so (`checks.references`); every coordination gap (MT004) and every team
in no meeting (MT005) follows from the meeting that names nobody, and is held back behind
that RF001, whose hint names them (`holdback.held_hint`). Only when that RF001 is reported.

Light on purpose, as `engine.noteam`: it reads the findings alone.
"""

from __future__ import annotations

from collections.abc import Callable

from orgspec.engine.holdback import Held, bare_hint, held_hint
from orgspec.findings import Finding, replaced

UNKNOWN = "RF001"
HELD = ("MT004", "MT005")  # no meeting brings two teams together; a team in no meeting
EVERYONE = "to invite everyone"  # how the hints `checks.references` gives such a value start


def _means_everyone(f: Finding) -> bool:
    hint = bare_hint(f.hint)
    return f.code == UNKNOWN and getattr(hint, "template", "").startswith(EVERYONE)


def everyone_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each MT004 and MT005 when an RF001 among them is an attendee
    written for everyone (`全體同仁`), that RF001 naming them in its hint; and those
    findings, as they were. One pass over `findings`, one more when there is such an
    RF001."""
    return meetings_behind(findings, _means_everyone)


def meetings_behind(findings: list[Finding], is_cause: Callable[[Finding], bool]
                    ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each MT004 and MT005 when one of them `is_cause` (a meeting that
    names nobody yet), the first such finding naming them in its hint; and those findings,
    as they were."""
    cause = next((f for f in findings if is_cause(f)), None)
    if cause is None:
        return findings, []
    held = [f for f in findings if f.code in HELD]
    if not held:
        return findings, []
    gone = {id(f) for f in held}
    hint = held_hint(cause.hint, [Held(f, f.entity) for f in held])
    return [replaced(f, hint=hint) if f is cause else f for f in findings
            if id(f) not in gone], held
