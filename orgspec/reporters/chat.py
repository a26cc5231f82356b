"""The chat message (WeCom, DingTalk, Feishu/Lark, Slack) from the view model."""

from __future__ import annotations

from typing import Any

from orgspec.findings import LintResult
from orgspec.report.chat import CHAT_LIMIT, render_chat
from orgspec.report.view import view_of


def render(result: LintResult, max_bytes: int = CHAT_LIMIT, link: str | None = None,
           **options: Any) -> str:
    """The message, at most `max_bytes` bytes of UTF-8, pointing at `link` (the full
    report's URL) when given; pass `view=` to reuse one view model."""
    return render_chat(view_of(result, **options), max_bytes, link)
