"""Declarative rules: `given` an entity kind, `then` a function over one field (Spectral-style).

    - code: ACME001
      name: team-has-mission
      severity: warning
      summary: Every team states its mission.
      rationale: A team without a mission cannot say what it does not do.
      given: Team
      then: {field: mission, function: defined}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from orgspec.engine.context import Shared
from orgspec.engine.packregex import PatternTimeout
from orgspec.engine.registry import RuleMeta
from orgspec.findings import Issue, Location
from orgspec.i18n import M
from orgspec.lazyre import lazy
from orgspec.model.krname import key_result_named
from orgspec.model.models import is_placeholder
from orgspec.model.org import Org, Origin, node_key

if TYPE_CHECKING:
    from orgspec.load.config import ConfigError

Target = tuple[str, Any, Origin, tuple[Any, ...]]  # (label, object, origin, path below it)
GIVEN = ("Team", "Person", "Responsibility", "Objective", "KeyResult", "Process", "Step")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or is_placeholder(
        value if isinstance(value, str) else None)


def _pattern(value: Any, opts: dict[str, Any]) -> bool:
    """`match` and `notMatch` are `packregex.Searcher`s (`run_declarative`): searches within
    the rule's time budget."""
    if value is None:
        return True
    text = str(value)
    if "match" in opts and not opts["match"].search(text):
        return False
    return not ("notMatch" in opts and opts["notMatch"].search(text))


def _length(value: Any, opts: dict[str, Any]) -> bool:
    """Items of a list, characters of a text (a date or number: as written back)."""
    size = 0 if value is None else len(value) if isinstance(value, str | list | tuple | dict) \
        else len(str(value))
    return int(opts.get("min", 0)) <= size <= int(opts.get("max", 1 << 30))


FUNCTIONS: dict[str, Callable[[Any, dict[str, Any]], bool]] = {
    "defined": lambda v, _: not _empty(v),
    "undefined": lambda v, _: _empty(v),
    "truthy": lambda v, _: bool(v) and not _empty(v),
    "falsy": lambda v, _: not v,
    "pattern": _pattern,
    "length": _length,
    "enumeration": lambda v, o: v is None or v in o.get("values", []),
}
KIND_WORDS = {k: M(k) for k in ("Team", "Person", "Responsibility", "Objective")} | {
    "Process": M("Process"), "Role": M("Role"), "Meeting": M("Meeting"),
    "key result": M("key result"), "step": M("step")}
DEFAULT_MESSAGES = {  # a rule pack's own `message:` is extracted for the catalog too
    "defined": M("{kind} {id!r} has no `{field}`"),
    "undefined": M("{kind} {id!r} should not set `{field}`"),
    "truthy": M("{kind} {id!r} has no `{field}`"),
}


def validate_rule(meta: RuleMeta) -> None:
    """Raise ValueError when a declarative rule is malformed."""
    if meta.given not in GIVEN:
        raise ValueError(f"rule {meta.code}: `given` must be one of {', '.join(GIVEN)}")
    then = meta.then
    if not isinstance(then.get("field"), str) or then.get("function") not in FUNCTIONS:
        raise ValueError(f"rule {meta.code}: `then` needs `field` and a `function` of "
                         f"{', '.join(FUNCTIONS)}")
    opts = then.get("options") or {}
    for key in ("match", "notMatch"):
        if key in opts:
            re.compile(opts[key])


def run_declarative(meta: RuleMeta, shared: Shared) -> Iterator[Issue]:
    """Apply one declarative rule to every entity (or part) of its `given` kind."""
    then = meta.then
    field_name = then["field"]
    func = FUNCTIONS[then["function"]]
    opts = then.get("options") or {}
    template = meta.message or DEFAULT_MESSAGES.get(
        then["function"], "{kind} {id!r}: `{field}` fails " + then["function"])
    opts = _searchers(opts)
    for label, obj, origin, path in targets(shared.org, meta.given or ""):
        value = getattr(obj, field_name, None)
        try:
            failed = not func(value, opts)
        except PatternTimeout as late:
            raise _timeout(meta, late.key, label, obj,
                           origin.locate(*path, field_name)) from None
        if failed:
            text = M(str(template), kind=KIND_WORDS.get(label, label),
                     id=_said(label, obj, str(template)), field=field_name, value=value)
            yield Issue(text, origin.locate(*path, field_name),
                        node_key(origin_kind(label), _owner_id(obj, origin, label)), code=meta.code)


def _searchers(opts: dict[str, Any]) -> dict[str, Any]:
    """`opts` with each pattern a Searcher of its own budget (`engine.packregex`)."""
    from orgspec.engine import packregex

    return {key: packregex.Searcher(key, value, packregex.BUDGET)
            if key in ("match", "notMatch") else value for key, value in opts.items()}


def _timeout(meta: RuleMeta, key: str, label: str, obj: Any, at: Location) -> ConfigError:
    """The one error line of a rule whose pattern `key` ran out of time: at the pattern in
    its pack, naming the value it was searching then."""
    from orgspec.engine import packregex
    from orgspec.load.config import ConfigError
    from orgspec.load.packfile import invalid

    seconds, place = format(packregex.BUDGET, "g"), at.file + ":" + str(at.line)
    why = M("rule {code}: {key!r} took more than {seconds} s of processor time on this org's "
            "values and was stopped at {kind} {id!r}, `{field}` ({place}): its repetitions can "
            "take the same text in many ways, as in (a|aa)+ or (.*a){{20}}; let each character "
            "be taken one way only, or make the repetition possessive (a++) or atomic ((?>...))",
            code=meta.code, key=key, seconds=seconds,
            kind=KIND_WORDS.get(label, label), id=str(getattr(obj, "id", "")),
            field=meta.then["field"], place=place)
    where = dict(meta.places).get(key)
    return invalid(where, why) if where else ConfigError(why)


def _said(label: str, obj: Any, template: str) -> str:
    """The `{id}` of a message: a key result's text and id (`model.krname`), as the OKR
    rules quote it, unless the template shows the id as code (`` `{id}` ``: the id to
    write); any other entity's id, which the output says with its name."""
    if label != "key result" or any("{id" in span for span in _CODE.findall(template)):
        return str(obj.id)
    return key_result_named(obj.title, obj.id)


_CODE = lazy(r"`[^`\n]*`")  # a code span of a template: one line in backticks


def origin_kind(label: str) -> str:
    return {"key result": "objective", "step": "process"}.get(label, label.lower())


def _owner_id(obj: Any, origin: Origin, label: str) -> str:
    if label in ("key result", "step"):
        return str(origin.fmap.node(origin.path).get("id", obj.id))
    return str(obj.id)


def targets(org: Org, given: str) -> Iterator[Target]:
    """Every object a `given` kind selects, with where it was written."""
    if given == "KeyResult":
        for oid, obj in org.objectives.items():
            for i, kr in enumerate(obj.key_results):
                yield "key result", kr, org.origin("Objective", oid), ("key_results", i)
    elif given == "Step":
        for pid, proc in org.processes.items():
            for i, step in enumerate(proc.steps):
                yield "step", step, org.origin("Process", pid), ("steps", i)
    else:
        for ident, obj in org.table(given).items():
            yield given, obj, org.origin(given, ident), ()
