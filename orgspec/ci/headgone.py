"""An id that git `HEAD` defines and the org no longer does: one finding for one mistake.

A file moved out of the folder checked (`mv org/teams/people.yaml .`) or deleted takes
every id it defined with it: each reference to one was an RF001 whose hint said "add the
person 'sun-li'" (25 of them, trial 30). The org's files as `HEAD` holds them
(`ci.before.committed`) say which file defined each unknown id. When that file is gone
from where it was, the first RF001 naming one of its ids says so (moved to where git or
the file system shows it: a rename git has staged, else the one untracked file of its
name; deleted otherwise) and counts the others, held back behind it (as IN019 holds what
a file left out for its name defines), and so is what else its absence changed (a
position with no holder, a team with no lead): the org is checked again with the file
where it is now, or as `HEAD` holds it when it was deleted. An id whose file is still
there (a team deleted from `teams.yaml`) keeps its RF001, whose plain "add it" hint then
says where it was.

Asked only when some RF001 is reported: a clean org never runs git for it. Git missing or
failing: nothing changes.
"""

from __future__ import annotations

import os
import posixpath
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from orgspec.ci.before import at_head, committed, git_out, head_specs, work_tree
from orgspec.ci.rawnames import said_raw
from orgspec.engine.holdback import bare_hint, rehint
from orgspec.engine.pending import first_ids
from orgspec.findings import Finding, LintResult, Related, replaced
from orgspec.i18n import M, P, said_from
from orgspec.load.loader import RawFile
from orgspec.paths import display_path

UNKNOWN = "RF001"
# a second check of other paths, with files the loader read elsewhere beside them
Relint = Callable[[list[str], list[RawFile]], LintResult]
GENERIC = "add the {kinds} {value!r} to the org's files, or change it to an existing id"


@dataclass(frozen=True)
class _Then:
    """Where git `HEAD` defined an id: the file (relative to the work tree) and the name."""

    rel: str
    name: str


def said_gone(result: LintResult, targets: list[str], relint: Relint | None = None) -> None:
    """Hold back the RF001s of `result` (a check of `targets`) whose unknown id a file
    defined at git `HEAD` that is gone from where it was, behind the first of them, which
    says so; give an RF001 whose id a file still there defined at `HEAD` a hint saying
    where. `result.findings`, `held` and `causes` are replaced; the rest left as it is.
    With `relint` (a check of other paths, with files read elsewhere beside them), the
    other findings are those of a check with the gone files back (`_again`): a moved one
    where it is now, a deleted one as `HEAD` holds it. What else their absence changed (a
    position's holder in the file: RO001, meetings MT004 asks for, a team's lead: HI006)
    is held back too (trial 30c), as IN019 holds back what a file left out for its name
    changes."""
    asked = {i: value for i, f in enumerate(result.findings)
             if f.code == UNKNOWN and (value := _value(f))}
    if not asked:
        return
    top = work_tree(targets)
    if top is None:
        return
    guessed = {guess for i in asked if (guess := _own_hint(result.findings[i])[1])}
    files = _defining(top, targets, {*asked.values(), *guessed})
    if not files:
        return  # no file at HEAD defined one of them: typos, not deletions
    lang = result.lang or "en"
    then: dict[str, _Then] = {}
    for raw in committed(files):
        for entity in raw.entities:
            ident = entity.data.get("id")
            if isinstance(ident, str):
                then.setdefault(ident, _Then(raw.display, said_raw(entity.data, lang)))
    found = {i: then[value] for i, value in asked.items() if value in then}
    if not found:
        return
    gone = {t.rel for t in found.values() if not os.path.exists(os.path.join(top, t.rel))}
    out = list(result.findings)
    held: dict[str, list[int]] = {}
    for i, t in found.items():
        if t.rel in gone:
            held.setdefault(t.rel, []).append(i)
        elif _replaceable(out[i], then):
            out[i] = replaced(out[i], hint=said_from(rehint(out[i].hint, _where(
                asked[i], t, top)), lang))
    moved = _moved(top, gone) if gone else {}
    first: list[Finding] = []
    behind: set[int] = set()  # the causes' and the held findings' places in `out`
    held_back: set[str] = set()
    for rel, indices in held.items():
        cause, *rest = indices
        ids = list(dict.fromkeys(asked[i] for i in indices))
        f = out[cause]
        message = getattr(f.message, "source", f.message)
        shown = display_path(os.path.join(top, rel))
        new = moved.get(rel)
        place = M("moved to {path}", path=display_path(os.path.join(top, new))) if new \
            else M("deleted")
        said: M = M("{first}: {file} defined it at git HEAD and is gone from the org "
                    "({place})", first=message, file=shown, place=place)
        # every reference held is a related location, so that the count and the list agree
        related = _every_reference([out[i] for i in indices], lang)[1:]
        if related:
            said = P("{said}; {n} other reference names an id it defined ({ids}), at its "
                     "related location: its RF001 is held back behind this one",
                     "{said}; {n} other references name ids it defined ({ids}), at its "
                     "related locations: their RF001s are held back behind this one",
                     said=said, n=len(related), ids=first_ids(ids))
        first.append(replaced(
            f, message=said_from(said, lang), related=related,
            hint=said_from(M("move it back (`git mv {path} {file}`), or check it with the "
                             "org: `orgspec check {paths}`", file=shlex.quote(shown),
                             path=shlex.quote(display_path(os.path.join(top, new))),
                             paths=" ".join(shlex.quote(display_path(p)) for p in
                                            [*targets, os.path.join(top, new)]))
                           if new else
                           M("restore it with `git checkout HEAD -- {file}`, or change the "
                             "references to existing ids", file=shown), lang)))
        behind.update(indices)
        held_back.update(out[i].fingerprint for i in rest)
    rest_of = [f for i, f in enumerate(out) if i not in behind]
    again = _again(top, targets, gone, moved, relint) \
        if first and relint is not None else None
    if again is not None:
        held_back.update(f.fingerprint for f in rest_of)
        rest_of = again
    if first:
        result.held = result.held | held_back
        result.causes = result.causes | {f.fingerprint for f in first}
    result.findings = first + rest_of


