"""Who answers for each duty: exactly one accountable owner, merged from both sides of RACI.

These rules read the merged RACI (`org.raci`), which holds exactly the graph's RACI edges:
after an edit to one duty's RACI, their re-run then builds no graph (0.4-0.5 s at 500
teams). Their answers are those of the graph's queries (`model.graph.claims`, `owners`,
`roles_of`, `in_degree`); `tests/test_raci_rules.py` compares both.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from orgspec.checks.hierarchy import parent_map, rolled_up
from orgspec.checks.placeholders import seat_hint, unfilled
from orgspec.engine.charterroles import (
    ROLE_WORDS,
    Fix,
    Pair,
    charter_slip,
    entry_text,
    pair,
    settle,
)
from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.engine.teams import holder_teams
from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M
from orgspec.model.graph import site_path
from orgspec.model.models import ROLES, Responsibility, is_placeholder
from orgspec.model.org import Org, Origin, ident_of, node_key


def _where(site: tuple[Any, tuple[Any, ...]]) -> Location:
    origin, path = site
    where: Location = origin.locate(*site_path(origin, path))
    return where


def _at_value(origin: Origin, path: tuple[Any, ...]) -> Location:
    """Where a RACI value is written (`accountable: 待定` at `待定`, a list's item at the
    item): a placeholder is the word that is wrong, not its field."""
    return origin.value(*site_path(origin, path))


def _id(node: str) -> str:
    return ident_of(node)


@check("OW001", graph=False, text=())
def responsibility_overlap(ctx: RuleContext) -> Iterator[Issue]:
    """A duty with more than one accountable owner; every owner is located."""
    raci = ctx.org.raci
    # every duty, in the org's order (`by_duty` is made from `org.responsibilities`): its
    # holders walked, not looked up by id per duty
    for rid, owners in raci.accountable.items():
        if len(owners) < 2:
            continue
        node = node_key("responsibility", rid)
        first: dict[str, Any] = {}
        for owner, site in raci.claims(rid, "accountable"):
            first.setdefault(owner, site)
        sites = list(first.items())
        names = [_id(o) for o, _ in sites]  # joined in the message's language
        related = tuple(Related(_where(site), M("{owner} is accountable here", owner=_id(o)))
                        for o, site in sites[1:])
        said = (undecided(ctx.org, ctx.org.responsibilities[rid], "accountable")
                if rid in raci.unresolved else None)  # a placeholder names no owner
        slip = charter_slip(ctx.org, rid) if said is None and len(sites) == 2 else None
        hint: M | None
        if slip is not None:
            # one slip, this finding: the team the duty names accountable whose charter
            # gives it another role (its OW004 is held back: `engine.overlapcharter`)
            message = M("duty {duty!r} has {count} accountable owners: {names}", duty=rid,
                        count=len(sites), names=names)
            related += (_charter_related(ctx.org, *slip),)
            hint = _slip_hint(ctx, *slip)
        elif said is None:
            message = M("duty {duty!r} has {count} accountable owners: {names}", duty=rid,
                        count=len(sites), names=names)
            hint = _bare_hint(ctx, rid, names)
        else:
            # `accountable: 待定` while charters or positions name owners: one mistake, this
            # finding (not OW002's "no accountable owner" besides), saying what the duty writes
            at, value = said
            message = M("duty {duty!r} has {count} accountable owners: {names}; the duty "
                        "itself writes {value!r}", duty=rid, count=len(sites), names=names,
                        value=value)
            place = _at_value(ctx.org.origin("Responsibility", rid), ("accountable", at))
            related += (Related(place, M("the duty itself writes {value!r} here",
                                         value=value)),)
            hint = _undecided_hint(ctx, rid, [o for o, _ in sites], place.line, value)
        yield Issue(message, _where(sites[0][1]), node, related=related,
                    hint=hint or M("keep one accountable owner; make the others "
                                   "`responsible` or `consulted`"),
                    # filed under the owner it is located at, then the others (`Finding.teams`)
                    teams=tuple(t for o, _ in sites for t in holder_teams(ctx.org, o)))


def _bare_hint(ctx: RuleContext, rid: str, owners: list[str]) -> M | None:
    """OW001's hint: the change that leaves one accountable owner, or None (the generic
    hint). The duty's own `accountable` is taken as meant: when it names several owners the
    hint points at it; owners only the charters or positions add (a bare charter entry
    counts as accountable: the README) are the ones to make another role. Never advice
    that leaves the finding (trial 27: the team the duty itself names accountable was told
    to write `role: responsible` in its charter, which changed nothing)."""
    raci = ctx.org.raci
    holds = raci.by_duty.get(rid, [])
    named = list(dict.fromkeys(h.holder for h in holds
                               if h.role == "accountable" and h.source == "duty"))
    added = list(dict.fromkeys(h.holder for h in holds
                               if h.role == "accountable" and h.holder not in named))
    if len(named) >= 2:
        line = next(h for h in holds if h.role == "accountable" and h.source == "duty")
        said = M("the duty's own `accountable` (line {line}) names {count}: {names}; keep one "
                 "there and make the others `responsible` or `consulted`",
                 line=line.origin.locate(*site_path(line.origin, line.path)).line,
                 count=len(named), names=[_id(o) for o in named])
        more = _added_hint(ctx, rid, named, added) if added else None
        return M("{first}; and {then}", first=said, then=more) if more else said
    if named:
        return _added_hint(ctx, rid, named, added)
    # no owner the duty names: a bare entry the duty gives another role is the one to
    # rewrite, when that leaves one accountable owner
    fixes = [o for o in added if o.startswith("team:") and _bare(ctx, rid, o)
             and raci.roles(rid, o, "duty") - {"accountable"}]
    if len(fixes) == 1 and len(added) == 2:
        return _one_bare(ctx, rid, fixes[0])
    return None


def _charter_related(org: Org, p: Pair, role: str) -> Related:
    """Where `p`'s team's charter gives it `role` on the duty (its one entry)."""
    at = org.origin("Team", p.team).locate("responsibilities", p.index[0])
    return Related(at, M("{team}'s charter makes it {role} here", team=p.team,
                         role=ROLE_WORDS[role]))


def _slip_hint(ctx: RuleContext, p: Pair, role: str) -> M:
    """OW001's hint when the duty's own `accountable` names team `p.team` besides its one
    owner while the team's charter gives it `role` (`charterroles.charter_slip`): move the
    team to that role in the duty, as its charter says."""
    org = ctx.org
    resp = org.responsibilities[p.rid]
    line = org.origin("Responsibility", p.rid).locate("accountable").line
    kept = [a for a in resp.accountable if org.holder(a) != node_key("team", p.team)]
    charter = org.origin("Team", p.team).locate("responsibilities", p.index[0]).line
    if getattr(resp, role):
        return M("in the duty (line {line}) move {team} from `accountable` to `{role}`, as "
                 "its charter says (line {charter}): {kept} is then its one accountable "
                 "owner", line=line, team=p.team, role=role, charter=charter, kept=kept)
    return M("in the duty (line {line}) write `accountable: {kept}` and `{role}: {team}`, "
             "as {team}'s charter says (line {charter})", line=line, team=p.team, role=role,
             charter=charter, kept=", ".join(kept))


def undecided(org: Org, resp: Responsibility, role: str) -> tuple[int, str] | None:
    """(index, value) of the first placeholder in `resp`'s `role` field when that field
    holds placeholders or open-seat words alone (`accountable: 待定`, `[TBD, 未定]`,
    `空缺`: `unfilled`), else None: the duty leaves the role undecided, where a charter or
    a position may still name its owners."""
    values: list[str] = getattr(resp, role)
    if not values or not all(unfilled(org, v) for v in values):
        return None
    return 0, values[0]


def _entry(rid: str, role: str) -> str:
    return "".join(("{ref: ", rid, ", role: ", role, "}"))


def _undecided_hint(ctx: RuleContext, rid: str, owners: list[str], line: int,
                    value: str) -> M:
    """OW001's hint on a duty whose own `accountable` is a placeholder (at `line`) while
    several charters or positions (`owners`, holder nodes, first located first) make their
    owners accountable: the one to write in the duty, the others' entries to give a role."""
    fixes = [o for o in owners if o.startswith("team:") and _bare(ctx, rid, o)
             and ctx.org.raci.roles(rid, o, "duty") - {"accountable"}]
    if len(fixes) == 1 and len(owners) == 2:
        # the duty itself gives one of the two another role: that charter entry is the slip
        [kept] = [o for o in owners if o != fixes[0]]
        return M("{first}; and {then}", first=_one_bare(ctx, rid, fixes[0]),
                 then=M("write {owner} in the duty's own `accountable` (line {line}), which "
                        "says {value!r}: `{fix}`", owner=_id(kept), line=line, value=value,
                        fix="accountable: " + _id(kept)))
    return M("the duty's own `accountable` (line {line}) says {value!r}: write there the one "
             "owner that answers for it (`{fix}`), and give the others' entries a role "
             "(`{entry}`) or remove them", line=line, value=value,
             fix="accountable: " + _id(owners[0]), entry=_entry(rid, "responsible"))


