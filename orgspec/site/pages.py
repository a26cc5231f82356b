"""Every page of the site as (path, HTML), rendered from the SiteModel by the templates in
`templates/site/`. Paths are relative to the site root; iteration is sorted, so two builds
of one commit give the same bytes."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from orgspec.checks.processes import cut_off
from orgspec.i18n import MC, P, rule_heading, say
from orgspec.model.models import ROLES, is_placeholder, is_unowned
from orgspec.model.names import duty_title
from orgspec.model.positions import Attendance, Duty, accountable_load, split_team_held
from orgspec.report.byname import refs_by_name
from orgspec.report.diagram import FlowStep, Node, flow, tree
from orgspec.report.lookup import accountable_said
from orgspec.report.view import step_kind, unreachable_spots, unreachable_steps
from orgspec.site.model import FOLDERS, KIND_NAMES, Above, Link, SiteModel
from orgspec.text.collate import name_key, person_key

PAGE_ROWS = 1000  # rows per page of the duty list
ROLE_LETTERS = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}
Render = Callable[..., str]
SEARCH_KINDS = ("duty", "team", "person", "position", "meeting", "objective", "process")


def pages(m: SiteModel, render: Render, changes: list[tuple[str, str]],
          since: str = "") -> Iterator[tuple[str, str]]:
    """(path, HTML) for every page; `render(template, depth, **context)`."""
    org = m.org
    yield "index.html", _home(m, render, changes, since)
    yield "teams/index.html", render("teams", 1, count=len(org.teams),
                                     items=tree_items(m.view.tree_rows, 10_000))
    for tid in sorted(org.teams):
        yield m.url("Team", tid), _team(m, render, tid)
    if m.people_pages:
        yield from _people(m, render)
    yield from _duties(m, render)
    yield from _okrs(m, render)
    yield from _processes(m, render)
    yield from _positions(m, render)
    yield from _meetings(m, render)
    yield "calendar.html", _calendar(m, render)
    kinds = [k for k in SEARCH_KINDS if (k != "position" or org.positions)
             and (k != "meeting" or org.meetings)]
    yield "search.html", render("search", 0, kind_labels=_kind_labels(m), kinds=kinds)
    if m.lint:
        yield "health.html", render("health", 0, health=m.view.health,
                                    baselined=m.view.baselined, rules=[
            replace(g, title=rule_heading(g.name, m.view.lang)) for g in m.view.rules])
    yield "404.html", _not_found(render)
    moved = aliases(m)
    yield "go.html", render("go", 0, folders=_go_folders(m), moved=json.dumps(
        {f"{KIND_NAMES[k]}/{old}": m.url(k, new) for (k, old), new in sorted(moved.items())},
        sort_keys=True))
    for (kind, old), new in sorted(moved.items()):
        target = m.url(kind, new)
        yield m.url(kind, old), render("alias", 1, target=target.rsplit("/", 1)[1],
                                       name=_name(m, kind, new))
    yield "_redirects", "".join(f"/{m.url(k, old)} /{m.url(k, new)} 301\n"
                                for (k, old), new in sorted(moved.items()))
    heading = m.labels["changes_since"].format(ref=since) if since else m.labels["changes"]
    yield "changes/index.html", render("changes", 1, changes=changes, heading=heading,
                                       compared=bool(since))


def _not_found(render: Render) -> str:
    """The 404 page: its links are made relative to the URL it is served at by a script
    (`404.js`) inlined and allowed by its hash, as no other page needs an inline script."""
    import base64
    import hashlib

    from markupsafe import Markup

    from orgspec.resources import data_dir
    from orgspec.site.build import CSP

    folders = sorted({*FOLDERS.values(), "changes", "search", "assets"})
    source = (data_dir("templates") / "site" / "404.js").read_text("utf-8")
    script = source.replace("__FOLDERS__", json.dumps(folders))
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    policy = CSP.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'")
    return render("404", 0, script=Markup(script), policy=Markup(policy))  # noqa: S704 - ours


def aliases(m: SiteModel) -> dict[tuple[str, str], str]:
    """(kind, former id) -> current id, from `aliases:`. A former id that is some entity's
    current id, or that two entities claim, gets no redirect (the first claim, by id, wins)."""
    out: dict[tuple[str, str], str] = {}
    for kind in FOLDERS:
        if kind == "Person" and not m.people_pages:
            continue
        table = m.org.table(kind)
        for ident in sorted(table):
            for old in getattr(table[ident], "aliases", []):
                if old not in table and (kind, old) not in out:
                    out[kind, old] = ident
    return out


def _name(m: SiteModel, kind: str, ident: str) -> str:
    entity = m.org.table(kind)[ident]
    return str(getattr(entity, "name", None) or getattr(entity, "title", None) or ident)


def _go_folders(m: SiteModel) -> str:
    """The kinds `go.html#<kind>/<id>` resolves, and their folders."""
    return json.dumps({KIND_NAMES[k]: f for k, f in FOLDERS.items()
                       if k != "Person" or m.people_pages}, sort_keys=True)


def _kind_labels(m: SiteModel) -> str:
    return json.dumps({k: m.labels["kind_" + k] for k in SEARCH_KINDS}, ensure_ascii=False)


def _home(m: SiteModel, render: Render, changes: list[tuple[str, str]], since: str = "") -> str:
    org = m.org
    counts = {"teams": len(org.teams), "people": len(org.people),
              "duties": len(org.responsibilities), "objectives": len(org.objectives),
              "processes": len(org.processes), "positions": len(org.positions),
              "meetings": len(org.meetings), "vacant": _open_seats(org)}
    findings = {k: m.view.counts.get(k, 0) for k in ("error", "warning", "info")}
    return render("home", 0, counts=counts, findings=findings, baselined=m.view.baselined,
                  items=tree_items(m.view.tree_rows, 1), changes=changes,
                  compared=bool(since), unloaded=_unloaded(m))


def _unloaded(m: SiteModel) -> str:
    """The home page's warning that files could not be read, so what they define is missing
    from every page (trial 31b: "0 teams" with no word why, findings shown or not); ""
    when every file was read."""
    failed = m.result.failed_files
    if not failed:
        return ""
    return say(P("This handbook is incomplete: {n} org file could not be read ({files}), so "
                 "what it defines is missing; `orgspec check` says why",
                 "This handbook is incomplete: {n} org files could not be read ({files}), so "
                 "what they define is missing; `orgspec check` says why",
                 n=len(failed), files=list(failed)), m.view.lang)


def _open_seats(org: Any) -> int:
    from orgspec.model.positions import seats

    return sum(seats(org, rid).open for rid in org.positions)


def tree_items(rows: list[tuple[int, Any]],
               max_depth: int) -> list[tuple[int, Any, bool, int, int]]:
    """(depth, node, opens its sub-teams, lists to close after it, sub-teams not shown) for
    the nested-list tree, from the report's flat (depth, node) rows, down to `max_depth`;
    a team at `max_depth` with sub-teams says how many, linking to its page, so the tree
    never drops a level without a sign."""
    shown = [(d, n) for d, n in rows if d <= max_depth]
    out = []
    for i, (depth, node) in enumerate(shown):
        after = shown[i + 1][0] if i + 1 < len(shown) else 0
        opens = bool(node.children) and depth < max_depth
        out.append((depth, node, opens, 0 if opens else max(0, depth - after),
                    0 if opens else len(node.children)))
    return out


def _written_person(m: SiteModel, entity: str, field: str, value: str | None
                    ) -> tuple[Link | None, str]:
    """The person `value` (a team's `lead`, a person's `manager`) links to, and, for one
    written as no person's id that names one (`张　三`), what check says of it: (their link,
    `written as '张　三': write the id `zhang-san``); (None, "") for no value."""
    if not value:
        return None, ""
    if value in m.org.people:
        return m.person(value), ""
    meant = m.meant_person(entity, field, value)
    if meant is None:
        return m.person(value), ""
    return m.person(meant), say(MC("label", "written as {value!r}: write the id `{id}`",
                                   value=value, id=meant), m.view.lang)


def _member(m: SiteModel, tid: str, pid: str) -> tuple[Link, str, bool, str]:
    """A row of a team's members: (their link, email, whether `pid` is a person's id, what
    check says of one written as no id that names a person: `_written_person`)."""
    link, written = _written_person(m, f"team:{tid}", "members", pid)
    person = m.org.people.get(m.meant_person(f"team:{tid}", "members", pid) or pid
                              if written else pid)
    return (link or m.person(pid), getattr(person, "email", None) or "", pid in m.org.people,
            written)


def _team(m: SiteModel, render: Render, tid: str) -> str:
    org = m.org
    team = org.teams[tid]
    main, also = m.team_duties(tid)
    above = m.above([tid], (mid for mid, _ in m.team_meetings.get(tid, [])))
    order = m.view.name_order  # the lead first, then by name as the people index lists them
    # unknown ids (RF001's) last in the written order, marked, not counted (as `show`); one
    # that names a person (`张　三`) links to them, said as check says it
    members = [_member(m, tid, p) for p in sorted(dict.fromkeys(team.members), key=lambda p: (
        (False, p != team.lead, person_key(org.people[p].name or p, p, order))
        if p in org.people else (True,)))]
    lead, lead_written = _written_person(m, f"team:{tid}", "lead", team.lead)
    if team.lead and team.lead not in org.people and is_unowned(team.lead):
        # `lead: 待招聘` / `TBD`: no lead yet, as check says (HI005), not an unknown person
        lead, lead_written = None, say(MC("label", "no lead yet, written as {value!r}",
                                          value=team.lead), m.view.lang)
    # sub-teams and positions by name in the reader's order, as the tree and the indexes
    subteams = [m.team(c) for c in sorted(m.children.get(tid, []), key=lambda c: name_key(
        org.teams[c].name or c, c, order))]
    objectives = [(_Obj(oid, m.objective(oid), org.objectives[oid].period or ""),
                   m.krs(org.objectives[oid]))
                  for oid in m.objectives_of(tid) if org.objectives[oid].owner == tid]
    return render(
        "team", 1, id=tid, team=team, name=team.name or tid,
        other_names=other_names(m, "Team", tid),
        crumbs=m.crumbs(tid), health=m.health.get(tid),
        lead=lead, lead_written=lead_written,
        lead_unknown=bool(team.lead) and team.lead not in org.people and not lead_written,
        parent=m.team(team.parent) if team.parent else None, subteams=subteams,
        members=members, known_members=sum(known for _, _, known, _ in members),
        charter=[_charter_row(m, d, ls, tid) for d, ls in main],
        also=[_charter_row(m, d, ls, tid) for d, ls in also],
        handoffs_in=m.handoffs_in.get(tid, []), handoffs_out=m.handoffs_out.get(tid, []),
        objectives=objectives,
        processes=[m.process(p) for p in m.process_owners.get(tid, [])],
        steps=[(m.process(p), s, n) for p, s, n in m.steps_of(tid)
               if org.processes[p].owner != tid],
        tracked=[(m.process(p), s, n) for p, s, n in m.steps_of(tid, tracked=True)],
        positions=[_position_row(m, r) for r in sorted(
            m.team_positions.get(tid, []),
            key=lambda r: name_key(org.positions[r].name or r, r, order))],
        meetings=[_meeting_row(m, mid) for mid, _ in m.team_meetings.get(tid, [])],
        above=above, more_above=more_above(m, above),
        meeting_count=len(m.team_meetings.get(tid, [])) + sum(n for _, n, _ in above.groups),
        tree=_subtree(m, tid), findings=m.team_rows.get(tid, []), src=m.source("Team", tid))


class Mark:
    """A badge beside a list cell's links (`gap`, `overlap`), as the entity's page shows it."""

    def __init__(self, badge: str, text: str) -> None:
        self.badge, self.text = badge, text


class _Obj:
    def __init__(self, ident: str, link: Link, period: str) -> None:
        self.id, self.link, self.period = ident, link, period


class _Row:
    def __init__(self, ident: str, duty: Link, letters: str, accountable: list[Link],
                 ask: Link | None, via: Link | None = None) -> None:
        self.id, self.duty, self.letters = ident, duty, letters
        self.accountable, self.ask, self.via = accountable, ask, via


def _charter_row(m: SiteModel, rid: str, letters: str, tid: str) -> _Row:
    acc = m.shown_holders(rid, "accountable")
    ask, via = m.who_to_ask(rid, tid)
    return _Row(rid, m.duty(rid), letters,
                [o for o in (m.owner(a) for a in acc if not is_placeholder(a)) if o], ask,
                m.team(via) if via else None)


def _subtree(m: SiteModel, tid: str) -> Any:
    """The team and the teams below it, at most `diagram.LIMIT` boxes and `MAX_DEPTH` levels
    below it (their sub-teams counted), as a laid-out diagram; `total` the whole subtree.
    Teams are taken breadth-first and no deeper than drawn: a chain of 2,000 teams made
    each page build 400 boxes of it (quadratic)."""
    from orgspec.report.diagram import LIMIT, MAX_DEPTH

    org = m.org
    seen = {tid}

    def node(t: str) -> Node:
        team = org.teams[t]
        lead = m.person(team.lead).text if team.lead and (
            team.lead in org.people or not is_unowned(team.lead)) else ""
        h = m.health.get(t)
        kind = "team-error" if h and h.errors else "team-warning" if h and h.warnings else "team"
        return Node(t, team.name or t, lead, kind)

    root = node(tid)
    queue, count = deque([(root, 0)]), 1
    while queue and count <= LIMIT:
        current, depth = queue.popleft()
        for child in m.children.get(current.key, []):
            if child in seen:
                continue
            seen.add(child)
            n = node(child)
            current.children.append(n)
            count += 1
            if depth < MAX_DEPTH:  # a box at the last level drawn says its sub-teams' count
                queue.append((n, depth + 1))
    if not root.children:
        return tree([])
    drawn = tree([root])
    drawn.total = max(drawn.total, 1 + m.teams_below.get(tid, 0))
    return drawn


# a name's `names` key -> (its label's key, the page's `lang` attribute for it)
_NAME_LANGS = {"en": ("name_en", "en"), "zh": ("name_zh", "zh-Hans"),
               "zh-Hant": ("name_zh_hant", "zh-Hant")}


def other_names(m: SiteModel, kind: str, ident: str) -> list[tuple[str, str, str]]:
    """(label, name, `lang` attribute) of each name of an entity but the one its page is
    headed with: the `name` written (labelled by its script: Chinese, or English), then each
    of `names` in LANGS order (`English: Jimmy Lin` on 林志豪's page), once each."""
    from orgspec.model.names import said, written_entity
    from orgspec.text.collate import has_han

    entity = m.org.table(kind)[ident]
    written = written_entity(m.org, kind, ident) or entity
    seen = {said(entity, m.view.lang) or ident}
    out: list[tuple[str, str, str]] = []
    name = getattr(written, "name", None)
    if name and name not in seen:
        seen.add(name)
        key, code = ("name_han", "zh") if has_han(name) else ("name_en", "")
        out.append((m.labels[key], name, code))
    names = getattr(written, "names", None)
    for lang, (key, code) in _NAME_LANGS.items():
        given = names.said(lang) if names is not None else None
        if given and given not in seen:
            seen.add(given)
            out.append((m.labels[key], given, code))
    return out


def _people(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    org = m.org
    rows = []
    order = m.view.name_order
    ordered = sorted(org.people, key=lambda p: person_key(org.people[p].name or p, p, order))
    reports: dict[str, list[str]] = {}  # a manager's direct reports, in the people's order
    for pid in ordered:
        manager = org.people[pid].manager
        if manager and manager != pid:
            reports.setdefault(manager, []).append(pid)
    for pid in ordered:
        person = org.people[pid]
        link = m.person(pid)
        rows.append([link, person.title or "", [m.team(t) for t in m.member_of.get(pid, [])]])
        held = m.by_name("Role", org.people_positions.get(pid, []))
        node = f"person:{pid}"
        # the same view `orgspec show person` prints, but the meetings of the teams above,
        # which `above` counts by team (listed, they made a page as long as the tree is deep)
        seen = m.involvement(node, above=False)
        own, team_held = split_team_held(org, pid, _duties_in_order(m, seen.duties))
        duties = [(m.duty(d.duty), d.role, *_through(m, pid, d.via)) for d in own]
        meetings = [(m.meeting(a.meeting), a.chairs, *_through(m, pid, a.via))
                    for a in _meetings_in_order(m, seen.meetings)]
        above = m.above(org.person_teams.get(pid, []), (a.meeting for a in seen.meetings))
        steps, team_steps = _person_steps(m, pid, held)
        tracked, team_tracked = _person_steps(m, pid, held, True)
        acc = accountable_load(org, pid)
        boss, manager_written = _written_person(m, f"person:{pid}", "manager", person.manager)
        yield m.url("Person", pid), render(
            "person", 1, id=pid, person=person, name=person.name or pid,
            other_names=other_names(m, "Person", pid),
            manager=boss, manager_written=manager_written,
            manager_unknown=bool(person.manager) and person.manager not in org.people and
            not manager_written,
            reports=[m.person(p) for p in reports.get(pid, [])],
            positions=[m.position(r) for r in held], meetings=meetings,
            led=[m.team(t) for t in m.led.get(pid, [])],
            member_of=[m.team(t) for t in m.member_of.get(pid, [])], duties=duties,
            team_duties=_team_held(m, team_held),
            # distinct duties: one held two ways (directly and as a position) is two rows
            duty_count=len({d.duty for d in own}),
            team_duty_count=len({d.duty for d in team_held}),
            above=above, more_above=more_above(m, above),
            meeting_count=len(meetings) + sum(n for _, n, _ in above.groups),
            accountable=say(accountable_said(acc.own, acc.led), m.view.lang) if acc.total
            else "",
            objectives=[m.objective(o) for o in m.objectives_of(pid)],
            steps=steps, team_steps=team_steps, tracked=tracked, team_tracked=team_tracked,
            findings=m.findings_of.get(f"person:{pid}", []), src=m.source("Person", pid))
    lab = m.labels
    # a card a person on a phone: a name, a title (總經理 CEO) and teams do not fit 390 px
    yield "people/index.html", render("list", 1, heading=lab["people"], total=len(rows),
                                      pages=[], rows=rows, stack=True,
                                      columns=[lab["people"], lab["title_field"], lab["teams"]])


def _team_held(m: SiteModel, held: list[Duty]) -> list[tuple[Link, str, int, list[tuple[
        str, int]]]]:
    """A person's duties held by a team they only belong to, counted by team, not listed
    (the team's page lists them; listed on each member's page they were 60 % of a 5,000-team
    site): (team, its page's section listing them, distinct duties, [(role, distinct
    duties)] in RACI order), the teams in the order the duties first name them."""
    by_team: dict[str, dict[str, set[str]]] = {}
    for d in held:
        by_team.setdefault(d.via.partition(":")[2], {}).setdefault(d.role, set()).add(d.duty)
    out = []
    for tid, roles in by_team.items():
        anchor = "charter" if "accountable" in roles or "responsible" in roles else "consulted"
        out.append((m.team(tid), anchor, len(set().union(*roles.values())),
                    [(r, len(roles[r])) for r in ROLES if r in roles]))
    return out


def more_above(m: SiteModel, above: Above) -> str:
    """What a page says of the teams further above than it lists (`Above.more`)."""
    if not above.more or above.last is None:
        return ""
    return say(P("… and the meetings of {n} more team above: see {team}",
                 "… and the meetings of {n} more teams above: see {team}",
                 n=above.more, team=above.last.text), m.view.lang)


def _duties_in_order(m: SiteModel, duties: list[Duty]) -> list[Duty]:
    """A person's duties (`raci_of`) in RACI order (A, R, C, I), each role's by duty title
    in the reader's order; one duty held several ways: directly, then through positions,
    then through teams (`raci_of`'s), each by name."""
    rank = {role: i for i, role in enumerate(ROLES)}
    return sorted(duties, key=lambda d: (rank.get(d.role, len(rank)),
                                         m.name_key("Responsibility", d.duty),
                                         d.via.partition(":")[0],
                                         m.node_name_key(d.via)))


def _meetings_in_order(m: SiteModel, meetings: list[Attendance]) -> list[Attendance]:
    """Meetings (`attendance_of`, in id order) by name in the reader's order."""
    return sorted(meetings, key=lambda a: m.name_key("Meeting", a.meeting))


def _duties(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    org = m.org
    lab = m.labels
    raci = {r.duty: r for r in m.view.raci}
    keyed = []
    for rid in sorted(org.responsibilities):
        resp = org.responsibilities[rid]
        row = raci.get(rid)
        acc = [a for a in m.shown_holders(rid, "accountable") if not is_placeholder(a)]
        ask, via = m.who_to_ask(rid)
        gap, overlap = bool(row and row.gap) or not acc, bool(row and row.overlap)
        yield m.url("Responsibility", rid), render(
            "duty", 1, id=rid, duty=resp, name=duty_title(resp, rid),
            gap=gap, overlap=overlap,
            ask=ask, via=m.team(via) if via else None, via_lead=m.unknown_lead(rid),
            vacant=bool(acc) and all(a in org.positions and a not in org.teams
                                     and a not in org.people for a in acc),
            raci=[(role, [o for o in (m.owner(r) for r in m.shown_holders(rid, role)) if o])
                  for role in ROLES],
            served=[m.process(p) for p in m.serving.get(rid, [])],
            findings=m.findings_of.get(f"responsibility:{rid}", []),
            src=m.source("Responsibility", rid))
        # the problems first (no one accountable, then several), each group by name as the
        # reader orders names (strokes under zh-Hant, pinyin under zh), as the other lists
        problem = 0 if not acc else 1 if len(acc) > 1 else 2
        marks = ([Mark("bad", lab["gap"])] if gap else []) + (
            [Mark("warn", lab["overlap"])] if overlap else [])
        link = m.duty(rid)
        keyed.append(((problem, name_key(link.text, rid, m.view.name_order)),
                      [[link, *marks], [o for o in (m.owner(a) for a in acc) if o],
                       [ask] if ask else "—"]))
    keyed.sort(key=lambda kv: kv[0])
    rows = [row for _, row in keyed]
    total_pages = max(1, (len(rows) + PAGE_ROWS - 1) // PAGE_ROWS)
    for n in range(total_pages):
        name = "index.html" if n == 0 else f"_page-{n + 1}.html"
        pager = [{"n": i + 1, "current": i == n,
                  "href": "index.html" if i == 0 else f"_page-{i + 1}.html"}
                 for i in range(total_pages)]
        yield f"duties/{name}", render(
            "list", 1, heading=lab["duties"], total=len(rows), pages=pager,
            rows=rows[n * PAGE_ROWS:(n + 1) * PAGE_ROWS],
            columns=[lab["duty"], lab["accountable"], lab["ask"]])


def _okrs(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    org = m.org
    progress: dict[str, int | None] = {}
    vague: dict[str, int] = {}
    for oid in sorted(org.objectives):
        obj = org.objectives[oid]
        krs = m.krs(obj)
        # a key result past its target counts as done, not more: it does not make up for
        # another that lags (its own row shows its real progress)
        done = [min(k.progress, 100) for k in krs if k.progress is not None]
        progress[oid] = round(sum(done) / len(done)) if done else None
        # a key result not judged (its period or due is invalid) is not counted as unmeasurable
        vague[oid] = sum(not k.measurable and not k.unjudged for k in krs)
        chain = [m.objective(o) for o in m.okr_chain(oid)]
        yield m.url("Objective", oid), render(
            "objective", 1, id=oid, obj=obj, owner=m.owner(obj.owner), period=_period(obj),
            chain=chain, krs=krs, children=[m.objective(c) for c in m.okr_children.get(oid, [])],
            findings=m.findings_of.get(f"objective:{oid}", []), src=m.source("Objective", oid))
    by_period: dict[str, list[str]] = {}
    for oid in m.by_name("Objective", org.objectives):  # each period's by title
        by_period.setdefault(_period(org.objectives[oid]), []).append(oid)
    keys = sorted(by_period, reverse=True)
    lab = m.labels

    def nav(current: str) -> list[dict[str, Any]]:
        return [{"label": k or lab["no_period"], "count": len(by_period[k]),
                 "current": k == current, "href": f"_period-{k or 'none'}.html"} for k in keys]

    if len(keys) == 1:  # the index is the period's list; its page, a copy, leads there
        sole = keys[0]
        yield "okrs/index.html", render("okrs", 1, heading=lab["okrs"], periods=[], rows=[],
                                        sections=[{"label": sole or lab["no_period"],
                                                   "href": "", "rows": _okr_rows(
                                                       m, by_period[sole], progress, vague)}])
        yield f"okrs/_period-{sole or 'none'}.html", render("alias", 1, target="index.html",
                                                            name=lab["okrs"])
        return
    sections = [{"label": k or lab["no_period"], "href": f"_period-{k or 'none'}.html",
                 "rows": _okr_rows(m, by_period[k], progress, vague)} for k in keys]
    yield "okrs/index.html", render("okrs", 1, heading=lab["okrs"], periods=nav("\0"), rows=[],
                                    sections=sections)
    for k in keys:
        rows = _okr_rows(m, by_period[k], progress, vague)
        yield f"okrs/_period-{k or 'none'}.html", render(
            "okrs", 1, heading=f"{lab['okrs']} · {k or lab['no_period']}", periods=nav(k),
            rows=rows, sections=[])


def _period(obj: Any) -> str:
    if obj.period:
        return str(obj.period)
    if obj.start and obj.end:
        return f"{obj.start.isoformat()}..{obj.end.isoformat()}"
    return ""


def _okr_rows(m: SiteModel, ids: list[str], progress: dict[str, int | None],
              vague: dict[str, int]) -> list[tuple[int, Link, int | None, int, Link | None, int]]:
    """Objectives of one period as a tree: each under the one it aligns to, if in the set;
    (depth, objective, progress, not measurable, owner, key results)."""
    inside = set(ids)
    out = []
    roots = [o for o in ids if m.org.objectives[o].aligns_to not in inside
             or m.org.objectives[o].aligns_to == o]
    seen: set[str] = set()
    stack = [(0, o) for o in reversed(roots)]
    while stack:
        depth, oid = stack.pop()
        if oid in seen:
            continue
        seen.add(oid)
        out.append(_okr_row(m, depth, oid, progress, vague))
        stack.extend((depth + 1, c) for c in reversed(m.okr_children.get(oid, []))
                     if c in inside)
    for oid in ids:  # objectives on an alignment cycle
        if oid not in seen:
            out.append(_okr_row(m, 0, oid, progress, vague))
    return out


def _okr_row(m: SiteModel, depth: int, oid: str, progress: dict[str, int | None],
             vague: dict[str, int]) -> tuple[int, Link, int | None, int, Link | None, int]:
    obj = m.org.objectives[oid]
    return (depth, m.objective(oid), progress[oid], vague[oid], m.owner(obj.owner),
            len(obj.key_results))


def _processes(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    org = m.org
    rows = []
    spots = unreachable_spots(m.result.findings)
    for pid in m.by_name("Process", org.processes):  # the index by name
        proc = org.processes[pid]
        names = {s.id: s.name or s.id for s in proc.steps}
        steps, flows, handoffs = [], [], []
        owners = {s.id: s.owner for s in proc.steps}
        lost = unreachable_steps(org, pid, m.result.findings, spots)
        below = cut_off(proc.steps)[1]
        for s in proc.steps:
            owned = bool(s.owner) and not is_placeholder(s.owner or "")
            known = owned and org.holder(s.owner) is not None
            owner = m.owner(s.owner) if owned else None
            steps.append({"id": s.id, "name": s.name or s.id, "description": s.description,
                          "owner": owner, "tracker": m.owner(s.tracker), "sla": s.sla or "",
                          "next": [(n, names.get(n, n), n in names) for n in s.next],
                          "gap": not known, "unknown_owner": owned and not known})
            who = owner.text if known and owner else \
                f"{s.owner} ({m.labels['unknown_owner']})" if owned else \
                " ".join(filter(None, (m.labels["no_owner"], s.owner)))
            flows.append(FlowStep(s.id, s.name or s.id, who, list(s.next),
                                  step_kind(known, s.id in lost), below.get(s.id, "")))
            for n in s.next:
                b = owners.get(n)
                if m.hands_off(s.owner, b):
                    handoffs.append((m.owner(s.owner), m.owner(b), s.id, n, names[s.id],
                                     names[n]))
        link = m.process(pid)
        rows.append([link, [m.owner(proc.owner)] if proc.owner else "—",
                     [m.duty(proc.responsibility)] if proc.responsibility else "—",
                     str(len(proc.steps))])
        yield m.url("Process", pid), render(
            "process", 1, id=pid, proc=proc, name=proc.name or pid, owner=m.owner(proc.owner),
            serves=m.duty(proc.responsibility) if proc.responsibility else None,
            flow=flow(flows, unknown=m.labels["unknown_step"]), steps=steps, handoffs=handoffs,
            findings=m.findings_of.get(f"process:{pid}", []), src=m.source("Process", pid))
    lab = m.labels
    yield "processes/index.html", render(
        "list", 1, heading=lab["processes"], total=len(rows), pages=[], rows=rows,
        columns=[lab["processes"], lab["owner"], lab["serves"], lab["steps"]])


def _person_steps(m: SiteModel, pid: str, held: list[str], tracked: bool = False
                  ) -> tuple[list[tuple[Link, str, str, str, Link | None]],
                             list[tuple[Link, int]]]:
    """(process, step id, step name, how, through what) for the steps a person owns (or
    tracks): themself, then through the teams they lead, then the positions they hold;
    how and through what as `_through` says, as the duties list them. Then (team, how
    many steps) for each team they only belong to: counted, not listed, as its duties
    (`_team_held`); its page links its processes."""
    org = m.org
    teams = org.person_teams.get(pid, [])
    led = [t for t in teams if org.teams[t].lead == pid]
    vias = [pid, *(f"team:{t}" for t in led), *(f"role:{r}" for r in held)]
    listed = [(m.process(p), s, n, *_through(m, pid, via))
              for via in vias for p, s, n in m.steps_of(via.partition(":")[2] or via, tracked)]
    counted = [(m.team(t), len(m.steps_of(t, tracked))) for t in teams
               if t not in led and m.steps_of(t, tracked)]
    return listed, counted


def _through(m: SiteModel, pid: str, via: str) -> tuple[str, Link | None]:
    """How a person holds a duty or meets: ("", None) directly, ("lead" | "member", team)
    through a team they lead or belong to, ("role", position) through a position."""
    kind, _, ident = via.partition(":")
    if kind == "team":
        lead = m.org.teams[ident].lead == pid
        return ("lead" if lead else "member"), m.team(ident)
    if kind == "role":
        return "role", m.position(ident)
    return "", None


class _Position:
    """One row of a position list: the position, its team, holders and open seats."""

    def __init__(self, link: Link, team: Link | None, holders: list[Link], planned: int,
                 open_seats: int, kpis: str) -> None:
        self.link, self.team, self.holders = link, team, holders
        self.planned, self.open, self.kpis = planned, open_seats, kpis


def _position_row(m: SiteModel, rid: str) -> _Position:
    from orgspec.model.positions import seats

    pos = m.org.positions[rid]
    s = seats(m.org, rid)
    kpis = m.kpis(rid)
    good = sum(k.measurable for k in kpis)
    return _Position(m.position(rid), m.team(pos.team) if pos.team else None,
                     [m.person(p) for p in holders_in_order(m, rid)],
                     s.planned, s.open, f"{good}/{len(kpis)}" if kpis else "—")


def holders_in_order(m: SiteModel, rid: str) -> list[str]:
    """The holders of position `rid` in the reader's order of names (stroke order in
    zh-Hant, pinyin otherwise: `view.name_order`), as the members tables list people."""
    org = m.org
    return sorted(org.position_holders.get(rid, []),
                  key=lambda p: person_key(getattr(org.people.get(p), "name", None) or p, p,
                                           m.view.name_order))


def cadence_text(m: SiteModel, text: str | None, zone: str | None = None) -> str:
    """The cadence in the page's words (`每周 · 周一 · 10:00`, `08:00 PT · 北京时间 23:00` with
    the meeting's `timezone` `zone` and the org's), or as written when orgspec does not
    understand it: `schedule.describe`, the wording of every report and command."""
    from orgspec.model.schedule import describe, monday_of

    return describe(text, m.view.lang, zone, m.view.timezone, monday_of(m.view.today))


class _MeetingRow:
    def __init__(self, link: Link, cadence: str, owner: Link | None,
                 above: Link | None = None) -> None:
        self.link, self.cadence, self.owner, self.above = link, cadence, owner, above


def _meeting_row(m: SiteModel, mid: str, above: str = "") -> _MeetingRow:
    """A meeting's row; `above` the team above the page's team it is attended through."""
    meeting = m.org.meetings[mid]
    return _MeetingRow(m.meeting(mid), cadence_text(m, meeting.cadence, meeting.timezone),
                       m.owner(meeting.owner), m.team(above) if above else None)


def _positions(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    org = m.org
    lab = m.labels
    rows = []
    order = m.view.name_order
    for rid in sorted(org.positions,
                      key=lambda r: name_key(org.positions[r].name or r, r, order)):
        pos = org.positions[rid]
        row = _position_row(m, rid)
        holders: list[Link] = [*row.holders, *[Link(lab["vacant"])] * row.open]
        rows.append([row.link, [row.team] if row.team else "—", holders or "—",
                     f"{row.planned - row.open}/{row.planned}", row.kpis])
        team = pos.team if pos.team in org.teams else None
        ask, ask_note = _position_ask(m, team, row.holders)
        duties = []
        for rid_, letters in m.position_duties(rid):
            acc = [o for o in (m.owner(a) for a in m.shown_holders(rid_, "accountable")
                               if not is_placeholder(a)) if o]
            duties.append((m.duty(rid_), letters, acc))
        yield m.url("Role", rid), render(
            "position", 1, id=rid, pos=pos, name=pos.name or rid, row=row,
            crumbs=[*m.crumbs(team), m.team(team)] if team else [],
            ask=ask, ask_note=ask_note, duties=duties, kpis=m.kpis(rid),
            meetings=[(m.meeting(a.meeting), a.chairs) for a in _meetings_in_order(
                m, m.involvement(f"role:{rid}").meetings)],
            findings=m.findings_of.get(f"role:{rid}", []), src=m.source("Role", rid))
    yield "positions/index.html", render(
        "list", 1, heading=lab["positions"], total=len(rows), pages=[], rows=rows,
        columns=[lab["position"], lab["team"], lab["holders"], lab["seats_filled"],
                 lab["kpis"]])


def _position_ask(m: SiteModel, team: str | None, holders: list[Link]
                  ) -> tuple[Link | None, str]:
    """Whom a newcomer asks about a position, and why them: the lead of its team, walking
    up the tree while a team has no lead (said so; a vacant position's own lead is said as
    such); else (no team, or no lead above) its first holder; else nobody. A fellow
    holder knows the seat; the lead answers for it."""
    lab = m.labels
    if team is not None:
        for tid in m.up(team):
            lead = m.org.teams[tid].lead
            if lead in m.org.people:
                said = lab["ask_pos_above" if tid != team else "ask_pos_lead" if holders
                           else "ask_vacant"]
                return m.person(lead), said.format(team=m.team(tid).text)
    if holders:
        return holders[0], lab["ask_pos_holder"]
    return None, ""


def _meetings(m: SiteModel, render: Render) -> Iterator[tuple[str, str]]:
    from orgspec.model.schedule import schedule_of

    org = m.org
    lab = m.labels
    rows = []
    for mid in sorted(org.meetings,
                      key=lambda i: name_key(org.meetings[i].name or i, i, m.view.name_order)):
        meeting = org.meetings[mid]
        owner = m.owner(meeting.owner) if meeting.owner and not is_placeholder(
            meeting.owner) else None
        attendees = []
        for ref in refs_by_name(org, meeting.attendees, m.order):
            node = org.holder(ref)
            kind = node.partition(":")[0] if node else ""
            attendees.append((m.node(node) if node else Link(ref),
                              lab["kind_" + ("position" if kind == "role" else kind)]
                              if kind else lab["unknown_ref"]))
        said = cadence_text(m, meeting.cadence, meeting.timezone)
        rows.append([m.meeting(mid), said or "—",
                     [owner] if owner else "—", [a for a, _ in attendees] or "—"])
        sched = schedule_of(meeting.cadence)
        yield m.url("Meeting", mid), render(
            "meeting", 1, id=mid, meeting=meeting, name=meeting.name or mid, owner=owner,
            cadence=said, understood=sched.cadence is not None,
            attendees=attendees, findings=m.findings_of.get(f"meeting:{mid}", []),
            src=m.source("Meeting", mid))
    yield "meetings/index.html", render(
        "list", 1, heading=lab["meetings"], total=len(rows), pages=[], rows=rows,
        more=Link(lab["calendar"], "calendar.html"),
        columns=[lab["meeting"], lab["cadence"], lab["chair"], lab["attendees"]])


def _calendar(m: SiteModel, render: Render) -> str:
    """The week at a glance: meetings placed by weekday and time from their cadence; the
    rest listed (weekly with no day, less often than weekly, held when something happens
    (`EVENT_DRIVEN`: after each live stream, ad hoc), and not understood). Those less
    often than every two weeks are listed most frequent first (monthly ... yearly), each
    cadence's meetings by name. With the org's zone (the config's `timezone`), a meeting said
    in another zone is placed at its time there in the week of the run's date (a meeting
    that crosses midnight on the way goes to the day it falls on), its own time beside it."""
    from orgspec.model.schedule import (
        EVENT_DRIVEN,
        LONG,
        SAY_PART,
        monday_of,
        own_zone,
        place,
        say_zone,
        schedule_of,
        weekdays_of,
        zone_label,
    )

    org = m.org
    lab = m.labels
    week = monday_of(m.view.today)
    moved = False
    grid: dict[str, list[list[tuple[Link, str]]]] = {}
    unplaced: dict[str, list[tuple[Link, str]]] = {"nodays": [], "rarely": [], "event": [],
                                                   "other": []}
    rarely_rank: list[int] = []  # of each `rarely` entry: its cadence's place in LONG
    for mid in sorted(org.meetings,
                      key=lambda i: name_key(org.meetings[i].name or i, i, m.view.name_order)):
        meeting = org.meetings[mid]
        sched = schedule_of(meeting.cadence)
        link = m.meeting(mid)
        if sched.cadence is None:
            unplaced["other"].append((link, meeting.cadence or lab["no_cadence"]))
            continue
        if sched.cadence in EVENT_DRIVEN:  # held when something happens: no day to place
            unplaced["event"].append((link, cadence_text(m, meeting.cadence, meeting.timezone)))
            continue
        days = weekdays_of(sched)
        if sched.cadence not in ("daily", "weekly", "biweekly"):
            unplaced["rarely"].append((link, cadence_text(m, meeting.cadence, meeting.timezone)))
            rarely_rank.append(LONG.index(sched.cadence) if sched.cadence in LONG else len(LONG))
            continue
        if not days:
            unplaced["nodays"].append((link, cadence_text(m, meeting.cadence, meeting.timezone)))
            continue
        zone = own_zone(sched, meeting.timezone)
        placed = place(sched, zone, m.view.timezone, week)
        slots = placed.slots if placed is not None else \
            tuple((d, sched.time, sched.end) for d in days)
        own = ""  # the meeting's own time and zone, when it was moved or not moved
        if placed is not None:
            moved = True
            own = f"{sched.time} {zone_label(meeting.cadence, sched, zone, m.view.lang)}"
        elif (zone or sched.zone) and zone != m.view.timezone:  # not moved: no org zone, CST
            own = zone_label(meeting.cadence, sched, zone, m.view.lang)
        every = lab["cad_biweekly"] if sched.cadence == "biweekly" else ""
        for d, time, end in slots:
            until = say(MC("label", "until {end}", end=end), m.view.lang) if end else ""
            row = grid.setdefault(time or sched.part, [[] for _ in range(7)])
            row[d].append((link, " · ".join(filter(None, (own, until, every)))))
    # a stable sort: within one cadence the meetings stay in name order
    order = sorted(range(len(rarely_rank)), key=rarely_rank.__getitem__)
    unplaced["rarely"] = [unplaced["rarely"][i] for i in order]
    times = sorted(grid, key=_row_order)
    zone_note = ""
    if m.view.timezone:
        zone_note = say(MC("label", "Times are in {zone}.", zone=say_zone(m.view.timezone,
                                                                         m.view.lang)),
                        m.view.lang)
        if moved:
            zone_note += ("" if m.view.lang.startswith("zh") else " ") + say(
                MC("label", "Meetings held in another time zone are placed for the week of "
                            "{date}; daylight saving time may move them in other weeks.",
                   date=week.isoformat()), m.view.lang)
    return render("calendar", 0, days=[lab[f"day_{d}"] for d in range(7)],
                  rows=[(t if ":" in t else say(SAY_PART[t], m.view.lang) if t else
                         lab["no_time"], grid[t]) for t in times],
                  unplaced=unplaced, zone_note=zone_note)


# A part of the day said without a clock time (每周五下午) has its own row, after the clock
# times of that part (上午 after 11:30, before 12:00): where a reader looks for the meeting,
# without inventing a time for it. The row with no time at all comes last.
_PART_ENDS = {"morning": "12:00", "noon": "13:00", "afternoon": "18:00", "evening": "24:00"}


def _row_order(row: str) -> tuple[str, int]:
    """The calendar's rows: clock times (`HH:MM`) and parts of the day (`afternoon`) in the
    order of the day, then the row with neither ("")."""
    if ":" in row:
        return row, 1
    return _PART_ENDS.get(row, "99:99"), 0
