"""One mistake, one finding: an empty team (`support` left with no members, no lead and no
duty after its people and positions moved to `platform`) is HI006's finding alone.

HI005 (no lead) and OW006 (an empty charter) on a team HI006 reports (nobody in it or below
it) follow from the same state: the team was emptied or is a leftover, and one edit fixes
all three (delete the team, or staff it). HI006 is kept, its message and hint saying what
else is missing, and each HI005 and OW006 on that team is held back behind it (a baseline
entry for one is not checked, not fixed). Only when HI006 is reported for that team: turned
off, ignored for the file, suppressed inline or held back behind a dropped value, HI005 and
OW006 are reported as they were.

An emptied team with no lead that is still the only accountable owner of a duty leaves
that duty with nobody to answer for it. That is the same mistake, so HI006's message names
those duties (the first few, then a count) and its hint says to hand them over before the
team goes: no second finding on the duty.

Light on purpose, as `engine.noteam`: it reads the findings, and the org's RACI of the
teams HI006 reports only.
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.engine.pending import first_ids
from orgspec.findings import Finding, replaced
from orgspec.i18n import M, P
from orgspec.model.models import is_vacant
from orgspec.model.org import Org, Raci, ident_of, node_key

NO_MEMBERS = "HI006"
NO_LEAD = "HI005"
NO_DUTIES = "OW006"
INVALID = "SC003"
NO_TEAM = "HI007"
SHOWN_DUTIES = 3  # the duties HI006's message names; the rest are counted


def _team(f: Finding) -> object:
    return getattr(f.message, "values", {}).get("team")


def alone(org: Org, teams: Iterable[str]) -> dict[str, list[str]]:
    """Team node (`team:x`) -> the duties it is the only accountable holder of, in the
    org's duty order, for each of `teams` (node keys) that has no lead or a placeholder
    one (`TBD`); teams with none left out. One pass over the duties' own `accountable`
    and the charters, then the holders of the duties found."""
    nodes = {t for t in teams if (team := org.teams.get(ident_of(t))) is not None
             and (not team.lead or is_vacant(team.lead))}
    if not nodes:
        return {}
    found: dict[str, set[str]] = {}
    for rid, duty in org.responsibilities.items():
        for ref in duty.accountable:
            holder = org.holder(ref)
            if holder is not None and holder in nodes:
                found.setdefault(holder, set()).add(rid)
    for c in org.claims:
        if c.role == "accountable" and (claimer := node_key("team", c.team)) in nodes:
            found.setdefault(claimer, set()).add(c.responsibility)
    if not found:
        return {}
    holders = Raci.accountable_of(org, set().union(*found.values()))
    order = {rid: i for i, rid in enumerate(org.responsibilities)}
    out: dict[str, list[str]] = {}
    for node, rids in found.items():
        only = sorted((r for r in rids if holders.get(r) == [node]), key=order.__getitem__)
        if only:
            out[node] = only
    return out


def _unowned(f: Finding, duties: list[str]) -> Finding:
    """HI006's `f` on a team with no lead that alone answers for `duties`: those duties
    have nobody to answer for them (trial 29: the duty got no finding at all)."""
    named = first_ids(duties, SHOWN_DUTIES)
    return replaced(
        f, message=P("team {team!r} has no members and no lead, yet it alone is accountable "
                     "for duty {duties}: nobody answers for it",
                     "team {team!r} has no members and no lead, yet it alone is accountable "
                     "for {n} duties: {duties}; nobody answers for them",
                     team=_team(f), n=len(duties), duties=named),
        hint=M("make a team with people `accountable` for {duties} instead, then delete "
               "this team if it is no longer there; or list its people under `members` "
               "and its lead under `lead`", duties=named))


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
                               "or make teams with people its child teams (`parent: {team}` "
                               "on them)", team=team))
    return replaced(f, message=M("team {team!r} has no members and holds no duty", team=team),
                    hint=M("delete the team if it is no longer there; else list its people "
                           "under `members` and what it answers for under `responsibilities`"))


def empty_behind(findings: list[Finding], org: Org | None = None
                 ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each HI005 and OW006 on a team an HI006 among them reports (that
    HI006 then says what else the team lacks, and, given the `org`, the duties it alone is
    accountable for when it has no lead: `alone`), and those HI005s and OW006s, as they
    were. One pass over `findings`, one more when a team has no members."""
    empty = {f.entity for f in findings if f.code == NO_MEMBERS and f.entity}
    if not empty:
        return findings, []
    owned = alone(org, empty) if org is not None else {}
    held = [f for f in findings if f.code in (NO_LEAD, NO_DUTIES) and f.entity in empty]
    if not held and not owned:
        return findings, []
    gone = {id(f) for f in held}
    lead = {f.entity for f in held if f.code == NO_LEAD}
    duties = {f.entity for f in held if f.code == NO_DUTIES}
    either = lead | duties
    out = []
    for f in findings:
        if id(f) in gone:
            continue
        if f.code == NO_MEMBERS and f.entity in owned:
            f = _unowned(f, owned[f.entity])
        elif f.code == NO_MEMBERS and f.entity in either:
            f = _said(f, f.entity in lead, f.entity in duties)
        out.append(f)
    return out, held


def unread_members_behind(findings: list[Finding], org: Org
                          ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each HI007 (a person on no team) while a team's `members` was
    written empty (`members:`, `members: ~`) and dropped with SC003: the people meant for
    it are on no team until the list is written (trial 36: SC003 and HI007 for one empty
    field, where `members: 谢颖、韩梅` holds HI007 behind its RF001); SC003's hint names
    them. A person holding a position of such a team waits behind that team's SC003, any
    other behind the first. An explicit `members: []` says the team has nobody: HI007
    stays. One pass over `findings` when no team lost its `members`."""
    from orgspec.engine.holdback import hold_behind

    empty = [key for key, dropped in org.incomplete.items()
             if key.startswith("team:") and "members" in dropped and not dropped["members"]]
    if not empty:
        return findings, []
    causes: dict[str, Finding] = {}
    for f in findings:
        if f.code == INVALID and f.entity in empty and f.entity not in causes \
                and "`members`" in str(getattr(f.message, "values", {}).get("field", "")):
            causes[f.entity] = f
    if not causes:
        return findings, []
    first = next(causes[key] for key in empty if key in causes)
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        if f.code != NO_TEAM or not f.entity.startswith("person:"):
            continue
        pid = ident_of(f.entity)
        cause = next((causes[node] for rid in org.people_positions.get(pid, ())
                      if rid in org.positions and (node := node_key(
                          "team", str(org.positions[rid].team))) in causes), first)
        behind.setdefault(id(cause), []).append(f)
    return hold_behind(findings, behind)