def _bare(ctx: RuleContext, rid: str, holder: str) -> bool:
    """Whether team node `holder`'s charter lists duty `rid` with no `role`."""
    team = ctx.org.teams.get(_id(holder))
    return team is not None and any(
        (item.ref or item.id) == rid and "role" not in item.model_fields_set
        for item in team.responsibilities)


def _one_bare(ctx: RuleContext, rid: str, holder: str) -> M:
    """The hint for one team whose bare charter entry makes it accountable for `rid`."""
    tid = _id(holder)
    written = sorted(ctx.org.raci.roles(rid, holder, "duty") - {"accountable"})
    p = pair(ctx.org, rid, tid)
    kept = [i for i, role in enumerate(p.charter) if role in written] if p else []
    if p is not None and kept and len(p.charter) > 1:
        # listed twice, once as the duty says (RF004 names the same entry to keep)
        bare = next(i for i, b in enumerate(p.bare) if b)
        at = ctx.org.origin("Team", tid).locate("responsibilities", p.index[bare])
        return M("{team}'s charter lists {duty} twice, once without a role, which counts "
                 "as accountable; the duty itself makes it {role}: remove the entry without "
                 "a role (line {line}, column {col}) and keep `{entry}`", team=tid,
                 duty=rid, role=ROLE_WORDS[p.charter[kept[0]]], line=at.line, col=at.col,
                 entry=entry_text(p, kept[0]))
    if written:
        return M("{team}'s charter lists {duty} without a role, which counts as "
                 "accountable; the duty itself makes it {role}: write `{entry}` in the "
                 "charter, or keep one accountable owner", team=tid, duty=rid,
                 role=ROLE_WORDS.get(written[0], written[0]),
                 entry="".join(("{ref: ", rid, ", role: ", written[0], "}")))
    return M("{team}'s charter lists {duty} without a role, which counts as "
             "accountable: to have it consulted (or informed, responsible), write "
             "`{entry}` in the charter", team=tid, duty=rid,
             entry="".join(("{ref: ", rid, ", role: consulted}")))


