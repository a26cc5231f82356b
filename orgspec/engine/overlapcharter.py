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

from typing import TYPE_CHECKING

from orgspec.engine.charterroles import ACCOUNTABLE, charter_slip, pair
from orgspec.findings import Finding, message_values
from orgspec.model.org import Org, ident_of

if TYPE_CHECKING:
    from orgspec.model.positions import Presence

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


GAP = "MT004"


def gap_behind_overlap(findings: list[Finding], org: Org
                       ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each MT004 on a duty that only the team an OW001 among them says
    was made accountable by a charter entry without a role brought into the gap (finance
    `responsibilities: [refund]`, the duty `informed: finance`: MT004 says 客服部 and 财务部
    share it with no meeting, trial 36); OW001's hint, `{ref: refund, role: informed}`,
    ends both, and names the MT004 held back; and those MT004s. Held only when the gap
    names two teams, that one among them, and their pair no longer shares the duty with
    the entry rewritten as the hint says. One pass over `findings`, one more when such an
    OW001 is among them."""
    from orgspec.engine.holdback import hold_behind

    slips: dict[str, tuple[str, str, Finding]] = {}  # duty id -> (team, its role, OW001)
    for f in findings:
        if f.code == OVERLAP and f.entity.startswith("responsibility:"):
            rid = ident_of(f.entity)
            slip = _bare_slip(org, rid)
            if slip is not None:
                slips[rid] = (*slip, f)
    if not slips:
        return findings, []
    from orgspec.model.positions import presence

    where: Presence | None = None
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        if f.code != GAP or not f.entity.startswith("responsibility:"):
            continue
        rid = ident_of(f.entity)
        got = slips.get(rid)
        if got is None or len(f.teams) != 2 or got[0] not in f.teams:
            continue
        team, role, cause = got
        [other] = [t for t in f.teams if t != team] or [team]
        where = where or presence(org)
        if other == team or _shared_after(org, where, rid, team, role, other):
            continue
        behind.setdefault(id(cause), []).append(f)
    return hold_behind(findings, behind)


def _bare_slip(org: Org, rid: str) -> tuple[str, str] | None:
    """(team id, the role the duty's own fields give it) of the one team that a charter
    entry without a role makes a second accountable owner of duty `rid` while the duty
    names it in another role (`checks.ownership._one_bare`'s hint: write `{ref: rid, role:
    ROLE}` in the charter); None when the OW001 is of another kind."""
    holds = org.raci.by_duty.get(rid, ())
    named = {h.holder for h in holds if h.role == ACCOUNTABLE and h.source == "duty"}
    added = list(dict.fromkeys(h.holder for h in holds
                               if h.role == ACCOUNTABLE and h.holder not in named))
    if len(added) != 1 or not added[0].startswith("team:") or any(
            h.holder == added[0] and h.role == ACCOUNTABLE and h.source == "position"
            for h in holds):
        return None
    team = added[0][5:]
    p = pair(org, rid, team)
    if p is None or sum(p.bare) != 1:
        return None
    written = sorted(h.role for h in holds if h.holder == added[0] and h.source == "duty"
                     and h.role != ACCOUNTABLE)
    return (team, written[0]) if written else None


def _shared_after(org: Org, where: Presence, rid: str, team: str, role: str,
                  other: str) -> bool:
    """Whether teams `team` and `other` still share duty `rid` (MT004's pairs: accountable
    or responsible in one, responsible or consulted in the other) once `team`'s charter
    entry without a role gives `role` (or, with another entry for the duty, is removed)."""
    node = "team:" + team
    p = pair(org, rid, team)
    twice = p is not None and len(p.charter) > 1
    first: set[str] = set()
    second: set[str] = set()
    slipped = False
    for h in org.raci.by_duty.get(rid, ()):
        held = h.role
        if not slipped and h.holder == node and h.source == "charter" and held == ACCOUNTABLE:
            slipped = True  # the entry without a role, as the hint rewrites it
            if twice:
                continue
            held = role
        teams = set(where.teams_of(org, h.holder))
        if held in ("accountable", "responsible"):
            first |= teams
        if held in ("responsible", "consulted"):
            second |= teams
    return (team in first and other in second) or (other in first and team in second)
