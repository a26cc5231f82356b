"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.checks.dutygroups import duty_groups, duty_issues
from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.engine.teams import owning_teams
from orgspec.findings import Issue
from orgspec.model.extracts import duties_of, duty_site
from orgspec.model.org import node_key


@check("OW007", graph=False)
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """One finding per group of duties that mean the same, accountable to different owners:
    at the group's first duty (by id), the others as related locations."""
    org = ctx.org
    duties = duties_of(org)
    found = duty_groups(duties, float(ctx.options["threshold"]), ctx.shared)
    yield from duty_issues(duties, found, _files_with_directives(ctx),
                           lambda rid: duty_site(org, rid),
                           lambda rid: owning_teams(org, node_key("responsibility", rid)))


def _files_with_directives(ctx: RuleContext) -> set[str]:
    """Files holding a suppression that names this rule (by code or name)."""
    names = {"OW007", "NEAR-DUPLICATE-DUTIES"}
    return {d.location.file for d in ctx.org.directives
            if any(c.upper() in names for c in d.codes)}
