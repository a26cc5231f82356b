"""Raw entities -> validated models; the only module that knows pydantic's error format."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from orgspec.findings import Issue, Location, Related
from orgspec.i18n import M, Quoted
from orgspec.load.loader import RawEntity, RawFile, RawOrg
from orgspec.load.source import without_hidden
from orgspec.load.suppress import Directive
from orgspec.load.yamlevents import Path
from orgspec.load.yamlhints import colon_key, colon_said
from orgspec.model.aliases import resolve_aliases
from orgspec.model.entitysaid import KIND_WORDS, entity_said
from orgspec.model.fieldwords import field_meant
from orgspec.model.freeids import free_id_hints
from orgspec.model.interned import intern_ids, share_fields_sets
from orgspec.model.kindwords import kind_meant
from orgspec.model.krname import key_result_named
from orgspec.model.models import (
    ID_PATTERN,
    KIND_ALIASES,
    KINDS,
    MODELS,
    Responsibility,
    Role,
    Team,
    clean_validator,
    slug_of,
)
from orgspec.model.org import Claim, Org, Origin, RoleClaim, node_key
from orgspec.model.untitled import unknown_in_part, untitled
from orgspec.text.kindwords import kind_named
from orgspec.text.lazyre import lazy
from orgspec.text.shorten import shown
from orgspec.text.spaces import fold_width, stray_blank

MAX_ERRORS_PER_ENTITY = 20


def build_org(raw: RawOrg) -> tuple[Org, list[Issue]]:
    """Validate every raw entity; return the org of valid ones and the problems found."""
    org = Org(files=list(raw.files), failed=dict(raw.failed), directives=list(raw.directives),
              pending=dict(raw.pending))
    issues: list[Issue] = []
    for ent in raw.entities:
        issues.extend(add_checked(org, check_entity(ent)))
    resolve_aliases(org)
    return org, free_id_hints(org, issues)


@dataclass
class Checked:
    """One entity after validation, before it joins an org: the model (None when it could
    not be salvaged), its schema problems, what was dropped, and where it was written.
    Independent of every other entity, so it can be cached with its file."""

    origin: Origin
    kind: str = ""
    obj: Any = None
    issues: list[Issue] = field(default_factory=list)
    invalid: str | None = None  # the node key of an entity that failed validation
    dropped: Dropped = field(default_factory=dict)


# each `kind` as written (a str) -> the model's kind it names (`Team` for `team`, `部门`,
# `Team\u200b`), for the first _KINDS_KEPT kinds met that name one: the aliases and the
# hidden characters are looked up once per spelling, not per entity
_KINDS: dict[str, str] = {}
_KINDS_KEPT = 256


def check_entity(ent: RawEntity) -> Checked:
    """Validate one raw entity on its own (duplicates are found when it joins the org)."""
    out = Checked(Origin(ent.fmap, ent.path))
    written: Any = ent.data.get("kind")
    kind = _KINDS.get(written) if written.__class__ is str else None
    if kind is not None:  # a kind as written before: the model's kind it names
        pass
    elif isinstance(written, str):
        kind = without_hidden(written)  # `kind: "Team\u200b"`: IN003 said it
        kind = KIND_ALIASES.get(kind, kind)
        if written.__class__ is str and kind in MODELS and len(_KINDS) < _KINDS_KEPT:
            _KINDS[written] = kind
    else:
        kind = written
    if not isinstance(kind, str) or kind not in MODELS:  # a list or mapping is unhashable
        out.issues.append(_kind_issue(ent, kind))
        meant = _kind_meant(kind, ent.data)
        ident = _ident(ent.data)
        if meant and not isinstance(ident, str):  # `idd: kefu` beside `kind: 部门`
            ident = _id_meant(ent.data, MODELS[meant])
        if meant and isinstance(ident, str):
            # `kind: team`: held like an invalid Team, so references to it say nothing more
            out.invalid = node_key(meant, ident)
            _hold_fields(ent, out)
        return out
    out.kind = kind
    model = MODELS[kind]
    data = ent.data if kind == written or KIND_ALIASES.get(written) == kind else \
        {**ent.data, "kind": kind}  # without the hidden characters IN003 said
    # a file whose values hold no hidden character skips `Unhidden` (0.5 us a value)
    validate = model.model_validate if ent.fmap.parsed.hidden else \
        clean_validator(model).validate_python
    try:
        out.obj = validate(data)
    except ValidationError as exc:
        # an `id：li-qiang` key is no field of any model (each forbids unknown keys), so
        # only an entity that failed validation can have one
        if _colon_key(ent, kind, out) or _merge_key(ent, kind, out):
            return out
        ident = _ident(ent.data)
        out.issues.extend(_schema_issues(exc, ent, model, kind, ident))
        kept: dict[Path, list[int]] = {}
        salvaged = salvage(model, data, exc, node_key(kind, ident), validate, kept) \
            if isinstance(ident, str) else None
        if salvaged is not None and kept:  # findings at an item after a cut one: as written
            out.origin = Origin(ent.fmap, ent.path, tuple(sorted(
                ((path, tuple(at)) for path, at in kept.items()), key=lambda k: -len(k[0]))))
        if salvaged is None:
            if isinstance(ident, str):
                out.invalid = node_key(kind, ident)
                _hold_fields(ent, out)
            elif (meant := _id_meant(ent.data, model)) is not None:
                # `idd: li-qiang`: the id is written, under a wrong key; references to it
                # must not get a did-you-mean to another person
                out.invalid = node_key(kind, meant)
            return out
        out.obj, out.dropped = salvaged
    if kind in _PART_LISTS:  # entity-local: a step or key result id given twice
        out.issues.extend(_part_ids(kind, out.obj, out.origin))
    if ent.dropped and isinstance(_ident(ent.data), str):
        # a duplicate key's value that was not read (IN004) counts as dropped: a person it
        # names is not "on no team"
        out.dropped.setdefault(node_key(kind, _ident(ent.data)), {}).update(ent.dropped)
    return out


def _ident(data: dict[str, Any]) -> Any:
    """The `id` of raw `data` as the models read it (without the hidden characters IN003
    reports: `model.models.Unhidden`)."""
    ident = data.get("id")
    return without_hidden(ident) if isinstance(ident, str) else ident


def _hold_fields(ent: RawEntity, out: Checked) -> None:
    """An entity held as invalid keeps nothing: its fields count as dropped, so the rules
    reading them hold back (its team's members are not "on no team")."""
    if out.invalid is not None:
        out.dropped[out.invalid] = {k: v for k, v in ent.data.items()
                                    if isinstance(k, str) and k not in ("kind", "id")}


def _id_meant(data: dict[str, Any], model: type[BaseModel]) -> str | None:
    """The one string value under an unknown key of an entity without `id`, or None."""
    if "id" in data:
        return None
    values = [v for k, v in data.items() if k not in model.model_fields and isinstance(v, str)]
    return values[0] if len(values) == 1 and values[0].strip() else None


def _colon_key(ent: RawEntity, kind: str, out: Checked) -> bool:
    """`{kind: Person, id：li-qiang}`: the IME's full-width colon made one key of a field and
    its value. One finding at the colon; the entity is held as invalid (under the id meant)
    so that references to it say nothing more."""
    for inner, key in _keys(ent.data):
        said = colon_key(key)
        if said is None:
            continue
        field, value = said
        at = ent.fmap.locate((*ent.path, *inner, key))
        col = at.col + str(key).index("：")
        message, hint = colon_said(field, value)
        ident = value if field == "id" and not inner else _ident(ent.data)
        if isinstance(ident, str) and ident:
            out.invalid = node_key(kind, ident)
            _hold_fields(ent, out)
        out.issues.append(Issue(message, Location(at.file, at.line, col, at.line, col + 1),
                                out.invalid or "", hint=hint, code="IN001"))
        return True
    return False


def _keys(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path inside `data`, key) of every key of `data` and of the mappings inside it
    (`- {ref： refund-handling, role: informed}` in a team's `responsibilities`, trial 36),
    the entity's own first."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, node = stack.pop(0)
        if isinstance(node, dict):
            for key, value in node.items():
                yield path, key
                if isinstance(value, dict | list):
                    stack.append(((*path, key), value))
        elif isinstance(node, list):
            stack.extend(((*path, i), item) for i, item in enumerate(node)
                         if isinstance(item, dict | list))


MERGE = "<<"  # YAML 1.1's merge key: `<<: {id: ab, name: 甲}`, which the loader does not read


def _merge_key(ent: RawEntity, kind: str, out: Checked) -> bool:
    """`<<: {id: ab, name: 甲}`: a YAML merge key, read as an unknown field `<<` (its
    fields not at all). One finding at the `<<`, as for an anchor (IN005); the entity is
    held as invalid under the id it writes, or the id in the merged mapping, so that
    references to it say nothing more (trial 35: SC002 missing id, SC001 unknown `<<`, and
    an RF001 at each reference)."""
    if MERGE not in ent.data:
        return False
    merged = ent.data[MERGE]
    ident = _ident(ent.data)
    if not isinstance(ident, str) and isinstance(merged, dict):
        ident = _ident(merged)
    if isinstance(ident, str) and ident:
        out.invalid = node_key(kind, ident)
        _hold_fields(ent, out)
    out.issues.append(Issue(M("merge keys (<<) are not read"),
                            ent.fmap.locate((*ent.path, MERGE)), out.invalid or "",
                            hint=M("write the fields themselves in place of `<<:`"),
                            code="IN005"))
    return True


def add_checked(org: Org, checked: Checked) -> Iterator[Issue]:
    """Add a checked entity to `org` (registering its id, charter and duties); yields its
    schema problems, then a duplicate id's."""
    yield from checked.issues
    if checked.invalid is not None:
        org.invalid.add(checked.invalid)
        org.invalid_at.setdefault(checked.invalid, checked.origin)
    for key, fields in checked.dropped.items():
        org.incomplete.setdefault(key, {}).update(fields)
    obj = checked.obj
    if obj is None:
        return
    intern_ids(obj, checked.kind)  # before its ids become the org's keys (`model.interned`)
    share_fields_sets(obj)
    origin = checked.origin
    copy = node_key(checked.kind, obj.id) in org.origins
    yield from _register(org, checked.kind, obj, origin)
    if copy:  # a duplicate id's copy is not loaded: its charter and duties are not claims
        return  # of the first (RF002 is the one finding; they count as dropped: `holdback`)
    if isinstance(obj, Team):
        yield from _charter(org, obj, origin)
    elif isinstance(obj, Role):
        yield from _position_duties(org, obj, origin)


DUPLICATE = "#"  # `responsibility:x#73`: the definition of x at line 73, a duplicate
Dropped = dict[str, dict[str, Any]]  # entity or part key -> field -> the value as written
KIND_WORD = {k: M(k) for k in ("Team", "Person", "Responsibility", "Objective")} | {
    "Process": M("Process"), "Role": M("Role"), "Meeting": M("Meeting")}
PART_KEYS = {"key_results": "key_result", "steps": "step", "responsibilities": "charter"}


def salvage(model: type[BaseModel], data: dict[str, Any], exc: ValidationError,
            key: str, validate: Callable[[Any], Any],
            kept: dict[Path, list[int]] | None = None) -> tuple[Any, Dropped] | None:
    """The entity without the fields (or key results, steps, charter items) that failed,
    and what was dropped where; None when its identity or a required field is missing.
    `validate`: how `data` is validated (`model.model_validate`, or its `clean_validator`).
    `kept`, when given, receives for each list an item was cut from the index as written
    of each item left (`members: ["", zzz]` -> {("members",): [1]}).

    One bad value must not hide the entity: the checks that do not read a dropped field
    still run on it (`holdback` keeps back the ones that do).
    """
    data = _copy(data)
    dropped: Dropped = {}
    for _ in range(4):
        cuts = [_data_path(data, tuple(e["loc"])) for e in exc.errors(include_url=False)]
        types = [e["type"] for e in exc.errors(include_url=False)]
        if not _cut(data, cuts, types, key, model, dropped, kept if kept is not None else {}):
            return None
        try:
            return validate(data), dropped
        except ValidationError as again:
            exc = again
    return None


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _cut(data: dict[str, Any], cuts: list[Path], types: list[str], key: str,
         model: type[BaseModel], dropped: Dropped, kept: dict[Path, list[int]]) -> bool:
    """Remove each failing field (or the list item holding it); False when only the whole
    entity could go."""
    fields: list[tuple[Path, str]] = []
    items: list[Path] = []
    for path, kind in zip(cuts, types, strict=True):
        if path and isinstance(path[-1], str) and kind != "missing" and \
                path[-1] not in ("id", "kind"):
            fields.append((path, kind))
        elif any(isinstance(p, int) for p in path[1:]):
            last = max(i for i, p in enumerate(path) if isinstance(p, int))
            items.append(path[:last + 1])
        else:
            return False
    for path, kind in fields:
        holder = _node(data, path[:-1])
        if not isinstance(holder, dict) or path[-1] not in holder:
            continue
        value = holder.pop(path[-1])
        name = str(path[-1])
        if kind == "extra_forbidden":  # a typo of a known field loses that field
            known = _fields_at(model, path[:-1])
            close = difflib.get_close_matches(name, known, n=1) or \
                [f for f in (field_meant(name, known),) if f] or \
                [r for r in _raci_fields(name) if r in known]  # `负责人`: `lead`, `accountable`
            meant = _MEANT.get((key.split(":", 1)[0], name.strip().lower()), "") \
                if len(path) == 1 else ""
            if not close and not meant:
                continue
            for name in close or [meant]:  # `负责` on a duty: R or A, both read as dropped
                dropped.setdefault(_part_key(key, data, path[:-1]), {})[name] = value
            continue
        dropped.setdefault(_part_key(key, data, path[:-1]), {})[name] = value
    for path in sorted(set(items), key=lambda p: (p[:-1], -p[-1]), reverse=False):
        holder = _node(data, path[:-1])
        if isinstance(holder, list) and 0 <= path[-1] < len(holder):
            item = holder.pop(path[-1])
            kept.setdefault(path[:-1], list(range(len(holder) + 1))).pop(path[-1])
            where = _part_key(key, data, path[:-2]) if len(path) > 1 else key
            at, name = dropped.setdefault(where, {}), str(path[-2])
            held = at.get(name)
            if not isinstance(held, list):  # a typo of it (`holder: ada`) was dropped as it
                held = at[name] = [] if held is None else [held]
            held.append(item)
    return True


def _node(data: Any, path: Path) -> Any:
    """The data at `path`, or None once an earlier cut removed it."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _part_key(key: str, data: dict[str, Any], path: Path) -> str:
    """The key of the entity or part at `path` (`objective:o/key_result:k`)."""
    if len(path) >= 2 and isinstance(path[0], str) and path[0] in PART_KEYS:
        item = _node(data, path[:2])
        ident = item.get("id") or item.get("ref") if isinstance(item, dict) else None
        return f"{key}/{PART_KEYS[path[0]]}:{ident if isinstance(ident, str) else path[1]}"
    return key


def _register(org: Org, kind: str, obj: Any, origin: Origin) -> Iterator[Issue]:
    key = node_key(kind, obj.id)
    first = org.origins.get(key)
    if first is not None:
        word = KIND_WORD.get(kind, kind)
        name, was = _display_name(obj), _display_name(org.table(kind)[obj.id])
        # two entities that differ in name: say both, and the id as written (Quoted: a
        # report must not name it after one of them)
        said = M("duplicate {kind} id {id!r}: {name!r} here, {first!r} where it was first "
                 "defined", kind=word, id=Quoted(obj.id), name=name, first=was) \
            if name and was and name != was else M("duplicate {kind} id {id!r}", kind=word,
                                                   id=obj.id)
        yield Issue(said, origin.locate("id"), entity=key,
                    related=(Related(first.locate("id"), M("first defined here")),),
                    # renaming a copy of one entity would make it two
                    hint=M("ids must be unique per kind: if both are the same {kind}, delete "
                           "one; otherwise rename one of them", kind=word), code="RF002")
        # its fields count as dropped (`holdback`): a team it names is not without duties
        # for it, nor is the id it was meant to have (that team's charter names it) unknown
        org.incomplete[f"{key}{DUPLICATE}{origin.locate('id').line}"] = {
            k: v for k, v in obj.model_dump(exclude={"kind", "id"}).items() if v}
        return
    org.table(kind)[obj.id] = obj
    org.origins[key] = origin
    if getattr(obj, "aliases", None):
        org.aliased.setdefault(kind, []).append(obj.id)


_PART_LISTS = {"Process": ("steps", "step"), "Objective": ("key_results", "key_result")}


def _part_ids(kind: str, obj: Any, origin: Origin) -> Iterator[Issue]:
    """RF002 at each step of a process, or key result of an objective, whose id an earlier
    one of the same entity has (a step copied and its id left as it was): the schema takes
    the list, and the copy went unsaid while `next` and the reports read one of the two."""
    if kind not in _PART_LISTS:
        return
    field_name, part = _PART_LISTS[kind]
    first: dict[str, int] = {}
    for at, item in enumerate(getattr(obj, field_name, None) or ()):
        ident = getattr(item, "id", None)
        if not isinstance(ident, str):
            continue
        if ident not in first:
            first[ident] = at
            continue
        whole = entity_said(node_key(kind, obj.id))  # said only for a duplicate
        if part == "step":
            said = M("duplicate step id {id!r} in {whole}", id=ident, whole=whole)
            hint = M("the steps of one process need different ids: if both are the same "
                     "step, delete one; otherwise rename one of them (and each `next` that "
                     "means it)")
        else:
            said = M("duplicate key result id {id!r} in {whole}", id=ident, whole=whole)
            hint = M("the key results of one objective need different ids: if both are the "
                     "same key result, delete one; otherwise rename one of them")
        yield Issue(said, origin.locate(field_name, at, "id"),
                    entity=f"{node_key(kind, obj.id)}/{part}:{ident}",
                    related=(Related(origin.locate(field_name, first[ident], "id"),
                                     M("first defined here")),),
                    hint=hint, code="RF002")


def _display_name(entity: Any) -> str:
    """What a reader calls an entity: its name (an objective's title); "" without one."""
    return str(getattr(entity, "name", None) or getattr(entity, "title", None) or "")


def _inline_duty(org: Org, item: Any, where: Origin) -> Iterator[Issue]:
    """Register a duty written in full inside a charter or a position (`- id: x` with its
    name and description) as a Responsibility of its own."""
    if item.id is not None:  # validated already: `Unhidden` would find nothing
        inline = clean_validator(Responsibility).validate_python(
            {"kind": "Responsibility", "id": item.id, "name": item.name, "names": item.names,
             "description": item.description})
        yield from _register(org, "Responsibility", inline, where)


def _charter(org: Org, team: Team, origin: Origin) -> Iterator[Issue]:
    for i, item in enumerate(team.responsibilities):
        where = origin.part("responsibilities", i)
        yield from _inline_duty(org, item, where)
        org.claims.append(Claim(team.id, item.ref or item.id or "", item.role, where))


def _position_duties(org: Org, pos: Role, origin: Origin) -> Iterator[Issue]:
    for i, item in enumerate(pos.duties):
        where = origin.part("duties", i)
        yield from _inline_duty(org, item, where)
        org.role_claims.append(RoleClaim(pos.id, item.ref or item.id or "", item.role, where))


def _kind_issue(ent: RawEntity, kind: Any) -> Issue:
    if kind is None:
        return Issue(M("entity has no `kind`"), ent.location(),
                     hint=M("add `kind:` with one of {kinds}", kinds=list(KINDS)),
                     code="IN010")
    if not isinstance(kind, str):
        found = M("a list") if isinstance(kind, list) else M("a mapping")
        return Issue(M("`kind` must be one of {kinds}; found {found}", kinds=list(KINDS),
                       found=found),
                     ent.fmap.value((*ent.path, "kind")),
                     hint=M("write the kind as plain text, e.g. `kind: Team`"), code="IN010")
    named = _kind_meant(kind, ent.data)  # `kind: 团队`, `kind: Ｔｅａｍ`, by its fields
    written = kind_named(unicodedata.normalize("NFKC", kind).strip())
    if named and written and KIND_ALIASES.get(written, written) == named:
        named = written  # `kind: 職位` is told `Position`, the name that word is written as
    guess = M("did you mean `{name}`?", name=named) if named else \
        _did_you_mean(kind, (*KINDS, *KIND_ALIASES), fold=True)
    return Issue(M("unknown kind {kind!r}", kind=kind), ent.fmap.locate((*ent.path, "kind")),
                 hint=guess or M("kind is one of {kinds} ({aliases})", kinds=list(KINDS),
                                 aliases=_aliases()),
                 code="IN010")


def _aliases() -> list[M]:
    return [M("{alias} is another name of {kind}", alias=a, kind=k)
            for a, k in KIND_ALIASES.items()]


def _kind_meant(kind: Any, data: dict[str, Any] | None = None) -> str | None:
    """The kind a wrong-case `kind:` means (`team` -> `Team`, `position` -> `Role`, in
    full-width letters too: `Ｔｅａｍ`), or one written as a word for it (`团队`, `員工`,
    `Department`: `model.kindwords`); else, or when that kind has no field the entity
    writes, the one kind whose fields are all those of `data` (`kind: ""` or `kind: Teem`
    with `lead` and `members` is a Team); None when neither tells."""
    named = kind_meant(unicodedata.normalize("NFKC", kind)) if isinstance(kind, str) else None
    fits = _kinds_fitting(data) if data else []
    if named and (not fits or named in fits):
        return named
    return fits[0] if len(fits) == 1 else named


def _kinds_fitting(data: dict[str, Any]) -> list[str]:
    """The kinds whose fields include every field `data` writes, when it writes one that
    not every kind has (a `name` and an `id` fit most)."""
    written = {k for k in data if isinstance(k, str)} - {"kind", "id", "name"}
    if not written:
        return []
    return [k for k in KINDS if written <= MODELS[k].model_fields.keys()]


def _taken_field(word: str, options: typing.Iterable[str], meant: str | None, data: Any,
                 path: Path) -> str | None:
    """The hint for unknown field `word` when the field it means (`参会人员`: `attendees`)
    is already set beside it: renamed, it would be a duplicate key (IN004), so say to merge
    the values into it; None when it is not set there."""
    options = list(options)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    name = close[0] if close else meant
    here = _node(data, path[:-1]) if data is not None else None
    if name is None or not isinstance(here, dict) or name not in here:
        return None
    if isinstance(here.get(word), list) and isinstance(here[name], list):
        return M("`{name}` is already set here: move the items of `{field}` into the "
                 "`{name}` list, then delete `{field}`", name=name, field=word)
    return M("`{name}` is already set here: keep the right value in `{name}`, then delete "
             "`{field}`", name=name, field=word)


def _did_you_mean(word: str, choices: typing.Iterable[str], fold: bool = False) -> str:
    options = list(choices)
    if fold:
        by_fold = {c.casefold(): c for c in options}
        if word.casefold() in by_fold:
            return M("did you mean `{name}`?", name=by_fold[word.casefold()])
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return M("did you mean `{name}`?", name=close[0]) if close else ""


def _schema_issues(exc: ValidationError, ent: RawEntity, model: type[BaseModel], kind: str,
                   ident: Any) -> Iterator[Issue]:
    entity = node_key(kind, ident) if isinstance(ident, str) else ""
    errors = exc.errors(include_url=False, include_input=False, include_context=True)
    errors = errors[:MAX_ERRORS_PER_ENTITY]
    renamed = _renamed(errors, ent.data, model)
    for err in errors:
        loc = tuple(err["loc"])
        path = _data_path(ent.data, loc)
        if err["type"] == "missing" and (path, loc[-1]) in renamed.values():
            continue  # `標題:` for `title`: one finding, at the key to rename
        at = (*ent.path, *path)
        # a bad text value is reported where it is written; a field missing or unknown, or a
        # list or mapping of the wrong shape, at its key
        where = ent.fmap.value(at) if err["type"] not in ("extra_forbidden", "missing") and \
            isinstance(ent.fmap.node(at), str) else ent.fmap.locate(at)
        issue = _schema_issue(err["type"], err.get("ctx") or {}, loc, path, model, where,
                              entity, ent.data)
        if err["type"] == "extra_forbidden" and path in renamed:
            value, meant = _node(ent.data, path), renamed[path][1]
            hint = M("rename `{key}` to `{field}` and keep its value: `{field}: {value}`",
                     key=path[-1], field=meant, value=value.strip()) \
                if isinstance(value, str) and value.strip() and "\n" not in value else \
                M("rename `{key}` to `{field}` and keep its value", key=path[-1], field=meant)
            issue = replace(issue, hint=hint)
        yield issue


def _renamed(errors: list[Any], data: dict[str, Any],
             model: type[BaseModel]) -> dict[Path, tuple[Path, str]]:
    """The unknown keys that name a required field missing beside them (`標題:` where a key
    result has no `title`), as {path of the key: (path of the mapping, the field)}: renamed,
    the one mistake is mended, so the missing field is not said again."""
    missing = {(_data_path(data, tuple(e["loc"])), e["loc"][-1]) for e in errors
               if e["type"] == "missing"}
    if not missing:
        return {}
    out: dict[Path, tuple[Path, str]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] != "extra_forbidden" or not isinstance(loc[-1], str):
            continue
        path = _data_path(data, loc)
        options = _fields_at(model, loc[:-1])
        # the missing field the key may mean: its translation, a near spelling, or the
        # field an objective or key result has for a name (`name:` where `title` is missing)
        candidates = (field_meant(loc[-1], options),
                      *difflib.get_close_matches(loc[-1], options, n=3, cutoff=0.6),
                      _NAMED_AS.get(loc[-1]))
        meant = next((c for c in candidates if c and (path[:-1], c) in missing), None)
        if path and path[-1] == loc[-1] and meant:
            out[path] = (path[:-1], meant)
    return out


# the field other kinds name the thing by, for one whose own is missing beside it
_NAMED_AS = {"name": "title", "title": "name"}


def _schema_issue(kind: str, ctx: dict[str, Any], loc: tuple[Any, ...], path: Path,
                  model: type[BaseModel], where: Any, entity: str, data: Any = None) -> Issue:
    field = _dotted(path) or "entity"
    if kind == "extra_forbidden" and len(loc) >= 2 and loc[-2] == "names":
        return _names_tag_issue(str(loc[-1]), _dotted(path[:-1]), where, entity)
    if kind == "extra_forbidden" and not str(loc[-1]).strip():  # `'': 1`: no field's name
        quoted = "'" + str(loc[-1]) + "'"
        return Issue(M("a field with no name (`{key}:`)", key=quoted), where, entity,
                     hint=M("write the field's name before the `:`, or delete the field"),
                     code="SC001")
    if kind == "extra_forbidden":
        options = _fields_at(model, loc[:-1])
        meant = field_meant(str(loc[-1]), options)  # `负责人` on a team: `lead`
        hint = _did_you_mean(str(loc[-1]), options) or \
            (M("did you mean `{name}`?", name=meant) if meant else "") or \
            M("known fields: {fields}", fields=list(options))
        targeted = _FIELD_HINTS.get((model.__name__, tuple(str(p) for p in loc)))
        if not targeted and len(loc) == 1 and \
                (model.__name__.lower(), str(loc[0]).strip().lower()) in _MEANT:
            targeted = _FIELD_HINTS[(model.__name__, ("team",))]  # `部门: tech` on a person
        stray = stray_blank(str(loc[-1]))
        if stray is not None and stray[0] in options:  # `owner　:`: the IME's space unseen
            hint = M("the field's name ends with {what}: write `{name}`", what=stray[1],
                     name=stray[0]) if stray[2] else \
                M("the field's name starts with {what}: write `{name}`", what=stray[1],
                  name=stray[0])
        elif targeted:
            hint = M("{targeted}; {hint}", targeted=targeted, hint=hint)
        elif (item := _duty_as_key(str(loc[-1]), options, data, path)) is not None:
            hint = item
        elif "accountable" in options and not _did_you_mean(str(loc[-1]), options):
            hint = _raci_field_hint(str(loc[-1]), _node(data, path) if data is not None
                                    else None) or hint
        taken = _taken_field(str(loc[-1]), options, meant, data, path)
        if taken is not None and stray is None:
            hint = taken
        return Issue(unknown_in_part(path, entity) or M("unknown field `{field}`", field=field),
                     where, entity, hint=hint, code="SC001")
    if kind == "missing":
        part = untitled(loc, _node(data, path) if data is not None else None, entity)
        if part is not None:  # `- metric: 準時出貨率` under `kpis`: which, and a title
            return Issue(part[0], where, entity, hint=part[1], code="SC002")
        name = _dotted((*path, loc[-1]))
        from_name = _id_from_name(_node(data, path),
                                  model.__name__ == "Person" and len(loc) == 1, len(loc) == 1,
                                  _sibling_ids(data, path)) \
            if loc[-1] == "id" and data is not None else None
        return Issue(M("missing required field `{field}`", field=name), where, entity,
                     hint=from_name or "", code="SC002")
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        written = _node(data, path) if path and data is not None else None
        stray = stray_blank(written) if isinstance(written, str) else None
        if stray is not None and re.fullmatch(ID_PATTERN, stray[0]):
            blank = M("`{field}` `{id}` ends with {what}", field=field, id=stray[0],
                      what=stray[1]) if stray[2] else \
                M("`{field}` `{id}` starts with {what}", field=field, id=stray[0], what=stray[1])
            return Issue(blank, where, entity, hint=M("delete it: write `{field}: {id}`",
                                                     field=field, id=stray[0]), code="SC003")
        text = M("`{field}` {value!r} must be a lowercase slug", field=field, value=written) \
            if isinstance(written, str) else M("`{field}` must be a lowercase slug", field=field)
        from orgspec.text.collate import has_han  # only when an id is wrong
        from orgspec.text.slug import free_id, reading_id

        # a part's suggestion is free among its siblings here; an entity's in the org once
        # it is assembled (`freeids`)
        siblings = _sibling_ids(data, path[:-1]).__contains__ if len(loc) > 1 else None
        slug = slug_of(written) if isinstance(written, str) else None
        # `id: 大客户组`: the pinyin the importers would give it (`da-ke-hu-zu`)
        read = reading_id(written, model.__name__ == "Person" and len(loc) == 1) \
            if isinstance(written, str) and has_han(written) else None
        if siblings is not None:
            slug, read = (free_id(i, siblings) if i else i for i in (slug, read))
        hint = M("an id is written in a-z, 0-9, - and _: write it in pinyin, `{id}`, and "
                 "keep {value!r} as the `name`", id=read, value=written.strip()) \
            if read and isinstance(written, str) else \
            _slug_hint(written, slug) if slug and isinstance(written, str) else \
            M("use a-z, 0-9, - and _, starting with a letter or digit, e.g. order-platform")
        return Issue(text, where, entity, hint=hint, code="SC003")
    value = _node(data, path) if path and data is not None else None
    label = _label(data, path) if data is not None else M("`{field}`", field=field)
    if path and path[-1] == "period" and isinstance(value, str):
        # `period` of objective 'o1': two objectives with one fiscal period read alike else
        top, _, ident = entity.partition(":")
        return _period_issue(value, M("{part} {id!r}: `{field}`",
                                      part=KIND_WORDS.get(top, top), id=ident, field=field)
                             if entity and len(path) == 1 else label, where, entity)
    if kind.startswith("date") and isinstance(value, str) and \
            (said := bad_date(value, _period_year(data))):
        return Issue(M("{field} {value!r} is not a date: {why}", field=label, value=shown(value),
                       why=said[0]), where, entity, hint=said[1], code="SC003")
    from orgspec.model import errwords  # its tables only when a value is wrong (1.6 ms)

    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), field)
    detail, hint = errwords.said(kind, ctx, value, name)
    return Issue(M("{field}: {detail}", field=label, detail=detail), where, entity, hint=hint,
                 code="SC003")


def _slug_hint(written: str, slug: str) -> M:
    """What keeps `written` from being the id `slug` (`slug_of`): a blank, capitals or both."""
    blank = any(c.isspace() for c in written.strip())
    if blank and written != written.lower():
        return M("an id is lowercase, with no spaces: write it as `{id}`", id=slug)
    if blank:
        return M("an id has no spaces: write it as `{id}`", id=slug)
    return M("an id is lowercase: write it as `{id}`", id=slug)


def _id_from_name(node: Any, person: bool, entity: bool,
                  siblings: frozenset[str] = frozenset()) -> M | None:
    """For an entity (`entity`) or part without an `id`: one read from its `name` (an
    objective's `title`; a key result's is a sentence, no id), in pinyin for Chinese as the
    other id hints do (`吴欣` -> `wu-xin`), none of `siblings` (a part's: the ids of the
    others in its list; an entity's is made free in the org once it is assembled,
    `freeids`); None when it has none or it gives no id."""
    if not isinstance(node, dict):
        return None
    from orgspec.text.collate import has_han
    from orgspec.text.slug import free_id, is_slug, reading_id

    for key in ("name", "title") if entity else ("name",):
        text = node.get(key)
        if not isinstance(text, str) or not text.strip():
            continue
        ident = reading_id(text, person) if has_han(text) else \
            (text.strip() if is_slug(text.strip()) else slug_of(text))
        if ident:
            return M("add `id: {id}` (read from `{field}` {name!r})",
                     id=free_id(ident, siblings.__contains__), field=key, name=text.strip())
    return None


def _sibling_ids(data: Any, path: Path) -> frozenset[str]:
    """The ids of the parts beside the one at `path` in its list (a process's other
    steps); none for an entity."""
    parts = _node(data, path[:-1]) if path else None
    if not isinstance(parts, list):
        return frozenset()
    return frozenset(p["id"] for p in parts if isinstance(p, dict) and isinstance(
        p.get("id"), str))


def _names_tag_issue(tag: str, field: str, where: Any, entity: str) -> Issue:
    """`names: {zh-TW: ...}`: a key of `names` that is no language orgspec speaks."""
    from orgspec.i18n import LANGS, guess_lang

    meant = guess_lang(tag)
    hint = M("did you mean `{name}`?", name=meant) if meant and meant != tag else \
        M("write the name under one of {langs}", langs=list(LANGS))
    return Issue(M("`{field}`: {tag!r} is not a language orgspec speaks", field=field,
                   tag=tag), where, entity, hint=hint, code="SC001")


def _raci_fields(key: str) -> tuple[str, ...]:
    """The RACI field(s) a duty's unknown field `key` names (`负责人`, `执行`, `A`)."""
    from orgspec.model import errwords

    return errwords.raci_meant(key)


_ROLES = ("accountable", "responsible", "consulted", "informed")


def _duty_as_key(key: str, options: Iterable[str], data: Any, path: Path) -> str | None:
    """`- complaint-handling: consulted` in a charter or a position's `duties`: the duty
    written as the key and its role as the value, one item of one key; the hint writes the
    item with `ref` and `role`. None for any other unknown field."""
    if "ref" not in options or "role" not in options or data is None or not path:
        return None
    item = _node(data, path[:-1])
    if not isinstance(item, dict) or len(item) != 1 or not re.fullmatch(ID_PATTERN, key):
        return None
    from orgspec.model.errwords import raci_meant  # its tables only when a field is wrong

    value = item.get(key)
    word = value.strip() if isinstance(value, str) else ""
    roles = (word.lower(),) if word.lower() in _ROLES else raci_meant(word)
    if len(roles) == 1:
        return M("write the duty as `ref` and its RACI role as `role`: "
                 "`{{ref: {ref}, role: {role}}}`", ref=key, role=roles[0])
    return M("write the duty as `ref` and its RACI role as `role`: "
             "`{{ref: {ref}, role: consulted}}` (a role is accountable, responsible, "
             "consulted or informed)", ref=key)


def _raci_field_hint(key: str, value: Any) -> str:
    """`负责: warehouse` on a duty: the RACI field a Chinese chart's word names."""
    from orgspec.model import errwords

    roles = errwords.raci_meant(key)
    if not roles:
        return ""
    shown = value.strip() if isinstance(value, str) and value.strip() else "…"
    if len(roles) == 1:
        return M("write `{field}: {fix}`", field=roles[0], fix=shown)
    return M("write `responsible: {value}` if it does the work, or `accountable: {value}` if "
             "it answers for the outcome", value=shown)


PART_WORDS = {"key_results": M("key result"), "steps": M("step"),
              "responsibilities": M("charter item")}


def _label(data: Any, path: Path) -> str:
    """`due` of key result 'kr1' (by its id, not `key_results[1]`) or `owner`."""
    if len(path) >= 3 and isinstance(path[0], str) and path[0] in PART_WORDS:
        item = _node(data, path[:2])
        ident = item.get("id") or item.get("ref") if isinstance(item, dict) else None
        if isinstance(ident, str):
            if path[0] == "key_results":  # quoted by its text, as the OKR rules quote it
                ident = key_result_named(item.get("title"), ident)
            return M("{part} {id!r}: `{field}`", field=_dotted(path[2:]),
                     part=PART_WORDS[path[0]], id=ident)
    return M("`{field}`", field=_dotted(path) or "entity")


_DATE_WRITTEN = lazy(r"\s*(\d{4})\s*(?:[-/.－／]|年)\s*(\d{1,2})\s*(?:[-/.－／]|月)\s*"
                     r"(\d{1,2})\s*[日号]?\s*")
_DATE_NO_YEAR = lazy(r"\s*(\d{1,2})\s*(?:[/.]|月)\s*(\d{1,2})\s*[日号]?\s*")
# Taiwan's Minguo (ROC) calendar, year 1 = 1912: `115/03/31`, `民國115年3月31日`. A year of
# three digits is ROC (no Gregorian year has them in an org); two (`26/3/31`) only after
# 民國/民国, as it may be a Gregorian year cut short.
_DATE_MINGUO = lazy(r"\s*(?:民[國国]\s*(\d{1,3})|(1\d\d))\s*(?:[-/.－／]|年)\s*(\d{1,2})\s*"
                    r"(?:[-/.－／]|月)\s*(\d{1,2})\s*[日号號]?\s*")
MINGUO = 1911  # Minguo year + 1911 = Gregorian year


def _period_year(data: Any) -> int | None:
    """The year of an entity's `period` (`2026-Q1` -> 2026), or None."""
    period = data.get("period") if isinstance(data, dict) else None
    if isinstance(period, int) and 1900 < period < 3000:
        return period
    if not isinstance(period, str):
        return None
    m = re.match(r"\s*(\d{4})", period_fix(period) or period)
    return int(m.group(1)) if m else None


def bad_date(text: str, year: int | None = None) -> tuple[str, str] | None:
    """Why text is no `YYYY-MM-DD` date, and the fix, or None when nothing is known about it:
    `2026-02-30` (February 2026 has 28 days); `2026/03/31`, `2026.3.31`, `2026年3月31日`
    (write `2026-03-31`); `3月31日` (the year is missing: `year`, the objective's period's
    year, is proposed when known)."""
    import calendar

    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text) or \
        _DATE_WRITTEN.fullmatch(text)
    if not m:
        return _minguo(text, year) or _no_year(text, year)
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return (M("there is no month {month}", month=month),
                M("write the date as YYYY-MM-DD, month 01 to 12"))
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        fix = dt.date(year, month, day).isoformat()
        return (M("write `{fix}`", fix=fix),
                M("dates are written YYYY-MM-DD with hyphens, e.g. {fix}", fix=fix))
    return (M("{month_name} {year} has {days} days", month_name=calendar.month_name[month],
              month=month, year=year, days=days),
            M("the last day of that month is {date}", date=dt.date(year, month, days).isoformat()))


