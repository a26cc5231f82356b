"""Pull-request mode: lint the org at a base revision and at the working tree, compare.

The base is read with `git archive` into a temporary folder; the working tree is never
touched. Findings match by fingerprint, which ignores line numbers, so moved text does not
count as new.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from orgspec.ci.unaliased import Guessed, unaliased
from orgspec.engine.blame import blame_in, staged_files
from orgspec.findings import Finding, LintResult, Location, Related
from orgspec.i18n import M, reason, say
from orgspec.load.config import Config
from orgspec.model.graph import display_name, named
from orgspec.model.idnames import name_id
from orgspec.model.krname import SHOWN
from orgspec.model.models import KINDS, is_placeholder, is_vacant
from orgspec.model.org import Org, ident_of, node_key
from orgspec.paths import display_path
from orgspec.text.shorten import shorten

if TYPE_CHECKING:
    from orgspec.engine.holdback import Held


class GitError(Exception):
    """git could not give the base revision (exit 2); the message is an `M`."""


@dataclass
class OrgDiff:
    """What changed between the base and the working tree."""

    new: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    # gone from the working tree, but not checked there (their file did not load, or they
    # were held back behind another finding: `held`, a part of them): not fixed
    unknown: list[Finding] = field(default_factory=list)
    held: list[Finding] = field(default_factory=list)
    # new findings of the head held back behind an unknown reference to an id renamed
    # without `aliases` (`unaliased`), by the place of the RF001 that reports it
    behind: dict[tuple[str, int, int], list[Held]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)  # `M`s: English, said in any language
    # kind -> former id -> (current id, what they share): renamed without `aliases`
    unaliased: dict[str, Guessed] = field(default_factory=dict)


Moved = dict[str, dict[str, str]]  # kind -> former id -> current id (`_renamed`)


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(M("cannot run git: {why}", why=reason(exc))) from None


def _toplevel(flag: str) -> str:
    done = _git(["rev-parse", "--show-toplevel"], os.getcwd())
    if done.returncode != 0:
        raise GitError(M("{flag} needs a git repository", flag=flag))
    return done.stdout.decode().strip()


def check_ref(ref: str) -> None:
    """Raise GitError for a revision git would read as an option (`--output=FILE` wrote a
    file; `--end-of-options` guards the call too, this says so in one line first), an
    empty or blank one, and one with a line break or control character."""
    if not ref:
        raise GitError(M("not a git revision: {ref!r} (it is empty)", ref=ref))
    if not ref.strip():
        raise GitError(M("not a git revision: {ref!r} (it holds only blanks)", ref=ref))
    if ref.startswith("-"):
        raise GitError(M("not a git revision: {ref!r} (a revision cannot start with '-')",
                           ref=ref))
    if not ref.replace(" ", "").isprintable():  # a blank is fine (`:/fix the bug`)
        # a line break, control character or an argv byte that is not UTF-8: git would
        # answer in several lines, or of bytes no output can show
        raise GitError(M("not a git revision: {ref!r} (a revision holds no line break or "
                         "control character)", ref=ref))


def _extract(ref: str, top: str, rels: list[str], into: str) -> None:
    """`git archive` of `rels` at `ref` (checked by `lint_at`, its one caller) into `into`."""
    # --end-of-options: `ref` is user input and never an option. No `--` after it: git
    # archive then takes `--` as a path (git 2.39); the paths are literal, not pathspec magic.
    done = _git(["--literal-pathspecs", "archive", "--format=tar", "--end-of-options", ref,
                 *rels], top)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if message and "did not match any files" in message[-1]:
            return  # the org did not exist at the base: everything is new
        last = message[-1] if message else ""
        if "not a valid object name" in last or "unknown revision" in last:
            if _shallow(top):
                raise GitError(M("git has no revision {ref!r}: this clone is shallow (a CI "
                                 "checkout of the last commits only); fetch the history with "
                                 "`git fetch --unshallow`, or set `GIT_DEPTH: 0` in "
                                 "GitLab CI, `fetch-depth: 0` in GitHub Actions", ref=ref))
            near = _near_branch(ref, top)
            if near:
                raise GitError(M("git has no revision {ref!r} (a branch, tag or commit): did "
                                 "you mean {near!r}?", ref=ref, near=near))
            raise GitError(M("git has no revision {ref!r} (a branch, tag or commit)", ref=ref))
        raise GitError(M("git archive {ref} failed: {detail}", ref=ref, detail=last or "?"))
    _untar(done.stdout, into)
    listed = _git(["--literal-pathspecs", "ls-tree", "-r", "-z", "--end-of-options", ref, "--",
                   *rels], top)
    if listed.returncode == 0:
        _submodules(top, listed.stdout, into, sha_field=2)


def _submodules(top: str, listing: bytes, into: str, sha_field: int) -> None:
    """Each submodule in `listing` (`git ls-tree -r -z`, the commit in field 2, or `git
    ls-files -s -z`, in field 1) written into `into` as the commit it records holds it, read
    from its checkout under `top`: `git archive` and `git checkout-index` leave a submodule
    out, so the org's files kept in one (people shared by several repositories) were missing
    from the base alone. One not checked out, or without that commit, stays out, as the
    working tree has none of its files either."""
    for entry in listing.split(b"\0"):
        head, _, path = entry.partition(b"\t")
        fields = head.split()
        if not path or len(fields) <= sha_field or fields[0] != b"160000":
            continue
        rel = os.fsdecode(path)
        checkout = os.path.join(top, rel)
        if not os.path.exists(os.path.join(checkout, ".git")):
            continue
        done = _git(["archive", "--format=tar", fields[sha_field].decode("ascii", "replace")],
                    checkout)
        if done.returncode == 0:
            _untar(done.stdout, os.path.join(into, rel))


def _untar(data: bytes, into: str) -> None:
    """Extract the tar `data` git wrote into the folder `into`."""
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter=_links_kept)  # noqa: S202 (the data filter, see there)
        else:  # Python < 3.11.4: git wrote the archive, but check the names anyway
            safe = [m for m in tar.getmembers() if (m.isfile() or m.isdir())
                    and not m.name.startswith("/") and ".." not in m.name.split("/")]
            tar.extractall(into, members=safe)  # noqa: S202


# the default branch's two usual names: `--diff main` in a repository whose branch is
# `master` (trial 36) means the other
_DEFAULT_NAMES = {"main": "master", "master": "main"}


def _near_branch(ref: str, top: str) -> str | None:
    """The branch `ref` most likely means when git has no such revision: `master` for
    `main` and back, with or without the remote (`origin/main`), else the one branch whose
    name is close to it; None when none is."""
    import difflib

    done = _git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes"],
                top)
    if done.returncode != 0:
        return None
    branches = [b for b in done.stdout.decode("utf-8", "replace").splitlines()
                if b and not b.endswith("/HEAD")]
    remote, _, name = ref.rpartition("/")
    other = _DEFAULT_NAMES.get(name)
    if other is not None:
        for candidate in (f"{remote}/{other}" if remote else other, other, f"origin/{other}"):
            if candidate in branches:
                return candidate
    close = difflib.get_close_matches(ref, branches, n=2, cutoff=0.75)
    return close[0] if len(close) == 1 else None


def _shallow(top: str) -> bool:
    """Whether the repository at `top` is a shallow clone (CI checkouts often are)."""
    done = _git(["rev-parse", "--is-shallow-repository"], top)
    return done.returncode == 0 and done.stdout.strip() == b"true"


def _links_kept(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """tarfile's `data` filter, but a symlink leaving the org (`/etc/passwd`, `../..`) is
    extracted as it is, which the data filter refuses (AbsoluteLinkError: an internal error):
    the loader reports it (IN011) and never follows it, as in the working tree. The `tar`
    filter still keeps every member's own path inside `path`."""
    try:
        return tarfile.data_filter(member, path)
    except (tarfile.AbsoluteLinkError, tarfile.LinkOutsideDestinationError):
        if not member.issym():
            raise
        return tarfile.tar_filter(member, path)


