"""One mistake, one finding: a team whose `parent` names no team (`parent: ｔｅｃｈ` in
full-width letters, or `parent: tech` after `id: tech` became `id: technology`) is cut from
the team tree, with every team below it. RF001 at that `parent` is the one finding.

The rules that read the tree then judge a tree without the link: a meeting `tech` attends
no longer includes `sre` below it (MT004: `operations` and `sre` share a duty but no meeting
includes both; MT005: `sre` takes part in no meeting), a holder in `sre` is no longer on a
team below the position's team `tech` (RO002), and `tech` has no members or duties below it
(HI006, OW006). Each such finding is held back behind the RF001 of the cut, whose hint names
it (`holdback.held_hint`); fixing the id brings back only what the fixed org still says.

The findings held are those on the cut-off teams (MT004 counting one among its teams, MT005
on one, RO002 on a position one of whose holders is on one) and, when the team meant is known
(the RF001's guess, `model.unresolved`, or a team listing the cut one in `children`), those
on that team and the teams above it that count what is below them (HI006, OW006); and each
HI002 saying a team lists a cut one as a child, whose parent is another. Only when that
RF001 is reported: turned off, ignored for the file or suppressed, nothing is held back.

Light on purpose, as `engine.noteam`: it reads the findings and the team tree alone, and
the references only when such an RF001 is among the findings.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import Held, held_hint
from orgspec.findings import Finding
from orgspec.model.org import Org, ident_of

UNKNOWN = "RF001"
SHARED = "MT004"  # coordination gap: the teams' meeting coverage reads the tree
NO_MEETING = "MT005"
OUTSIDE = "RO002"  # a holder not on the position's team or below it
BELOW = ("HI006", "OW006")  # nobody / no duty in the team or below it
CHILDREN = "HI002"  # a team lists a child whose `parent` names another


def _cuts(findings: list[Finding], org: Org) -> dict[str, Finding]:
    """Team id -> the RF001 at its unknown `parent`, for each team whose parent names no
    team."""
    out: dict[str, Finding] = {}
    for f in findings:
        if f.code != UNKNOWN or not f.entity.startswith("team:"):
            continue
        values = getattr(f.message, "values", {})
        team = ident_of(f.entity)
        found = org.teams.get(team)
        # `parent: tech　` (a full-width space after it) is an RF001 of its own words
        if values.get("field") == "parent" and found is not None and found.parent and \
                str(found.parent) not in org.teams:
            out.setdefault(team, f)
    return out


def _below(org: Org, cuts: dict[str, Finding]) -> dict[str, str]:
    """Each team at or below a cut team -> that cut team (the nearest one above it)."""
    children: dict[str, list[str]] = {}
    for tid, team in org.teams.items():
        if team.parent and str(team.parent) in org.teams and team.parent != tid:
            children.setdefault(str(team.parent), []).append(tid)
    out: dict[str, str] = {}
    for cut in cuts:
        todo = [cut]
        while todo:
            tid = todo.pop()
            if tid in out:
                continue
            out[tid] = cut
            todo.extend(c for c in children.get(tid, ()) if c not in cuts)
    return out


def _above(org: Org, cuts: dict[str, Finding]) -> dict[str, str]:
    """The team each cut was likely meant to hang below (the RF001's guess) and the teams
    above it -> that cut team."""
    from orgspec.model.unresolved import meant

    guessed = [(ident_of(ref.entity), ref.meant) for ref in meant(org)
               if ref.field == "Team.parent" and ref.meant and ident_of(ref.entity) in cuts]
    # a team that lists the cut team in `children` (`id: tech` renamed `technology`, its
    # `children: [sre]` kept) is the parent meant, guessed or not
    guessed += [(str(child), tid) for tid, team in org.teams.items()
                for child in team.children or () if str(child) in cuts]
    out: dict[str, str] = {}
    for cut, parent in guessed:
        seen: set[str] = set()
        at: str | None = parent
        while at is not None and at in org.teams and at not in seen:
            seen.add(at)
            out.setdefault(at, cut)
            up = org.teams[at].parent
            at = str(up) if up else None
    return out


def _people(org: Org, below: dict[str, str]) -> dict[str, str]:
    """Each lead and member of a team cut off -> the cut team above it."""
    out: dict[str, str] = {}
    for tid, cut in below.items():
        team = org.teams[tid]
        for person in (team.lead, *team.members):
            if person:
                out.setdefault(str(person), cut)
    return out


def _cut_child(f: Finding, cuts: dict[str, Finding]) -> str | None:
    """The cut team an HI002 (`tech` lists `sre` as a child, but its parent is 'ｔｅｃｈ')
    is about, when the child's parent is the unknown one; else None."""
    values = getattr(f.message, "values", {})
    child = values.get("child")
    return child if isinstance(child, str) and child in cuts and "parent" in values else None


def tree_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each MT004, MT005, RO002, HI002, HI006 and OW006 that judged the team tree
    without the link an unknown `parent` broke (see the module), with the RF001 at that
    `parent` naming them in its hint; and those findings, as they were. One pass over
    `findings`; more only when a team's parent is unknown."""
    cuts = _cuts(findings, org)
    if not cuts:
        return findings, []
    below = _below(org, cuts)
    above: dict[str, str] | None = None
    people: dict[str, str] | None = None
    behind: dict[str, list[Held]] = {}
    kept: list[Finding] = []
    for f in findings:
        cut: str | None = None
        if f.code == SHARED:
            cut = next((below[t] for t in f.teams if t in below), None)
        elif f.code == NO_MEETING and f.entity.startswith("team:"):
            cut = below.get(ident_of(f.entity))
        elif f.code == OUTSIDE and f.entity.startswith("role:"):
            position = org.positions.get(ident_of(f.entity))
            if position is not None and str(position.team) not in below:
                people = _people(org, below) if people is None else people
                cut = next((people[str(h)] for h in position.holders if str(h) in people),
                           None)
        elif f.code == CHILDREN and f.entity.startswith("team:"):
            cut = _cut_child(f, cuts)
        elif f.code in BELOW and f.entity.startswith("team:"):
            above = _above(org, cuts) if above is None else above
            cut = above.get(ident_of(f.entity))
        if cut is None:
            kept.append(f)
        else:
            behind.setdefault(cut, []).append(Held(f, f.entity))
    if not behind:
        return findings, []
    at = {id(cuts[cut]): held for cut, held in behind.items()}
    out = [replace(f, hint=held_hint(f.hint, at[id(f)])) if id(f) in at else f for f in kept]
    return out, [h.finding for held in behind.values() for h in held]
