"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.engine.teams import owning_teams
from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M
from orgspec.model.org import Org, ident_of, node_key

if TYPE_CHECKING:
    from orgspec.text.neardup import Group


def _inputs(org: Org) -> tuple[list[str], list[tuple[str | None, str | None]], list[str]]:
    ids: list[str] = []
    duties: list[tuple[str | None, str | None]] = []
    groups: list[str] = []
    for rid, holders in org.raci.accountable.items():
        resp = org.responsibilities[rid]
        if (resp.description or resp.name) and holders:
            ids.append(rid)
            duties.append((resp.name, resp.description))  # both are evidence
            groups.append(",".join(holders))
    return ids, duties, groups


# Members listed as related locations beyond the first duty; the rest are counted.
MAX_RELATED = 20


@check("OW007", graph=False)
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """One finding per group of duties that mean the same, accountable to different owners:
    at the group's first duty (by id), the others as related locations."""
    ids, duties, owners = _inputs(ctx.org)
    threshold = float(ctx.options["threshold"])
    # the groups depend on the duties' texts and owners only: a re-check after an edit
    # elsewhere (an OKR, a person, a process) reuses them
    found = ctx.shared.remember("OW007", (duties, owners, threshold),
                                lambda: _groups(ctx, duties, owners, threshold), list)
    holders = ctx.org.raci.accountable
    marked = _files_with_directives(ctx)
    for group in found:
        ranked = sorted(zip((ids[i] for i in group.members), group.scores, strict=True))
        (first, _), rest = ranked[0], ranked[1:]
        shown = rest[:MAX_RELATED]
        # a member beyond the cap whose file has an OW007 suppression stays listed, so
        # that a suppression on any member's line silences the group
        if marked:
            shown += [m for m in rest[MAX_RELATED:]
                      if ctx.org.origin("Responsibility", m[0]).file in marked]
        low = min(score for _, score in ranked)
        high = max(score for _, score in ranked)
        yield Issue(_message(ranked, holders, low, high), _text_site(ctx, first),
                    node_key("responsibility", first),
                    related=tuple(Related(_text_site(ctx, rid),
                                          M("{id} ({owners}): {text}", id=rid,
                                            owners=_names(holders[rid]), text=_text(ctx, rid)))
                                  for rid, _ in shown),
                    hint=M("merge them under one accountable team, or reword what differs"),
                    related_more=len(rest) - len(shown),
                    teams=tuple(t for rid, _ in ranked
                                for t in owning_teams(ctx.org, node_key("responsibility", rid))))


def _groups(ctx: RuleContext, duties: list[tuple[str | None, str | None]], owners: list[str],
            threshold: float) -> list[Group]:
    """`find_duty_groups`, with each text's features kept between runs (`Shared.kept`):
    after one duty was reworded, only its text's features are computed. The search's
    pairs are kept under a digest of every duty's features and owner (`Shared.remember`):
    an edit that leaves every feature as it was (a number, punctuation, case, spacing,
    traditional for simplified characters, a word the glossary files under the same
    concept) searches no more. An edit that changes a feature searches again: each
    feature's weight (IDF) is the whole org's, and a changed weight moves the scores and
    candidates of every duty holding it (40-97 % of the duties of the synthetic org for
    one word changed), so searching only the pairs that touch the changed duty would miss
    or invent pairs, and redoing all that a changed weight touches saves little."""
    from orgspec.text.neardup import find_duty_groups

    name = "OW007 features"
    known = ctx.shared.kept(name, dict) or {}
    before = len(known)

    def reuse(key: str, search: Callable[[], list[tuple[int, int, float]]]
              ) -> list[tuple[int, int, float]]:
        return ctx.shared.remember("OW007 pairs", key, search, list)

    # without a cache nothing is kept: no digest of every duty's features to key it by
    found = find_duty_groups(duties, owners, threshold, known=known,
                             reuse=reuse if ctx.shared.cache is not None else None)
    if len(known) != before:  # new texts: keep those in use now
        texts = {t or "" for pair in duties for t in pair}
        ctx.shared.keep(name, {t: f for t, f in known.items() if t in texts})
    return found


def _message(ranked: list[tuple[str, float]], holders: dict[str, list[str]], low: float,
             high: float) -> M:
    named = [M("{id!r} ({owners})", id=rid, owners=_names(holders[rid]))
             for rid, _ in ranked[:3]]
    if len(ranked) == 2:
        return M("duties {a} and {b} look like the same duty (similarity {score:.2f})",
                 a=named[0], b=named[1], score=high)
    more = len(ranked) - len(named)
    teams = len({",".join(holders[rid]) for rid, _ in ranked})
    span: str = f"{high:.2f}" if low == high else M("{low:.2f} to {high:.2f}", low=low, high=high)
    if more:
        return M("{count} duties of {owners} owners look like the same duty: {listing} and "
                 "{more} more (similarity {span})", count=len(ranked), owners=teams,
                 listing=named, more=more, span=span)
    return M("{count} duties of {owners} owners look like the same duty: {listing} "
             "(similarity {span})", count=len(ranked), owners=teams, listing=named, span=span)


def _files_with_directives(ctx: RuleContext) -> set[str]:
    """Files holding a suppression that names this rule (by code or name)."""
    names = {"OW007", "NEAR-DUPLICATE-DUTIES"}
    return {d.location.file for d in ctx.org.directives
            if any(c.upper() in names for c in d.codes)}


def _names(holders: list[str]) -> list[str]:
    """The owners' ids: a list value, which a message joins with its language's `、`."""
    return [ident_of(h) for h in holders]


def _text(ctx: RuleContext, rid: str) -> str:
    resp = ctx.org.responsibilities[rid]
    return str(resp.description or resp.name)


def _text_site(ctx: RuleContext, rid: str) -> Location:
    origin = ctx.org.origin("Responsibility", rid)
    field = "description" if ctx.org.responsibilities[rid].description else "name"
    where: Location = origin.locate(field)
    return where
