"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue, Location, Related
from orgspec.model.org import Org, ident_of, node_key


def _inputs(org: Org) -> tuple[list[str], list[str], list[str]]:
    ids, texts, groups = [], [], []
    for rid, holders in org.raci.accountable.items():
        resp = org.responsibilities[rid]
        text = resp.description or resp.name
        if text and holders:
            ids.append(rid)
            texts.append(text)
            groups.append(",".join(holders))
    return ids, texts, groups


@check("OW007", graph=False)
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """Pairs of duties whose descriptions mean the same, accountable to different owners."""
    from orgspec.text.neardup import find_pairs

    ids, texts, groups = _inputs(ctx.org)
    pairs = find_pairs(texts, groups, float(ctx.options["threshold"]))
    holders = ctx.org.raci.accountable
    for pair in pairs:
        a, b = sorted((ids[pair.first], ids[pair.second]))
        yield Issue(f"duties {a!r} ({_names(holders[a])}) and {b!r} "
                    f"({_names(holders[b])}) look like the same duty (similarity "
                    f"{pair.score:.2f})", _text_site(ctx, b), node_key("responsibility", b),
                    related=(Related(_text_site(ctx, a), f"{a}: {_text(ctx, a)}"),),
                    hint="merge them under one accountable team, or reword what differs")


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
