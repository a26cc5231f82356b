"""One mistake, one finding: a re-import waiting to be merged (`NAME.yaml.new` beside a team
file the user edited, IN018) holds the new hires until it is moved over that file. A
reference elsewhere to an id only that file defines (a position's holder, a duty's
`responsible`) is not a second mistake: its RF001 is held back behind the IN018, whose hint
counts them and names the ids. When IN018 is not reported (turned off, ignored for the
file), neither is anything held back: the RF001s are reported as they were.

Light on purpose, as `engine.noteam`: it reads the findings and the pending files' texts
(`Org.pending`) alone.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.findings import Finding
from orgspec.i18n import P
from orgspec.model.definedids import ids_defined
from orgspec.model.org import Org

PENDING = "IN018"
UNKNOWN = "RF001"
SHOWN_IDS = 3  # the ids an IN018's hint names; the rest are counted


def pending_behind(findings: list[Finding], org: Org) -> tuple[list[Finding], list[Finding]]:
    """`findings` without each RF001 whose unknown id a pending re-import reported by an
    IN018 among them defines, that IN018 with a hint counting them, and those RF001s, as
    they were. One pass over `findings` when a re-import waits, none otherwise."""
    if not org.pending:
        return findings, []
    reported = {f.location.file for f in findings if f.code == PENDING}
    defined = {name: ids_defined(text) for name, text in org.pending.items()
               if name in reported}
    if not defined:
        return findings, []
    waiting: dict[str, list[Finding]] = {}
    kept: list[Finding] = []
    for f in findings:
        value = getattr(f.message, "values", {}).get("value") if f.code == UNKNOWN else None
        name = next((n for n, ids in defined.items() if value in ids), None) \
            if isinstance(value, str) else None
        if name is None:
            kept.append(f)
        else:
            waiting.setdefault(name, []).append(f)
    if not waiting:
        return findings, []
    out = [replace(f, hint=_waiting_hint(waiting[f.location.file]))
           if f.code == PENDING and f.location.file in waiting else f for f in kept]
    return out, [f for held in waiting.values() for f in held]


def _waiting_hint(held: list[Finding]) -> P:
    """`2 references elsewhere name ids only this file defines (qianyu): their RF001 is
    held back until it is merged`."""
    ids = list(dict.fromkeys(str(getattr(f.message, "values", {}).get("value")) for f in held))
    named: list[object] = list(ids[:SHOWN_IDS])
    if len(ids) > SHOWN_IDS:
        named.append(P("and {n} more", "and {n} more", n=len(ids) - SHOWN_IDS))
    return P("{n} reference elsewhere names an id only this file defines ({ids}): its RF001 "
             "is held back until the file is merged",
             "{n} references elsewhere name ids only this file defines ({ids}): their RF001 "
             "is held back until the file is merged", n=len(held), ids=named)