def _added_hint(ctx: RuleContext, rid: str, named: list[str], added: list[str]) -> M | None:
    """The hint for owners (`added`, holder nodes) that charters or positions make
    accountable for `rid` besides those the duty names (`named`): the entries to rewrite,
    found as the finding's related locations."""
    if not added:
        return None
    if len(added) == 1 and added[0].startswith("team:") and _bare(ctx, rid, added[0]) \
            and not ctx.org.raci.roles(rid, added[0], "position"):
        return _one_bare(ctx, rid, added[0])
    roles = {frozenset(ctx.org.raci.roles(rid, o, "duty") - {"accountable"}) for o in added}
    [role] = sorted(next(iter(roles))) if len(roles) == 1 and len(next(iter(roles))) == 1 \
        else ["responsible"]
    places = [_place(o) for o in added]
    return M("the entries for {duty} in {places} add accountable owners the duty does not "
             "name (it names {named}; an entry without a role counts as accountable): write "
             "`{entry}` there (or consulted, informed), or remove them", duty=rid,
             places=places, named=[_id(o) for o in named],
             entry="".join(("{ref: ", rid, ", role: ", role, "}")))


def _written(resp: Responsibility) -> bool:
    return any(getattr(resp, role) for role in ROLES)


def _gaps(ctx: RuleContext) -> list[tuple[str, Responsibility, str]]:
    """(duty id, duty, kind) for duties with no real accountable owner; computed once per
    run and shared by OW002, OW003 and OW005."""
    return ctx.shared.memo("ownership-gaps", lambda: list(_find_gaps(ctx)))


