"""Lookups over a validated org: `who(org, "退款")` (who holds what matches a query) and
`show(org, "team", "tech")` (one entity with its relations), as JSON-ready dicts, plus
their terminal text. The CLI's `who` and `show` commands are thin shells over these.

A query matches an entity when it is a case-folded substring of its id, name, title,
description, mission or purpose; when nothing matches literally, when its bilingual concept
words (退款 = refund, 投诉 = complaint) all appear in that text, so Chinese finds English
and back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from orgspec.escape import tty_text
from orgspec.i18n import MC, M, say
from orgspec.model.models import ROLES, is_placeholder, is_vacant
from orgspec.model.names import (
    every_name,
    localized,
    name_with_other,
    other_name,
    person_said,
    written_entity,
)
from orgspec.model.org import Org, ident_of, node_key
from orgspec.model.positions import (
    accountable_load,
    attendance_of,
    cadence_of,
    involvement,
    kpi_measurable,
    kpi_verdict,
    seats,
    split_team_held,
)
from orgspec.report.byname import by_name, node_sort_key, sort_key
from orgspec.text.fold import fold_name

SHOW_KINDS = ("team", "person", "role", "duty", "process", "meeting")
_KIND_OF = {"team": "Team", "person": "Person", "role": "Role", "duty": "Responsibility",
            "responsibility": "Responsibility", "process": "Process", "meeting": "Meeting"}
_TEXT_FIELDS = ("name", "title", "description", "mission", "purpose")
_SEARCH_ORDER = ("Responsibility", "Team", "Role", "Person", "Process", "Meeting", "Objective")


class NotFound(LookupError):
    """An id that no entity of the kind has; the message says what exists nearby."""


def _texts(entity: Any) -> list[str]:
    names = getattr(entity, "names", None)  # `names: {en: ...}`: found by any of its names
    return [entity.id, *(getattr(entity, f, None) or "" for f in _TEXT_FIELDS),
            *(names.every() if names is not None else ())]


def _concepts(text: str) -> frozenset[str]:
    from orgspec.text.neardup import features

    return frozenset(f for f in features(text) if f.startswith("c:"))


def _label(org: Org, node: str) -> dict[str, Any]:
    kind, _, ident = node.partition(":")
    table = org.table(_KIND_OF.get(kind, kind.capitalize()))
    entity = table.get(ident)
    name = getattr(entity, "name", None) or getattr(entity, "title", None)
    return {"node": node, "kind": kind, "id": ident, "name": name}


def _people_behind(org: Org, node: str) -> list[str]:
    """The person ids a holder stands for: a team's lead, a position's holders, a person."""
    kind, _, ident = node.partition(":")
    if kind == "person":
        return [ident]
    if kind == "role":
        return list(org.position_holders.get(ident, []))
    lead = org.teams[ident].lead if kind == "team" else None
    return [lead] if lead in org.people else []


def _holder(org: Org, node: str, order: str | None = None) -> dict[str, Any]:
    """A RACI holder or owner with the people behind it, by name in `order` as `show role`
    lists a position's holders (None: as written)."""
    out = _label(org, node)
    people = _people_behind(org, node)
    if order is not None:
        people = _by_name(org, "Person", people, order)
    out["people"] = [_label(org, node_key("person", p)) for p in people]
    if node.startswith("role:"):
        s = seats(org, ident_of(node))
        out["open_seats"] = s.open
    return out


def who(org: Org, query: str, lang: str | None = None,
        name_order: str | None = None) -> dict[str, Any]:
    """Who holds what matches `query` (any of an entity's names, in any language): each
    matching duty with its RACI holders (teams, positions, people), and each matching team,
    position, person, process or meeting with the people behind it, named as a reader of
    `lang` is shown them (`names`; None: as written). The matches come by kind (duties
    first), each kind's and every list of holders and people by name in the order of
    `name_order` (the config's `name-order`; None: `lang`'s, `text.collate.order_for`), as
    the report and the site list them. Shape: {"query", "matches": [{node, kind, id, name,
    ...}]}."""
    from orgspec.text.collate import order_for

    needle = fold_name(query.strip())
    if not needle:
        return {"query": query, "matches": []}
    hits = [(kind, ident) for kind in _SEARCH_ORDER for ident, entity in org.table(kind).items()
            if any(needle in fold_name(t) for t in _texts(entity))]
    wanted = _concepts(query) if not hits else frozenset()
    if wanted:  # nothing matched literally: try the same words in the other language
        hits = [(kind, ident) for kind in _SEARCH_ORDER
                for ident, entity in org.table(kind).items()
                if wanted <= _concepts(" ".join(_texts(entity)))]
    shown = localized(org, lang) if lang else org
    order = order_for(lang, name_order)
    hits.sort(key=lambda hit: (_SEARCH_ORDER.index(hit[0]),
                               sort_key(shown, hit[0], hit[1], order)))
    out = {"query": query, "matches": [_match(shown, kind, ident, order)
                                       for kind, ident in hits]}
    if lang:
        _with_other_names(out, shown, lang)
    return out


