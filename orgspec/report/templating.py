"""The one jinja2 environment of the reports; templates come from `templates/` or a user folder.

Escaping follows the template's medium: `*.html.j2` templates autoescape for HTML; every
other template escapes each `{{ value }}` for Markdown in `finalize`. Either way a template
author has to opt out (`Markup`, or the `safe_md` filter) to print text unescaped.
"""

from __future__ import annotations

from typing import Any

from orgspec.escape import html_with_code, md_inline, md_with_code, visible_text
from orgspec.resources import data_dir


class MdSafe(str):
    """Markdown that orgspec produced itself and that must not be escaped again."""


def _finalize(eval_ctx: Any, value: Any) -> Any:
    if eval_ctx.autoescape:  # an HTML template: autoescaping escapes markup, not these
        return visible_text(value) if type(value) is str else value
    if isinstance(value, MdSafe | int | float):
        return value
    return md_inline("" if value is None else value)


def _code_spans(eval_ctx: Any, value: Any) -> Any:
    """The `code_spans` filter: a message whose `code` spans show as code, escaped for the
    template's medium (HTML: <code>; Markdown: a code span)."""
    import markupsafe

    text = "" if value is None else str(value)
    if eval_ctx.autoescape:
        return markupsafe.Markup(html_with_code(text))  # noqa: S704 - escaped there
    return MdSafe(md_with_code(text))


def environment(user_dir: str | None = None) -> Any:
    """The environment: the user's folder first, then the built-in `templates/`; undefined
    names are errors, so a typo in a template fails instead of printing nothing."""
    import jinja2

    dirs = [user_dir] if user_dir else []
    loader = jinja2.FileSystemLoader([*dirs, str(data_dir("templates"))])
    env = jinja2.Environment(
        loader=loader, autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",),
                                                          default_for_string=False),
        finalize=jinja2.pass_eval_context(_finalize), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_md"] = MdSafe
    env.filters["code_spans"] = jinja2.pass_eval_context(_code_spans)
    return env
