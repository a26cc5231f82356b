"""One mistake, one finding: a `parent` that closes a loop of teams (trial 35: `parent:
ying-yun-bu` added to 總經理室, the root, whose child 營運部 is) is HI001's one finding.

The rules that read the team tree judge a tree that is not one then: every team of the loop,
and every team below it, has the loop's teams above it. OK013 told 技術部 (below 總經理室)
to align to 營運部's objective, `above it` only through the loop; fixing the `parent`
takes that back. So each finding of a rule that reads the tree (`TREE`: above or below a
team) on a team of the loop or below it (OK013 and OK014 on an objective owned by one, MT004
counting one among its teams, RO002 on a position whose team is one) is held back behind
the HI001, whose hint names it (`holdback.held_hint`); fixing the loop brings back only what
the fixed tree still says. Only when that HI001 is reported.

So is each HI002 about the `parent` of a team of the loop itself (small36): `parent: sales`
given to ops, whose child sales is, made the loop, and HI002 said it twice more, at the
`children` of ops's old parent (it lists ops, whose parent is now sales) and at ops (sales does
not list it). An HI002 about a team below the loop, or outside it, is a mistake of its own.

Light on purpose, as `engine.treecut`: it reads the findings and the team tree alone, and
only when an HI001 is among the findings.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import Held, held_hint
from orgspec.findings import Finding
from orgspec.model.org import Org

CYCLE = "HI001"
ALIGN = ("OK013", "OK014")  # objectives above / the team tree of an objective's team
TEAMS = "MT004"  # coordination gap: meeting coverage of teams and those below them
ON_TEAM = ("MT005", "HI006", "OW006")  # a team judged with what is below it
OUTSIDE = "RO002"  # a holder not on the position's team or below it
CHILDREN = "HI002"  # `children` and a `parent` disagree


def _looped(findings: list[Finding], org: Org) -> dict[str, Finding]:
    """Each team of a loop, or below one -> the HI001 of that loop."""
    loops = [(f, [t for t in f.teams if t in org.teams]) for f in findings
             if f.code == CYCLE and f.teams]
    if not loops:
        return {}
    children: dict[str, list[str]] = {}
    for tid, team in org.teams.items():
        if team.parent and str(team.parent) in org.teams and team.parent != tid:
            children.setdefault(str(team.parent), []).append(tid)
    out: dict[str, Finding] = {}
    for finding, teams in loops:
        todo = list(teams)
        while todo:
            tid = todo.pop()
            if tid in out:
                continue
            out[tid] = finding
            todo.extend(children.get(tid, ()))
    return out


def _loops(findings: list[Finding], org: Org) -> dict[str, Finding]:
    """Each team of a loop itself (not below it) -> the HI001 of that loop."""
    return {t: f for f in findings if f.code == CYCLE for t in f.teams if t in org.teams}


def _parent_of(f: Finding) -> str | None:
    """The team whose `parent` an HI002 says disagrees with a `children` list: the child a
    team lists (`lists {child} as a child, but its parent is ...`), else the team itself
    (`has parent {parent}, which does not list it`)."""
    values = getattr(f.message, "values", {})
    team = values.get("child", values.get("team"))
    return team if isinstance(team, str) else None


def _team_of(f: Finding, org: Org, looped: dict[str, Finding],
             loops: dict[str, Finding]) -> str | None:
    """The team of the loop (or below it) finding `f` was judged on, if its rule reads the
    tree; else None."""
    kind, _, ident = f.entity.partition("/")[0].partition(":")
    if f.code == CHILDREN:
        team = _parent_of(f)
        return team if team in loops else None
    if f.code in ALIGN and kind == "objective":
        obj = org.objectives.get(ident)
        owner = str(obj.owner) if obj is not None and obj.owner else ""
        if owner in looped:
            return owner
        return next((t for t in f.teams if t in looped), None) if f.code == "OK014" else None
    if f.code == TEAMS:
        return next((t for t in f.teams if t in looped), None)
    if f.code in ON_TEAM and kind == "team":
        return ident if ident in looped else None
    if f.code == OUTSIDE and kind == "role":
        position = org.positions.get(ident)
        team = str(position.team) if position is not None and position.team else ""
        return team if team in looped else None
    return None


def cycle_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without those judged on the tree a `parent` cycle makes (see the module),
    with the HI001 of the cycle naming them in its hint; and those findings, as they were.
    One pass over `findings`; more only when an HI001 is among them."""
    if not any(f.code == CYCLE for f in findings):
        return findings, []
    looped = _looped(findings, org)
    if not looped:
        return findings, []
    loops = _loops(findings, org)
    behind: dict[int, list[Held]] = {}
    kept: list[Finding] = []
    for f in findings:
        team = _team_of(f, org, looped, loops) if f.code != CYCLE else None
        if team is None:
            kept.append(f)
        else:
            behind.setdefault(id(looped[team]), []).append(Held(f, f.entity))
    if not behind:
        return findings, []
    out = [replace(f, hint=held_hint(f.hint, behind[id(f)])) if id(f) in behind else f
           for f in kept]
    return out, [h.finding for held in behind.values() for h in held]
