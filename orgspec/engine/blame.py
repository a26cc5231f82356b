"""Which of two definitions of one id a duplicate-id finding (RF002) is reported at: the one
written more recently, where the user is at work, not the long-standing one that happens to
be read later.

Validation registers files in path order, so the second definition read is the duplicate
(`model.validate`): `org/more.yaml` makes `org/people.yaml`, which has defined the person for
a year, the one blamed. `blame_newer` moves each such finding to its other definition when
that one is newer: in a git work tree, a file with uncommitted changes (untracked, modified,
added) is newer than a committed one, two uncommitted files by their modification time, two
committed ones by their last commit's time; outside git the path order stands. `blame_in`
does the same for a set of files preferred outright (those staged under `--staged`, where
the index is linted outside git). Naming files (`check FILE`) moves nothing: a duplicate
whose other definition is in a named file is shown as the whole org's run shows it. Git
is asked only when a duplicate spans two files, about those
files alone (one `git status`, one `git log` per committed file).

The choice depends on git's state, which no file's content shows (a commit, `git add`,
`git rm --cached`), so it is made after the result cache, on every run. With a cache, git's
answer is kept under a stamp of what it depends on (`_stamp`: the files' and the index's
identity, size and times, `HEAD` and the ref it names): a re-check with nothing changed
reads the stamp (a few `stat`s) instead of running git.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from orgspec.findings import Finding, Related, sort_findings
from orgspec.i18n import M, said_from

if TYPE_CHECKING:
    from orgspec.load.cache import Cache

DUPLICATE_ID = "RF002"
Newer = Callable[[str, str], bool]  # whether the first file is to be blamed over the second


def blame_newer(findings: list[Finding], lang: str | None = None,
                cache: Cache | None = None) -> list[Finding]:
    """`findings` with each duplicate id spanning two files reported at the newer file's
    definition (see the module), sorted again when one moved; the fingerprints stay. The
    same list when none moved. `cache`: where git's answers are kept (see the module)."""
    pairs = [f for f in findings if _spans_files(f)]
    if not pairs:
        return findings
    files = {path for f in pairs for path in (f.location.file, f.related[0].location.file)}
    ages = _ages(sorted(files), cache)
    if ages is None:
        return findings
    return _moved(findings, lambda a, b: ages[a] > ages[b], lang)


def blame_in(findings: list[Finding], preferred: Callable[[str], bool],
             lang: str | None = None) -> list[Finding]:
    """`findings` with each duplicate id spanning two files reported at the definition in
    a `preferred` file when the other is in none."""
    return _moved(findings, lambda a, b: preferred(a) and not preferred(b), lang)


def _spans_files(f: Finding) -> bool:
    return f.code == DUPLICATE_ID and bool(f.related) and \
        f.related[0].location.file != f.location.file


def _moved(findings: list[Finding], newer: Newer, lang: str | None) -> list[Finding]:
    out, moved = [], False
    for f in findings:
        if _spans_files(f) and newer(f.related[0].location.file, f.location.file):
            out.append(_swapped(f, lang))
            moved = True
        else:
            out.append(f)
    return sort_findings(out) if moved else findings


def _swapped(f: Finding, lang: str | None) -> Finding:
    """`f` at its first related location (the other definition), which becomes the related
    one; a message naming both entities (`'a' here, 'b' where it was first defined`) has
    the two names swapped with them."""
    first = f.related[0]
    message = f.message
    source = getattr(message, "source", message)
    if isinstance(source, M) and {"name", "first"} <= source.values.keys():
        values = source.values
        turned = M(source.template, **{**values, "name": values["first"],
                                       "first": values["name"]})
        message = said_from(turned, lang) if lang and message is not source else turned
    return replace(f, message=message, location=first.location,
                   related=(Related(f.location, first.message), *f.related[1:]))


Ages = dict[str, tuple[bool, float]]  # file -> (has uncommitted changes, last changed)


