"""One mistake, one finding: a person whose `roles` name a position of another team in
place of the one of their own team that lists them (陳志明 `roles: [live-host]`, hk-ops'
position, typed for `[cs-agent]`, hk-cs' position whose `holders` name him; trial 34).

That one slip reads as three facts: RO006 (cs-agent's `holders` name him, his `roles` do
not list it), RO002 (he holds live-host but is not on hk-ops) and, when live-host's one
seat was open under a suppression of RO001, SU001 (the suppression is now unused, and its
hint "remove it", followed, would bring RO001 back once `roles` is fixed). RO006 is the
one finding, its hint naming the slip and the `roles` to write (`roles_slip`,
`checks.positions`); behind it are held the RO002 on that person and position, an RO006
on that position that only that person's `roles` make, such an SU001, and RO005 on that
person when the listed position is the one over its limit of teams led and positions held
(`roles_behind`). Only when that RO006 is reported are they held.

The same slip where the meant position's `holders` name no one but an open seat (`holders:
[待招聘]`, or a `headcount` over its holders; a person's `roles` fill such a seat) made RO002,
RO001 (the seat `roles` no longer fill) and SU001, and no RO006 (trial 34's leftover): the
one open position of the person's own team takes the place of the `holders` naming them
(`open_seat_slips`); RO006 is then said at that position, and the RO001 on it is held
behind it too when the person would fill its last open seat.
"""

from __future__ import annotations

from typing import NamedTuple

from orgspec.findings import Finding, message_values, replaced
from orgspec.model.org import Org, ident_of
from orgspec.model.teamtree import TeamTree

RO006 = "RO006"
OUTSIDE = "RO002"
VACANCY = "RO001"
UNUSED = "SU001"
OVERLOAD = "RO005"


class Slip(NamedTuple):
    """Person `person`'s `roles` list `listed` (of team `team`, which they are not on)
    where `meant`, a position of their own team whose `holders` name them, was meant."""

    person: str
    listed: str
    team: str
    meant: str
    open: bool = False  # `meant` has an open seat, not `holders` naming `person`


def roles_slip(org: Org, tree: TeamTree, rid: str, pid: str) -> Slip | None:
    """The slip when holder `pid` of position `rid` does not list it in their (written)
    `roles` while `rid` is a position of their team (or one above theirs) and their
    `roles` list exactly one position of a team they are not on whose `holders` leave
    them out; else None."""
    person = org.people.get(pid)
    pos = org.positions.get(rid)
    if person is None or pos is None or pos.team is None or not person.roles:
        return None
    teams = org.person_teams.get(pid, ())

    def on(team: str) -> bool:
        return any(t == team or tree.is_ancestor(team, t) for t in teams)

    if not on(pos.team):
        return None
    found = []
    for other in dict.fromkeys(person.roles):
        listed = org.positions.get(other)
        if other == rid or listed is None or pid in listed.holders:
            continue
        if listed.team is None or listed.team not in org.teams or on(listed.team):
            continue
        found.append(Slip(pid, other, listed.team, rid))
    return found[0] if len(found) == 1 else None


def open_seat_slips(org: Org, tree: TeamTree) -> list[Slip]:
    """The slips of people whose `roles` list exactly one position of a team they are not
    on (nor on one below it), which its `holders` leave out, where one position of a team
    they lead or are a member of has an open seat that their `roles` would fill: its
    `holders` name no one (only open seats, or none) and their `roles` do not list it.
    None for a person a position's `holders` name while their `roles` leave it out (the
    slip `roles_slip` finds, or a plain RO006), nor for two such positions of their teams,
    nor when two people's slips would fill one seat: no one slip to name. One pass over
    the people; the positions by team are found only when someone lists such a position."""
    from orgspec.model.models import is_vacant
    from orgspec.model.positions import seats

    by_team: dict[str, list[str]] | None = None
    found: dict[str, list[Slip]] = {}
    for pid, person in org.people.items():
        teams = org.person_teams.get(pid, ())
        if not person.roles or not teams:
            continue
        others = [rid for rid in dict.fromkeys(person.roles)
                  if (pos := org.positions.get(rid)) is not None and pid not in pos.holders
                  and pos.team is not None and pos.team in org.teams]
        if not others:
            continue
        out = [rid for rid in others if not any(
            t == org.positions[rid].team or tree.is_ancestor(str(org.positions[rid].team), t)
            for t in teams)]
        if len(out) != 1 or any(rid not in person.roles
                                for rid in org.people_positions.get(pid, ())):
            continue
        if by_team is None:
            by_team = {}
            for rid, pos in org.positions.items():
                if pos.team is not None and all(is_vacant(h) for h in pos.holders):
                    by_team.setdefault(pos.team, []).append(rid)
        meant = [rid for t in dict.fromkeys(teams) for rid in by_team.get(t, ())
                 if rid not in person.roles and seats(org, rid).open]
        if len(meant) == 1:
            listed = org.positions[out[0]]
            found.setdefault(meant[0], []).append(
                Slip(pid, out[0], str(listed.team), meant[0], True))
    return [slips[0] for slips in found.values() if len(slips) == 1]


