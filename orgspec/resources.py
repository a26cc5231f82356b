"""Where the data folders (schemas, rules, templates, examples) are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name`: inside the wheel (`orgspec/_data/NAME`) or at the repository's top."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"orgspec data folder {name!r} is missing from this installation")
