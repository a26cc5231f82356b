"""One mistake, one finding: an id that names nothing, written in several references.

`id: tech` changed to `id: engineering` (or a team removed, or the same typo pasted into
several duties) leaves every reference to `tech` (a `parent`, RACI lists, a position's
`team`, OKR and step owners, meeting attendees) naming nothing: one RF001 each, fifteen
findings for one edit. The RF001 at the first of those references (by file, line, column)
is the one finding: its related locations are the other references, and its hint says how
many there are (`holdback.grouped_hint`) and the findings held back behind any of them
(`holdback.merged_held`); their RF001s are held back behind it. Fixing the
id (`aliases: [tech]`, or the id given back) fixes them all; fixing only the first
reference brings the next one forward with the rest.

RF001s are read as one mistake when they name the same id, as written, and the kinds their
fields take share one (a team's `parent` and a meeting's `attendees` may both name a team;
a charter's duty and a step's owner may not): two different unknown ids stay two findings.
Only the RF001s reported are grouped: one turned off for a file, ignored or suppressed is
not among them, and holds nothing.

Light on purpose, as `engine.noteam`: it reads the findings alone.
"""

from __future__ import annotations

from orgspec.engine.holdback import fold_references, grouped_hint, merged_held
from orgspec.findings import Finding, message_values

UNKNOWN = "RF001"
_KINDS = ("Team", "Person", "Role", "Responsibility", "Objective")  # `KIND_NAMES`' keys


def _named(f: Finding) -> tuple[str, frozenset[str]] | None:
    """The unknown id an RF001 names and the kinds its field takes (as its message says
    them: `Team, Person or Role`); None for another finding, or an RF001 saying something
    else (`tech　` with a stray blank names `tech`, which exists)."""
    values = message_values(f, UNKNOWN)
    if values is None:
        return None
    value, kinds = values.get("value"), values.get("kinds")
    if not isinstance(value, str) or not value or kinds is None:
        return None
    said = str(kinds)  # the English words of `checks.references._either`
    return value, frozenset(k for k in _KINDS if k in said)


def _groups(findings: list[Finding]) -> list[list[Finding]]:
    """The RF001s of `findings` that name one id from fields sharing a kind, two or more
    each, in order of location."""
    by_value: dict[str, list[tuple[Finding, frozenset[str]]]] = {}
    for f in findings:
        named = _named(f)
        if named is not None:
            by_value.setdefault(named[0], []).append((f, named[1]))
    out: list[list[Finding]] = []
    for found in by_value.values():
        if len(found) < 2:
            continue
        groups: list[tuple[frozenset[str], list[Finding]]] = []
        for f, kinds in sorted(found, key=lambda pair: pair[0].sort_key()):
            for i, (shared, members) in enumerate(groups):
                if shared & kinds or not (shared or kinds):
                    groups[i] = (shared & kinds, members)
                    members.append(f)
                    break
            else:
                groups.append((kinds, [f]))
        out.extend(members for _, members in groups if len(members) > 1)
    return out


def same_id_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` with one RF001 for each id that several of them name (see the module):
    the first, its related locations the others' and its hint counting them; and the
    others, as they were. One pass over `findings`; more only when an unknown id is named
    twice."""
    groups = _groups(findings)
    if not groups:
        return findings, []

    def hint(lead: Finding, rest: list[Finding]) -> str:
        value = _named(lead)[0]  # type: ignore[index]  # grouped: it names one
        return grouped_hint(merged_held(lead.hint, [f.hint for f in rest]), value, len(rest))

    return fold_references(findings, groups, hint)
