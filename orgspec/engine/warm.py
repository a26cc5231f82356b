"""A warm re-check after one file's prose changed, answered without the org.

A full run through the cache keeps a `State`: its findings (fingerprinted, before they are
said in the run's language) with each one's fingerprint anchor, and small extracts of the
org (`model.extracts`: the duties OW007 compares, where their texts are; each entity's
owning teams; each file's entity keys). The next run, when exactly one file's content
changed and that file's entities are as they were but for prose that only the
entity-local rules and OW007 read (`engine.summary`: every `Kind.structure` digest, each
`Kind.named` one a whole-org rule but RF001 reads, the unknown kinds', the input problems,
the suppressions and the entities' lines the same; no whole-org rule but OW007 reads a
changed kind whole; the org's language not judged by it), answers from that state: the
changed file is validated on its own and its entity-local rules run (or, when the fields
that changed are none those rules read nor a name, `_check_quiet`, its local findings
are kept and its texts taken as written, without the models), and OW007's groups are
taken from the kept search (a reword) or searched again with the kept features (a word
changed: then beside the file's check, in a forked worker; `_answer`); every other
finding is kept where the entity it lies in did not move.
Anything outside that (a file added or removed, an id, a kind, a reference, a team's or a
person's name (RF008, RO002 read them), a suppression in the changed file or one naming
OW007 anywhere, a file that failed, anything held back, a `former id`) falls back to the
full path, as does any doubt about an entry: the findings are the same as a run without
the cache (`tests/test_cache.py` replays edits of every kind and compares).
ORGSPEC_WARM_PATCH=0 turns it off. One structure edit is answered from the state too: one
file's duties' `responsible`, `consulted` or `informed` lists changed (`engine.raciedit`,
from the RACI facts kept beside the state, `Facts`).

The state is only for the next run, so `orgspec check` writes it after its output is out,
in a child it does not wait for (`later`, `gcpause.after_output`); the cache's "state" lock
is held from the run until it is written, and the next run waits for it (at most
`WAIT_SECONDS`) before it reads the state.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, overload

from orgspec.findings import Finding, Issue, LintResult, Location
from orgspec.model.idnames import by_id, quoted_ids

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from orgspec.engine.anchors import Anchors
    from orgspec.engine.lint import Inputs
    from orgspec.engine.racifacts import RaciFacts
    from orgspec.engine.selection import Plan
    from orgspec.engine.summary import FileSummary
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config
    from orgspec.load.loader import RawFile
    from orgspec.model.extracts import Duties
    from orgspec.model.org import Org
    from orgspec.model.validate import FileUnit
    from orgspec.text.neardup import Group, Verdicts

# The whole-org rule answered from the kept extracts; any other reruns through the org.
NEAR_DUPLICATES = "OW007"
UNKNOWN_REFERENCE = "RF001"


def enabled() -> bool:
    """False with ORGSPEC_WARM_PATCH=0: no state is kept or read, every re-check takes
    the full path."""
    return os.environ.get("ORGSPEC_WARM_PATCH", "1") != "0"


@dataclass
class State:
    """What a run kept for the next to answer a prose edit of one file from.

    `idents`: the run's `Inputs.ident` (parser, discovery's findings, each file's name and
    content hash); `findings`: the result's, in order, in English, with `anchors` (what
    each fingerprint was taken of); `local`: the entity-local rules run; `rules`: every
    rule run (a finding of another code came from loading); `blocked`: the entity kinds a
    whole-org rule other than OW007 reads whole; `lang`: the run's language and
    `lang_texts` what it was judged by (None: the config's): each entity's texts
    (`lint.entity_texts`) by key, in `org_texts` order, until `LANG_SAMPLE` characters
    and some more, and whether that is every text; `duties`: OW007's inputs (the
    duties' text sites are their files' `FileSummary.sites`); `owners`: entity key -> its
    owning teams (`teams.owning_teams`, when any); `teams`: the org's team ids; `keys`: file -> the
    keys of the entities the org took from it; `org_name`: `repr` of the org's first
    file, as a list (`memo.Memo`)."""

    idents: list[str]
    findings: list[Finding]
    anchors: list[str]
    local: frozenset[str]
    rules: frozenset[str]
    blocked: frozenset[str]
    lang: str
    lang_texts: tuple[list[tuple[str, list[str]]], bool] | None
    duties: Duties
    owners: dict[str, tuple[str, ...]]
    teams: frozenset[str]
    keys: dict[str, frozenset[str]]
    org_name: str
    files: list[str]
    entity_count: int
    # OW007's search as `dutygroups.searched` gives it for `duties` (None: not taken yet):
    # a prose edit that leaves what the search reads the same regroups its pairs
    near: Near | None = None
    # the OK005s held back behind an OK003 at the same key result (`engine.activities`),
    # fingerprinted, with teams, in English
    activities: list[Finding] = field(default_factory=list)
    # entity key -> name (`model.names.keyed_names`): the run's `LintResult.names` by key,
    # a changed file's own replacing its entities' (a name edit is prose); `names_vary`:
    # whether they depend on the language (`model.names.names_vary`: a prose edit that
    # changes the run's language then takes the full path)
    names: dict[str, str] = field(default_factory=dict)
    names_vary: bool = False
    # what answers a prose edit without the models (`_check_quiet`): the prose fields the
    # run's entity-local rules read (`localprose.prose_read`; all when not known); per kind,
    # the prose fields validation keeps as written, with the lengths it takes
    # (`validate._prose_limits`); and, per entity of `lang_texts`, the fields its own texts
    # came from, in order (`lint._texts`; its parts' texts follow)
    prose_read: frozenset[str] = frozenset(("name", "description", "mission", "title"))
    limits: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    lang_attrs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what answers an edit of who else holds a duty without the org (`engine.raciedit`);
    # None: not kept (such an edit takes the full path)
    raci: RaciFacts | None = None


# The pairs the near-duplicate search reported, and the features of each duty in one.
Near = tuple[list[tuple[int, int, float]], dict[int, frozenset[str]]]


def state_key(base: list[str]) -> bytes:
    """Where the state of runs with the same config, date, locale, targets and rule packs
    (`base`) is kept."""
    from orgspec.load.cache import make_key

    return make_key("state", *base)


@dataclass
class Head:
    """The `idents` of the state kept beside it (`later`): enough to tell that a run's
    change is not one file's prose (a RACI edit, several files) without reading the state
    (39 MB at 5,000 teams, 0.2-0.4 s CPU). A head of another run than the state's only
    sends a run the full path, which gives the same findings."""

    idents: list[str]


def _head_key(key: bytes) -> bytes:
    from orgspec.load.cache import make_key

    return make_key("state-head", key)


@dataclass
class Facts:
    """The `State.raci` of the state of the inputs `idents` (None: none kept), stored
    beside it (`later`): the prose path does not read them (~5 ms at 500 teams)."""

    idents: list[str]
    raci: RaciFacts | None


def _facts_key(key: bytes) -> bytes:
    from orgspec.load.cache import make_key

    return make_key("racifacts", key)


def kept_facts(cache: Cache, key: bytes, idents: list[str]) -> RaciFacts | None:
    """The `RaciFacts` kept for the state of the inputs `idents` under `key`, if any."""
    found = cache.get("racifacts", _facts_key(key), Facts)
    return found.raci if found is not None and found.idents == idents else None


# ---- kept by a full run ------------------------------------------------------------------


# How long a run waits for the state a run before it is still writing (`later`): a fast
# path's answer costs a fraction of the full path's, which it would take without it.
WAIT_SECONDS = 10.0


def later(cache: Cache, key: bytes, state: State | Callable[[], State | None],
          carry: list[str] | None = None) -> None:
    """Store `state` (or what `state()` makes: None stores nothing) once this run's output
    is out (`gcpause.after_output`: in a one-shot process, in a child it does not wait
    for), holding the cache's "state" lock from now until it is written, so that the next
    run waits for it (`patched`) rather than take the full path meanwhile. A child killed
    or a write lost leaves the state before it or none, each consistent with the inputs
    it names (`State.idents`): the next run answers from it or takes the full path.
    Its `raci` is stored apart (`Facts`: only a RACI edit reads it); a state without
    them takes those kept for the state of the inputs `carry` names (a prose edit changes
    none of them), when there are."""
    from orgspec.gcpause import after_output, defers

    held = cache.hold("state") if defers() else None

    def work() -> None:
        try:
            # a cache cleaned since (`orgspec cache clean` right after the run) is not
            # made again, untagged, by this late write
            if not os.path.isdir(cache.own):
                return
            made = state() if callable(state) else state
            if made is not None and os.path.isdir(cache.own):
                raci = made.raci
                if raci is None and carry is not None:
                    raci = kept_facts(cache, key, carry)
                cache.put("racifacts", _facts_key(key), Facts(made.idents, raci))
                cache.put("state", key, replace(made, raci=None))
                cache.put("statehead", _head_key(key), Head(made.idents))
        finally:
            if held is not None:
                os.close(held)

    after_output(work)


def keep_state(cache: Cache, key: bytes, idents: list[str], org: Org, plan: Plan,
               config: Config, every: list[Finding], findings: list[Finding],
               anchors: Anchors, root: str, lang: str,
               activities: list[Finding] | None = None) -> None:
    """Store the `State` of a full run (`findings`: after hold-back, fingerprinted, with
    teams, in English; `every`: before hold-back, but for `activities`, the OK005s held
    back behind an OK003, which a prose edit pairs again), when its org is one a prose edit can
    be answered for: nothing failed, held back, dropped or renamed, no suppression that
    names OW007 (`_names_near_duplicates`), and every reference resolved (RF001 ran
    everywhere and found none but placeholders, `model.placeholdersaid`)."""
    from orgspec.model.aliases import former_keys
    from orgspec.model.placeholdersaid import said_placeholder

    if not enabled() or not cache.primed() or org.failed or org.incomplete or org.invalid or \
            _names_near_duplicates(org, plan) or org.renamed or former_keys(org) or \
            len(every) != len(findings) or "RF001" not in plan.severity or \
            any("RF001" in codes for _, codes in plan.per_file) or \
            any(f.code == "RF007" or (f.code == UNKNOWN_REFERENCE and not said_placeholder(f))
                for f in every):
        return
    # made and written once the output is out (0.1-0.25 s CPU at 500 teams); nothing it
    # reads is changed after this run's rules
    later(cache, key, lambda: replace(
        _made(idents, org, plan, config, findings, anchors, root, lang, cache),
        activities=list(activities or ())))
    if NEAR_DUPLICATES in plan.severity:
        keep_lexicon(cache, None, later=True)


def _lexicon_key() -> bytes | None:
    """Where the lexicon of this `lexicon.yaml` is kept (in a cache of this code: its
    folder is named by `code_fingerprint`), with the OpenCC installed (it folds the
    Chinese terms); None when the file cannot be read."""
    from orgspec.load.cache import content_hash, library_stamp, make_key
    from orgspec.text.glossary import LEXICON

    try:
        return make_key("lexicon", content_hash(LEXICON.read_bytes()), library_stamp("opencc"))
    except OSError:
        return None


def kept_lexicon(cache: Cache) -> bytes | None:
    """Take the lexicon kept in `cache` as this process's (`glossary.use`: the prose
    path's near-duplicate features then do not read `lexicon.yaml`); the key to keep it
    under (`keep_lexicon`) when none was kept."""
    from orgspec.text.glossary import Lexicon, loaded, use

    key = None if loaded() else _lexicon_key()
    if key is None:
        return None
    found = cache.get("lexicon", key, Lexicon)
    return None if found is not None and use(found) else key


def keep_lexicon(cache: Cache, key: bytes | None, later: bool = False) -> None:
    """Store this process's lexicon under `key` once the output is out (read then, in the
    writer, when this run did not need it); with `later`, under `_lexicon_key()` made then
    too: a full run whose rules did not need the lexicon neither imports the glossary nor
    reads `lexicon.yaml` before its output (~4.5 ms CPU of a RACI re-check)."""
    if key is None and not later:
        return
    from orgspec.gcpause import after_output

    def work() -> None:
        from orgspec.text.glossary import lexicon

        where = _lexicon_key() if later else key
        if where is not None and os.path.isdir(cache.own):  # not made again by a late
            cache.put("lexicon", where, lexicon())  # write after a clean

    after_output(work)


def _names_near_duplicates(org: Org, plan: Plan) -> bool:
    """Whether a suppression comment of the org may name OW007 (by code or name, read as
    `lint._suppress` reads it; a malformed one as it is meant).

    The others leave a prose answer as the full path gives it: a suppression covers
    findings on its own file's lines, and such an answer changes only the findings of the
    changed file's entity-local rules (located in that file alone, which holds no
    suppression: `_check_alone`) and OW007's (whose group a suppression on any member's
    line silences). So each kept finding, and each SU finding of a suppression elsewhere,
    is what the full path would give."""
    names = {m.name: c for c, m in plan.rules.items()}
    return any(names.get(text, text.upper()) == NEAR_DUPLICATES
               for d in org.directives for text in d.codes)


def _made(idents: list[str], org: Org, plan: Plan, config: Config, findings: list[Finding],
          anchors: Anchors, root: str, lang: str, cache: Cache) -> State:
    """The `State` of a full run `keep_state` keeps."""
    from orgspec.engine.anchors import _relative
    from orgspec.engine.incremental import _files_of, _reads, local_codes
    from orgspec.engine.localprose import prose_read
    from orgspec.engine.racifacts import facts_of
    from orgspec.engine.registry import CHECKS
    from orgspec.engine.summary import KINDS, NAMED, OWNERS
    from orgspec.engine.teams import owning_teams
    from orgspec.model.extracts import duties_of
    from orgspec.model.names import keyed_names, names_vary

    codes = list(plan.severity)
    local = local_codes(plan, codes)
    rules = {c for c in codes if c in CHECKS or plan.rules[c].given is not None}
    blocked: set[str] = set()
    for code in rules - set(local) - {NEAR_DUPLICATES}:
        reads = _reads(code)
        # RF001 reads names only for its hints at unknown references, and this state is
        # kept only when it found none, placeholders aside, whose words read no name
        # (`keep_state`): a name edit changes no reference
        # a duty read without some roles (`summary.OWNERS`) is read with its prose
        blocked.update(KINDS if reads is None else (
            r.removesuffix(OWNERS) for r in reads if r and (
                "." not in r or r.endswith(OWNERS) or
                (r.endswith(NAMED) and code != UNKNOWN_REFERENCE))))
    duties = duties_of(org)
    files = _files_of(org)
    owners = {}
    # each distinct tuple made once: pickled once, read back once (14,500 entities' owners
    # at 500 teams are ~1,600 tuples; the state's read-back ~3 ms less)
    one: dict[tuple[str, ...], tuple[str, ...]] = {}
    for ents in files.values():
        for entity, _, _ in ents:
            teams = tuple(owning_teams(org, entity))
            if teams:
                owners[entity] = one.setdefault(teams, teams)
    anchor = [anchors.identity(f.entity, f.location)
              or "\0".join((_relative(f.location.file, root), f.message)) for f in findings]
    name = repr(org.files[:1])
    texts = _lang_texts(org, config)
    return State(list(idents), findings, anchor, frozenset(local), frozenset(rules),
                 frozenset(blocked), lang, None if texts is None else texts[:2], duties,
                 owners, frozenset(org.teams),
                 {f: frozenset(k for k, _, _ in ents) for f, ents in files.items()},
                 name, list(org.files), org.entity_count(),
                 _searched(duties, plan, cache, name) if NEAR_DUPLICATES in plan.severity
                 else None, names=keyed_names(org, lang), names_vary=names_vary(org),
                 prose_read=prose_read(local, {c for c in local
                                               if plan.rules[c].given is not None}),
                 limits=_limits(), lang_attrs={} if texts is None else texts[2],
                 raci=facts_of(org, rules - set(local) - {NEAR_DUPLICATES}))


def _limits() -> dict[str, dict[str, tuple[int, int]]]:
    """`State.limits`."""
    from orgspec.engine.summary import KINDS, PROSE
    from orgspec.model.models import MODELS
    from orgspec.model.validate import _prose_limits

    out: dict[str, dict[str, tuple[int, int]]] = {}
    for kind in KINDS:
        for name in PROSE:
            found = _prose_limits(MODELS[kind], name)
            if found is not None:
                out.setdefault(kind, {})[name] = found
    return out


# Characters of text kept beyond what `content_lang` reads, for the texts of a changed
# file that grew shorter.
_LANG_MARGIN = 4_000


def _lang_texts(org: Org, config: Config) -> tuple[list[tuple[str, list[str]]], bool,
                                                   dict[str, tuple[str, ...]]] | None:
    """What the run's language was judged by (`State.lang_texts`), and the fields of each
    entity's own texts (`State.lang_attrs`)."""
    from orgspec.engine.lint import TEXT_FIELDS, entity_texts
    from orgspec.i18n import LANG_SAMPLE
    from orgspec.model.org import ENTITY_KINDS, node_key

    if config.lang:
        return None
    size = 0
    out: list[tuple[str, list[str]]] = []
    attrs: dict[str, tuple[str, ...]] = {}
    for kind in ENTITY_KINDS:
        for ident, entity in org.table(kind).items():
            if size >= LANG_SAMPLE + _LANG_MARGIN:
                return out, False, attrs
            texts = list(entity_texts(entity))
            key = node_key(kind, ident)
            out.append((key, texts))
            attrs[key] = tuple(a for a in TEXT_FIELDS
                               if isinstance(getattr(entity, a, None), str))
            size += sum(len(t) for t in texts)
    return out, True, attrs


