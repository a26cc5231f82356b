"""The teams a finding involves: the team that owns its entity, then those its check named."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from orgspec.findings import Finding
from orgspec.model.org import Org, Raci

# The entity kinds whose `owner` field names who answers for them.
_OWNED = {"objective": "Objective", "process": "Process", "meeting": "Meeting"}


def with_teams(findings: list[Finding], org: Org) -> list[Finding]:
    """`findings` with `teams` set: the owning teams of each one's entity (`owning_teams`),
    then the teams its check named (`Issue.teams`, stamped into `teams`), each once; ids
    that are no team of `org` are left out. O(1) per finding but a duty's accountable
    holders."""
    # the findings' duties alone: `org.raci` (every statement of the org) is built only in
    # the process that ran the rules reading it, which need not be this one
    accountable = Raci.accountable_of(org, (f.entity.partition(":")[2] for f in findings
                                            if f.entity.startswith("responsibility:")))
    out = []
    for f in findings:
        teams = tuple(t for t in dict.fromkeys([*owning_teams(org, f.entity, accountable),
                                                 *f.teams])
                      if t in org.teams)
        out.append(f if teams == f.teams else replace(f, teams=teams))
    return out


def owning_teams(org: Org, entity: str,
                 accountable: Mapping[str, list[str]] | None = None) -> list[str]:
    """The ids of the teams that answer for `entity` (a node key, `responsibility:refund`):
    a team itself; a duty's accountable teams, and the teams of its accountable positions;
    the team of a position; the owner of an objective, process or meeting when it is a team
    or a position (its team). A person answers for themself, on no team's behalf: none.
    `accountable`: each duty's accountable holders (default `org.raci.accountable`)."""
    kind, _, ident = entity.partition(":")
    if kind == "team":
        return [ident]
    if kind == "responsibility":
        holders = (org.raci.accountable if accountable is None else accountable).get(ident, ())
        return [t for h in holders if (t := _team_of(org, h))]
    if kind == "role":
        pos = org.positions.get(ident)
        return [pos.team] if pos is not None and pos.team else []
    if kind in _OWNED:
        owned = org.table(_OWNED[kind]).get(ident)
        holder = org.holder(getattr(owned, "owner", None))
        team = _team_of(org, holder) if holder else ""
        return [team] if team else []
    return []


def _team_of(org: Org, holder: str) -> str:
    """The team of a holder node (`team:cs` -> cs; `role:cs-lead` -> its team); ""."""
    kind, _, ident = holder.partition(":")
    if kind == "team":
        return ident
    if kind == "role" and ident in org.positions:
        return org.positions[ident].team or ""
    return ""
