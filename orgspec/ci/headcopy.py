"""A person entered twice (RF009) is reported at the entry added since git `HEAD`.

RF009 picks the copy from the files alone (the one no reference names, then the one not
in the org's script, then the later by file and line: `checks.names`,
`engine.twiceperson`). Git knows better which entry was there before: when `HEAD`
defines the person RF009 is at and not the one it keeps, the finding is turned round
(trial 31: 李晓雯 `li-xiaowen` added in `people/new-hires.yaml` beside 李曉雯
`li-xiao-wen`, in `people/staff.yaml` for a year):
at the added one, its hint saying to delete it (or, when a reference names it, to change
those, keep its id in the other's `aliases` and delete it), and the HI007 on it held back
behind it.

Like `engine.blame`, made after the result cache, on every run: it depends on git's
state, which no file's content shows. Asked only when some RF009 is reported; git missing
or failing: nothing changes.
"""

from __future__ import annotations

import os

from orgspec.engine.twiceperson import pair_of, turned
from orgspec.findings import LintResult, replaced, sort_findings
from orgspec.i18n import said_from

TWICE = "RF009"
ON_THE_COPY = "HI007"


def copy_since_head(result: LintResult, targets: list[str]) -> None:
    """Turn each RF009 of `result` (a check of `targets`) whose person git `HEAD` defines
    while it does not define the person the finding keeps (see the module);
    `result.findings` and `held` are replaced when one is turned, else left as they are."""
    pairs = {i: ids for i, f in enumerate(result.findings)
             if f.code == TWICE and len(f.related) == 1 and (ids := pair_of(f))}
    if not pairs:
        return
    then = _at_head(targets, {i for pair in pairs.values() for i in pair})
    if not then:
        return
    lang = result.lang or "en"
    out = list(result.findings)
    flipped: dict[int, str] = {}  # index -> the person the finding is at now
    for i, (copy, kept) in pairs.items():
        if copy in then and kept not in then:
            out[i] = turned(out[i], lang)
            flipped[i] = kept
    if not flipped:
        return
    from orgspec.engine.holdback import Held, held_hint

    on = {f"person:{person}": i for i, person in flipped.items()}
    held = [f for f in out if f.code == ON_THE_COPY and f.entity in on]
    for f in held:
        i = on[f.entity]
        out[i] = replaced(out[i], hint=said_from(held_hint(out[i].hint, [Held(f, f.entity)]),
                                                 lang))
    gone = {id(f) for f in held}
    result.findings = sort_findings(f for f in out if id(f) not in gone)
    result.held = result.held | {f.fingerprint for f in held}


def _at_head(targets: list[str], ids: set[str]) -> set[str]:
    """Those of the people `ids` that the org's files at `targets` defined at git `HEAD`:
    the files `git grep` finds a line `id: ID` in, read (not the whole org as it was)."""
    from orgspec.ci.before import committed, git_out, work_tree

    top = work_tree(targets)
    if top is None:
        return set()
    real_top = os.path.realpath(top)
    specs = [rel.replace(os.sep, "/") for path in targets
             if not (rel := os.path.relpath(os.path.realpath(path), real_top)).startswith("..")]
    patterns = "".join(f"(^|[^[:alnum:]_])id:[[:space:]]*[\"']?{_ere(i)}[\"']?([[:space:],}}]|$)\n"
                       for i in sorted(ids))
    out = git_out(["grep", "-l", "-z", "-E", "-f", "-", "HEAD", "--", *specs], top,
                  patterns.encode("utf-8")) if specs else None
    names = (out or b"").decode("utf-8", "surrogateescape").split("\0")
    files = [os.path.join(top, n.split(":", 1)[1]) for n in names if ":" in n]
    if not files:
        return set()
    return {ident for raw in committed(files) for entity in raw.entities
            if entity.kind == "Person" and isinstance(ident := entity.data.get("id"), str)
            and ident in ids}


def _ere(text: str) -> str:
    """`text` as a POSIX extended regular expression matching it literally."""
    return "".join(f"\\{c}" if c in ".[]()*+?{}|^$\\" else c for c in text)
