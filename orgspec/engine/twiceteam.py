"""One mistake, one finding: a team entered twice (营运部 `tw-operations` added beside 运营部
`operations`, RF008) is RF008's finding alone.

What follows from the copy is held back behind that RF008, whose hint names it
(`holdback.held_hint`):
- an OW001 whose accountable owners are exactly the two teams (the copy was given the
  duty too: merged, one owner is left);
- OW006 (an empty charter) and MT005 (in no meeting) on the copy, the team RF008 is at:
  a copy has neither because it is one; HI006 (no members) on a bare copy (no lead, no
  members), for the same reason;
- an MT004 between exactly the two teams (a bare copy given a duty of the first: no
  meeting has the copy);
- an RF006 on the first team for an alias that is the copy's id (RF008's hint followed,
  `aliases: [tw-operations]`, while the copy is still there: deleting it is what is left).
Only when RF008 is reported for that team: turned off, ignored or suppressed, those
findings are reported as they were (trial 30b: RF008 came with an OW001 error whose hint,
"make it consulted", would have kept the copy).

Light on purpose, as `engine.noteam`: it reads the findings alone.
"""

from __future__ import annotations

from dataclasses import replace

from orgspec.engine.holdback import Held, held_hint
from orgspec.findings import Finding

TWICE = "RF008"
BETWEEN = ("OW001", "MT004")  # two accountable owners; two teams in no meeting together
ON_THE_COPY = ("OW006", "MT005", "HI006")  # an empty charter; in no meeting; no members
ALIAS = "RF006"


def twice_behind(findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """`findings` without what a team entered twice causes (see the module), each RF008's
    hint naming what it holds; and those findings, as they were. One pass over `findings`,
    one more when RF008 is among them."""
    pairs = {f.entity: f for f in findings if f.code == TWICE and len(f.teams) == 2}
    if not pairs:
        return findings, []
    by_teams = {frozenset(f.teams): f for f in pairs.values()}
    by_alias = {(f"team:{f.teams[1]}", f.teams[0]): f for f in pairs.values()}
    behind: dict[int, list[Finding]] = {}
    for f in findings:
        cause = by_teams.get(frozenset(f.teams)) if f.code in BETWEEN else \
            pairs.get(f.entity) if f.code in ON_THE_COPY else \
            by_alias.get((f.entity, _alias(f))) if f.code == ALIAS else None
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


def _alias(f: Finding) -> str:
    """The former id an RF006 is about, as its message names it; "" when it says none."""
    message = getattr(f.message, "source", f.message)
    value = getattr(message, "values", {}).get("value")
    return value if isinstance(value, str) else ""
