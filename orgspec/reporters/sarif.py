"""SARIF 2.1.0 for code scanning: every enabled rule, results with stable fingerprints."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from orgspec._version import __version__
from orgspec.escape import tty_text
from orgspec.findings import Finding, LintResult, Location

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
DOCS = "https://github.com/orgspec/orgspec/blob/main/docs/rules.md"
MAX_RESULTS = 5000  # what GitHub displays of a run


def render(result: LintResult) -> str:
    """A SARIF log with one run."""
    rules = list(result.rules.values())
    index = {meta.code: i for i, meta in enumerate(rules)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "orgspec", "semanticVersion": __version__,
                                "informationUri": "https://github.com/orgspec/orgspec",
                                "rules": [_rule(m) for m in rules]}},
            "automationDetails": {"id": "orgspec/"},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index) for f in result.findings[:MAX_RESULTS]],
        }],
    }
    return json.dumps(log, ensure_ascii=False, allow_nan=False, indent=1) + "\n"


def _rule(meta: Any) -> dict[str, Any]:
    url = f"{DOCS}#{meta.code.lower()}-{meta.name}"
    return {
        "id": meta.code, "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": f"{meta.summary} {meta.rationale} {url}"},
        "helpUri": url,
        "defaultConfiguration": {"level": LEVEL[meta.severity.label]},
        "properties": {"tags": [meta.family]},
    }


def _location(loc: Location) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": loc.line, "startColumn": loc.col}
    if loc.end_line >= loc.line and loc.end_col:
        region.update(endLine=loc.end_line, endColumn=max(loc.end_col, 1))
    return {"physicalLocation": {
        "artifactLocation": {"uri": quote(loc.file, safe="/"), "uriBaseId": "%SRCROOT%"},
        "region": region}}


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.code, "level": LEVEL[f.severity.label],
        "message": {"text": tty_text(f.message)},
        "locations": [_location(f.location)],
        "partialFingerprints": {"orgspecFindingHash/v1": f.fingerprint},
    }
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    if f.related:
        out["relatedLocations"] = [
            {"id": i + 1, "message": {"text": tty_text(r.message)}, **_location(r.location)}
            for i, r in enumerate(f.related)]
    return out
