"""JUnit XML in pytest's shape: `file` on `<testsuite>`, none on `<testcase>` (see junit)."""

from __future__ import annotations

from orgspec.findings import LintResult, Severity
from orgspec.reporters import junit


def render(result: LintResult, fail_on: Severity = Severity.ERROR) -> str:
    """The `junit` report with the file on each suite instead of each case."""
    return junit.render(result, fail_on, file_on_case=False)