Lint = Callable[[list[str], Config], tuple[LintResult, Org]]


def lint_at(ref: str, paths: list[str], config: Config, lint_org: Lint,
            flag: str = "--diff") -> tuple[LintResult, Org]:
    """Lint the org as it was at `ref` with `lint_org` (the engine's, passed down by the run,
    so this stage does not import the engine); file names are given as in the working tree.
    `flag` is the option that asked for `ref`, named in a GitError.
    Raises GitError (a bad `ref`, no repository, git failing)."""
    check_ref(ref)
    top = _toplevel(flag)
    rels = [os.path.relpath(os.path.abspath(p), top) for p in paths]
    if any(r.startswith("..") for r in rels):
        raise GitError(M("{flag} needs the org inside the git repository", flag=flag))
    with tempfile.TemporaryDirectory(prefix="orgspec-base-") as tmp:
        _extract(ref, top, rels, tmp)
        base_paths = [os.path.join(tmp, r) for r in rels if os.path.exists(os.path.join(tmp, r))]
        if not base_paths:
            return LintResult([]), Org()
        result, org = lint_org(base_paths, config)
    result.findings = [_rebase(f, tmp, top) for f in result.findings]
    _rebase_files(result, tmp, top)
    staged = staged_files(top)
    if staged:  # an id defined again in a staged file is reported there
        result.findings = blame_in(result.findings,
                                   lambda f: os.path.realpath(f) in staged, result.lang)
    return result, org


def lint_staged(paths: list[str], config: Config, lint_org: Lint) -> tuple[LintResult, Org]:
    """Lint the org as it is staged for commit (git's index), not as the working tree has
    it: an untracked draft cannot make a broken commit pass, and an unstaged fix cannot
    hide a staged mistake. `lint_org` as for `lint_at`; file names as in the working tree."""
    top = _toplevel("--staged")
    rels = [os.path.relpath(os.path.abspath(p), top) for p in paths]
    if any(r.startswith("..") for r in rels):
        raise GitError(M("{flag} needs the org inside the git repository", flag="--staged"))
    with tempfile.TemporaryDirectory(prefix="orgspec-index-") as tmp:
        listed = _git(["ls-files", "-z", "--cached", "--", *rels], top)
        if listed.returncode != 0:
            raise GitError(M("git {command} failed: {detail}", command="ls-files",
                             detail=listed.stderr.decode("utf-8", "replace").strip()))
        try:
            done = subprocess.run(["git", "checkout-index", "-z", "--stdin", f"--prefix={tmp}/"],
                                  cwd=top, input=listed.stdout, capture_output=True, check=False)
        except OSError as exc:
            raise GitError(M("cannot run git: {why}", why=reason(exc))) from None
        if done.returncode != 0:
            raise GitError(M("git {command} failed: {detail}", command="checkout-index",
                             detail=done.stderr.decode("utf-8", "replace").strip()))
        stages = _git(["ls-files", "-z", "--stage", "--", *rels], top)
        if stages.returncode == 0:
            _submodules(top, stages.stdout, tmp, sha_field=1)
        base_paths = [os.path.join(tmp, r) for r in rels if os.path.exists(os.path.join(tmp, r))]
        if not base_paths:
            return LintResult([]), Org()
        result, org = lint_org(base_paths, replace(config, respect_gitignore=False))
    result.findings = [_rebase(f, tmp, top) for f in result.findings]
    _rebase_files(result, tmp, top)
    staged = staged_files(top)
    if staged:  # an id defined again in a staged file is reported there
        result.findings = blame_in(result.findings,
                                   lambda f: os.path.realpath(f) in staged, result.lang)
    return result, org