def _find_gaps(ctx: RuleContext) -> Iterator[tuple[str, Responsibility, str]]:
    org = ctx.org
    accountable = org.raci.accountable  # = the graph's accountable_owners(duty)
    # a duty's in-edges in the graph: its RACI statements and the processes serving it
    served = {proc.responsibility for proc in org.processes.values()}
    for rid, resp in org.responsibilities.items():
        if accountable[rid]:
            continue
        if any(not unfilled(org, a) and org.holder(a) is None for a in resp.accountable):
            continue  # an unknown or invalid accountable: RF001 or its own finding says so
        if org.raci.holders(rid, "responsible"):
            yield rid, resp, "responsible"
        elif not _written(resp) and not org.raci.by_duty[rid] and rid not in served:
            yield rid, resp, "unclaimed"
        else:
            yield rid, resp, "gap"


@check("OW002", graph=False, text=())
def responsibility_gap(ctx: RuleContext) -> Iterator[Issue]:
    """A duty that names owners, but no real accountable one (or only TBD, 待定 ...); and a
    placeholder in any other RACI field (`responsible: TBD`), which is a gap too."""
    gaps = {rid: kind for rid, _resp, kind in _gaps(ctx)}
    # a placeholder resolves to no owner: only the duties with a field that names none
    # (`Raci.unresolved`, a few) are read for one, not every field of every duty
    unresolved = ctx.org.raci.unresolved
    for rid, resp in ctx.org.responsibilities.items():
        kind = gaps.get(rid)
        if kind is None and rid not in unresolved:
            continue
        if kind == "gap":
            placeholder = next((a for a in resp.accountable if unfilled(ctx.org, a)), None)
            said = M(" (written as {value!r})", value=placeholder) if placeholder else ""
            origin = ctx.org.origin("Responsibility", rid)
            # at the placeholder as written (`accountable: 待定`, `[待定]`), as for the others
            where = _at_value(origin, ("accountable", resp.accountable.index(placeholder))) \
                if placeholder else origin.locate("id")
            yield Issue(M("duty {duty!r} has no accountable owner{said}", duty=rid,
                          said=said), where,
                        node_key("responsibility", rid),
                        hint=seat_hint(_owner_hint(ctx, rid, resp) or
                                  M("name one team `accountable`, in the duty or in a "
                                    "team's charter"),
                                  "accountable", placeholder))
        if rid in unresolved:
            yield from _placeholders(ctx, rid, resp, kind)


