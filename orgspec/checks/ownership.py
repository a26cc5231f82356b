"""Who answers for each duty: exactly one accountable owner, merged from both sides of RACI."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from orgspec.findings import Issue, Location, Related
from orgspec.models import is_placeholder
from orgspec.org import Org, Origin, node_key

# (owner id, where the claim is written, the path below that origin); located lazily
ClaimSite = tuple[str, Origin, tuple[Any, ...]]


def accountable_claims(org: Org) -> dict[str, list[ClaimSite]]:
    """Duty id -> its accountable claims, from the duty itself and from team charters."""
    out: dict[str, list[ClaimSite]] = defaultdict(list)
    for rid, resp in org.responsibilities.items():
        if resp.accountable:
            origin = org.origin("Responsibility", rid)
            many = len(resp.accountable) > 1
            for i, owner in enumerate(resp.accountable):
                out[rid].append((owner, origin, ("accountable", i) if many else ("accountable",)))
    for claim in org.claims:
        if claim.role == "accountable":
            out[claim.responsibility].append((claim.team, claim.origin, ()))
    return out


def check_ownership(org: Org) -> Iterator[Issue]:
    """OW001 for a duty with several accountable owners, OW002 for one with none."""
    claims = accountable_claims(org)
    for rid in org.responsibilities:
        owners = _distinct(claims.get(rid, []))
        real = [site for site in owners if not is_placeholder(site[0])]
        if len(real) == 1:
            continue
        entity = node_key("responsibility", rid)
        if len(real) > 1:
            names = ", ".join(site[0] for site in real)
            yield Issue("OW001", f"duty {rid!r} has {len(real)} accountable owners: {names}",
                        _where(real[0]), entity,
                        related=tuple(Related(_where(site), f"{site[0]} is accountable here")
                                      for site in real[1:]),
                        hint="keep one accountable owner; make the others responsible or "
                             "consulted")
        else:
            said = f" (written as {owners[0][0]!r})" if owners else ""
            yield Issue("OW002", f"duty {rid!r} has no accountable owner{said}",
                        org.origin("Responsibility", rid).locate("id"), entity,
                        hint="name one accountable team, in the duty or in a team's charter")


def _where(site: ClaimSite) -> Location:
    return site[1].locate(*site[2])


def _distinct(owners: list[ClaimSite]) -> list[ClaimSite]:
    seen: dict[str, ClaimSite] = {}
    for site in owners:
        seen.setdefault(site[0], site)
    return list(seen.values())