def _with_other_names(value: Any, org: Org, lang: str) -> None:
    """`value` (a `who` or `show` answer) given `other_name` (`model.names.other_name`: a
    person's name in the other script, `Jimmy Lin` beside 林志豪) added to each person in
    it, in place: the text says them together (`name_with_other`)."""
    if isinstance(value, list):
        for item in value:
            _with_other_names(item, org, lang)
    elif isinstance(value, dict):
        node = value.get("node")
        if isinstance(node, str) and node.startswith("person:"):
            pid = ident_of(node)
            person = org.people.get(pid)
            other = other_name(person, lang, written_entity(org, "Person", pid)) \
                if person is not None else None
            if other:
                value["other_name"] = other
        for item in value.values():
            if isinstance(item, list | dict):
                _with_other_names(item, org, lang)


def _match(org: Org, kind: str, ident: str, order: str) -> dict[str, Any]:
    node = node_key(kind, ident)
    if kind == "Responsibility":
        node = node_key("responsibility", ident)
        out = _label(org, node)
        out["kind"] = "duty"
        out["raci"] = _raci_holders(org, ident, order)
        return out
    out = _label(org, node)
    if kind in ("Team", "Role", "Person"):
        out["people"] = [_label(org, node_key("person", p))
                         for p in _by_name(org, "Person", _people_behind(org, node), order)]
    owner = getattr(org.table(kind)[ident], "owner", None)
    holder = org.holder(owner) if isinstance(owner, str) else None
    if holder is not None:
        out["owner"] = _holder(org, holder, order)
    return out


def _raci_holders(org: Org, rid: str, order: str) -> dict[str, list[dict[str, Any]]]:
    """Role -> the holders of duty `rid` (`_holder`), each role's by name in `order`."""
    return {role: [_holder(org, h, order) for h in sorted(
        org.raci.holders(rid, role), key=lambda n: node_sort_key(org, n, order))]
        for role in ROLES}


def show(org: Org, kind: str, ident: str, lang: str = "en",
         timezone: str = "", name_order: str | None = None) -> dict[str, Any]:
    """One entity with its relations. `kind` is one of SHOW_KINDS; `ident` is its id, or its
    name or alias (`刘洋`, either script), or a part of one name (else id) only one entity has. A
    meeting's `schedule` is said in `lang`, its time also in the org's zone `timezone` (the
    config's; this week's daylight saving time); the teams, people and positions it lists
    (a team's members, lead first, child teams and positions; a person's teams and
    positions; a position's holders) by name in the order of `name_order` (the config's
    `name-order`; None: `lang`'s, `text.collate.order_for`), as the report and the site
    list them. Raises NotFound (saying what exists nearby)."""
    from orgspec.text.collate import order_for

    model_kind = _KIND_OF[kind]
    ident = _resolve(org.table(model_kind), kind, ident, org)  # by any name, as written
    org = localized(org, lang)  # named as a reader of `lang` is shown them (`names`)
    entity = org.table(model_kind)[ident]
    node = node_key("responsibility" if kind == "duty" else kind, ident)
    out: dict[str, Any] = _label(org, node)
    out["kind"] = kind
    order = order_for(lang, name_order)
    out.update(_show_team(org, ident, entity, order) if kind == "team"
               else _show_person(org, ident, entity, order) if kind == "person"
               else _show_role(org, ident, entity, order) if kind == "role"
               else _show_duty(org, ident, entity, order) if kind == "duty"
               else _SHOW[kind](org, ident, entity))
    from orgspec.model.schedule import describe

    if kind == "meeting":
        out["schedule"] = describe(entity.cadence, lang, entity.timezone, timezone)
    for item in out.get("meetings", []):
        meeting = org.meetings[item["id"]]
        item["schedule"] = describe(meeting.cadence, lang, meeting.timezone, timezone)
    _with_other_names(out, org, lang)
    return out