def _placeholders(ctx: RuleContext, rid: str, resp: Responsibility,
                  kind: str | None) -> Iterator[Issue]:
    """One finding per placeholder in a RACI field (`responsible: [ops, 待定, TBD]`: two;
    a word written twice, `[待招聘, 待招聘]`, one);
    the accountable placeholder that OW002 or OW003 already reports as the missing owner
    is not repeated."""
    org = ctx.org
    for role in ROLES:
        values = getattr(resp, role)
        # the first accountable placeholder is the one OW002's or OW003's gap names
        said = next((i for i, v in enumerate(values) if unfilled(org, v)), None) \
            if role == "accountable" and kind is not None else None
        real = [v for v in values if not unfilled(org, v)]
        if not real and ctx.org.raci.holders(rid, role):
            continue  # a charter or a position holds the role: OW004 (or OW001) says so
        # a word written twice (`[待招聘, 待招聘]`) is one finding, at its first place
        seen = {values[said].strip().casefold()} if said is not None else set()
        for at, value in enumerate(values):
            word = value.strip().casefold()
            if at == said or word in seen or not unfilled(org, value):
                continue
            seen.add(word)
            text = (M("duty {duty!r} names {value!r} among its {role} owners", duty=rid,
                      value=value, role=ROLE_WORDS[role]) if real
                    else M("duty {duty!r} has no {role} owner (written as {value!r})",
                           duty=rid, role=ROLE_WORDS[role], value=value))
            times = sum(1 for v in values if v.strip().casefold() == word)
            hint = M("name the {role} team or person, or remove the placeholder",
                     role=ROLE_WORDS[role]) if times == 1 else \
                M("name the {role} team or person, or remove the placeholder {value!r} "
                  "(written {n} times: remove each)", role=ROLE_WORDS[role], value=value,
                  n=times)
            yield Issue(text,
                        _at_value(ctx.org.origin("Responsibility", rid), (role, at)),
                        node_key("responsibility", rid),
                        # a position beside a real accountable owner would be a second one
                        # (OW001): no seat to name there
                        hint=hint if role == "accountable" and real else
                        seat_hint(hint, role, value))


@check("OW003", graph=False, text=())
def responsible_without_accountable(ctx: RuleContext) -> Iterator[Issue]:
    """Someone does the work, but nobody answers for it."""
    for rid, resp, kind in _gaps(ctx):
        if kind == "responsible":
            doers = [_id(o) for o in ctx.org.raci.holders(rid, "responsible")]
            placeholder = next((a for a in resp.accountable if unfilled(ctx.org, a)), None)
            said = M(" (written as {value!r})", value=placeholder) if placeholder else ""
            yield Issue(M("duty {duty!r} has responsible {doers} but no accountable "
                          "owner{said}", duty=rid, doers=doers, said=said),
                          ctx.org.origin("Responsibility", rid).locate("id"),
                        node_key("responsibility", rid),
                        hint=seat_hint(_owner_hint(ctx, rid, resp) or
                                  M("make one of them `accountable`, or name who answers "
                                    "for it"),
                                  "accountable", placeholder))


@check("OW005", graph=False, text=())
def unclaimed_responsibility(ctx: RuleContext) -> Iterator[Issue]:
    """A duty defined but claimed by nobody, in no role, on either side."""
    for rid, _resp, kind in _gaps(ctx):
        if kind == "unclaimed":
            yield Issue(M("duty {duty!r} is claimed by nobody", duty=rid),
                        ctx.org.origin("Responsibility", rid).locate("id"),
                        node_key("responsibility", rid),
                        hint=M("add it to a team's charter, or delete it"))


