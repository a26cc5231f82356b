"""Which name an id is said with: light (no models), for the warm path too (`engine.warm`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from orgspec.findings import Finding
from orgspec.i18n import M

# The kinds whose ids a message names an entity by, in the order an id several kinds share
# takes its name from (a team before a person, as `Org.holder` resolves owners).
NAMED_KINDS = ("Team", "Person", "Role", "Responsibility", "Process", "Meeting", "Objective")
_PREFIXES = tuple(f"{kind.lower()}:" for kind in NAMED_KINDS)  # `org.node_key`'s
# How a line of text names an entity by its name and id, in every language and every output
# (a finding, a hint, the org diff): `主播运营部 (anchor-ops)`, the ASCII brackets a reader
# copies the id from. `name_id` says it as an `M` (its id kept: `graph.id_of`), `said_name_id`
# as text.
NAME_ID = "{name} ({id})"


def name_id(name: str, ident: str) -> M:
    """`name (id)` as an `M` (see NAME_ID)."""
    return M("{name} ({id})", name=name, id=ident)


def said_name_id(name: str, ident: str) -> str:
    """`name (id)` as text (see NAME_ID)."""
    return NAME_ID.format(name=name, id=ident)


def by_id(keyed: Mapping[str, str], ids: Iterable[str]) -> dict[str, str]:
    """Id -> name for each of `ids` an entity has a name for in `keyed` (entity key
    `team:cs` -> name, `model.names.keyed_names`): an id several kinds share takes the
    name of the first of NAMED_KINDS that has one. O(len(ids))."""
    out: dict[str, str] = {}
    for ident in ids:
        for prefix in _PREFIXES:
            name = keyed.get(prefix + ident)
            if name is not None:
                out[ident] = name
                break
    return out


def quoted_ids(findings: Iterable[Finding]) -> set[str]:
    """Every value `report.idnames.with_names` may say with a name in the findings'
    messages, their related messages and their hints (`i18n.Said.source`: the `M` said),
    and in the messages those hold as values (`M`s within an `M`): each string value,
    each string of a list value, and each part of a string joined with ', '.
    O(the messages' values): the names a result keeps are only the ones it may show."""
    out: set[str] = set()
    for f in findings:
        for message in (f.message, *(r.message for r in f.related), f.hint):
            _add_values(getattr(message, "source", None), out)
    return out


def _add_values(message: object, out: set[str]) -> None:
    """`quoted_ids`'s values of one message (an `M`, or None), its nested `M`s' too."""
    if not isinstance(message, M) or not message.values:
        return
    for value in message.values.values():
        for one in value if isinstance(value, list | tuple) else (value,):
            if type(one) is str:
                out.add(one)
                if ", " in one:
                    out.update(one.split(", "))
            elif isinstance(one, M):  # a message said within the message
                _add_values(one, out)