def resolve(org: Org, kind: str, ident: str) -> str:
    """The id of the `kind` entity (`team`, `person`, `role`, `duty`, `process`, `meeting`)
    that `ident` names, as `show` reads it: an id, a name or alias, or a unique part of one.
    Raises NotFound (no such entity, with a did-you-mean; or a part several names share)."""
    return _resolve(org.table(_TABLE_KIND[kind]), kind, ident, org)


_TABLE_KIND = {"team": "Team", "person": "Person", "role": "Role", "duty": "Responsibility",
               "process": "Process", "meeting": "Meeting"}


def _resolve(table: dict[str, Any], kind: str, ident: str, org: Org | None = None) -> str:
    """The id `ident` names in `table`: itself, a name or alias, or a unique part of one
    (else of an id). `org`: the people a name sounds like are suggested from it."""
    part = _ids_named(table, ident)
    if not part and kind == "person" and org is not None:
        part = _called(org, ident)  # `王总`, `阿豪`: as `check`'s RF001 hint reads them
    if len(part) == 1:
        return part[0]
    if part:
        # a list: joined with the language's separator (、 in Chinese: trial 31)
        said = [f"{i} {getattr(table[i], 'name', '') or ''}".strip() for i in part[:5]]
        raise NotFound(M("{id!r} names more than one {kind}: {said}", id=ident,
                         kind=_KIND_SAY[kind], said=said))
    from orgspec.text.suggest import Suggester

    close = Suggester(table).close(ident)
    hint = M("; did you mean {id!r}?", id=close) if close else \
        _did_you_mean([(kind, i, table[i]) for i in _close_by_name({kind: table}, ident, org)
                       .get(kind, [])])
    raise NotFound(M("no {kind} {id!r}{hint}", kind=_KIND_SAY[kind], id=ident, hint=hint))


def _called(org: Org, ident: str) -> list[str]:
    """The people `ident` calls as colleagues do (`王总`, `小王`, `雅婷`, `阿豪`:
    `model.personcalls`), as RF001's hint reads a reference: one is the person meant; two or
    more raise NotFound (none picked, as the hint picks none); [] when it calls nobody."""
    from orgspec.model.personcalls import PersonCalls

    ids = PersonCalls(org).called(ident)[0]
    if len(ids) > 1:
        from orgspec.checks.references import MAX_TIED

        written = ident.strip()
        raise NotFound(
            M("{value!r} may call any of {n} people: write the id of the one meant",
              value=written, n=len(ids)) if len(ids) > MAX_TIED else
            M("{value!r} may call any of {ids}: write the id of the one meant",
              value=written, ids=ids))
    return ids


def _ids_named(table: dict[str, Any], ident: str) -> list[str]:
    """The ids of `table` that `ident` names, sorted: itself; else those it is a name or an
    alias (or the casefold of an id) of; else those one of whose names it is a part of;
    else those whose id it is a part of. [] when none."""
    if ident in table:
        return [ident]
    wanted = fold_name(ident.strip())
    names = {i: [fold_name(str(w)) for w in (*every_name(e), *getattr(e, "aliases", ())) if w]
             for i, e in table.items()}
    exact = sorted(i for i, words in names.items() if wanted in words or fold_name(i) == wanted)
    part = exact or sorted(i for i, words in names.items()
                           if wanted and any(wanted in w for w in words))
    if not part and wanted:  # a part of an id (`zheng` of `zheng-xue`)
        part = sorted(i for i in table if wanted in fold_name(i))
    return part


def find(org: Org, ident: str) -> tuple[str, str]:
    """The (kind, id) of the one entity that `ident` names among every kind `show` shows
    (SHOW_KINDS, in that order), read as `show KIND ID` reads its ID: an id, a name or alias
    (either script), or a part of one only one entity has; an exact id or name comes before
    a part of one. Raises NotFound: several named (what they are), or none (the closest ids
    and names, `_did_you_mean`)."""
    tables = {kind: org.table(_TABLE_KIND[kind]) for kind in SHOW_KINDS}
    exact = [(kind, ident) for kind, table in tables.items() if ident in table]
    if not exact:
        wanted = fold_name(ident.strip())
        exact = [(kind, i) for kind, table in tables.items() for i, e in table.items()
                 if fold_name(i) == wanted or wanted in
                 (fold_name(str(w)) for w in (*every_name(e), *getattr(e, "aliases", ())) if w)]
    found = exact or [(kind, i) for kind, table in tables.items() for i in _ids_named(table, ident)]
    if not found:  # `王总`: the person `check`'s RF001 hint names, or none when several
        found = [("person", i) for i in _called(org, ident)]
    if len(found) == 1:
        return found[0]
    if found:
        said = [_said_entity(kind, i, tables[kind][i]) for kind, i in found[:5]]
        raise NotFound(M("{id!r} names more than one entity: {said}", id=ident, said=said))
    close = _close_by_name(tables, ident, org)
    raise NotFound(M("nothing named {id!r}{hint}", id=ident, hint=_did_you_mean(
        [(kind, i, tables[kind][i]) for kind in SHOW_KINDS for i in close.get(kind, [])])))


