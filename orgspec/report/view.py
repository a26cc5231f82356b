"""The report view model: plain data built once per run; templates only format it.

Over 300 lines because the view's row types and the builders that fill them are read
together; labels (report.labels), the team tree (report.tree) and the diagram layout
(report.diagram) live apart.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote

from orgspec.checks.processes import cut_off
from orgspec.escape import prefixed
from orgspec.findings import Finding, LintResult, Severity
from orgspec.gcpause import gc_paused
from orgspec.i18n import M, P, rule_title, say, say_change, say_list, template_args
from orgspec.model.graph import display_name
from orgspec.model.idnames import NAME_ID, NAMED_KINDS
from orgspec.model.names import duty_title, id_names, localized, person_said
from orgspec.model.org import Org, ident_of, node_key
from orgspec.paths import in_project, repo_links
from orgspec.report.byname import by_name, refs_by_name
from orgspec.report.changes import is_finding_change
from orgspec.report.diagram import Diagram, FlowStep, Node, flow, tree
from orgspec.report.idnames import with_names
from orgspec.report.incomplete import incomplete_note
from orgspec.report.labels import LABELS, guess_lang
from orgspec.report.tree import TreeNode, flatten, on_cycles, team_tree
from orgspec.text.collate import name_key, order_for, person_key


@dataclass
class FindingRow:
    severity: str
    code: str
    message: str
    where: str
    link: str
    team: str  # the team that answers for it ("" none): the team column
    file: str = ""
    line: int = 0
    hint: str = ""
    related: list[str] = field(default_factory=list)  # `file:line:col: message` each
    # every team the finding involves (`Finding.teams`), `team` first: the team filter
    # matches each, and each team's health counts it
    teams: list[str] = field(default_factory=list)
    known: bool = False  # hidden by the baseline: the site lists it as known


@dataclass
class RuleGroup:
    code: str
    name: str  # kebab-case, the rule's id beside its code
    severity: str
    summary: str
    rows: list[FindingRow]
    title: str = ""  # the name said in the report's language (`i18n.rule_title`)


# Health score bands, shared by the report's meter (its low/high) and the site's badges:
# at or above GOOD is good (green), at or above FAIR is fair (amber), below is poor (red).
HEALTH_GOOD = 85
HEALTH_FAIR = 60


@dataclass
class TeamHealth:
    """A team's findings by severity and its score (100 less 10 an error, 3 a warning, 1 an
    info; at least 0): its own, the findings that involve it (`Finding.teams`); and, for a
    team with teams below it (`below` of them), those of its subtree, `sub_*`: the findings
    that involve it or any team below it, each once."""

    team: str
    name: str
    errors: int
    warnings: int
    infos: int
    below: int = 0
    sub_errors: int = 0
    sub_warnings: int = 0
    sub_infos: int = 0

    @property
    def score(self) -> int:
        return _score(self.errors, self.warnings, self.infos)

    @property
    def subtree_score(self) -> int:
        """The score of the team with every team below it (its own when none is)."""
        return _score(self.sub_errors, self.sub_warnings, self.sub_infos)

    @property
    def band(self) -> str:
        """`ok`, `warn` or `bad`: the score's band (HEALTH_GOOD, HEALTH_FAIR)."""
        score = self.score
        return "ok" if score >= HEALTH_GOOD else "warn" if score >= HEALTH_FAIR else "bad"


@dataclass
class RaciRow:
    duty: str
    description: str
    cells: dict[str, str]
    overlap: bool
    gap: bool
    name: str = ""  # the duty's title as the site says it (`model.names.duty_title`)
    names: dict[str, str] = field(default_factory=dict, repr=False)  # holder node -> label
    order: str = "pinyin"  # the reader's order of names (text.collate.ORDERS)

    def holders(self, letter: str) -> list[str]:
        """The names of the teams, positions and people that hold role `letter` (A, R, C or
        I) on this duty, by name in `order` (a person's read as a name), the node breaking
        a tie."""
        def key(node: str) -> tuple[object, ...]:
            said = self.names.get(node, node)
            return (person_key if node.startswith("person:") else name_key)(said, node,
                                                                          self.order)
        return [self.names.get(t, t) for t in sorted(
            (t for t, letters in self.cells.items() if letter in letters), key=key)]


@dataclass
class KrRow:
    id: str
    title: str
    measurable: bool
    missing: str
    unjudged: str = ""  # the invalid field (`period`, `due`) the verdict would rest on
    # the values as the site and export read them (fields, else the sentence), with the key
    # result's unit (`15 分鐘`); "" for none
    baseline: str = ""
    current: str = ""
    target: str = ""
    progress: int | None = None  # percent from baseline to target; over 100 past the target
    # the findings located on the key result (OK008 at its title ...), worst first:
    # (severity label, code); `mark` reads them
    findings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def mark(self) -> str:
        """`ok`, `unknown` (its verdict rests on an invalid field), `warn` (a warning or an
        info finding on it) or `bad` (not measurable, or an error finding on it)."""
        worst = self.findings[0][0] if self.findings else ""
        if worst == "error" or not (self.measurable or self.unjudged):
            return "bad"
        if self.unjudged and not self.measurable:
            return "unknown"
        return "warn" if worst else "ok"

    @property
    def codes(self) -> list[str]:
        """The codes of the findings on it, each once, worst first."""
        return list(dict.fromkeys(code for _, code in self.findings))

    @property
    def exceeded(self) -> bool:
        return self.progress is not None and self.progress > 100