def _rebase_files(result: LintResult, tmp: str, top: str) -> None:
    """Name the files read (and failed) as in the working tree; the org keeps the temporary
    names, in the same order as `result.files` (`_Sources` pairs them)."""
    def moved(f: str) -> str:
        return display_path(os.path.join(top, os.path.relpath(os.path.abspath(f), tmp)))

    result.files = [moved(f) for f in result.files]
    result.failed_files = [moved(f) for f in result.failed_files]


def _moved(loc: Location, tmp: str, top: str) -> Location:
    real = os.path.join(top, os.path.relpath(os.path.abspath(loc.file), tmp))
    return replace(loc, file=display_path(real))


def _rebase(f: Finding, tmp: str, top: str) -> Finding:
    loc = _moved(f.location, tmp, top)
    related = tuple(Related(_moved(r.location, tmp, top), r.message) for r in f.related)
    return replace(f, location=loc, related=related)  # the fingerprint is root-relative already


def compare(base: LintResult, head: LintResult, base_org: Org, head_org: Org) -> OrgDiff:
    """New and fixed findings, and the org changes a reviewer should see. A base finding
    gone from `head` that `head` could not check (its file failed to load there, or it was
    held back: `baseline.not_checked`) is `unknown`, not fixed; one outside what `head` was
    narrowed to (`baseline.in_scope`: other files or rules) is left out."""
    from orgspec.ci.baseline import in_scope, not_checked

    sources = _Sources(base, head, base_org, head_org)
    moved = {kind: _renamed(base_org, head_org, kind, sources) for kind in KINDS}
    guessed = {kind: _unaliased(base_org, head_org, kind, moved[kind], sources)
               for kind in _LINES}
    before = {f.fingerprint for f in base.findings}
    after = {f.fingerprint for f in head.findings}
    new = [f for f in head.findings if f.fingerprint not in before]
    gone = [f for f in base.findings if f.fingerprint not in after]
    # a finding on an entity that looks renamed without `aliases` is the same finding
    # under its new id, as with them: neither new nor fixed
    carried = _carried_over(gone, new, _with_guessed(moved, guessed), head_org, sources)
    diff = OrgDiff(new=[f for f in new if id(f) not in carried], unaliased=guessed)
    _hold_behind_renames(diff, head, head_org)
    unchecked, inside = not_checked(head), in_scope(head)
    unloaded = _unloaded(head)
    # an entity with an unknown reference in the head was not wholly checked there: a
    # rule reading that reference had nothing to read (a step handed to a renamed team)
    broken = {f.entity.partition("/")[0] for f in head.findings if f.code == "RF001"}
    for f in gone:
        if id(f) in carried:
            continue
        entry = {"fingerprint": f.fingerprint, "code": f.code, "file": f.location.file,
                 "entity": f.entity}
        if not inside(entry):
            continue
        if f.code != "RF001" and f.entity and f.entity.partition("/")[0] in broken:
            diff.unknown.append(f)
            diff.held.append(f)
            continue
        english = str(getattr(f.message, "source", f.message))  # `Said` keeps its `M`
        if not unchecked(entry) or (not unloaded(f.location.file) and
                                    head.held_messages.get(f.fingerprint, english) != english):
            # (a finding held back in its place says something else: this one is gone)
            diff.fixed.append(f)
        else:
            diff.unknown.append(f)
            if not unloaded(f.location.file):
                diff.held.append(f)
    diff.changes = sources.note() + _team_changes(base_org, head_org, moved, sources,
                                                  guessed) + \
        _duty_changes(base_org, head_org, moved, sources, guessed) + _finding_changes(diff) + \
        _kr_changes(base_org, head_org, moved, sources, guessed) + \
        _person_moves(base_org, head_org, _with_guessed(moved, guessed), sources)
    return diff


def _hold_behind_renames(diff: OrgDiff, head: LintResult, head_org: Org) -> None:
    """Hold back the new findings that follow from an unknown reference to an id renamed
    without `aliases` (`diff.unaliased`): the hold-back (`engine.holdback`) read that id
    as the entity renamed, so the team that lost its duties through it has no finding of
    its own; one mistake, one finding (its RF001). `diff.new` keeps the others;
    `diff.behind` records what each RF001 held back."""
    known = {kind: {old: new for old, (new, _) in pairs.items()}
             for kind, pairs in diff.unaliased.items() if pairs}
    if not known or not any(f.code == "RF001" for f in diff.new):
        return
    from orgspec.engine.anchors import Anchors
    from orgspec.engine.holdback import held_behind

    kept, behind = held_behind(diff.new, head_org, {c: m.reads for c, m in head.rules.items()},
                               Anchors(head_org),
                               {c: m.absence for c, m in head.rules.items() if m.absence},
                               known=known)
    diff.new, diff.behind = kept, behind