def _minguo(text: str, year: int | None = None) -> tuple[str, str] | None:
    """A date in Taiwan's Minguo years (`115/03/31`, `民國115年3月31日`): its Gregorian
    `YYYY-MM-DD` (trial 31), or None. `民國0年` is no year (元年, year 1, is 1912): said so,
    with `year` (the objective's period's year) proposed as `_no_year` proposes it."""
    m = _DATE_MINGUO.fullmatch(text)
    if not m:
        return None
    roc = int(m.group(1) or m.group(2))
    if roc == 0:
        said = _no_year(f"{m.group(3)}/{m.group(4)}", year)
        return (M("Minguo has no year 0 (year 1, 元年, is 1912)"), said[1]) if said else None
    try:
        fix = dt.date(roc + MINGUO, int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:
        return None
    return (M("write `{fix}` (Minguo year {roc} is {year})", fix=fix, roc=roc,
              year=roc + MINGUO),
            M("dates are written YYYY-MM-DD with hyphens, e.g. {fix}", fix=fix))


def _no_year(text: str, year: int | None) -> tuple[str, str] | None:
    m = _DATE_NO_YEAR.fullmatch(text)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2))
    try:
        fix = dt.date(year or 2000, month, day).isoformat()[4:]
    except ValueError:
        return None
    if year is None:
        return (M("the year is missing"),
                M("dates are written YYYY-MM-DD with the year, e.g. 2026{rest}", rest=fix))
    return (M("the year is missing"),
            M("write `{year}{rest}` (the year of the objective's period)", year=year,
              rest=fix))


