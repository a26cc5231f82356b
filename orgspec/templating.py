"""One jinja2 environment per medium; templates come from `templates/` or a user folder."""

from __future__ import annotations

from typing import Any

from orgspec.reporters.escape import md_inline
from orgspec.resources import data_dir


class MdSafe(str):
    """Markdown that orgspec produced itself and that must not be escaped again."""


def _md_finalize(value: Any) -> Any:
    if isinstance(value, MdSafe | int | float):
        return value
    return md_inline("" if value is None else value)


def _loader(user_dir: str | None) -> Any:
    """Templates from the user's folder first, then the built-in `templates/`."""
    import jinja2

    dirs = [user_dir] if user_dir else []
    return jinja2.FileSystemLoader([*dirs, str(data_dir("templates"))])


def markdown_env(user_dir: str | None = None) -> Any:
    """The Markdown environment: every `{{ value }}` is escaped unless it is MdSafe."""
    import jinja2

    loader = _loader(user_dir)
    # Markdown is escaped by `finalize`, not by HTML autoescaping, which would not protect it.
    env = jinja2.Environment(loader=loader, autoescape=False, finalize=_md_finalize,  # noqa: S701
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_md"] = MdSafe
    return env


def html_env(user_dir: str | None = None) -> Any:
    """The HTML environment: autoescaping on for every template, undefined names are errors."""
    import jinja2

    return jinja2.Environment(loader=_loader(user_dir), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)
