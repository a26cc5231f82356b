"""Baselines: adopt orgspec on an existing org without fixing everything first.

Known findings (by fingerprint, which ignores line numbers) do not fail; findings that were
fixed are reported as stale entries; new findings fail as usual.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Finding, LintResult
from orgspec.i18n import M

VERSION = 2  # 2: fingerprints by rule and entity (key result, step, charter item)


class BaselineError(Exception):
    """An unreadable or malformed baseline file (exit 2)."""


@dataclass
class BaselineOutcome:
    """What the baseline made of a run."""

    known: int = 0
    stale: list[dict[str, Any]] = field(default_factory=list)


def dumps(result: LintResult) -> str:
    """The baseline file for the findings of a run."""
    entries = [{"fingerprint": f.fingerprint, "code": f.code, "file": f.location.file,
                "entity": f.entity, "message": f.message} for f in result.findings]
    doc = {"version": VERSION, "tool": "orgspec",
           "findings": sorted(entries, key=lambda e: (e["file"], e["code"], e["fingerprint"]))}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def read(path: str) -> list[dict[str, Any]]:
    """The entries of a baseline file. Raises BaselineError."""
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path, why=str(exc))) \
            from None
    if isinstance(doc, dict) and doc.get("version") == 1:
        raise BaselineError(M("{path!r} is a version 1 baseline, whose fingerprints changed; "
                              "regenerate it with --write-baseline", path=path))
    if not isinstance(doc, dict) or doc.get("version") != VERSION or \
            not isinstance(doc.get("findings"), list):
        raise BaselineError(M("{path!r} is not an orgspec baseline (version {version})",
                              path=path, version=VERSION))
    entries: list[dict[str, Any]] = doc["findings"]
    if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise BaselineError(M("{path!r}: every finding needs a fingerprint", path=path))
    return entries


def apply(result: LintResult, entries: list[dict[str, Any]]) -> BaselineOutcome:
    """Drop known findings from `result` (in place); return counts and stale entries."""
    known = {e["fingerprint"] for e in entries}
    found = {f.fingerprint for f in result.findings}
    kept: list[Finding] = [f for f in result.findings if f.fingerprint not in known]
    outcome = BaselineOutcome(known=len(result.findings) - len(kept),
                              stale=[e for e in entries if e["fingerprint"] not in found])
    result.findings = kept
    return outcome
