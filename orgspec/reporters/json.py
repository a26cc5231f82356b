"""Versioned JSON: `{"version": 1, "tool": ..., "lang": "zh"|"en", "summary": ...,
"findings": [...]}`."""

from __future__ import annotations

from orgspec import jsontext
from orgspec._version import __version__
from orgspec.findings import LintResult

SCHEMA_VERSION = 1


def render(result: LintResult) -> str:
    """The findings and counts as JSON; stable key order, no NaN, UTF-8 text."""
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "orgspec", "version": __version__},
        "lang": result.lang or "en",  # the language of every message and hint
        "summary": {
            "files": len(result.files),
            "failed_files": result.failed_files,
            "entities": result.entity_count,
            **result.counts,
            # narrowed to some files (`check org/teams.yaml`): the other files' findings
            # not listed, so an editor can say the org is not clean
            **({"elsewhere": len(result.elsewhere)} if result.scope else {}),
        },
        "findings": [f.to_record() for f in result.findings],
    }
    return jsontext.dumps(doc, indent=2) + "\n"
