"""Last-updated dates of the org's files, from one `git log` pass (no network, no clock)."""

from __future__ import annotations

import os
import subprocess


def toplevel(start: str) -> str:
    """The git work tree holding `start`, or "" outside git."""
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start,
                              capture_output=True, check=False)
    except OSError:
        return ""
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""


def last_updated(files: list[str]) -> dict[str, str]:
    """File (as given) -> YYYY-MM-DD of the last commit that touched it; files outside git
    or never committed are left out. One `git log --name-only --format=%cs` over them."""
    if not files:
        return {}
    top = toplevel(os.path.dirname(os.path.abspath(files[0])) or ".")
    if not top:
        return {}
    wanted: dict[str, str] = {}
    for f in files:
        rel = os.path.relpath(os.path.realpath(f), os.path.realpath(top)).replace(os.sep, "/")
        if not rel.startswith("../"):
            wanted[rel] = f
    if not wanted:
        return {}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--name-only", "--format=%x00%cs",
             "--no-renames", "--", *sorted({os.path.dirname(r) or "." for r in wanted})],
            cwd=top, capture_output=True, check=False)
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    out: dict[str, str] = {}
    date = ""
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("\0"):
            date = line[1:]
        elif line in wanted and wanted[line] not in out:
            out[wanted[line]] = date
    return out


def head_date(start: str) -> str:
    """The committer date (ISO 8601) of HEAD, or "" outside git."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=start,
                              capture_output=True, check=False)
    except OSError:
        return ""
    return done.stdout.decode().strip() if done.returncode == 0 else ""