_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _period_guess(text: str) -> str | None:
    """The period `text` most likely means, in orgspec's form: `2026Q1`, `2026 q1`,
    `Q1 2026`, `2026年第一季度`, `2026年Q1` -> `2026-Q1`; `2026年上半年` -> `2026-H1`."""
    # NFKC: an IME's full-width `２０２６-Ｑ１` is 2026-Q1
    t = unicodedata.normalize("NFKC", text).strip().replace("—", "-")
    if _FISCAL.match(t):
        return None  # which months a fiscal year covers is the company's (see `_period_issue`)
    m = re.fullmatch(r"(\d{4})\s*(?:年|[-_/.])?\s*([QqHh])\s*([1-4])", t) or \
        re.fullmatch(r"([QqHh])\s*([1-4])\s*[-_/ ]?\s*(\d{4})", t)
    if m:
        year, letter, n = (m.group(1), m.group(2), m.group(3)) if m.group(1).isdigit() \
            else (m.group(3), m.group(1), m.group(2))
        if letter.upper() == "H" and n not in "12":
            return None
        return f"{year}-{letter.upper()}{n}"
    m = re.fullmatch(r"(\d{4})\s*年?\s*第?([一二三四1-4])季度?", t)
    if m:
        return f"{m.group(1)}-Q{_QUARTER[m.group(2)]}"
    m = re.fullmatch(r"(\d{4})\s*年?\s*([上下])半年", t)
    if m:
        return f"{m.group(1)}-H{1 if m.group(2) == '上' else 2}"
    m = re.fullmatch(r"(\d{4})\s*年", t)
    return m.group(1) if m else None


