"""One mistake, one finding: an id given to a second entity of its kind (`id: marketing`
changed to `id: operations`, which another team has) leaves the references to the id it had
(`attendees: [marketing]`) naming nothing. RF002 at the duplicate is the one finding: its
hint says which id that definition probably had, and how many references still name it,
and their RF001s are held back behind it (fixing the id brings them back only if they are
still unknown).

An RF001 is read as naming the duplicate's former id when its id is defined by no entity
of any kind, could name an entity of the duplicate's kind, and its did-you-mean is the
duplicated id, or it has none and is written as an id; and when the RF001s read so name one
id only, beside one duplicated id of that kind (two vanished ids, or two duplicates, say
nothing of which was which: nothing is held back). Only when RF002 is reported.

Light on purpose, as `engine.noteam`: it reads the findings and the org's tables alone.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import bare_hint, kind_of
from orgspec.findings import Finding
from orgspec.i18n import P
from orgspec.lazyre import lazy
from orgspec.model.models import ID_PATTERN
from orgspec.model.org import ENTITY_KINDS, Org, ident_of

DUPLICATE = "RF002"
UNKNOWN = "RF001"
GENERIC = "add the {kinds} {value!r} to the org's files, or change it to an existing id"
_ID = lazy(ID_PATTERN)


def _former(f: Finding, kind: str, dup: str, org: Org) -> str:
    """The id `f` (an RF001) names when it may be the former id of the duplicate `dup` of
    `kind`; else ""."""
    values = getattr(f.message, "values", {})
    value = values.get("value")
    if not isinstance(value, str) or kind not in str(values.get("kinds", kind)):
        return ""
    if any(value in org.table(k) for k in ENTITY_KINDS):
        return ""
    hint = bare_hint(f.hint)
    template = getattr(hint, "template", "")
    said = getattr(hint, "values", {})
    if template == "did you mean {id!r}?" and said.get("id") == dup:
        return value
    if template == GENERIC and _ID.match(value):
        return value
    return ""


_SAID = ("one of the two definitions was probably {old!r} before: {n} reference still names it "
         "(its RF001 is held back until this is fixed); give it that id back, or rename it "
         "and update the reference")


def _naming(org: Org, kind: str, former: str, held: int) -> int:
    """How many references of the org name `former` as a `kind`: the RF001s held (`held`)
    and those RF001 says nothing of, as the copy explains them (trial 29b: the hint said 1
    reference where a duty named it in `consulted` and in `accountable`)."""
    from orgspec.model.unresolved import references

    return max(held, sum(1 for ref in references(org) if ref[4] == former and kind in ref[5]))


def is_cause(f: Finding) -> bool:
    """Whether `f` is an RF002 whose hint counts the RF001s held behind it."""
    hint = getattr(f.hint, "source", f.hint)
    return f.code == DUPLICATE and isinstance(hint, P) and hint.singular == _SAID


def renamed_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without the RF001s that name the id a duplicate (RF002) likely had before
    it was given the duplicated one (see the module), that RF002's hint saying so; and those
    RF001s, as they were. One pass over `findings`, one more when an id is duplicated."""
    dups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code == DUPLICATE and f.entity:
            dups.setdefault(kind_of(f.entity), []).append(f)
    if not dups:
        return findings, []
    named: dict[int, tuple[Finding, str]] = {}  # RF002's id -> (that RF002, the former id)
    held: dict[int, list[Finding]] = {}
    for kind, found in dups.items():
        if len({f.entity for f in found}) != 1:
            continue  # two ids duplicated: which one had the vanished id is not said
        dup = found[0]
        pairs = [(f, former) for f in findings if f.code == UNKNOWN
                 and (former := _former(f, kind, ident_of(dup.entity), org))]
        if len({former for _, former in pairs}) != 1:
            continue
        named[id(dup)] = (dup, pairs[0][1])
        held[id(dup)] = [f for f, _ in pairs]
    if not held:
        return findings, []
    gone = {id(f) for refs in held.values() for f in refs}
    out = []
    for f in findings:
        if id(f) in gone:
            continue
        if id(f) in named:
            f = replace(f, hint=P(
                "one of the two definitions was probably {old!r} before: {n} reference "
                "still names it (its RF001 is held back until this is fixed); give it that "
                "id back, or rename it and update the reference",
                "one of the two definitions was probably {old!r} before: {n} references "
                "still name it (their RF001 is held back until this is fixed); give it that "
                "id back, or rename it and update the references",
                n=_naming(org, kind_of(f.entity), named[id(f)][1], len(held[id(f)])),
                old=named[id(f)][1]))
        out.append(f)
    return out, [f for refs in held.values() for f in refs]

