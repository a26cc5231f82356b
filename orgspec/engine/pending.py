"""One mistake, one finding: a re-import waiting to be merged (`NAME.yaml.new` beside a team
file the user edited, IN018) holds the new hires until it is moved over that file. A
reference elsewhere to an id only that file defines (a position's holder, a duty's
`responsible`) is not a second mistake: its RF001 is held back behind the IN018, whose hint
counts them and names the ids. When IN018 is not reported (turned off, ignored for the
file), neither is anything held back: the RF001s are reported as they were.

A file the walk left out for its name (IN019: `teams.yaml.txt`, `teams.ymal`, a `teams.txt`
of the org's YAML) holds what it defines the same way, and the HI007 of each person it
names (a team's lead or member, on no team while the file is not read), until it is
renamed. The finding at such a file comes first in the listing (`causes_first`).

Light on purpose, as `engine.noteam`: it reads the findings and the pending files' texts
(`Org.pending`) alone.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.findings import Finding
from orgspec.i18n import P
from orgspec.model.definedids import ids_defined, words_named
from orgspec.model.org import Org, ident_of

PENDING = "IN018"
LEFT_OUT = "IN019"
UNKNOWN = "RF001"
NO_TEAM = "HI007"
SHOWN_IDS = 3  # the ids an IN018's hint names; the rest are counted


def pending_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each RF001 whose unknown id a pending re-import (IN018) or a file
    left out for its name (IN019) reported among them defines, and without each HI007 on a
    person such an IN019's file names; that IN018 or IN019 with a hint counting them; and
    those findings, as they were. One pass over `findings` when such a file is there, none
    otherwise."""
    if not org.pending:
        return findings, []
    reported = {f.location.file: f.code for f in findings if f.code in (PENDING, LEFT_OUT)}
    defined = {name: ids_defined(text) for name, text in org.pending.items()
               if name in reported}
    if not defined:
        return findings, []
    named = {name: words_named(org.pending[name]) for name in defined
             if reported[name] == LEFT_OUT}
    waiting: dict[str, list[tuple[Finding, str]]] = {}
    kept: list[Finding] = []
    for f in findings:
        value = _held_id(f)
        if f.code == UNKNOWN and value:
            name = next((n for n, ids in defined.items() if value in ids), None)
        elif f.code == NO_TEAM and value:
            name = next((n for n, words in named.items() if value in words), None)
        else:
            name = None
        if name is None:
            kept.append(f)
        else:
            waiting.setdefault(name, []).append((f, value))
    if not waiting:
        return findings, []
    out = [replace(f, hint=_hint(reported[f.location.file], waiting[f.location.file]))
           if f.code in (PENDING, LEFT_OUT) and f.location.file in waiting else f
           for f in kept]
    return out, [f for held in waiting.values() for f, _ in held]


def causes_first(findings: list[Finding]) -> list[Finding]:
    """`findings` in their order, but with each IN018 or IN019 that holds others back
    (`pending_behind` gave it its hint) first: the one mistake is read before anything."""
    first = [f for f in findings if is_cause(f)]
    if not first:
        return findings
    return first + [f for f in findings if not is_cause(f)]


def is_cause(f: Finding) -> bool:
    """Whether `f` is an IN018 or IN019 whose hint counts the findings held behind it."""
    hint = getattr(f.hint, "source", f.hint)
    return f.code in (PENDING, LEFT_OUT) and isinstance(hint, P) and \
        hint.singular in (_WAITING, _RENAME)


def _held_id(f: Finding) -> str:
    """The id a held finding is about: an RF001's unknown id, an HI007's person."""
    if f.code == UNKNOWN:
        value = getattr(f.message, "values", {}).get("value")
        return value if isinstance(value, str) else ""
    return ident_of(f.entity) if f.code == NO_TEAM and f.entity else ""


_WAITING = ("{n} reference elsewhere names an id only this file defines ({ids}): its RF001 "
            "is held back until the file is merged")
_RENAME = ("{n} finding elsewhere follows from this file not being read ({ids}): it is held "
           "back until the file is renamed")


def _hint(code: str, held: list[tuple[Finding, str]]) -> P:
    return _waiting_hint(held) if code == PENDING else _rename_hint(held)


def _rename_hint(held: list[tuple[Finding, str]]) -> P:
    """`3 findings elsewhere follow from this file not being read (tech, ops, li-na):
    they are held back until the file is renamed`."""
    return P("{n} finding elsewhere follows from this file not being read ({ids}): it is held "
             "back until the file is renamed",
             "{n} findings elsewhere follow from this file not being read ({ids}): they are "
             "held back until the file is renamed", n=len(held), ids=_named(held))


def _named(held: list[tuple[Finding, str]]) -> list[object]:
    """The first SHOWN_IDS ids of `held`, each once, the unknown ids (what the file
    defines) before the people it names, then `and N more`."""
    ids = list(dict.fromkeys(value for f, value in sorted(held, key=lambda h: h[0].code
                                                          != UNKNOWN)))
    return first_ids(ids)


def first_ids(ids: list[str], shown: int = SHOWN_IDS) -> list[object]:
    """The first `shown` of `ids`, then `and N more ids` (a message's list of ids)."""
    named: list[object] = list(ids[:shown])
    if len(ids) > shown:
        # "ids", not "more": the hint counts findings, and this counts ids (trial 28b read
        # "25 findings (product, tech, ops, and 11 more)" as 14)
        named.append(P("and {n} more id", "and {n} more ids", n=len(ids) - shown))
    return named


def _waiting_hint(held: list[tuple[Finding, str]]) -> P:
    """`2 references elsewhere name ids only this file defines (qianyu): their RF001 is
    held back until it is merged`."""
    return P("{n} reference elsewhere names an id only this file defines ({ids}): its RF001 "
             "is held back until the file is merged",
             "{n} references elsewhere name ids only this file defines ({ids}): their RF001 "
             "is held back until the file is merged", n=len(held), ids=_named(held))