def period_fix(text: str) -> str | None:
    """`_period_guess`, when its year is one a date can have (1000-9999)."""
    fix = _period_guess(text)
    return fix if fix and not fix.startswith("0") else None


# A fiscal year (FY2026, FY26, FY2026-Q1, 2026财年, 2026會計年度): each company's own months
# (Alibaba's FY2026 runs from April 2025 to March 2026), so no calendar period is proposed.
_FISCAL = lazy(r"(?i)\s*(?:FY\s*[-'’]?\s*(\d{4}|\d{2})(?!\d)|(\d{4})\s*(?:财年|財年|"
                     r"财政年度|財政年度|会计年度|會計年度))")


def _fiscal_issue(value: str, label: str, where: Any, entity: str) -> Issue | None:
    """SC003 for a fiscal-year period: the months are the company's, so the hint asks for
    `start` and `end`, with the example of a fiscal year that ends in March."""
    m = _FISCAL.match(fold_width(value))  # an IME's `ＦＹ２０２６` is FY2026
    if m is None:
        return None
    year = int(m.group(1) or m.group(2))
    year += 2000 if year < 100 else 0
    first, last = dt.date(year - 1, 4, 1).isoformat(), dt.date(year, 3, 31).isoformat()
    return Issue(M("{field} {value!r} counts by fiscal year: orgspec cannot tell which "
                   "months it covers", field=label, value=shown(value)), where, entity,
                 hint=M("write the first and last day as `start` and `end` instead (for a "
                        "fiscal year that ends in March: `start: {first}`, `end: {last}`); a "
                        "calendar period is written {year}, {year}-H1 or {year}-Q1",
                        first=first, last=last, year=year),
                 code="SC003")