def _lang(state: State, config: Config, texts: dict[str, list[str]]) -> str | None:
    """The run's language with the changed file's entities' `texts`; None when the kept
    texts do not reach as far as `content_lang` reads."""
    from itertools import chain

    from orgspec.i18n import LANG_SAMPLE, choose, content_lang

    if state.lang_texts is None:
        return state.lang
    kept, whole = state.lang_texts
    if all(texts.get(key, old) == old for key, old in kept):
        # none of the texts judged changed: judged as the run the state is of judged them
        # (its locale the same: `state_key`), ~3 ms at 500 teams
        return state.lang
    now = [texts.get(key, old) for key, old in kept]
    if not whole and sum(len(t) for ts in now for t in ts) < LANG_SAMPLE:
        return None
    return choose(config.lang, content_lang(chain.from_iterable(now)))


# ---- read by the next run ----------------------------------------------------------------


@dataclass
class FileCheck:
    """The changed file checked on its own (`_check_alone`): its entities' keys, the
    entity-local rules' issues on them (codes stamped) with each one's identity
    (`Anchors.identity`), and the validated texts and text sites of its duties."""

    keys: frozenset[str]
    issues: list[Issue]
    identities: list[str]
    texts: dict[str, tuple[str | None, str | None]]
    sites: dict[str, Location]
    said: dict[str, list[str]]  # entity key -> its texts (`lint.entity_texts`)
    names: dict[str, str] = field(default_factory=dict)  # `model.names.keyed_names` of it
    names_vary: bool = False  # `model.names.names_vary` of it


