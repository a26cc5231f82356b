"""Every id an entity mentions must exist: unknown references, with a did-you-mean."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue
from orgspec.model.models import ROLES, is_placeholder, is_vacant
from orgspec.model.org import Org, Origin, ident_of, node_key

OWNER_KINDS = ("Team", "Person", "Role")


@check("RF001", graph=False)
def unknown_reference(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF001 for each reference to an id that no entity of the right kind has."""
    yield from check_references(ctx.org)


def check_references(org: Org) -> Iterator[Issue]:
    """Every unknown reference in the org (placeholders and failed files excepted)."""
    for tid, team in org.teams.items():
        o = org.origin("Team", tid)
        yield from _refs(org, o, ("parent",), [team.parent], ("Team",), "team", tid)
        yield from _refs(org, o, ("lead",), [team.lead], ("Person",), "team", tid)
        yield from _refs(org, o, ("members",), team.members, ("Person",), "team", tid)
        yield from _refs(org, o, ("children",), team.children or [], ("Team",), "team", tid)
        for i, item in enumerate(team.responsibilities):
            if item.ref is not None:
                yield from _refs(org, o, ("responsibilities", i), [item.ref],
                                 ("Responsibility",), "team", tid, listed=False)
    for rid, resp in org.responsibilities.items():
        o = org.origin("Responsibility", rid)
        for role in ROLES:
            yield from _refs(org, o, (role,), getattr(resp, role), OWNER_KINDS,
                             "responsibility", rid)
    for oid, obj in org.objectives.items():
        o = org.origin("Objective", oid)
        yield from _refs(org, o, ("owner",), [obj.owner], OWNER_KINDS, "objective", oid)
        yield from _refs(org, o, ("aligns_to",), [obj.aligns_to], ("Objective",), "objective", oid)
        for i, kr in enumerate(obj.key_results):
            yield from _refs(org, o, ("key_results", i, "owner"), [kr.owner], OWNER_KINDS,
                             "objective", oid, listed=False)
    for pid, proc in org.processes.items():
        yield from _process_refs(org, pid, proc)
    yield from _position_refs(org)


def _position_refs(org: Org) -> Iterator[Issue]:
    for person_id, person in org.people.items():
        o = org.origin("Person", person_id)
        yield from _refs(org, o, ("roles",), person.roles, ("Role",), "person", person_id)
    for rid, pos in org.positions.items():
        o = org.origin("Role", rid)
        yield from _refs(org, o, ("team",), [pos.team], ("Team",), "role", rid)
        yield from _refs(org, o, ("holders",), [h if not is_vacant(h) else None
                                                for h in pos.holders], ("Person",), "role", rid)
        for i, item in enumerate(pos.duties):
            if item.ref is not None:
                yield from _refs(org, o, ("duties", i), [item.ref], ("Responsibility",), "role",
                                 rid, listed=False)
    for mid, meeting in org.meetings.items():
        o = org.origin("Meeting", mid)
        yield from _refs(org, o, ("owner",), [meeting.owner], OWNER_KINDS, "meeting", mid)
        yield from _refs(org, o, ("attendees",), meeting.attendees, OWNER_KINDS, "meeting", mid)


def _process_refs(org: Org, pid: str, proc: Any) -> Iterator[Issue]:
    o = org.origin("Process", pid)
    yield from _refs(org, o, ("owner",), [proc.owner], OWNER_KINDS, "process", pid)
    yield from _refs(org, o, ("responsibility",), [proc.responsibility], ("Responsibility",),
                     "process", pid)
    step_ids = {s.id for s in proc.steps}
    for i, step in enumerate(proc.steps):
        base = ("steps", i)
        yield from _refs(org, o, (*base, "owner"), [step.owner], OWNER_KINDS, "process", pid,
                         listed=False)
        yield from _refs(org, o, (*base, "tracker"), [step.tracker], OWNER_KINDS, "process", pid,
                         listed=False)
        for j, nxt in enumerate(step.next):
            if nxt not in step_ids:
                guess = _guess(nxt, step_ids)
                yield Issue(f"unknown step {nxt!r} in `next` of step {step.id!r}",
                            o.locate(*base, "next", j), entity=node_key("process", pid),
                            hint=guess or f"steps of {pid!r}: {', '.join(sorted(step_ids))}")


def _refs(org: Org, origin: Origin, field: tuple[Any, ...], values: Iterable[str | None],
          kinds: tuple[str, ...], kind: str, ident: str, listed: bool = True) -> Iterator[Issue]:
    values = list(values)
    for j, value in enumerate(values):
        if value is None or is_placeholder(value) or _exists(org, value, kinds):
            continue
        if org.mentions_in_failed(value):
            continue  # the file that would define it did not load; no cascade
        where = (*field, j) if listed and _is_list(origin, field) else field
        wanted = " or ".join(kinds)
        label = next(part for part in reversed(field) if isinstance(part, str))
        candidates = [i for k in kinds for i in org.table(k)]
        candidates += [ident_of(key) for key in org.invalid
                       if key.split(":", 1)[0] in {k.lower() for k in kinds}]
        yield Issue(f"unknown {wanted} {value!r} in `{label}`", origin.locate(*where),
                    entity=node_key(kind, ident),
                    hint=_guess(value, candidates) or f"no {wanted} has the id {value!r}")


def _is_list(origin: Origin, field: tuple[Any, ...]) -> bool:
    return isinstance(origin.fmap.node((*origin.path, *field)), list)


def _exists(org: Org, value: str, kinds: tuple[str, ...]) -> bool:
    return any(value in org.table(k) or node_key(k, value) in org.invalid for k in kinds)


def _guess(word: str, candidates: Iterable[str]) -> str:
    pool = [c for c in candidates if abs(len(c) - len(word)) <= 3]
    if len(pool) > 2000:  # keep did-you-mean cheap on huge orgs
        pool = [c for c in pool if c[:1] == word[:1]][:2000]
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""
