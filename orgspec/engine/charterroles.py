"""What the ownership rules would say of one team's roles on one duty after an edit: the
hints that name a change (keep this charter entry, write `accountable: ops` in the duty)
are chosen by it, so that a hint followed as written leaves the check clean, not another
finding (trial 33: RF004 said to remove the first entry, which left OW004; OW003 said to
make the responsible team accountable, which left OW004 against its charter's role).

The rules' logic, for one (duty, team) pair with the other holders as they are:
OW004 when a charter entry gives a role the duty's own fields do not give the team (they
name it in some role), unless the entry says accountable and the duty writes its own
`accountable`; OW001 with two accountable owners or more; OW002/OW003 with none.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.i18n import MC
from orgspec.model.models import ROLES
from orgspec.model.org import Org, node_key

ACCOUNTABLE = "accountable"
# a RACI role as the owners who hold it (批准方 (A)), said inside a sentence; `show` and the
# report's columns label the fields with the plain words (批准 (A))
ROLE_WORDS = {"accountable": MC("raci owner", "accountable"),
              "responsible": MC("raci owner", "responsible"),
              "consulted": MC("raci owner", "consulted"),
              "informed": MC("raci owner", "informed")}


@dataclass(frozen=True)
class Pair:
    """One team's roles on one duty, as written: `charter` the role of each of its charter
    entries for the duty, in order (`bare` whether each gives no role); `duty` the roles
    the duty's own fields give it; `others` how many other holders are accountable for the
    duty; `own_accountable` whether the duty's `accountable` names someone but the team
    (a placeholder or an unknown id counts: OW004 then leaves an accountable entry to
    OW001)."""

    rid: str
    team: str
    charter: tuple[str, ...]
    index: tuple[int, ...]  # each entry's place in the charter
    bare: tuple[bool, ...]
    duty: frozenset[str]
    others: int
    own_accountable: bool

    def disagrees(self, charter: frozenset[str], duty: frozenset[str]) -> bool:
        """Whether OW004 says the charter entries `charter` (roles) disagree with the duty's
        fields `duty` (roles given the team): no entry gives a role the duty gives."""
        if not duty or not charter or charter & duty:
            return False
        own = self.own_accountable or ACCOUNTABLE in duty
        return any(not (role == ACCOUNTABLE and own) for role in charter)

    def owners(self, charter: frozenset[str], duty: frozenset[str]) -> int:
        """How many are accountable for the duty with these roles of the team."""
        return self.others + (ACCOUNTABLE in charter or ACCOUNTABLE in duty)

    def clean(self, charter: frozenset[str], duty: frozenset[str]) -> bool:
        """Whether the ownership rules say nothing of the duty with these roles."""
        return not self.disagrees(charter, duty) and self.owners(charter, duty) == 1

    def now(self) -> int:
        """How many are accountable as written."""
        return self.owners(frozenset(self.charter), self.duty)


def pair(org: Org, rid: str, team: str) -> Pair | None:
    """The roles of team id `team` on duty `rid`, or None for an unknown team or duty."""
    t = org.teams.get(team)
    resp = org.responsibilities.get(rid)
    if t is None or resp is None:
        return None
    node = node_key("team", team)
    at = [i for i, item in enumerate(t.responsibilities) if (item.ref or item.id) == rid]
    entries = [t.responsibilities[i] for i in at]
    holds = org.raci.by_duty.get(rid, [])
    others = {h.holder for h in holds if h.role == ACCOUNTABLE and h.holder != node}
    own = any(org.holder(a) != node for a in resp.accountable)
    return Pair(rid, team, tuple(item.role for item in entries), tuple(at),
                tuple("role" not in item.model_fields_set for item in entries),
                frozenset(h.role for h in holds if h.holder == node and h.source == "duty"),
                len(others), own)


def entry_text(p: Pair, i: int, role: str | None = None) -> str:
    """Charter entry `i` of `p` as it is to be written: `d1`, `{ref: d1, role: consulted}`."""
    if role == ACCOUNTABLE or (role is None and p.bare[i]):
        return p.rid
    role = role or p.charter[i]
    return "".join(("{ref: ", p.rid, ", role: ", role, "}"))


@dataclass(frozen=True)
class Fix:
    """An edit that leaves the check clean: keep the charter entry at index `keep` (None:
    change no entry), give it role `role` (None: as written), and in the duty write the
    team under `to` (None: nothing) in place of `moved` (None: besides its roles there)."""

    keep: int | None
    role: str | None = None
    to: str | None = None
    moved: str | None = None
    clean: bool = True  # False: it adds no finding, but another mistake's finding stays


def keep_entry(p: Pair) -> Fix | None:
    """The charter entry to keep of several for one duty (RF004), the one that agrees with
    the duty's own fields first, and the change to the duty it needs, if any; when no such
    edit of one field leaves the check clean, an entry whose keeping adds no finding (an
    overlap of another owner's stays, its own); else None."""
    duty = p.duty
    order = sorted(range(len(p.charter)), key=lambda i: (p.charter[i] not in duty, i))
    seen: set[str] = set()
    for i in order:  # one entry kept, the duty as it is
        role = p.charter[i]
        if role not in seen:
            seen.add(role)
            if p.clean(frozenset({role}), duty):
                return Fix(i)
    if ACCOUNTABLE in p.charter and ACCOUNTABLE not in duty:
        # the entry without a role made the team accountable: that moves to the duty
        for i in order:
            if p.charter[i] in duty and p.clean(frozenset({p.charter[i]}),
                                                duty | {ACCOUNTABLE}):
                return Fix(i, to=ACCOUNTABLE)
    if len(duty) == 1:  # the duty's one role for the team is the one that is off
        [was] = duty
        for i in order:
            if p.clean(frozenset({p.charter[i]}), frozenset({p.charter[i]})):
                return Fix(i, to=p.charter[i], moved=was)
    for role in (r for r in ROLES if r in duty):  # one entry, with the duty's role
        if p.clean(frozenset({role}), duty):
            return Fix(order[0], role=role)
    for i in order:  # none is clean: one that adds no finding (another mistake's stays)
        after = (frozenset({p.charter[i]}), duty)
        if not p.disagrees(*after) and p.owners(*after) == p.now():
            return Fix(i, clean=False)
    return None


def settle(p: Pair, claimed: str) -> list[Fix]:
    """The edits that end OW004 on the team's entries for the duty (the first of them says
    `claimed`) and leave the check clean: the entry given the duty's role, or the duty
    given the entry's role; those that leave the owners as they are when none is clean
    (another finding, a gap or an overlap, stays: its own)."""
    fixes: list[Fix] = []
    kept: list[Fix] = []
    for role in (r for r in ROLES if r in p.duty):  # the charter says as the duty does
        after = (frozenset({role}), p.duty)
        fix = Fix(0, role=role)
        (fixes if p.clean(*after) else kept if p.owners(*after) == p.now() else []).append(fix)
    if len(p.duty) == 1:  # the duty says as the charter does
        [was] = p.duty
        after = (frozenset({claimed}), frozenset({claimed}))
        fix = Fix(None, to=claimed, moved=was)
        (fixes if p.clean(*after) else kept if p.owners(*after) == p.now() else []).append(fix)
    return fixes or kept[:1]


def charter_slip(org: Org, rid: str) -> tuple[Pair, str] | None:
    """(the pair, the role its charter gives) of the one team that duty `rid`'s own
    `accountable` names besides another owner while that team's one charter entry for the
    duty gives it another role (`accountable: [mgmt, hk-ops]`, hk-ops' charter `{ref:
    promo-planning, role: responsible}`): the team written into `accountable` by mistake,
    whose move to that role in the duty leaves one accountable owner and the charter
    agreeing (trial 34: OW001 and OW004 for one slip). None when no team, or more than
    one, is such a slip."""
    found: list[tuple[Pair, str]] = []
    teams = dict.fromkeys(h.holder for h in org.raci.by_duty.get(rid, ())
                          if h.role == ACCOUNTABLE and h.source == "duty")
    for holder in teams:
        if not holder.startswith("team:"):
            continue
        p = pair(org, rid, holder[5:])
        if p is None or len(p.charter) != 1 or p.charter[0] == ACCOUNTABLE:
            continue
        role = p.charter[0]
        if p.clean(frozenset(p.charter), (p.duty - {ACCOUNTABLE}) | {role}):
            found.append((p, role))
    return found[0] if len(found) == 1 else None
