"""One mistake, one finding: a former id still written in several references.

A team renamed with `aliases` kept (`id: engineering`, `aliases: [tech]`, RF001's and
RF008's hints) leaves every reference to `tech` working, each an RF005 warning: sixteen
warnings for one rename. The RF005 at the first of those references (by file, line,
column) is the one finding: its related locations are the other references, and its hint
counts them; their RF005s are held back behind it. Writing the current id in the first
reference brings the next one forward with the rest, counted one less.

RF005s are read as one when they name the same former id of the same entity (`tech` of
team `engineering`). Only the RF005s reported are grouped: one turned off for a file,
ignored or suppressed is not among them.

Light on purpose, as `engine.sameid`: it reads the findings alone.
"""

from __future__ import annotations

from orgspec.engine.holdback import fold_references
from orgspec.findings import Finding, Location, message_values
from orgspec.i18n import P

FORMER = "RF005"
_GROUPED = "write `{id}` here and at the {n} other reference"  # how `_hint` starts


def _named(f: Finding) -> tuple[str, str, str] | None:
    """The former id an RF005 names, the current id and the kind (as its message says
    them); None for another finding."""
    values = message_values(f, FORMER)
    if values is None:
        return None
    value, ident = values.get("value"), values.get("id")
    if not isinstance(value, str) or not isinstance(ident, str):
        return None
    return value, ident, str(getattr(values.get("kind"), "template", values.get("kind")))


def _hint(value: str, ident: str, n: int) -> P:
    return P("write `{id}` here and at the {n} other reference to {value!r}, its related "
             "location (its RF005 is held back behind this one): {value!r} is kept in "
             "`aliases` only so that old links still work",
             "write `{id}` here and at the {n} other references to {value!r}, its related "
             "locations (their RF005s are held back behind this one): {value!r} is kept in "
             "`aliases` only so that old links still work", id=ident, n=n, value=value)


def is_grouped(hint: object) -> bool:
    """Whether `hint` (or the `M` it says) is the hint of an RF005 that holds others back."""
    hint = getattr(hint, "source", hint)
    return isinstance(hint, P) and hint.singular.startswith(_GROUPED)


def repeat_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without the RF005 of a former id written in a list beside the current
    id (`members: [tech, engineering]`): the RF004 of that repeat says to remove the entry
    with the former id, which fixes both (one mistake, one finding; trial 32: the RF005
    said to write `engineering` there, a plain repeat then); and those RF005s. The entry
    to remove is the repeat when it is written with a former id, else the first listing
    (`checks.references._repeats`). One pass; more only with an RF004 of a former id."""
    places: set[tuple[str, int, int]] = set()
    for f in findings:
        values = message_values(f, "RF004")
        if values is None or "alias" not in values:
            continue
        if values.get("this") != values.get("value"):  # the repeat is the former id
            places.add(_place(f.location))
        elif f.related:
            places.add(_place(f.related[0].location))
    if not places:
        return findings, []
    held = [f for f in findings if f.code == FORMER and _place(f.location) in places]
    gone = {id(f) for f in held}
    return [f for f in findings if id(f) not in gone], held


def _place(at: Location) -> tuple[str, int, int]:
    return at.file, at.line, at.col


def former_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` with one RF005 for each former id that several of them write (see the
    module): the first, its related locations the others' and its hint counting them; and
    the others, as they were. One pass over `findings`; more only when a former id is
    written twice."""
    by_id: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        named = _named(f)
        if named is not None:
            by_id.setdefault(named, []).append(f)
    groups = [sorted(found, key=Finding.sort_key) for found in by_id.values()
              if len(found) > 1]
    if not groups:
        return findings, []

    def hint(lead: Finding, rest: list[Finding]) -> str:
        value, ident, _ = _named(lead)  # type: ignore[misc]  # grouped: it names one
        return _hint(value, ident, len(rest))

    return fold_references(findings, groups, hint)