def _unloaded(head: LintResult) -> Callable[[str], bool]:
    """Whether a file was not read by `head` while some file failed to load there (it
    failed, or what it held may have moved into the one that did), as `not_checked` sees
    it: a finding of it is not compared for that reason."""
    failed = {_Sources.norm(f) for f in head.failed_files}
    read = {_Sources.norm(f) for f in head.files}
    return lambda file: bool(failed) and (_Sources.norm(file) in failed or
                                          _Sources.norm(file) not in read)


def _carried_over(gone: list[Finding], new: list[Finding], moved: Moved, head_org: Org,
                  src: _Sources) -> set[int]:
    """The `id()`s of the base findings gone from the head (`gone`) and of the head's `new`
    ones that are the same finding under a new name, paired: one on an entity renamed
    (`moved`: kind -> old id -> new id, from its `aliases`), whose fingerprint is its
    fingerprint under the new id; and one outside every entity in a file renamed (its
    fingerprint names the file), with the same rule and message. Neither is new nor fixed."""
    from collections import Counter

    from orgspec.engine.anchors import part_names
    from orgspec.findings import fingerprint

    renames = {node_key(kind, old): node_key(kind, ident)
               for kind, pairs in moved.items() for old, ident in pairs.items()}
    waiting = {f.fingerprint: f for f in new}
    repeats = Counter((f.code, f.entity) for f in gone)
    out: set[int] = set()
    for f in gone:
        old_key, _, part = f.entity.partition("/")
        new_key = renames.get(old_key)
        if new_key is None:
            continue
        anchors = [f.entity, *([] if part else
                               (f"{f.entity}/{p}" for p in part_names(head_org, new_key)))]
        for anchor, n in ((a, n) for a in anchors for n in range(repeats[f.code, f.entity])):
            tag = f"\0#{n}" if n else ""  # as `anchors.assign_fingerprints` numbers repeats
            if fingerprint(f.code, anchor + tag) == f.fingerprint:
                same = waiting.pop(fingerprint(f.code, new_key + anchor[len(old_key):] + tag),
                                   None)
                if same is not None:
                    out.update((id(f), id(same)))
                break
    base_files, head_files = src.files
    in_new_files: dict[tuple[str, str], list[Finding]] = {}
    for f in waiting.values():
        if not f.entity and src.norm(f.location.file) not in base_files:
            in_new_files.setdefault((f.code, str(f.message)), []).append(f)
    for f in gone:
        if id(f) not in out and not f.entity and src.norm(f.location.file) not in head_files:
            same_finding = in_new_files.get((f.code, str(f.message)))
            if same_finding:
                out.update((id(f), id(same_finding.pop(0))))
    return out


def _with_guessed(moved: Moved, guessed: dict[str, Guessed]) -> Moved:
    """`moved` (renamed with `aliases`) and the renames `guessed` without them, per kind."""
    return {kind: {**{old: new for old, (new, _) in guessed.get(kind, {}).items()}, **pairs}
            for kind, pairs in moved.items()}


def _teams_renamed(moved: Moved, guessed: dict[str, Guessed]) -> dict[str, str]:
    """Former team id -> current id, renamed with `aliases` or looking so without: a person
    in a team renamed did not move."""
    return {**{old: new for old, (new, _) in guessed.get("Team", {}).items()}, **moved["Team"]}


def _person_moves(a: Org, b: Org, moved: Moved, src: _Sources) -> list[str]:
    """Per person in both revisions, the teams (as member or lead) left and joined, then a
    changed `manager`, by name. A person may be on several teams: one who left a team and
    is still on another says so (`person left a team: 褚丽 (1012) left 甲组 (a), still in
    乙组 (b)`), as does one who joined another team (`… joined 乙组 (b), still in 甲组 (a)`);
    one who left some and joined others moved. Teams left are named as the base had them
    (a team renamed or removed since too), the others as the head has them; a team renamed
    (with `aliases` or looking so without) is the same team, and leaving a removed team
    alone is no change (the removal is its own line). O(members)."""

    def teams(org: Org) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for tid, team in org.teams.items():
            for pid in {*team.members, *([team.lead] if team.lead else [])}:
                out.setdefault(str(pid), set()).add(tid)
        return out

    def said(org: Org, tids: set[str]) -> Any:
        return [named(org, "Team", t) for t in sorted(tids)]

    renamed = moved["Team"]
    before, after = teams(a), teams(b)
    out: list[str] = []
    for pid in sorted(set(a.people) & set(b.people)):
        was = before.get(pid, set())  # base ids
        new = after.get(pid, set())
        now = {renamed.get(t, t) for t in was}  # the same teams under their current ids
        left = {t for t in was if renamed.get(t, t) not in new}
        joined, kept = new - now, new & now
        if any(src.unread(node_key("Team", t)) for t in left | joined):
            continue
        person = named(b, "Person", pid)
        if joined and left:
            out.append(M("person moved: {person} from {old} to {new}", person=person,
                         old=said(a, left), new=said(b, joined)) if not kept else
                       M("person moved: {person} from {old} to {new}, still in {kept}",
                         person=person, old=said(a, left), new=said(b, joined),
                         kept=said(b, kept)))
        elif joined:
            out.append(M("person joined a team: {person} joined {new}, still in {kept}",
                         person=person, new=said(b, joined), kept=said(b, kept)) if kept else
                       M("person joined a team: {person} joined {new}", person=person,
                         new=said(b, joined)))
        elif {renamed.get(t, t) for t in left} & set(b.teams):
            out.append(M("person left a team: {person} left {old}, still in {kept}",
                         person=person, old=said(a, left), kept=said(b, kept)) if kept else
                       M("person left a team: {person} left {old} and is in no team now",
                         person=person, old=said(a, left)))
        out += _manager_change(a, b, pid, moved["Person"])
    return out


