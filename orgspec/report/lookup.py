"""Lookups over a validated org: `who(org, "退款")` (who holds what matches a query) and
`show(org, "team", "tech")` (one entity with its relations), as JSON-ready dicts, plus
their terminal text. The CLI's `who` and `show` commands are thin shells over these.

A query matches an entity when it is a case-folded substring of its id, name, title,
description, mission or purpose; when nothing matches literally, when its bilingual concept
words (退款 = refund, 投诉 = complaint) all appear in that text, so Chinese finds English
and back.
"""

from __future__ import annotations

import difflib
from typing import Any

from orgspec.escape import tty_text
from orgspec.model.models import ROLES
from orgspec.model.org import Org, ident_of, node_key
from orgspec.model.positions import cadence_of, kpi_measurable, kpi_verdict, raci_of, seats

SHOW_KINDS = ("team", "person", "role", "duty", "process", "meeting")
_KIND_OF = {"team": "Team", "person": "Person", "role": "Role", "duty": "Responsibility",
            "responsibility": "Responsibility", "process": "Process", "meeting": "Meeting"}
_TEXT_FIELDS = ("name", "title", "description", "mission", "purpose")
_SEARCH_ORDER = ("Responsibility", "Team", "Role", "Person", "Process", "Meeting", "Objective")


class NotFound(LookupError):
    """An id that no entity of the kind has; the message says what exists nearby."""


def _texts(entity: Any) -> list[str]:
    return [entity.id, *(getattr(entity, f, None) or "" for f in _TEXT_FIELDS)]


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


def _holder(org: Org, node: str) -> dict[str, Any]:
    out = _label(org, node)
    out["people"] = [_label(org, node_key("person", p)) for p in _people_behind(org, node)]
    if node.startswith("role:"):
        s = seats(org, ident_of(node))
        out["open_seats"] = s.open
    return out


def who(org: Org, query: str) -> dict[str, Any]:
    """Who holds what matches `query`: each matching duty with its RACI holders (teams,
    positions, people), and each matching team, position, person, process or meeting with
    the people behind it. Shape: {"query", "matches": [{node, kind, id, name, ...}]}."""
    needle = query.strip().casefold()
    if not needle:
        return {"query": query, "matches": []}
    hits = [(kind, ident) for kind in _SEARCH_ORDER for ident, entity in org.table(kind).items()
            if any(needle in t.casefold() for t in _texts(entity))]
    wanted = _concepts(query) if not hits else frozenset()
    if wanted:  # nothing matched literally: try the same words in the other language
        hits = [(kind, ident) for kind in _SEARCH_ORDER
                for ident, entity in org.table(kind).items()
                if wanted <= _concepts(" ".join(_texts(entity)))]
    return {"query": query, "matches": [_match(org, kind, ident) for kind, ident in hits]}


def _match(org: Org, kind: str, ident: str) -> dict[str, Any]:
    node = node_key(kind, ident)
    if kind == "Responsibility":
        node = node_key("responsibility", ident)
        out = _label(org, node)
        out["kind"] = "duty"
        out["raci"] = {role: [_holder(org, h) for h in org.raci.holders(ident, role)]
                       for role in ROLES}
        return out
    out = _label(org, node)
    if kind in ("Team", "Role", "Person"):
        out["people"] = [_label(org, node_key("person", p)) for p in _people_behind(org, node)]
    owner = getattr(org.table(kind)[ident], "owner", None)
    holder = org.holder(owner) if isinstance(owner, str) else None
    if holder is not None:
        out["owner"] = _holder(org, holder)
    return out