def _ages(files: list[str], cache: Cache | None = None) -> Ages | None:
    """Each file's (has uncommitted changes, when it last changed), for files of one git
    work tree; None outside git, or when git cannot answer. From `cache` when git's state
    and the files are as they were when it answered (`_stamp`)."""
    from orgspec.paths import git_top

    real = {f: os.path.realpath(f) for f in files}
    tops = {git_top(os.path.dirname(r)) for r in real.values()}
    if len(tops) != 1 or None in tops:
        return None
    top = str(next(iter(tops)))
    stamp = _stamp(top, sorted(set(real.values()))) if cache is not None else None
    if cache is None or stamp is None:
        return _asked(top, real)
    from orgspec.load.cache import make_key

    key = make_key("blame", stamp)
    known = cache.get("blame", key, dict)
    if known is not None and set(known) == set(real.values()):
        return {shown: known[path] for shown, path in real.items()}
    ages = _asked(top, real)
    # kept only when nothing changed while git answered
    if ages is not None and _stamp(top, sorted(set(real.values()))) == stamp:
        cache.put("blame", key, {real[shown]: age for shown, age in ages.items()})
    return ages


def _stamp(top: str, paths: list[str]) -> str | None:
    """What `_asked` depends on, read without running git: the identity (inode), size and
    times of each file, of the index, of `HEAD`, of the branch it names (a loose ref, the
    packed refs, a reftable) in the git folder of the work tree `top` (a linked worktree's
    own and the common one); None when the git folder cannot be read this way (`GIT_DIR`
    set, a `.git` file that names none)."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_INDEX_FILE"):
        return None
    own = _git_folder(top)
    if own is None:
        return None
    common = own
    try:
        with open(os.path.join(own, "commondir"), encoding="utf-8") as handle:
            common = os.path.join(own, handle.read().strip())
    except OSError:
        pass
    try:
        with open(os.path.join(own, "HEAD"), encoding="utf-8") as handle:
            head = handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None
    ref = head[4:].strip() if head.startswith("ref:") else ""
    watched = [os.path.join(own, "index"), os.path.join(own, "HEAD"),
               os.path.join(common, "packed-refs"),
               os.path.join(common, "reftable", "tables.list"),
               *([os.path.join(common, ref), os.path.join(own, ref)] if ref else []),
               *paths]
    return "\n".join([top, head, *(f"{p}\0{_stat(p)}" for p in watched)])


def _git_folder(top: str) -> str | None:
    """The git folder of the work tree `top`: `.git`, or the folder a `.git` file names
    (`gitdir: ...`, a linked worktree or a submodule)."""
    dot = os.path.join(top, ".git")
    if os.path.isdir(dot):
        return dot
    try:
        with open(dot, encoding="utf-8") as handle:
            line = handle.readline().strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not line.startswith("gitdir:"):
        return None
    folder = os.path.join(top, line[len("gitdir:"):].strip())
    return folder if os.path.isdir(folder) else None


def _stat(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _asked(top: str, real: dict[str, str]) -> Ages | None:
    """`_ages` from git: one `git status`, one `git log` per committed file."""
    # no optional locks: status does not rewrite the index (refreshing its stat data),
    # which would change the stamp it is kept under (`_stamp`) on every run
    status = _git(top, "--no-optional-locks", "status", "--porcelain=v1", "-z",
                  "--untracked-files=all", "--", *real.values())
    if status is None:
        return None
    dirty = {os.path.realpath(os.path.join(top, entry[3:]))
             for entry in status.split("\0") if len(entry) > 3}
    ages = {}
    for shown, path in real.items():
        committed = None if path in dirty else _git(top, "log", "-1", "--format=%ct", "--",
                                                     path)
        if committed and committed.strip().isdigit():
            ages[shown] = (False, float(committed))
        else:  # uncommitted, or never committed
            ages[shown] = (True, _mtime(path))
    return ages


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _git(top: str, *args: str) -> str | None:
    import subprocess  # imported when git is asked: most runs ask it nothing

    try:
        done = subprocess.run(["git", *args], cwd=top, capture_output=True, check=False,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def staged_files(top: str) -> set[str] | None:
    """The real paths of the files staged with changes in the git work tree `top`."""
    listed = _git(top, "diff", "--cached", "--name-only", "-z")
    if listed is None:
        return None
    return {os.path.realpath(os.path.join(top, name)) for name in listed.split("\0") if name}


def within(paths: Iterable[str]) -> Callable[[str], bool]:
    """Whether a file (as a finding names it) is one of `paths` or lies below one of them
    that is a folder."""
    wanted = {os.path.realpath(p) for p in paths}
    below = tuple(w.rstrip(os.sep) + os.sep for w in wanted if os.path.isdir(w))

    def inside(file: str) -> bool:
        real = os.path.realpath(file)
        return real in wanted or real.startswith(below)

    return inside