@dataclass
class ObjectiveRow:
    id: str
    title: str
    owner: str
    aligns_to: str
    krs: list[KrRow]


@dataclass
class PositionRow:
    id: str
    name: str
    team: str
    holders: str
    open_seats: int
    kpis: int
    measurable_kpis: int

    @property
    def kpis_said(self) -> str:
        """The KPI column: measurable of all (`2/3`), `—` for a position with no KPIs
        (nothing to measure; `0/0` read as none of them measurable), as the site says it."""
        return f"{self.measurable_kpis}/{self.kpis}" if self.kpis else "—"


@dataclass
class MeetingRow:
    id: str
    name: str
    cadence: str  # canonical (`daily` ...), for the order; as written when not understood
    owner: str
    attendees: str
    schedule: str = ""  # in the report's words: `每个工作日（周一至周五） · 09:00`


@dataclass
class LoadRow:
    person: str
    name: str
    accountable: int  # distinct duties: themself or through a position they hold
    teams_led: int
    positions: int
    meetings: int = 0  # chaired: owned by them or by a position they hold
    accountable_led: int = 0  # distinct duties only through a team they lead


@dataclass
class ProcessView:
    """A process; its Mermaid text and its laid-out diagram are made when a report asks."""

    id: str
    name: str
    steps: list[FlowStep]
    org: Org = field(repr=False)
    too_large: str = ""  # why `mermaid` is empty: the size past Mermaid's limits
    no_owner: str = "no owner"  # a step without an owner is labelled so, in the report's language
    unknown: str = "unknown step"  # under a `next` that names no step, in the same language
    # the words of the flowchart's key (`legend`, `legend_<mark>`), in the same language
    legend: dict[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def mermaid(self) -> str:
        """The flowchart's Mermaid text, with the marks and key of the drawn flowchart, or
        "" when Mermaid could not draw it (too_large)."""
        from orgspec.report.graph_export import DiagramTooLarge, flowchart_mermaid

        try:
            return flowchart_mermaid(self.steps, f"process {self.id!r}", self.unknown,
                                     self.legend or None)
        except DiagramTooLarge as exc:
            self.too_large = str(exc)
            return ""

    @cached_property
    def diagram(self) -> Diagram:
        return flow(self.steps, unknown=self.unknown)


@dataclass
class ReportView:
    """Everything a report shows, in display order."""

    lang: str
    labels: dict[str, str]
    counts: dict[str, int]
    files: int
    entities: int
    urgent: list[FindingRow]
    health: list[TeamHealth]
    rules: list[RuleGroup]
    raci_columns: list[str]  # holder nodes: teams, then positions, then people
    raci: list[RaciRow]
    tree: list[TreeNode]
    okrs: list[ObjectiveRow]
    processes: list[ProcessView]
    org_diff: list[str]
    diff_counts: str = ""  # with --diff: `Since main: 2 new, 5 unchanged, 1 fixed`
    diff_ref: str = ""  # with --diff: the revision, as the user wrote it (`HEAD~7`)
    # with --diff: the org diff's changes to the org itself (not the findings introduced or
    # fixed), each said as `org_diff` says it
    org_changes: list[str] = field(default_factory=list)
    families: list[tuple[str, int]] = field(default_factory=list)
    team_diagram: Diagram = field(default_factory=lambda: Diagram(0, 0))
    okr_diagram: Diagram = field(default_factory=lambda: Diagram(0, 0))
    # teams that findings point at, by name in the org's collation (as the site lists them)
    teams: list[str] = field(default_factory=list)
    rows: list[FindingRow] = field(default_factory=list)  # every finding, in result order
    known_rows: list[FindingRow] = field(default_factory=list)  # the baseline's, `known`
    tree_rows: list[tuple[int, TreeNode]] = field(default_factory=list)  # flatten(tree)
    positions: list[PositionRow] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    load: list[LoadRow] = field(default_factory=list)  # the most loaded people, at most 20
    load_most: int = 0  # the most rows `load` has (LOAD_ROWS), said under the table
    team_names: dict[str, str] = field(default_factory=dict)  # team id -> its name
    raci_names: dict[str, str] = field(default_factory=dict)  # holder node -> column label
    baselined: str = ""  # `N known findings hidden by the baseline`, when a baseline hid some
    # the chat message's `diff_counts` and `baselined`: its team health scores only the
    # findings it lists, so it says neither that the unchanged nor the known ones count
    chat_diff_counts: str = ""
    chat_baselined: str = ""
    # `1 file could not be loaded, so cross-file checks are incomplete. …`, as the summary
    # line says it; "" when every file loaded (or none did)
    incomplete: str = ""
    # team -> it and the teams above it, for the teams findings involve: the team filter
    # picks a team's findings and those of every team below it
    team_scope: dict[str, list[str]] = field(default_factory=dict)
    timezone: str = ""  # the org's zone meetings are placed in (the config's); "" none
    today: str = ""  # the run's date (ISO): the week times are converted for
    # the order every list of names is in (text.collate.ORDERS: `stroke` for zh-Hant,
    # `pinyin` otherwise, unless the config's `name-order` says): the site's lists follow it
    name_order: str = "pinyin"

    @cached_property
    def _team_places(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.teams)}

    def team_place(self, team: str) -> int:
        """`team`'s place in `teams` (by name in `name_order`): the findings table's sort key
        for its team column, so the page sorts teams as orgspec lists them, not by the
        browser's collation; -1 for a team not among them."""
        return self._team_places.get(team, -1)

    def filter_teams(self, teams: list[str]) -> str:
        """A finding row's `data-team`: the teams it involves and every team above them,
        space-separated, so filtering by a team includes the teams below."""
        return " ".join(dict.fromkeys(a for t in teams for a in self.team_scope.get(t, [t])))

    @cached_property
    def fold_pairs(self) -> str:
        """The text filter's Traditional -> Simplified table (`text.script.fold_table`, as
        the site's search index carries) for the characters of the findings' text, as one
        string of (Traditional, Simplified) pairs: 台灣, 台湾 and 臺灣 find one another."""
        from orgspec.text.script import fold_table, to_simplified

        text = "".join(f"{r.message}{r.hint}{r.where}{''.join(r.related)}" for r in self.rows)
        text += "".join(self.team_names.values())
        return "".join(t + s for t, s in sorted(fold_table(set(to_simplified(text))).items()))


