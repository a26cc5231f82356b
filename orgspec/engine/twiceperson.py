"""One mistake, one finding: a person entered twice (李晓雯 `li-xiaowen` added beside 李曉雯
`li-xiao-wen`, RF009) is RF009's finding alone.

The copy RF009 is at is on no team (HI007) because it is a copy: the original is on its
teams. That HI007 is held back behind the RF009, whose hint names it
(`holdback.held_hint`); deleting the copy, as RF009's hint says, fixes both (trial 31: an
HI007 "add the person to a team's `members`" beside it would have kept the copy). Only
when RF009 is reported for that person: turned off, ignored or suppressed, HI007 is
reported as it was.

Light on purpose, as `engine.noteam`: it reads the findings alone.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import Held, held_hint
from orgspec.findings import Finding

TWICE = "RF009"
ON_THE_COPY = ("HI007",)  # on no team


def person_twice_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without the HI007 on each person an RF009 is at (see the module), that
    RF009's hint naming it; and those findings, as they were. One pass over `findings`,
    one more when RF009 is among them."""
    copies = {f.entity: f for f in findings if f.code == TWICE and f.entity}
    if not copies:
        return findings, []
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        cause = copies.get(f.entity) if f.code in ON_THE_COPY else None
        if cause is not None:
            behind.setdefault(id(cause), []).append(f)
    if not behind:
        return findings, []
    gone = {id(f) for held in behind.values() for f in held}
    out = []
    for f in findings:
        if id(f) in gone:
            continue
        if id(f) in behind:
            f = replace(f, hint=held_hint(f.hint, [Held(h, h.entity) for h in behind[id(f)]]))
        out.append(f)
    return out, [f for held in behind.values() for f in held]
