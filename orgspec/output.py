"""The only module that writes files: atomically, so a report is old or new, never torn."""

from __future__ import annotations

import contextlib
import os
import tempfile


def append_text(path: str, text: str) -> None:
    """Append to a file that others also write (GitHub's job summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` (UTF-8 unless told; `utf-8-sig` adds the BOM Excel wants)
    via a temp file in the same folder and `os.replace`."""
    write_bytes(path, text.encode(encoding))


def write_bytes(path: str, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder and `os.replace`."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".orgspec-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def make_dirs(path: str) -> None:
    """Create a folder and its parents; fine if it exists."""
    os.makedirs(path, exist_ok=True)


def remove_file(path: str) -> None:
    """Delete a file this tool wrote earlier (an importer's output it no longer produces)."""
    os.unlink(path)
