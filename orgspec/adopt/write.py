"""Put an import on disk without ever losing a hand edit.

The manifest `DIR/.orgspec-import.json` records the SHA-256 of every file the importer wrote
and the ids it had to make up. On a re-import, per file:

- missing, or still byte-for-byte what was imported: (re)written;
- already equal to the new text, or saying the same (`same`: a comment or a field's place
  aside): left alone;
- changed since the import (or never ours), where the new text keeps all it says and only
  adds to it (`keeps`: a new hire; the fields the user added were read back from the org in
  the folder, as a `parent:` added by hand): updated in place;
- else changed: kept, and the new text goes to `NAME.yaml.new` (not an org file: `orgspec
  check` reports it as pending, IN018) - unless `force`;
- imported before but no longer produced: removed if unchanged, else kept and reported.

A `NAME.yaml.new` left by an earlier import is superseded once a re-import settles
`NAME.yaml` (written, updated, or found to say what the import says): it is removed when it
is byte-for-byte what orgspec wrote there (the manifest records that too) and what
`NAME.yaml` now holds, so nothing in it is lost; else it is kept and reported as obsolete
(`Outcome.obsolete`), for the user to delete.

Only the manifest and the bytes of files are read here, never their YAML (`same` and `keeps`
are the importer's, by the loader): reading org files is the loader's job, writing them
`orgspec.output`'s.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from orgspec import output
from orgspec.i18n import M, reason

MANIFEST = ".orgspec-import.json"
BESIDE = ".new"


Carry = Callable[[bytes, bytes], tuple[bytes, list[tuple[int, int, str]]]]


class AdoptError(Exception):
    """A source or output folder the importer cannot use: one line, exit 2. `texts`: what
    the source says that the line quotes (a roster's header), whose language it is said in
    when neither --lang nor the config sets one."""

    def __init__(self, message: str, texts: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.texts = texts


@dataclass
class Manifest:
    source: str | None = None
    files: dict[str, str] = field(default_factory=dict)  # name -> sha256 as written
    ids: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> source key -> id
    beside: dict[str, str] = field(default_factory=dict)  # NAME.new -> sha256 as written


@dataclass
class Outcome:
    """What a write did, file names relative to the output folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    beside: list[str] = field(default_factory=list)  # edited by hand: new text in NAME.new
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # no longer produced, but edited: kept
    pending: list[str] = field(default_factory=list)  # NAME.new in the folder, this run's or not
    merged: list[str] = field(default_factory=list)  # edited, updated keeping the user's values
    cleared: list[str] = field(default_factory=list)  # an earlier NAME.new, now NAME's: removed
    obsolete: list[str] = field(default_factory=list)  # an earlier NAME.new NAME settled: kept
    # NAME -> the user's comments in NAME that the new text has no place for: (line, column,
    # comment); the others were carried into what was written (NAME, or NAME.new)
    lost: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    first_manifest: bool = False  # the folder's manifest written for the first time

    @property
    def changed(self) -> bool:
        return bool(self.written or self.merged or self.beside or self.removed)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AdoptError(M("cannot read {path!r}: {why}", path=path,
                           why=reason(exc))) from None


def read_manifest(folder: str) -> Manifest:
    """The manifest of an earlier import into `folder`, or an empty one."""
    path = os.path.join(folder, MANIFEST)
    data = _read(path)
    if data is None:
        return Manifest()
    try:
        doc: Any = json.loads(data.decode("utf-8"))
        files = {str(k): str(v) for k, v in doc["files"].items()}
        ids = {str(kind): {str(k): str(v) for k, v in table.items()}
               for kind, table in doc.get("ids", {}).items()}
        beside = {str(k): str(v) for k, v in doc.get("beside", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise AdoptError(M("{where}: not an orgspec import manifest; move it away or import "
                           "into another folder", where=path)) from None
    for name in [*files, *beside]:
        if not plain_name(name):
            # A manifest is only a file in the user's folder: anyone can edit it, so a name
            # is never trusted to point anywhere but a plain file in this folder.
            raise AdoptError(M("{where}: lists {name!r}, which is not a file name in this "
                               "folder; orgspec wrote no such file - fix or remove the manifest",
                               where=path, name=name))
    return Manifest(doc.get("source"), files, ids, beside)


def plain_name(name: str) -> bool:
    """Whether `name` is one file name with no folder part (what the importer writes)."""
    return (name not in ("", ".", "..") and not any(c in name for c in "/\\\0")
            and ":" not in name[1:2])  # no drive (C:x) either


def _ours(folder: str, name: str) -> bool:
    """Whether `folder/name` is a regular file really inside `folder` (no symlink out)."""
    path = os.path.join(folder, name)
    if os.path.islink(path) or not os.path.isfile(path):
        return False
    root = os.path.realpath(folder)
    return os.path.dirname(os.path.realpath(path)) == root


def _superseded(folder: str, name: str, old: Manifest, out: Outcome,
                beside: dict[str, str]) -> None:
    """An earlier import's `name.new` once this one settled `name`: removed when it is what
    orgspec wrote there and what `name` holds now, else kept (its digest still recorded)."""
    new = name + BESIDE
    if not _ours(folder, new):
        return
    held = _read(os.path.join(folder, new))
    if held is not None and digest(held) == old.beside.get(new) and \
            held == _read(os.path.join(folder, name)):
        output.remove_file(os.path.join(folder, new))
        out.cleared.append(new)
        return
    out.obsolete.append(new)
    if new in old.beside:
        beside[new] = old.beside[new]


def _refuse_links_out(folder: str, files: dict[str, str]) -> None:
    """Raise AdoptError, before anything is written, when a file the import may write is a
    symbolic link it would write through: any `NAME.new` (the import's own, never a link: one
    planted as a link to `~/.bashrc` or to another team's file would replace it), and a
    `NAME` that links out of `folder`."""
    if not os.path.isdir(folder):
        return
    root = os.path.realpath(folder)
    for name in sorted(files):
        for target in (name, name + BESIDE):
            path = os.path.join(folder, target)
            if os.path.islink(path) and (target != name or
                                         os.path.dirname(os.path.realpath(path)) != root):
                raise AdoptError(M("refusing to write {name!r} in {folder!r}: it is a "
                                   "symbolic link, which the import would write through; "
                                   "delete the link", name=target, folder=folder))


MASS = 4  # an earlier import of fewer files may lose most of them to an honest change


def _refuse_mass_removal(folder: str, files: dict[str, str], earlier: set[str]) -> None:
    """Raise AdoptError, before anything is written, when this import would remove more
    than half of the files an earlier import wrote (at least MASS of them): a roster of one
    sheet (the interns), a filtered export or the wrong file, not a reorganisation."""
    gone = sorted(name for name in earlier - set(files)
                  if os.path.exists(os.path.join(folder, name)))
    if len(earlier) >= MASS and len(gone) * 2 > len(earlier):
        raise AdoptError(M("{folder!r}: this import would remove {n} of the {total} files an "
                           "earlier import wrote ({files}): is this the whole org, not one "
                           "sheet or a filtered export? Nothing was written; --force removes "
                           "them", folder=folder, n=len(gone), total=len(earlier),
                           files=gone[:5] + (["…"] if len(gone) > 5 else [])))


@dataclass(frozen=True)
class Rules:
    """The importer's judgements of an edited file (see `write_draft`)."""

    same: Callable[[bytes, bytes], bool] | None = None
    keeps: Callable[[bytes, bytes], bool] | None = None
    own: Callable[[bytes, bytes], bytes] | None = None
    carry: Carry | None = None


def _settle(name: str, data: bytes, now: bytes | None, was: str | None, force: bool,
            rules: Rules) -> tuple[str, bytes, bytes, list[tuple[int, int, str]]]:
    """What becomes of file `name` (its bytes `now`, None if missing; `was`: the digest the
    manifest records) given the new text `data`: ("unchanged" | "same" | "written" |
    "merged" | "beside", the new text with the user's fields kept, that with their comments
    carried too (what is written), the comments lost)."""
    if now is not None and rules.own is not None and not force and digest(now) != was:
        data = rules.own(now, data)
    if now == data:
        return "unchanged", data, data, []
    if now is not None and not force and digest(now) != was and \
            rules.same is not None and rules.same(now, data):
        return "same", data, data, []
    if now is None or force or digest(now) == was:
        return "written", data, data, []
    mine, lost = rules.carry(now, data) if rules.carry is not None else (data, [])
    if not lost and rules.keeps is not None and rules.keeps(now, data):
        return "merged", data, mine, []
    return "beside", data, mine, lost


def goes_beside(files: dict[str, str], folder: str, force: bool, rules: Rules) -> set[str]:
    """The names of `files` whose new text `write_draft` would put beside them (NAME.new),
    the user having edited them; nothing is written."""
    if force or not os.path.isdir(folder):
        return set()
    old = read_manifest(folder)
    return {name for name, text in files.items()
            if _settle(name, text.encode("utf-8"), _read(os.path.join(folder, name)),
                       old.files.get(name), force, rules)[0] == "beside"}


def write_draft(files: dict[str, str], folder: str, source: str,
                ids: dict[str, dict[str, str]], force: bool = False,
                same: Callable[[bytes, bytes], bool] | None = None,
                keeps: Callable[[bytes, bytes], bool] | None = None,
                own: Callable[[bytes, bytes], bytes] | None = None,
                carry: Carry | None = None, adopted: dict[str, str] | None = None) -> Outcome:
    """Write `files` (name -> text) into `folder` by the rules above; update the manifest.
    `adopted` (name -> SHA-256): files orgspec wrote there, not as an import (`orgspec
    init`'s example org, untouched), taken as an earlier import's files still as written:
    replaced by this import's file of the name, else removed.
    An edited file that `same(its bytes, the new bytes)` finds to say what the import says
    (the user added a field the source does not give, or a comment) is unchanged: no
    `NAME.new`; one whose every value the new text keeps (`keeps(its bytes, the new
    bytes)`: the fields it added were read back into the import) is updated in place
    (`Outcome.merged`). `own(its bytes, the new bytes)` gives the new bytes of an edited
    file with the fields the user added there kept, before all that is decided.
    `Outcome.pending` lists every `NAME.new` then in the folder.
    `carry(its bytes, the new bytes)` gives the new bytes with the user's comments in them
    and the comments it found no place for: an edited file is updated in place only when
    none is lost, else the carried text goes to `NAME.new` and `Outcome.lost` names them."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise AdoptError(M("{folder!r} is not a folder", folder=folder))
    old = read_manifest(folder)
    old.files = (adopted or {}) | old.files
    if old.source not in (None, source):
        raise AdoptError(M("{folder!r} holds an import from {old}; import {source} into "
                           "another folder (one importer per folder)", folder=folder,
                           old=old.source, source=source))
    for name in files:
        if not plain_name(name):
            raise AdoptError(M("refusing to write {name!r}: not a file name in {folder!r}",
                               name=name, folder=folder))
    _refuse_links_out(folder, files)
    if not force:
        _refuse_mass_removal(folder, files, set(old.files) - set(adopted or {}))
    output.make_dirs(folder)
    out, recorded, beside = Outcome(), {}, {}
    for name, text in sorted(files.items()):
        path = os.path.join(folder, name)
        how, data, mine, lost = _settle(name, text.encode("utf-8"), _read(path),
                                        old.files.get(name), force, Rules(same, keeps, own, carry))
        recorded[name] = digest(data)  # a merged file's carried comments make it the user's
        if how == "unchanged":
            out.unchanged.append(name)
        elif how == "same":
            out.unchanged.append(name)
            recorded[name] = old.files.get(name, "")  # the user's: still not ours
        elif how in ("written", "merged"):
            output.write_bytes(path, mine)
            (out.written if how == "written" else out.merged).append(name)
        else:
            if lost:
                out.lost[name] = lost
            output.write_bytes(path + BESIDE, mine)
            out.beside.append(name)
            beside[name + BESIDE] = digest(mine)
            recorded[name] = old.files.get(name, "")  # still not ours until merged by hand
    for name in sorted(set(old.files) - set(files)):
        path = os.path.join(folder, name)
        now = _read(path)
        if now is not None and _ours(folder, name) and (force or digest(now) == old.files[name]):
            output.remove_file(path)
            out.removed.append(name)
        elif now is not None:
            out.stale.append(name)
    for name in sorted(set(files) - set(out.beside)):
        _superseded(folder, name, old, out, beside)
    out.pending = sorted(name + BESIDE for name in set(files) | set(old.files)
                         if os.path.isfile(os.path.join(folder, name + BESIDE))
                         and name + BESIDE not in out.obsolete)
    doc = {"source": source, "files": recorded, "ids": ids} | \
        ({"beside": beside} if beside else {})
    manifest = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    held = _read(os.path.join(folder, MANIFEST))
    if held is None and not out.changed and not any(recorded.values()) and \
            not any(ids.values()):
        return out  # nothing written, none of it ours, no id made up: the folder is as it was
    if manifest.encode("utf-8") != held:
        output.write_text(os.path.join(folder, MANIFEST), manifest)
        out.first_manifest = held is None
    return out
