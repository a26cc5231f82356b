"""The only module that writes files: atomically, so a report is old or new, never torn."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterable, Iterator

from orgspec.i18n import M, reason


def append_text(path: str, text: str) -> None:
    """Append to a file that others also write (GitHub's job summary)."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` (UTF-8 unless told; `utf-8-sig` adds the BOM Excel wants)
    via a temp file in the same folder and `os.replace`; missing folders are created."""
    write_bytes(path, text.encode(encoding))


def write_bytes(path: str, data: bytes, durable: bool = True, guard: bool = True) -> None:
    """Write `data` to `path` via a temp file in the same folder and `os.replace`; missing
    folders are created. `durable=False` skips the fsync (a cache entry: a reader still sees
    old or new, and a lost entry is only a miss). Raises OutputError (an OSError) when
    `path` is a file of the org being read (see `protect`); `guard=False` skips that check
    for paths orgspec names itself (cache entries: hex names, thousands per run).

    What is not a regular file is written through, never replaced: a FIFO, a character or
    block device, `/dev/stdout` (and any path that resolves into /dev or /proc). A symlink
    to a regular file stays a link: the file it points to is replaced atomically."""
    if guard:
        _refuse_input(path)
    through = _write_through(path)
    if through:
        with open(path, through) as handle:
            handle.write(data)
        return
    path = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(os.path.abspath(path))
    make_dirs(folder)
    import tempfile  # imported when a file is written: a check that prints writes none

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


def _write_through(path: str) -> str | None:
    """The `open` mode to write `path` in place, or None to replace it atomically: "wb" when
    it exists and is not a regular file (after symlinks); "ab" for a regular file reached by
    a link through /dev or /proc (`-o /dev/stdout` with stdout redirected to a file: a link
    to /proc/self/fd/1; replacing the file would break the shell's `>`, and truncating it
    would break `>>`)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode):
        return "wb"
    hop = os.path.abspath(path)
    for _ in range(40):  # the link chain: /dev/stdout -> /proc/self/fd/1 -> /tmp/out.txt
        if not os.path.islink(hop):
            return None
        hop = os.path.join(os.path.dirname(hop), os.readlink(hop))
        if hop.startswith(("/dev/", "/proc/")):
            return "ab"
    return None


SITE_MARK = ".orgspec-site"


class OutputError(OSError):
    """An output orgspec must not write: a folder it did not write, or the org's own files
    (an OSError, so every caller that reports "cannot write PATH: WHY" reports it too)."""


_INPUTS: list[tuple[list[str], list[str]]] = []  # (files, folders) the run reads, as given
_RESOLVED: dict[str, set[str]] = {}  # "files"/"folders" -> real paths, made on first use


def protect(files: Iterable[str], folders: Iterable[str] = ()) -> None:
    """Remember files the run reads (the loader's org files, the config) and the org's
    folders, so that no output of this process overwrites them or writes a folder of files
    into them: orgspec never modifies the user's org files. Paths are resolved (symlinks,
    `..`) when an output is first checked, so only runs that write files pay for it."""
    _INPUTS.append((list(files), list(folders)))
    _RESOLVED.clear()


@contextlib.contextmanager
def read_for_lookup() -> Iterator[None]:
    """Org files read inside are not protected: `orgspec import` reads the org already in
    its output folder for its ids (the did-you-mean of its notes) and then updates that
    folder, whose files its manifest guards (an edited file is never overwritten)."""
    kept = list(_INPUTS)
    try:
        yield
    finally:
        _INPUTS[:] = kept
        _RESOLVED.clear()


def forget_inputs() -> None:
    """Start a new command: no file is protected until the loader reads it."""
    _INPUTS.clear()
    _RESOLVED.clear()


def _inputs(kind: str) -> set[str]:
    if not _RESOLVED:
        folders: dict[str, str] = {}
        _RESOLVED["files"] = {_real(f, folders) for files, _ in _INPUTS for f in files}
        _RESOLVED["folders"] = {os.path.realpath(f) for _, folders in _INPUTS for f in folders}
        _RESOLVED["folders"].update(os.path.dirname(f) for f in _RESOLVED["files"])
    return _RESOLVED[kind]


def _real(path: str, folders: dict[str, str]) -> str:
    """`os.path.realpath(path)`, each folder resolved once (`folders`: folder -> real path):
    a name that is no link adds itself to its folder's real path."""
    folder, name = os.path.split(os.path.abspath(path))
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return os.path.join(real, name)


def _refuse_input(path: str) -> None:
    if _INPUTS and os.path.realpath(path) in _inputs("files"):
        raise OutputError(M("it is a file of the org being read; orgspec never modifies org "
                            "files - write somewhere else"))


