"""An org's names as a reader of one language sees them (`names: {en: Customer Service}`).

`localized(org, "en")` is the org with each entity's `name` (an objective's `title`, a
process step's `name`) replaced by its `names.en` where one is given, so that every page,
table, sort and message that shows a name shows the reader's: the report, the handbook
site, `orgspec show` and the export localize the org once and render it as before. Only
rendering reads a localized org: the checks see the org as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from orgspec.i18n import M, P, template_args
from orgspec.model.idnames import NAME_ID, NAMED_KINDS
from orgspec.model.models import Names, Process, _revive
from orgspec.model.org import _TABLES, ENTITY_KINDS, Org, node_key


def said(entity: Any, lang: str) -> str | None:
    """The name of `entity` for a reader of `lang`: its `names[lang]`, else its `name` (an
    objective's `title`); None without either. A reader of `zh-Hant` is shown a Simplified
    `name` as written when no `zh-Hant` name is given (names are never converted)."""
    names: Names | None = getattr(entity, "names", None)
    given = names.said(lang) if names is not None else None
    if given:
        return given
    written = getattr(entity, "name", None) or getattr(entity, "title", None)
    return str(written) if written else None


def duty_title(duty: Any, rid: str) -> str:
    """What a duty (a Responsibility) is called where it is listed: its `name` (in a
    localized org, the reader's), else its `description` (a duty defined inline in a
    charter, `{id: ad-placement, description: 线上线下的广告投放}`, often has only that),
    else its id `rid`. The handbook site's page titles, links and search, and the report's
    RACI rows and their order all say it."""
    return str(getattr(duty, "name", None) or getattr(duty, "description", None) or rid)


def every_name(entity: Any, written: Any = None) -> list[str]:
    """Every name of `entity` (its `name` or `title` and each of `names`), once each, in
    that order; with `written`, the same entity as written (an entity of a localized org
    has lost the `name` its reader's name replaced): for search, which finds an entity by
    any of its names."""
    out: list[str] = []
    for source in (written, entity):
        if source is None:
            continue
        name = getattr(source, "name", None) or getattr(source, "title", None)
        names: Names | None = getattr(source, "names", None)
        out += [str(name)] if name else []
        out += names.every() if names is not None else []
    return list(dict.fromkeys(out))


def other_name(entity: Any, lang: str, written: Any = None) -> str | None:
    """The name of `entity` in the other script (Han or not) than the one a reader of
    `lang` is shown (`said`): `Jimmy Lin` for 林志豪 to a Chinese reader, 林志豪 for Jimmy
    Lin to an English one; the name as written first, then `names` in LANGS order. None
    when every name is in the shown one's script (林志豪 has no English name). `written`
    as `every_name`'s (the entity as written, of a localized org)."""
    from orgspec.text.collate import has_han

    shown = said(entity, lang)
    if not shown:
        return None
    han = has_han(shown)
    return next((n for n in every_name(entity, written) if has_han(n) != han), None)


def with_other_name(entity: Any, lang: str, written: Any = None) -> str | None:
    """The one rule for naming a person to a reader of `lang` in `orgspec show`, `who` and
    the report (README, "Names in other languages"): the reader's name (`said`), then its
    `other_name` in brackets, `Jimmy Lin (林志豪)` in English and `林志豪 (Jimmy Lin)` in
    Chinese; the reader's name alone when there is no other script's; None without a name.
    Plain text: each output escapes it for its medium."""
    shown = said(entity, lang)
    return name_with_other(shown, other_name(entity, lang, written)) if shown else None


def name_with_other(shown: str, other: str | None) -> str:
    """`shown (other)`, or `shown` without `other`: how `with_other_name` says the two, for
    an output that keeps them apart (`orgspec show --format json`: `name`, `other_name`)."""
    return f"{shown} ({other})" if other else shown


def person_said(org: Org, pid: str, lang: str) -> str | None:
    """`with_other_name` of person `pid` of `org` (localized to `lang`, or as written);
    None when `org` has no such person or it has no name."""
    person = org.people.get(pid)
    if person is None:
        return None
    return with_other_name(person, lang, written_entity(org, "Person", pid))


def localized(org: Org, lang: str) -> Org:
    """`org` with the names a reader of `lang` is shown (module doc); `org` itself when no
    entity gives a name in `lang` (or it is localized to `lang` already). Costs one pass
    over the entities, and a copy of each that has a name in `lang`."""
    if org.localized_to == lang:
        return org
    if org.written is not None:  # localized to another language: from the org as written
        org = org.written
    tables: dict[str, dict[str, Any]] = {}
    for kind in ENTITY_KINDS:
        table = org.table(kind)
        changed: dict[str, Any] = {}
        for ident, entity in table.items():
            local = _localized(entity, lang)
            if local is not entity:
                changed[ident] = local
        if changed:
            tables[_TABLES[kind]] = {i: changed.get(i, e) for i, e in table.items()}
    if not tables:
        return org
    return replace(org, **tables, localized_to=lang, written=org)  # type: ignore[arg-type]


def _localized(entity: Any, lang: str) -> Any:
    """`entity` with its name in `lang` (and its steps'), or itself when it has none."""
    update: dict[str, Any] = {}
    names: Names | None = getattr(entity, "names", None)
    given = names.said(lang) if names is not None else None
    if given:
        update["title" if "title" in type(entity).model_fields and
               "name" not in type(entity).model_fields else "name"] = given
    if isinstance(entity, Process):
        steps = [_localized(s, lang) for s in entity.steps]
        if any(new is not old for new, old in zip(steps, entity.steps, strict=True)):
            update["steps"] = steps
    if not update:
        return entity
    # a copy as the cache revives one (`models._revive`): a third of `model_copy`'s time
    return _revive(type(entity), entity.__pydantic_fields_set__, entity.__pydantic_extra__,
                   entity.__pydantic_private__, {**entity.__dict__, **update})


def keyed_names(org: Org, lang: str) -> dict[str, str]:
    """Entity key (`team:cs`) -> the name a reader of `lang` is shown (`said`), for each
    entity of `idnames.NAMED_KINDS` whose name is not its id (case aside). O(entities)."""
    out: dict[str, str] = {}
    for kind in NAMED_KINDS:
        for ident, entity in org.table(kind).items():
            name = said(entity, lang)
            if name and name.casefold() != ident.casefold():
                out[node_key(kind, ident)] = name
    return out


def names_vary(org: Org) -> bool:
    """Whether an entity of `idnames.NAMED_KINDS` gives a name for a reader (`names`): its
    `keyed_names` then depend on the language. O(entities)."""
    return any(getattr(entity, "names", None) is not None
               for kind in NAMED_KINDS for entity in org.table(kind).values())


def id_names(org: Org, lang: str, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Id -> the name a reader of `lang` is shown, for each of `ids` (None: every id) that
    an entity of `idnames.NAMED_KINDS` has a name for that is not its id (case aside): an
    id several kinds share takes the first such kind's (as `idnames.by_id` of
    `keyed_names`). What `report.view.Namer` and the text output (`LintResult.names`, of
    the ids its findings quote) say ids with. O(len(ids))."""
    tables = [org.table(kind) for kind in NAMED_KINDS]
    if ids is None:
        ids = {ident for table in tables for ident in table}
    out: dict[str, str] = {}
    for ident in ids:
        for table in tables:
            entity = table.get(ident)
            name = said(entity, lang) if entity is not None else None
            if name and name.casefold() != ident.casefold():
                out[ident] = name
                break
    return out


def written_entity(org: Org, kind: str, ident: str) -> Any:
    """The entity as written (`kind` "Team" ...), of a localized org or of the org itself;
    None when there is none."""
    source = org.written if org.written is not None else org
    return source.table(kind).get(ident)




def said_changes(changes: list[str], orgs: Iterable[Org], lang: str) -> list[str]:
    """The org diff's lines (`ci.diff` changes: `M`s naming each entity as `graph.named`
    does, `客服部 (cs)`) with each entity named as a reader of `lang` is shown it (`names:
    {en: Customer Service}` -> `Customer Service (cs)`): by the first of `orgs` (the head
    revision's, then the base's: a removed entity is named by the base) that has the id
    under the name the line was written with. `changes` itself when no entity of `orgs`
    gives a name (`names_vary`). O(entities + the lines' values)."""
    from orgspec.model.graph import display_name

    table: dict[tuple[str, str], str] = {}
    for org in orgs:
        written = org.written if org.written is not None else org
        if not names_vary(written):
            continue
        for kind in NAMED_KINDS:
            for ident, entity in written.table(kind).items():
                shown = said(entity, lang)
                name = display_name(entity, ident)
                if shown and shown != name:
                    table.setdefault((ident, name), shown)
    if not table:
        return changes
    return [_said_names(change, table) for change in changes]


def _said_names(text: Any, table: dict[tuple[str, str], str]) -> Any:
    """`text` (an `M`, its values' `M`s too) with each `{name} ({id})` of `table` said by
    it; `text` itself when none is."""
    if not isinstance(text, M) or not text.values:
        return text
    if getattr(text, "template", None) == NAME_ID and not isinstance(text, P):
        shown = table.get((str(text.values.get("id")), str(text.values.get("name"))))
        return M(NAME_ID, name=shown, id=text.values["id"]) if shown else text

    def again(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [again(v) for v in value]
        return _said_names(value, table) if isinstance(value, M) else value

    values = {k: again(v) for k, v in text.values.items()}
    if values == text.values:
        return text
    return type(text).__new__(type(text), *template_args(text), **values)