def _period_issue(value: str, label: str, where: Any, entity: str) -> Issue:
    fiscal = _fiscal_issue(value, label, where, entity)
    if fiscal is not None:
        return fiscal
    fix = period_fix(value)
    # the year the writer gave (in ASCII digits: `２０２６` is 2026), else 2026
    year = re.search(r"(?<![0-9])([0-9]{4})(?![0-9])", unicodedata.normalize("NFKC", value))
    hint = M("periods are written {year}, {year}-H1 or {year}-Q1", year=year.group(1)) \
        if year and not year.group(1).startswith("0") else \
        M("periods are written 2026, 2026-H1 or 2026-Q1")
    if fix:
        return Issue(M("{field} {value!r} is not a period: write `{fix}`", field=label,
                       value=shown(value), fix=fix), where, entity, hint=hint, code="SC003")
    return Issue(M("{field} {value!r} is not a period", field=label, value=shown(value)), where,
                 entity, hint=hint, code="SC003")


# Fields people write on the wrong kind that stand for a fact held elsewhere: dropped under
# this name (`Person.team`), so the rules that read that fact (HI007, on no team) hold back
# rather than add a second finding to SC001's.
_MEANT: dict[tuple[str, str], str] = {
    ("person", word): "team"
    for word in ("team", "teams", "team_id", "department", "departments", "dept", "group",
                 "squad", "division", "部门", "所属部门", "团队", "所属团队", "小组",
                 "部門", "所屬部門", "團隊", "所屬團隊", "小組")}