def patched(inputs: Inputs, config: Config, plan: Plan, today: dt.date, cache: Cache,
            base: list[str], summaries: Mapping[str, FileSummary] | None,
            parsed: dict[str, RawFile], root: str) -> LintResult | None:
    """The result of this run from the kept `State` when one file's prose changed (see the
    module), stored as the next run's state; None when the full path must answer."""
    if summaries is None or not enabled():
        return None
    key = state_key(base)
    cache.wait_free("state", WAIT_SECONDS)  # a run before this one still writing it
    head = cache.get("statehead", _head_key(key), Head)
    edit, raci = (None, None) if head is None else _edits(head.idents, inputs, summaries,
                                                           cache)
    if head is not None and edit is None and raci is None:
        return None  # not one file's prose nor RACI: the state is not read
    state = cache.get("state", key, State)
    if state is None:
        return None
    if head is None or head.idents != state.idents:
        edit, raci = _edits(state.idents, inputs, summaries, cache)
    if edit is None and raci is not None:
        from orgspec.engine.raciedit import answer

        return answer(state, raci, inputs, config, plan, today, cache, key, summaries, parsed,
                      root)
    if edit is None or edit[3] & state.blocked:
        return None
    index, old, before, _ = edit
    cand, data = inputs.files[index]
    file, digest = cand.display, inputs.digests[index]
    after = summaries.get(file)
    if after is None or not isinstance(data, bytes):  # `_edit` checked both
        return None
    from orgspec.load.cache import make_key

    raw = parsed.get(file)
    if raw is None:
        from orgspec.load.loader import load_bytes

        raw = load_bytes(file, data)
    # no entity-local rule reads what changed: their findings are kept, the file is not
    # validated (`_check_quiet`)
    quiet = kept = None
    if not (_prose_changed(before, after) & (state.prose_read | _NAMING)) and \
            all(a.location.file != file for a in state.activities):
        kept = _kept(state, file, before, after, local=True)
        quiet = None if kept is None else _check_quiet(raw, state, file)
    if quiet is None:
        kept = _kept(state, file, before, after)
    if kept is None:
        return None
    unkept = kept_lexicon(cache) if NEAR_DUPLICATES in plan.severity else None
    units = (make_key("file", inputs.parser, file, old), make_key("file", inputs.parser, file,
                                                                   digest))
    found = _answer(raw, state, plan, today, cache, units, quiet)
    if found is None:
        return None
    check, groups, near, fresh = found
    lang = _lang(state, config, check.said)
    # the kept names and the file's were said in the state's language
    if lang is None or (lang != state.lang and (state.names_vary or check.names_vary)):
        return None
    said = state.lang_texts and ([(k, check.said.get(k, old)) for k, old in state.lang_texts[0]],
                                 state.lang_texts[1])
    try:
        result = replace(_result(replace(state, lang=lang, lang_texts=said, near=near), kept,
                                 check, groups, plan, config, cache, key, inputs, root,
                                 summaries, file, fresh),
                         timezone=config.timezone or "", today=today.isoformat(),
                         name_order=config.name_order or "")
    except _NoSite:
        return None
    keep_lexicon(cache, unkept)
    return result


