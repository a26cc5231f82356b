"""GitHub Actions workflow annotations, most severe first, capped at GitHub's limits."""

from __future__ import annotations

from collections import Counter

from orgspec.escape import gh_data, gh_property, tty_text
from orgspec.findings import Finding, LintResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # GitHub shows 10 annotations of each level per step


def _annotation(f: Finding) -> str:
    loc = f.location
    props = [f"file={gh_property(loc.file)}", f"line={loc.line}"]
    end_line = loc.end_line or loc.line
    props.append(f"endLine={end_line}")
    if end_line == loc.line:
        props.append(f"col={loc.col}")
        if loc.end_col:
            props.append(f"endColumn={loc.end_col}")
    props.append(f"title={gh_property(f'orgspec {f.code} ({f.name})')}")
    message = f"{loc.file}:{loc.line}:{loc.col}: {f.code} {tty_text(f.message)}"
    return f"::{COMMAND[f.severity.label]} {','.join(props)}::{gh_data(message)}"


def render(result: LintResult) -> str:
    """Annotations for the most severe findings first, then a notice with what was left out."""
    shown: Counter[str] = Counter()
    lines, left_out = [], 0
    for f in sorted(result.findings, key=lambda f: (-f.severity, f.sort_key())):
        level = COMMAND[f.severity.label]
        if shown[level] >= PER_LEVEL:
            left_out += 1
            continue
        shown[level] += 1
        lines.append(_annotation(f))
    if left_out:
        c = result.counts
        lines.append("::notice title=orgspec::" + gh_data(
            f"{left_out} more findings not annotated ({c['error']} errors, {c['warning']} "
            f"warnings, {c['info']} info in all); see the job summary or the report artifact"))
    return "".join(line + "\n" for line in lines)