@dataclass(frozen=True)
class Links:
    """Where findings link to: the file at the commit when the repository and the commit
    are known (GitHub Actions, GitLab CI: `orgspec.run.view_links`), else relative paths.
    The values come from the CI environment, read once by the caller."""

    repo_url: str | None = None  # https://github.com/acme/org, GitLab's CI_PROJECT_URL
    sha: str | None = None  # GITHUB_SHA, CI_COMMIT_SHA
    workspace: str | None = None  # the checkout (default: the working directory)
    kind: str = ""  # the link style (paths.repo_links): github, gitlab, gitea; "": from the URL


def _link(f: Finding, links: Links) -> str:
    """A link to the file: at the commit when run in CI (`Links`), else relative.

    The path is percent-encoded, so a file named `javascript:x.yaml` stays a relative link
    and `#` or `?` in a name cannot start a fragment or a query.
    """
    url, sha = links.repo_url, links.sha
    path = f.location.file
    if url and sha and url.startswith(("https://", "http://")):
        in_repo = in_project(path, links.workspace or os.getcwd())
        if in_repo is not None:
            return repo_links(url, sha, in_repo, f.location.line, links.kind, commit=True)[0]
    encoded = quote(path.replace(os.sep, "/"), safe="/")
    return "/" + encoded.lstrip("/") if encoded.startswith("/") else encoded


def _related(f: Finding, named: Namer, lang: str) -> list[str]:
    """`file:line:col: message` of each related location listed, and `… and N more` for
    those that are not (`Finding.listed_related`)."""
    listed, more = f.listed_related()
    out = [prefixed(f"{r.location.short()}: ", named(r.message)) for r in listed]
    if more:
        out.append(say(M("… and {n} more", n=more), lang))
    return out


def build_view(result: LintResult, org: Org, lang: str | None = None,
               links: Links | None = None, known: bool = False) -> ReportView:
    """The report's view model, from one run's result and its validated org; with `known`,
    the baseline's findings too, as `known_rows` (the site lists them as known)."""
    with gc_paused():
        return _build_view(result, org, lang, links or Links(), known)


