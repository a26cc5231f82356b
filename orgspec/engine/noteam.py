"""One mistake, one finding: a person on no team who holds a position (何丽 left out of
`tech.members` while she holds `sre`, a position of `tech`) is HI007's finding alone.

HI007 (on no team) and RO002 (a holder not on the position's team) both follow from the
missing `members` entry; adding the person to the team fixes both. HI007 is kept, its hint
naming the teams of the person's positions (`checks.hierarchy`), and each RO002 on that
person is held back behind it (a baseline entry for one is not checked, not fixed). Only
when HI007 is reported for that person: turned off, ignored for the file, suppressed inline
or held back behind a dropped value, RO002 is reported as it was.

Likewise a position none of whose holders is on its team (`team: yun-ying-bu` written for
`shi-chang-bu`): RO002 reports it once, at its `team:` (`checks.positions.wrong_team`), and
each RO003 on that position (a duty outside the wrong team's charter) is held back behind
it (`duties_behind`), unless that RO002 is not reported. So is each MT004 on one of those
duties that counts the wrong team among the teams sharing it: the team shares the duty only
through the position (`ops` left empty when it was split into `ops-content` and
`ops-events`, the position's `team: ops` not changed), and the gap goes when `team:` is
fixed or comes back as what the fixed org says.

Light on purpose, as `engine.activities`: it reads the findings alone.
"""

from __future__ import annotations

from orgspec.findings import Finding

NO_TEAM = "HI007"
OUTSIDE = "RO002"
OUTSIDE_CHARTER = "RO003"
SHARED = "MT004"


def _person(f: Finding) -> object:
    return getattr(f.message, "values", {}).get("person")


def outside_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each RO002 on a person an HI007 among them reports, and those
    RO002s, as they were. One pass over `findings`, one more when a person is on no team."""
    people = {_person(f) for f in findings if f.code == NO_TEAM}
    if not people:
        return findings, []
    held = [f for f in findings if f.code == OUTSIDE and _person(f) in people]
    if not held:
        return findings, []
    gone = {id(f) for f in held}
    return [f for f in findings if id(f) not in gone], held


def duties_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each RO003 on a position an RO002 among them reports at its
    `team:` (its message names the position's `holders`), and each MT004 on one of the
    duties that RO002 names (outside the team's charter) that counts the position's team
    among the teams sharing it (it shares the duty only through that position), and those
    RO003s and MT004s, as they were. One pass over `findings`, one more when such an RO002
    is among them."""
    wrong: set[str] = set()
    shared: set[tuple[str, str]] = set()  # (duty's entity key, the position's team)
    for f in findings:
        values = getattr(f.message, "values", {})
        if f.code == OUTSIDE and "holders" in values:
            wrong.add(f.entity)
            shared.update((f"responsibility:{d}", values["team"])
                          for d in values.get("duties", ()))
    if not wrong:
        return findings, []
    held = [f for f in findings if (f.code == OUTSIDE_CHARTER and f.entity in wrong) or
            (f.code == SHARED and any((f.entity, t) in shared for t in f.teams))]
    if not held:
        return findings, []
    gone = {id(f) for f in held}
    return [f for f in findings if id(f) not in gone], held