def fact_meant(kind: str, word: str) -> str | None:
    """The field of `kind` ("person") whose fact the unknown field `word` stands for, held
    elsewhere (`部门` on a person: "team", membership, written on the team), or None."""
    return _MEANT.get((kind, word.strip().lower()))


# Fields people write on the wrong kind, and where that fact lives instead.
_FIELD_HINTS: dict[tuple[str, tuple[str, ...]], M] = {
    ("Person", ("team",)): M("membership is written on the team: add the person to the Team's "
                             "`members` (or make them its `lead`)"),
    ("Person", ("teams",)): M("membership is written on the team: add the person to each "
                              "Team's `members` (or make them its `lead`)"),
}


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path:
    """Follow pydantic's loc through the raw data, skipping union/validator tags."""
    path: list[Any] = []
    node = data
    for part in loc:
        if _has(node, part):
            node = node[part]
            path.append(part)
    return tuple(path)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model that `loc` points into."""
    current: type[BaseModel] = model
    for part in loc:
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is not None:
            inner = _inner_model(field.annotation)
            if inner is not None:
                current = inner
    return [f.alias or name for name, f in current.model_fields.items()]  # `zh-Hant`


def _inner_model(tp: Any) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in typing.get_args(tp):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


@dataclass
class FileUnit:
    """One file read and its entities checked: everything it adds to an org, independent
    of the other files (what the cache stores per file content)."""

    display: str
    issues: list[Issue]
    directives: list[Directive]
    failed: str | None
    checked: list[Checked]


def check_file(raw: RawFile) -> FileUnit:
    """Validate a file's entities on their own."""
    return FileUnit(raw.display, raw.issues, raw.directives, raw.failed,
                    [check_entity(ent) for ent in raw.entities])