def _manager_change(a: Org, b: Org, pid: str, renamed: dict[str, str]) -> list[str]:
    """`manager of 褚丽 (1012) changed: 朱琳 (1010) → 陈静 (1003)`, when person `pid`'s
    `manager` changed (a manager renamed since, `renamed`, is the same person)."""
    was, now = a.people[pid].manager, b.people[pid].manager
    if (renamed.get(str(was), was) if was else None) == now:
        return []
    return [M("manager of {person} changed: {old} → {new}", person=named(b, "Person", pid),
              old=named(a, "Person", was) if was else M("nobody"),
              new=named(b, "Person", now) if now else M("nobody"))]


class _Sources:
    """Which entities the diff cannot judge: one missing from a revision in which the file
    that defined it in the other revision failed to load (it may still be there, unread).
    Files are compared by their working-tree names (`lint_at` renames the base's)."""

    def __init__(self, base: LintResult, head: LintResult, a: Org, b: Org) -> None:
        norm = self.norm
        self._orgs = (a, b)
        self._names = tuple({f: norm(shown) for f, shown in zip(org.files, run.files,
                                                                  strict=False)}
                            for org, run in ((a, base), (b, head)))
        self._failed = tuple({norm(f) for f in run.failed_files} for run in (base, head))
        # every file each revision has, read or failed
        self.files = tuple({norm(f) for f in (*run.files, *run.failed_files)}
                           for run in (base, head))

    @staticmethod
    def norm(path: str) -> str:
        """A path as the diff compares files (working-tree names, links resolved)."""
        return os.path.normcase(os.path.realpath(path))

    def note(self) -> list[str]:
        n = len(self._failed[0] | self._failed[1])
        if n == 1:
            return [M("org diff incomplete: 1 file could not be read in one of the revisions; "
                      "what it defines is not counted as added or removed")]
        return [M("org diff incomplete: {n} files could not be read in one of the revisions; "
                  "what they define is not counted as added or removed", n=n)] if n else []

    def unread(self, key: str) -> bool:
        """True when entity `key` (`"team:x"`) is in one revision only and its file failed
        to load in the other, so its absence there says nothing."""
        for side in (0, 1):
            origin = self._orgs[side].origins.get(key)
            other = self._orgs[1 - side]
            if origin is not None and key not in other.origins:
                name = self._names[side].get(origin.file, origin.file)
                if name in self._failed[1 - side]:
                    return True
        return False

    def known(self, kind: str, idents: set[str]) -> list[str]:
        """`idents` of `kind` less the unread ones, sorted."""
        return sorted(i for i in idents if not self.unread(node_key(kind, i)))


def diff_head(ref: str, diff: OrgDiff, shown: int, hidden: M | None = None) -> M:
    """The org diff's first line: `org diff against REF: N new findings, M fixed`, N the
    `shown` ones (those the summary counts: after the baseline), how many of the base's
    findings could not be compared, when some could not, and `hidden`: what the baseline
    hid (`report.view.baseline_hid`), when it hid some."""
    new = M("1 new finding") if shown == 1 else M("{n} new findings", n=shown)
    fixed = M("{n} fixed", n=len(diff.fixed))
    if not diff.unknown:
        head = M("org diff against {ref}: {new}, {fixed}", ref=ref, new=new, fixed=fixed)
    else:
        from orgspec.report.view import not_compared

        head = M("org diff against {ref}: {new}, {fixed}, {unknown}", ref=ref, new=new,
                 fixed=fixed, unknown=not_compared(len(diff.unknown), len(diff.held)))
    return M("{counts}; {hidden}", counts=head, hidden=hidden) if hidden else head


_HOLDER_KINDS = {"team": "Team", "person": "Person", "role": "Role"}


def _owners(org: Org, holders: list[str], unknown: list[str] | None = None) -> Any:
    """A duty's accountable holders by name, then the `unknown` ids it writes for them
    (`'tech' (undefined)`); `nobody` when none."""
    return [*(named(org, _HOLDER_KINDS.get(h.split(":", 1)[0], "Team"), ident_of(h))
              for h in holders), *map(_undefined, unknown or ())] or M("nobody")


@dataclass(frozen=True)
class _Lines:
    """How the org diff says an entity of one kind was renamed, added and removed (each
    message a literal `M`, so the catalog extracts it)."""

    word: M  # the kind, as `{kind} renamed: ...` says it
    added: Callable[[Org, str], M]  # (the org that has it, its id)
    removed: Callable[[Org, str], M]


