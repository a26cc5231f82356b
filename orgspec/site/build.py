"""Build the handbook site: view model -> pages and search index -> one folder, atomically.

    stats = build_site(result, org, "public", SiteOptions(lang="zh"))

Nothing here reads org files (the loader did) or writes files except through
`orgspec.output.write_tree`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from orgspec._version import __version__
from orgspec.findings import LintResult
from orgspec.i18n import M, message_of, reason, say_change
from orgspec.model.names import duty_title
from orgspec.model.org import Org
from orgspec.report.templating import counter
from orgspec.site.labels import COUNTS, LABELS
from orgspec.site.model import SiteModel
from orgspec.site.search import Doc, build_index, held_on, searchable, visible

if TYPE_CHECKING:
    import datetime as dt

ASSETS = ("site.css", "site.js", "search.js")
# No inline script or style anywhere but the 404 page's one script, allowed by its hash: the
# site's own files only. Chromium allows them by 'self' from file:// too (tested in
# tests/test_site_browser.py, both ways). No image source: the site shows none (diagrams are
# inline SVG), so images fall to default-src 'none' and an injected one never loads
# (tests/test_site_csp_browser.py).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; "
       "base-uri 'none'; form-action 'self'")


class SiteError(Exception):
    """The site cannot be built (a bad template or an output folder it must not replace)."""


@dataclass
class SiteOptions:
    """How to build: label language (None: from the content), person pages or not, the
    repository for view/edit links (GitHub or GitLab style) and the org changes to list."""

    lang: str | None = None
    people: bool = True
    repo_url: str = ""
    repo_branch: str = "main"
    repo_kind: str = ""  # the link style, github, gitlab or gitea; "": from the URL
    title: str = ""
    changes: list[str] = field(default_factory=list)
    since: str = ""
    git_dates: bool = True  # last-updated dates and the feed date from git
    # the org's folder (`engine.lint.org_root` of the paths built): pages name their source
    # files relative to it; "": the folder holding all the org's files
    root: str = ""
    # what the rules found: counts, team health, each page's findings; False: a handbook
    # for staff, without them (`changes` then holds no finding introduced or fixed:
    # `run.site_changes`)
    findings: bool = True


@dataclass
class SiteStats:
    """What a build wrote: files, HTML pages among them, and their bytes."""

    files: int
    pages: int
    bytes: int


def build_site(result: LintResult, org: Org, out_dir: str, options: SiteOptions) -> SiteStats:
    """Render every page and the search index of `org` into `out_dir` (replaced whole)."""
    from orgspec.output import OutputError, write_tree

    stats = SiteStats(0, 0, 0)

    def counted() -> Iterator[tuple[str, bytes]]:
        for path, text in site_files(result, org, options):
            data = text.encode("utf-8")
            stats.pages += path.endswith(".html")
            stats.bytes += len(data)
            yield path, data

    try:
        stats.files = write_tree(out_dir, counted())
    except OutputError as exc:
        raise SiteError(message_of(exc)) from None
    except OSError as exc:  # a folder that cannot be made (-o /proc/x), a full disk
        raise SiteError(M("cannot write {path!r}: {why}", path=out_dir,
                          why=reason(exc))) from None
    return stats


def site_files(result: LintResult, org: Org, options: SiteOptions) -> Iterator[
        tuple[str, str]]:
    """(path, text) of every file of the site, in a stable order."""
    import jinja2
    from markupsafe import Markup

    from orgspec.gcpause import gc_paused
    from orgspec.report.view import build_view
    from orgspec.site.gitinfo import last_updated, toplevel
    from orgspec.site.pages import ROLE_LETTERS, pages

    if not options.findings:
        result = replace(result, findings=[], left_out=[], baselined=[])
    from orgspec.model.names import localized
    from orgspec.report.labels import guess_lang

    # every page, link, sort and search title names an entity as a reader of the site's
    # language is shown it (`names`); the search also finds it by its other names
    lang = options.lang or result.lang or guess_lang(org)  # of the org as written
    feed = feed_id(org, options)  # of the names as written: one id in every language
    org = localized(org, lang)
    view = build_view(result, org, lang, known=True)  # the baseline's listed as known
    labels = LABELS[view.lang]
    # git facts come from the org's own repository, never the working directory's: a site
    # of an org outside it would carry that repository's HEAD date and change with it
    home = _org_folder(org)
    model = SiteModel(org, result, view, people_pages=options.people,
                      repo_url=options.repo_url, repo_branch=options.repo_branch,
                      repo_kind=options.repo_kind,
                      repo_root=toplevel(home) if options.repo_url else "",
                      root=options.root or _files_folder(org),
                      updated=last_updated(sorted(org.files)) if options.git_dates else {},
                      labels=labels, lint=options.findings)
    env = _site_environment()
    env.filters["counted"] = counter(COUNTS)
    # people that exist: an unknown id in `members` is RF001's, never a head
    sizes = {t: sum(p in org.people for p in dict.fromkeys(team.members))
             for t, team in org.teams.items()}
    totals = _people_below(org, model.children)
    title = options.title or labels["site"]
    env.globals.update(
        L=labels, lang=view.lang, roles=ROLE_LETTERS, url=model.url, team=model.team,
        health=model.health, sizes=sizes, totals=totals, edit_at=_edit_at(model), href=_href,
        version=__version__, site_title=title, people_pages=options.people,
        has_positions=bool(org.positions), has_meetings=bool(org.meetings),
        lint=options.findings,
        csp=Markup(CSP))  # noqa: S704 - a constant of this module
    cache: dict[str, Any] = {}
    chrome_tmpl = env.get_template("site/_chrome.html.j2")
    chromes, linkers = [], []
    for depth in range(2):
        module = chrome_tmpl.make_module({"r": "../" * depth})
        chromes.append({"head": module.head(), "top": module.top()})
        linkers.append(_linker("../" * depth))

    def render(template: str, depth: int, /, **context: Any) -> str:
        if template not in cache:
            cache[template] = env.get_template(f"site/{template}.html.j2")
        return str(cache[template].render(r="../" * depth, chrome=chromes[depth],
                                          A=linkers[depth], **context))

    changes = [(say_change(c, view.lang), change_link(model, c)) for c in options.changes]
    try:
        with gc_paused():
            yield from pages(model, render, changes, options.since)
            yield "changes/feed.xml", _feed(title, options, changes, view.lang, home,
                                            feed)
            yield from build_index(search_docs(model), model.order)
    except jinja2.TemplateError as exc:
        raise SiteError(f"template {getattr(exc, 'name', '') or ''}: {exc}") from None
    for asset in ASSETS:
        source = env.loader.get_source(env, f"site/{asset}")[0]
        yield f"assets/{asset}", site_js(source, labels) if asset == "site.js" else source
    yield ".nojekyll", ""  # GitHub Pages: serve files whose names start with `_`


def site_js(source: str, labels: Mapping[str, str]) -> str:
    """site.js with the search box's labels in the site's language: the box is made by the
    script (every page but for it would carry the same form), so its words are written
    into the script, once, as JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped."""
    import json

    words = json.dumps({"placeholder": str(labels["search_ph"]), "label": str(labels["search"]),
                        "button": str(labels["search_go"])}, ensure_ascii=False,
                       sort_keys=True)
    for char in "<>&\u2028\u2029":
        words = words.replace(char, f"\\u{ord(char):04x}")
    return source.replace("__SEARCH_BOX__", words)


def _people_below(org: Org, children: Mapping[str, list[str]]) -> dict[str, int]:
    """Team id -> how many distinct people (members and leads, of ids that are people) the
    team and every team below it hold. Linear in teams and memberships: each team is read
    once, bottom-up (its people plus its sub-teams' counts), and only a person in two or
    more teams is walked up from each of them, each team above once (a chain of 2,000
    teams walked every team's whole subtree: quadratic). A parent cycle stands as one team
    (its least id) with the cycle's other teams below it, so each team on it counts the
    cycle once and everything below it; a chain below a cycle is read once too (it was
    walked again from each of its teams). `children` (team id -> sub-team ids) is read
    once per team."""
    teams = org.teams
    up: dict[str, str | None] = {t: team.parent if team.parent in teams and team.parent != t
                                 else None for t, team in teams.items()}
    head: dict[str, str] = {}  # a team on a parent cycle -> the cycle's least id
    state: dict[str, bool] = {}  # False while on the walk being made, True once done
    for start in teams:
        path: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = False
            path.append(node)
            node = up[node]
        if node is not None and not state[node]:  # the walk closed a cycle
            cycle = path[path.index(node):]
            least = min(cycle)
            head.update(dict.fromkeys(cycle, least))
        state.update(dict.fromkeys(path, True))
    for tid, least in head.items():
        up[tid] = None if tid == least else least
    below_of: dict[str, list[str]] = {}
    for tid in teams:
        if head.get(tid, tid) != tid and up[tid] != teams[tid].parent:  # else a child
            below_of.setdefault(head[tid], []).append(tid)
        for child in children.get(tid, ()):
            if up.get(child) == tid:
                below_of.setdefault(tid, []).append(child)
    order = [t for t in teams if up[t] is None]
    for tid in order:  # breadth-first: every team after the one above it
        order.extend(below_of.get(tid, ()))
    of: dict[str, set[str]] = {}  # person -> their teams
    for tid in order:
        team = teams[tid]
        for p in (*team.members, *([team.lead] if team.lead else [])):
            if p in org.people:
                of.setdefault(p, set()).add(tid)
    own = dict.fromkeys(order, 0)  # people of one team, summed upwards
    walked = dict.fromkeys(order, 0)  # people of several, counted where their walks reach
    for mine in of.values():
        if len(mine) == 1:
            own[next(iter(mine))] += 1
            continue
        reached: set[str] = set()
        for tid in mine:
            node = tid
            while node is not None and node not in reached:
                reached.add(node)
                walked[node] += 1
                node = up[node]
    below = dict(own)
    for tid in reversed(order):
        if (parent := up[tid]) is not None:
            below[parent] += below[tid]
    out = {t: below[t] + walked[t] for t in order}
    for tid, least in head.items():
        out[tid] = out[least]
    return out


def _site_environment() -> Any:
    """The report's jinja2 environment, with every printed string passed through `visible`
    before autoescaping (Markup that orgspec built is already clean)."""
    import jinja2
    from markupsafe import Markup

    from orgspec.report.templating import environment

    env = environment()
    # Templates do not change during a build: no stat() per `get_template` (30,000 imports
    # of the macros at 500 teams).
    env.auto_reload = False
    base = env.finalize

    def finalize(eval_ctx: Any, value: Any) -> Any:
        value = base(eval_ctx, value)
        if isinstance(value, str) and not isinstance(value, Markup):
            return visible(value)
        return value

    env.finalize = jinja2.pass_eval_context(finalize)
    return env


def _linker(root: str) -> Any:
    """`A(link)`: a Link as HTML, relative to a page `root` away from the site root; a
    plain function, because a jinja2 macro call costs ten times more on 130,000 pages."""
    from markupsafe import Markup

    linked, plain, dash = Markup('<a href="%s">%s</a>'), Markup('<span class="plain">%s</span>'), \
        Markup("—")

    def a(link: Any) -> Any:
        if link is None:
            return dash
        if link.href:
            return linked % (root + link.href, visible(link.text))
        return plain % visible(link.text)

    return a


_FLAGGED = re.compile(r"'(?P<duty>[a-z0-9_-]+)'")  # the duty a gap or overlap names first


def _flagged(message: object) -> str | None:
    """The duty a gap or overlap introduced or fixed is about: its message's `duty` (the
    `M` it was said from; said with names, `职责 媒体关系 (press)`, it quotes no id), else the
    first id its words quote."""
    source = getattr(message, "source", message)
    duty = getattr(source, "values", {}).get("duty")
    if type(duty) is str:
        return duty
    if duty is not None:  # said with its name: `媒体关系 (press)`
        named = _NAMED.search(str(duty))
        return named["duty"] if named else None
    flagged = _FLAGGED.search(str(message or ""))
    return flagged["duty"] if flagged else None


_NAMED = re.compile(r"\((?P<duty>[a-z0-9][a-z0-9_-]*)\)$")  # `report.idnames.Named`'s id


def change_link(model: SiteModel, change: str) -> str:
    """The page a line of the org diff (`orgspec.ci.diff`, an `M`) is about, if it still
    exists: read from the change's values (a team, a duty, an objective, a key result), not
    its words."""
    from orgspec.model.graph import id_of

    values = getattr(change, "values", {})
    if "team" in values and (team := id_of(values["team"])) in model.org.teams:
        return model.url("Team", team)
    duty = id_of(values["duty"]) if "duty" in values else None
    if duty is None and str(values.get("kind")) in ("gap", "overlap"):
        duty = _flagged(values.get("message"))
    if duty and duty in model.org.responsibilities:
        return model.url("Responsibility", duty)
    if "objective" in values and (okr := id_of(values["objective"])) in model.org.objectives:
        return model.url("Objective", okr)
    if "old" in values and ("new" in values or "now" in values):  # renamed (or looks so)
        new = str(values["new"]) if "new" in values else id_of(values["now"])
        for kind in ("Team", "Responsibility", "Objective"):
            if new in model.org.table(kind):
                return model.url(kind, new)
    if "kr" in values:
        okr, _, kr = id_of(values["kr"]).partition("/")
        if okr in model.org.objectives:
            return f"{model.url('Objective', okr)}#kr-{kr}"
    return ""


def _href(url: str) -> str:
    from orgspec.report.render import safe_href

    return safe_href(url)


def _edit_at(model: SiteModel) -> Any:
    from orgspec.paths import repo_links

    def link(file: str, line: int) -> str:
        if not model.repo_url or not file:
            return ""
        return _href(repo_links(model.repo_url, model.repo_branch, model._in_repo(file),
                                line, model.repo_kind)[0])

    return link


def search_docs(m: SiteModel) -> list[Doc]:
    """One search document per entity page, duties first (the "who owns" question)."""
    org, lab = m.org, m.labels
    docs = []
    for rid in sorted(org.responsibilities):
        resp = org.responsibilities[rid]
        acc = [o.text for o in (m.owner(a) for a in m.shown_holders(rid, "accountable"))
               if o]
        ask, _ = m.who_to_ask(rid)
        colon = lab["colon"]  # full-width in Chinese
        sub = f"A{colon}{lab['list_sep'].join(acc) or lab['gap']}" + (
            f" — {lab['ask']}{colon}{ask.text}" if ask else "")
        title = duty_title(resp, rid)
        docs.append(Doc("duty", rid, title,
                        m.url("Responsibility", rid), sub,
                        searchable([*_names(m, "Responsibility", rid), resp.description],
                                   title)))
    for tid in sorted(org.teams):
        team = org.teams[tid]
        lead = m.person(team.lead).text if team.lead else ""
        other = _other(m, "Team", tid)
        docs.append(Doc("team", tid, team.name or tid, m.url("Team", tid),
                        f"{lab['lead']}{lab['colon']}{lead}" if lead else "",
                        searchable([*_names(m, "Team", tid, other), team.mission,
                                    team.description], team.name or tid), other=other))
    if m.people_pages:
        for pid in sorted(org.people):
            person = org.people[pid]
            teams = lab["list_sep"].join(m.team(t).text for t in m.member_of.get(pid, []))
            other = _other(m, "Person", pid)
            docs.append(Doc("person", pid, person.name or pid, m.url("Person", pid),
                            " · ".join(filter(None, (person.title, teams))),
                            searchable([*_names(m, "Person", pid, other), person.title],
                                       person.name or pid), other=other))
    for oid in sorted(org.objectives):
        obj = org.objectives[oid]
        owner = m.owner(obj.owner)
        docs.append(Doc("objective", oid, obj.title, m.url("Objective", oid),
                        " · ".join(filter(None, (owner.text if owner else "",
                                                 str(obj.period or "")))),
                        searchable([*_names(m, "Objective", oid), obj.description,
                                    *(kr.title for kr in obj.key_results)], obj.title)))
    for pid in sorted(org.processes):
        proc = org.processes[pid]
        owner = m.owner(proc.owner)
        docs.append(Doc("process", pid, proc.name or pid, m.url("Process", pid),
                        owner.text if owner else "",
                        searchable([*_names(m, "Process", pid), proc.description,
                                    *_step_names(m, pid), *proc.trackers,
                                    *proc.channels], proc.name or pid)))
    docs += _position_docs(m)
    docs += _meeting_docs(m)
    return _with_former_ids(m, docs)


def _with_former_ids(m: SiteModel, docs: list[Doc]) -> list[Doc]:
    """`docs`, each with the former ids (`aliases:`) the site redirects to its page
    (`pages.aliases`), so a search for one finds the entity it now is."""
    from orgspec.site.model import KIND_NAMES
    from orgspec.site.pages import aliases

    former: dict[tuple[str, str], list[str]] = {}
    for (kind, old), new in sorted(aliases(m).items()):
        former.setdefault((KIND_NAMES[kind], new), []).append(old)
    if not former:
        return docs
    return [replace(d, former=tuple(former[d.kind, d.ident])) if (d.kind, d.ident) in former
            else d for d in docs]


def _names(m: SiteModel, kind: str, ident: str, other: str = "") -> list[str]:
    """Every name of an entity (`names: {en: ...}` and the `name` written), by which the
    search finds it whatever language the site is in; but `other`, which the document
    holds apart (`Doc.other`)."""
    from orgspec.model.names import every_name, written_entity

    return [n for n in every_name(m.org.table(kind)[ident], written_entity(m.org, kind, ident))
            if n != other]


def _other(m: SiteModel, kind: str, ident: str) -> str:
    """The name of a person or team in the other script than its title's (`Jimmy Lin` for
    林志豪 on a Chinese site, `model.names.other_name`), "" for none: a hit shows it beside
    the title, as `orgspec show` and the report name people."""
    from orgspec.model.names import other_name, written_entity

    return other_name(m.org.table(kind)[ident], m.view.lang,
                      written_entity(m.org, kind, ident)) or ""


def _step_names(m: SiteModel, pid: str) -> list[str]:
    """Every name of every step of process `pid`."""
    from orgspec.model.names import every_name, written_entity

    written = written_entity(m.org, "Process", pid)
    before = {s.id: s for s in written.steps} if written is not None else {}
    return [n for s in m.org.processes[pid].steps for n in every_name(s, before.get(s.id))]


def _position_docs(m: SiteModel) -> list[Doc]:
    """A position: its team and holders (or "vacant") under the title; its description,
    KPIs and the names of the duties it carries are searched."""
    from orgspec.model.positions import seats
    from orgspec.site.pages import holders_in_order

    org, lab, docs = m.org, m.labels, []
    for rid in sorted(org.positions):
        pos = org.positions[rid]
        holders = [m.person(p).text for p in holders_in_order(m, rid)]
        holders += [lab["vacant"]] * seats(org, rid).open
        team = m.team(pos.team).text if pos.team else ""
        title = pos.name or rid
        docs.append(Doc("position", rid, title, m.url("Role", rid),
                        " · ".join(filter(None, (team, lab["list_sep"].join(holders)))),
                        searchable([*_names(m, "Role", rid), pos.description,
                                    *(k.title for k in pos.kpis),
                                    *(m.duty(d).text for d, _ in m.position_duties(rid))],
                                   title)))
    return docs


def _meeting_docs(m: SiteModel) -> list[Doc]:
    """A meeting: its cadence and chair under the title; purpose, channel, cadence, inputs
    and outputs are searched, and the weekdays it is held on (`held_on`: `周二` finds a
    daily meeting, as the calendar shows it on Tuesday)."""
    from orgspec.model.schedule import monday_of
    from orgspec.site.pages import cadence_text

    org, docs = m.org, []
    week = monday_of(m.view.today)
    for mid in sorted(org.meetings):
        meeting = org.meetings[mid]
        owner = m.owner(meeting.owner)
        title = meeting.name or mid
        said = cadence_text(m, meeting.cadence, meeting.timezone)
        docs.append(Doc("meeting", mid, title, m.url("Meeting", mid),
                        " · ".join(filter(None, (said, owner.text if owner else ""))),
                        searchable([*_names(m, "Meeting", mid), meeting.purpose,
                                    meeting.channel, said,
                                    *meeting.inputs, *meeting.outputs], title),
                        held_on(_held(meeting.cadence, meeting.timezone, m.view.timezone,
                                      week))))
    return docs


def _held(cadence: str | None, zone: str | None, org_zone: str, week: dt.date) -> set[int]:
    """The weekdays a meeting is held on: in its own zone, and in the org's where the
    calendar places it (a Monday 08:00 PT stand-up is on Tuesday in Beijing)."""
    from orgspec.model.schedule import own_zone, place, schedule_of, weekdays_of

    sched = schedule_of(cadence)
    days = set(weekdays_of(sched))
    placed = place(sched, own_zone(sched, zone), org_zone, week) if days else None
    return days | {d for d, _, _ in placed.slots} if placed is not None else days


def _files_folder(org: Org) -> str:
    """The folder holding every file of the org ("" for an org of no file)."""
    folders = {os.path.dirname(os.path.abspath(f)) for f in org.files}
    try:
        return os.path.commonpath(sorted(folders)) if folders else ""
    except ValueError:  # files on two drives
        return ""


def _org_folder(org: Org) -> str:
    """The folder of the org's first file (the working directory for an org of no file)."""
    first = min(org.files, default="")
    return os.path.dirname(os.path.abspath(first)) if first else os.getcwd()


