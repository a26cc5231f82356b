"""Which name an id is said with: light (no models), for the warm path too (`engine.warm`)."""

from __future__ import annotations

from collections.abc import Mapping

# The kinds whose ids a message names an entity by, in the order an id several kinds share
# takes its name from (a team before a person, as `Org.holder` resolves owners).
NAMED_KINDS = ("Team", "Person", "Role", "Responsibility", "Process", "Meeting", "Objective")
_RANK = {kind.lower(): rank for rank, kind in enumerate(NAMED_KINDS)}


def by_id(keyed: Mapping[str, str]) -> dict[str, str]:
    """Id -> name from entity key (`team:cs`) -> name: an id several kinds share takes the
    name of the first of NAMED_KINDS that has one. O(len(keyed) log len(keyed))."""
    out: dict[str, str] = {}
    ranked = sorted(keyed.items(), key=lambda item: _RANK.get(item[0].partition(":")[0],
                                                              len(_RANK)))
    for key, name in ranked:
        out.setdefault(key.partition(":")[2], name)
    return out