def _again(top: str, targets: list[str], gone: set[str], moved: dict[str, str],
           relint: Relint) -> list[Finding] | None:
    """The findings beside the gone files' RF001s: those of a second check (`relint`) with
    each file moved out of the org checked where it is now, and each deleted one as git
    `HEAD` holds it (`ci.before.at_head`: what the org defines now elsewhere left out);
    None when that check cannot be made (git, or the check, failing: the RF001s alone are
    held back then). A deleted file's own findings are left out: it is not there to fix."""
    paths = [*targets, *(os.path.join(top, moved[rel]) for rel in sorted(gone)
                         if rel in moved)]
    deleted = sorted(rel for rel in gone if rel not in moved)
    try:  # a second check, only when a file of the org is gone since HEAD
        restored = at_head(top, deleted, paths) if deleted else []
        if len(restored) != len(deleted):
            return None
        again = relint(paths, restored).findings
    except Exception:
        return None
    names = {raw.display for raw in restored}
    return [f for f in again if f.location.file not in names]


def _every_reference(found: list[Finding], lang: str) -> tuple[Related, ...]:
    """The places of the references the RF001s `found` stand for, the first first: each
    one's own, then those `engine.sameid` grouped behind it (its related locations), each
    place once."""
    out: dict[tuple[str, int, int], Related] = {}
    for f in found:
        value = _value(f)
        at = f.location
        out.setdefault((at.file, at.line, at.col),
                       Related(at, said_from(M("{value!r} referenced here", value=value),
                                             lang)))
        for r in f.related:
            out.setdefault((r.location.file, r.location.line, r.location.col), r)
    return tuple(out.values())


def _value(f: Finding) -> str:
    """The unknown id an RF001 names, else ""."""
    message = getattr(f.message, "source", f.message)
    value = getattr(message, "values", {}).get("value")
    return value if isinstance(value, str) else ""


def _replaceable(f: Finding, then: dict[str, _Then]) -> bool:
    """Whether `f`'s own hint (a hold-back's around it aside) is only "add it, or change it
    to an existing id", or a did-you-mean of an id that `HEAD` defined too (`marketing`
    deleted is no `marketing-specialist` renamed: both were there)."""
    template, guess = _own_hint(f)
    if guess:
        return guess in then
    return template == GENERIC


def _own_hint(f: Finding) -> tuple[str, str]:
    """The template of `f`'s own hint (a hold-back's around it aside), and the id its
    did-you-mean names ("" when it has none)."""
    hint = bare_hint(f.hint)
    template = getattr(hint, "template", "")
    guess = getattr(hint, "values", {}).get("id") \
        if template.startswith("did you mean {id!r}") else ""
    return template, guess if isinstance(guess, str) else ""


def _where(value: str, then: _Then, top: str) -> M:
    """`'marketing' was the id of 市场部 in org/teams.yaml at git HEAD, ...`."""
    shown = display_path(os.path.join(top, then.rel))
    if then.name:
        return M("{value!r} was the id of {name} in {file} at git HEAD and is gone since: "
                 "add it back there, or change this reference to an existing id",
                 value=value, name=then.name, file=shown)
    return M("{value!r} was defined in {file} at git HEAD and is gone since: add it back "
             "there, or change this reference to an existing id", value=value, file=shown)


def _defining(top: str, targets: list[str], ids: set[str]) -> list[str]:
    """The files under `targets` that git `HEAD` holds with a line `id: ID` for one of `ids`
    (one `git grep`, so that only those are read, not the whole org as it was), as paths."""
    specs = head_specs(top, targets)
    if not specs:
        return []
    patterns = "".join(f"(^|[^[:alnum:]_])id:[[:space:]]*[\"']?{_ere(ident)}"
                       f"[\"']?([[:space:],}}]|$)\n" for ident in sorted(ids))
    out = git_out(["grep", "-l", "-z", "-E", "-f", "-", "HEAD", "--", *specs], top,
                  patterns.encode("utf-8"))
    names = (out or b"").decode("utf-8", "surrogateescape").split("\0")
    return [os.path.join(top, name.split(":", 1)[1]) for name in names if ":" in name]


def _ere(text: str) -> str:
    """`text` as a POSIX extended regular expression matching it literally."""
    return "".join(f"\\{c}" if c in ".[]()*+?{}|^$\\" else c for c in text)


def _moved(top: str, gone: set[str]) -> dict[str, str]:
    """Each of the files `gone` (relative to the work tree `top`) -> where it is now: the
    rename git has staged, else the one untracked file of its name (git status); absent
    when neither shows it."""
    out = git_out(["status", "--porcelain=v1", "-z", "--untracked-files=all"], top)
    if out is None:
        return {}
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    renamed: dict[str, str] = {}
    untracked: dict[str, list[str]] = {}
    at = 0
    while at < len(fields):
        entry = fields[at]
        at += 1
        if len(entry) < 4:
            continue
        state, path = entry[:2], entry[3:]
        if "R" in state or "C" in state:
            if at < len(fields):
                renamed[fields[at]] = path
            at += 1
        elif state == "??":
            untracked.setdefault(posixpath.basename(path), []).append(path)
    found: dict[str, str] = {}
    for rel in gone:
        if rel in renamed:
            found[rel] = renamed[rel]
        elif len(same := untracked.get(posixpath.basename(rel), [])) == 1:
            found[rel] = same[0]
    return found
