"""Where a position's holders work, said as the `team:` to write. A team split in two
(`ops` into `ops-content` and `ops-events`, members moved) leaves a position's `team: ops`
naming a team that is gone (RF001) or left empty (RO002 at its `team:`), its holders on the
new teams: the hint names them (`写 ops-content 或 ops-events？`)."""

from __future__ import annotations

from orgspec.i18n import M
from orgspec.model.org import Org

MOST_CHOICES = 3  # more teams than this: the holders are spread, not split off one team


def holder_teams(org: Org, rid: str, team: str | None,
                 holders: list[str] | None = None) -> list[tuple[str, list[str]]] | None:
    """[(team id, the holders of position `rid` on it)], in the order of the holders (each
    holder on each team they are on); None when a holder is on no team or on `team`'s
    line (`team` or a team above it: moving the position there is no fix), when there are
    no holders, or more than MOST_CHOICES teams. `holders`: those to place (default: all)."""
    people = org.position_holders.get(rid, []) if holders is None else holders
    if not people:
        return None
    line: set[str] = set()
    at = team
    while at is not None and at in org.teams and at not in line:
        line.add(at)
        at = org.teams[at].parent
    found: dict[str, list[str]] = {}
    for pid in people:
        teams = sorted(org.person_teams.get(pid, ()))
        if not teams or line.intersection(teams):
            return None
        for t in teams:
            found.setdefault(t, []).append(pid)
    if len(found) > MOST_CHOICES:
        return None
    return list(found.items())


def _choices(teams: list[str]) -> M:
    """`` `team: a` or `team: b` ``, each team's id as written in `team:`."""
    said = M("`team: {id}`", id=teams[-1])
    for t in reversed(teams[:-1]):
        said = M("`team: {id}` or {rest}", id=t, rest=said)
    return said


def teams_hint(placed: list[tuple[str, list[str]]], team: str | None = None) -> M:
    """The hint for a position whose holders are on the teams of `placed` (`holder_teams`):
    the `team:` to write, one of them, or a position per team; `team`: the position's
    (known) team, whose members the holders may be added to instead."""
    if len(placed) == 1:
        tid, people = placed[0]
        if team is None:
            return M("its holders {holders} are on {team!r}: write `team: {id}`?",
                     holders=people, team=tid, id=tid)
        return M("its holders {holders} are on {team!r}: write `team: {id}`? Or add them "
                 "to {old!r}", holders=people, team=tid, id=tid, old=team)
    who = [M("{holders} on {team!r}", holders=people, team=tid) for tid, people in placed]
    choices = _choices([tid for tid, _ in placed])
    if team is None:
        return M("its holders are on these teams: {who}. Write {choices}? Or make one "
                 "position per team", who=who, choices=choices)
    return M("its holders are on other teams: {who}. Write {choices}? Or make one position "
             "per team, or add its holders to {old!r}", who=who, choices=choices, old=team)