def _said_entity(kind: str, ident: str, entity: Any) -> str:
    name = getattr(entity, "name", None) or getattr(entity, "title", None)
    return f"{name} ({ident})" if name else ident


def _close_by_name(tables: dict[str, dict[str, Any]], ident: str,
                   org: Org | None = None) -> dict[str, list[str]]:
    """{kind: the ids closest to `ident`}: those a typo of `ident` would be of (one edit in
    five characters, `text.suggest`: `ops-hkk` for `ops-hk`), in their ids, names and
    aliases, every one as close as the closest; else, with `org`, the people whose name
    `ident` sounds like (`林志毫` for 林志豪: an input method's wrong pick, as RF001 reads
    it)."""
    from orgspec.text.suggest import Suggester

    wanted = fold_name(ident.strip())
    owner: dict[str, list[tuple[str, str]]] = {}
    for kind, table in tables.items():
        for i, entity in table.items():
            for word in (i, *every_name(entity), *getattr(entity, "aliases", ())):
                if word:
                    owner.setdefault(fold_name(str(word)), []).append((kind, i))
    out: dict[str, list[str]] = {}
    for word in Suggester(owner).nearest(wanted) if wanted else []:
        for kind, i in owner[word]:
            out.setdefault(kind, [])
            if i not in out[kind]:
                out[kind].append(i)
    if not out and org is not None and "person" in tables:
        from orgspec.model.soundalike import SoundAlike

        alike = SoundAlike(org).ids(ident)
        if alike:
            out["person"] = alike
    return out


def _did_you_mean(close: list[tuple[str, str, Any]]) -> M | str:
    """`; did you mean 林志豪 (lin-zhihao)?`, or one of several as close; "" for none."""
    said = [_said_entity(kind, i, entity) for kind, i, entity in close][:5]
    if len(said) == 1:
        return M("; did you mean {entity}?", entity=said[0])
    return M("; did you mean one of {entities}?", entities=", ".join(said)) if said else ""


def _raci_lists(org: Org, node: str, duties: list[Any] | None = None, order: str = "pinyin"
                ) -> dict[str, list[dict[str, Any]]]:
    """Role -> the duties `node` holds so (`raci_of`'s), each role's by title in `order`;
    one duty held several ways as the site lists it (directly, through positions, through
    teams, each by name)."""
    out: dict[str, list[dict[str, Any]]] = {role: [] for role in ROLES}
    found = involvement(org, node).duties if duties is None else duties
    for d in sorted(found, key=lambda d: (sort_key(org, "Responsibility", d.duty, order),
                                          d.via.partition(":")[0],
                                          node_sort_key(org, d.via, order))):
        item = _label(org, node_key("responsibility", d.duty))
        if d.via != node:
            item["via"] = d.via
        out[d.role].append(item)
    return out


def _meetings_of(org: Org, node: str, meetings: list[Any] | None = None,
                 order: str = "pinyin") -> list[dict[str, Any]]:
    """The meetings `node` takes part in (`attendance_of`'s) by name in `order`."""
    out = []
    found = attendance_of(org, node) if meetings is None else meetings
    for a in sorted(found, key=lambda a: sort_key(org, "Meeting", a.meeting, order)):
        item = _label(org, node_key("meeting", a.meeting))
        item["cadence"] = cadence_of(org.meetings[a.meeting].cadence) or \
            org.meetings[a.meeting].cadence
        item["chairs"] = a.chairs
        if a.via != node:
            item["via"] = a.via
        if a.above:  # attended as a team above: a meeting of `company` holds its departments
            item["above"] = True
        out.append(item)
    return out


def _by_name(org: Org, kind: str, ids: Any, order: str) -> list[str]:
    """`ids` of `kind` ("Team", "Role", "Person") once each, by name in `order`
    (text.collate.ORDERS; a person's name read as one), unknown ids last as written."""
    return by_name(org, kind, ids, order)


