"""Which files make up the org: walk the given paths without following links out of the root."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Candidate:
    """A file to load: its display path and the real path to open."""

    display: str
    real: str


@dataclass(frozen=True)
class Skipped:
    """A path that was not loaded, with the finding code that says why."""

    display: str
    code: str
    message: str


@dataclass
class Discovery:
    files: list[Candidate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def display_path(path: str) -> str:
    """A POSIX path relative to the working directory when it lies below it."""
    rel = os.path.relpath(path)
    if rel.startswith(".."):
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: `*` within a segment, `**` across segments."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            c = pattern[i]
            out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
            i += 1
    return re.compile("".join(out) + "$")


def matches(rel: str, patterns: Iterable[str]) -> bool:
    """True when the root-relative POSIX path matches any pattern (or a parent folder does)."""
    for pat in patterns:
        rx = glob_regex(pat.rstrip("/"))
        if rx.match(rel) or any(rx.match(rel[:i]) for i, c in enumerate(rel) if c == "/"):
            return True
    return False


def discover(paths: list[str], include: list[str] | None = None,
             exclude: list[str] | None = None) -> Discovery:
    """Find the org's YAML files under `paths`; links leaving a root are reported, not read."""
    found = Discovery()
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            _walk(path, include or [], exclude or [], found)
        else:
            _add_file(path, os.path.dirname(os.path.abspath(path)), found, explicit=True)
    found.files.sort(key=lambda c: c.display)
    found.skipped.sort(key=lambda s: s.display)
    return found


def _walk(root: str, include: list[str], exclude: list[str], found: Discovery) -> None:
    real_root = os.path.realpath(root)
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.skipped.append(Skipped(display_path(folder), "IN013",
                                         f"cannot read folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
            if exclude and matches(rel, exclude):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(SUFFIXES) or (entry.is_symlink() and _is_dir(entry.path)):
                if include and not entry.is_symlink() and not matches(rel, include):
                    continue
                _add_file(entry.path, real_root, found, explicit=False)


def _is_dir(path: str) -> bool:
    return os.path.isdir(path)


def _add_file(path: str, real_root: str, found: Discovery, explicit: bool) -> None:
    shown = display_path(path)
    if os.path.islink(path):
        target = os.path.realpath(path)
        inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
        if not inside:
            found.skipped.append(Skipped(shown, "IN011",
                                         "symlink points outside the org root; not followed"))
            return
        if os.path.isdir(target):
            return  # a folder link inside the root: its files are reached directly
        path = target
    try:
        mode = os.stat(path, follow_symlinks=False).st_mode
    except OSError as exc:
        found.skipped.append(Skipped(shown, "IN013", f"cannot read file: {exc.strerror or exc}"))
        return
    if not stat.S_ISREG(mode):
        found.skipped.append(Skipped(shown, "IN012",
                                     "not a regular file (FIFO, device or socket); skipped"))
        return
    if explicit or path.endswith(SUFFIXES):
        found.files.append(Candidate(shown, path))