def _edits(idents: list[str], inputs: Inputs, summaries: Mapping[str, FileSummary],
           cache: Cache) -> tuple[tuple[int, str, FileSummary, set[str]] | None,
                                  tuple[int, str, FileSummary] | None]:
    """When `inputs` differ from the run `idents` names in one file's content only: in
    prose only (`_changed_kinds`), the file's index, its content hash then, its summary
    then and the kinds changed, first; else, there in the `responsible`, `consulted` or
    `informed` lists of its duties only (`raciedit.only_raci`), the same but the kinds,
    second; (None, None) otherwise."""
    one = _one_file(idents, inputs, summaries, cache)
    if one is None:
        return None, None
    after = summaries[inputs.files[one[0]][0].display]
    changed = _changed_kinds(one[2], after)
    if changed is not None:
        return (*one, changed), None
    from orgspec.engine.raciedit import only_raci

    return None, one if only_raci(one[2], after) else None


def _one_file(idents: list[str], inputs: Inputs, summaries: Mapping[str, FileSummary],
              cache: Cache) -> tuple[int, str, FileSummary] | None:
    """When `inputs` differ from the run `idents` names in one file's content only: the
    file's index, its content hash then and its summary then (both summaries known); else
    None."""
    if len(idents) != len(inputs.ident):
        return None
    diff = [i for i, (a, b) in enumerate(zip(idents, inputs.ident, strict=True)) if a != b]
    if len(diff) != 1 or diff[0] < 2:  # [0], [1]: the parser and discovery's findings
        return None
    index = diff[0] - 2
    cand, data = inputs.files[index]
    file, digest = cand.display, inputs.digests[index]
    was, sep, old = idents[diff[0]].partition("\0")
    if not sep or was != file or not digest or not isinstance(data, bytes):
        return None
    from orgspec.engine.summary import FileSummary
    from orgspec.load.cache import make_key

    before = cache.get("summary", make_key("summary", inputs.parser, file, old), FileSummary)
    after = summaries.get(file)
    if before is None or after is None:
        return None
    return index, old, before


