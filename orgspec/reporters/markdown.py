"""The Markdown report for pull-request comments and job summaries, from the view model."""

from __future__ import annotations

from typing import Any

from orgspec.findings import LintResult
from orgspec.report.render import COMMENT_LIMIT, render_markdown
from orgspec.report.view import view_of


def render(result: LintResult, limit: int = COMMENT_LIMIT, templates: str | None = None,
           **options: Any) -> str:
    """The report cut to `limit` characters; pass `view=` to reuse one view model."""
    return render_markdown(view_of(result, **options), limit, templates)
