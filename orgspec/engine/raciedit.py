"""A warm re-check after one file's duties changed who else holds them, answered without
the org.

When exactly one file changed and only in the `responsible`, `consulted` or `informed`
lists of its duties (`only_raci`: every digest of `engine.summary` the same but the
duties' own, their `Responsibility.owners` and prose the same), the kept `warm.State`
answers, as for a prose edit: the file is validated and its entity-local rules run on
their own (`warm._check_alone`), every other finding is kept where the entity it lies in
did not move (`warm._kept`, OW007's too: it reads the duties' texts and accountable
owners alone). The whole-org rules that read those lists (`racifacts.HANDLED`) are shown
to give what they gave from the kept facts (`racifacts.RaciFacts`, whose module says which
fact answers which rule): each changed duty's old and new lists are read from the file's
unit before the edit (kept in the cache) and after it, and each id the edit moves must
name a team, person or position of the org. Anything the facts cannot decide (an unknown,
placeholder or repeated id, a duty with a finding that may move, a local finding in a
changed duty, a rule whose findings would change) falls back to the full path, whose
findings this path's equal (`tests/test_cache.py` replays RACI edits and compares).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from orgspec.engine.lint import Inputs
    from orgspec.engine.racifacts import RaciFacts
    from orgspec.engine.selection import Plan
    from orgspec.engine.summary import FileSummary
    from orgspec.engine.warm import State
    from orgspec.findings import LintResult
    from orgspec.load.cache import Cache
    from orgspec.load.config import Config
    from orgspec.load.loader import RawFile
    from orgspec.model.validate import FileUnit

# The roles an edit may change; `accountable` (OW007's, the owning teams') stays.
OTHERS = ("responsible", "consulted", "informed")
_DUTY = "Responsibility"
# old lists, new lists (`OTHERS` order; `accountable` first in both), per changed duty
Lists = tuple[tuple[list[str], ...], tuple[list[str], ...]]


def only_raci(before: FileSummary, after: FileSummary) -> bool:
    """Whether the file's two versions differ only in the `responsible`, `consulted` or
    `informed` lists of its duties (taken as written: `summary._owners`): the input
    problems, suppressions, every entity of another kind, the duties' prose and the rest of
    their fields the same."""
    from orgspec.engine.racifacts import DUTY_PARTS

    if before.meta != after.meta or before.kinds.keys() != after.kinds.keys() or \
            not before.prose or before.prose != after.prose:
        return False
    changed = False
    for kind, digest in before.kinds.items():
        if digest == after.kinds[kind]:
            continue
        if kind not in DUTY_PARTS:
            return False
        changed = True
    return changed


def answer(state: State, at: tuple[int, str, FileSummary], inputs: Inputs, config: Config,
           plan: Plan, today: dt.date, cache: Cache, key: bytes,
           summaries: Mapping[str, FileSummary], parsed: dict[str, RawFile],
           root: str) -> LintResult | None:
    """The run's result from `state` for the RACI edit `at` (the file's index, its content
    hash before and its summary then: `warm._raci_edit`), stored as the next run's state;
    None when the full path must answer."""
    from orgspec.engine import warm
    from orgspec.engine.racifacts import HANDLED
    from orgspec.load.cache import make_key
    from orgspec.model.validate import FileUnit

    facts = warm.kept_facts(cache, key, state.idents)
    if facts is None or not facts.clean or not facts.readers <= HANDLED:
        return None
    index, old, before = at
    cand, data = inputs.files[index]
    file, digest = cand.display, inputs.digests[index]
    after = summaries.get(file)
    if after is None or not isinstance(data, bytes):
        return None
    was = cache.get("file", make_key("file", inputs.parser, file, old), FileUnit)
    if was is None:
        return None
    raw = parsed.get(file)
    if raw is None:
        from orgspec.load.loader import load_bytes

        raw = load_bytes(file, data)
    now = _unit(raw, cache, make_key("file", inputs.parser, file, digest))
    changes = _changes(was, now, raw)
    if not changes or any("responsibility:" + rid in {f.entity for f in state.findings}
                          for rid in changes):
        return None
    holds = _judged(state, facts, changes, plan)
    if holds is None:
        return None
    kept = warm._kept(state, file, before, after, near=True)
    if kept is None:
        return None
    ours = [rid for rid in state.duties.ids if state.duties.files[rid] == file]
    check = warm._check_alone(raw, plan, today, state.local, ours, state.lang, now)
    if check is None or check.keys != state.keys.get(file, frozenset()) or \
            any(i.entity in {"responsibility:" + rid for rid in changes} for i in check.issues):
        return None
    if warm._lang(state, config, check.said) != state.lang:
        return None
    result = warm._result(replace(state, raci=replace(facts, team_holds=holds)), kept, check,
                          None, plan, config, cache, key, inputs, root, summaries, file)
    return replace(result, timezone=config.timezone or "", today=today.isoformat(),
                   name_order=config.name_order or "")


def _unit(raw: RawFile, cache: Cache, key: bytes) -> FileUnit:
    """The file's unit now: kept under `key`, else validated (and kept for the next run)."""
    from orgspec.model.validate import FileUnit, check_file

    unit = cache.get("file", key, FileUnit)
    if unit is not None and unit.display == raw.display:
        return unit
    unit = check_file(raw)
    if cache.primed() and not (unit.issues or unit.directives or unit.failed is not None):
        cache.put("file", key, unit)
    return unit