def _show_team(org: Org, tid: str, team: Any, order: str = "pinyin") -> dict[str, Any]:
    """A team's fields; its members (the lead first), child teams and positions by name in
    `order` (text.collate.ORDERS), as the report's tree and the site list them."""
    node = node_key("team", tid)
    children = _by_name(org, "Team", (t for t, x in org.teams.items()
                                      if x.parent == tid and t != tid), order)
    members = _by_name(org, "Person", team.members, order)
    members.sort(key=lambda p: p != team.lead)  # stable: the lead first, as the site lists
    return {
        "parent": team.parent, "lead": team.lead, "members": members,
        "children": [_label(org, node_key("team", t)) for t in children],
        "positions": [_holder(org, node_key("role", r), order) for r in _by_name(
            org, "Role", (r for r, p in org.positions.items() if p.team == tid), order)],
        "raci": _raci_lists(org, node, order=order),
        "meetings": _meetings_of(org, node, order=order),
        "channels": list(team.channels),
    }


def _show_person(org: Org, pid: str, person: Any, order: str = "pinyin") -> dict[str, Any]:
    node = node_key("person", pid)
    teams = _by_name(org, "Team", org.person_teams.get(pid, []), order)
    seen = involvement(org, node)  # the same view the site's person page reads
    own, team_held = split_team_held(org, pid, seen.duties)
    acc = accountable_load(org, pid)
    reports = (p for p, x in org.people.items() if x.manager == pid and p != pid)
    return {"title": person.title, "manager": person.manager,
            "direct_reports": _by_name(org, "Person", reports, order), "teams": list(teams),
            "leads": [t for t in teams if org.teams[t].lead == pid],
            "positions": _by_name(org, "Role", org.people_positions.get(pid, []), order),
            # distinct duties, as the report's load table and the site's person page count
            "accountable_count": {"own": acc.own, "through_led_teams": acc.led},
            "raci": _raci_lists(org, node, own, order),
            "team_raci": _raci_lists(org, node, team_held, order),
            "meetings": _meetings_of(org, node, seen.meetings, order),
            "process_steps": _steps_of(org, pid, "owner", order),
            "tracked_steps": _steps_of(org, pid, "tracker", order)}


def _steps_of(org: Org, pid: str, field: str, order: str = "pinyin") -> list[dict[str, Any]]:
    """The process steps a person does (`field` "owner") or tracks ("tracker"), then those
    of each team they lead or belong to and of each position they hold (`via` names it), in
    the order of process names (in `order`) and of steps: the site's person page lists them
    so."""
    processes = by_name(org, "Process", org.processes, order)

    def taken(ref: str) -> list[tuple[str, Any]]:
        return [(p, s) for p in processes for s in org.processes[p].steps
                if getattr(s, field) == ref]

    out = []
    for ref, via in [(pid, None)] + [(t, node_key("team", t))
                                      for t in org.person_teams.get(pid, [])] + [
            (r, node_key("role", r)) for r in org.people_positions.get(pid, [])]:
        for p, s in taken(ref):
            item = {"process": p, "process_name": org.processes[p].name or "", "step": s.id,
                    "name": s.name or ""}
            if via:
                item["via"] = via
            out.append(item)
    return out


def _show_role(org: Org, rid: str, pos: Any, order: str = "pinyin") -> dict[str, Any]:
    node = node_key("role", rid)
    s = seats(org, rid)
    return {"team": pos.team,
            "holders": _by_name(org, "Person", org.position_holders.get(rid, []), order),
            "headcount": s.planned, "open_seats": s.open,
            "raci": _raci_lists(org, node, order=order),
            "kpis": [{"title": k.title, "measurable": kpi_measurable(kpi_verdict(k))}
                     for k in pos.kpis],
            "meetings": _meetings_of(org, node, order=order)}


def _show_duty(org: Org, rid: str, duty: Any, order: str = "pinyin") -> dict[str, Any]:
    return {"description": duty.description,
            "raci": _raci_holders(org, rid, order),
            "processes": by_name(org, "Process", (p for p, x in org.processes.items()
                                                  if x.responsibility == rid), order)}