class _NoSite(Exception):
    """A duty's text site is not in its file's summary (a duty written inline)."""


def _site(duties: Duties, summaries: Mapping[str, FileSummary], check: FileCheck,
          rid: str) -> Location:
    """Where duty `rid`'s text is (`extracts.duty_site`): the changed file's from its check,
    another's from its summary."""
    found = check.sites.get(rid)
    if found is not None:
        return found
    summary = summaries.get(duties.files[rid])
    pair = summary.sites.get(rid) if summary is not None else None
    site = None if pair is None else pair[0] if duties.texts[duties.index[rid]][1] else pair[1]
    if site is None:
        raise _NoSite(rid)
    return site


def _changed_kinds(before: FileSummary, after: FileSummary) -> set[str] | None:
    """The entity kinds whose prose alone changed, with "Kind.named" when a `name` of them
    did; None when anything else did (a structure, an unknown kind, an input problem or a
    suppression)."""
    from orgspec.engine.summary import NAMED, OWNERS

    if before.meta != after.meta or before.kinds.keys() != after.kinds.keys():
        return None
    changed = set()
    for kind, digest in before.kinds.items():
        # a duty without some roles changes only with the duty's own digest, judged here
        if digest != after.kinds[kind] and not kind.endswith(OWNERS):
            if not kind or ("." in kind and not kind.endswith(NAMED)):
                return None
            changed.add(kind)
    return changed


def _kept(state: State, file: str, before: FileSummary, after: FileSummary,
          local: bool = False, near: bool = False) -> list[tuple[Finding, str]] | None:
    """The state's findings that stay (all but OW007's, unless `near`, and, unless `local`,
    the changed file's entity-local ones), with their anchors; None when one of them may
    have moved (a location in the changed file in an entity whose positions changed) or
    came from loading that file."""
    now = {d for _, _, d in after.chunks}
    out = []
    for f, anchor in zip(state.findings, state.anchors, strict=True):
        if (f.code == NEAR_DUPLICATES and not near) or (not local and f.code in state.local
                                                        and f.location.file == file):
            continue
        if f.code not in state.rules and f.location.file == file:
            return None
        for loc in (f.location, *(r.location for r in f.related)):
            if loc.file != file:
                continue
            hit = before.chunks_at(loc)
            if hit is None or not set(hit) <= now or \
                    (before.roots != after.roots and before.at_root(loc)):
                return None
        out.append((f, anchor))
    return out


# The prose fields a name is said from (`model.names.said`: `LintResult.names`)
_NAMING = frozenset(("name", "title"))


def _prose_changed(before: FileSummary, after: FileSummary) -> frozenset[str]:
    """The prose fields whose values differ between the two versions of a file (all when
    a summary does not tell)."""
    from orgspec.engine.summary import PROSE

    if not before.prose or before.prose.keys() != after.prose.keys():
        return PROSE
    return frozenset(f for f, d in before.prose.items() if after.prose[f] != d)


def _check_quiet(raw: RawFile, state: State, file: str) -> FileCheck | None:
    """`_check_alone`'s answer for a file whose entities differ from the version the state
    was kept for only in prose fields that no entity-local rule reads and no name is said
    from (the caller's proof: `_prose_changed`, `State.prose_read`), without validating it:
    no issue (those of the file's entity-local rules are kept with the state's findings,
    `_kept`), the duties' texts and the entities' texts as written, which validation keeps
    as they are (`validate.with_prose`'s reasoning: a plain string field of the model
    whose length is in its limits, `State.limits`), the names as kept. None when the file
    holds more than that vouches for: an input problem, a suppression, a kind or id not
    written plainly, an id written twice, a hidden character, a dropped key, a prose value
    that is not a string, a field validation does more to, a duty not written as an entity
    of its own."""
    if raw.issues or raw.directives or raw.failed is not None:
        return None
    keys = state.keys.get(file, frozenset())
    datas: dict[str, dict[str, Any]] = {}
    for ent in raw.entities:
        data = ent.data
        if not isinstance(data, dict) or ent.dropped or ent.fmap.parsed.hidden:
            return None
        kind, ident = data.get("kind"), data.get("id")
        limits = state.limits.get(kind) if type(kind) is str else None
        if limits is None or type(ident) is not str or type(kind) is not str:
            return None
        key = kind.lower() + ":" + ident  # `org.node_key`'s (it imports the models)
        if key in datas or key not in keys:
            return None
        for name in _PROSE & data.keys():
            value = data[name]
            if value is None:
                continue  # None as before (its shape is structure)
            bounds = limits.get(name)
            if type(value) is not str or bounds is None or \
                    not bounds[0] <= len(value) <= bounds[1]:
                return None
        datas[key] = data
    duties = state.duties
    texts: dict[str, tuple[str | None, str | None]] = {}
    for rid in duties.ids:
        if duties.files[rid] != file:
            continue
        duty = datas.get("responsibility:" + rid)
        if duty is None:
            return None
        written, text = duties.texts[duties.index[rid]]
        texts[rid] = (written, duty.get("description", text))
    said: dict[str, list[str]] = {}
    if state.lang_texts is not None:
        for key, old in state.lang_texts[0]:
            own = datas.get(key)
            if own is None:
                continue
            attrs = state.lang_attrs.get(key)
            if attrs is None:
                return None
            now = list(old)
            for i, attr in enumerate(attrs):
                if attr in own and attr in _PROSE:
                    value = own[attr]
                    if type(value) is not str:
                        return None
                    now[i] = value
            said[key] = now
    return FileCheck(keys, [], [], texts, {}, said,
                     {k: state.names[k] for k in keys if k in state.names})