@check("OW004", graph=False, text=())
def charter_disagreement(ctx: RuleContext) -> Iterator[Issue]:
    """A team's charter claims a role on a duty whose own RACI fields give that team another
    role. Sides that complete each other (the charter says accountable, the duty names only
    who is responsible) are merged, as the README says, not a disagreement."""
    org = ctx.org
    duties, teams = org.responsibilities, org.teams
    # (team, duty) -> the roles of its charter entries, made at the first disagreement
    listed: dict[tuple[str, str], list[str]] | None = None
    seen: set[tuple[str, str]] = set()
    for claim in org.claims:
        rid = claim.responsibility
        resp = duties.get(rid)
        # a duty with no RACI field written gives the team no role: `written` is empty
        if resp is None or claim.team not in teams:
            continue
        if claim.role == "accountable" and resp.accountable:
            continue  # a second accountable owner is an overlap: OW001 reports it
        written = _written_roles(org, claim.team, rid)
        if not written or claim.role in written:
            continue  # the duty is silent about this team, or agrees
        pair = (claim.team, rid)
        if listed is None:
            listed = {}
            for c in org.claims:
                listed.setdefault((c.team, c.responsibility), []).append(c.role)
        if len(listed[pair]) > 1:
            # the duty is listed twice in the charter: RF004 reports each repeat and says
            # which entry to remove; a disagreement is left, once, when no entry gives the
            # role the duty gives (a second accountable owner is no such entry: OW001's)
            if pair in seen or any(role in written for role in listed[pair]):
                continue
            seen.add(pair)
        team = node_key("team", claim.team)
        yield Issue(M("team {team!r} claims to be {role} for {duty!r}, but the duty lists it "
                      "as {written}", team=claim.team, role=ROLE_WORDS.get(claim.role, claim.role),
                      duty=claim.responsibility,
                      written=[ROLE_WORDS.get(w, w) for w in sorted(written)]),
                    claim.origin.locate(),
                    team, related=(Related(org.origin("Responsibility", claim.responsibility)
                                           .locate("id"), M("the duty is defined here")),),
                    hint=_disagreement_hint(ctx, claim.team, rid, claim.role))
    yield from _undecided_roles(ctx)


def _undecided_roles(ctx: RuleContext) -> Iterator[Issue]:
    """OW004 on a duty whose own field of a role holds placeholders alone (`accountable:
    待定`) while charters or positions name owners in that role: the two sides disagree,
    and the org does have the owner, so it is not OW002's gap. One finding per field, at
    its placeholder; several accountable owners are OW001's."""
    org = ctx.org
    raci = org.raci
    # a placeholder resolves to no owner: only those few duties are read (by id; the run
    # sorts the findings), not every duty of the org
    for rid in sorted(raci.unresolved):
        resp = org.responsibilities[rid]
        for role in ROLES:
            said = undecided(org, resp, role)
            if said is None:
                continue
            first: dict[str, Any] = {}
            for owner, site in raci.claims(rid, role):
                first.setdefault(owner, site)
            if not first or (role == "accountable" and len(first) > 1):
                continue  # OW002's gap, or OW001's overlap
            at, value = said
            owners = list(first)
            word = ROLE_WORDS[role]
            if len(owners) == 1:
                owner = owners[0]
                message = (M("duty {duty!r} writes {value!r} as its {role} owner, but "
                             "team {team!r} claims it as {role} in its charter", duty=rid,
                             value=value, role=word, team=_id(owner))
                           if owner.startswith("team:") else
                           M("duty {duty!r} writes {value!r} as its {role} owner, but "
                             "position {position!r} holds it as {role} in its duties",
                             duty=rid, value=value, role=word, position=_id(owner)))
            else:
                message = M("duty {duty!r} writes {value!r} as its {role} owner, but "
                            "{count} owners claim it as {role} elsewhere: {owners}", duty=rid,
                            value=value, role=word, count=len(owners),
                            owners=[_id(o) for o in owners])
            yield Issue(message,
                        _at_value(org.origin("Responsibility", rid), (role, at)),
                        node_key("responsibility", rid),
                        related=tuple(Related(_where(site), M("{owner} is {role} here",
                                                                owner=_id(o), role=word))
                                      for o, site in first.items()),
                        hint=_undecided_role_hint(ctx, rid, role, owners, value),
                        teams=tuple(t for o in owners for t in holder_teams(org, o)))


