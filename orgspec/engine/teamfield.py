"""SC001 at a `team:` written on a person who is in that team already (trial 34: `team:
sz-warehouse` on 刘洋, listed in the team's `members`): the field is unknown all the same
(membership is written on the team: SC001's rule doc), but its hint says to delete it, not
to add the person to the `members` they are in.

Light on purpose, as `engine.emptyteam`: it reads the findings, and the teams of the
people SC001 reports such a field on (the dropped value, `Org.incomplete`).
"""

from __future__ import annotations

from orgspec.findings import Finding, replaced
from orgspec.i18n import M
from orgspec.model.org import Org, ident_of
from orgspec.model.validate import fact_meant

UNKNOWN_FIELD = "SC001"


def member_hints(findings: list[Finding], org: Org) -> list[Finding]:
    """`findings` with the hint of each SC001 at a person's team field (`team`, `teams`,
    `部门` ...) whose every team lists the person in its `members` already saying to
    delete it; `findings` itself when there is none. O(findings)."""
    if not org.incomplete:
        return findings
    out: list[Finding] | None = None
    for at, f in enumerate(findings):
        hint = _hint(f, org) if f.code == UNKNOWN_FIELD else None
        if hint is not None:
            out = out if out is not None else list(findings)
            out[at] = replaced(f, hint=hint)
    return out if out is not None else findings


def _hint(f: Finding, org: Org) -> M | None:
    """The hint for SC001 `f` when it is at a team field of a person in every team it
    names, else None."""
    field = getattr(f.message, "values", {}).get("field")
    if not f.entity.startswith("person:") or not isinstance(field, str) or \
            fact_meant("person", field) != "team":
        return None
    value = org.incomplete.get(f.entity, {}).get("team")
    teams = [value] if isinstance(value, str) else value
    if not isinstance(teams, list) or not teams or \
            not all(isinstance(t, str) and t in org.teams for t in teams):
        return None
    pid = ident_of(f.entity)
    # `members` only: a lead missing from them is HI004's, which this hint would not end
    if not all(pid in org.teams[t].members for t in teams):
        return None
    teams = list(dict.fromkeys(teams))
    if len(teams) == 1:
        return M("{person!r} is in the `members` of team {team!r} already: `{field}` here "
                 "says nothing more; delete it", person=pid, team=teams[0], field=field)
    return M("{person!r} is in the `members` of each of the teams {teams} already: `{field}` "
             "here says nothing more; delete it", person=pid, teams=teams, field=field)
