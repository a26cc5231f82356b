"""GitLab Code Quality: a JSON array of issues with unique fingerprints."""

from __future__ import annotations

from orgspec import jsontext
from orgspec.escape import tty_text
from orgspec.findings import LintResult
from orgspec.paths import repo_path
from orgspec.report.idnames import with_names

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: LintResult, project_root: str | None = None) -> str:
    """One Code Quality issue per finding (fingerprints are unique within the run); its
    description names each id the message quotes as `check` does (`客服部 (cs)`): the merge
    request widget is read by people."""
    lang = result.lang or "en"
    issues = [{
        "description": f"{f.code}: {tty_text(with_names(f.message, result.names, lang))}",
        "check_name": f.code,
        "fingerprint": f.fingerprint,
        "severity": SEVERITY[f.severity.label],
        "location": {"path": repo_path(f.location.file, project_root),
                     "lines": {"begin": f.location.line}},
    } for f in result.findings]
    return jsontext.dumps(issues, indent=1) + "\n"
