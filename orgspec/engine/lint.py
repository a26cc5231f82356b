"""The Python API: `load_org` reads and validates; `lint` runs the enabled rules."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, cast

from orgspec.findings import (
    Finding,
    Issue,
    LintResult,
    Location,
    Related,
    replaced,
    sort_findings,
)
from orgspec.gcpause import gc_paused, keep_until_exit
from orgspec.i18n import M, choose, content_lang, locale_lang, said_from
from orgspec.lazyre import lazy
from orgspec.load.config import Config

if TYPE_CHECKING:  # the model (pydantic) is imported only when an org is loaded: a cached
    # result needs neither
    from orgspec.engine.anchors import Anchors
    from orgspec.engine.context import Shared
    from orgspec.engine.incremental import LocalFound, Unchanged
    from orgspec.engine.selection import Plan
    from orgspec.engine.summary import FileSummary
    from orgspec.load.cache import Cache
    from orgspec.load.discovery import Candidate
    from orgspec.load.loader import RawFile
    from orgspec.load.suppress import Directive
    from orgspec.model.org import Org
    from orgspec.model.validate import Assembly, FileUnit


def make_plan(config: Config | None = None) -> Plan:
    """`selection.make_plan`, imported when a plan is made: a run whose result is stored
    makes none, and so imports neither the selection nor the rule registry."""
    from orgspec.engine.selection import make_plan as plan

    return plan(config)


@dataclass
class Loaded:
    """A validated org and the input and schema problems met on the way."""

    org: Org
    issues: list[Issue]


def load_org(paths: list[str] | None = None, config: Config | None = None,
             cache: Cache | None = None) -> Loaded:
    """Read, parse and validate the org under `paths` (default: the config's root); with a
    `cache`, files whose content was checked before are taken from it."""
    return _load(paths, config or Config(), cache)


def _load(paths: list[str] | None, config: Config, cache: Cache | None,
          inputs: Inputs | None = None, parsed: dict[str, RawFile] | None = None,
          checking: bool = False) -> Loaded:
    """The loaded org; with a cache, files whose content was checked before come from it."""
    targets = paths or [config.root_path()]
    with gc_paused():
        inputs = inputs or read_inputs(targets, config, hashed=cache is not None)
        assembly = _Assembling(len(inputs.files), inputs.failed, inputs.pending)
        # each file's unit is in the org now; what only the unit held (its entities'
        # `Checked` records: ~0.07 s CPU to free at 5,000 teams, one core) stays till exit
        keep_until_exit(_units(inputs, cache, _imports(checking), parsed, assembly.add))
        org, issues = assembly.finish(inputs.skipped)
    return Loaded(org, issues)


class _Assembling:
    """The org assembled from the files' units as they are checked (`validate.Assembly`),
    made on the first unit: the models are imported while a worker parses (`_imports`)."""

    def __init__(self, count: int, failed: dict[str, str],
                 pending: dict[str, str] | None = None) -> None:
        self.count = count
        self.failed = failed
        self.pending = pending
        self.assembly: Assembly | None = None

    def add(self, index: int, unit: FileUnit) -> None:
        if self.assembly is None:
            from orgspec.model.validate import Assembly

            self.assembly = Assembly(self.count, self.failed, self.pending)
        self.assembly.add(index, unit)

    def finish(self, skipped: list[Issue]) -> tuple[Org, list[Issue]]:
        if self.assembly is None:  # no file
            from orgspec.model.validate import assemble

            return assemble([], skipped, self.failed, self.pending)
        return self.assembly.finish(skipped)


def _imports(checking: bool) -> Callable[[], None]:
    """What this process imports while a worker parses: pydantic and the models (0.3 s
    CPU), and for a check also the check modules (0.1 s); a forked parser takes on more
    files meanwhile, so that time is shared between the two cores. No built-in rule of a
    check needs networkx (0.2 s): it is left to the first that reads the graph."""
    def run() -> None:
        import orgspec.model.validate  # noqa: F401

        if checking:
            from orgspec.engine.registry import load_checks

            load_checks()

    return run


@dataclass
class Inputs:
    """Every org file's bytes (or why it could not be read), before parsing, and what
    identifies them for the whole-result key (names, content hashes, discovery's findings)."""

    files: list[tuple[Candidate, bytes | RawFile]]
    skipped: list[Issue]
    failed: dict[str, str]
    parser: str
    digests: list[str]
    ident: list[str]
    pending: dict[str, str] = field(default_factory=dict)  # IN018's `.new` -> its text


def read_inputs(targets: list[str], config: Config, hashed: bool = True) -> Inputs:
    """Discover and read the org's files, hashing each one's bytes (unless not `hashed`:
    digests are then "")."""
    from orgspec.load.cache import content_hash
    from orgspec.load.discovery import discover
    from orgspec.load.loader import RawFile, read_candidate, skipped_issues
    from orgspec.load.parsername import parser_name

    found = discover(targets, config.include, config.exclude, config.respect_gitignore,
                     config.max_files)
    failed: dict[str, str] = {}
    pending: dict[str, str] = {}
    skipped = skipped_issues(found.skipped, failed, pending)
    parser = parser_name()
    # a pending re-import's text decides which references wait for it: its content is
    # part of discovery's findings for every key made of them (result, unchanged, kept org)
    said = repr(skipped) + "".join(f"\0{name}\0{content_hash(text.encode())}"
                                   for name, text in sorted(pending.items()))
    out = Inputs([], skipped, failed, parser, [], [parser, said], pending)
    for cand in found.files:
        data = read_candidate(cand)
        out.files.append((cand, data))
        digest = content_hash(data) if hashed and not isinstance(data, RawFile) else ""
        out.digests.append(digest)
        out.ident.append(_ident(cand, data, digest))
    return out


def _ident(cand: Candidate, data: bytes | RawFile, digest: str) -> str:
    """What identifies one file in `Inputs.ident`: its name and content hash, or why it
    could not be read."""
    return f"{cand.display}\0{digest}" if isinstance(data, bytes) else repr(data.issues)


def hash_inputs(inputs: Inputs) -> None:
    """Hash the files of `inputs` read without hashing (`read_inputs(hashed=False)`): their
    `digests` and `ident` then are what `read_inputs` gives."""
    from orgspec.load.cache import content_hash

    first = len(inputs.ident) - len(inputs.files)  # before: the parser, discovery's findings
    for i, (cand, data) in enumerate(inputs.files):
        if isinstance(data, bytes):
            inputs.digests[i] = content_hash(data)
            inputs.ident[first + i] = _ident(cand, data, inputs.digests[i])


def _units(inputs: Inputs, cache: Cache | None, first: Callable[[], None],
           parsed: dict[str, RawFile] | None = None,
           each: Callable[[int, FileUnit], None] | None = None) -> list[FileUnit]:
    """Each file checked: from the cache when its name and content were checked before
    (`parsed`: files already read, by name, checked without parsing them again);
    `each(index, unit)` as each one is known, in any order."""
    from orgspec.load.cache import make_key
    from orgspec.load.loader import RawFile, parse_files

    store = cache if cache is not None and cache.primed() else None
    keys: dict[int, bytes] = {}
    units: list[FileUnit | None] = []
    for i, ((cand, data), digest) in enumerate(zip(inputs.files, inputs.digests,
                                                   strict=True)):
        unit = None
        if store is not None and not isinstance(data, RawFile):
            keys[i] = make_key("file", inputs.parser, cand.display, digest)
            unit = store.get("file", keys[i], _file_unit())
        unit = unit if unit is not None and unit.display == cand.display else None
        units.append(unit)
        if each is not None and unit is not None:
            each(i, unit)
    missed = [i for i, unit in enumerate(units) if unit is None]
    parsed = parsed or {}
    to_parse = [i for i in missed if inputs.files[i][0].display not in parsed]
    # the files not in the cache are parsed (by two processes when there are many) while
    # the modules needed next are imported here (`_imports`); each is validated here
    work = [(inputs.files[i][0].display, inputs.files[i][1]) for i in to_parse]
    done = None if each is None else (lambda j, unit: each(to_parse[j], unit))
    for i, unit in zip(to_parse, parse_files(work, _check_file, first=first, each=done),
                       strict=True):
        units[i] = unit
    for i in missed:
        if units[i] is None:
            units[i] = unit = _check_file(parsed[inputs.files[i][0].display])
            if each is not None:
                each(i, unit)
        if store is not None and i in keys:
            store.put("file", keys[i], units[i])
    assert None not in units  # every file is a cache hit or was checked above
    return cast("list[FileUnit]", units)


def _check_file(raw: RawFile) -> FileUnit:
    from orgspec.model.validate import check_file  # imported by `_imports` meanwhile

    return check_file(raw)


def _file_unit() -> type[FileUnit]:
    from orgspec.model.validate import FileUnit

    return FileUnit


def lint(paths: list[str] | None = None, config: Config | None = None,
         today: dt.date | None = None) -> LintResult:
    """Load the org and run every enabled rule; the result holds sorted, stamped findings.

    Raises ConfigError when the config names unknown rules or bad options.
    """
    return lint_org(paths, config, today)[0]


def lint_org(paths: list[str] | None = None, config: Config | None = None,
             today: dt.date | None = None, cache: Cache | None = None,
             beside: Sequence[RawFile] = ()) -> tuple[LintResult, Org]:
    """`lint`, and the validated org it checked (for reports). With a `cache`, unchanged
    files are not parsed or validated again. `beside`: files the loader read elsewhere
    (one deleted since git `HEAD`, as `HEAD` holds it), checked with those under `paths`
    under their own names."""
    config = config or Config()
    plan = make_plan(config)
    inputs = None
    if beside:
        from orgspec.load.discovery import Candidate

        inputs = read_inputs(paths or [config.root_path()], config, hashed=cache is not None)
        for raw in beside:  # no bytes: its digest is "", so the cache never keeps it
            inputs.files.append((Candidate(raw.display, ""), raw))
            inputs.digests.append("")
            inputs.ident.append(_ident(Candidate(raw.display, ""), raw, ""))
    loaded = _load(paths, config, cache, inputs, checking=True)
    keep_until_exit(loaded)
    return _blamed(_lint_loaded(loaded, paths, config, plan, today or dt.date.today()),
                   cache), loaded.org


def check_cached(paths: list[str] | None, config: Config, cache: Cache,
                 today: dt.date | None = None) -> LintResult:
    """`lint` through the cache: when nothing that decides the result changed (the files'
    names and contents, the config, rule packs, the date, orgspec itself) the stored result
    is returned without running a rule; else unchanged files come from the cache and the
    result is stored for next time. Findings are the same as `lint`'s: which definition of
    a duplicate id is blamed depends on git, not on the files' contents, so it is chosen
    after the cache, on every run (`_blamed`)."""
    from orgspec.load.cache import make_key

    today = today or dt.date.today()
    targets = paths or [config.root_path()]
    # the plan is made after the stored results are looked up: they are keyed by all it
    # reads (the config, the packs' bytes, the code's fingerprint), and a run that finds
    # one does not read the rule packs (~10 ms CPU: yaml)
    # a cache without a stored result (`Cache.primed`) cannot answer: its files are hashed
    # for the result's key after the output (`_first`)
    primed = cache.primed()
    try:
        inputs = read_inputs(targets, config, hashed=primed)
    except Exception:
        make_plan(config)  # a config error is said first, as before
        raise
    # the locale decides the language when neither --lang, the config nor the content does
    key_parts = [repr(config), locale_lang(), *_pack_hashes(config), today.isoformat(),
                 org_root(targets), repr([os.path.abspath(p) for p in targets])]
    if not primed:
        return _first(paths, config, cache, inputs, key_parts, today)
    key_parts += inputs.ident
    key = make_key("result", *key_parts)
    stored = cache.get("result", key, LintResult)
    if stored is not None:
        return _blamed(stored, cache)
    from orgspec.engine.incremental import Unchanged, summaries_of

    summaries, parsed, keep_summaries = summaries_of(inputs, cache)
    # the org means what it meant in a run before (only comments, blank lines or spacing
    # that moves no finding changed): that run's result
    base = key_parts[:-len(inputs.ident)]
    unchanged = Unchanged(cache, summaries, key, [*base, *inputs.ident[:2]])
    same = unchanged.result()
    if same is not None:
        _keep(cache, key, same, later=True)
        keep_summaries()
        return _blamed(same, cache)
    if _small(inputs):
        return _first(paths, config, cache, inputs, key, today, parsed, unchanged)
    from orgspec.engine.registry import read_back
    from orgspec.engine.warm import patched, state_key

    read_back(cache)  # the built-in rules, not read from their packs again
    plan = make_plan(config)
    # one file's prose changed: answered from the last run's kept state, without the org
    try:
        result = patched(inputs, config, plan, today, cache, base, summaries, parsed,
                         org_root(targets))
    except Exception:  # a kept state that cannot answer is a miss, never
        result = None  # an answer or a traceback: the full path below decides
    if result is not None:
        _keep(cache, key, result, unchanged, later=True)
        keep_summaries()  # after the state (`warm.later`): a next run waits for that
        return _blamed(result, cache)
    from orgspec.engine import keptorg, validators
    from orgspec.gcpause import after_output

    validators.read_back(cache)  # the changed files are validated below
    # the org the last full run assembled, with the changed files' entities patched in
    kept_base = [repr(config), org_root(targets), repr([os.path.abspath(p) for p in targets])]
    try:
        found = keptorg.patched(inputs, cache, kept_base, parsed)
    except Exception:  # a kept org that cannot be patched is a miss, never an answer
        found = None
    loaded = _load(paths, config, cache, inputs, parsed, checking=True) if found is None \
        else Loaded(found[0], found[1])
    keep_until_exit(loaded)
    digests = {cand.display: d for (cand, _), d in zip(inputs.files, inputs.digests,
                                                        strict=True) if d}
    late: list[Callable[[], None]] = []
    result = _lint_loaded(loaded, paths, config, plan, today,
                          Kept(cache, digests, summaries or {}, inputs.parser,
                               (state_key(base), inputs.ident), found is not None, late))
    if found is None or found[2] >= keptorg.KEEP_AFTER:  # after the state: its lock waits
        keptorg.keep(cache, kept_base, inputs.ident, loaded.org, loaded.issues)
    validators.keep(cache)
    _keep(cache, key, result, unchanged, later=True)
    for work in late:  # the rules' entries (`engine.incremental`): after the state's
        after_output(work)
    keep_summaries()
    return _blamed(result, cache)


def _first(paths: list[str] | None, config: Config, cache: Cache, inputs: Inputs,
           key: bytes | list[str], today: dt.date, parsed: dict[str, RawFile] | None = None,
           unchanged: Unchanged | None = None) -> LintResult:
    """A run on a cache this orgspec never stored a result in (`Cache.primed`), or on a
    small org (`_small`): nothing is kept to reuse and only the result is stored (a fresh
    CI job pays for one entry; with `unchanged`, what finds it again after a comment), so it
    lints as `--no-cache` does (`parsed`: files `summaries_of` read, not parsed again).
    `key` is the result's, or (on a cache never primed, `inputs` read without hashing) the
    parts it is made of but the files': the files are then hashed and the result stored
    once the output is out (`gcpause.after_output`: 0.2 s of a cold run at 5,000 teams; a
    run that starts before that write is one more first run). The
    keeping path's steps cost it 1.1-3.3 s CPU of the rule phase at 5,000 teams (least of
    2-3 rounds: 9.9-15.1 s against 8.5-11.8) for nothing: the entity-local rules queued as
    one item (`run_local`), keys and digests per file and per rule part, OW007's search
    keyed."""
    plan = make_plan(config)
    loaded = _load(paths, config, None, inputs, parsed, checking=True)
    keep_until_exit(loaded)
    result = _lint_loaded(loaded, paths, config, plan, today)
    if isinstance(key, bytes):
        _keep(cache, key, result, unchanged)
    else:
        from orgspec.gcpause import after_output
        from orgspec.load.cache import make_key

        parts, result_now = key, as_now(result)

        def keep() -> None:
            hash_inputs(inputs)
            _keep(cache, make_key("result", *parts, *inputs.ident), result_now, unchanged)

        after_output(keep)
    return _blamed(result, cache)


# Below this many bytes of org files, a re-check that no stored result answers lints as
# `--no-cache` does (`_first`) instead of patching the kept state or org: on such an org
# the whole check is mostly start-up and imports, and the kept paths' own imports, per-file
# entries and the state's writer cost more than the rules they skip (see docs/benchmarks.md,
# "Small orgs"). ORGSPEC_SMALL_ORG_BYTES=N sets it (0: every org takes the kept paths).
SMALL_ORG_BYTES = 64 * 1024


def _small(inputs: Inputs) -> bool:
    """Whether the org's files (`Inputs.files`' bytes) are fewer than the threshold
    (`SMALL_ORG_BYTES`, or `$ORGSPEC_SMALL_ORG_BYTES` when it is a whole number)."""
    limit = os.environ.get("ORGSPEC_SMALL_ORG_BYTES", "")
    threshold = int(limit) if limit.isdigit() else SMALL_ORG_BYTES
    total = 0
    for _, data in inputs.files:
        total += len(data) if isinstance(data, bytes) else 0
        if total >= threshold:
            return False
    return total < threshold


def _keep(cache: Cache, key: bytes, result: LintResult, unchanged: Unchanged | None = None,
          later: bool = False) -> None:
    """Store `result` under `key` (and, with `unchanged`, what finds it for an org that
    means the same, once the output is out: `gcpause.after_output`). The result now, as a
    first run's primes the cache, or, when `later`, once the output is out too (after the
    warm state, which a next run waits for): pickling and writing it cost a re-check
    4-10 ms CPU at 500 teams, and `Unchanged.store` reads back the summary of every file
    with a finding (7 ms). A next run that starts before the child has written them
    finds the same findings the longer way."""
    from orgspec.gcpause import after_output

    result = as_now(result)  # the command goes on to change it (a baseline, git's hints)

    def put() -> None:
        if os.path.isdir(cache.own):  # not made again by a late write after a clean
            cache.put("result", key, result)

    if later:
        after_output(put)
    else:
        cache.put("result", key, result)
    if unchanged is not None:
        after_output(lambda: unchanged.store(result) if os.path.isdir(cache.own) else None)


def as_now(result: LintResult) -> LintResult:
    """A copy of `result` as it is now, for work after the output (`gcpause.after_output`):
    its lists, dicts and sets copied, as the command goes on to change them in place (a
    baseline leaves its known findings out of `findings`: stored after that, a later run
    said a known finding was fixed). Findings themselves are not changed in place."""
    from copy import copy
    from dataclasses import fields

    now = copy(result)
    for each in fields(now):
        value = getattr(now, each.name)
        if isinstance(value, (list, dict, set)):
            setattr(now, each.name, copy(value))
    return now


def _blamed(result: LintResult, cache: Cache | None) -> LintResult:
    """`result` with each duplicate id spanning two files at its newer definition
    (`blame.blame_newer`). Not part of what the cache keeps: it depends on git's state
    (a commit, `git add`), which changes no file's content."""
    from orgspec.engine.blame import blame_newer

    findings = blame_newer(result.findings, result.lang, cache)
    return result if findings is result.findings else replace(result, findings=findings)


def _pack_hashes(config: Config) -> list[str]:
    from orgspec.load.cache import content_hash

    out = []
    for pack in config.rule_packs:
        try:
            with open(pack, "rb") as handle:
                out.append(content_hash(handle.read()))
        except OSError:
            out.append("unreadable")
    return out


@dataclass(frozen=True)
class Kept:
    """What lets a run reuse earlier findings: the cache, each file's content hash and
    digests (`engine.summary`)."""

    cache: Cache
    digests: dict[str, str]
    summaries: Mapping[str, FileSummary]
    parser: str = ""
    # where this run's `warm.State` is kept, and the run's `Inputs.ident`
    warm: tuple[bytes, list[str]] | None = None
    # the org is the kept one patched (`engine.keptorg`): few files changed, so most
    # files' entity-local findings are read back, not computed
    patched: bool = False
    # what stores the entries this run's rules found lacking, for once the output is out
    # (`gcpause.after_output`; `incremental.keep_local`, `incremental.run_whole`)
    late: list[Callable[[], None]] = field(default_factory=list)


def _lint_loaded(loaded: Loaded, paths: list[str] | None, config: Config, plan: Plan,
                 today: dt.date, kept: Kept | None = None) -> LintResult:
    from orgspec.engine.activities import ACTIVITY, activity_behind, behind
    from orgspec.engine.anchors import assign_fingerprints
    from orgspec.engine.charterrepeat import repeat_behind_overlap, repeat_hints
    from orgspec.engine.cyclecut import cycle_behind
    from orgspec.engine.dupid import renamed_behind
    from orgspec.engine.emptyteam import empty_behind, unread_members_behind
    from orgspec.engine.everyone import everyone_behind
    from orgspec.engine.formerid import former_behind, repeat_behind
    from orgspec.engine.holdback import hold_back
    from orgspec.engine.noteam import duties_behind, outside_behind
    from orgspec.engine.overlapcharter import charter_behind_overlap, gap_behind_overlap
    from orgspec.engine.pending import causes_first, pending_behind
    from orgspec.engine.rolesslip import roles_behind
    from orgspec.engine.sameid import same_id_behind
    from orgspec.engine.teamfield import member_hints
    from orgspec.engine.teams import with_teams
    from orgspec.engine.treecut import tree_behind
    from orgspec.engine.twiceperson import person_twice_behind
    from orgspec.engine.twiceteam import twice_behind
    from orgspec.engine.undecidedmeeting import undecided_behind

    with gc_paused():
        org = loaded.org
        issues = list(loaded.issues)
        tail = _Tail(org, config, kept)
        issues.extend(run_rules(org, plan, today, kept, tail))
        issues.extend(_incomplete_note(org, loaded.issues))
        root = config.root_path()
        anchors = tail.anchors()
        findings = [f for f in stamp(issues, plan) if not _ignored(f, plan, root)]
        findings = repeat_hints(findings, org)  # RF004: the charter entry to keep
        if org.failed or any(f.code == "IN001" for f in findings):
            from orgspec.engine.namedfix import named_fixes

            findings = named_fixes(findings, org)
        findings = _suppress(findings, org, plan, today, root, anchors)
        every = findings
        held_args = ({c: m.reads for c, m in plan.rules.items()}, anchors,
                     {c: m.absence for c, m in plan.rules.items() if m.absence},
                     "RF001" in plan.severity and
                     not any("RF001" in codes for _, codes in plan.per_file))
        findings = hold_back(every, org, *held_args)
        waiting = _waiting(every, findings, org, *held_args) if org.failed else {}
        findings, _ = tree_behind(findings, org)  # MT004, MT005... behind an unknown `parent`
        findings, _ = cycle_behind(findings, org)  # OK013, OK014... behind a `parent` loop
        findings, _ = renamed_behind(findings, org)  # RF001 of a duplicate's former id
        findings, _ = everyone_behind(findings)  # MT004, MT005 behind `attendees: 全體同仁`
        findings, _ = undecided_behind(findings)  # MT004, MT005 behind `attendees: [TBD]`
        findings, activities = activity_behind(findings)
        # RO002 behind HI007 on a person on no team: no warm state is kept then (`every`
        # holds it, `findings` not), so the warm path never pairs them
        findings, _ = outside_behind(findings)
        findings, _ = duties_behind(findings)  # RO003 behind RO002 at a wrong `team:`
        findings, _ = roles_behind(findings, org)  # RO002, SU001 behind RO006's `roles` slip
        findings, _ = empty_behind(findings, org)  # HI005, OW006 behind HI006 on an empty team
        findings, _ = unread_members_behind(findings, org)  # HI007 behind `members:` empty
        findings = member_hints(findings, org)  # SC001: a `team:` its team lists already
        findings, _ = pending_behind(findings, org)  # RF001 behind IN018's `.new`
        findings, _ = same_id_behind(findings)  # RF001s of one unknown id behind the first
        findings, _ = repeat_behind(findings)  # RF005 behind the RF004 of its repeat
        findings, _ = repeat_behind_overlap(findings, org)  # RF004 behind OW001's bare entry
        findings, _ = charter_behind_overlap(findings, org)  # OW004 behind OW001's slip
        findings, _ = gap_behind_overlap(findings, org)  # MT004 behind OW001's bare entry
        findings, _ = former_behind(findings)  # RF005s of one former id behind the first
        findings, _ = twice_behind(findings)  # OW001, OW006, MT005 behind a team entered twice
        findings, _ = person_twice_behind(findings, org)  # RF009 at the copy, HI007 behind it
        findings = assign_fingerprints(sort_findings(findings), anchors,
                                       org_root(paths or [root]))
        findings = causes_first(with_teams(findings, org))  # IN019 before what it holds
        causes = _causes(findings)
        held_messages, numbered = _held(every, findings, anchors, org_root(paths or [root]))
        if activities:
            places = {(f.code, f.location, f.entity) for f in activities}
            activities = with_teams([f for f in numbered if (f.code, f.location, f.entity)
                                     in places], org)
        former = _former(org, findings, anchors)
        if kept is not None and anchors.asked and kept.cache.primed():
            kept.cache.put("memo", _anchors_key(org, kept), anchors.asked)
        lang = tail.lang()
        if kept is not None and kept.warm is not None:
            from orgspec.engine.warm import keep_state

            gone = {(a.location, a.entity) for a in activities}
            paired = [f for f in every if f.code != ACTIVITY or
                      (f.location, f.entity) not in gone]  # not held: paired (as warm pairs)
            keep_state(kept.cache, *kept.warm, org, plan, config, paired, findings, anchors,
                       org_root(paths or [root]), lang, activities)
        behind_kr = behind(findings, [localize(f, lang) for f in activities])
        findings = [localize(f, lang) for f in findings]  # after the fingerprints: English
    from orgspec.model.idnames import quoted_ids
    from orgspec.model.names import id_names

    return LintResult(findings, files=org.files, failed_files=sorted(org.failed),
                      entity_count=org.entity_count(),
                      rules={code: plan.rules[code] for code in plan.severity}, lang=lang,
                      timezone=config.timezone or "", today=today.isoformat(),
                      name_order=config.name_order or "", held=frozenset(held_messages),
                      held_messages=held_messages,
                      unchecked=_unchecked(org), former=former, activities=behind_kr,
                      waiting=waiting, causes=causes,
                      names=id_names(org, lang, quoted_ids(findings)))


def _causes(findings: list[Finding]) -> frozenset[str]:
    """The fingerprints of the findings that hold others back: a file left out (IN019) or
    waiting to be merged (IN018), an unknown reference whose hint names what it holds, a
    duplicate id whose hint counts the references to the id it had (`engine.dupid`), the
    first of the references to one unknown id (`engine.sameid`), a team entered twice whose
    hint names what it holds (`engine.twiceteam`), the first of the references written
    with one former id (`engine.formerid`), a meeting whose attendees are undecided
    (`engine.undecidedmeeting`), a duty whose second accountable owner is a bare charter
    entry listed again with the duty's role (`engine.charterrepeat`), a `parent` loop whose
    hint names the findings judged on the tree it makes (`engine.cyclecut`)."""
    from orgspec.engine.dupid import is_cause as renamed_cause
    from orgspec.engine.formerid import is_grouped as former_grouped
    from orgspec.engine.holdback import is_grouped, is_held
    from orgspec.engine.pending import is_cause

    return frozenset(f.fingerprint for f in findings if is_cause(f) or renamed_cause(f) or
                     (f.code == "RF001" and (is_held(f.hint) or is_grouped(f.hint))) or
                     (f.code in ("RF008", "MT003", "OW001", "RO006", "HI001") and
                      is_held(f.hint)) or
                     (f.code == "RF005" and former_grouped(f.hint)))


class _Tail:
    """What the steps after the rules need of the org alone (its anchors' index of entity
    keys by file, the run's language) and of each issue (the spans its fingerprint reads),
    made once: while a forked worker runs rules, when there is one (`prepare` in the rule
    phase's `first`, `touch` on each rule's issues as they come); else when asked."""

    def __init__(self, org: Org, config: Config, kept: Kept | None) -> None:
        self.org, self.config, self.kept = org, config, kept
        self._anchors: Anchors | None = None
        self._lang: str | None = None

    def prepare(self) -> None:
        self.anchors()
        self.lang()

    def touch(self, found: list[list[Issue]]) -> list[list[Issue]]:
        anchors = self.anchors()
        for issues in found:
            for issue in issues:
                anchors.prepare(issue.entity, issue.location)
        return found

    def anchors(self) -> Anchors:
        if self._anchors is None:
            self._anchors = _anchors(self.org, self.kept)
        return self._anchors

    def lang(self) -> str:
        if self._lang is None:
            self._lang = run_lang(self.org, self.config)
        return self._lang


def _former(org: Org, findings: list[Finding], anchors: Anchors) -> dict[str, tuple[str, ...]]:
    """`anchors.former_fingerprints` of the findings, when some entity has `aliases`; kept
    in the result, so a run from the cache (no org) still knows them."""
    from orgspec.engine.anchors import former_fingerprints
    from orgspec.model.aliases import former_keys

    former = former_keys(org)
    return former_fingerprints(findings, anchors, former) if former else {}


def _anchors(org: Org, kept: Kept | None) -> Anchors:
    """The run's anchors; with the cache, the identities the last run asked of each file
    (read back where the file's content and entities are as they were)."""
    from orgspec.engine.anchors import Anchors

    if kept is None:
        return Anchors(org)
    known = kept.cache.get("memo", _anchors_key(org, kept), dict)
    return Anchors(org, kept.digests, known)


def _anchors_key(org: Org, kept: Kept) -> bytes:
    """Where a run keeps its anchors' identities: per org (named by its first file) and
    parser; an entry of another org is still only used for files of the same content."""
    from orgspec.load.cache import make_key

    return make_key("kept", "anchors", kept.parser, repr(org.files[:1]))


def _unchecked(org: Org) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each entity (or part) kept without some fields, with those `Kind.field` names (as
    `holdback` matches them against a rule's reads); `*` for one held as invalid."""
    from orgspec.engine.holdback import kind_of

    out = {key: frozenset(f"{kind_of(key)}.{name}" for name in dropped)
           for key, dropped in org.incomplete.items()}
    out.update((key, frozenset({"*"})) for key in org.invalid)
    return tuple(sorted(out.items()))


def _waiting(every: list[Finding], kept: list[Finding], org: Org,
             reads: dict[str, frozenset[str]], anchors: Anchors,
             absence: dict[str, frozenset[str]], checked: bool) -> dict[str, int]:
    """By rule code, how many findings were held back only because files failed to load:
    held back in `org` (`kept` is what `hold_back` kept of `every`), kept when the same
    org is judged as if no file had failed. The summary says so beside the failed files."""
    from collections import Counter
    from dataclasses import replace

    from orgspec.engine.holdback import held_behind

    def key(f: Finding) -> tuple[object, ...]:  # the hold-back re-hints an RF001: no `id`
        return f.code, f.location, f.entity, str(f.message)

    shown = {key(f) for f in kept}
    alone, _ = held_behind(every, replace(org, failed={}), reads, anchors, absence, checked)
    would = {key(f) for f in alone}
    count = Counter(f.code for f in every if key(f) not in shown and key(f) in would)
    if checked:  # RF001 leaves some references unsaid itself: no finding to count
        from orgspec.engine.registry import UNSAID, load_checks

        load_checks()
        count["RF001"] += UNSAID["RF001"](org)
    return dict(sorted((code, n) for code, n in count.items() if n))


def _held(every: list[Finding], kept: list[Finding], anchors: Anchors,
          root: str) -> tuple[dict[str, str], list[Finding]]:
    """The fingerprints of the findings held back (in `every`, not in `kept`), each with its
    English message: a baseline entry among them was not checked this run, not fixed,
    unless the finding held there says something else (`--diff`); and those findings,
    fingerprinted."""
    from orgspec.engine.anchors import assign_fingerprints

    if len(every) == len(kept):
        return {}, []
    shown = {f.fingerprint for f in kept}
    held = [f for f in assign_fingerprints(sort_findings(every), anchors, root)
            if f.fingerprint not in shown]
    return {f.fingerprint: str(f.message) for f in held}, held


def run_lang(org: Org, config: Config) -> str:
    """The run's language: `lang` of the config (which `--lang` sets), else the content's,
    else the locale's."""
    from itertools import chain

    return choose(config.lang, content_lang(chain(org_texts(org), invalid_texts(org),
                                                  failed_texts(org))))


def failed_texts(org: Org) -> Iterator[str]:
    """The words written in the files that failed to parse or to decode as UTF-8 (read in
    the legacy encoding they look like: `source.legacy_text`): the text after each line's
    first colon (of each item, in a flow mapping or list), or a list item, when it is more
    than one ASCII word (not a kind or an id),
    and the comments (but an editor's or orgspec's own). A one-file org with a syntax error
    is judged by what its user wrote, not by its keys and ids, so its error speaks the
    user's language."""
    for text in org.failed.values():
        for line in text.splitlines():
            line = line.strip().lstrip("-").strip()
            if line.startswith("#"):
                value = line.lstrip("#").strip()
                if not _TOOL_COMMENT.match(value):
                    yield value
            elif line:
                for part in _FLOW_SPLIT.split(line):  # `{kind: Person, name: 吳佩瑜}`: each value
                    value = (part.split(":", 1)[1] if ":" in part else part).strip(" []{}")
                    if not value.isascii() or " " in value:
                        yield value


_FLOW_SPLIT = lazy(r"[,{}\[\]]")  # a flow mapping's or list's items
# comments that tools write, in English whatever the org's language
_TOOL_COMMENT = lazy(r"(?:yaml-language-server|orgspec|-\*-|vim?:)", re.I)


def invalid_texts(org: Org) -> Iterator[str]:
    """The names, titles and descriptions of the entities held as invalid (`id: 客服`),
    which `org_texts` does not see: an org whose every entity fails is still judged by
    what its user wrote."""
    for key in sorted(org.invalid):
        fields = org.incomplete.get(key, {})
        for attr in ("name", "title", "mission", "description", "purpose"):
            value = fields.get(attr)
            if isinstance(value, str):
                yield value


def org_texts(org: Org) -> Iterator[str]:
    """The human text of every entity kind, kind by kind (names, titles, missions,
    descriptions, purposes; a process's steps, an objective's key results): what the
    content's language is judged by (`content_lang` reads only the first part)."""
    from orgspec.model.org import ENTITY_KINDS

    for kind in ENTITY_KINDS:
        yield from kind_texts(org, kind)


def kind_texts(org: Org, kind: str) -> Iterator[str]:
    """`org_texts` of one entity kind."""
    for entity in org.table(kind).values():
        yield from entity_texts(entity)


def entity_texts(entity: object) -> Iterator[str]:
    """`org_texts` of one entity: its own, then its steps' or key results'."""
    yield from _texts(entity)
    for part in (*getattr(entity, "steps", ()), *getattr(entity, "key_results", ())):
        yield from _texts(part)


# an entity's own fields `entity_texts` reads, in order
TEXT_FIELDS = ("name", "title", "mission", "description", "purpose")


def _texts(entity: object) -> Iterator[str]:
    for attr in TEXT_FIELDS:
        value = getattr(entity, attr, None)
        if isinstance(value, str):
            yield value


def localize(f: Finding, lang: str) -> Finding:
    """`f` with its message, hint and related messages said in `lang`."""
    return replaced(f, message=said_from(f.message, lang), hint=said_from(f.hint, lang),
                    related=tuple(Related(r.location, said_from(r.message, lang))
                                  for r in f.related))


# From this many entities on, the rules are shared with a forked worker (`forkmap`).
PARALLEL_MIN = 5000
# Graph-free rules that cost the most on the synthetic orgs, by their item's cost (wall s
# at 5,000 teams: OW007 2.5, MT004's group 1.3, OK003's 1.2, RF001's 0.6, SC005 0.33,
# PR007's 0.28, RF004 0.28, SC004 and RF008 0.12, HI008's 0.08, RO006 0.07, OK012's 0.06):
# queued first, so that the last items either process takes are short ones and both end
# together (SC005 queued among the rest was 0.26 s of one process alone at the end). Only
# the balance depends on this list.
_HEAVY = ("OW007", "MT004", "OK003", "RF001", "SC005", "PR007", "RF004", "SC004", "RF008",
          "HI008", "RO006", "OK012")
# Rules that share work done once per process (a memo, a table the org computes on first
# use, a parse cache) are queued as one item, so that one process does it, not both: the
# key results' verdicts and quantities; `org.raci`, the ownership gaps, the team tree and
# the meeting presence; each process's step tables; the team children; the objectives'
# owners and tree; the walk over every reference (RF001's findings, RF007's guesses: apart,
# each process walked, 0.5 s CPU at 5,000 teams). Apart, each group cost the two processes
# 0.1-0.5 s more CPU at 500 teams (`docs/benchmarks.md`). Only the balance depends on this
# list.
_TOGETHER = (
    ("RF001", "RF007"),
    ("OK003", "OK004", "OK005", "OK006", "OK007", "OK008", "OK009", "OK010", "RO004"),
    ("OW001", "OW002", "OW003", "OW004", "OW005", "OW006", "RO001", "RO002", "RO003",
     "RO005", "MT002", "MT003", "MT004", "MT005"),
    ("PR001", "PR002", "PR003", "PR004", "PR005", "PR006", "PR007", "PR008", "PR009"),
    ("HI002", "HI007", "HI008"),
    ("OK012", "OK013", "OK014"),
)
_LOCAL = "<entity-local rules>"  # the queue item that runs `incremental.run_local`


def run_rules(org: Org, plan: Plan, today: dt.date | None = None,
              kept: Kept | None = None, tail: _Tail | None = None) -> Iterator[Issue]:
    """Run each enabled check (Python or declarative) once. On a large org and a machine
    with two cores, a forked worker starts on the graph-free rules while this process
    builds the graph and runs the rules that read it, then both take the graph-free rules
    left (`orgspec.forkmap`); with `kept`, the entity-local rules' findings of unchanged
    files come from the cache, and a whole-org rule's when what it reads did not change
    (`engine.incremental`). The findings are the same either way. With a worker, this
    process makes what `tail` needs meanwhile."""
    from orgspec.engine.registry import load_checks

    checks = load_checks()  # imports the check modules, which fills GRAPH_FREE and LOCAL
    today = today or dt.date.today()
    # the rules with a check to run: the loader's and the schema's (IN, SC, SU...) are
    # found while loading, and a whole-org entry kept for each (`run_whole`) was 27 of the
    # 51 entries a RACI re-check wrote, each read and written for nothing
    codes = [c for c in plan.severity if c in checks or plan.rules[c].given is not None]
    if kept is not None:
        from orgspec.engine.incremental import local_codes, run_whole

        by_file = local_codes(plan, codes)
        codes = [c for c in codes if c not in by_file]
        local_found: list[Issue] | None = None

        def split(fresh: list[str]) -> list[Issue]:
            nonlocal local_found
            local_found, rest = _run_split(org, plan, today, fresh, kept, by_file, tail)
            return rest

        whole = run_whole(org, plan, today, codes, kept.cache, kept.summaries, split,
                          kept.late)
        if local_found is None:  # every whole-org rule's findings were kept
            local_found, _ = _run_split(org, plan, today, [], kept, by_file, tail)
        yield from local_found
        yield from whole
        return
    yield from _run_split(org, plan, today, codes, kept, [], tail)[1]


def _run_split(org: Org, plan: Plan, today: dt.date, codes: list[str], kept: Kept | None,
               by_file: list[str], tail: _Tail | None = None,
               ) -> tuple[list[Issue], list[Issue]]:
    """The entity-local rules' issues (`by_file`, through the cache in `kept`) and those of
    `codes`; on a large org shared with a forked worker, while which this process also
    makes what `tail` needs."""
    from orgspec.engine.registry import GRAPH_FREE

    def local() -> LocalFound:
        from orgspec.engine.incremental import run_local

        assert kept is not None
        return run_local(org, plan, today, by_file, kept.cache, kept.digests, _run_codes)

    def kept_local(found: list[Issue]) -> list[Issue]:
        """`found`, after queuing what stores the bundle it lacks (in this process: the
        worker that may have run `local` ends before the output is out)."""
        from orgspec.engine.incremental import LocalFound, keep_local

        if kept is not None and isinstance(found, LocalFound):
            keep_local(kept.cache, found, kept.digests, kept.late)
        return found

    if not _parallel(org):
        return (kept_local(local()) if by_file else []), _run_codes(org, plan, today, codes,
                                                                    kept)
    remote = [c for c in codes if c in GRAPH_FREE or plan.rules[c].given is not None]
    here = [c for c in codes if c not in remote]
    shared = _shared(org, today, kept)  # one per process: the memo serves every rule
    found_here: list[Issue] = []

    def rank(item: tuple[str, ...]) -> int:
        return min((_HEAVY.index(c) for c in item if c in _HEAVY), default=len(_HEAVY))

    queue = sorted(_items(remote), key=rank)
    if by_file:
        # the entity-local rules' item is the largest when most files are checked afresh:
        # first. On a patched org it is mostly kept entries read back (~1 s CPU at 5,000
        # teams), less than the whole-org group a RACI edit reruns (MT004 with `org.raci`,
        # OW001, OW002: ~1.7 s): queued after the heavy items, it goes to whichever
        # process is free first, so neither waits long for the other (`docs/benchmarks.md`)
        queue.insert(sum(rank(item) < len(_HEAVY) for item in queue)
                     if kept is not None and kept.patched else 0, (_LOCAL,))

    def one(item: tuple[str, ...]) -> list[list[Issue]]:
        if item == (_LOCAL,):
            return [local()]
        return [_run_codes(org, plan, today, [code], kept, shared) for code in item]

    from orgspec.forkmap import fork_map

    def first() -> None:
        found_here.extend(_run_codes(org, plan, today, here, kept, shared))
        if tail is not None:
            tail.prepare()
            tail.touch([found_here])

    after = _same if tail is None else tail.touch
    results = {code: found for item, done in zip(queue, fork_map(one, queue, first, after=after),
                                                 strict=True)
               for code, found in zip(item, done, strict=True)}
    rest = list(found_here)
    for code in remote:
        rest.extend(results[code])
    return (kept_local(results[_LOCAL]) if by_file else []), rest


def _same(found: list[list[Issue]]) -> list[list[Issue]]:
    return found


def _items(codes: list[str]) -> list[tuple[str, ...]]:
    """The queue's items: each group of `_TOGETHER` whose rules are among `codes` as one
    item (its rules in `codes` order), every other rule alone."""
    group = {code: n for n, members in enumerate(_TOGETHER) for code in members}
    items: dict[object, list[str]] = {}
    for code in codes:
        items.setdefault(group.get(code, code), []).append(code)
    return [tuple(item) for item in items.values()]


def _parallel(org: Org) -> bool:
    from orgspec.forkmap import parallel_enabled

    return parallel_enabled() and org.entity_count() >= PARALLEL_MIN


def _shared(org: Org, today: dt.date, kept: Kept | None) -> Shared:
    from orgspec.engine.context import Shared

    shared = Shared(org, today, cache=kept.cache if kept else None,
                    digests=kept.digests if kept else None,
                    summaries=kept.summaries if kept else None)
    keep_until_exit(shared)  # with the graph, once a rule built it
    return shared


def _run_codes(org: Org, plan: Plan, today: dt.date, codes: list[str],
               kept: Kept | None = None, shared: Shared | None = None) -> list[Issue]:
    from orgspec.engine.context import RuleContext
    from orgspec.engine.declarative import run_declarative
    from orgspec.engine.registry import load_checks

    checks, shared = load_checks(), shared or _shared(org, today, kept)
    out: list[Issue] = []
    for code in codes:
        meta = plan.rules[code]
        if meta.given is not None:
            out.extend(run_declarative(meta, shared))
        elif code in checks:
            out.extend(replace(issue, code=code)  # the framework stamps the code
                       for issue in checks[code](RuleContext(shared, plan.options[code])))
    return out


def stamp(issues: Iterable[Issue], plan: Plan) -> Iterator[Finding]:
    """Turn issues of enabled rules into findings; the plan, not the check, gives name and
    severity."""

    for issue in issues:
        severity = plan.severity.get(issue.code)
        if severity is None:
            continue
        meta = plan.rules[issue.code]
        yield Finding(issue.code, meta.name, severity, issue.message, issue.location,
                      issue.entity, issue.related, issue.hint,
                      related_more=issue.related_more, teams=issue.teams)


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def _ignored(f: Finding, plan: Plan, root: str) -> bool:

    if not plan.per_file:
        return False
    return plan.ignored_in(f.code, f.location.file) or \
        plan.ignored_in(f.code, _relative(f.location.file, root))


def org_root(paths: list[str]) -> str:
    """The folder that holds every path linted: fingerprints name files relative to it, so
    the org checked out elsewhere (the base of --diff, the index) gives the same ones."""
    folders = [p if os.path.isdir(p) else os.path.dirname(p) or "." for p in paths]
    try:
        return os.path.commonpath([os.path.abspath(f) for f in folders])
    except ValueError:  # different drives
        return os.path.abspath(folders[0])


def focus(result: LintResult, files: list[str],
          caused: Callable[[], Collection[str]] | None = None, org: str = "") -> LintResult:
    """Keep the findings located in `files` (what an editor on save or a per-file workflow
    asks for), or below those of them that are folders: the org was linted whole, so
    cross-file checks stay right. A finding with a related location in a named file is
    kept too, at its own location, as the whole org's run reports it: a team file that
    claims a duty another team is accountable for causes the OW001 reported on the duty,
    and a duplicate id's first definition is where the run says it is, whichever file
    was named. The findings located in a file that failed to load (its syntax error) are
    kept whichever file that is: they hold back the cross-file findings the named files
    may cause, so a narrowed run must not say "no problems" without them.

    So are the unknown references elsewhere that the named files caused: an RF001 (or an
    RF005, a former id) in another file whose id is one of `caused()`, the ids the named
    files define or defined before the change (`ci.before`: renaming team `tech` in
    `org/teams.yaml` leaves `tech` in the duties and OKRs). `caused` is called only when
    another file has such a finding (it may ask git). The findings left out are kept
    in `result.elsewhere`, `org` the folder whose whole check lists them: the summary says
    how many there are, so that a narrowed run never says "no problems" about the org."""
    from orgspec.engine.blame import within

    kept = within(files)
    failed = set(result.failed_files)
    shown: list[Finding] = []
    others: list[Finding] = []
    for f in result.findings:
        if kept(f.location.file) or any(kept(r.location.file) for r in f.related) or \
                f.location.file in failed:
            shown.append(f)
        else:
            others.append(f)
    if caused is not None and any(f.code in _REFERENCED for f in others):
        ids = frozenset(caused())
        mine = [f for f in others if _references(f) & ids]
        if mine:
            shown = sort_findings([*shown, *mine])
            others = [f for f in others if not _references(f) & ids]
    result.findings = shown
    result.elsewhere = others
    result.whole_org = org
    result.scope = tuple(files)
    return result


# the findings at a reference naming an id, by the message's values that hold the id
_REFERENCED = {"RF001": ("value",), "RF005": ("value", "id")}


def _references(f: Finding) -> set[str]:
    """The ids an unknown (RF001) or former-id (RF005) reference of `f` names."""
    said = getattr(f.message, "source", f.message)  # a `Said` keeps the `M` it said
    values = getattr(said, "values", None)
    if not isinstance(values, dict):
        return set()
    return {v for k in _REFERENCED.get(f.code, ()) if isinstance(v := values.get(k), str)}


def _suppress(findings: list[Finding], org: Org, plan: Plan, today: dt.date,
              root: str, anchors: Anchors) -> list[Finding]:
    from orgspec.load.suppress import Suppressor

    if not org.directives:
        return findings
    names = {m.name: c for c, m in plan.rules.items()}
    invalid = org.invalid
    # a schema finding on an entity that was not read (held as invalid, or without an id
    # to hold it by: `validate._schema_issues`) says so: it is never suppressed
    sup = Suppressor(org.directives, names, today, anchors.first_lines,
                     lambda f: f.code.startswith("SC") and (not f.entity or f.entity in invalid))
    kept = [f for f in findings if f.code.startswith("SU") or not sup.suppressed(f)]
    extra = sup.leftovers(set(plan.rules), set(plan.severity),
                          _either(_unsure(org), _hidden_by_reference(org, kept, {
                              c: m.reads for c, m in plan.rules.items()})))
    kept.extend(f for f in stamp(extra, plan) if not _ignored(f, plan, root))
    return kept


def _unsure(org: Org) -> Callable[[Directive, str], bool] | None:
    """Whether a suppression's code may have lost its finding to a file that failed to
    load, so that it is not known to be unused: for one in that file, or for a rule that
    reads other entities than the one it reports on, of a kind the failed files define (as
    their text writes `kind:`; any kind when it cannot be told). An entity-local rule's
    finding in a loaded file is whole, and so is that of a rule that reads only teams while
    the failed file holds duties."""
    if not org.failed:
        return None
    from orgspec.engine.holdback import kinds_in_failed
    from orgspec.engine.registry import LOCAL, READS, load_checks

    load_checks()
    present = kinds_in_failed(org)

    def unsure(d: Directive, code: str) -> bool:
        if d.location.file in org.failed:
            return True
        if code in LOCAL:
            return False
        reads = READS.get(code)
        if reads is None or present is None:
            return True
        kinds = {r.split(".", 1)[0] for r in reads}
        return "" in kinds or bool(kinds & present)

    return unsure


def _either(*asked: Callable[[Directive, str], bool] | None
            ) -> Callable[[Directive, str], bool] | None:
    """True where one of `asked` (those not None) is; None when all are."""
    given = [a for a in asked if a is not None]
    if len(given) < 2:
        return given[0] if given else None
    return lambda d, code: any(a(d, code) for a in given)


def _hidden_by_reference(org: Org, findings: list[Finding], reads: dict[str, frozenset[str]]
                         ) -> Callable[[Directive, str], bool] | None:
    """Whether a suppression's code may have no finding only because an unknown id (an
    RF001 among `findings`) on a line it covers sits in a field its rule reads: a person who
    left, still in a position's `holders` under `ignore[RO001]`, fills the seat RO001 would
    call open (trial 35). The RF001 is the one finding; "unused" is not known till it is
    fixed. `reads`: by rule code, `RuleMeta.reads`. None without an RF001."""
    at = {(f.location.file, f.location.line, f.location.col) for f in findings
          if f.code == "RF001"}
    if not at:
        return None
    from orgspec.engine.holdback import reference_place
    from orgspec.model.unresolved import meant

    fields: dict[tuple[str, int], set[str]] | None = None

    def unsure(d: Directive, code: str) -> bool:
        nonlocal fields
        read = reads.get(code)
        if not read:
            return False
        if fields is None:
            fields = {}
            for ref in meant(org):
                file, line, col = reference_place(org, ref)
                if (file, line, col) in at:
                    fields.setdefault((file, line), set()).add(ref.field)
        lines = [(f, n) for f, n in fields if f == d.location.file and d.covers_line(n)]
        return any(read & fields[place] for place in lines)

    return unsure


def _incomplete_note(org: Org, read: Iterable[Issue] = ()) -> Iterator[Issue]:
    """RF003, when files failed and others were loaded: the findings on those others may be
    held back or missing. When every file failed (a one-file run with a syntax error), the
    file's own error is the one finding: there are no cross-file checks to be incomplete.
    Placed at the last of the first failed file's input findings (`read`, the loader's), so
    that the error that stopped the file is listed before this knock-on note (at one place,
    `IN...` sorts before `RF003`); at the file's start when it has none. Not when every
    failed file has its own error: one mistake, one finding, and the run's summary says
    that checks are incomplete (`reporters.text.summary_line`, `failed_files`)."""
    if org.failed and any(f not in org.failed for f in org.files):
        read = list(read)
        told = {i.location.file for i in read if i.code.startswith("IN")}
        if all(f in told for f in org.failed):
            return
        first = sorted(org.failed)[0]
        causes = [i.location for i in read
                  if i.location.file == first and i.code.startswith("IN")]
        cause = max(causes, key=lambda loc: (loc.line, loc.col), default=Location(first))
        n = len(org.failed)
        text = M("{n} files could not be loaded; cross-file checks are incomplete", n=n) \
            if n > 1 else M("1 file could not be loaded; cross-file checks are incomplete")
        # at the first of them; the others are named beside it, so each is one click away
        others = tuple(Related(Location(f), M("could not be loaded either"))
                       for f in sorted(org.failed)[1:])
        yield Issue(text, Location(first, cause.line, cause.col), related=others,
                    code="RF003")