def _build_view(result: LintResult, org: Org, lang: str | None, links: Links,
                with_known: bool = False) -> ReportView:
    lang = lang or result.lang or guess_lang(org)
    org = localized(org, lang)  # every name as a reader of `lang` is shown it (`names`)
    order = order_for(lang, result.name_order)
    named = Namer(org, lang)
    holders = holder_names(org, lang)  # the RACI rows' labels and the columns'
    rows = [FindingRow(f.severity.label, f.code, named(f.message),
                       f"{f.location.file}:{f.location.line}:{f.location.col}", _link(f, links),
                       f.teams[0] if f.teams else "", f.location.file, f.location.line,
                       named(f.hint),
                       _related(f, named, lang), list(f.teams), known=known)
            for known, found in ((False, result.findings),
                                 (True, result.baselined if with_known else []))
            for f in found]
    known_rows = rows[len(result.findings):]
    rows = rows[:len(result.findings)]
    tree_roots = team_tree(org, order, lang)
    tree_rows = flatten(tree_roots)
    names = team_names(org)
    # a key result's mark reads every current finding on it, known or new, as team health
    okrs = _okrs(org, lang, [*result.findings, *result.baselined, *result.left_out], order)
    scope = {t: _with_teams_above(org, t) for t in sorted({t for r in rows for t in r.teams})}
    # a baseline (or --diff) hides known (unchanged) findings from the lists, not from the
    # teams' health: one policy, every current finding
    health = _health(org, rows + [FindingRow(f.severity.label, f.code, "", "", "",
                                             f.teams[0] if f.teams else "",
                                             teams=list(f.teams))
                                  for f in [*result.baselined, *result.left_out]], order)
    changes = [(c, say_change(named.local_names(c), lang)) for c in result.org_diff]
    return ReportView(
        lang=lang, labels=LABELS[lang], counts=result.counts, files=len(result.files),
        entities=result.entity_count,
        urgent=[r for r in rows if r.severity == "error"][:10],
        health=health, rules=_rule_groups(result, rows, lang),
        raci_columns=org.raci.columns(holders, order), raci=_raci(org, holders, order),
        tree=tree_roots,
        okrs=okrs,
        processes=_processes(org, result.findings, LABELS[lang], order),
        org_diff=[said for _, said in changes],
        diff_counts=say(_diff_health(result), lang) if result.diff_ref else "",
        diff_ref=result.diff_ref or "",
        org_changes=[said for c, said in changes if not is_finding_change(c)],
        families=_families(result, lang), team_diagram=_team_diagram(tree_roots, tree_rows, health),
        okr_diagram=_okr_diagram(okrs),
        teams=sorted({t for s in scope.values() for t in s},
                     key=lambda t: name_key(names.get(t) or t, t, order)),
        team_scope=scope,
        rows=rows, known_rows=known_rows, tree_rows=tree_rows,
        positions=_positions(org, order, lang),
        meetings=_meetings(org, lang, result, order), timezone=result.timezone, today=result.today,
        load=_load(org, order, lang), load_most=LOAD_ROWS, team_names=names, raci_names=holders,
        baselined=_baselined(result, lang), name_order=order,
        chat_diff_counts=say(_diff_counts(result), lang) if result.diff_ref else "",
        chat_baselined=_baselined(result, lang, chat=True),
        incomplete=_incomplete(result, lang))


def _diff_counts(result: LintResult) -> M:
    """With `--diff REF`: the findings new since REF (those shown), unchanged (left out) and
    fixed, and those not compared (in a file that did not load, or held back behind another
    finding) when there are some, then what the baseline hid of the new and the unchanged
    (`baseline_hid`): the text output's counts."""
    if result.not_compared:
        counts = M("Since {ref}: {new} new, {unchanged} unchanged, {fixed} fixed, {unknown}",
                   ref=result.diff_ref, new=len(result.findings), unchanged=result.unchanged,
                   fixed=result.fixed, unknown=not_compared(result.not_compared,
                                                            result.held_back))
    else:
        counts = M("Since {ref}: {new} new, {unchanged} unchanged, {fixed} fixed",
                   ref=result.diff_ref, new=len(result.findings), unchanged=result.unchanged,
                   fixed=result.fixed)
    hidden = baseline_hid(result)
    return M("{counts}; {hidden}", counts=counts, hidden=hidden) if hidden else counts


def baseline_hid(result: LintResult) -> M | None:
    """With `--diff` and a baseline that hid findings: how many, and of them how many are
    new since the revision and how many unchanged (`the baseline hides 7 more: 1 new, 6
    unchanged`; `the baseline hides 7 more unchanged findings` when none is new, no count
    of 0), beside the counts of what is shown; None when it hid none."""
    hidden = len(result.baselined)
    new = result.baselined_new
    if not hidden:
        return None
    if not new:
        return P("the baseline hides {n} more unchanged finding",
                 "the baseline hides {n} more unchanged findings", n=hidden)
    if new == hidden:
        return P("the baseline hides {n} more new finding",
                 "the baseline hides {n} more new findings", n=hidden)
    return P("the baseline hides {n} more: {new} new, {unchanged} unchanged",
             "the baseline hides {n} more: {new} new, {unchanged} unchanged", n=hidden,
             new=new, unchanged=hidden - new)


def _diff_health(result: LintResult) -> M:
    """`_diff_counts`, saying that team health counts the unchanged findings left out."""
    counts = _diff_counts(result)
    if not result.left_out:
        return counts
    return M("{counts}; team health counts the unchanged findings too", counts=counts)


def not_compared(unknown: int, held: int) -> list[M]:
    """`1 not compared (its file did not load)`, `2 not compared (held back behind other
    findings)`, or both: the `unknown` findings of the base not compared, `held` of them
    held back behind another finding, the others in a file that did not load."""
    out: list[M] = []
    if unknown - held:
        out.append(M("1 not compared (its file did not load)") if unknown - held == 1 else
                   M("{n} not compared (their files did not load)", n=unknown - held))
    if held:
        out.append(M("1 not compared (held back behind another finding)") if held == 1 else
                   M("{n} not compared (held back behind other findings)", n=held))
    return out


def view_of(result: LintResult, view: ReportView | None = None, org: Org | None = None,
            lang: str | None = None) -> ReportView:
    """The run's view model: the one passed in, else built from `result` and `org`.

    Without an org (a bare LintResult from the API) the report shows the findings only.
    """
    if view is not None:
        return view
    return build_view(result, org if org is not None else Org(), lang)


