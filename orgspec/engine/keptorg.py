"""The org a full run assembled, kept for the next full run and patched there.

A full run through the cache reads every file's unit back and assembles the org (at 5,000
teams ~3 s CPU of the RACI re-check, `docs/benchmarks.md`); read back whole, the org
costs less than half of that. So a full run keeps its org (`keep`: after the output,
`gcpause.after_output`): `Body`, the org as assembled (its fields only: nothing a rule
computed on it, `Org.raci` and the like; no rule writes into its tables or models) and the
loading problems, and `Head`, small: the run's
`Inputs.ident` and, for each file the org can be patched at, a digest of the keys of the
entities the org took from it, in order.

The next full run (`patched`) takes it when its files are the same ones (names, order,
parser, discovery's findings) and each file whose content changed is one a patch can be
shown equal for: in the kept org, nothing of the file's is a problem, is related to one,
is held as invalid, dropped or suppressed, and no entity anywhere has `aliases`; and the
file as it is now, checked alone, has no problem, suppression, alias or inline duty, and
defines the entities of the same kinds and ids, in the same order. Its entities then
replace theirs in place (each table keeps its order), and its charter and position claims
replace its old ones where file order puts them. What assembling the files would give is
then this org: the other files, unchanged, add what they added, and none of theirs meets
the changed file's (no duplicate id, alias or problem spans them). Anything else, and any
doubt about an entry (absent, torn, foreign, of other inputs), assembles the org as
before (`tests/test_keptorg.py` compares both ways, table by table).
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from orgspec.engine.lint import Inputs
    from orgspec.findings import Issue
    from orgspec.load.cache import Cache
    from orgspec.load.loader import RawFile
    from orgspec.model.models import Bare
    from orgspec.model.org import Claim, Org, RoleClaim
    from orgspec.model.validate import FileUnit

C = TypeVar("C", "Claim", "RoleClaim")
# More changed files than this: the org is assembled (each is checked and patched in).
MOST_CHANGED = 64
# A run that patched in this many files keeps its own org (a fresh base for the next);
# fewer, and the kept org stays (its write, ~3.5 s CPU at 5,000 teams, is skipped).
KEEP_AFTER = 8


@dataclass
class Head:
    """What tells whether the kept org can be patched for this run's inputs: the kept
    run's `Inputs.ident`, and file -> `value_hash` of its entity keys, for each file the
    org can be patched at."""

    idents: list[str]
    files: dict[str, str]


@dataclass
class Body:
    """The kept org as assembled and its loading problems (`Loaded.issues`), with the
    `Inputs.ident` they were made of (a head and a body written by two runs at once must
    name the same inputs). The org's models are pickled empty, their states in `states`
    (`models.bare`): `patched` fills them."""

    idents: list[str]
    org: Org
    issues: list[Issue]
    states: Bare | None = field(default=None)


def _key(part: str, base: list[str]) -> bytes:
    from orgspec.load.cache import make_key

    return make_key("kept-org", part, *base)


def patched(inputs: Inputs, cache: Cache, base: list[str],
            parsed: dict[str, RawFile]) -> tuple[Org, list[Issue], int] | None:
    """The org and loading problems assembling `inputs` gives, from the org kept under
    `base` (the config and targets) with the changed files patched in, and how many
    files were; None when that cannot be shown equal (the caller assembles)."""
    from orgspec.gcpause import gc_paused
    from orgspec.model.models import Bare

    if not cache.primed():
        return None
    head = cache.get("kept", _key("head", base), Head)
    if head is None or len(head.idents) != len(inputs.ident) or \
            head.idents[:2] != inputs.ident[:2]:  # the parser, discovery's findings
        return None
    changed = [i for i, (was, now) in enumerate(zip(head.idents[2:], inputs.ident[2:],
                                                      strict=True)) if was != now]
    if len(changed) > MOST_CHANGED:
        return None
    with gc_paused():
        alone = []
        for i in changed:
            cand = inputs.files[i][0]
            want = head.files.get(cand.display)
            if want is None or not head.idents[i + 2].startswith(f"{cand.display}\0"):
                return None
            unit = _unit(inputs, i, cache, parsed)
            scratch = None if unit is None else _alone(unit)
            if scratch is None or _keys_digest(scratch) != want:
                return None
            alone.append((cand.display, scratch))
        body = cache.get("kept", _key("body", base), Body)
        if body is None or body.idents != head.idents or \
                not isinstance(body.states, Bare) or not body.states.fill():
            return None
        body.states = None
        for display, scratch in alone:
            _replace(body.org, display, scratch)
    return body.org, body.issues, len(changed)


def _unit(inputs: Inputs, index: int, cache: Cache,
          parsed: dict[str, RawFile]) -> FileUnit | None:
    """File `index`'s unit, as `lint._units` gets it: from the cache, else checked from
    the file read already (`parsed`) or parsed now; stored when it was not kept."""
    from orgspec.load.cache import make_key
    from orgspec.load.loader import RawFile, load_bytes
    from orgspec.model.validate import FileUnit, check_file

    cand, data = inputs.files[index]
    if isinstance(data, RawFile):
        return None
    key = make_key("file", inputs.parser, cand.display, inputs.digests[index])
    unit = cache.get("file", key, FileUnit)
    if unit is not None and unit.display == cand.display:
        return unit
    raw = parsed.get(cand.display) or load_bytes(cand.display, data)
    unit = check_file(raw)
    cache.put("file", key, unit)
    return unit


def _alone(unit: FileUnit) -> Org | None:
    """The org of `unit` alone (`validate.add_checked`: its models interned and their
    fields' sets shared, as assembling makes them), when the file is one a patch can take:
    no input or schema problem, suppression, failure, dropped or invalid entity, alias,
    duplicate id or inline duty; else None."""
    from orgspec.model.org import Org
    from orgspec.model.validate import add_checked

    if unit.issues or unit.directives or unit.failed is not None:
        return None
    org = Org(files=[unit.display])
    for checked in unit.checked:
        if checked.obj is None or checked.issues or checked.invalid is not None or \
                checked.dropped or getattr(checked.obj, "aliases", None):
            return None
        if any(True for _ in add_checked(org, checked)):  # a duplicate id in the file
            return None
    # an inline duty (`- id: x` in a charter) registers one more entity
    return org if len(org.origins) == len(unit.checked) else None


def _keys_digest(org: Org) -> str:
    from orgspec.load.cache import value_hash

    return value_hash(tuple(org.origins))


def _replace(org: Org, display: str, alone: Org) -> None:
    """`org` with the entities, origins and claims of file `display` those of `alone`
    (the same keys, in the same order: `patched` checked)."""
    from orgspec.model.org import ENTITY_KINDS

    for kind in ENTITY_KINDS:
        table = org.table(kind)
        for ident, obj in alone.table(kind).items():
            table[ident] = obj  # the key is there: its place in the table is kept
    org.origins.update(alone.origins)
    place = {f: n for n, f in enumerate(org.files)}
    at = place[display]
    _splice(org.claims, alone.claims, place, at)
    _splice(org.role_claims, alone.role_claims, place, at)


def _splice(claims: list[C], new: list[C], place: dict[str, int], at: int) -> None:
    """Replace the claims of file number `at` in `claims` with `new`: in file order (each
    file's claims joined the org in turn), where that file's run is or would be."""
    low = bisect_left(claims, at, key=lambda c: place[c.origin.fmap.file])
    high = bisect_right(claims, at, key=lambda c: place[c.origin.fmap.file])
    claims[low:high] = new


def keep(cache: Cache, base: list[str], idents: list[str], org: Org,
         issues: list[Issue]) -> None:
    """Keep `org` (as assembled from the inputs `idents` names; rules may have run on it
    since) and its loading problems under `base` for the next full run, once this run's
    output is out. Nothing is kept for an org with aliases or renamed references, or
    before the cache is primed; a late or lost write leaves the entry before it (or
    none), which names its own inputs."""
    from orgspec.gcpause import after_output, holds_up_the_command

    # where no child can write it, the command would (~5 s CPU at 5,000 teams): more than
    # the next run saves
    if holds_up_the_command() or not cache.primed() or org.aliased or org.renamed:
        return

    def work() -> None:
        if not os.path.isdir(cache.own):  # cleaned since the run: not made again
            return
        from orgspec.model.models import bare as pickled_bare
        from orgspec.model.models import models_in
        from orgspec.model.org import ENTITY_KINDS, Org

        # its fields only: a table a rule made on first use (`Org.raci`) is not kept
        bare = Org(**{f.name: getattr(org, f.name) for f in fields(Org)})
        with pickled_bare(models_in(bare.table(k) for k in ENTITY_KINDS)) as states:
            cache.put("kept", _key("body", base), Body(idents, bare, issues, states))
        cache.put("kept", _key("head", base), Head(idents, _patchable(bare, issues)))

    after_output(work)


def _patchable(org: Org, issues: list[Issue]) -> dict[str, str]:
    """File -> the digest of its entity keys (`_keys_digest`), for the files a patch can
    take in `org`: none of the loading problems (`issues`) is in the file or related to it,
    and none of its entities is held as invalid, incomplete or suppressed."""
    dirty = set(org.failed)
    for issue in issues:
        dirty.add(issue.location.file)
        dirty.update(r.location.file for r in issue.related)
    dirty.update(o.fmap.file for o in org.invalid_at.values())
    dirty.update(d.location.file for d in org.directives)
    for key in org.incomplete:
        entity = key.split("/", 1)[0].split("#", 1)[0]
        origin = org.origins.get(entity) or org.invalid_at.get(entity)
        if origin is None:  # cannot tell whose: no file is patched
            return {}
        dirty.add(origin.fmap.file)
    keys: dict[str, list[str]] = {f: [] for f in org.files}
    for key, origin in org.origins.items():
        keys.setdefault(origin.fmap.file, []).append(key)
    from orgspec.load.cache import value_hash

    return {f: value_hash(tuple(held)) for f, held in keys.items() if f not in dirty}
