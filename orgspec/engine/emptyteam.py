"""One mistake, one finding: an empty team (`support` left with no members, no lead and no
duty after its people and positions moved to `platform`) is HI006's finding alone.

HI005 (no lead) and OW006 (an empty charter) on a team HI006 reports (nobody in it or below
it) follow from the same state: the team was emptied or is a leftover, and one edit fixes
all three (delete the team, or staff it). HI006 is kept, its message and hint saying what
else is missing, and each HI005 and OW006 on that team is held back behind it (a baseline
entry for one is not checked, not fixed). Only when HI006 is reported for that team: turned
off, ignored for the file, suppressed inline or held back behind a dropped value, HI005 and
OW006 are reported as they were.

Light on purpose, as `engine.noteam`: it reads the findings alone.
"""

from __future__ import annotations

from orgspec.findings import Finding, replaced
from orgspec.i18n import M

NO_MEMBERS = "HI006"
NO_LEAD = "HI005"
NO_DUTIES = "OW006"


def _team(f: Finding) -> object:
    return getattr(f.message, "values", {}).get("team")


def _said(f: Finding, lead: bool, duties: bool) -> Finding:
    """HI006's `f` saying that its team has no lead (`lead`) or no duty (`duties`) either."""
    team = _team(f)
    if lead and duties:
        return replaced(f, message=M("team {team!r} is empty: it has no members, no lead and "
                                     "no duty", team=team),
                        hint=M("delete the team if it is no longer there; else list its "
                               "people under `members`, its lead under `lead` and what it "
                               "answers for under `responsibilities`"))
    if lead:
        return replaced(f, message=M("team {team!r} has no members and no lead", team=team),
                        hint=M("list its people under `members` and its lead under `lead`, "
                               "or put teams with people under it"))
    return replaced(f, message=M("team {team!r} has no members and holds no duty", team=team),
                    hint=M("delete the team if it is no longer there; else list its people "
                           "under `members` and what it answers for under `responsibilities`"))


def empty_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each HI005 and OW006 on a team an HI006 among them reports (that
    HI006 then says what else the team lacks), and those HI005s and OW006s, as they were.
    One pass over `findings`, one more when a team has no members."""
    empty = {f.entity for f in findings if f.code == NO_MEMBERS and f.entity}
    if not empty:
        return findings, []
    held = [f for f in findings if f.code in (NO_LEAD, NO_DUTIES) and f.entity in empty]
    if not held:
        return findings, []
    gone = {id(f) for f in held}
    lead = {f.entity for f in held if f.code == NO_LEAD}
    duties = {f.entity for f in held if f.code == NO_DUTIES}
    return [_said(f, f.entity in lead, f.entity in duties)
            if f.code == NO_MEMBERS and f.entity in lead | duties else f
            for f in findings if id(f) not in gone], held