def feed_id(org: Org, options: SiteOptions) -> str:
    """The changes feed's Atom id, one per org (a feed reader keeps feeds of one id as one):
    `urn:orgspec:changes:` and 16 hex digits of a SHA-256 of the site's configured
    repository URL (`repo-url`, without a trailing `/` or `.git`), else of the ids and
    names (as written, not as a language shows them) of the org's top teams (those with no
    parent among its teams); else of nothing (an org with no team)."""
    import hashlib

    url = options.repo_url.strip().rstrip("/").removesuffix(".git")
    if url:
        basis = f"url\0{url}"
    else:
        tops = sorted(tid for tid, team in org.teams.items()
                      if not team.parent or team.parent not in org.teams or team.parent == tid)
        basis = "\0".join(f"team\0{tid}\0{org.teams[tid].name or ''}" for tid in tops)
    return "urn:orgspec:changes:" + hashlib.sha256(basis.encode()).hexdigest()[:16]


def _feed(title: str, options: SiteOptions, changes: list[tuple[str, str]], lang: str,
          home: str, ident: str = "urn:orgspec:changes") -> str:
    """An Atom feed with one entry for the release range; dated by the commit at HEAD of the
    repository holding `home` (the org's folder). Hidden characters are shown as the pages
    show them (`[U+202E]`): a control character is no XML, and a feed reader drops the feed."""
    from xml.sax.saxutils import escape as xml_escape

    from orgspec.escape import visible_text
    from orgspec.site.gitinfo import head_date

    def escape(text: str) -> str:  # XML 1.0 holds no C0 control: shown as [U+001B]
        return xml_escape(visible_text(text))

    when = (head_date(home) if options.git_dates else "") or "1970-01-01T00:00:00Z"
    since = options.since or "HEAD"
    label = LABELS[lang]["changes_since"].format(ref=since)
    items = "".join(f"<li>{escape(text)}</li>" for text, _ in changes)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"<title>{escape(title)}</title>\n<id>{escape(ident)}</id>\n"
            f"<updated>{escape(when)}</updated>\n"
            '<link rel="alternate" href="index.html"/>\n'
            f"<entry><title>{escape(label)}</title><id>{escape(ident)}:{escape(since)}</id>"
            f"<updated>{escape(when)}</updated>"
            f'<content type="html">{escape("<ul>" + items + "</ul>")}</content></entry>\n'
            "</feed>\n")
