"""A file whose name is one slip away from an org file's: the walk leaves it out, so each id
it defines turns into an unknown reference elsewhere unless it is said (IN019) at the file.

Windows Notepad saves `team.yaml` as `team.yaml.txt` (Explorer hides the `.txt`); a typed
name gets `teams.ymal`, `teams.yaml。` (the IME's full stop) or `teams。yaml`; a file
saved from a chat or a notes app is `teams.txt` with the org's YAML in it. Other extra
extensions (`.bak`, `.orig`, `.old`, `~`) mark copies kept on purpose, and stay unsaid.
"""

from __future__ import annotations

import re

from orgspec.lazyre import lazy
from orgspec.load.source import SourceError, read_bytes

MISSAVED = (".yaml.txt", ".yml.txt")
# what an IME or a sloppy hand leaves after a name (`teams.yaml。`, `teams.yaml `)
_TRAILING = " \t\u3000。．.，,、"
_DOTS = "。．"  # the full-width full stops typed for `.` with a Chinese IME on
# real extensions one edit away from yaml/yml: never a slip
_OTHER_FORMATS = frozenset({"xml", "xaml"})
_KIND = lazy(r"""^[ \t]*(?:-[ \t]*)?(?:\{[ \t]*)?["']?kind["']?[ \t]*[:：]""", re.M)
_HEAD_BYTES = 64 * 1024  # the part of a `.txt` read for a `kind:` line


def missaved_as(name: str) -> str | None:
    """The name `name` was meant to have when it is a YAML file saved with `.txt` added
    (`team.yaml.txt` -> `team.yaml`, in any case), else None."""
    return name[:-len(".txt")] if name.lower().endswith(MISSAVED) else None


def near_yaml(name: str) -> str | None:
    """The org file's name `name` is a slip of, from the name alone: `teams.yaml。` ->
    `teams.yaml`, `teams.ymal` -> `teams.yaml`, `teams。yml` -> `teams.yml`; None for a
    YAML name, another format's (`.xml`, `.xaml`), a kept copy (`.yaml.bak`, `.yaml~`) or
    anything else."""
    trimmed = name.rstrip(_TRAILING)
    if trimmed != name and trimmed.lower().endswith((".yaml", ".yml")) and \
            len(trimmed) > len(".yml"):
        return trimmed
    for dot in (".", *_DOTS):
        stem, sep, ext = trimmed.rpartition(dot)
        if not sep or not stem or not ext:
            continue
        low = ext.lower()
        if low in ("yaml", "yml"):
            return None if dot == "." else f"{stem}.{ext}"  # `teams。yaml`
        if low in _OTHER_FORMATS or not low.isalpha():  # `.yaml~`: an editor's backup
            return None
        meant = "yaml" if _one_edit(low, "yaml") else "yml" if _one_edit(low, "yml") else ""
        if meant and len(low) >= 3:
            return f"{stem}.{meant}"
    return None


def txt_with_kinds(name: str, path: str) -> str | None:
    """`teams.yaml` for `teams.txt` (in any case) whose text has a `kind:` line, as an org
    file has; None otherwise or when it cannot be read (only its first 64 KiB are)."""
    if not name.lower().endswith(".txt") or len(name) <= len(".txt"):
        return None
    try:
        head = read_bytes(path)[:_HEAD_BYTES]  # a bigger file is no org file
    except SourceError:
        return None
    return f"{name[:-len('.txt')]}.yaml" if _KIND.search(
        head.decode("utf-8", "replace")) else None


def meant_name(name: str, path: str, siblings: frozenset[str]) -> str | None:
    """The org file's name the file `name` at `path` was meant to have (`missaved_as`,
    `near_yaml`, `txt_with_kinds`, or two of them at once: `teams.yaml.txt。`,
    `teams.ymal.txt`, `teams。yaml.txt`, `teams.txt。`), else None; None too, but for
    `.yaml.txt`, when a file of that name is beside it (`siblings`, lower-cased): then
    this one is a copy."""
    meant = missaved_as(name.rstrip(_TRAILING))  # `teams.yaml.txt。` too
    if meant is not None:
        return meant
    meant = near_yaml(name) or _two_slips(name, path) or txt_with_kinds(name, path)
    return None if meant is None or meant.lower() in siblings else meant


def _two_slips(name: str, path: str) -> str | None:
    """`meant_name` of a name with a `.txt` added to another slip (`teams.ymal.txt`,
    `teams。yaml.txt`) or with an IME's trailing mark after `.txt` (`teams.yaml.txt。`,
    `teams.txt。` whose text has a `kind:` line), else None."""
    trimmed = name.rstrip(_TRAILING)
    if not trimmed.lower().endswith(".txt") or len(trimmed) <= len(".txt"):
        return None
    meant = near_yaml(trimmed[:-len(".txt")])
    if meant is None and trimmed != name:
        meant = txt_with_kinds(trimmed, path)
    return meant


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` is `b` with one letter changed, added, dropped or two neighbours
    swapped (and not `b` itself)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and
                                  a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


__all__ = ["MISSAVED", "meant_name", "missaved_as", "near_yaml", "txt_with_kinds"]
