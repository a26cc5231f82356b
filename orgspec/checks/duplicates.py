"""Near-duplicate duties held by different teams: the same duty written in other words."""

from __future__ import annotations

from collections.abc import Iterator

from orgspec.context import RuleContext
from orgspec.findings import Issue, Location, Related
from orgspec.models import is_placeholder
from orgspec.org import Org, node_key
from orgspec.registry import check


def _holders(org: Org) -> dict[str, list[str]]:
    """Duty -> its accountable owners, from both RACI sides. The same owners as
    `graph.accountable_owners`, computed without the graph so the rule is graph-free."""
    out: dict[str, set[str]] = {rid: set() for rid in org.responsibilities}
    for rid, resp in org.responsibilities.items():
        out[rid].update(_node(org, ref) for ref in resp.accountable)
    for claim in org.claims:
        if claim.role == "accountable" and claim.responsibility in out:
            out[claim.responsibility].add(node_key("team", claim.team))
    return {rid: sorted(h for h in holders if h) for rid, holders in out.items()}


def _node(org: Org, ref: str) -> str:
    if is_placeholder(ref):
        return ""
    if ref in org.teams:
        return node_key("team", ref)
    return node_key("person", ref) if ref in org.people else ""


def _inputs(org: Org) -> tuple[list[str], list[str], list[str]]:
    ids, texts, groups = [], [], []
    for rid, holders in _holders(org).items():
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
    pairs = find_pairs(texts, groups, float(ctx.options.get("threshold", 0.55)))
    holders = _holders(ctx.org)
    for pair in pairs:
        a, b = sorted((ids[pair.first], ids[pair.second]))
        yield Issue("OW007", f"duties {a!r} ({_names(holders[a])}) and {b!r} "
                    f"({_names(holders[b])}) look like the same duty (similarity "
                    f"{pair.score:.2f})", _text_site(ctx, b), node_key("responsibility", b),
                    related=(Related(_text_site(ctx, a), f"{a}: {_text(ctx, a)}"),),
                    hint="merge them under one accountable team, or reword what differs")


def _names(holders: list[str]) -> str:
    return ", ".join(h.split(":", 1)[1] for h in holders)


def _text(ctx: RuleContext, rid: str) -> str:
    resp = ctx.org.responsibilities[rid]
    return str(resp.description or resp.name)


def _text_site(ctx: RuleContext, rid: str) -> Location:
    origin = ctx.org.origin("Responsibility", rid)
    field = "description" if ctx.org.responsibilities[rid].description else "name"
    where: Location = origin.locate(field)
    return where