def is_slip_hint(hint: object) -> bool:
    """Whether `hint` (an RO006's, maybe said or wrapped) is the one `roles_slip` words."""
    from orgspec.engine.holdback import bare_hint

    values = getattr(bare_hint(hint), "values", None)
    return isinstance(values, dict) and values.get("slip") is True


def _slip_of(f: Finding) -> Slip | None:
    from orgspec.engine.holdback import bare_hint

    if f.code != RO006 or not is_slip_hint(f.hint):
        return None
    values = getattr(bare_hint(f.hint), "values", {})
    return Slip(str(values["person"]), str(values["listed"]), str(values["team"]),
                str(values["position"]), values.get("open") is True)


def _only_by(f: Finding, person: str) -> bool:
    """Whether every related location of RO006 `f` is about `person`."""
    return bool(f.related) and all(
        getattr(getattr(r.message, "source", r.message), "values", {}).get("person") == person
        for r in f.related)


def _vacancy_lines(org: Org, rid: str) -> set[tuple[str, int]]:
    """The lines an RO001 on position `rid` may sit at or be suppressed from (its first
    line, `id`, `headcount`, `holders`)."""
    origin = org.origin("Role", rid)
    pos = org.positions[rid]
    fields = ["id", *(f for f in ("headcount", "holders") if f in pos.model_fields_set)]
    places = [origin.locate(), *(origin.locate(f) for f in fields)]
    return {(p.file, p.line) for p in places}


def _open_without(org: Org, slip: Slip) -> bool:
    """Whether position `slip.listed` would have an open seat without `slip.person`."""
    from orgspec.model.positions import seats

    s = seats(org, slip.listed)
    if s.open:
        return False  # RO001 is there now: not this slip's
    pos = org.positions[slip.listed]
    filled = s.filled - 1
    written = sum(1 for h in pos.holders if h != slip.person)  # 待招聘 and names alike
    planned = pos.headcount if pos.headcount is not None else max(1, written, filled)
    return filled < planned


def _one_over(values: dict[str, object]) -> bool:
    """Whether RO005 said with `values` is about teams and positions alone, one over its
    limit: the position a slip in `roles` adds makes it."""
    hats, most = values.get("hats"), values.get("most")
    return isinstance(hats, int) and isinstance(most, int) and hats - 1 <= most and \
        values.get("accountable") is False


def roles_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without what an RO006 among them names as a slip in a person's `roles`
    makes (module doc), that RO006's hint naming them; and those, as they were. One pass
    over `findings`, one more when such an RO006 is among them."""
    from orgspec.engine.holdback import Held, held_hint
    from orgspec.model.positions import seats

    slips = {id(f): s for f in findings if (s := _slip_of(f)) is not None}
    if not slips:
        return findings, []
    causes = {id(f): f for f in findings if id(f) in slips}
    by_place: dict[tuple[str, str], int] = {(s.person, s.listed): k for k, s in slips.items()}
    vacancy: dict[tuple[str, int], int] = {}
    filled: dict[str, int] = {}  # an open position whose last seat the person would fill
    # the person, who holds the meant position and the listed one too (no open seat)
    busy = {s.person: k for k, s in slips.items() if not s.open}
    for k, s in slips.items():
        if s.open and s.meant in org.positions and seats(org, s.meant).open == 1:
            filled[s.meant] = k
        if _open_without(org, s):
            for file, line in _vacancy_lines(org, s.listed):
                vacancy[file, line] = vacancy[file, line - 1] = k  # on it or above
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        if id(f) in causes:
            continue
        cause: int | None = None
        values = message_values(f, f.code) or {}
        if f.code == OUTSIDE and f.entity.startswith("role:"):
            rid = ident_of(f.entity)
            people = [values.get("person")] if "person" in values else \
                list(values.get("holders") or ())
            if len(people) == 1:
                cause = by_place.get((str(people[0]), rid))
        elif f.code == RO006 and f.entity.startswith("role:"):
            for (person, rid), k in by_place.items():
                if rid == ident_of(f.entity) and _only_by(f, person):
                    cause = k
        elif f.code == OVERLOAD and f.entity.startswith("person:"):
            cause = busy.get(ident_of(f.entity)) if _one_over(values) else None
        elif f.code == VACANCY and f.entity.startswith("role:"):
            cause = filled.get(ident_of(f.entity))
        elif f.code == UNUSED and str(values.get("code", "")).upper() == VACANCY:
            where = (f.location.file, f.location.line)
            cause = vacancy.get(where)
        if cause is not None:
            behind.setdefault(cause, []).append(f)
    if not behind:
        return findings, []
    gone = {id(h) for held in behind.values() for h in held}
    out = [replaced(f, hint=held_hint(f.hint, [Held(h, h.entity) for h in behind[id(f)]]))
           if id(f) in behind else f for f in findings if id(f) not in gone]
    return out, [f for f in findings if id(f) in gone]