def _incomplete(result: LintResult, lang: str) -> str:
    """The summary line's word that files failed to load (`incomplete_note`), in `lang`."""
    note = incomplete_note(result)
    return say(note, lang) if note is not None else ""


def _baselined(result: LintResult, lang: str, chat: bool = False) -> str:
    """The line saying how many known findings the baseline hid, in `lang`; "" for none.
    The report's team health counts them; the `chat` message's does not (it scores the
    findings it lists), and says so (trial 36: `（已计入团队健康度）` over chat scores that
    left them out, beside a report whose scores had them)."""
    n = len(result.baselined)
    if not n:
        return ""
    if chat:
        return say(P("{n} known finding hidden by the baseline (not counted in the team "
                     "scores here)",
                     "{n} known findings hidden by the baseline (not counted in the team "
                     "scores here)", n=n), lang)
    return say(P("{n} known finding hidden by the baseline (counted in team health)",
                 "{n} known findings hidden by the baseline (counted in team health)", n=n),
               lang)


def _families(result: LintResult, lang: str) -> list[tuple[str, int]]:
    """(the family's title in `lang`, findings), most first."""
    from orgspec.engine.registry import family_titles

    titles = family_titles()
    counts: Counter[str] = Counter()
    for f in result.findings:
        meta = result.rules.get(f.code)
        family = meta.family if meta else f.code.rstrip("0123456789")
        counts[say(titles[family], lang) if family in titles else family] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _team_diagram(roots: list[TreeNode], rows: list[tuple[int, TreeNode]],
                  health: list[TeamHealth]) -> Diagram:
    """The team tree as boxes; a team's colour says whether findings point at it."""
    state = {h.team: "team-error" if h.errors else "team-warning" if h.warnings else "team"
             for h in health}
    nodes = {t.id: Node(t.id, t.name, t.lead, state.get(t.id, "team")) for _, t in rows}
    for _, t in rows:
        nodes[t.id].children = [nodes[c.id] for c in t.children]
    return tree([nodes[r.id] for r in roots])


_MARKS = {"ok": "✓ ", "warn": "! ", "unknown": "? ", "bad": "✗ "}


def _okr_diagram(okrs: list[ObjectiveRow]) -> Diagram:
    """Objectives under the objective they align to, each with its key results marked."""
    nodes = {o.id: Node(o.id, o.title, o.owner, "objective", [
        Node(f"{o.id}/{kr.id}", _MARKS[kr.mark] + kr.title,
             " ".join(kr.codes) if kr.measurable and kr.codes else
             "" if kr.unjudged else kr.missing, f"kr-{kr.mark}")
        for kr in o.krs])
        for o in okrs}
    parent = {o.id: o.aligns_to for o in okrs if o.aligns_to in nodes and o.aligns_to != o.id}
    looping = on_cycles(parent)
    roots = []
    for o in okrs:
        if o.id in parent and o.id not in looping:
            nodes[parent[o.id]].children.append(nodes[o.id])
        else:
            roots.append(nodes[o.id])
    return tree(roots)


def _score(errors: int, warnings: int, infos: int) -> int:
    return max(0, 100 - 10 * errors - 3 * warnings - infos)


def _health(org: Org, rows: list[FindingRow], order: str) -> list[TeamHealth]:
    """Every team's health, lowest own score first, then by name in `order`. The one place
    it is computed: a team's own counts are the findings that involve it; a parent team
    rolls up its children as a second figure, its subtree's (each finding once, however
    many of its teams are there), so its own score still says what is the parent's to
    fix."""
    from orgspec.model.teamtree import TeamTree

    by_team: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:  # under every team the finding involves
        for team in r.teams:
            by_team[team][r.severity] += 1
    tree = TeamTree(org)
    sub = {sev: tree.subtree_counts(r.teams for r in rows if r.severity == sev)
           for sev in ("error", "warning", "info")}
    out = [TeamHealth(t, org.teams[t].name or t, c["error"], c["warning"], c["info"],
                      tree.below(t), sub["error"].get(t, 0), sub["warning"].get(t, 0),
                      sub["info"].get(t, 0))
           for t in org.teams for c in [by_team.get(t, Counter())]]
    return sorted(out, key=lambda h: (h.score, name_key(h.name, h.team, order)))


def _rule_groups(result: LintResult, rows: list[FindingRow], lang: str) -> list[RuleGroup]:
    groups: dict[str, list[FindingRow]] = defaultdict(list)
    for r in rows:
        groups[r.code].append(r)
    out = []
    for code, found in groups.items():
        meta = result.rules.get(code)
        severity = max(Severity.parse(r.severity) for r in found).label
        out.append(RuleGroup(code, meta.name if meta else code, severity,
                             say(meta.summary, lang) if meta else "", found,
                             rule_title(meta.name, lang) if meta else code))
    return sorted(out, key=lambda g: (-Severity.parse(g.severity), g.code))