_LINES = {
    "Team": _Lines(M("team"), lambda o, t: M("team added: {team}", team=named(o, "Team", t)),
                   lambda o, t: M("team removed: {team}", team=named(o, "Team", t))),
    "Person": _Lines(M("person"),
                     lambda o, p: M("person added: {person}", person=named(o, "Person", p)),
                     lambda o, p: M("person removed: {person}", person=named(o, "Person", p))),
    "Role": _Lines(M("position"),
                   lambda o, r: M("position added: {position}", position=named(o, "Role", r)),
                   lambda o, r: M("position removed: {position}",
                                  position=named(o, "Role", r))),
    "Meeting": _Lines(M("meeting"),
                      lambda o, m: M("meeting added: {meeting}",
                                     meeting=named(o, "Meeting", m)),
                      lambda o, m: M("meeting removed: {meeting}",
                                     meeting=named(o, "Meeting", m))),
    "Responsibility": _Lines(
        M("duty"),
        lambda o, d: M("duty added: {duty} (accountable: {owners})",
                       duty=named(o, "Responsibility", d),
                       owners=_owners(o, o.raci.accountable[d])),
        lambda o, d: M("duty removed: {duty} (was accountable: {owners})",
                       duty=named(o, "Responsibility", d),
                       owners=_owners(o, o.raci.accountable[d]))),
    "Process": _Lines(M("process"),
                      lambda o, p: M("process added: {process}",
                                     process=named(o, "Process", p)),
                      lambda o, p: M("process removed: {process}",
                                     process=named(o, "Process", p))),
    "Objective": _Lines(M("objective"),
                        lambda o, i: M("objective added: {objective}",
                                       objective=named(o, "Objective", i)),
                        lambda o, i: M("objective removed: {objective}",
                                       objective=named(o, "Objective", i))),
}


def _renamed(a: Org, b: Org, kind: str, src: _Sources) -> dict[str, str]:
    """Former id -> current id of each entity of `kind` renamed between `a` and `b`: the old
    id is gone, the entity that now keeps it in `aliases` is new."""
    ta, tb = a.table(kind), b.table(kind)
    out: dict[str, str] = {}
    for new in src.known(kind, set(tb) - set(ta)):
        for old in tb[new].aliases:
            if old in ta and old not in tb and old not in out and \
                    not src.unread(node_key(kind, old)):
                out[old] = new
                break
    return out


def _unaliased(a: Org, b: Org, kind: str, moved: dict[str, str], src: _Sources) -> Guessed:
    """`ci.unaliased` over the entities of `kind` removed and added between `a` and `b`
    (not those renamed with `aliases`, `moved`, nor those whose file did not load)."""
    ta, tb = set(a.table(kind)), set(b.table(kind))
    return unaliased(a, b, kind, set(src.known(kind, ta - tb - set(moved))),
                     set(src.known(kind, tb - ta - set(moved.values()))))


def _lifecycle(a: Org, b: Org, kind: str, moved: dict[str, str], src: _Sources,
               guessed: dict[str, Guessed] | None = None) -> list[str]:
    """The entities of `kind` renamed (`moved`, from `_renamed`: `team renamed: 技术部 (tech
    → technology)`), then those that look renamed without `aliases` (`guessed`, from
    `_unaliased`), then added, then removed between `a` and `b`, each sorted by id."""
    lines = _LINES[kind]
    ta, tb = set(a.table(kind)), set(b.table(kind))
    out: list[str] = [_renamed_line(lines.word, a.table(kind)[old], b.table(kind)[new], old,
                                    new)
                      for old, new in sorted(moved.items(), key=lambda item: item[1])]
    looks = (guessed or {}).get(kind, {})
    out += [M("{kind} looks renamed without `aliases: [{old}]`: {was} → {now}",
              kind=lines.word, old=old, was=named(a, kind, old), now=named(b, kind, new))
            for old, (new, _) in sorted(looks.items(), key=lambda item: item[1][0])]
    out += [lines.added(b, i) for i in src.known(kind, tb - ta - set(moved.values()) -
                                                 {new for new, _ in looks.values()})]
    out += [lines.removed(a, i) for i in src.known(kind, ta - tb - set(moved) - set(looks))]
    # the same id under another name (营运部 -> 电商营运部): a change readers look for (trial
    # 31: the changes page and `report --diff` said nothing of it)
    was, now = a.table(kind), b.table(kind)
    out += [M("{kind} name changed: {old} → {new}", kind=lines.word,
              old=display_name(was[i], i), new=name_id(display_name(now[i], i), i))
            for i in src.known(kind, ta & tb)
            if display_name(was[i], i) != display_name(now[i], i)]
    return out


def _renamed_line(word: M, was: Any, now: Any, old: str, new: str) -> M:
    """`team renamed: 技术部 (tech → technology)`, or with the name it had too when that
    changed: `team renamed: 甲组 (a) → 丙组 (aa)`."""
    name, before = display_name(now, new), display_name(was, old)
    if before in (name, old):
        return M("{kind} renamed: {name} ({old} → {new})", kind=word, name=name, old=old,
                 new=new)
    return M("{kind} renamed: {old} → {new}", kind=word, old=name_id(before, old),
             new=name_id(name, new))


