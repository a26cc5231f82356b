"""The self-contained HTML report, from the view model."""

from __future__ import annotations

from typing import Any

from orgspec.findings import LintResult
from orgspec.report.view import view_of


def render(result: LintResult, templates: str | None = None, **options: Any) -> str:
    """The HTML report; pass `view=` to reuse one view model."""
    from orgspec.report.render import render_html

    return render_html(view_of(result, **options), templates)