def named(org: Org, ref: str | None, lang: str | None = None) -> str:
    """What a reader calls the team, person or position `ref`: its name (with `lang`, a
    person's as `model.names.person_said` says it); an unknown id or a placeholder as
    written; "" for None."""
    if not ref:
        return ""
    holder = org.holder(ref)
    if holder is None:
        return ref
    kind, _, ident = holder.partition(":")
    said = person_said(org, ident, lang) if lang and kind == "person" else None
    if said:
        return said
    entity = org.table({"team": "Team", "person": "Person", "role": "Role"}[kind])[ident]
    return str(getattr(entity, "name", None) or ident)


class Namer:
    """A finding's message for a page, in `lang`: each id value of an entity with a display
    name said as `客服部 (customer-service)` (the id kept, so it can be searched for), from
    the message's template and values (`i18n.Said`). Machine formats (JSON, SARIF ...)
    keep the message as the rule said it. An id several kinds share takes the name of the
    first of `model.idnames.NAMED_KINDS` (a team before a person, as `Org.holder` resolves
    owners); a name equal to its id adds nothing and is left out."""

    def __init__(self, org: Org, lang: str) -> None:
        self.org, self.lang = org, lang
        self._names: dict[str, str] | None = None
        self._local: dict[tuple[str, str], str] | None = None

    def local(self) -> dict[tuple[str, str], str]:
        """(id, name as written) -> the name a reader of the org's language is shown, for
        each entity of a localized org (`model.names`) whose name that changed: a rule
        quoted the name as written (`named`: `客服部 (cs)`)."""
        if self._local is None:
            out: dict[tuple[str, str], str] = {}
            if self.org.written is not None:
                for kind in NAMED_KINDS:
                    written = self.org.written.table(kind)
                    for ident, entity in self.org.table(kind).items():
                        before = written.get(ident)
                        if before is not None and before is not entity:
                            old, new = display_name(before, ident), display_name(entity, ident)
                            if old != new:
                                out.setdefault((ident, old), new)
            self._local = out
        return self._local

    def local_names(self, message: str) -> str:
        """`message` (an `M`, its values' `M`s too) with each entity it names as `named`
        does (`客服部 (cs)`) named as a reader of the org's language is shown it (`Customer
        Service (cs)`, `names`): the org diff's lines; else `message` itself."""
        if not isinstance(message, M) or not message.values or not self.local():
            return message
        if not isinstance(message, P) and getattr(message, "template", None) == NAME_ID:
            shown = self.local().get((str(message.values.get("id")),
                                      str(message.values.get("name"))))
            return M(NAME_ID, name=shown, id=message.values["id"]) if shown else message

        def again(value: object) -> object:
            if isinstance(value, list | tuple):
                return [again(v) for v in value]
            return self.local_names(value) if isinstance(value, M) else value

        values = {k: again(v) for k, v in message.values.items()}
        if values == message.values:
            return message
        return type(message).__new__(type(message), *template_args(message), **values)

    def names(self) -> dict[str, str]:
        if self._names is None:
            self._names = id_names(self.org, self.lang)
        return self._names

    def __call__(self, message: str) -> str:
        return with_names(message, self.names(), self.lang, again=self.local_names)


def _with_teams_above(org: Org, tid: str) -> list[str]:
    """`tid` and the teams above it, nearest first; a parent cycle walked once."""
    out, seen = [tid], {tid}  # a set to look in: `in out` made a chain's walk cubic
    parent = org.teams[tid].parent if tid in org.teams else None
    while parent is not None and parent in org.teams and parent not in seen:
        out.append(parent)
        seen.add(parent)
        parent = org.teams[parent].parent
    return out


def team_names(org: Org) -> dict[str, str]:
    """Team id -> its name (its id when it has none)."""
    return {t: team.name or t for t, team in org.teams.items()}


def holder_names(org: Org, lang: str | None = None) -> dict[str, str]:
    """RACI holder node -> its label: the name of the team, position or person (its id when
    it has none), with the id added where two holders share a name; with `lang`, a person's
    name with their name in the other script (`model.names.person_said`)."""
    names: dict[str, str] = {}
    for kind, table in (("team", org.teams), ("role", org.positions), ("person", org.people)):
        for ident, entity in table.items():
            said = person_said(org, ident, lang) if lang and kind == "person" else None
            names[node_key(kind, ident)] = said or str(getattr(entity, "name", "") or "") \
                or ident
    shared = {n for n, count in Counter(names.values()).items() if count > 1}
    return {key: f"{name} ({ident_of(key)})" if name in shared and name != ident_of(key)
            else name for key, name in names.items()}


def raci_order(org: Org, order: str) -> list[str]:
    """The duties of the RACI matrix in row order: by the title shown (`duty_title`: the
    name, else the description, else the id) in `order` (text.collate.ORDERS: strokes or
    pinyin for Chinese), then id."""
    duties = org.responsibilities
    return sorted(org.raci.matrix,
                  key=lambda rid: name_key(duty_title(duties[rid], rid), rid, order))


