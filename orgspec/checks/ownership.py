"""Who answers for each duty: exactly one accountable owner, merged from both sides of RACI."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from orgspec.findings import Issue, Location, Related
from orgspec.models import is_placeholder
from orgspec.org import Org, node_key


def accountable_claims(org: Org) -> dict[str, list[tuple[str, Location]]]:
    """Duty id -> [(owner id, where it is claimed)], from the duty and from team charters."""
    out: dict[str, list[tuple[str, Location]]] = defaultdict(list)
    for rid, resp in org.responsibilities.items():
        origin = org.origin("Responsibility", rid)
        many = len(resp.accountable) > 1
        for i, owner in enumerate(resp.accountable):
            where = origin.locate("accountable", i) if many else origin.locate("accountable")
            out[rid].append((owner, where))
    for claim in org.claims:
        if claim.role == "accountable":
            out[claim.responsibility].append((claim.team, claim.origin.locate()))
    return out


def check_ownership(org: Org) -> Iterator[Issue]:
    """OW001 for a duty with several accountable owners, OW002 for one with none."""
    claims = accountable_claims(org)
    for rid in org.responsibilities:
        owners = _distinct(claims.get(rid, []))
        real = [(o, loc) for o, loc in owners if not is_placeholder(o)]
        where = org.origin("Responsibility", rid)
        entity = node_key("responsibility", rid)
        if len(real) > 1:
            names = ", ".join(o for o, _ in real)
            yield Issue("OW001", f"duty {rid!r} has {len(real)} accountable owners: {names}",
                        real[0][1], entity,
                        related=tuple(Related(loc, f"{o} is accountable here")
                                      for o, loc in real[1:]),
                        hint="keep one accountable owner; make the others responsible or "
                             "consulted")
        elif not real:
            said = f" (written as {owners[0][0]!r})" if owners else ""
            yield Issue("OW002", f"duty {rid!r} has no accountable owner{said}",
                        where.locate("id"), entity,
                        hint="name one accountable team, in the duty or in a team's charter")


def _distinct(owners: list[tuple[str, Location]]) -> list[tuple[str, Location]]:
    seen: dict[str, Location] = {}
    for owner, loc in owners:
        seen.setdefault(owner, loc)
    return list(seen.items())
