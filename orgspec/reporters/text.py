"""`path:line:col: CODE [severity] message`, a hint and related lines, and a summary."""

from __future__ import annotations

from orgspec.escape import gh_line, tty_text
from orgspec.findings import Finding, LintResult, Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def render(result: LintResult, color: bool = False, github_actions: bool = False) -> str:
    """The human report; `color` adds ANSI colour to the severity and the summary.
    Inside GitHub Actions no line may start or forge a workflow command."""
    lines = []
    for f in result.findings:
        lines.extend(_finding_lines(f, color))
    lines.append(summary_line(result))
    if github_actions:
        lines = [gh_line(line) for line in lines]
    return "\n".join(lines) + "\n"


def _finding_lines(f: Finding, color: bool) -> list[str]:
    level = f"[{f.severity.label}]"
    if color:
        level = f"\x1b[{_COLOURS[f.severity]}m{level}\x1b[0m"
    out = [f"{tty_text(f.location.short())}: {f.code} {level} {tty_text(f.message)}"]
    for rel in f.related:
        out.append(f"    related: {tty_text(rel.location.short())}: {tty_text(rel.message)}")
    if f.hint:
        out.append(f"    hint: {tty_text(f.hint)}")
    return out


def summary_line(result: LintResult) -> str:
    """`Found 2 errors, 1 warning, 0 info in 12 files.` or `No problems ...`."""
    files = len(result.files)
    where = f"in {files} file{'s' if files != 1 else ''} ({result.entity_count} entities)"
    if not result.findings:
        return f"No problems found {where}."
    c = result.counts
    parts = [_plural(c["error"], "error"), _plural(c["warning"], "warning"), f"{c['info']} info"]
    return f"Found {', '.join(parts)} {where}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
