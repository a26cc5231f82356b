"""The on-disk cache of checked files and whole results, keyed by content, never trusted.

Where: `$ORGSPEC_CACHE_DIR`, else the `cache-dir` config key (relative to the config file,
e.g. `.orgspec_cache`), else the user cache folder (`$XDG_CACHE_HOME/orgspec`,
`~/.cache/orgspec`; `~/Library/Caches/orgspec` on macOS; `%LOCALAPPDATA%/orgspec/Cache` on
Windows). The default is outside the project because pre-commit, editors and CI run orgspec
from many working copies, and orgspec never writes into the org's folder unless told to;
every entry is keyed by content, so working copies share it safely. A folder the cache
creates gets a `.gitignore` of `*` and a `CACHEDIR.TAG`, as ruff's and mypy's do.

Entry: `MAGIC`, the 32-byte key, an HMAC-SHA256 (32 bytes) of the rest, then the pickle.
The HMAC's secret is 32 random bytes in `KEY_FILE` at the cache's root,
made by the first run that writes (mode 0600); a read checks the magic, the key and the HMAC
before unpickling, so an entry another program, user, cache or version wrote, or a torn,
truncated or tampered one, is a miss (a fresh computation) and never unpickled: a pickle
can run code. A secret that is not a regular file of 32 bytes, owned by this user and
unreadable by others, is replaced (every entry becomes a miss). `orgspec.output` writes
atomically, so concurrent and killed runs leave old or new entries, never torn ones. Keys
include the orgspec version and a fingerprint of the installed package's files
(`code_fingerprint`), so a changed orgspec never reads an entry of another.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import stat
import sys
import time
from pathlib import Path
from typing import Any, TypeVar

from orgspec import output
from orgspec._version import __version__
from orgspec.lazyre import lazy

MAGIC = b"orgspec-cache/2\n"
KEY_FILE = "secret.key"  # at the cache root: the HMAC secret of every entry
SIGNATURE = 32  # bytes of HMAC-SHA256
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


# Libraries whose objects the cache pickles (the models, their validation errors):
# entries are read back as their version wrote them (`Strict.__reduce__`); and OpenCC,
# whose folding of Traditional text the stored results, OW007 features and verdicts hold.
STAMPED_LIBRARIES = ("pydantic", "pydantic_core", "opencc")


def code_fingerprint() -> str:
    """orgspec's version and the size and modification time of every file of the package
    and its data folders (message catalogs included: results are stored localised), and of
    the installed `STAMPED_LIBRARIES`' version files: an edited checkout (editable
    install) or an upgraded pydantic or OpenCC invalidates like a new release does.
    About 2 ms."""
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    digest.update(sys.version.encode())
    digest.update(_libraries().encode())
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


def _libraries() -> str:
    """Where each of `STAMPED_LIBRARIES` is installed (the first `sys.path` entry holding
    it, as the import system finds a regular package), with the size and modification time
    of its version files; found without importing anything (a re-check whose result is
    kept imports neither pydantic nor `importlib.util`)."""
    return "\n".join(library_stamp(name) for name in STAMPED_LIBRARIES)


def library_stamp(name: str) -> str:
    """Where the package `name` is installed (see `_libraries`) and the size and
    modification time of its version files; "" when it is not found."""
    out = []
    for entry in sys.path:
        folder = os.path.join(entry or ".", name)
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            continue
        out.append(f"{name}:{os.path.abspath(folder)}")
        for file in ("version.py", "__init__.py"):
            with contextlib.suppress(OSError):
                st = os.stat(os.path.join(folder, file))
                out.append(f"{file}:{st.st_size}:{st.st_mtime_ns}")
        break
    return "\n".join(out)


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
_FINGERPRINT_NAME = lazy(r"[0-9a-f]{20}")
STALE_SECONDS = 7 * 24 * 3600  # another orgspec's entries unused this long are deleted
KEEP_RESULTS = 32  # whole results kept per orgspec (each is one org state: a commit)
UNUSED_SECONDS = 7 * 24 * 3600  # this orgspec's entries unused this long are deleted
TOUCH_SECONDS = 3600  # a hit marks its entry as used when the mark is older than this
TRIM_SECONDS = 24 * 3600  # the walk that deletes unused entries runs at most this often
BUDGET_BYTES = 512 * 1024 * 1024  # beyond this, the least recently used entries go first
TRIM_MARK = "trim.txt"  # in the fingerprint folder: its time is the last walk's


class Cache:
    """Entries under `folder/<code fingerprint>/file/<key[:2]>/<key[2:]>` and
    `.../result/<key>`: `get` is None on any doubt.

    Bounded as Go's build cache is: a hit marks its entry as used (its modification time,
    refreshed at most hourly); the first write of a run, at most once a day, deletes this
    orgspec's entries unused for `UNUSED_SECONDS` and then, beyond `BUDGET_BYTES`, the
    least recently used; writing a result keeps the `KEEP_RESULTS` newest; other orgspec
    versions' folders (other fingerprints) unused for `STALE_SECONDS` are deleted. A
    deleted entry is a miss (computed afresh), never an error: a reader holds what it read,
    and every failure to delete or mark is ignored.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.own = os.path.join(folder, code_fingerprint()[:20])
        self.hits = 0
        self.misses = 0
        self.by_kind: dict[tuple[str, bool], int] = {}  # (kind, hit) -> count
        self._ready = False
        self._touched = False
        self._secret: bytes | None = None  # read on first use (`_signer`)
        self._looked = False
        self._tried = False

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
        path = self._path(kind, key)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
                used = os.fstat(handle.fileno()).st_mtime
        except OSError:
            return self._count(kind, None)
        head = MAGIC + key
        start = len(head) + SIGNATURE
        secret = self._signer(create=False)
        if not data.startswith(head) or secret is None or not hmac.compare_digest(
                data[len(head):start], _sign(secret, head, memoryview(data)[start:])):
            return self._count(kind, None)
        try:
            value = pickle.loads(memoryview(data)[start:])  # noqa: S301 - signed by us
        except Exception:  # signed yet unreadable (a class since renamed): a miss
            value = None
        if not isinstance(value, expected):
            return self._count(kind, None)
        self._count(kind, value)
        if time.time() - used > TOUCH_SECONDS:  # in use: kept by the trim (`_trim`)
            with contextlib.suppress(OSError):
                os.utime(path)
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
            secret = self._signer(create=True)
            if secret is None:
                return
            head = MAGIC + key
            output.write_bytes(self._path(kind, key),
                               b"".join((head, _sign(secret, head, data), data)),
                               durable=False, guard=False)
            if kind == "result":
                self._prune_results()
        except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return

    def hold(self, kind: str) -> int | None:
        """Take an exclusive lock saying an entry of `kind` is being written (a file
        `.KIND.lock` beside this orgspec's entries): an open descriptor whose closing, by
        whichever process holds it last (a child forked to write), releases it; None where
        there is no such lock (no `fcntl`, a cache not made yet or that cannot be written, a
        lock already taken). Readers may wait for it (`wait_free`); only their time depends
        on it."""
        try:
            import fcntl

            fd = os.open(os.path.join(self.own, f".{kind}.lock"),
                         os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except (ImportError, OSError):
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return fd

    def wait_free(self, kind: str, seconds: float) -> None:
        """Wait until no process holds `hold(kind)`, for at most `seconds`."""
        try:
            import fcntl

            fd = os.open(os.path.join(self.own, f".{kind}.lock"),
                         os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except (ImportError, OSError):
            return
        try:
            deadline = time.monotonic() + seconds
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    return
                except OSError:
                    if time.monotonic() >= deadline:
                        return
                    time.sleep(0.005)
        finally:
            os.close(fd)

    def _signer(self, create: bool) -> bytes | None:
        """The HMAC secret of this cache (`KEY_FILE`), made when absent or untrustworthy
        if `create`; None when there is none to trust (every read is then a miss and
        nothing is written)."""
        if self._looked and (self._secret is not None or not create or self._tried):
            return self._secret
        path = os.path.join(self.folder, KEY_FILE)
        self._looked = True
        self._secret = _read_secret(path)
        if self._secret is None and create:
            self._tried = True  # once per run: a folder that refuses it keeps refusing
            with contextlib.suppress(OSError):
                self._secret = _make_secret(path)
        return self._secret

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
        self._ready = True
        self._prune_others()
        self._trim()

    def _trim(self) -> None:
        """At most once per `TRIM_SECONDS` (by `TRIM_MARK`'s time, set before the walk so
        concurrent runs do not all walk): delete this orgspec's entries unused for
        `UNUSED_SECONDS`, then the least recently used beyond `BUDGET_BYTES`. A few ms per
        thousand entries; never raises."""
        mark = os.path.join(self.own, TRIM_MARK)
        now = time.time()
        with contextlib.suppress(OSError):
            if now - os.stat(mark).st_mtime < TRIM_SECONDS:
                return
        try:
            output.write_bytes(mark, f"{int(now)}\n".encode(), durable=False, guard=False)
        except OSError:
            return
        kept: list[tuple[float, int, str]] = []  # (last used, bytes, path)
        for top, _dirs, files in os.walk(self.own):  # never follows a symlink
            for name in files:
                if top == self.own:  # the marks, not entries
                    continue
                path = os.path.join(top, name)
                try:
                    st = os.lstat(path)
                    if now - st.st_mtime > UNUSED_SECONDS:
                        output.remove_file(path)
                    elif not name.startswith("."):  # a write in progress is not counted
                        kept.append((st.st_mtime, st.st_size, path))
                except OSError:
                    continue
        total = sum(size for _, size, _ in kept)
        kept.sort()
        for _, size, path in kept:
            if total <= BUDGET_BYTES:
                break
            with contextlib.suppress(OSError):
                output.remove_file(path)
            total -= size


def _sign(secret: bytes, head: bytes, body: bytes | memoryview) -> bytes:
    mac = hmac.new(secret, head, hashlib.sha256)
    mac.update(body)
    return mac.digest()


def _read_secret(path: str) -> bytes | None:
    """The 32 bytes of `path` when it is a regular file (not a symlink) of this user that
    no one else can read or write, else None."""
    # no symlink, and no waiting on a FIFO planted there (O_NONBLOCK)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | \
        getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode) or st.st_size != 32:  # a folder opens too, but cannot
        os.close(fd)  # be read as a file (fdopen raises IsADirectoryError)
        return None
    with os.fdopen(fd, "rb") as handle:
        if os.name == "posix" and (st.st_uid != os.geteuid() or st.st_mode & 0o077):
            return None
        data = handle.read(33)
    return data if len(data) == 32 else None


def _make_secret(path: str) -> bytes | None:
    """A new random secret at `path` (mode 0600): linked into place when there is none, so
    of two runs making one at once both use the one that won; an untrustworthy file there
    is replaced. Raises OSError when the folder cannot take it."""
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".orgspec-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp makes it 0600
            handle.write(os.urandom(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            if _read_secret(path) is None:
                os.replace(tmp, path)
        except OSError:  # a file system without hard links: the last of two runs wins
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return _read_secret(path)


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
    except (OSError, UnicodeDecodeError):
        ours = False
    if not ours:
        from orgspec.i18n import M

        raise ValueError(M("{folder} does not look like an orgspec cache; not removed",
                           folder=folder))
    output.remove_tree(folder)
    return True
