"""GitLab Code Quality: a JSON array of issues with unique fingerprints."""

from __future__ import annotations

import json
import os

from orgspec.escape import tty_text
from orgspec.findings import LintResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _path(file: str, base: str | None) -> str:
    """The path relative to the project checkout (CI_PROJECT_DIR), as Code Quality wants."""
    if base and os.path.isabs(file) and file.startswith(base.rstrip("/") + "/"):
        return file[len(base.rstrip("/")) + 1:]
    return file


def render(result: LintResult, project_dir: str | None = None) -> str:
    """One Code Quality issue per finding (fingerprints are unique within the run)."""
    issues = [{
        "description": f"{f.code}: {tty_text(f.message)}",
        "check_name": f.code,
        "fingerprint": f.fingerprint,
        "severity": SEVERITY[f.severity.label],
        "location": {"path": _path(f.location.file, project_dir),
                     "lines": {"begin": f.location.line}},
    } for f in result.findings]
    return json.dumps(issues, ensure_ascii=False, allow_nan=False, indent=1) + "\n"
