"""Files git saw renamed since a baseline was written, so its entries name them as they are
now (`git mv org/meetings.yaml org/会议.yaml`: the entry still says `org/meetings.yaml`)."""

from __future__ import annotations

import os
import subprocess

from orgspec.paths import display_path


def renamed_since(baseline: str) -> dict[str, str]:
    """Former path -> current path (both as `display_path` shows them) of each file git
    detects as renamed between the last commit of `baseline` (HEAD when it was never
    committed) and the working tree, staged or committed; {} outside a git repository or
    when git fails. One `git log` and one `git diff -M`."""
    where = os.path.dirname(os.path.abspath(baseline))
    top = _run(["rev-parse", "--show-toplevel"], where).strip()
    if not top:
        return {}
    since = _run(["log", "-1", "--format=%H", "--", os.path.abspath(baseline)], top).strip()
    listed = _run(["diff", "-M", "-z", "--name-status", since or "HEAD", "--"], top)
    out: dict[str, str] = {}
    parts = listed.split("\0")
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[:1] in ("R", "C") and i + 2 < len(parts):
            if status[:1] == "R":
                out[display_path(os.path.join(top, parts[i + 1]))] = \
                    display_path(os.path.join(top, parts[i + 2]))
            i += 3
        else:
            i += 2
    return out


def _run(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd,
                              capture_output=True, check=False)
    except OSError:
        return ""
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else ""
