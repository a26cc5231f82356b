"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M
from orgspec.model.org import Org, ident_of, node_key


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


@check("OW007", graph=False)
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """Pairs of duties whose descriptions mean the same, accountable to different owners."""
    from orgspec.text.neardup import find_duty_pairs

    ids, duties, groups = _inputs(ctx.org)
    pairs = find_duty_pairs(duties, groups, float(ctx.options["threshold"]))
    holders = ctx.org.raci.accountable
    for pair in pairs:
        a, b = sorted((ids[pair.first], ids[pair.second]))
        yield Issue(M("duties {a!r} ({a_owners}) and {b!r} ({b_owners}) look like the same "
                      "duty (similarity {score:.2f})", a=a, a_owners=_names(holders[a]), b=b,
                      b_owners=_names(holders[b]), score=pair.score), _text_site(ctx, b),
                      node_key("responsibility", b),
                    related=(Related(_text_site(ctx, a), f"{a}: {_text(ctx, a)}"),),
                    hint=M("merge them under one accountable team, or reword what differs"))


def _names(holders: list[str]) -> str:
    return ", ".join(ident_of(h) for h in holders)


def _text(ctx: RuleContext, rid: str) -> str:
    resp = ctx.org.responsibilities[rid]
    return str(resp.description or resp.name)


def _text_site(ctx: RuleContext, rid: str) -> Location:
    origin = ctx.org.origin("Responsibility", rid)
    field = "description" if ctx.org.responsibilities[rid].description else "name"
    where: Location = origin.locate(field)
    return where
