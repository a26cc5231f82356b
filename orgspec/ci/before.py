"""The ids some org files define, as committed and as they are now: what a narrowed run
(`check org/teams.yaml`) reads to tell the findings its files caused elsewhere.

Renaming or removing a team in `org/teams.yaml` leaves references to its old id in the
positions, duties and OKR files: RF001 there, caused by the named file. The ids the named
files defined at git `HEAD` (read with one `git cat-file --batch`, and one `git ls-tree` per
named folder), and those they define now (a reference to one of the wrong kind), are the
ids whose unknown references the narrowed run keeps (`engine.lint.focus`). Outside git, or
for a file git does not track, only the ids defined now count. Git failing is no error:
the run then knows less, never stops.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Iterator

from orgspec.load.discovery import is_yaml_name
from orgspec.load.loader import RawEntity, RawFile, load_bytes, load_files
from orgspec.paths import display_path, git_top

_GIT_SECONDS = 10  # a git that hangs (a lock, a network file system) must not hang a save


def defined_by(paths: list[str], include: list[str] | None = None,
               exclude: list[str] | None = None) -> frozenset[str]:
    """The ids (and `aliases`) of the entities the org files at `paths` (files, or folders
    of them) define now or defined at git `HEAD`; `include`/`exclude` the config's globs for
    a folder's walk now. Never raises for git (missing, no repository, no `HEAD`)."""
    ids = set(_ids(load_files(paths, include, exclude, respect_gitignore=False).entities))
    for raw in committed(paths):
        ids.update(_ids(raw.entities))
    return frozenset(ids)


def work_tree(targets: list[str]) -> str | None:
    """The top of the git work tree the first of `targets` (the org's files or folders) is
    in; None outside git. A folder is asked itself: the org at the work tree's top (`check
    .`) is in it, where its parent is not (trial 31b: a deleted file said nothing there)."""
    first = os.path.abspath(targets[0]) if targets else ""
    return git_top(first if os.path.isdir(first) else os.path.dirname(first)) if first \
        else None


def committed(paths: list[str]) -> Iterator[RawFile]:
    """The org files at `paths` as git `HEAD` holds them, each read by the loader (the
    files under a folder named: those git tracks with a YAML name). None outside git."""
    top = work_tree(paths)
    if top is None:
        return
    real_top = os.path.realpath(top)
    rels: list[str] = []
    for path in paths:
        rel = os.path.relpath(os.path.realpath(path), real_top)
        if rel.startswith(".."):
            continue  # in another work tree: passed over
        rel = rel.replace(os.sep, "/")
        if os.path.isdir(path):
            rels.extend(r for r in _tracked(top, rel) if is_yaml_name(r))
        else:
            rels.append(rel)
    if not rels:
        return
    done = _git(["cat-file", "--batch"], top, "".join(f"HEAD:{r}\n" for r in rels).encode())
    if done is None:
        return
    yield from _blobs(done, rels)


def at_head(top: str, rels: list[str], now: list[str]) -> list[RawFile]:
    """The files `rels` (POSIX paths relative to the work tree `top`) as git `HEAD` holds
    them, each read by the loader under the name the working directory shows it by
    (`display_path`, as a check names the files it reads): a file deleted since, checked as
    if it were there, but without the entities whose id (or an alias) the org files at
    `now` define now (moved to another file: with them it would define them twice). A file
    `HEAD` does not hold is left out; [] when git fails."""
    done = _git(["cat-file", "--batch"], top, "".join(f"HEAD:{r}\n" for r in rels).encode())
    if done is None:
        return []
    files = list(_blobs(done, rels, lambda rel: display_path(os.path.join(top, rel))))
    if files:
        defined = set(_ids(load_files(now, respect_gitignore=False).entities))
        for raw in files:
            raw.entities = [e for e in raw.entities if defined.isdisjoint(_ids([e]))]
    return files


def _tracked(top: str, rel: str) -> list[str]:
    done = _git(["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", rel], top)
    return [n for n in (done or b"").decode("utf-8", "replace").split("\0") if n]


def _blobs(out: bytes, rels: list[str],
           shown: Callable[[str], str] = str) -> Iterator[RawFile]:
    """`git cat-file --batch`'s answer for `rels`, in their order: per file a header
    (`SHA blob SIZE`, or `NAME missing` for one git does not hold) and its bytes, read by
    the loader under the name `shown(rel)`."""
    at = 0
    for rel in rels:
        end = out.find(b"\n", at)
        if end < 0:
            return
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            continue  # missing, or a folder where a file is now
        size = int(header[2])
        data = out[at:at + size]
        at += size + 1  # the blob's bytes are followed by a newline
        yield load_bytes(shown(rel), data)


def head_specs(top: str, targets: list[str]) -> list[str]:
    """The git pathspecs of `targets` (the org's files or folders) inside the repository at
    `top`, "/"-separated; those outside it left out."""
    real_top = os.path.realpath(top)
    return [rel.replace(os.sep, "/") for path in targets
            if not (rel := os.path.relpath(os.path.realpath(path), real_top)).startswith("..")]


def git_out(args: list[str], cwd: str, stdin: bytes = b"") -> bytes | None:
    """What `git ARGS` run in `cwd` printed; None when git is missing, fails or hangs."""
    return _git(args, cwd, stdin)


def _git(args: list[str], cwd: str, stdin: bytes = b"") -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True,
                              check=False, timeout=_GIT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _ids(entities: Iterable[RawEntity]) -> Iterator[str]:
    for entity in entities:
        ident = entity.data.get("id")
        if isinstance(ident, str):
            yield ident
        aliases = entity.data.get("aliases")
        if isinstance(aliases, list):
            yield from (a for a in aliases if isinstance(a, str))