def show(org: Org, kind: str, ident: str) -> dict[str, Any]:
    """One entity with its relations. `kind` is one of SHOW_KINDS; raises NotFound."""
    model_kind = _KIND_OF[kind]
    table = org.table(model_kind)
    if ident not in table:
        close = difflib.get_close_matches(ident, list(table), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise NotFound(f"no {kind} {ident!r}{hint}")
    entity = table[ident]
    node = node_key("responsibility" if kind == "duty" else kind, ident)
    out: dict[str, Any] = _label(org, node)
    out["kind"] = kind
    out.update(_SHOW[kind](org, ident, entity))
    return out


def _raci_lists(org: Org, node: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {role: [] for role in ROLES}
    for d in raci_of(org, node):
        item = _label(org, node_key("responsibility", d.duty))
        if d.via != node:
            item["via"] = d.via
        out[d.role].append(item)
    return out


def _meetings_of(org: Org, nodes: set[str]) -> list[dict[str, Any]]:
    out = []
    for mid, m in org.meetings.items():
        refs = {org.holder(r) for r in (*m.attendees, m.owner)}
        if refs & nodes:
            item = _label(org, node_key("meeting", mid))
            item["cadence"] = cadence_of(m.cadence) or m.cadence
            out.append(item)
    return out


def _show_team(org: Org, tid: str, team: Any) -> dict[str, Any]:
    node = node_key("team", tid)
    return {
        "parent": team.parent, "lead": team.lead, "members": list(team.members),
        "children": sorted(t for t, x in org.teams.items() if x.parent == tid),
        "positions": [_holder(org, node_key("role", r))
                      for r, p in org.positions.items() if p.team == tid],
        "raci": _raci_lists(org, node), "meetings": _meetings_of(org, {node}),
        "channels": list(team.channels),
    }


def _show_person(org: Org, pid: str, person: Any) -> dict[str, Any]:
    node = node_key("person", pid)
    teams = org.person_teams.get(pid, [])
    positions = org.people_positions.get(pid, [])
    nodes = {node, *(node_key("team", t) for t in teams),
             *(node_key("role", r) for r in positions)}
    return {"title": person.title, "teams": list(teams),
            "leads": [t for t in teams if org.teams[t].lead == pid],
            "positions": list(positions), "raci": _raci_lists(org, node),
            "meetings": _meetings_of(org, nodes)}


def _show_role(org: Org, rid: str, pos: Any) -> dict[str, Any]:
    node = node_key("role", rid)
    s = seats(org, rid)
    return {"team": pos.team, "holders": org.position_holders.get(rid, []),
            "headcount": s.planned, "open_seats": s.open, "raci": _raci_lists(org, node),
            "kpis": [{"title": k.title, "measurable": kpi_measurable(kpi_verdict(k))}
                     for k in pos.kpis],
            "meetings": _meetings_of(org, {node})}


def _show_duty(org: Org, rid: str, duty: Any) -> dict[str, Any]:
    return {"description": duty.description,
            "raci": {role: [_holder(org, h) for h in org.raci.holders(rid, role)]
                     for role in ROLES},
            "processes": sorted(p for p, x in org.processes.items() if x.responsibility == rid)}


def _show_process(org: Org, pid: str, proc: Any) -> dict[str, Any]:
    return {"owner": proc.owner, "responsibility": proc.responsibility,
            "steps": [{"id": s.id, "name": s.name, "owner": s.owner, "next": list(s.next)}
                      for s in proc.steps]}


def _show_meeting(org: Org, mid: str, m: Any) -> dict[str, Any]:
    return {"cadence": cadence_of(m.cadence) or m.cadence, "owner": m.owner,
            "attendees": list(m.attendees), "purpose": m.purpose, "inputs": list(m.inputs),
            "outputs": list(m.outputs), "channel": m.channel}


_SHOW = {"team": _show_team, "person": _show_person, "role": _show_role, "duty": _show_duty,
         "process": _show_process, "meeting": _show_meeting}


# Terminal text.

def _name(item: dict[str, Any]) -> str:
    name = f" {item['name']}" if item.get("name") else ""
    return tty_text(f"{item['kind']} {item['id']}{name}")


def _people(item: dict[str, Any]) -> str:
    people = item.get("people") or []
    said = ", ".join(_name(p).removeprefix("person ") for p in people)
    n = item.get("open_seats") or 0
    extra = f"; {n} open seat{'' if n == 1 else 's'}" if n else ""
    return f" ({said}{extra})" if said or extra else ""


def who_text(answer: dict[str, Any]) -> str:
    """The answer of `who` as terminal lines; one line per match, holders indented."""
    lines: list[str] = []
    for m in answer["matches"]:
        lines.append(_name(m) + _people(m))
        for role, holders in (m.get("raci") or {}).items():
            for h in holders:
                lines.append(f"  {role}: {_name(h)}{_people(h)}")
        if m.get("owner"):
            lines.append(f"  owner: {_name(m['owner'])}{_people(m['owner'])}")
    if not lines:
        lines.append(f"nothing matches {tty_text(answer['query'])!r}")
    return "\n".join(lines) + "\n"


def show_text(doc: dict[str, Any]) -> str:
    """One entity from `show` as terminal lines: scalar fields, then lists, then RACI."""
    lines = [_name(doc)]
    for key, value in doc.items():
        if key in ("node", "kind", "id", "name", "raci") or value in (None, [], ""):
            continue
        if isinstance(value, list):
            lines.append(f"  {key}:")
            lines += [f"    - {_item(v)}" for v in value]
        else:
            lines.append(f"  {key}: {tty_text(str(value))}")
    for role, items in (doc.get("raci") or {}).items():
        if items:
            lines.append(f"  {role}:")
            for it in items:
                via = f" (via {tty_text(it['via'])})" if it.get("via") else ""
                lines.append(f"    - {_name(it)}{via}{_people(it)}")
    return "\n".join(lines) + "\n"


def _item(value: Any) -> str:
    if isinstance(value, dict):
        if "kind" in value and "id" in value:
            extra = f" [{value['cadence']}]" if value.get("cadence") else ""
            return _name(value) + extra + _people(value)
        return tty_text(", ".join(f"{k}: {_plain(v)}" for k, v in value.items()
                                  if v not in (None, [])))
    return tty_text(str(value))


def _plain(value: Any) -> str:
    return " ".join(map(str, value)) if isinstance(value, list) else str(value)
