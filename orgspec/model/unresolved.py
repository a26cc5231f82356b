"""A team's references that name no entity, and whom each most likely means.

`lead: 刘洋` names no person, but person `liu-yang` is called 刘洋: the rules that read the
team's members would say liu-yang is on no team, a cascade of the one unknown reference
(RF001). `meant(org)` lists, per team, each unresolved `parent`, `lead`, `members` or
`children` value with the id it most likely means: an entity whose display name or alias
is the value, whose id is the value in another case, or whose id is close to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgspec.model.models import is_placeholder, is_vacant
from orgspec.model.org import Org, node_key
from orgspec.text.spaces import IME_QUOTES
from orgspec.text.suggest import Suggester

FIELDS = {"parent": "Team", "lead": "Person", "members": "Person", "children": "Team"}


@dataclass(frozen=True)
class Unresolved:
    """`team` wrote `value` in `field` (Team.field); `meant` is the id it most likely names."""

    team: str
    field: str
    value: str
    meant: str | None


def meant(org: Org) -> list[Unresolved]:
    """Every unresolved team reference, in team order; O(references) after one index per
    kind, built only when some reference is unresolved."""
    out: list[Unresolved] = []
    guess: dict[str, _Guess] = {}
    for tid, team in org.teams.items():
        for field, kind in FIELDS.items():
            value = getattr(team, field)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if not isinstance(v, str) or _known(org, kind, v) or is_placeholder(v) \
                        or is_vacant(v):
                    continue
                if kind not in guess:
                    guess[kind] = _Guess(org, kind)
                out.append(Unresolved(tid, field, v, guess[kind].id_for(v)))
    return out


def _known(org: Org, kind: str, value: str) -> bool:
    return value in org.table(kind) or node_key(kind, value) in org.invalid


class _Guess:
    def __init__(self, org: Org, kind: str) -> None:
        table = org.table(kind)
        self.names: dict[str, str] = {}
        for ident in sorted(table, reverse=True):
            entity = table[ident]
            for word in [getattr(entity, "name", None), *getattr(entity, "aliases", ())]:
                if isinstance(word, str) and word.strip():
                    self.names[word.strip().casefold()] = ident
            self.names.setdefault(ident.casefold(), ident)
        self.close = Suggester(table)

    def id_for(self, value: str) -> str | None:
        value = value.strip().strip(IME_QUOTES) or value  # `[“li”]`: the IME's quotes
        return self.names.get(value.casefold()) or self.close.close(value)
