"""`.orgspec.yaml` or `[tool.orgspec]` in pyproject.toml: found by walking up, like yamllint."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgspec.findings import Severity
from orgspec.source import SourceError, decode, read_bytes, scan_forbidden
from orgspec.yamlevents import parse

CONFIG_NAMES = (".orgspec.yaml", ".orgspec.yml")
KNOWN_KEYS = ("root", "include", "exclude", "fail-on")


class ConfigError(Exception):
    """A configuration problem: the CLI prints it on one line and exits 2."""


@dataclass
class Config:
    """The effective settings for a run; paths are resolved against `base`."""

    root: str = "org"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    source: str | None = None
    base: str = "."

    def root_path(self) -> str:
        return os.path.normpath(os.path.join(self.base, self.root))


def find_config(start: str | None = None) -> str | None:
    """The nearest config file from `start` upwards, stopping at a git root or $HOME."""
    here = Path(start or os.getcwd()).resolve()
    home = Path.home().resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return str(folder / name)
        if _has_tool_table(folder / "pyproject.toml"):
            return str(folder / "pyproject.toml")
        if (folder / ".git").exists() or folder == home:
            break
    return None


def _has_tool_table(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        return "orgspec" in tomllib.loads(path.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: str | None) -> Config:
    """Read and check a config file; None gives the defaults. Raises ConfigError."""
    if path is None:
        return Config()
    data = _read_toml(path) if path.endswith(".toml") else _read_yaml(path)
    return _from_mapping(data, path)


def _read_toml(path: str) -> dict[str, Any]:
    try:
        doc = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    table = doc.get("tool", {}).get("orgspec", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.orgspec] must be a table")
    return table


def _read_yaml(path: str) -> dict[str, Any]:
    try:
        text = decode(read_bytes(path))
    except SourceError as err:
        raise ConfigError(f"{path}:{err.line}:{err.col}: {err.message}") from None
    bad = scan_forbidden(text, most=1)
    if bad:
        raise ConfigError(f"{path}:{bad[0].line}:{bad[0].col}: config contains "
                          f"{bad[0].describe()}")
    parsed = parse(text)
    problem = parsed.fatal or (parsed.problems[0] if parsed.problems else None)
    if problem is not None:
        raise ConfigError(f"{path}:{problem.line}:{problem.col}: {problem.message}")
    doc = parsed.docs[0] if parsed.docs else None
    if doc is None:
        return {}
    if not isinstance(doc, dict) or len(parsed.docs) > 1:
        raise ConfigError(f"{path}:1:1: config must be a single mapping")
    for key in doc:
        if key.replace("_", "-") not in KNOWN_KEYS:
            (line, col), _, _ = parsed.locate((0, key))  # type: ignore[misc]
            raise ConfigError(f"{path}:{line}:{col}: unknown config key {key!r}{_hint(key)}")
    return doc


def _hint(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-"), KNOWN_KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(KNOWN_KEYS)})"


def _from_mapping(data: dict[str, Any], path: str) -> Config:
    data = {str(k).replace("_", "-"): v for k, v in data.items()}
    unknown = [k for k in data if k not in KNOWN_KEYS]
    if unknown:
        raise ConfigError(f"{path}: unknown config key {unknown[0]!r}{_hint(unknown[0])}")
    cfg = Config(source=path, base=str(Path(path).resolve().parent))
    if "root" in data:
        cfg.root = _text(data["root"], "root", path)
    cfg.include = _text_list(data.get("include", []), "include", path)
    cfg.exclude = _text_list(data.get("exclude", []), "exclude", path)
    if "fail-on" in data:
        try:
            cfg.fail_on = Severity.parse(_text(data["fail-on"], "fail-on", path))
        except ValueError as exc:
            raise ConfigError(f"{path}: fail-on: {exc}") from None
    return cfg


def _text(value: Any, key: str, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{path}: {key!r} must be a non-empty string")
    return value


def _text_list(value: Any, key: str, path: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key!r} must be a list of glob patterns")
    return list(value)