def _place(holder: str) -> M:
    """Where a holder node's own claim is written: a team's charter, a position's duties."""
    return (M("{team}'s charter", team=_id(holder)) if holder.startswith("team:")
            else M("position {position}'s duties", position=_id(holder)))


def _undecided_role_hint(ctx: RuleContext, rid: str, role: str, owners: list[str],
                         value: str) -> M:
    """OW004's hint on a duty that writes a placeholder for `role` while `owners` (holder
    nodes) hold it elsewhere: the field to write in the duty, or the entry to change."""
    ids = [_id(o) for o in owners]
    fix = "".join((role, ": ", ids[0] if len(ids) == 1 else "[" + ", ".join(ids) + "]"))
    if len(owners) > 1:
        # either way the check is clean: the entries name the owners the field leaves open
        return M("write `{fix}` in the duty in place of {value!r}, or delete the duty's "
                 "`{role}`, which names nobody: the entries that name them say who", fix=fix,
                 value=value, role=role)
    owner = owners[0]
    if role == "accountable" and owner.startswith("team:") and _bare(ctx, rid, owner):
        # the role the duty itself gives the team, if any, is the one its entry means
        written = sorted(ctx.org.raci.roles(rid, owner, "duty") - {"accountable"})
        return M("{team}'s charter lists {duty} without a role, which counts as "
                 "accountable: write `{fix}` in the duty in place of {value!r}; or, if "
                 "{team} does not answer for it, give the entry its role: `{entry}`",
                 team=_id(owner), duty=rid, fix=fix, value=value,
                 entry=_entry(rid, written[0] if written else "responsible"))
    return M("write `{fix}` in the duty in place of {value!r}, or delete the duty's "
             "`{role}`, which names nobody: {place} names the owner", fix=fix, value=value,
             role=role, place=_place(owner))


def _written_roles(org: Any, team: str, rid: str) -> set[str]:
    """The roles the duty's own fields give `team` (`Raci.roles(..., "duty")`): its few
    statements walked, not a table of every (duty, holder) pair made."""
    node = node_key("team", team)
    return {h.role for h in org.raci.by_duty[rid] if h.holder == node and h.source == "duty"}


@check("OW006", graph=False, text=())
def team_without_duties(ctx: RuleContext) -> Iterator[Issue]:
    """A team that holds no duty in any role, in its charter or in any duty's fields, and
    has no team below it that holds one (a parent whose duties all sit in its child teams
    is a grouping)."""
    held = ctx.org.raci.by_holder
    holders = (tid for tid in ctx.org.teams if node_key("team", tid) in held)
    covered = rolled_up(parent_map(ctx), holders)
    for tid in ctx.org.teams:
        node = node_key("team", tid)
        if tid not in covered:
            yield Issue(M("team {team!r} has an empty charter: it holds no duty", team=tid),
                        ctx.org.origin("Team", tid).locate("id"), node,
                        hint=M("list what the team answers for under `responsibilities`"))