def _raci(org: Org, names: dict[str, str], order: str) -> list[RaciRow]:
    """A row per duty of `org.raci.matrix` (the site's RACI too), with overlap and gap."""
    from orgspec.model.models import is_placeholder

    out = []
    for rid in raci_order(org, order):
        cells = org.raci.matrix[rid]
        resp = org.responsibilities[rid]
        accountable = [t for t, ls in cells.items() if "A" in ls]
        gap = not accountable or any(is_placeholder(a) for a in resp.accountable)
        out.append(RaciRow(rid, resp.description or resp.name or "", dict(cells),
                           overlap=len(accountable) > 1, gap=gap and not accountable,
                           name=duty_title(resp, rid), names=names, order=order))
    return out


_RANK = {"error": 0, "warning": 1, "info": 2}


def _okrs(org: Org, lang: str, findings: Sequence[Finding] = (),
          order: str = "pinyin") -> list[ObjectiveRow]:
    """The objectives by title in `order` (text.collate.ORDERS) and their key results (as
    written) as the site reads them (`key_result_values`), each key result with the
    `findings` located on it (within its item in the file)."""
    from orgspec.model.okr import judged, key_result_values, shown_targets
    from orgspec.text.measurable import MISSING
    from orgspec.text.quantity import with_unit

    on: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.entity.startswith("objective:"):
            on[f.entity].append(f)
    out = []
    for oid in by_name(org, "Objective", org.objectives, order):
        obj = org.objectives[oid]
        mine = _by_key_result(org, oid, on.get(node_key("objective", oid), []))
        krs = []
        for i, kr in enumerate(obj.key_results):
            j = judged(org.incomplete, oid, obj, kr)  # as `check` (OK003) judges it
            vals = key_result_values(obj, kr, j.verdict)
            krs.append(KrRow(kr.id, kr.title, j.measurable,
                             say_list([MISSING[m] for m in j.missing], lang), j.unjudged,
                             with_unit(vals.baseline, kr.unit), with_unit(vals.current, kr.unit),
                             with_unit(shown_targets(kr.title, kr.target, j.verdict)
                                       or vals.target, kr.unit), vals.progress,
                             sorted(((f.severity.label, f.code) for f in mine.get(i, ())),
                                    key=lambda sc: (_RANK.get(sc[0], 3), sc[1]))))
        out.append(ObjectiveRow(oid, obj.title, named(org, obj.owner, lang), obj.aligns_to or "",
                                krs))
    return out


def _by_key_result(org: Org, oid: str, findings: list[Finding]) -> dict[int, list[Finding]]:
    """Key result index -> those of an objective's `findings` located within it (its list
    item, from its first line and column to its last); one bisection per finding."""
    origin = org.origins.get(node_key("objective", oid))
    count = len(org.objectives[oid].key_results)
    if not findings or origin is None or not count:
        return {}
    items = [origin.locate("key_results", i) for i in range(count)]
    starts = [(item.line, item.col) for item in items]
    out: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        at = (f.location.line, f.location.col)
        i = bisect_right(starts, at) - 1
        if i >= 0 and f.location.file == items[i].file \
                and (not items[i].end_line or at < (items[i].end_line, items[i].end_col)):
            out[i].append(f)
    return out


def _processes(org: Org, findings: list[Finding], labels: dict[str, str],
               order: str = "pinyin") -> list[ProcessView]:
    """The processes by name in `order` (text.collate.ORDERS), each drawn."""
    legend = {k: v for k, v in labels.items() if k.startswith("legend")}
    spots = unreachable_spots(findings)
    return [ProcessView(pid, proc.name or pid, process_steps(org, pid, findings, labels, spots),
                        org,
                        no_owner=labels["no_owner"], unknown=labels["unknown_step"],
                        legend=legend)
            for pid, proc in ((p, org.processes[p])
                              for p in by_name(org, "Process", org.processes, order))]


def process_steps(org: Org, pid: str, findings: Sequence[Finding],
                  labels: Mapping[str, str], spots: Spots | None = None) -> list[FlowStep]:
    """The steps of process `pid` as every flowchart draws them: each with its owner's name
    (or `labels["no_owner"]` and the placeholder written, or an unknown id written and
    `labels["unknown_owner"]`; both drawn as a step without an owner), marked as
    `step_kind` says (the unreachable steps those PR003 `findings` name; `spots`,
    `unreachable_spots(findings)` when the caller draws every process)."""
    from orgspec.model.models import is_placeholder

    proc = org.processes[pid]
    steps = []
    lost = unreachable_steps(org, pid, findings, spots)
    below = cut_off(proc.steps)[1]
    for s in proc.steps:
        owned = bool(s.owner) and not is_placeholder(s.owner or "")
        known = owned and org.holder(s.owner) is not None
        who = named(org, s.owner) if known else f"{s.owner} ({labels['unknown_owner']})" \
            if owned else " ".join(filter(None, (labels["no_owner"], s.owner)))
        sla = f"{labels['sla']}{labels['colon']}{s.sla.strip()}" if s.sla and s.sla.strip() \
            else ""
        steps.append(FlowStep(s.id, s.name or s.id, who or "", list(s.next),
                              step_kind(known, s.id in lost), below.get(s.id, ""), sla))
    return steps


