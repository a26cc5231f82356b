"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgspec.checks.dutygroups import duty_groups, duty_issues
from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.engine.teams import owning_teams
from orgspec.findings import Issue, Location
from orgspec.model.extracts import duties_of, duty_site
from orgspec.model.org import node_key


@check("OW007", graph=False, accountable_only=True)
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """One finding per group of duties that mean the same, accountable to different owners:
    at the group's first duty (by id), the others as related locations."""
    org = ctx.org
    duties = duties_of(org)
    found = duty_groups(duties, float(ctx.options["threshold"]), ctx.shared)
    yield from duty_issues(duties, found, _files_with_directives(ctx), _sites(ctx),
                           lambda rid: owning_teams(org, node_key("responsibility", rid)))


def _sites(ctx: RuleContext) -> Callable[[str], Location]:
    """`duty_site`, read from the files' summaries when the run has them: a re-check after
    an edit elsewhere then does not unpickle the positions of every file a group's duty
    is in (185 of 500 files after the benchmark's RACI edit, `docs/benchmarks.md`). A
    summary's site is the location of the same path in a file of the same content (the
    summary and the org's file entry are keyed by it), so it is taken only when the path
    is the one the org took the duty from; anything else is located in the org."""
    org = ctx.org
    summaries = ctx.shared.summaries
    if not summaries:
        return lambda rid: duty_site(org, rid)

    def site(rid: str) -> Location:
        origin = org.origin("Responsibility", rid)
        file = origin.fmap.file
        summary = summaries.get(file)
        entry = summary.sites.get(rid) if summary is not None else None
        if entry is not None and entry[2] == origin.path:
            at = entry[0] if org.responsibilities[rid].description else entry[1]
            if at is not None and at.file == file:
                return at
        return duty_site(org, rid)

    return site


def _files_with_directives(ctx: RuleContext) -> set[str]:
    """Files holding a suppression that names this rule (by code or name)."""
    names = {"OW007", "NEAR-DUPLICATE-DUTIES"}
    return {d.location.file for d in ctx.org.directives
            if any(c.upper() in names for c in d.codes)}
