"""One mistake, one finding: hold back the findings that a dropped value or an unreadable
file would make false.

An entity whose fields partly failed validation is kept without them (`validate.salvage`)
and listed in `org.incomplete`; a file that could not be parsed is in `org.failed`. A
finding is held back only when its rule reads something that is missing: a dropped field of
the finding's own entity (or key result, step, charter item), a dropped value that mentions
the finding's entity, or, for a rule that reads other kinds than its finding's, a failed
file that mentions it (as RF001 already does for unknown ids).
"""

from __future__ import annotations

from collections.abc import Iterable

from orgspec.engine.anchors import Anchors
from orgspec.findings import Finding
from orgspec.model.org import Org

PART_KINDS = {"key_result": "KeyResult", "step": "Step", "charter": "Charter"}
_OWNER = {"KeyResult": "Objective", "Step": "Process", "Charter": "Team"}
_TOP_KINDS = {"team": "Team", "person": "Person", "responsibility": "Responsibility",
              "objective": "Objective", "process": "Process"}


def kind_of(key: str) -> str:
    """`objective:o/key_result:k` -> `KeyResult`; `team:t` -> `Team`."""
    last = key.rsplit("/", 1)[-1].split(":", 1)[0]
    return PART_KINDS.get(last) or _TOP_KINDS.get(last, last)


def hold_back(findings: Iterable[Finding], org: Org, reads: dict[str, frozenset[str]],
              anchors: Anchors) -> list[Finding]:
    """`findings` without those that depend on something dropped or unreadable."""
    findings = list(findings)
    if not org.incomplete and not org.failed:
        return findings
    gaps = [(key, kind_of(key), fields) for key, fields in org.incomplete.items()]
    return [f for f in findings if not _depends(f, reads.get(f.code, frozenset()), gaps,
                                                org, anchors)]


def _depends(f: Finding, reads: frozenset[str],
             gaps: list[tuple[str, str, dict[str, object]]], org: Org, anchors: Anchors) -> bool:
    if not reads:
        return False
    ident = anchors.identity(f.entity, f.location)
    chain = {ident, ident.split("/", 1)[0], f.entity} - {""}
    name = f.entity.split(":", 1)[-1]
    for key, kind, fields in gaps:
        hit = [value for field, value in fields.items() if f"{kind}.{field}" in reads]
        if not hit:
            continue
        if key in chain or (key.split("/", 1)[0] in chain and "/" not in ident):
            return True
        if name and any(_mentions(value, name) for value in hit):
            return True
    if org.failed and name and any(_OWNER.get(k, k) != kind_of(f.entity)
                                   for k in (r.split(".", 1)[0] for r in reads)):
        return org.mentions_in_failed(name)
    return False


def _mentions(value: object, name: str) -> bool:
    if isinstance(value, str):
        return value == name or name in value.split()
    if isinstance(value, dict):
        return any(_mentions(v, name) for v in value.values())
    if isinstance(value, list):
        return any(_mentions(v, name) for v in value)
    return False