def _team_changes(a: Org, b: Org, moved: Moved, src: _Sources,
                  guessed: dict[str, Guessed]) -> list[str]:
    def parent(org: Org, t: str) -> str:
        ident = org.teams[t].parent
        return named(org, "Team", ident) if ident else M("(root)")

    renamed = _teams_renamed(moved, guessed)  # a parent renamed is no move
    out = _lifecycle(a, b, "Team", moved["Team"], src, guessed)
    out += [M("team moved: {team} from {old} to {new}", team=named(b, "Team", t),
              old=parent(a, t), new=parent(b, t))
            for t in sorted(set(a.teams) & set(b.teams))
            if renamed.get(str(a.teams[t].parent), a.teams[t].parent) != b.teams[t].parent]
    for kind in ("Person", "Role", "Meeting", "Process"):
        out += _lifecycle(a, b, kind, moved[kind], src, guessed)
        if kind == "Role":
            out += _position_changes(a, b, _with_guessed(moved, guessed), src)
    return out


def _undefined(ident: str) -> M:
    """An id a reference still writes that names nothing now: `'tech' (undefined)`."""
    return M("{id!r} (undefined)", id=ident)


def _as_renamed(table: dict[str, Any], renamed: dict[str, str], ident: str) -> str:
    """`ident` as the head means it: the current id of an entity renamed since (`renamed`,
    with `aliases` or looking so without) when `ident` names nothing else in the head, so a
    reference still written with the former id is no change (`aliases` would keep it)."""
    return renamed.get(ident, ident) if ident not in table else ident


def _position_changes(a: Org, b: Org, moved: Moved, src: _Sources | None = None) -> list[str]:
    """Each position in both revisions (a renamed one under its new id) that moved to
    another team, then each whose holders changed, by name. A team or holder renamed
    since (`moved`) is the same one, under either id. A position whose `team` names no team
    now, though it named one before, did not move: its reference broke, and is said so."""
    def team(org: Org, t: str | None) -> Any:
        return named(org, "Team", t) if t else M("(no team)")

    def holders(org: Org, people: list[str]) -> Any:
        return [named(org, "Person", p) for p in people] or M("nobody")

    pairs = {**{r: r for r in set(a.positions) & set(b.positions)}, **moved["Role"]}
    out: list[str] = []
    for old, rid in sorted(pairs.items(), key=lambda item: item[1]):
        was, now = a.positions[old], b.positions[rid]
        before = moved["Team"].get(str(was.team), was.team) if was.team else None
        after = _as_renamed(b.teams, moved["Team"], now.team) if now.team else None
        if after and after not in b.teams and was.team in a.teams:  # its team went, or a typo
            if src is not None and src.unread(node_key("Team", str(was.team))):
                continue  # its file did not load: it may be there
            out.append(M("position {position} names an undefined team {new!r} (it "
                         "was in {old})", position=named(b, "Role", rid),
                         new=str(now.team), old=team(a, was.team)))
        elif before != after:
            out.append(M("position moved: {position} from {old} to {new}",
                         position=named(b, "Role", rid), old=team(a, was.team),
                         new=team(b, now.team)))
    for old, rid in sorted(pairs.items(), key=lambda item: item[1]):
        was, now = a.positions[old], b.positions[rid]
        if sorted(moved["Person"].get(p, p) for p in was.holders) != \
                sorted(_as_renamed(b.people, moved["Person"], p) for p in now.holders):
            out.append(M("holders of position {position} changed: {old} → {new}",
                         position=named(b, "Role", rid), old=holders(a, was.holders),
                         new=holders(b, now.holders)))
    return out


def _duty_changes(a: Org, b: Org, moved: Moved, src: _Sources,
                  guessed: dict[str, Guessed]) -> list[str]:
    """The duties renamed, added and removed, then each duty in both revisions (a renamed
    one under both its ids) whose accountable owners changed. Owners are compared as the
    entities they are: a base owner renamed since (`moved`, or looking renamed without
    `aliases`: `guessed`) is its current id, so a duty still naming a team's former id
    (`aliases`, or none: its RF001 says to add them) keeps its owner. An owner written
    with an id that names nothing now (its team removed, a typo) is said as such
    (`'tech' (undefined)`), not as nobody."""
    ha, hb = a.raci.accountable, b.raci.accountable
    out = _lifecycle(a, b, "Responsibility", moved["Responsibility"], src, guessed)
    moved = _with_guessed(moved, guessed)  # an owner renamed without `aliases` is kept too
    now = {node_key(kind, old): node_key(kind, new) for kind in _HOLDER_KINDS.values()
           for old, new in moved[kind].items()}
    renamed = {new: old for old, new in moved["Responsibility"].items()}
    for rid in sorted(set(hb) & (set(ha) | set(renamed))):
        was = ha[renamed.get(rid, rid)]
        meant, unknown = _unresolved_owners(b, rid, now)
        if sorted(now.get(h, h) for h in was) != sorted({*hb[rid], *meant}) and \
                not any(src.unread(h) for h in {*was, *hb[rid]}):
            out.append(M("accountable owner of duty {duty} changed: {old} → {new}",
                         duty=named(b, "Responsibility", rid), old=_owners(a, was),
                         new=_owners(b, hb[rid] + meant, unknown)))
    return out