def _show_process(org: Org, pid: str, proc: Any) -> dict[str, Any]:
    ids = {s.id for s in proc.steps}
    return {"owner": proc.owner, "responsibility": proc.responsibility,
            "trackers": list(proc.trackers), "channels": list(proc.channels),
            "steps": [{"id": s.id, "name": s.name, "owner": s.owner, "tracker": s.tracker,
                       "sla": s.sla, "next": list(s.next),
                       "unknown_next": [n for n in s.next if n not in ids]}
                      for s in proc.steps]}


def _show_meeting(org: Org, mid: str, m: Any) -> dict[str, Any]:
    return {"cadence": cadence_of(m.cadence) or m.cadence, "owner": m.owner,
            "attendees": list(m.attendees), "purpose": m.purpose, "inputs": list(m.inputs),
            "outputs": list(m.outputs), "channel": m.channel}


_SHOW: dict[str, Callable[[Org, str, Any], dict[str, Any]]] = {
    "team": _show_team, "person": _show_person, "role": _show_role, "duty": _show_duty,
    "process": _show_process, "meeting": _show_meeting}


# Terminal text.

def _name(item: dict[str, Any], lang: str = "en") -> str:
    name = f" {name_with_other(item['name'], item.get('other_name'))}" if item.get("name") \
        else ""
    kind = item["kind"]  # in English the words of the command line (`show role`)
    if lang != "en" and kind in _KIND_SAY:
        kind = say(_KIND_SAY[kind], lang)
    return tty_text(f"{kind} {item['id']}{name}")


def _people(item: dict[str, Any], lang: str = "en") -> str:
    """` (lin-xue 林雪, ma-chao 马超; 1 open seat)`: who stands behind a holder; nothing
    for a person, who stands for themselves (their name is said once)."""
    people = [p for p in item.get("people") or [] if p.get("node") != item.get("node")]
    said = ", ".join(tty_text(f"{p['id']} {name_with_other(p['name'], p.get('other_name'))}"
                              if p.get("name") else p["id"]) for p in people)
    n = item.get("open_seats") or 0
    extra = ""
    if n:
        seats = M("{n} open seat", n=n) if n == 1 else M("{n} open seats", n=n)
        extra = f"; {say(seats, lang)}"
    return f" ({said}{extra})" if said or extra else ""


def who_text(answer: dict[str, Any], lang: str = "en") -> str:
    """The answer of `who` as terminal lines in `lang`; one line per match, holders
    indented."""
    lines: list[str] = []
    for m in answer["matches"]:
        lines.append(_name(m, lang) + _people(m, lang))
        for role, holders in (m.get("raci") or {}).items():
            for h in holders:
                lines.append(f"  {_field(role, lang)}: {_name(h, lang)}{_people(h, lang)}")
        if m.get("owner"):
            # a meeting's owner chairs it, as `show` says (主持人, chair)
            label = say(_MEETING_SAY["owner"], lang) if m.get("kind") == "meeting" \
                else _field("owner", lang)
            lines.append(f"  {label}: {_name(m['owner'], lang)}{_people(m['owner'], lang)}")
    if not lines:
        # !r escapes control, bidi and invisible characters as tty_text would (once, not twice)
        lines.append(say(M("nothing matches {query!r}", query=answer["query"]), lang))
    return "\n".join(lines) + "\n"


def _field(name: str, lang: str) -> str:
    """A field or RACI role in `lang` (English keeps the YAML key: `accountable`)."""
    return say(_FIELD_SAY[name], lang) if lang != "en" and name in _FIELD_SAY else name


# What `show` prints its fields as, in the run's language, and the kind of the ids a field
# holds (so the text names them: `lead: liu-yang 刘洋`).
_FIELD_SAY = {
    "title": M("title"), "description": M("description"), "parent": M("parent team"),
    "lead": M("lead"), "members": M("members"), "children": M("child teams"),
    "positions": M("positions"), "meetings": M("meetings"), "channels": M("channels"),
    "teams": M("teams"), "leads": M("leads"), "team": M("team"), "holders": M("holders"),
    "headcount": M("headcount"), "open_seats": M("open seats"), "kpis": M("KPIs"),
    "processes": M("processes"), "owner": M("owner"), "responsibility": M("duty"),
    "steps": M("steps"), "cadence": M("cadence"), "schedule": M("cadence"),
    "attendees": M("attendees"), "purpose": M("purpose"), "inputs": M("inputs"),
    "outputs": M("outputs"), "channel": M("channel"), "accountable": M("accountable"),
    "responsible": M("responsible"), "consulted": M("consulted"), "informed": M("informed"),
    "process_steps": M("process steps owned"), "tracked_steps": M("process steps tracked"),
    "tracker": M("tracker"), "trackers": M("trackers"), "sla": M("SLA"),
    "accountable_count": M("accountable for (duties)"), "manager": M("manager"),
    "direct_reports": M("direct reports"),
}
# a meeting's `owner` chairs it
_MEETING_SAY = {"owner": M("chair")}
_KIND_SAY = {"team": M("team"), "person": M("person"), "role": M("position"),
             "duty": M("duty"), "responsibility": M("duty"), "process": M("process"),
             "meeting": M("meeting"), "objective": M("objective")}
