"""The only module that writes files: atomically, so a report is old or new, never torn."""

from __future__ import annotations

import contextlib
import os
import tempfile


def append_text(path: str, text: str) -> None:
    """Append to a file that others also write (GitHub's job summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def write_text(path: str, text: str) -> None:
    """Write `text` as UTF-8 to `path` via a temp file in the same folder and `os.replace`;
    missing folders are created."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".orgspec-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
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
