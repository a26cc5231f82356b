"""orgspec: organisation as code, kept honest.

The public API is loaded lazily so `orgspec --version` stays fast::

    from orgspec import lint
    result = lint(["examples/minimal"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orgspec._version import __version__

if TYPE_CHECKING:
    from orgspec.engine.lint import lint, load_org
    from orgspec.findings import Finding, LintResult, Location, Severity
    from orgspec.load.config import Config, load_config

_LAZY = {
    "lint": "orgspec.engine.lint", "load_org": "orgspec.engine.lint",
    "Finding": "orgspec.findings", "LintResult": "orgspec.findings",
    "Location": "orgspec.findings", "Severity": "orgspec.findings",
    "Config": "orgspec.load.config", "load_config": "orgspec.load.config",
}

__all__ = ["Config", "Finding", "LintResult", "Location", "Severity", "__version__", "lint",
           "load_config", "load_org"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'orgspec' has no attribute {name!r}")
