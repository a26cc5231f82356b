"""A warm re-check after one file's duties changed who else holds them, answered without
the org.

When exactly one file changed and only in the `responsible`, `consulted` or `informed`
lists of its duties (`only_raci`: every digest of `engine.summary` the same but the
duties' own, their `Responsibility.owners` and prose the same), the kept `warm.State`
answers, as for a prose edit: every finding is kept where the entity it lies in did not
move (`warm._kept`; OW007's too, which reads the duties' texts and accountable owners
alone; the file's entity-local ones too, which depend on their entity alone), and the
entity-local rules run on the changed duties alone, which must find nothing (as the state
had nothing at them). The whole-org rules that read those lists (`racifacts.HANDLED`) are shown
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
from typing import TYPE_CHECKING

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
    hash before and its summary then: `warm._edits`), stored as the next run's state;
    None when the full path must answer."""
    from orgspec.engine import warm
    from orgspec.engine.racifacts import HANDLED, LOCAL_SAFE, lists_text

    facts = warm.kept_facts(cache, key, state.idents)
    if facts is None or not facts.clean or not facts.readers <= HANDLED or \
            not {c for c in plan.severity if c in state.local} <= LOCAL_SAFE:
        return None
    index, _, before = at
    cand, data = inputs.files[index]
    file = cand.display
    after = summaries.get(file)
    if after is None or not isinstance(data, bytes):
        return None
    raw = parsed.get(file)
    if raw is None:
        from orgspec.load.loader import load_bytes

        raw = load_bytes(file, data)
    changes = _changes(raw, facts, state, file)
    if not changes:
        return None
    changed = {"responsibility:" + rid for rid in changes}
    if any(f.entity in changed for f in state.findings):
        return None  # a finding of the duty: it may move or go
    holds = _judged(state, facts, changes, plan)
    if holds is None:
        return None
    # every finding kept, the file's entity-local ones too where their entity (not a
    # changed duty: it has none) did not move
    kept = warm._kept(state, file, before, after, local=True, near=True)
    if kept is None:
        return None
    keys = state.keys.get(file, frozenset())
    duties = state.duties
    check = warm.FileCheck(keys, [], [], {rid: duties.texts[duties.index[rid]]
                                          for rid in duties.ids if duties.files[rid] == file},
                           {}, {}, {k: state.names[k] for k in keys if k in state.names})
    lists = dict(facts.lists)  # a copy: ~0.3 ms at 5,000 duties
    lists.update((rid, lists_text(new)) for rid, (_, new) in changes.items())
    result = warm._result(replace(state, raci=replace(facts, team_holds=holds, lists=lists)),
                          kept, check, None, plan, config, cache, key, inputs, root,
                          summaries, file)
    return replace(result, timezone=config.timezone or "", today=today.isoformat(),
                   name_order=config.name_order or "")


def _changes(raw: RawFile, facts: RaciFacts, state: State, file: str
             ) -> dict[str, Lists] | None:
    """Duty id -> its four RACI lists before (`RaciFacts.lists`) and after (as `raw` writes
    them), for each duty of the file whose lists differ; None when the file is not read
    plainly (an input problem, a suppression, a duty whose id is not the org's duty of
    this file or is written twice), a list is not one validation takes as written
    (`summary._refs`, no hidden character), or a changed duty names an id twice."""
    from orgspec.engine.racifacts import ROLES, lists_of
    from orgspec.engine.summary import _refs
    from orgspec.load.source import without_hidden

    if raw.issues or raw.directives or raw.failed is not None:
        return None
    keys = state.keys.get(file, frozenset())  # the org's entities from the file
    out: dict[str, Lists] = {}
    seen: set[str] = set()
    for ent in raw.entities:
        data = ent.data
        if ent.kind != _DUTY or not isinstance(data, dict):
            continue
        rid = data.get("id")
        if type(rid) is not str or rid in seen or "responsibility:" + rid not in keys or \
                rid not in facts.lists:
            return None
        seen.add(rid)
        new: list[list[str]] = []
        for role in ROLES:
            value = data.get(role, [])
            if role in data and not _refs(value):
                return None
            values = [value] if isinstance(value, str) else list(value)
            if any(without_hidden(v) != v for v in values):
                return None
            new.append(values)
        old = lists_of(facts.lists[rid])
        if tuple(new) == old:
            continue
        every = [r for values in new for r in values]
        if old[0] != new[0] or len(every) != len(set(every)):
            return None
        out[rid] = (old, tuple(new))
    return out


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
