"""Baselines: adopt orgspec on an existing org without fixing everything first.

Known findings (by fingerprint, which ignores line numbers) do not fail; findings that were
fixed are reported as stale entries; new findings fail as usual. A run narrowed to some
files or rules (`check org/meetings.yaml`, `--select OK`) judges only the entries inside:
the others are neither stale nor dropped from a baseline written then. A file that failed to load
is never known: its error (and RF003's note that checks are incomplete) is left out of a
baseline written then and shown by every run until the file loads, as a linter's syntax
errors cannot be silenced, because while it fails nothing in it is checked.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from orgspec.findings import Finding, LintResult
from orgspec.i18n import M, reason
from orgspec.load.source import SourceError, read_bytes

VERSION = 2  # 2: fingerprints by rule and entity (key result, step, charter item)
# A baseline holds ~700 bytes a finding (its message in every language): 64 MiB is ~90,000
# findings, far above any org's, and keeps `--baseline /dev/zero`-like mistakes bounded.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


class BaselineError(Exception):
    """An unreadable or malformed baseline file (exit 2)."""


@dataclass
class BaselineOutcome:
    """What the baseline made of a run."""

    known: int = 0
    stale: list[dict[str, Any]] = field(default_factory=list)  # fixed
    held: list[dict[str, Any]] = field(default_factory=list)  # not checked (`why_unchecked`)
    outside: list[dict[str, Any]] = field(default_factory=list)  # files or rules not asked


def load_failure(f: Finding, failed: set[str]) -> bool:
    """Whether `f` says that a file could not be loaded (an input finding of a file in
    `failed`, or RF003): a baseline never holds nor hides it."""
    return f.code == "RF003" or (f.code.startswith("IN") and f.location.file in failed)


def dumps(result: LintResult, kept: list[dict[str, Any]] | None = None) -> str:
    """The baseline file for the findings of a run, plus `kept`: entries of the old
    baseline this run could not check (`apply(...).held`), which a new baseline must not
    drop just because their file or entity failed to load today."""
    failed = set(result.failed_files)
    # with each OK003 the OK005 held back behind it, so that the OK005 stays known when it
    # shows without the OK003 (the key result given a target value but still an activity)
    written = [*result.findings, *(result.activities[f.fingerprint] for f in result.findings
                                   if f.fingerprint in result.activities)]
    entries = [{"fingerprint": f.fingerprint, "code": f.code, "file": f.location.file,
                "entity": f.entity, "message": f.message, "messages": said(f.message)}
               for f in written if not load_failure(f, failed)]
    have = {e["fingerprint"] for e in entries}
    entries += [e for e in kept or [] if e["fingerprint"] not in have]
    doc = {"version": VERSION, "tool": "orgspec",
           "findings": sorted(entries, key=lambda e: (e["file"], e["code"], e["fingerprint"]))}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def alike(entries: list[dict[str, Any]], lang: str) -> list[tuple[dict[str, Any], int]]:
    """`entries` (of a note's list) each once with how many are alike: the same file,
    rule, entity and message (in `lang`), in order."""
    counts: dict[tuple[str, ...], list[Any]] = {}
    for e in entries:
        key = (str(e.get("file")), str(e.get("code")), str(e.get("entity")),
               str(message_in(e, lang)))
        counts.setdefault(key, [e, 0])[1] += 1
    return [(e, n) for e, n in counts.values()]


def said(message: str) -> dict[str, str]:
    """A finding's message in every language (`messages` of an entry), so that a run in
    another language than the one that wrote the baseline says a stale entry in its own;
    {} for a message that is no `M` (nothing to say it from)."""
    from orgspec.i18n import LANGS, say

    source = getattr(message, "source", message)  # a `Said` keeps its `M`
    return {lang: say(source, lang) for lang in LANGS} if isinstance(source, M) else {}


def message_in(entry: dict[str, Any], lang: str) -> Any:
    """A baseline entry's message in `lang` when the baseline holds it, else as written."""
    messages = entry.get("messages")
    said_in = messages.get(lang) if isinstance(messages, dict) else None
    return said_in if isinstance(said_in, str) else entry.get("message", "")


def read(path: str) -> list[dict[str, Any]]:
    """The entries of a baseline file. Raises BaselineError."""
    try:
        doc = json.loads(_read_text(path))
    except UnicodeDecodeError:
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=M("it is not UTF-8 text"))) from None
    except json.JSONDecodeError as exc:
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=M("not valid JSON at line {line}, column {column}",
                                    line=exc.lineno, column=exc.colno))) from None
    except RecursionError:
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=M("it is nested too deeply to be a baseline"))) from None
    if isinstance(doc, dict) and doc.get("version") == 1:
        raise BaselineError(M("{path!r} is a version 1 baseline, whose fingerprints changed; "
                              "regenerate it with --write-baseline", path=path))
    if not isinstance(doc, dict) or doc.get("version") != VERSION or \
            not isinstance(doc.get("findings"), list):
        raise BaselineError(M("{path!r} is not an orgspec baseline (version {version})",
                              path=path, version=VERSION))
    entries: list[dict[str, Any]] = doc["findings"]
    if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise BaselineError(M("{path!r}: every finding needs a fingerprint", path=path))
    return entries