def check_output_folder(folder: str) -> None:
    """Raise OutputError when `folder` (a folder of outputs: a site, a CSV export) is a
    folder of the org being read (given as the org, or holding one of its files)."""
    if _INPUTS and os.path.realpath(folder) in _inputs("folders"):
        raise OutputError(M("it is a folder of the org being read; orgspec never writes "
                            "into it - write somewhere else"))


def write_tree(folder: str, files: Iterable[tuple[str, str | bytes]]) -> int:
    """Write a whole folder of files, then swap it in for `folder` in one rename.

    `files` yields (path relative to `folder`, text or bytes). They are written into a new
    sibling folder; only when all are written does it replace `folder`, so a reader sees the
    old site or the new one, never a mix. An existing `folder` is replaced only when it is
    empty or was written by this function (it holds the `.orgspec-site` mark); a `folder`
    that is a symlink stays one, and the folder it points to is replaced. Returns the
    number of files written. Raises OutputError for a folder it must not replace (or a
    folder of the org being read), and
    ValueError for a path that would leave the folder.
    """
    import shutil
    import tempfile

    target = os.path.abspath(folder)
    if os.path.islink(target):  # `-o public` -> the web server's folder: that folder is
        target = os.path.realpath(target)  # replaced, the link stays (as `write_bytes`)
    try:
        check_output_folder(target)
    except OutputError as exc:
        raise OutputError(M("cannot write {path!r}: {why}", path=folder,
                            why=reason(exc))) from None
    if os.path.exists(target) and not _replaceable(target):
        raise OutputError(M("{folder} exists and was not written by `orgspec site`; choose an "
                            "empty or new folder", folder=folder))
    parent = os.path.dirname(target)
    make_dirs(parent)
    _clear_leftovers(parent)
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


def _clear_leftovers(parent: str) -> None:
    """Remove what an interrupted `write_tree` left beside its folder (Ctrl-C between the
    swap and the clean-up): `.orgspec-old-*` holding only an earlier site, `.orgspec-site-*`
    holding a half-written one an hour old - each recognised by the site mark, no link
    followed."""
    import shutil

    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        if not entry.is_dir(follow_symlinks=False):
            continue
        if entry.name.startswith(".orgspec-old-"):
            inside = os.listdir(entry.path)
            site = os.path.join(entry.path, "site")
            ours = inside == [] or (inside == ["site"] and not os.path.islink(site)
                                    and _replaceable(site))
        elif entry.name.startswith(".orgspec-site-"):  # another run may be writing it now
            ours = _replaceable(entry.path) and \
                time.time() - entry.stat(follow_symlinks=False).st_mtime > 3600
        else:
            continue
        if ours:
            shutil.rmtree(entry.path, ignore_errors=True)


def _replaceable(target: str) -> bool:
    if not os.path.isdir(target):
        return False
    return not os.listdir(target) or os.path.isfile(os.path.join(target, SITE_MARK))


def make_dirs(path: str) -> None:
    """Create a folder and its parents; fine if it exists. A file in the way is
    NotADirectoryError (ENOTDIR: a part of the path is not a folder), not the
    FileExistsError `os.makedirs` raises for it."""
    try:
        os.makedirs(path, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), path) from None


def remove_file(path: str) -> None:
    """Delete a file this tool wrote earlier (an importer's output it no longer produces)."""
    os.unlink(path)


def remove_empty_dir(path: str) -> None:
    """Delete a folder this tool made, if it is empty (OSError otherwise)."""
    os.rmdir(path)


def remove_tree(path: str) -> None:
    """Delete a folder this tool wrote (the cache, after its caller checked its mark)."""
    import shutil

    shutil.rmtree(path)


# What an output file's name says it holds, per command: `report -o report.html` is HTML.
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
                   ".chat.md": "chat", ".chat.txt": "chat"}
CHECK_SUFFIXES = {**REPORT_SUFFIXES, ".json": "json", ".jsonl": "json-lines", ".sarif": "sarif",
                  ".xml": "junit", ".txt": "text"}
RULES_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".txt": "text"}
GRAPH_SUFFIXES = {".json": "json", ".dot": "dot", ".gv": "dot", ".graphml": "graphml",
                  ".gexf": "gexf", ".mmd": "mermaid", ".mermaid": "mermaid"}
EXPORT_SUFFIXES = {".xlsx": "xlsx"}


def format_for(output: str | None, given: str | None, suffixes: dict[str, str],
               default: str) -> str:
    """The format to write: `given` (an explicit `--format` wins, even against the suffix),
    else the one the suffix of `output` names in `suffixes` (case-insensitive: `.HTML`; a
    double suffix first: `report.chat.md` is `.chat.md`), else `default` (no output, or a
    suffix not in the table)."""
    if given:
        return given
    stem, suffix = os.path.splitext((output or "").lower())
    double = os.path.splitext(stem)[1] + suffix
    return suffixes.get(double) or suffixes.get(suffix, default)
