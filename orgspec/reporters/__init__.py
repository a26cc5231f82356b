"""Reporters: one module per format, chosen by name from one table.

Every reporter is `render(result, **options) -> str`, a pure function of a LintResult. The
table names the options each one takes; `render(fmt, result, **options)` hands a reporter only
those, so a caller may pass one set of options to every format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from orgspec.findings import LintResult

Render = Callable[..., str]


@dataclass(frozen=True)
class Reporter:
    """A format: the module holding its `render`, and the options that render takes."""

    module: str
    options: frozenset[str] = frozenset()
    view: bool = False  # drawn from the report view model (orgspec.report.view)


_REPORT = frozenset({"view", "org", "lang", "templates"})
REPORTERS: dict[str, Reporter] = {
    "text": Reporter("text", frozenset({"color", "github_actions"})),
    "json": Reporter("json"),
    "json-lines": Reporter("jsonlines"),
    "sarif": Reporter("sarif", frozenset({"project_root"})),
    "github": Reporter("github", frozenset({"project_root", "github_actions"})),
    "gitlab": Reporter("gitlab", frozenset({"project_root"})),
    "junit": Reporter("junit", frozenset({"fail_on"})),
    "junit-suite": Reporter("junit_suite", frozenset({"fail_on"})),
    "markdown": Reporter("markdown", _REPORT | {"limit", "output"}, view=True),
    "html": Reporter("html", _REPORT | {"output"}, view=True),
    "chat": Reporter("chat", _REPORT - {"templates"} | {"max_bytes", "link"}, view=True),
}
FORMATS = {name: f"orgspec.reporters.{r.module}" for name, r in REPORTERS.items()}
VIEW_FORMATS = {name for name, r in REPORTERS.items() if r.view}


def get(name: str) -> Render:
    """The `render(result, **options)` function of a format."""
    module = import_module(FORMATS[name])
    render_func: Render = module.render
    return render_func


def render(name: str, result: LintResult, **options: Any) -> str:
    """Render `result` in format `name`, passing only the options that reporter takes."""
    taken = REPORTERS[name].options
    return get(name)(result, **{k: v for k, v in options.items() if k in taken})


__all__ = ["FORMATS", "REPORTERS", "VIEW_FORMATS", "LintResult", "Reporter", "get", "render"]
