"""Formatters: pure functions from a LintResult to a string, looked up by name."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from orgspec.findings import LintResult

Render = Callable[..., str]
FORMATS = {name: f"orgspec.reporters.{module}" for name, module in (
    ("text", "text"), ("json", "json"), ("json-lines", "jsonlines"), ("sarif", "sarif"),
    ("github", "github"), ("gitlab", "gitlab"), ("junit", "junit"), ("junit-suite", "junit_suite"),
    ("markdown", "markdown"),
    ("html", "html"))}
VIEW_FORMATS = {"markdown", "html"}  # reports drawn from the view model (orgspec.views)


def get(name: str) -> Render:
    """The `render(result, **options)` function of a format."""
    module = import_module(FORMATS[name])
    render: Render = module.render
    return render


__all__ = ["FORMATS", "VIEW_FORMATS", "LintResult", "get"]
