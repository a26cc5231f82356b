"""A Markdown summary for pull-request comments and job summaries, kept under size limits."""

from __future__ import annotations

from orgspec.findings import LintResult
from orgspec.reporters.escape import md_inline

COMMENT_LIMIT = 60_000  # a pull-request comment may hold 65,536 characters
ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def render(result: LintResult, limit: int = COMMENT_LIMIT, **_: object) -> str:
    """Counts, then a findings table; whole rows are dropped past `limit` with a note."""
    c = result.counts
    head = [f"## orgspec: {c['error']} errors, {c['warning']} warnings, {c['info']} info", "",
            f"{len(result.files)} files, {result.entity_count} entities checked.", ""]
    if result.org_diff:
        head += ["<details><summary>Org diff</summary>", "",
                 *(f"- {md_inline(change, 500)}" for change in result.org_diff[:500]),
                 "", "</details>", ""]
    if not result.findings:
        return "\n".join([*head, "No problems found."]) + "\n"
    rows = ["| | rule | message | location |", "|---|---|---|---|"]
    body = "\n".join(head + rows)
    for i, f in enumerate(result.findings):
        loc = f"{f.location.file}:{f.location.line}:{f.location.col}"
        row = (f"| {ICON[f.severity.label]} | {f.code} {md_inline(f.name)} | "
               f"{md_inline(f.message, 300)} | {md_inline(loc, 200)} |")
        note = f"\n\n… and {len(result.findings) - i} more findings; see the full report."
        if len(body) + len(row) + len(note) + 1 > limit:
            return body + note + "\n"
        body += "\n" + row
    return body + "\n"
