"""The only module that writes files: atomically, so a report is old or new, never torn."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable


def append_text(path: str, text: str) -> None:
    """Append to a file that others also write (GitHub's job summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` (UTF-8 unless told; `utf-8-sig` adds the BOM Excel wants)
    via a temp file in the same folder and `os.replace`; missing folders are created."""
    write_bytes(path, text.encode(encoding))


def write_bytes(path: str, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` via a temp file in the same folder and `os.replace`; missing
    folders are created. `durable=False` skips the fsync (a cache entry: a reader still sees
    old or new, and a lost entry is only a miss)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".orgspec-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


SITE_MARK = ".orgspec-site"


class OutputError(Exception):
    """The output folder cannot be replaced (it holds something orgspec did not write)."""


def write_tree(folder: str, files: Iterable[tuple[str, str | bytes]]) -> int:
    """Write a whole folder of files, then swap it in for `folder` in one rename.

    `files` yields (path relative to `folder`, text or bytes). They are written into a new
    sibling folder; only when all are written does it replace `folder`, so a reader sees the
    old site or the new one, never a mix. An existing `folder` is replaced only when it is
    empty or was written by this function (it holds the `.orgspec-site` mark). Returns the
    number of files written. Raises OutputError for a folder it must not replace, and
    ValueError for a path that would leave the folder.
    """
    target = os.path.abspath(folder)
    if os.path.exists(target) and not _replaceable(target):
        from orgspec.i18n import M

        raise OutputError(M("{folder} exists and was not written by `orgspec site`; choose an "
                            "empty or new folder", folder=folder))
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=parent, prefix=".orgspec-site-")
    made: set[str] = {tmp}
    count = 0
    try:
        for rel, content in [(SITE_MARK, "orgspec site\n"), *files]:
            path = os.path.normpath(os.path.join(tmp, rel))
            if os.path.isabs(rel) or not path.startswith(tmp + os.sep):
                raise ValueError(f"site path leaves the folder: {rel!r}")
            sub = os.path.dirname(path)
            if sub not in made:
                os.makedirs(sub, exist_ok=True)
                made.add(sub)
            with open(path, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            count += 1
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        old = None
        if os.path.exists(target):
            old = tempfile.mkdtemp(dir=parent, prefix=".orgspec-old-")
            os.replace(target, os.path.join(old, "site"))
        os.replace(tmp, target)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count - 1


def _replaceable(target: str) -> bool:
    if not os.path.isdir(target):
        return False
    return not os.listdir(target) or os.path.isfile(os.path.join(target, SITE_MARK))


def make_dirs(path: str) -> None:
    """Create a folder and its parents; fine if it exists."""
    os.makedirs(path, exist_ok=True)


def remove_file(path: str) -> None:
    """Delete a file this tool wrote earlier (an importer's output it no longer produces)."""
    os.unlink(path)


def remove_tree(path: str) -> None:
    """Delete a folder this tool wrote (the cache, after its caller checked its mark)."""
    shutil.rmtree(path)
