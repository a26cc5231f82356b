"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.context import RuleContext
from orgspec.findings import Issue, Related
from orgspec.graph import accountable_owners
from orgspec.org import node_key
from orgspec.registry import check


@check("OW007")
def near_duplicate_duties(ctx: RuleContext) -> Iterator[Issue]:
    """Pairs of duties whose descriptions mean the same, accountable to different owners."""
    from orgspec.text.neardup import find_pairs

    org, g = ctx.org, ctx.graph
    ids, texts, groups = [], [], []
    for rid, resp in org.responsibilities.items():
        text = resp.description or resp.name
        holders = accountable_owners(g, node_key("responsibility", rid))
        if text and holders:
            ids.append(rid)
            texts.append(text)
            groups.append(",".join(holders))
    threshold = float(ctx.options.get("threshold", 0.55))
    for pair in find_pairs(texts, groups, threshold):
        a, b = sorted((ids[pair.first], ids[pair.second]))
        where_a, where_b = _text_site(ctx, a), _text_site(ctx, b)
        yield Issue("OW007", f"duties {a!r} ({_owners(ctx, a)}) and {b!r} ({_owners(ctx, b)}) "
                    f"look like the same duty (similarity {pair.score:.2f})", where_b,
                    node_key("responsibility", b),
                    related=(Related(where_a, f"{a}: {_text(ctx, a)}"),),
                    hint="merge them under one accountable team, or reword what differs")


def _text(ctx: RuleContext, rid: str) -> str:
    resp = ctx.org.responsibilities[rid]
    return str(resp.description or resp.name)


def _text_site(ctx: RuleContext, rid: str):  # type: ignore[no-untyped-def]
    origin = ctx.org.origin("Responsibility", rid)
    field = "description" if ctx.org.responsibilities[rid].description else "name"
    return origin.locate(field)


def _owners(ctx: RuleContext, rid: str) -> str:
    holders = accountable_owners(ctx.graph, node_key("responsibility", rid))
    return ", ".join(h.split(":", 1)[1] for h in holders)