def _read_text(path: str) -> str:
    """The text of baseline `path` (a link is followed), read as the org's files are: a
    regular file (a FIFO would block, `/dev/zero` never ends) of at most
    `MAX_BASELINE_BYTES`. Raises BaselineError, UnicodeDecodeError."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=reason(exc))) from None
    if stat.S_ISDIR(mode):  # `baseline: org` in the config
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=M("it is a folder, not a file")))
    if not stat.S_ISREG(mode):
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=M("it is not a regular file (a FIFO, device or socket)")))
    try:
        data = read_bytes(real, MAX_BASELINE_BYTES)
    except SourceError as err:  # changed since the stat, or too big
        raise BaselineError(M("cannot read baseline {path!r}: {why}", path=path,
                              why=err.message)) from None
    return data.decode("utf-8")


def apply(result: LintResult, entries: list[dict[str, Any]]) -> BaselineOutcome:
    """Drop known findings from `result` (in place); return counts, the stale entries (the
    finding is gone: fixed) and the held ones (not checked this run, see `not_checked`)."""
    known = {e["fingerprint"] for e in entries}
    former = result.former
    if former:  # an entry written before its entity was renamed (`aliases`) knows it
        known |= {f.fingerprint for f in (*result.findings, *result.elsewhere)
                  if any(old in known for old in former.get(f.fingerprint, ()))}
    found = fingerprints(result)
    failed = set(result.failed_files)
    # the OK005 held back behind an OK003 the baseline knows (`engine.activities`) is no
    # finding of this run, so it is neither hidden nor counted (nor in team health); its
    # entry (`dumps` writes it) is that OK003's too, so not stale, nor said as not checked
    found |= {result.activities[fp].fingerprint for fp in known & result.activities.keys()}
    findings = result.findings
    kept: list[Finding] = [f for f in findings
                           if f.fingerprint not in known or load_failure(f, failed)]
    outcome = BaselineOutcome(known=len(findings) - len(kept))
    missing = [e for e in entries if e["fingerprint"] not in found]
    check, inside = not_checked(result), in_scope(result)
    for entry in missing:
        if not inside(entry):
            outcome.outside.append(entry)
        else:
            (outcome.held if check(entry) else outcome.stale).append(entry)
    result.baselined = [f for f in findings
                        if f.fingerprint in known and not load_failure(f, failed)]
    result.findings = kept
    # a run narrowed to some files counts the others' findings a whole run would list
    result.elsewhere = [f for f in result.elsewhere
                        if f.fingerprint not in known or load_failure(f, failed)]
    return outcome


def fingerprints(result: LintResult) -> set[str]:
    """The fingerprints of the run's findings, and those they had before their entity was
    renamed (`LintResult.former`): a baseline entry with one is found, not fixed."""
    found = {f.fingerprint for f in result.findings}
    for fp in found & result.former.keys():
        found.update(result.former[fp])
    return found


def in_scope(result: LintResult) -> Callable[[dict[str, Any]], bool]:
    """Whether a baseline entry (`file`, `code`) lies in what this run's findings cover:
    its file among the paths they were narrowed to (`result.scope`), its rule enabled (in
    `result.rules`, when known). One outside was not asked about, so it is neither fixed
    nor dropped."""
    import os

    wanted = {os.path.realpath(p) for p in result.scope}
    below = tuple(w.rstrip(os.sep) + os.sep for w in wanted if os.path.isdir(w))
    rules = result.rules

    def check(entry: dict[str, Any]) -> bool:
        if rules and str(entry.get("code")) not in rules:
            return False
        file = entry.get("file")
        if not wanted or not isinstance(file, str):
            return True
        real = os.path.realpath(file)
        return real in wanted or real.startswith(below)

    return check


def not_checked(result: LintResult) -> Callable[[dict[str, Any]], bool]:
    """Whether a baseline entry's finding could not be judged by this run (`why_unchecked`
    gives a reason)."""
    why = why_unchecked(result)
    return lambda entry: why(entry) is not None


def why_unchecked(result: LintResult) -> Callable[[dict[str, Any]], M | None]:
    """Why a baseline entry's finding could not be judged by this run, or None when it
    could: it was held back (it depends on a value another finding reports dropped, or a
    reference another finding reports unknown), its entity was held as invalid or lost a
    field its rule reads, its file failed to load, or its file was not read while some file
    failed (the entity may have moved into it)."""
    import os

    def norm(path: str) -> str:
        return os.path.normcase(os.path.realpath(path))

    failed = {norm(f) for f in result.failed_files}
    read = {norm(f) for f in result.files}
    dropped: dict[str, set[str]] = {}
    for key, fields in result.unchecked:
        dropped.setdefault(key.split("/", 1)[0], set()).update(fields)

    def why(entry: dict[str, Any]) -> M | None:
        if entry["fingerprint"] in result.held:
            return M("held back behind another finding until that one is fixed")
        gone = dropped.get(str(entry.get("entity") or "").split("/", 1)[0], set())
        meta = result.rules.get(str(entry.get("code")))
        if "*" in gone:
            return M("its entity is invalid")
        if gone and meta is not None and gone & set(meta.reads):
            return M("a field its rule reads is invalid and was left out")
        file = entry.get("file")
        if not failed or not isinstance(file, str):
            return None
        if norm(file) in failed:
            return M("its file did not load")
        if norm(file) not in read:
            return M("its file was not read while another file failed to load")
        return None

    return why
