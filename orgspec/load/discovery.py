"""Which files make up the org: walk the given paths without following links out of the root."""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from orgspec import output
from orgspec.i18n import M
from orgspec.load.nearnames import meant_name
from orgspec.paths import Shown, display_path, git_top

if TYPE_CHECKING:
    import subprocess

# In any case: `people.YAML` is a YAML file on macOS and Windows too, and skipping it would
# turn every reference to its people into an unknown id.
SUFFIXES = (".yaml", ".yml")


MAX_FILES = 100_000  # files and folders one walk may meet; a big org has a few thousand


def is_yaml_name(name: str) -> bool:
    """`name` ends in .yaml or .yml, in any case."""
    return name.lower().endswith(SUFFIXES)


_T = TypeVar("_T")


def would_read(path: str, folders: Iterable[str], include: list[str],
               exclude: list[str]) -> bool:
    """Whether a walk of one of `folders` (the org's) would read a file written at `path`
    as an org file: a YAML name below it, in no hidden folder, included and not excluded
    (`include`/`exclude` globs relative to the folder, as the config's)."""
    if not is_yaml_name(path):
        return False
    real = os.path.realpath(path)
    for folder in folders:
        root = os.path.realpath(folder).rstrip(os.sep) + os.sep
        if not real.startswith(root):
            continue
        rel = real[len(root):].replace(os.sep, "/")
        if any(part.startswith(".") for part in rel.split("/")) or \
                (exclude and matches(rel, exclude)) or (include and not matches(rel, include)):
            continue
        return True
    return False


__all__ = ["Candidate", "Discovery", "GlobError", "Skipped", "discover", "display_path",
           "glob_regex", "matches", "would_read"]


@dataclass(frozen=True)
class Candidate:
    """A file to load: its display path and the real path to open."""

    display: str
    real: str


@dataclass(frozen=True)
class Skipped:
    """A path that was not loaded, with the finding code that says why; `real`, the path to
    ask git about (a file git ignores is not reported, as it is not read), "" for none."""

    display: str
    code: str
    message: str
    real: str = ""
    # the file whose bytes the run's answer depends on though the org does not read it:
    # a re-import's `.new` (IN018) or a file left out for its name (IN019), whose ids the
    # references elsewhere wait for
    source: str = ""


