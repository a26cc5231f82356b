"""The teams a finding involves: the team that owns its entity, then those its check named."""

from __future__ import annotations

from collections.abc import Mapping

from orgspec.findings import Finding, replaced
from orgspec.model.org import Org, Raci, node_key

# The entity kinds whose `owner` field names who answers for them.
_OWNED = {"objective": "Objective", "process": "Process"}


def with_teams(findings: list[Finding], org: Org) -> list[Finding]:
    """`findings` with `teams` set: the owning teams of each one's entity (`owning_teams`;
    those among them the check named first, in its order, so `teams[0]` is the team the
    finding is anchored at), then the teams its check named (`Issue.teams`, stamped into
    `teams`), each once; ids that are no team of `org` are left out. O(1) per finding but
    a duty's accountable holders, a meeting's attendees and a person's teams and positions."""
    # the findings' duties alone: `org.raci` (every statement of the org) is built only in
    # the process that ran the rules reading it, which need not be this one
    accountable = Raci.accountable_of(org, (f.entity.partition(":")[2] for f in findings
                                            if f.entity.startswith("responsibility:")))
    out = []
    for f in findings:
        owning = owning_teams(org, f.entity, accountable)
        # the owning teams the check named come first, in its order: it knows which of a
        # duty's several owners the finding is anchored at (OW001's first located claim)
        named = [t for t in f.teams if t in owning]
        teams = tuple(t for t in dict.fromkeys([*named, *owning, *f.teams])
                      if t in org.teams)
        out.append(f if teams == f.teams else replaced(f, teams=teams))
    return out


def owning_teams(org: Org, entity: str,
                 accountable: Mapping[str, list[str]] | None = None) -> list[str]:
    """The ids of the teams that answer for `entity` (a node key, `responsibility:refund`):
    a team itself; a duty's accountable teams, the teams of its accountable positions and
    people (with none accountable: those of its responsible owners);
    the team of a position; the owner of an objective or process (a team, a position's
    team, or a person's teams as a person's findings carry them); a meeting's owner (a
    person: their teams), then the teams of its attendees; a person's teams (those they
    lead or belong to, in team order), then the teams of the positions they hold. May
    repeat a team; ids may be no team.
    `accountable`: each duty's accountable holders (default `org.raci.accountable`)."""
    kind, _, ident = entity.partition(":")
    if kind == "team":
        return [ident]
    if kind == "responsibility":
        holders = (org.raci.accountable if accountable is None else accountable).get(ident, ())
        # with no accountable owner (OW003), the responsible ones answer for it (trial 27:
        # OW003 on a duty done by a person of 运营部 was filed under no team)
        return [t for h in holders or _responsible(org, ident) for t in _teams_of(org, h)]
    if kind == "role":
        pos = org.positions.get(ident)
        return [pos.team] if pos is not None and pos.team else []
    if kind == "person":
        return _person_teams(org, ident)
    if kind == "meeting":
        meeting = org.meetings.get(ident)
        if meeting is None:
            return []
        return [t for ref in (meeting.owner, *meeting.attendees)
                for t in _teams_of(org, org.holder(ref))]
    if kind in _OWNED:
        owned = org.table(_OWNED[kind]).get(ident)
        return _teams_of(org, org.holder(getattr(owned, "owner", None)))
    return []


def _responsible(org: Org, rid: str) -> list[str]:
    """The holder nodes duty `rid` names `responsible`, then the teams whose charters claim
    it `responsible`, in file order."""
    resp = org.responsibilities.get(rid)
    named = [h for ref in (resp.responsible if resp is not None else ())
             if (h := org.holder(ref)) is not None]
    return [*named, *(node_key("team", c.team) for c in org.claims
                      if c.responsibility == rid and c.role == "responsible")]


def _person_teams(org: Org, pid: str) -> list[str]:
    return [*org.person_teams.get(pid, ()),
            *(org.positions[rid].team or "" for rid in org.people_positions.get(pid, ()))]


def holder_teams(org: Org, holder: str | None) -> list[str]:
    """The teams a holder node (`team:cs`, `role:cs-lead`, `person:li-na`) stands for: a
    team, a position's team, a person's teams (those they lead or belong to, then those of
    their positions); ids may be no team."""
    return _teams_of(org, holder)


def _teams_of(org: Org, holder: str | None) -> list[str]:
    """The teams a holder node stands for: a team, a position's team, a person's teams."""
    if holder is None:
        return []
    if holder.startswith("person:"):
        return _person_teams(org, holder.partition(":")[2])
    team = _team_of(org, holder)
    return [team] if team else []


def _team_of(org: Org, holder: str) -> str:
    """The team of a holder node (`team:cs` -> cs; `role:cs-lead` -> its team); ""."""
    kind, _, ident = holder.partition(":")
    if kind == "team":
        return ident
    if kind == "role" and ident in org.positions:
        return org.positions[ident].team or ""
    return ""
