"""GitLab Code Quality: a JSON array of issues with unique fingerprints."""

from __future__ import annotations

from orgspec import jsontext
from orgspec.escape import tty_text
from orgspec.findings import LintResult
from orgspec.paths import repo_path

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: LintResult, project_root: str | None = None) -> str:
    """One Code Quality issue per finding (fingerprints are unique within the run)."""
    issues = [{
        "description": f"{f.code}: {tty_text(f.message)}",
        "check_name": f.code,
        "fingerprint": f.fingerprint,
        "severity": SEVERITY[f.severity.label],
        "location": {"path": repo_path(f.location.file, project_root),
                     "lines": {"begin": f.location.line}},
    } for f in result.findings]
    return jsontext.dumps(issues, indent=1) + "\n"