_PROSE = frozenset(("name", "description", "mission", "title"))  # `summary.PROSE`


def _answer(raw: RawFile, state: State, plan: Plan, today: dt.date, cache: Cache,
            units: tuple[bytes, bytes] | None = None, quiet: FileCheck | None = None
            ) -> tuple[FileCheck, list[Group] | None, Near | None, bool] | None:
    """The changed file checked alone, OW007's groups (None when it is not enabled), the
    search they came from when it is the kept one (`_regroup`) or was made by this run
    (None: to be taken again), and whether it was made by this run (its pairs and
    features are then still to be kept: `dutygroups.keep_search`). The groups are
    taken from the kept search here first (`_regroup`, a few ms); only when they must be
    searched again are the file and the search shared with a forked worker (`forkmap`):
    a worker beside a file check that the regrouping outlasts by nothing costs more CPU
    than it saves (its copied heap's page faults, in both processes: 0.05-0.1 s at 500
    teams) and no wall time. `units`: the cache keys of the file's unit before and after
    the edit (`_unit`). `quiet`: the file's check when it needs none (`_check_quiet`):
    then the groups are taken here alone."""
    from orgspec.engine.memo import Memo
    from orgspec.forkmap import fork_map

    file = raw.display
    ours = [rid for rid in state.duties.ids if state.duties.files[rid] == file]
    near = NEAR_DUPLICATES in plan.severity
    guess = _raw_texts(raw, ours)
    memo = Memo(cache, state.org_name)
    threshold = float(plan.options.get(NEAR_DUPLICATES, {}).get("threshold", 0))

    if quiet is not None:  # nothing to check: the groups, searched here if need be
        return (quiet, *_grouped(state, quiet.texts, memo, threshold)) if near else \
            (quiet, None, None, False)
    regrouped = _grouped(state, guess, memo, threshold, search=False) if near else None

    def one(item: str) -> object:
        if item == "file":
            return _check_alone(raw, plan, today, state.local, ours, state.lang,
                                None if units is None else _unit(raw, cache, *units))
        # searched here or in the worker, which keeps what `keep_search` reads of it
        return _grouped(state, guess, memo, threshold, regroup=False, here=False)

    done = fork_map(one, ["file", "groups"] if near and regrouped is None else ["file"])
    check = done[0]
    if not isinstance(check, FileCheck) or check.keys != state.keys.get(file, frozenset()):
        return None
    if not near:
        return check, None, None, False
    found = regrouped or done[1]
    assert isinstance(found, tuple)
    if any(guess.get(rid) != check.texts.get(rid) for rid in ours):
        # validation changed a text as written: search with the texts as validated
        found = _grouped(state, check.texts, memo, threshold)
    groups, kept, fresh = found
    return check, groups, kept, fresh


@overload
def _grouped(state: State, texts: dict[str, tuple[str | None, str | None]], memo: object,
             threshold: float, *, regroup: bool = True, here: bool = True
             ) -> tuple[list[Group], Near | None, bool]:
    ...


@overload
def _grouped(state: State, texts: dict[str, tuple[str | None, str | None]], memo: object,
             threshold: float, *, search: Literal[False]
             ) -> tuple[list[Group], Near | None, bool] | None: ...


def _grouped(state: State, texts: dict[str, tuple[str | None, str | None]], memo: object,
             threshold: float, *, regroup: bool = True, search: bool = True,
             here: bool = True) -> tuple[list[Group], Near | None, bool] | None:
    """OW007's groups with the duties' `texts`, the search they came from (None: to be
    taken again) and whether this run made it: regrouped from the kept search
    (`_regroup`; not tried when `regroup` is false: it was), else kept or searched
    (`_groups`; None instead when `search` is false; `here`: false in a forked worker,
    `_groups`')."""
    from orgspec.engine.registry import near_duplicate_parts  # no model: from extracts

    if regroup:
        regrouped = _regroup(state, texts, near_duplicate_parts().kept_verdicts(memo))
        if regrouped is not None:
            return (*regrouped, False)
    if not search:
        return None
    groups, near = _groups(state.duties, texts, memo, threshold, here=here)
    return groups, near, near is not None


def _regroup(state: State, texts: dict[str, tuple[str | None, str | None]],
             verdicts: Verdicts | None = None) -> tuple[list[Group], Near] | None:
    """OW007's groups with the duties' `texts` from the kept search (`State.near`), when
    the search reads the same of them as of the kept ones (`neardup.same_search`: a
    number, punctuation or case changed, a word of the same concept): the groups
    `_groups` finds, from the pairs it would read back, without every duty's features,
    and that search (still the one of the duties with these texts); None when not kept
    or when the search reads otherwise. `verdicts`: `differ`'s kept verdicts
    (`dutygroups.kept_verdicts`)."""
    near = state.near
    if near is None:
        return None
    from orgspec.text.neardup import groups_from, same_search

    duties = state.duties
    now = _patch(duties, texts).texts
    # only the texts that changed: a text as it was reads the same (the file's others' are
    # then not split into features, nor OpenCC imported for them: ~10 ms for Chinese ones)
    was = duties.texts
    if not same_search(was, now, [i for i in (duties.index[rid] for rid in texts
                                              if rid in duties.index) if was[i] != now[i]]):
        return None
    return groups_from(now, *near, duties.owners, verdicts), near