_ID_KIND = {"parent": "Team", "children": "Team", "teams": "Team", "leads": "Team",
            "team": "Team", "lead": "Person", "members": "Person", "holders": "Person",
            "manager": "Person", "direct_reports": "Person",
            "processes": "Process", "responsibility": "Responsibility", "positions": "Role"}
_HOLDER_FIELDS = ("owner", "attendees")


def show_text(doc: dict[str, Any], lang: str = "en", org: Org | None = None) -> str:
    """One entity from `show` as terminal lines in `lang`: scalar fields, then lists, then
    RACI; with `org`, every id is followed by its name (a reader of `lang`'s, `names`)."""
    org = localized(org, lang) if org is not None else None
    lines = [_name(doc, lang)]
    for key, value in doc.items():
        if key in ("node", "kind", "id", "name", "other_name", "raci", "team_raci") or \
                value in (None, [], ""):
            continue
        if key == "cadence" and doc.get("schedule"):
            continue
        if key == "accountable_count":
            lines.append(f"  {say(_FIELD_SAY[key], lang)}: "
                         f"{say(accountable_said(value['own'], value['through_led_teams']), lang)}")
            continue
        said = _MEETING_SAY.get(key) if doc.get("kind") == "meeting" else None
        label = say(said or _FIELD_SAY[key], lang) if said or key in _FIELD_SAY else key
        if isinstance(value, list):
            lines.append(f"  {label}:")
            lines += [f"    - {_item(v, lang, org, key)}{_person_mark(v, key, lang, org)}"
                      for v in value]
        else:
            lines.append(f"  {label}: {_named(value, key, org, lang)}"
                         f"{_person_mark(value, key, lang, org)}")
    for role, items in (doc.get("raci") or {}).items():
        if items:
            lines.append(f"  {say(_FIELD_SAY[role], lang)}:")
            for it in items:
                via = _via(it["via"], lang, org) if it.get("via") else ""
                lines.append(f"    - {_name(it, lang)}{via}{_people(it, lang)}")
    team_held = [(role, it) for role, items in (doc.get("team_raci") or {}).items()
                 for it in items]
    if team_held:  # a team's duty, listed apart: never the person's own accountability
        heading = say(M("duties of their teams (held by the team, not personally)"), lang)
        lines.append(f"  {heading}:")
        for role, it in team_held:
            via = _via(it["via"], lang, org) if it.get("via") else ""
            lines.append(f"    - {_name(it, lang)} · {say(_FIELD_SAY[role], lang)}{via}")
    return "\n".join(lines) + "\n"


def accountable_said(own: int, led: int) -> M:
    """`3 (1 themselves or through a position + 2 only through a team they lead)`: how many
    distinct duties a person is accountable for (`model.positions.AccountableLoad`), as
    `orgspec show person` and the site's person page say it."""
    return M("{total} ({own} themselves or through a position + {led} only through a team "
             "they lead)", total=own + led, own=own, led=led)


def _via(node: str, lang: str, org: Org | None, above: bool = False) -> str:
    """` (via 团队 customer-service 客服部)`: what a duty is held or a meeting attended
    through; `above` when that is a team above (` (via 团队 company 公司, a team above)`)."""
    kind, _, ident = node.partition(":")
    name = _label(org, node).get("name") if org is not None else None
    through = _name({"kind": kind, "id": ident, "name": name}, lang)
    said = say(M("via {holder}, a team above", holder=through) if above
               else M("via {holder}", holder=through), lang)
    return f" ({said})"


def _named(value: Any, key: str, org: Org | None, lang: str = "en") -> str:
    """An id with its name (`liu-yang 刘洋`) when `key` holds ids of a known kind; a
    person's with their name in the other script (`lin-zhi-hao 林志豪 (Jimmy Lin)`)."""
    text = str(value)
    if org is not None and isinstance(value, str):
        kind = _ID_KIND.get(key)
        node = node_key(kind, value) if kind else (org.holder(value)
                                                     if key in _HOLDER_FIELDS else None)
        if node is not None:
            name = person_said(org, value, lang) if node.startswith("person:") \
                else _label(org, node).get("name")
            if name and name != value:
                text = f"{value} {name}"
    return tty_text(text)