def step_kind(owned: bool, unreachable: bool) -> str:
    """A flowchart box's CSS classes: `step`, `step-gap` when it has no owner,
    `step-unreachable` when PR003 found no way to it."""
    return " ".join(("step", *(["step-gap"] if not owned else []),
                     *(["step-unreachable"] if unreachable else [])))


Spots = Mapping[str, set[tuple[str, int]]]


def unreachable_spots(findings: Sequence[Finding]) -> dict[str, set[tuple[str, int]]]:
    """{process entity key: {(file, line) of each PR003 finding on it}}: read once for all
    the processes a report or site draws, not once per process (5,000 processes times
    10,000 findings took 18 s)."""
    out: dict[str, set[tuple[str, int]]] = {}
    for f in findings:
        if f.code == "PR003" and f.entity:
            out.setdefault(f.entity, set()).add((f.location.file, f.location.line))
    return out


def unreachable_steps(org: Org, pid: str, findings: Sequence[Finding],
                      spots: Spots | None = None) -> set[str]:
    """The ids of the steps of process `pid` that a PR003 finding of this run points at, so
    the flowchart marks exactly the steps the findings name (none when PR003 is off), and
    those a broken `next` cut off (`next: [reveiw]`: RF001's one finding, not PR003's), so
    that a typo does not draw the rest of the process as a second start. `spots` is
    `unreachable_spots(findings)` when the caller has it."""
    entity = node_key("process", pid)
    here = (unreachable_spots(findings) if spots is None else spots).get(entity, set())
    out = cut_off(org.processes[pid].steps)[0]
    if not here:
        return out
    origin = org.origin("Process", pid)
    for i, step in enumerate(org.processes[pid].steps):
        where = origin.locate("steps", i)
        if (where.file, where.line) in here:
            out.add(step.id)
    return out


def _positions(org: Org, order: str, lang: str | None = None) -> list[PositionRow]:
    """The positions by name in `order` (as the site lists them), each holder by name (with
    `lang`, as `model.names.person_said` names them)."""
    from orgspec.model.positions import kpi_measurable, kpi_verdict, seats

    out = []
    for rid, pos in sorted(org.positions.items(),
                           key=lambda item: name_key(item[1].name or item[0], item[0], order)):
        held = sorted(org.position_holders[rid],
                      key=lambda p: person_key(org.people[p].name or p, p, order))
        holders = ", ".join((person_said(org, p, lang) if lang else None)
                            or org.people[p].name or p for p in held)
        good = sum(kpi_measurable(kpi_verdict(k)) for k in pos.kpis)
        out.append(PositionRow(rid, pos.name or rid, named(org, pos.team), holders,
                               seats(org, rid).open, len(pos.kpis), good))
    return out


def _meetings(org: Org, lang: str, result: LintResult, order: str) -> list[MeetingRow]:
    """The meetings, most frequent first, then by name in `order`; each said in `lang`, its
    time also in the org's zone (the config's `timezone`) in the week of the run's date."""
    from orgspec.model.positions import cadence_of
    from orgspec.model.schedule import CADENCES, describe, monday_of

    often = {c: i for i, c in enumerate(CADENCES)}
    week = monday_of(result.today)
    rows = [MeetingRow(mid, m.name or mid, cadence_of(m.cadence) or (m.cadence or ""),
                       named(org, m.owner, lang),
                       say_list([named(org, a, lang)
                                 for a in refs_by_name(org, m.attendees, order)], lang),
                       describe(m.cadence, lang, m.timezone, result.timezone, week))
            for mid, m in org.meetings.items()]
    return sorted(rows, key=lambda r: (often.get(r.cadence, len(often)),
                                       name_key(r.name, r.id, order)))


LOAD_ROWS = 20


def _load(org: Org, order: str, lang: str | None = None) -> list[LoadRow]:
    """The people carrying the most (accountable duties, themselves or through a position and
    apart through a team they lead, teams led, positions held, meetings chaired, as the
    site's person pages and `orgspec show person` count them), then by name in `order`;
    only in an org that writes positions down, and only people who carry two things or more."""
    if not org.positions:
        return []
    from orgspec.model.positions import accountable_load

    led: Counter[str] = Counter(t.lead for t in org.teams.values() if t.lead in org.people)
    chairs: Counter[str] = Counter()
    for meeting in org.meetings.values():
        kind, _, ident = (org.holder(meeting.owner) or "").partition(":")
        chairs.update([ident] if kind == "person" else
                      org.position_holders.get(ident, []) if kind == "role" else [])
    rows = []
    for pid, person in org.people.items():
        acc = accountable_load(org, pid)
        said = person_said(org, pid, lang) if lang else None
        rows.append(LoadRow(pid, said or person.name or pid, acc.own, led[pid],
                            len(org.people_positions.get(pid, [])), chairs[pid], acc.led))
    rows = [r for r in rows if _carried(r) > 1]
    rows.sort(key=lambda r: (-_carried(r), person_key(org.people[r.person].name or r.person,
                                                       r.person, order)))
    return rows[:LOAD_ROWS]


def _carried(row: LoadRow) -> int:
    return row.accountable + row.accountable_led + row.teams_led + row.positions + row.meetings