def _unresolved_owners(org: Org, rid: str,
                       renamed: dict[str, str]) -> tuple[list[str], list[str]]:
    """The accountable ids duty `rid` writes that name no team, person or position in `org`:
    (the holders, as `raci` keys them, of those that are an entity's former id, `renamed`:
    old key -> new key; the other ids, as written). Placeholders are none of them."""
    meant: list[str] = []
    unknown: list[str] = []
    for value in org.responsibilities[rid].accountable:
        value = str(value)
        if org.holder(value) is not None or is_placeholder(value) or is_vacant(value):
            continue
        key = next((renamed[k] for k in (node_key(kind, value) for kind in
                                         ("team", "person", "role")) if k in renamed), None)
        if key is not None:
            meant.append(key)
        else:
            unknown.append(value)
    return meant, unknown


_KINDS = {"OW001": M("overlap"), "OW002": M("gap"), "OW003": M("gap"), "OW005": M("gap"),
          "PR001": M("gap"), "RO001": M("vacancy"), "MT004": M("coordination gap")}


def _finding_changes(diff: OrgDiff) -> list[str]:
    """The findings introduced and fixed (`report.changes.FINDING_CHANGES` says which
    templates these are)."""
    out: list[str] = [M("{kind} introduced: {message}", kind=_KINDS[f.code], message=f.message)
           for f in diff.new if f.code in _KINDS]
    out += [M("{kind} fixed: {message}", kind=_KINDS[f.code], message=f.message)
            for f in diff.fixed if f.code in _KINDS]
    # every other fixed finding too, so the head's "M fixed" counts what is listed (a new
    # one is among the findings shown)
    out += [M("fixed: {code} {message}", code=f.code, message=f.message)
            for f in diff.fixed if f.code not in _KINDS]
    return out


def _kr_changes(a: Org, b: Org, moved: Moved, src: _Sources,
                guessed: dict[str, Guessed]) -> list[str]:
    """Objectives added and removed, then key results added, removed and changed (those
    of an added objective too: what it sets out to reach is what a reviewer reads; those of
    a renamed one under its new id)."""
    def krs(org: Org, renamed: dict[str, str]) -> dict[str, tuple[str, str]]:
        """`objective/kr` -> (its JSON, to compare; its title, to show)."""
        return {f"{renamed.get(oid, oid)}/{kr.id}": (kr.model_dump_json(), kr.title)
                for oid, obj in org.objectives.items()
                for kr in obj.key_results if not src.unread(node_key("Objective", oid))}

    def kr(table: dict[str, tuple[str, str]], key: str) -> str:
        """Its text cut as the findings quote it (`model.krname`), and `objective/kr`."""
        title = shorten(table[key][1] or "", SHOWN)
        return name_id(title, key) if title and title != key else key

    out = _lifecycle(a, b, "Objective", moved["Objective"], src, guessed)
    ka, kb = krs(a, moved["Objective"]), krs(b, {})
    out += [M("key result added: {kr}", kr=kr(kb, k)) for k in sorted(set(kb) - set(ka))]
    out += [M("key result removed: {kr}", kr=kr(ka, k)) for k in sorted(set(ka) - set(kb))]
    out += [M("key result changed: {kr}", kr=kr(kb, k)) for k in sorted(set(ka) & set(kb))
            if ka[k][0] != kb[k][0]]
    return out


def where_it_was(findings: list[Finding], base: LintResult, base_org: Org, head_org: Org,
                 ref: str, lang: str, diff: OrgDiff | None = None) -> list[Finding]:
    """`findings` (new since `ref`, said in `lang`), an unknown reference (RF001) to an id
    that `ref` still defined given a hint: that it looks renamed without `aliases`
    (`diff.unaliased`) and how to keep references to it working, else the file that
    defined it (as the working tree names it), what a user needs after deleting or moving
    that file. The findings the hint says were held back behind it are still named."""
    from orgspec.engine.holdback import held_hint, rehint

    files = dict(zip(base_org.files, base.files, strict=False))
    guessed = diff.unaliased if diff is not None else {}
    out = []
    for f in findings:
        source = getattr(f.message, "source", None) if f.code == "RF001" else None
        value = source.values.get("value") if isinstance(source, M) else None
        origin, hint = None, None
        if isinstance(value, str):
            origin = next((o for kind in KINDS
                           if (o := base_org.origins.get(node_key(kind, value))) is not None
                           and value not in head_org.table(kind)), None)
            hint = next((M("{value!r} looks renamed to {kind} {id!r} since {ref} ({why}): "
                           "add `aliases: [{value}]` to it to keep references to {value!r} "
                           "working; then change them to {id!r} (RF005 lists them)",
                           value=value, kind=_LINES[kind].word,
                           id=guessed[kind][value][0], ref=ref, why=guessed[kind][value][1])
                         for kind in _LINES if value in guessed.get(kind, {})), None)
        if hint is None and origin is not None:
            hint = M("{value!r} was defined in {file} at {ref}: add it back, or change the "
                     "reference to an existing id", value=value,
                     file=files.get(origin.file, origin.file), ref=ref)
        held = diff.behind.get((f.location.file, f.location.line, f.location.col)) \
            if diff is not None and f.code == "RF001" else None
        if hint is not None or held:
            said = rehint(f.hint, hint) if hint is not None else f.hint
            f = replace(f, hint=say(held_hint(said, held) if held else said, lang))
        out.append(f)
    return out
