"""The hint of an RF004 at a duty listed twice in one charter in two roles
(`responsibilities: [d1, {ref: d1, role: responsible}]`): which entry to keep depends on the
duty's own RACI fields, which the entity-local RF004 does not read; this step, which reads
the org, names the entry that leaves the check clean (`charterroles.keep_entry`), and the
change to the duty it needs, if any (trial 33: "remove the first one if the team is
responsible for it" left OW004, the duty naming the team accountable).

The warm re-check (`engine.warm`) runs RF004 without the org: a file with such an RF004
takes the full path (`needs_org`).
"""

from __future__ import annotations

from orgspec.engine.charterroles import ROLE_WORDS, Fix, Pair, entry_text, keep_entry, pair
from orgspec.findings import Finding, Issue, message_values, replaced
from orgspec.i18n import M, P
from orgspec.model.org import Org, ident_of

REPEAT = "RF004"
OVERLAP = "OW001"


def _in_roles(values: dict[str, object] | None) -> bool:
    """Whether an RF004's message values are those of a charter repeat in two roles."""
    return values is not None and "first" in values and "this" in values and \
        "alias" not in values


def needs_org(issue: Issue) -> bool:
    """Whether `issue` (an RF004 as the rule made it) gets its hint from the org."""
    message = getattr(issue.message, "source", issue.message)
    return _in_roles(getattr(message, "values", None)) and \
        getattr(issue.hint, "template", "").startswith("remove the second")


def repeat_hints(findings: list[Finding], org: Org) -> list[Finding]:
    """`findings` with the hint of each RF004 at a charter repeat in two roles naming the
    entry to keep (`keep_entry`); one pass over `findings`."""
    out: list[Finding] | None = None
    for n, f in enumerate(findings):
        values = message_values(f, REPEAT)
        if not _in_roles(values) or values is None or not f.entity.startswith("team:"):
            continue
        p = pair(org, str(values.get("value")), ident_of(f.entity))
        if p is None or len(p.charter) < 2:
            continue
        hint = _hint(org, p, keep_entry(p))
        if hint is None:
            continue
        if out is None:
            out = list(findings)
        out[n] = replaced(f, hint=hint)
    return findings if out is None else out


def _hint(org: Org, p: Pair, fix: Fix | None) -> M | None:
    if fix is None or fix.keep is None:
        return None
    team = org.origin("Team", p.team)
    at = team.locate("responsibilities", p.index[fix.keep])
    others = len(p.charter) - 1
    keep = P("keep `{entry}` (line {line}, column {col}) and remove the other entry for "
             "{duty} in this charter",
             "keep `{entry}` (line {line}, column {col}) and remove the other {n} entries "
             "for {duty} in this charter", entry=entry_text(p, fix.keep), line=at.line,
             col=at.col, n=others, duty=p.rid)
    duty = org.origin("Responsibility", p.rid)
    if fix.role is not None:
        return M("write one entry for {duty} in this charter, `{entry}`, in place of its {n} "
                 "entries (line {line}): the duty's own RACI fields make {team} {roles}",
                 duty=p.rid, entry=entry_text(p, fix.keep, fix.role), n=len(p.charter),
                 line=at.line, team=p.team, roles=[ROLE_WORDS[r] for r in sorted(p.duty)])
    if fix.to is None:
        if not fix.clean:
            return keep
        if p.charter[fix.keep] in p.duty:
            return M("{keep}: it agrees with the duty's own RACI fields, which make {team} "
                     "{roles}", keep=keep, team=p.team,
                     roles=[ROLE_WORDS[r] for r in sorted(p.duty)])
        return M("{keep}: that leaves one accountable owner and agrees with the duty's own "
                 "RACI fields", keep=keep)
    if fix.moved is None:
        return M("{keep}, and write `{fix}` in the duty (line {line}): the entry without a "
                 "role made {team} accountable, which the duty's own fields do not say",
                 keep=keep, fix="".join((fix.to, ": ", p.team)), line=duty.locate("id").line,
                 team=p.team)
    return M("{keep}, and in the duty (line {line}) write {team} under `{to}` in place of "
             "`{moved}`", keep=keep, line=duty.locate(fix.moved).line, team=p.team,
             to=fix.to, moved=fix.moved)


def repeat_behind_overlap(findings: list[Finding], org: Org
                          ) -> tuple[list[Finding], list[Finding]]:
    """`findings` without the RF004 of a duty listed twice in a charter, bare and in the role
    the duty's own fields give the team, when the bare entry makes the team a second
    accountable owner (`[d1, {ref: d1, role: responsible}]` beside `accountable: cs,
    responsible: ops`): the duty's OW001 says to remove the bare entry and keep the other,
    which ends both (one mistake, one finding; the error kept, not a warning in its place),
    and its hint names the RF004 held back; and those RF004s."""
    from orgspec.engine.holdback import hold_behind

    overlaps = {f.entity: f for f in findings if f.code == OVERLAP}
    if not overlaps:
        return findings, []
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        values = message_values(f, REPEAT)
        if not _in_roles(values) or values is None or not f.entity.startswith("team:"):
            continue
        rid = str(values.get("value"))
        cause = overlaps.get("responsibility:" + rid)
        p = pair(org, rid, ident_of(f.entity)) if cause is not None else None
        fix = keep_entry(p) if p is not None and p.now() == 2 else None
        if cause is None or p is None or fix is None or fix.keep is None or not fix.clean \
                or fix.to is not None or fix.role is not None or p.bare[fix.keep] \
                or p.charter[fix.keep] not in p.duty or sum(p.bare) != 1:
            continue
        behind.setdefault(id(cause), []).append(f)
    return hold_behind(findings, behind)