def _changes(was: FileUnit, now: FileUnit, raw: RawFile) -> dict[str, Lists] | None:
    """Duty id -> its (accountable, responsible, consulted, informed) lists before and
    after, for each duty whose lists differ; None when the two units are not the same
    entities but for those lists, or a changed list is not as written (a value validation
    changed) or names an id twice in the duty."""
    if was.display != now.display or len(was.checked) != len(now.checked) or \
            was.issues or now.issues or was.directives or now.directives or \
            was.failed is not None or now.failed is not None or \
            len(raw.entities) != len(now.checked):
        return None
    out: dict[str, Lists] = {}
    for a, b, ent in zip(was.checked, now.checked, raw.entities, strict=True):
        if a.obj is None or b.obj is None or a.issues or b.issues or a.dropped or \
                b.dropped or a.invalid is not None or b.invalid is not None or a.kind != b.kind:
            return None
        if b.kind != _DUTY:
            continue
        old, new = _lists(a.obj), _lists(b.obj)
        if old == new:
            continue
        if _rest(a.obj) != _rest(b.obj) or old[0] != new[0]:
            return None
        written = ent.data
        for role, values in zip(OTHERS, new[1:], strict=True):
            said = written.get(role)
            said = [said] if isinstance(said, str) else said
            if values and said != values:
                return None
        every = [r for values in new for r in values]
        if len(every) != len(set(every)):
            return None
        out[b.obj.id] = (old, new)
    return out


def _lists(duty: Any) -> tuple[list[str], ...]:
    return (list(duty.accountable), *(list(getattr(duty, role)) for role in OTHERS))


def _rest(duty: Any) -> dict[str, Any]:
    """A duty's fields but its other roles."""
    found: dict[str, Any] = duty.model_dump(exclude=set(OTHERS))
    return found


def _judged(state: State, facts: RaciFacts, changes: dict[str, Lists],
            plan: Plan) -> dict[str, int] | None:
    """The teams' statement counts after `changes` (`RaciFacts.team_holds`), when the facts
    show that every rule of `racifacts.HANDLED` gives what it gave; else None."""
    from orgspec.engine.racifacts import ids, pairs_stay

    holds = dict(facts.team_holds)
    for rid, (old, new) in changes.items():
        if rid in facts.unresolved or rid in facts.unowned:
            return None
        # the teams that hold the duty before and after, whatever the edit (RO002, RO003)
        claimed = ids(facts.claimed.get(rid))
        stay = {r for lists in old for r in lists} & {r for lists in new for r in lists} | \
            claimed
        served = ids(facts.served.get(rid))
        positions = ids(facts.role_teams.get(rid))
        delta: dict[str, int] = {}
        paired: set[str] = set()  # the ids moved in `responsible` or `consulted` (MT004)
        for role, before, after in zip(OTHERS, old[1:], new[1:], strict=True):
            if before == after:
                continue
            moved = set(before) ^ set(after)
            if not moved.isdisjoint(served):
                return None  # PR005, PR008
            for ref in moved:
                holder = facts.holder(state.teams, ref)
                if holder is None:
                    return None
                if holder.startswith("team:"):
                    if ref in claimed or not stay >= positions:
                        return None  # OW004; RO002, RO003
                    delta[ref] = delta.get(ref, 0) + (1 if ref in after else -1)
            if role != "informed":
                paired |= moved
        if paired and "MT004" in plan.severity and not pairs_stay(
                facts, state.teams, rid, paired,
                {r for lists in (*old[:3], *new[:3]) for r in lists}):
            return None
        for team, change in delta.items():
            was = holds.get(team, 0)
            if (was > 0) != (was + change > 0):
                return None  # OW006
            holds[team] = was + change
    return holds
