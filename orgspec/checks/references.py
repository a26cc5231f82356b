"""Every id an entity mentions must exist: unknown references, with a did-you-mean."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from orgspec.engine.context import RuleContext
from orgspec.engine.registry import check
from orgspec.findings import Issue
from orgspec.model.models import ROLES, is_placeholder, is_vacant
from orgspec.model.org import Org, Origin, ident_of, node_key
from orgspec.text.suggest import Suggester

OWNER_KINDS = ("Team", "Person", "Role")


@check("RF001", graph=False)
def unknown_reference(ctx: RuleContext) -> Iterator[Issue]:
    """Yield RF001 for each reference to an id that no entity of the right kind has."""
    yield from check_references(ctx.org)


class _Guesses:
    """Did-you-mean per tuple of kinds, its index built on the first unknown reference."""

    def __init__(self, org: Org) -> None:
        self.org = org
        self.by_kinds: dict[tuple[str, ...], Suggester] = {}
        self._in_failed: dict[str, bool] = {}

    def in_failed(self, value: str) -> bool:
        """Whether a file that failed to load mentions `value`: each distinct id searched
        once, not once per reference to it."""
        found = self._in_failed.get(value)
        if found is None:
            found = self._in_failed[value] = self.org.mentions_in_failed(value)
        return found

    def hint(self, value: str, kinds: tuple[str, ...]) -> str:
        suggester = self.by_kinds.get(kinds)
        if suggester is None:
            lower = {k.lower() for k in kinds}
            ids = [i for k in kinds for i in self.org.table(k)]
            ids += [ident_of(key) for key in self.org.invalid
                    if key.split(":", 1)[0] in lower]
            suggester = self.by_kinds[kinds] = Suggester(ids)
        close = suggester.close(value)
        return f"did you mean {close!r}?" if close else ""


def check_references(org: Org) -> Iterator[Issue]:
    """Every unknown reference in the org (placeholders and failed files excepted)."""
    guesses = _Guesses(org)
    for tid, team in org.teams.items():
        o = org.origin("Team", tid)
        yield from _refs(guesses, o, ("parent",), [team.parent], ("Team",), "team", tid)
        yield from _refs(guesses, o, ("lead",), [team.lead], ("Person",), "team", tid)
        yield from _refs(guesses, o, ("members",), team.members, ("Person",), "team", tid)
        yield from _refs(guesses, o, ("children",), team.children or [], ("Team",), "team", tid)
        for i, item in enumerate(team.responsibilities):
            if item.ref is not None:
                yield from _refs(guesses, o, ("responsibilities", i), [item.ref],
                                 ("Responsibility",), "team", tid, listed=False)
    for rid, resp in org.responsibilities.items():
        o = org.origin("Responsibility", rid)
        for role in ROLES:
            yield from _refs(guesses, o, (role,), getattr(resp, role), OWNER_KINDS,
                             "responsibility", rid)
    for oid, obj in org.objectives.items():
        o = org.origin("Objective", oid)
        yield from _refs(guesses, o, ("owner",), [obj.owner], OWNER_KINDS, "objective", oid)
        yield from _refs(guesses, o, ("aligns_to",), [obj.aligns_to], ("Objective",),
                         "objective", oid)
        for i, kr in enumerate(obj.key_results):
            yield from _refs(guesses, o, ("key_results", i, "owner"), [kr.owner], OWNER_KINDS,
                             "objective", oid, listed=False)
    for pid, proc in org.processes.items():
        yield from _process_refs(guesses, pid, proc)
    yield from _position_refs(guesses)


def _position_refs(guesses: _Guesses) -> Iterator[Issue]:
    org = guesses.org
    for person_id, person in org.people.items():
        o = org.origin("Person", person_id)
        yield from _refs(guesses, o, ("roles",), person.roles, ("Role",), "person", person_id)
    for rid, pos in org.positions.items():
        o = org.origin("Role", rid)
        yield from _refs(guesses, o, ("team",), [pos.team], ("Team",), "role", rid)
        yield from _refs(guesses, o, ("holders",), [h if not is_vacant(h) else None
                                                    for h in pos.holders], ("Person",), "role",
                         rid)
        for i, item in enumerate(pos.duties):
            if item.ref is not None:
                yield from _refs(guesses, o, ("duties", i), [item.ref], ("Responsibility",),
                                 "role", rid, listed=False)
    for mid, meeting in org.meetings.items():
        o = org.origin("Meeting", mid)
        yield from _refs(guesses, o, ("owner",), [meeting.owner], OWNER_KINDS, "meeting", mid)
        yield from _refs(guesses, o, ("attendees",), meeting.attendees, OWNER_KINDS, "meeting",
                         mid)


def _process_refs(guesses: _Guesses, pid: str, proc: Any) -> Iterator[Issue]:
    o = guesses.org.origin("Process", pid)
    yield from _refs(guesses, o, ("owner",), [proc.owner], OWNER_KINDS, "process", pid)
    yield from _refs(guesses, o, ("responsibility",), [proc.responsibility],
                     ("Responsibility",), "process", pid)
    step_ids = {s.id for s in proc.steps}
    steps: Suggester | None = None  # built on the first unknown `next`
    listing = ""  # the process's steps, for hints: built on the first unknown `next`
    for i, step in enumerate(proc.steps):
        base = ("steps", i)
        yield from _refs(guesses, o, (*base, "owner"), [step.owner], OWNER_KINDS, "process",
                         pid, listed=False)
        yield from _refs(guesses, o, (*base, "tracker"), [step.tracker], OWNER_KINDS,
                         "process", pid, listed=False)
        for j, nxt in enumerate(step.next):
            if nxt not in step_ids:
                steps = steps or Suggester(step_ids)
                close = steps.close(nxt)
                guess = f"did you mean {close!r}?" if close else ""
                if not guess and not listing:
                    listing = _listing(sorted(step_ids))
                yield Issue(f"unknown step {nxt!r} in `next` of step {step.id!r}",
                            o.locate(*base, "next", j), entity=node_key("process", pid),
                            hint=guess or f"steps of {pid!r}: {listing}")


MAX_LISTED = 20


def _listing(names: list[str]) -> str:
    """`a, b, c`; past MAX_LISTED names, the first ones and how many more (a hint on each
    of a 10,000-step process's unknown `next`s does not list every step)."""
    more = len(names) - MAX_LISTED
    return ", ".join(names[:MAX_LISTED]) + (f" (+{more} more)" if more > 0 else "")


def _refs(guesses: _Guesses, origin: Origin, field: tuple[Any, ...],
          values: Iterable[str | None], kinds: tuple[str, ...], kind: str, ident: str,
          listed: bool = True) -> Iterator[Issue]:
    org = guesses.org
    values = list(values)
    for j, value in enumerate(values):
        if value is None or is_placeholder(value) or _exists(org, value, kinds):
            continue
        if org.failed and guesses.in_failed(value):
            continue  # the file that would define it did not load; no cascade
        where = (*field, j) if listed and _is_list(origin, field) else field
        wanted = " or ".join(kinds)
        label = next(part for part in reversed(field) if isinstance(part, str))
        yield Issue(f"unknown {wanted} {value!r} in `{label}`", origin.locate(*where),
                    entity=node_key(kind, ident),
                    hint=guesses.hint(value, kinds) or f"no {wanted} has the id {value!r}")


def _is_list(origin: Origin, field: tuple[Any, ...]) -> bool:
    return isinstance(origin.fmap.node((*origin.path, *field)), list)


def _exists(org: Org, value: str, kinds: tuple[str, ...]) -> bool:
    return any(value in org.table(k) or node_key(k, value) in org.invalid for k in kinds)