def _item(value: Any, lang: str = "en", org: Org | None = None, key: str = "") -> str:
    if isinstance(value, dict):
        if "kind" in value and "id" in value:
            cadence = value.get("schedule") or value.get("cadence")
            extra = tty_text(f" [{cadence}]") if cadence else ""
            if value.get("chairs"):
                extra += f" · {say(MC('label', 'chairs'), lang)}"
            if value.get("via"):
                extra += _via(value["via"], lang, org, bool(value.get("above")))
            return _name(value, lang) + extra + _people(value, lang)
        if "measurable" in value:  # a KPI
            verdict = M("measurable") if value["measurable"] else M("not measurable")
            return tty_text(f"{value.get('title', '')} ({say(verdict, lang)})")
        if key == "steps":
            return _step(value, lang, org)
        if key in ("process_steps", "tracked_steps"):
            return _taken_step(value, lang, org)
        return tty_text(", ".join(f"{k}: {_plain(v)}" for k, v in value.items()
                                  if v not in (None, [])))
    return _named(value, key, org, lang)


def _step(step: dict[str, Any], lang: str, org: Org | None) -> str:
    name = f" {step['name']}" if step.get("name") and step["name"] != step["id"] else ""
    text = tty_text(f"{step['id']}{name}")
    for key in ("owner", "tracker"):
        if step.get(key):
            text += f"; {say(_FIELD_SAY[key], lang)}: {_named(step[key], 'owner', org, lang)}"
            text += _owner_mark(step[key], lang, org)
    if step.get("sla"):
        text += f"; {say(_FIELD_SAY['sla'], lang)}: {tty_text(step['sla'])}"
    if step.get("next"):
        unknown = set(step.get("unknown_next") or ())
        missing = f" ({say(_MARKS['step'], lang)})"
        text += " → " + ", ".join(tty_text(str(n)) + (missing if n in unknown else "")
                                  for n in step["next"])
    return text


_MARKS = {"step": MC("label", "no such step"), "placeholder": MC("label", "no owner"),
          "unknown": MC("label", "no such team, person or position"),
          "person": MC("label", "no such person")}


def _person_mark(value: Any, key: str, lang: str, org: Org | None) -> str:
    """` (no such person)` after a team's lead or member, or a person's manager, that is no
    person (RF001's), as the site's team and person pages mark it."""
    if key in ("lead", "members", "manager") and org is not None and isinstance(value, str) and \
            value not in org.people:
        return f" ({say(_MARKS['person'], lang)})"
    return ""


def _owner_mark(value: Any, lang: str, org: Org | None) -> str:
    """` (no owner)` after a placeholder (待定, TBD) or an open-seat word (待招聘) that is no
    id (as `check` reads both: MT001, PR001 ...), ` (unknown)` after an id that is no team,
    person or position, as the flowchart marks a link to a missing step."""
    if not isinstance(value, str):
        return ""
    if is_placeholder(value) or (is_vacant(value) and (org is None or
                                                        org.holder(value) is None)):
        return f" ({say(_MARKS['placeholder'], lang)})"
    if org is not None and org.holder(value) is None:
        return f" ({say(_MARKS['unknown'], lang)})"
    return ""


def _taken_step(item: dict[str, Any], lang: str, org: Org | None) -> str:
    """`process complaint-flow 投诉处理 › receive 接收 (as role cs-lead 客服组长)`."""
    process = _name({"kind": "process", "id": item["process"], "name": item["process_name"]},
                    lang)
    name = f" {item['name']}" if item["name"] and item["name"] != item["step"] else ""
    text = f"{process} › {tty_text(item['step'] + name)}"
    if item.get("via", "").startswith("team:"):  # as a duty held through a team says it
        text += _via(item["via"], lang, org)
    elif item.get("via"):
        kind, _, ident = item["via"].partition(":")
        label = _label(org, item["via"]).get("name") if org is not None else None
        position = _name({"kind": kind, "id": ident, "name": label}, lang)
        text += f" ({say(MC('label', 'as {position}', position=position), lang)})"
    return text


def _plain(value: Any) -> str:
    return " ".join(map(str, value)) if isinstance(value, list) else str(value)