def with_prose(raw: RawFile, old: FileUnit, prose: frozenset[str]) -> FileUnit | None:
    """`check_file(raw)` made from `old`, the unit of a version of the same file whose
    entities differ from `raw`'s only in the string values of the top-level fields `prose`
    (the caller's proof: `engine.summary`'s digests of both versions, whose `.structure`
    ones hold each prose string's length class): `old`'s models with those values set as
    validation sets them (a plain string field, its length checked: `_prose_limits`),
    without validating, and where `raw` writes them. None when anything of `old` or `raw`
    is more than that can vouch for: an input problem, a suppression, a failed file, an
    entity with a problem, dropped or salvaged fields, another id or path, a prose value
    that is no string (but None kept None), a field validation does more to."""
    if old.display != raw.display or old.issues or old.directives or old.failed is not None \
            or raw.issues or raw.directives or raw.failed is not None or \
            len(old.checked) != len(raw.entities):
        return None
    checked = []
    for ent, was in zip(raw.entities, old.checked, strict=True):
        obj, data = was.obj, ent.data
        if obj is None or was.issues or was.invalid is not None or was.dropped or \
                ent.dropped or was.origin.kept or was.origin.path != ent.path or \
                not isinstance(data, dict) or _ident(data) != obj.id:
            return None
        model: type[BaseModel] = type(obj)
        values = obj.__dict__
        updates: dict[str, str] = {}
        for name in prose & data.keys():
            value = data[name]
            if value.__class__ is not str:
                if value is None and name in values and values[name] is None:
                    continue
                return None
            limits = _prose_limits(model, name)
            if limits is None or not limits[0] <= len(value) <= limits[1]:
                return None
            if values[name] != value:
                updates[name] = value
        if updates:
            obj = model.__new__(model)  # as `models._revive` makes one, with new values
            object.__setattr__(obj, "__pydantic_fields_set__", was.obj.__pydantic_fields_set__)
            object.__setattr__(obj, "__pydantic_extra__", was.obj.__pydantic_extra__)
            object.__setattr__(obj, "__pydantic_private__", was.obj.__pydantic_private__)
            object.__setattr__(obj, "__dict__", {**values, **updates})
        checked.append(Checked(Origin(ent.fmap, ent.path), was.kind, obj))
    return FileUnit(raw.display, raw.issues, raw.directives, raw.failed, checked)


