"""What a full run keeps of its org's RACI for the next run to answer an edit of who else
holds a duty (`responsible`, `consulted`, `informed`) without the org (`engine.raciedit`).

Every whole-org rule that reads a duty's RACI is a function of the merged statements
(`model.org.Raci`) and of the rest of the org. An edit of those three lists of one duty
`d` leaves `accountable` and every other entity as written, so it can change only:

- RF001, RF005, RF007: the references `d` writes (an unknown, placeholder or former id; an
  entity left referenced by nothing beside an unknown id): none when each id the edit adds
  or removes names a team, person or position of the org and the org has no unknown
  reference, alias or suppression (`clean`);
- OW001, OW002, OW003, OW005: `d`'s own, a function of its accountable owners (the same)
  and, with none or a placeholder, of its other holders: none when `d` has an accountable
  owner and every field of it names one (`unowned`, `unresolved`);
- OW004: a charter claim on `d` by a team the edit moves (`claimed`);
- OW006: a team whose statements go from none to some or back (`team_holds`);
- MT004: `d`'s open team pairs: the same when every pair the edit may add or remove
  (a team it moves in `responsible` or `consulted` with a team of any holder of `d`) is
  closed: the two teams share a channel (`channels`), or no pair can be open
  (`pairs_closed`: one channel every team has, or no meeting nor channel written);
- RO002, RO003: a position's duty `d` whose team holders change: none while the
  position's team holds `d` itself, before and after (`role_teams`);
- PR005, PR008: a process serving `d` whose owner or a step's (a team, a position) the
  edit moves (`served`);
- RF006, RO005: nothing (a person's accountable count is unchanged, and a person who
  holds no duty is accountable for none).

Shapes: ids are strings; `claimed`: duty -> the teams whose charters claim it;
`role_teams`: duty -> the teams (of the org) of the positions that claim it; `served`:
duty -> the team and position ids the processes serving it hand it to (their owners', their
steps' owners'): each a set of ids kept as one string, joined by NUL, read back by `ids`
(kept as a dict of tuples, which the garbage collector tracks, they read back 20x slower
at 500 teams);
`channels`: team -> its channels, case-folded, joined so (teams with one or more);
`lists`: duty -> its four RACI lists as validated (`ROLES` order), each joined so and the
four joined by SOH (`lists_of`); `placeholders`: `models.PLACEHOLDERS` (the path does not
import the models).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from orgspec.model.org import Org

# The whole-org rules that read a duty's RACI fields beyond `accountable`, each answered
# by the facts above (the module's list); another such rule sends the edit the full path.
HANDLED = frozenset(("RF001", "RF005", "RF006", "RF007", "OW001", "OW002", "OW003", "OW004",
                     "OW005", "OW006", "MT004", "RO002", "RO003", "RO005", "PR005", "PR008"))
# The entity-local rules the path knows: none reads a duty's lists but RF004, which finds
# nothing in lists that name each id once (`raciedit._changes` asks that); SC004 and SC005
# read a duty's name, which the edit leaves. Another enabled one (a rule pack's) sends the
# edit the full path.
LOCAL_SAFE = frozenset((
    "HI003", "HI005", "MT001", "MT002", "MT006", "SC004", "SC005", "OK001", "OK002", "OK003",
    "OK004", "OK005", "OK006", "OK007", "OK008", "OK009", "OK010", "OK011", "OK016", "OK017",
    "RO004", "PR001", "PR006", "PR007", "PR009", "RF004"))
ROLES = ("accountable", "responsible", "consulted", "informed")  # `models.ROLES`
# the duty digests an edit of its other roles changes (`summary.FileSummary.kinds`)
DUTY_PARTS = frozenset(("Responsibility", "Responsibility.structure", "Responsibility.named"))


@dataclass
class RaciFacts:
    """The org's RACI as `engine.raciedit` reads it (see the module): the people's and
    positions' ids (the teams' are `warm.State.teams`), duty-id sets, team id -> its RACI
    statements (every role and side), and two verdicts on the whole org."""

    people: frozenset[str]
    positions: frozenset[str]
    unresolved: frozenset[str]
    unowned: frozenset[str]
    claimed: dict[str, str]
    role_teams: dict[str, str]
    served: dict[str, str]
    team_holds: dict[str, int] = field(default_factory=dict)
    pairs_closed: bool = False
    clean: bool = False
    channels: dict[str, str] = field(default_factory=dict)
    # the run's whole-org rules that read the duties' other roles (`readers`): each must
    # be one of `HANDLED`
    readers: frozenset[str] = frozenset()
    lists: dict[str, str] = field(default_factory=dict)
    placeholders: frozenset[str] = frozenset()

    def holder(self, teams: frozenset[str], ref: str) -> str | None:
        """`Org.holder(ref)` from the facts: a team wins over a person, a person over a
        position; None for a placeholder (`models.is_placeholder`) or an unknown id."""
        if ref.strip().casefold() in self.placeholders:
            return None
        if ref in teams:
            return "team:" + ref
        if ref in self.people:
            return "person:" + ref
        return "role:" + ref if ref in self.positions else None


def readers(codes: Iterable[str]) -> frozenset[str]:
    """The ones of `codes` (whole-org rules, their declarations loaded) that read a duty's
    roles beyond `accountable` (`registry.READS`: the duty's structure, or every kind)."""
    from orgspec.engine.incremental import _reads

    return frozenset(code for code in codes if (reads := _reads(code)) is None or
                     not reads.isdisjoint(DUTY_PARTS))


def facts_of(org: Org, codes: Iterable[str]) -> RaciFacts:
    """The `RaciFacts` of an org after its rules ran (`org.raci` is made by then), for a
    run of the whole-org rules `codes`."""
    from orgspec.model.models import PLACEHOLDERS

    raci = org.raci
    holds: dict[str, int] = {}
    for holder, statements in raci.by_holder.items():
        if holder.startswith("team:"):
            holds[holder[5:]] = len(statements)
    claimed: dict[str, set[str]] = {}
    for c in org.claims:
        claimed.setdefault(c.responsibility, set()).add(c.team)
    # each distinct set made once: pickled once, read back once
    one: dict[str, str] = {}
    channels = {tid: one.setdefault(got, got) for tid, team in org.teams.items()
                if (got := _joined({c.casefold() for c in team.channels}))}
    role_teams: dict[str, set[str]] = {}
    for rc in org.role_claims:
        pos = org.positions.get(rc.position)
        if pos is not None and pos.team in org.teams:
            role_teams.setdefault(rc.responsibility, set()).add(str(pos.team))
    served: dict[str, set[str]] = {}
    for proc in org.processes.values():
        if proc.responsibility:
            given = served.setdefault(proc.responsibility, set())
            for owner in (proc.owner, *(step.owner for step in proc.steps)):
                if owner is not None:
                    given.add(owner)
                    pos = org.positions.get(owner)
                    if pos is not None and pos.team:
                        given.add(str(pos.team))
    return RaciFacts(
        frozenset(org.people), frozenset(org.positions), raci.unresolved,
        frozenset(rid for rid, owners in raci.accountable.items() if not owners),
        {rid: _joined(teams) for rid, teams in claimed.items()},
        {rid: _joined(teams) for rid, teams in role_teams.items()},
        {rid: _joined(given) for rid, given in served.items()},
        holds, _pairs_closed(org), not org.directives and not org.aliased, channels,
        readers(codes), {rid: lists_text(tuple(list(getattr(duty, role)) for role in ROLES))
                         for rid, duty in org.responsibilities.items()}, PLACEHOLDERS)


def lists_text(lists: tuple[list[str], ...]) -> str:
    """A duty's four RACI lists as `RaciFacts.lists` keeps them."""
    return "\1".join("\0".join(values) for values in lists)


def lists_of(text: str) -> tuple[list[str], ...]:
    """A duty's four RACI lists from `RaciFacts.lists` (`lists_text`'s inverse)."""
    return tuple(part.split("\0") if part else [] for part in text.split("\1"))


def _joined(found: set[str]) -> str:
    """A set of ids as `RaciFacts` keeps it (`ids` reads it back)."""
    return "\0".join(sorted(found))


def ids(joined: str | None) -> set[str]:
    """The ids `RaciFacts` keeps as one string (None, "": none)."""
    return set(joined.split("\0")) if joined else set()


def _pairs_closed(org: Org) -> bool:
    """Whether no RACI edit can open a team pair for MT004: the org writes no meeting and
    no channel (the rule says nothing), or one channel is every team's (a pair's teams
    share it: `meetings._Teams.closed`). A holder stands for teams of the org only
    (`Presence.teams_of`)."""
    teams = list(org.teams.values())
    if not org.meetings and not any(t.channels for t in teams):
        return True
    if not teams:
        return True
    common: set[str] | None = None
    for team in teams:
        own = {c.casefold() for c in team.channels}
        common = own if common is None else common & own
        if not common:
            return False
    return bool(common)


def pairs_stay(facts: RaciFacts, teams: frozenset[str], rid: str, moved: set[str],
               holders: set[str]) -> bool:
    """Whether MT004's open pairs of duty `rid` stay the same when the teams `moved` join
    or leave its `responsible` or `consulted` while `holders` (ids: its own lists before
    and after) hold it: every pair of a moved team with a team of a holder of the duty
    (its own lists', its charter claims', its positions' teams) shares a channel
    (`meetings._Teams.closed`). A person or position among its own lists' holders is not
    decided here."""
    if facts.pairs_closed:
        return True
    if not holders <= teams or not moved <= teams:
        return False
    partners = holders | ids(facts.claimed.get(rid)) | ids(facts.role_teams.get(rid))
    channels = {team: ids(facts.channels.get(team)) for team in partners | moved}
    for team in moved:
        own = channels[team]
        if not own:
            return False
        for other in partners:
            if other != team and own.isdisjoint(channels[other]):
                return False
    return True
