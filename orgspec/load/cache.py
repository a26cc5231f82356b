"""The on-disk cache of checked files and whole results, keyed by content, never trusted.

Where: `$ORGSPEC_CACHE_DIR`, else the `cache-dir` config key (relative to the config file,
e.g. `.orgspec_cache`), else the user cache folder (`$XDG_CACHE_HOME/orgspec`,
`~/.cache/orgspec`; `~/Library/Caches/orgspec` on macOS; `%LOCALAPPDATA%/orgspec/Cache` on
Windows). The default is outside the project because pre-commit, editors and CI run orgspec
from many working copies, and orgspec never writes into the org's folder unless told to;
every entry is keyed by content, so working copies share it safely. A folder the cache
creates gets a `.gitignore` of `*` and a `CACHEDIR.TAG`, as ruff's and mypy's do.

Entry: `MAGIC`, the 32-byte key, then a pickle. A read checks the magic and the key before
unpickling, so a file another program or version wrote, or a torn or truncated one, is a
miss (a fresh parse), never a wrong answer; `orgspec.output` writes atomically, so
concurrent and killed runs leave old or new entries, never torn ones. Keys
include the orgspec version and a fingerprint of the installed package's files
(`code_fingerprint`), so a changed orgspec never reads an entry of another.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
import time
from pathlib import Path
from typing import Any, TypeVar

from orgspec import output
from orgspec._version import __version__

MAGIC = b"orgspec-cache/1\n"
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by orgspec.\n")
T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent


def user_cache_dir() -> str:
    """The per-user cache folder for orgspec on this platform."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~/AppData/Local")
        return os.path.join(base, "orgspec", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/orgspec")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "orgspec")


def cache_dir(configured: str | None = None) -> str:
    """`$ORGSPEC_CACHE_DIR`, else the configured folder, else `user_cache_dir()`."""
    return os.environ.get("ORGSPEC_CACHE_DIR") or configured or user_cache_dir()


_FINGERPRINT: list[str] = []


def code_fingerprint() -> str:
    """orgspec's version and the size and modification time of every file of the package
    and its data folders (message catalogs included: results are stored localised): an
    edited checkout (editable install) invalidates like a new
    release does. About 2 ms."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    digest.update(sys.version.encode())
    folders = [_PACKAGE] + [_PACKAGE.parent / n for n in ("rules", "schemas")]
    for folder in folders:
        for top, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".yml", ".json", ".mo")):
                    st = os.stat(os.path.join(top, name))
                    digest.update(f"{top}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    _FINGERPRINT.append(digest.hexdigest())
    return _FINGERPRINT[0]


def make_key(*parts: str | bytes) -> bytes:
    """A 32-byte key from its parts, with the code fingerprint always among them."""
    digest = hashlib.blake2b(digest_size=32)
    for part in (code_fingerprint(), *parts):
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def value_hash(value: object) -> str:
    """`content_hash` of plain data's repr (the same in every process for plain data)."""
    return content_hash(repr(value).encode("utf-8", "surrogatepass"))


ENTRY_MARK = ".orgspec-cache-entry"  # in every fingerprint folder orgspec made
_FINGERPRINT_NAME = re.compile(r"[0-9a-f]{20}")
STALE_SECONDS = 7 * 24 * 3600  # another orgspec's entries unused this long are deleted
KEEP_RESULTS = 32  # whole results kept per orgspec (each is one org state: a commit)


class Cache:
    """Entries under `folder/<code fingerprint>/file/<key[:2]>/<key[2:]>` and
    `.../result/<key>`: `get` is None on any doubt.

    Bounded: writing a result keeps the `KEEP_RESULTS` newest; the first write of a run
    deletes the entries of other orgspec versions (other fingerprints) unused for a week.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.own = os.path.join(folder, code_fingerprint()[:20])
        self.hits = 0
        self.misses = 0
        self.by_kind: dict[tuple[str, bool], int] = {}  # (kind, hit) -> count
        self._ready = False
        self._touched = False

    def primed(self) -> bool:
        """True once this orgspec has stored a whole result here. Until then per-file
        entries are not written: a run with no cache to come back to (a fresh CI job) then
        pays for one result entry, not for pickling every file (+29 % at 5,000 teams)."""
        return os.path.isdir(os.path.join(self.own, "result"))

    def _path(self, kind: str, key: bytes) -> str:
        hexkey = key.hex()
        if kind == "result":
            return os.path.join(self.own, kind, hexkey)
        return os.path.join(self.own, kind, hexkey[:2], hexkey[2:])

    def get(self, kind: str, key: bytes, expected: type[T]) -> T | None:
        """The `expected` object stored under `key`, or None (absent, foreign, torn,
        unreadable, or of another type)."""
        try:
            with open(self._path(kind, key), "rb") as handle:
                data = handle.read()
        except OSError:
            return self._count(kind, None)
        head = MAGIC + key
        if not data.startswith(head):
            return self._count(kind, None)
        try:
            value = pickle.loads(memoryview(data)[len(head):])  # noqa: S301 - checked above
        except Exception:  # a torn or stale pickle: any failure is a miss
            value = None
        if not isinstance(value, expected):
            return self._count(kind, None)
        self._count(kind, value)
        if not self._touched:  # marks this orgspec's entries as in use (see _prune_others)
            self._touched = True
            with contextlib.suppress(OSError):
                os.utime(self.own)
        return value

    def _count(self, kind: str, value: T | None) -> T | None:
        hit = value is not None
        if hit:
            self.hits += 1
        else:
            self.misses += 1
        self.by_kind[kind, hit] = self.by_kind.get((kind, hit), 0) + 1
        return value

    def put(self, kind: str, key: bytes, value: Any) -> None:
        """Store `value` atomically; a cache that cannot be written is silently skipped."""
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self._prepare()
            output.write_bytes(self._path(kind, key), MAGIC + key + data,
                               durable=False, guard=False)
            if kind == "result":
                self._prune_results()
        except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return

    def _prune_results(self) -> None:
        folder = os.path.join(self.own, "result")
        entries = sorted(os.scandir(folder), key=_mtime, reverse=True)
        for old in entries[KEEP_RESULTS:]:
            with contextlib.suppress(OSError):
                output.remove_file(old.path)

    def _prune_others(self) -> None:
        """Delete other fingerprints' folders unused for `STALE_SECONDS` (a miss for them,
        never a wrong answer, if one is still in use).

        `cache-dir` may name a folder the user shares with other things, so only what is
        provably orgspec's goes: the root must hold our `CACHEDIR.TAG`, and an entry must be
        a real folder (no symlink), named like a fingerprint and holding our `ENTRY_MARK`."""
        if not _tagged(self.folder):
            return
        now = time.time()
        for entry in os.scandir(self.folder):
            if entry.is_dir(follow_symlinks=False) and entry.path != self.own and \
                    _FINGERPRINT_NAME.fullmatch(entry.name) and \
                    os.path.isfile(os.path.join(entry.path, ENTRY_MARK)) and \
                    now - _mtime(entry) > STALE_SECONDS:
                with contextlib.suppress(OSError):
                    output.remove_tree(entry.path)

    def _prepare(self) -> None:
        if self._ready:
            return
        if not os.path.isdir(self.folder):
            output.make_dirs(self.folder)
            output.write_text(os.path.join(self.folder, ".gitignore"),
                              "# created by orgspec; the cache is never committed\n*\n")
            output.write_text(os.path.join(self.folder, "CACHEDIR.TAG"), TAG)
        if not os.path.isfile(os.path.join(self.own, ENTRY_MARK)):
            output.write_text(os.path.join(self.own, ENTRY_MARK), "orgspec cache entry\n")
        os.utime(self.own)
        self._prune_others()
        self._ready = True


def _tagged(folder: str) -> bool:
    """Whether `folder` holds the `CACHEDIR.TAG` orgspec writes (not a symlink)."""
    tag = os.path.join(folder, "CACHEDIR.TAG")
    if os.path.islink(tag):
        return False
    try:
        with open(tag, encoding="utf-8") as handle:
            return handle.read(len(TAG) + 1) == TAG
    except (OSError, UnicodeDecodeError):
        return False


def _mtime(entry: os.DirEntry[str]) -> float:
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


def clean(folder: str) -> bool:
    """Delete the cache folder; True when there was one. Refuses a folder that does not
    look like an orgspec cache (no CACHEDIR.TAG of ours), so a mistyped path is safe."""
    if not os.path.isdir(folder):
        return False
    tag = os.path.join(folder, "CACHEDIR.TAG")
    try:
        with open(tag, encoding="utf-8") as handle:
            ours = "orgspec" in handle.read()
    except OSError:
        ours = False
    if not ours:
        raise ValueError(f"{folder} does not look like an orgspec cache; not removed")
    output.remove_tree(folder)
    return True