@dataclass
class Discovery:
    files: list[Candidate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class GlobError(ValueError):
    """A glob that cannot be read (an unclosed `[`, a backwards range); args[0] is an `M`."""


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: `*` and `?` within a segment, `**` across segments,
    `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) one character of a set. Raises GlobError
    for an empty glob, an unclosed `[` or a backwards range, as ruff and git refuse them."""
    if not pattern.strip():
        raise GlobError(M("a glob cannot be empty"))
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "[":
            body, i = _char_class(pattern, i)
            out.append(body)
        else:
            c = pattern[i]
            out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
            i += 1
    return re.compile("".join(out) + "$")


def _char_class(pattern: str, start: int) -> tuple[str, int]:
    """The regex of the `[...]` at `start` (never matching `/`) and the index after it."""
    i = start + 1
    negate = i < len(pattern) and pattern[i] in "!^"
    i += negate
    first = i
    if i < len(pattern) and pattern[i] == "]":  # `[]a]`: a leading `]` is a member
        i += 1
    end = pattern.find("]", i)
    if end < 0:
        raise GlobError(M("the `[` at character {n} is never closed (write `[[]` for a "
                          "literal `[`)", n=start + 1))
    members = pattern[first:end]
    for m in re.finditer(r"(.)-(.)", members):
        if m.group(1) > m.group(2):
            raise GlobError(M("the range {range!r} runs backwards", range=m.group()))
    body = "".join(c if c == "-" else re.escape(c) for c in members)
    return (f"[^/{body}]" if negate else f"(?!/)[{body}]"), end + 1


def matches(rel: str, patterns: Iterable[str]) -> bool:
    """True when the root-relative POSIX path matches any pattern (or a parent folder does)."""
    for pat in patterns:
        rx = glob_regex(pat.rstrip("/"))
        if rx.match(rel) or any(rx.match(rel[:i]) for i, c in enumerate(rel) if c == "/"):
            return True
    return False


def discover(paths: list[str], include: list[str] | None = None,
             exclude: list[str] | None = None, respect_gitignore: bool = True,
             max_files: int = MAX_FILES) -> Discovery:
    """Find the org's YAML files under `paths`; links leaving a root are reported, not read.
    Files that git ignores are skipped when found in a folder (not when named), as ruff
    does, unless `respect_gitignore` is False. A file reached twice (named twice, spelled
    `org/a.yaml` and `./org/a.yaml`, or named and inside a named folder) is loaded once,
    under the first name it was reached by. Raises ConfigError for a folder that is the
    file system's root or the home folder, and when walking a folder meets more than
    `max_files` files and folders (hidden and excluded ones not counted): a mistaken
    `root: /` would otherwise read every disk."""
    found = Discovery()
    for path in paths:
        if os.path.isdir(path) and not os.path.islink(path):
            refuse_whole_disk(path)
            walked = Discovery()
            # git is asked while the folder is walked, each file as it is found (it took
            # ~0.15 s of wall after the walk at 5,000 files): the same question as
            # `git_ignored`'s, the same answer
            query = _IgnoreQuery(path) if respect_gitignore else None
            try:
                _walk(path, include or [], exclude or [], walked, max_files,
                      query.ask if query is not None else None)
            finally:
                ignored = query.answer() if query is not None else set()
            files, skipped = walked.files, walked.skipped
            if ignored:
                files = [c for c in files if c.real not in ignored]
                skipped = [s for s in skipped if not s.real or s.real not in ignored]
            found.files.extend(files)
            found.skipped.extend(skipped)
        else:
            _add_file(path, os.path.dirname(os.path.abspath(path)), found, explicit=True)
    folders: dict[str, str] = {}
    found.files = _once(found.files, lambda c: _identity(c.display, folders))
    found.skipped = _once(found.skipped, lambda s: (_identity(s.display, folders), s.code))
    found.files.sort(key=lambda c: c.display)
    found.skipped.sort(key=lambda s: s.display)
    output.protect([c.real for c in found.files],
                   [p for p in paths if os.path.isdir(p) and not os.path.islink(p)])
    return found


def _identity(shown: str, folders: dict[str, str]) -> str:
    """What makes two spellings of a path one file: its folder resolved (`./`, `..`, folder
    links), its own name kept, so a file link inside the org stays a file of its own.
    `folders` keeps each folder's real path, resolved once per discovery."""
    absolute = os.path.abspath(shown)
    folder = os.path.dirname(absolute)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return os.path.join(real, os.path.basename(absolute))


def _once(items: list[_T], key: Callable[[_T], object]) -> list[_T]:
    """`items` without repeats by `key`, the first of each kept, in order."""
    seen: set[object] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


class _IgnoreQuery:
    """`git_ignored(folder, files)` asked while `files` are found: `git check-ignore` starts
    at once (when `folder` is in a git work tree) and is given each file as `ask` is called;
    `answer()` ends its input and returns what `git_ignored` returns for the files asked.
    git writes its answers to a temporary file, not a pipe, so it never waits for this
    process to read them while this process waits for it to read (no deadlock, no
    thread). Without files asked, git is not waited for and nothing is ignored, as
    `discover` asked nothing then."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.root = os.path.abspath(folder)
        self.files: list[str] = []
        self.later = False  # no temporary file: `git_ignored` after the walk, as before
        self.proc: subprocess.Popen[bytes] | None = None
        top = git_top(self.root)
        if top is None:
            return
        import subprocess
        import tempfile

        try:
            self.out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by `answer`
        except OSError:
            self.later = True
            return
        try:
            self.proc = subprocess.Popen(["git", "check-ignore", "-z", "--stdin"], cwd=top,
                                         stdin=subprocess.PIPE, stdout=self.out,
                                         stderr=subprocess.DEVNULL)
        except OSError:
            self.out.close()
            return  # no git: nothing is ignored
        self._send(_path_bytes(self.root))

    def ask(self, file: str) -> None:
        """Ask about `file` too (a real path, as `git_ignored` takes them)."""
        self.files.append(file)
        if self.proc is not None:
            self._send(b"\0" + _path_bytes(file))  # `git_ignored`'s bytes, in order

    def _send(self, data: bytes) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        with contextlib.suppress(OSError):  # git ended early (it failed): its exit code says
            self.proc.stdin.write(data)    # so in `answer`

    def answer(self) -> set[str]:
        """What git ignores among the files asked (none when `folder` itself is ignored,
        git is missing or fails, or no file was asked)."""
        proc = self.proc
        if self.later and self.files:
            return git_ignored(self.folder, self.files)
        if proc is None or proc.stdin is None:
            return set()
        with contextlib.suppress(OSError):
            proc.stdin.close()
        code = proc.wait()
        self.out.seek(0)
        found = self.out.read()
        self.out.close()
        if not self.files or code not in (0, 1):  # 1: nothing ignored; else: no work tree
            return set()
        ignored = {p.decode("utf-8", "surrogateescape") for p in found.split(b"\0") if p}
        return set() if self.root in ignored else ignored  # a folder named on purpose


def _path_bytes(path: str) -> bytes:
    return path.encode("utf-8", "surrogateescape")


def git_ignored(folder: str, files: list[str]) -> set[str]:
    """The files under `folder` that git ignores, when it is in a git work tree (else none);
    none when `folder` itself is ignored: it was named on purpose (a build folder)."""
    import subprocess

    top = git_top(os.path.abspath(folder))
    if top is None:
        return set()
    root = os.path.abspath(folder)
    try:
        done = subprocess.run(["git", "check-ignore", "-z", "--stdin"], cwd=top,
                              input="\0".join([root, *files]).encode("utf-8", "surrogateescape"),
                              capture_output=True, check=False)
    except OSError:
        return set()
    if done.returncode not in (0, 1):  # 1: nothing ignored; other codes: not a work tree
        return set()
    ignored = {p.decode("utf-8", "surrogateescape") for p in done.stdout.split(b"\0") if p}
    return set() if root in ignored else ignored  # a folder named on purpose is read whole


def refuse_whole_disk(path: str) -> None:
    """Raise ConfigError when `path` is the file system's root or the home folder: neither
    is an org's folder, and walking one reads every YAML file of the machine or the user."""
    real = os.path.realpath(path)
    home = os.path.realpath(os.path.expanduser("~"))
    if os.path.dirname(real) == real:
        why = M("{path}: will not walk the whole file system; name the org's folder (or set "
                "`root` in .orgspec.yaml)", path=path)
    elif real == home and home != os.path.dirname(home):
        why = M("{path}: will not walk the whole home folder; name the org's folder (or set "
                "`root` in .orgspec.yaml)", path=path)
    else:
        return
    from orgspec.load.config import ConfigError  # config reads globs from here: imported late

    raise ConfigError(why)


def _walk(root: str, include: list[str], exclude: list[str], found: Discovery,
          max_files: int = MAX_FILES, feed: Callable[[str], None] | None = None) -> None:
    """Add the files under `root` to `found`, each file's real path given to `feed` as it
    is added."""
    real_root = os.path.realpath(root)
    stack = [root]
    met = 0
    shown = Shown()
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
            names = _lower_names(entries)
        except OSError as exc:
            found.skipped.append(Skipped(display_path(folder), "IN013",
                                         M("cannot read folder: {why}",
                                           why=exc.strerror or str(exc))))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = _relative(entry.path, root) if exclude or include else ""
            if exclude and matches(rel, exclude):
                continue
            met += 1
            if met > max_files:
                from orgspec.load.config import ConfigError

                raise ConfigError(M("{path}: more than {limit} files and folders to walk; is "
                                    "this the org's folder? (`max-files` in the config raises "
                                    "the limit)", path=root, limit=max_files))
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif _pending_import(entry.name) and entry.is_file(follow_symlinks=False):
                found.skipped.append(Skipped(
                    shown.below(folder, entry.name), "IN018",
                    M("a re-import's update of {file}, which you edited, waits here: compare "
                      "the two, then move this file over {file} or delete it",
                      file=entry.name[:-len(".new")]), source=entry.path))
            elif not is_yaml_name(entry.name) and entry.is_file(follow_symlinks=False) and \
                    (meant := meant_name(entry.name, entry.path, names())) is not None and \
                    (not include or matches(rel[:-len(entry.name)] + meant, include)):
                # its text is kept (`Org.pending`): what it defines waits behind the IN019
                found.skipped.append(Skipped(
                    shown.below(folder, entry.name), "IN019",
                    M("left out of the org: orgspec reads only files whose names end in .yaml "
                      "or .yml; rename it to {meant!r} to have it read", meant=meant),
                    real=os.path.realpath(entry.path), source=entry.path))
                if feed is not None:
                    feed(found.skipped[-1].real)
            elif is_yaml_name(entry.name) or (entry.is_symlink() and _is_dir(entry.path)):
                if include and not entry.is_symlink() and not matches(rel, include):
                    continue
                before = len(found.files)
                _add_file(entry.path, real_root, found, explicit=False,
                          shown=shown.below(folder, entry.name), link=entry.is_symlink())
                if feed is not None and len(found.files) > before:
                    feed(found.files[-1].real)


def _lower_names(entries: list[os.DirEntry[str]]) -> Callable[[], frozenset[str]]:
    """The folder's names, lower-cased, made when first asked (a near-miss name is rare)."""
    made: list[frozenset[str]] = []

    def get() -> frozenset[str]:
        if not made:
            made.append(frozenset(e.name.lower() for e in entries))
        return made[0]
    return get


def _pending_import(name: str) -> bool:
    """Whether `name` is where `orgspec import` put its version of a file the user edited
    (`TEAM.yaml.new`: `orgspec.adopt.write.BESIDE`)."""
    return name.lower().endswith(".new") and is_yaml_name(name[:-len(".new")])


def _relative(path: str, root: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


def _is_dir(path: str) -> bool:
    return os.path.isdir(path)


def _add_file(path: str, real_root: str, found: Discovery, explicit: bool,
              shown: str | None = None, link: bool | None = None) -> None:
    """Add the file at `path` (`shown`: its display path, when known) or say why not.
    `link`: whether it is a symlink, when the walk's folder entry said (no `lstat`: 500
    system calls at 500 teams)."""
    shown = shown if shown is not None else display_path(path)
    if os.path.islink(path) if link is None else link:
        target = os.path.realpath(path)
        inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
        if not inside:
            found.skipped.append(Skipped(shown, "IN011",
                                         M("symlink points outside the org root; not "
                                           "followed")))
            return
        if os.path.isdir(target):
            return  # a folder link inside the root: its files are reached directly
        path = target
    try:  # `path` is a link here only when realpath could not resolve it: a loop (ELOOP)
        mode = os.stat(path).st_mode
    except OSError as exc:
        found.skipped.append(Skipped(shown, "IN013", M("cannot read file: {why}",
                                                       why=exc.strerror or str(exc))))
        return
    if not stat.S_ISREG(mode):
        found.skipped.append(Skipped(shown, "IN012",
                                     M("not a regular file (FIFO, device or socket); skipped")))
        return
    if explicit or is_yaml_name(path):
        found.files.append(Candidate(shown, path))