def _owner_hint(ctx: RuleContext, rid: str, resp: Responsibility) -> M | None:
    """OW002's or OW003's hint on a duty with no accountable owner: the owner to write in
    the duty's own `accountable`, one that already holds the duty (who does the work first),
    chosen so that its charter then agrees with the duty (trial 33: "make one of them
    `accountable`" moved a team from `responsible` to `accountable` in the duty while its
    charter said `role: responsible`, OW004); None when no holder is such an owner."""
    org = ctx.org
    holds = org.raci.by_duty.get(rid, [])
    order = sorted(dict.fromkeys(h.holder for h in holds),
                   key=lambda o: not any(h.holder == o and h.role == "responsible"
                                         for h in holds))
    # a second pass over the teams: one whose charter and duty disagree already (OW004
    # says so, with its own hint) may still be the owner to write
    tried: set[str] = set()
    for owner in [*order, *(o for o in order if o.startswith("team:"))]:
        second = owner in tried
        tried.add(owner)
        if owner.startswith("team:"):
            p = pair(org, rid, _id(owner))
            if p is None:
                continue
            charter, after = frozenset(p.charter), p.duty | {"accountable"}
            if second:
                if not p.disagrees(charter, p.duty) or p.owners(charter, after) != 1:
                    continue
            elif not p.duty and p.charter and p.clean(frozenset({"accountable"}), p.duty):
                # the duty does not name the team: its entry is where it answers
                at = org.origin("Team", p.team).locate("responsibilities", p.index[0])
                if len(p.charter) > 1:
                    return M("if {owner} answers for it, write one entry for {duty} in "
                             "{owner}'s charter, `{entry}`, in place of its {n} entries (line "
                             "{line})", owner=p.team, duty=rid,
                             entry=entry_text(p, 0, "accountable"), n=len(p.charter),
                             line=at.line)
                return M("if {owner} answers for it, write `{entry}` in {owner}'s charter in "
                         "place of `{was}` (line {line})", owner=p.team,
                         entry=entry_text(p, 0, "accountable"), was=entry_text(p, 0),
                         line=at.line)
            elif not p.clean(charter, after):
                continue
        elif second or not owner.startswith("role:"):
            continue  # a person answers for a duty through a team or a position
        fix = "accountable: " + _id(owner)
        placeholder = next((a for a in resp.accountable if is_placeholder(a)), None)
        origin = org.origin("Responsibility", rid)
        if placeholder is not None:
            at = _at_value(origin, ("accountable", resp.accountable.index(placeholder)))
            return M("if {owner} answers for it, write `{fix}` in the duty in place of "
                     "{value!r} (line {line})", owner=_id(owner), fix=fix, value=placeholder,
                     line=at.line)
        return M("if {owner} answers for it, write `{fix}` in the duty (line {line}), beside "
                 "the fields it has", owner=_id(owner), fix=fix,
                 line=origin.locate("id").line)
    return None


def _disagreement_hint(ctx: RuleContext, team: str, rid: str, claimed: str) -> M:
    """OW004's hint on team `team`'s charter entries for duty `rid` (the first claims
    `claimed`) that the duty's own fields contradict: the entry's role to write, or the
    duty's field to move the team to, whichever leaves the check clean
    (`charterroles.settle`); both when both do."""
    p = pair(ctx.org, rid, team)
    if p is None or not p.duty:
        return M("make the charter and the duty's RACI fields say the same")
    fixes = settle(p, claimed) or [_first_fix(p)]
    said = [_fix_said(ctx, p, fix) for fix in fixes[:2]]
    return said[0] if len(said) == 1 else M("{first}; or {then}", first=said[0],
                                            then=said[1])


def _first_fix(p: Pair) -> Fix:
    return Fix(0, role=next(r for r in ROLES if r in p.duty))


def _fix_said(ctx: RuleContext, p: Pair, fix: Fix) -> M:
    """One edit of `charterroles.settle` as the hint says it."""
    org = ctx.org
    if fix.keep is not None:
        at = org.origin("Team", p.team).locate("responsibilities", p.index[0])
        entry = entry_text(p, 0, fix.role)
        if len(p.charter) == 1:
            return M("write `{entry}` in {team}'s charter in place of `{was}` (line {line}), "
                     "as the duty's own RACI fields say", entry=entry, team=p.team,
                     was=entry_text(p, 0), line=at.line)
        return M("write one entry for {duty} in {team}'s charter, `{entry}`, in place of "
                 "its {n} entries (line {line}), as the duty's own RACI fields say",
                 duty=p.rid, team=p.team, entry=entry, n=len(p.charter), line=at.line)
    line = org.origin("Responsibility", p.rid).locate(fix.moved).line
    return M("in the duty (line {line}) write {team} under `{to}` in place of `{moved}`, "
             "as its charter says", line=line, team=p.team, to=fix.to, moved=fix.moved)
