"""One mistake, one finding: a team written into a duty's `accountable` beside its owner
while its charter gives it another role (`accountable: [mgmt, hk-ops]`, hk-ops' charter
`{ref: promo-planning, role: responsible}`, trial 34) is OW001's finding alone.

OW001 (two accountable owners) and OW004 (the charter's role disagrees with the duty's)
both follow from the one team too many in `accountable`; moving it to the role its charter
gives ends both. OW001 is kept, an error, its hint saying that move and its related
locations naming the charter entry (`charterroles.charter_slip`, `checks.ownership`); the
team's OW004 on that duty is held back behind it, and OW001's hint names it. Only when
OW001 is reported (not turned off, ignored or suppressed) is OW004 held.

Light on purpose, as `engine.noteam`: it reads the findings and the org's RACI of the
duties an OW001 is on.
"""

from __future__ import annotations

from orgspec.engine.charterroles import charter_slip
from orgspec.findings import Finding, message_values
from orgspec.model.org import Org, ident_of

OVERLAP = "OW001"
DISAGREES = "OW004"


def charter_behind_overlap(findings: list[Finding], org: Org
                           ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each OW004 on the team an OW001 among them (on the same duty)
    says was written into the duty's `accountable` by mistake, OW001's hint naming them;
    and those OW004s, as they were. One pass over `findings`, one more when an OW001 is
    among them."""
    from orgspec.engine.holdback import hold_behind

    slips: dict[tuple[str, str], Finding] = {}  # (team id, duty id) -> its OW001
    for f in findings:
        if f.code == OVERLAP and f.entity.startswith("responsibility:"):
            slip = charter_slip(org, ident_of(f.entity))
            if slip is not None:
                slips[slip[0].team, slip[0].rid] = f
    if not slips:
        return findings, []
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        values = message_values(f, DISAGREES)
        if values is None or not f.entity.startswith("team:"):
            continue
        cause = slips.get((ident_of(f.entity), str(values.get("duty"))))
        if cause is None:
            continue
        behind.setdefault(id(cause), []).append(f)
    return hold_behind(findings, behind)