_STR_CONFIG = ("str_strip_whitespace", "str_to_lower", "str_to_upper", "coerce_numbers_to_str",
               "strict", "regex_engine")


@functools.cache
def _prose_limits(model: type[BaseModel], name: str) -> tuple[int, int] | None:
    """The least and most code points field `name` of `model` takes, when what it does to
    a plain `str` is to check its length and keep it: a `str` (or `str | None`) field whose
    only constraints are lengths (of the field, its `Annotated` or the config), with no
    validator of the model's own; else None."""
    import annotated_types

    field = model.model_fields.get(name)
    config = model.model_config
    decorators = model.__pydantic_decorators__
    if field is None or any(config.get(c) for c in _STR_CONFIG) or \
            decorators.validators or decorators.field_validators or \
            decorators.root_validators or decorators.model_validators:
        return None
    annotation: Any = field.annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1 or len(typing.get_args(annotation)) != 2:
            return None
        annotation = args[0]
    metadata = list(field.metadata)
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extras = typing.get_args(annotation)
        for extra in extras:
            if not isinstance(extra, FieldInfo):
                return None
            metadata.extend(extra.metadata)
    if annotation is not str:
        return None
    low, high = config.get("str_min_length") or 0, config.get("str_max_length")
    for item in metadata:  # the tightest of each kind of bound: a fallback, never a miss
        if isinstance(item, annotated_types.MinLen):
            low = max(low, item.min_length)
        elif isinstance(item, annotated_types.MaxLen):
            high = item.max_length if high is None else min(high, item.max_length)
        else:
            return None
    return low, 10 ** 9 if high is None else high


def assemble(units: list[FileUnit], skipped: list[Issue], failed: dict[str, str],
             pending: dict[str, str] | None = None) -> tuple[Org, list[Issue]]:
    """The org of checked files, in file order (the first of two equal ids wins), and every
    problem: discovery's, then each file's input problems, then schema and duplicate ids;
    the same org and problems as `build_org` over the same files."""
    assembly = Assembly(len(units), failed, pending)
    for i, unit in enumerate(units):
        assembly.add(i, unit)
    return assembly.finish(skipped)


class Assembly:
    """`assemble` of `count` files whose units come one by one, in any order (`add`): a
    unit joins the org once every file before it has, so the org is built while later files
    are still parsed (in the forked parser) rather than after them all."""

    def __init__(self, count: int, failed: dict[str, str],
                 pending: dict[str, str] | None = None) -> None:
        self.org = Org(failed=dict(failed), pending=dict(pending or {}))
        self._waiting: dict[int, FileUnit] = {}
        self._next = 0
        self._count = count
        self._inputs: list[Issue] = []  # the files' input problems, in file order
        self._schema: list[Issue] = []  # then their schema problems and duplicate ids

    def add(self, index: int, unit: FileUnit) -> None:
        """The unit of file `index` (0-based, in file order)."""
        self._waiting[index] = unit
        while (ready := self._waiting.pop(self._next, None)) is not None:
            self._join(ready)
            self._next += 1

    def _join(self, unit: FileUnit) -> None:
        org = self.org
        org.files.append(unit.display)
        self._inputs.extend(unit.issues)
        org.directives.extend(unit.directives)
        if unit.failed is not None:
            org.failed[unit.display] = unit.failed
        schema, origins = self._schema, org.origins
        for checked in unit.checked:
            obj = checked.obj
            if obj is None or checked.issues or checked.invalid is not None or \
                    checked.dropped or node_key(checked.kind, obj.id) in origins:
                schema.extend(add_checked(org, checked))
            else:
                # `add_checked` of an entity without problems whose id is new, without a
                # generator for it and for `_register` (~1 us an entity, 145,000 entities
                # at 5,000 teams, all joined by this process while a worker parses)
                kind, origin = checked.kind, checked.origin
                intern_ids(obj, kind)
                share_fields_sets(obj)
                org.table(kind)[obj.id] = obj
                origins[node_key(kind, obj.id)] = origin
                if getattr(obj, "aliases", None):
                    org.aliased.setdefault(kind, []).append(obj.id)
                if isinstance(obj, Team):
                    schema.extend(_charter(org, obj, origin))
                elif isinstance(obj, Role):
                    schema.extend(_position_duties(org, obj, origin))

    def finish(self, skipped: list[Issue]) -> tuple[Org, list[Issue]]:
        """The org and every problem, as `assemble` gives them; every unit must be in."""
        if self._next != self._count:
            raise ValueError(f"file {self._next + 1} of {self._count} was not added")
        resolve_aliases(self.org)
        return self.org, [*skipped, *self._inputs, *free_id_hints(self.org, self._schema)]