def _raw_texts(raw: RawFile, rids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """The (name, description) of duties `rids` as written in `raw` (what validation
    keeps, for a plain string)."""
    wanted = set(rids)
    out: dict[str, tuple[str | None, str | None]] = {}
    for ent in raw.entities:
        data = ent.data
        if ent.kind == "Responsibility" and isinstance(data, dict) and \
                data.get("id") in wanted:
            name, text = data.get("name"), data.get("description")
            if all(v is None or type(v) is str for v in (name, text)):
                out[data["id"]] = (name, text)
    return out


def _patch(duties: Duties, texts: dict[str, tuple[str | None, str | None]]) -> Duties:
    """`duties` with the texts of some of them replaced."""
    from orgspec.model.extracts import Duties

    new = list(duties.texts)
    for rid, pair in texts.items():
        if rid in duties.index:
            new[duties.index[rid]] = pair
    return Duties(duties.ids, new, duties.owners, duties.holders, duties.files)


def _groups(duties: Duties, texts: dict[str, tuple[str | None, str | None]], memo: object,
            threshold: float, *, here: bool = True) -> tuple[list[Group], Near | None]:
    """OW007's groups of `duties` with `texts` (`dutygroups.searched_groups`: kept, or
    searched, and then that search, whose pairs and features are kept after the output,
    by this process's child (`_keep_search`); `here`: false in a process that is not this
    run's (a forked worker's search is written to the cache for it))."""
    from orgspec.engine.registry import near_duplicate_parts  # no model: from extracts

    found: tuple[list[Group], Near | None] = near_duplicate_parts().searched_groups(
        _patch(duties, texts), threshold, memo, here=here)
    return found


def _unit(raw: RawFile, cache: Cache, before: bytes, after: bytes) -> FileUnit:
    """`check_file(raw)`: made from the unit kept for the file before this edit of its
    prose (`validate.with_prose`, whose proof is `patched`'s: only the prose of the
    file's entities changed, `_changed_kinds`), else validated; kept (under `after`) for
    the next prose edit of the file, which would otherwise find none (a run answered
    here stores no file's unit)."""
    from orgspec.engine.summary import PROSE
    from orgspec.model.validate import FileUnit, check_file, with_prose

    kept = cache.get("file", before, FileUnit)
    unit = with_prose(raw, kept, PROSE) if kept is not None else None
    if unit is None:
        unit = check_file(raw)
    if cache.primed() and not (unit.issues or unit.directives or unit.failed is not None):
        cache.put("file", after, unit)
    return unit


def _check_alone(raw: RawFile, plan: Plan, today: dt.date, local: frozenset[str],
                 rids: list[str], lang: str = "en", unit: FileUnit | None = None
                 ) -> FileCheck | None:
    """`raw` validated (unless its `unit` is given: `check_file(raw)`) and assembled as an
    org of its own, its entity-local rules run; None when it has any input or schema
    problem, suppression, dropped field or renamed reference, or an issue located outside
    it."""
    from orgspec.engine.anchors import Anchors
    from orgspec.engine.charterrepeat import needs_org
    from orgspec.engine.incremental import _files_of
    from orgspec.engine.lint import _run_codes, entity_texts
    from orgspec.engine.registry import load_checks
    from orgspec.model.extracts import duty_site
    from orgspec.model.names import keyed_names, names_vary
    from orgspec.model.org import ENTITY_KINDS, node_key
    from orgspec.model.validate import assemble, check_file

    load_checks()
    if unit is None:
        unit = check_file(raw)
    org, issues = assemble([unit], [], {})
    if issues or unit.issues or unit.directives or unit.failed is not None or \
            org.incomplete or org.invalid or org.renamed or org.directives:
        return None
    codes = [c for c in plan.severity if c in local]
    found = _run_codes(org, plan, today, codes)
    if any(needs_org(i) for i in found):
        return None  # a hint the org words (`charterrepeat`)
    if any(i.location.file != raw.display or
           any(r.location.file != raw.display for r in i.related) for i in found):
        return None
    anchors = Anchors(org)
    keys = frozenset(k for k, _, _ in _files_of(org).get(raw.display, ()))
    if any(rid not in org.responsibilities for rid in rids):
        return None
    texts = {rid: (org.responsibilities[rid].name, org.responsibilities[rid].description)
             for rid in rids}
    said = {node_key(kind, ident): list(entity_texts(entity)) for kind in ENTITY_KINDS
            for ident, entity in org.table(kind).items()}
    return FileCheck(keys, found, [anchors.identity(i.entity, i.location) for i in found],
                     texts, {rid: duty_site(org, rid) for rid in rids}, said,
                     keyed_names(org, lang), names_vary(org))


def _result(state: State, kept: list[tuple[Finding, str]], check: FileCheck,
            groups: list[Group] | None, plan: Plan, config: Config, cache: Cache, key: bytes,
            inputs: Inputs, root: str, summaries: Mapping[str, FileSummary],
            file: str, searched: bool = False) -> LintResult:
    """The run's result: the kept findings and the new ones of the changed `file`, stamped,
    paired (`engine.activities`), fingerprinted, with teams and said in the run's language
    as a full run does them; the next state kept, and with it, when this run searched
    (`searched`: `state.near` is that search), what the search keeps for later runs
    (`dutygroups.keep_search`)."""
    # lint's twin of `anchors._relative`: anchors imports the models, which this process
    # has not imported when the forked worker checked the changed file (`_answer`)
    from orgspec.engine.activities import behind
    from orgspec.engine.lint import _ignored, _relative, localize, stamp
    from orgspec.engine.registry import near_duplicate_parts

    duties = _patch(state.duties, check.texts)
    issues = list(check.issues)
    identities = list(check.identities)
    if groups is not None:
        near = list(near_duplicate_parts().duty_issues(
            duties, groups, set(), lambda rid: _site(duties, summaries, check, rid),
            lambda rid: list(state.owners.get("responsibility:" + rid, ())),
            NEAR_DUPLICATES))  # made with their code: `replace` was ~8 us each
        issues.extend(near)
        identities.extend(i.entity for i in near)  # a duty has no parts: its own key
    fresh: list[tuple[Finding, str]] = []
    where = config.root_path()
    stamped = list(stamp(issues, plan))  # in order, without the rules not enabled
    enabled = [ident for i, ident in zip(issues, identities, strict=True)
               if i.code in plan.severity]
    for f, ident in zip(stamped, enabled, strict=True):
        if _ignored(f, plan, where):
            continue
        teams = tuple(t for t in dict.fromkeys([*_owning(state, f.entity), *f.teams])
                      if t in state.teams)
        f = f if teams == f.teams else replace(f, teams=teams)
        fresh.append((f, ident or "\0".join((_relative(f.location.file, root), f.message))))
    merged = sorted([*kept, *fresh], key=lambda pair: pair[0].sort_key())
    merged, held = _paired(merged)
    findings = _fingerprinted(merged)
    # the changed file's are paired again above; the other files' are as they were
    activities = [a for a in state.activities if a.location.file != file]
    if held:  # numbered as a full run numbers them: among every finding, held ones too
        every = sorted([*merged, *held], key=lambda pair: pair[0].sort_key())
        gone = {id(f) for f, _ in held}
        activities += [f for f, (was, _) in zip(_fingerprinted(every), every, strict=True)
                       if id(was) in gone]
    names = dict(state.names)  # a copy: ~1 ms at 100,000 names, a comprehension's ~8
    for entity in check.keys:
        names.pop(entity, None)
    names.update(check.names)
    after = replace(state, idents=list(inputs.ident), findings=findings,
                    anchors=[a for _, a in merged], duties=duties, activities=activities,
                    names=names, names_vary=state.names_vary or check.names_vary)
    carry = state.idents if state.raci is None else None
    if groups is None or state.near is not None:
        later(cache, key, after, carry)
        if searched:  # after the state: a run waiting for the state's lock does not wait
            _keep_search(after, plan, cache)
    else:  # the search the next prose edit regroups, taken after the output
        later(cache, key, lambda: replace(after, near=_searched(after.duties, plan, cache,
                                                                after.org_name)), carry)
    held_messages = {a.fingerprint: str(a.message) for a in activities}
    said = [localize(f, state.lang) for f in findings]
    return LintResult(said, files=list(state.files), entity_count=state.entity_count,
                      rules={code: plan.rules[code] for code in plan.severity},
                      lang=state.lang, held=frozenset(held_messages),
                      held_messages=held_messages,
                      activities=behind(findings, [localize(a, state.lang)
                                                   for a in activities]),
                      names=by_id(names, quoted_ids(said)))


def _paired(merged: list[tuple[Finding, str]]
            ) -> tuple[list[tuple[Finding, str]], list[tuple[Finding, str]]]:
    """`merged` (each finding with its anchor) without the OK005s held back behind an OK003
    (`activities.activity_behind`), and those, in order."""
    from orgspec.engine.activities import activity_behind

    kept, held = activity_behind([f for f, _ in merged])
    if not held:
        return merged, []
    gone = {id(f) for f in held}
    return ([(f, a) for f, (_, a) in zip(kept, [p for p in merged if id(p[0]) not in gone],
                                          strict=True)],
            [p for p in merged if id(p[0]) in gone])


def _fingerprinted(merged: list[tuple[Finding, str]]) -> list[Finding]:
    """The findings of `merged`, each fingerprinted by its anchor as
    `anchors.assign_fingerprints` does it."""
    from orgspec.findings import fingerprint

    seen: dict[str, int] = {}
    findings = []
    for f, anchor in merged:
        fp = fingerprint(f.code, anchor)
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        if n:
            fp = fingerprint(f.code, f"{anchor}\0#{n}")
        findings.append(f if f.fingerprint == fp else replace(f, fingerprint=fp))
    return findings


def _searched(duties: Duties, plan: Plan, cache: Cache, org_name: str) -> Near:
    """`State.near` of `duties` (`dutygroups.searched`: the search's pairs as the run
    kept them, which takes them again only when they are not kept)."""
    from orgspec.engine.memo import Memo
    from orgspec.engine.registry import near_duplicate_parts
    from orgspec.load.cache import Cache

    threshold = float(plan.options.get(NEAR_DUPLICATES, {}).get("threshold", 0))
    # read through a cache of its own, as the state's writer in a child of a one-shot
    # process does: these reads are not the run's (`Cache.hits`)
    found: Near = near_duplicate_parts().searched(duties, threshold,
                                                  Memo(Cache(cache.folder), org_name))
    return found


def _keep_search(state: State, plan: Plan, cache: Cache) -> None:
    """Keep, once the output is out, what the search this run made (`State.near`) keeps
    beside it: the pairs under the search's key and the texts' features
    (`dutygroups.keep_search`, through a cache of its own, as `_searched`). Lost (a killed
    child), a later run searches again."""
    from orgspec.gcpause import after_output

    near = state.near
    assert near is not None

    def work() -> None:
        from orgspec.engine.memo import Memo
        from orgspec.engine.registry import near_duplicate_parts
        from orgspec.load.cache import Cache

        if not os.path.isdir(cache.own):  # not made again by a late write after a clean
            return
        threshold = float(plan.options.get(NEAR_DUPLICATES, {}).get("threshold", 0))
        near_duplicate_parts().keep_search(state.duties, threshold,
                                           Memo(Cache(cache.folder), state.org_name), near[0])

    after_output(work)


def _owning(state: State, entity: str) -> tuple[str, ...]:
    """`teams.owning_teams` of `entity`, from the state."""
    found = state.owners.get(entity)
    if found is not None:
        return found
    kind, _, ident = entity.partition(":")
    return (ident,) if kind == "team" else ()
