"""The report view model: plain data built once per run; templates only format it."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from orgspec.findings import Finding, LintResult, Severity
from orgspec.org import Org, node_key

LABELS = {
    "en": {"title": "Org report", "summary": "Summary", "urgent": "Fix first",
           "health": "Team health", "findings": "Findings by rule", "raci": "RACI matrix",
           "tree": "Team tree", "okrs": "OKRs", "processes": "Processes", "team": "Team",
           "score": "Score", "errors": "errors", "warnings": "warnings", "info": "info",
           "duty": "Duty", "measurable": "measurable", "not_measurable": "not measurable",
           "overlap": "overlap", "gap": "gap", "none": "No problems found.",
           "diff": "Org diff", "files": "files", "entities": "entities"},
    "zh": {"title": "组织报告", "summary": "概览", "urgent": "优先处理", "health": "团队健康度",
           "findings": "按规则分组的问题", "raci": "RACI 矩阵", "tree": "团队结构",
           "okrs": "OKR", "processes": "流程", "team": "团队", "score": "得分",
           "errors": "错误", "warnings": "警告", "info": "提示", "duty": "职责",
           "measurable": "可衡量", "not_measurable": "不可衡量", "overlap": "重叠",
           "gap": "空白", "none": "未发现问题。", "diff": "组织变化", "files": "个文件",
           "entities": "个实体"},
}
_CJK = re.compile("[\u4e00-\u9fff]")


@dataclass
class FindingRow:
    severity: str
    code: str
    message: str
    where: str
    link: str
    team: str


@dataclass
class RuleGroup:
    code: str
    name: str
    severity: str
    summary: str
    rows: list[FindingRow]


@dataclass
class TeamHealth:
    team: str
    name: str
    errors: int
    warnings: int
    infos: int

    @property
    def score(self) -> int:
        return max(0, 100 - 10 * self.errors - 3 * self.warnings - self.infos)


@dataclass
class RaciRow:
    duty: str
    description: str
    cells: dict[str, str]
    overlap: bool
    gap: bool


@dataclass
class TreeNode:
    id: str
    name: str
    lead: str
    children: list[TreeNode] = field(default_factory=list)


@dataclass
class KrRow:
    id: str
    title: str
    measurable: bool
    missing: str


@dataclass
class ObjectiveRow:
    id: str
    title: str
    owner: str
    aligns_to: str
    krs: list[KrRow]


@dataclass
class ProcessView:
    id: str
    name: str
    mermaid: str


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
    raci_teams: list[str]
    raci: list[RaciRow]
    tree: list[TreeNode]
    okrs: list[ObjectiveRow]
    processes: list[ProcessView]
    org_diff: list[str]


def guess_lang(org: Org) -> str:
    """`zh` when most entity names and descriptions are Chinese, else `en`."""
    texts = [str(getattr(e, a, "") or "") for kind in ("Team", "Responsibility", "Objective")
             for e in org.table(kind).values() for a in ("name", "description", "title")]
    sample = "".join(texts)[:20_000]
    letters = sum(c.isalpha() for c in sample) or 1
    return "zh" if len(_CJK.findall(sample)) / letters > 0.3 else "en"


def _link(f: Finding) -> str:
    """A link to the file: at the commit when run in GitHub Actions, else relative."""
    server, repo, sha = (os.environ.get(k) for k in
                         ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    path = f.location.file
    if server and repo and sha and not os.path.isabs(path) and not path.startswith(".."):
        return f"{server}/{repo}/blob/{sha}/{path}#L{f.location.line}"
    return path


def _team_of(f: Finding, org: Org, owners: dict[str, str]) -> str:
    kind, _, ident = f.entity.partition(":")
    if kind == "team":
        return ident
    return owners.get(f.entity, "")


def _owners(org: Org) -> dict[str, str]:
    """Entity -> the team that answers for it (accountable team, or owner)."""
    out = {}
    for rid, holders in org.accountable_holders().items():
        teams = [h.split(":", 1)[1] for h in holders if h.startswith("team:")]
        if teams:
            out[node_key("responsibility", rid)] = teams[0]
    for kind, table in (("objective", org.objectives), ("process", org.processes)):
        for ident, entity in table.items():
            if entity.owner in org.teams:
                out[node_key(kind, ident)] = entity.owner
    return out


def build_view(result: LintResult, org: Org, lang: str | None = None) -> ReportView:
    """The report's view model, from one run's result and its validated org."""
    lang = lang or guess_lang(org)
    owners = _owners(org)
    rows = [FindingRow(f.severity.label, f.code, f.message,
                       f"{f.location.file}:{f.location.line}:{f.location.col}", _link(f),
                       _team_of(f, org, owners)) for f in result.findings]
    return ReportView(
        lang=lang, labels=LABELS[lang], counts=result.counts, files=len(result.files),
        entities=result.entity_count,
        urgent=[r for r in rows if r.severity == "error"][:10],
        health=_health(org, rows), rules=_rule_groups(result, rows),
        raci_teams=sorted(org.teams), raci=_raci(org), tree=_tree(org), okrs=_okrs(org),
        processes=_processes(org), org_diff=list(result.org_diff))


def _health(org: Org, rows: list[FindingRow]) -> list[TeamHealth]:
    by_team: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.team:
            by_team[r.team][r.severity] += 1
    out = [TeamHealth(t, org.teams[t].name or t, c["error"], c["warning"], c["info"])
           for t in org.teams for c in [by_team.get(t, Counter())]]
    return sorted(out, key=lambda h: (h.score, h.team))


def _rule_groups(result: LintResult, rows: list[FindingRow]) -> list[RuleGroup]:
    groups: dict[str, list[FindingRow]] = defaultdict(list)
    for r in rows:
        groups[r.code].append(r)
    out = []
    for code, found in groups.items():
        meta = result.rules.get(code)
        severity = max(Severity.parse(r.severity) for r in found).label
        out.append(RuleGroup(code, meta.name if meta else code, severity,
                             meta.summary if meta else "", found))
    return sorted(out, key=lambda g: (-Severity.parse(g.severity), g.code))


def _raci(org: Org) -> list[RaciRow]:
    from orgspec.models import ROLES, is_placeholder

    letters: dict[str, dict[str, set[str]]] = {r: defaultdict(set) for r in org.responsibilities}
    for rid, resp in org.responsibilities.items():
        for role in ROLES:
            for ref in getattr(resp, role):
                if ref in org.teams:
                    letters[rid][ref].add(role[0].upper())
    for claim in org.claims:
        if claim.responsibility in letters and claim.team in org.teams:
            letters[claim.responsibility][claim.team].add(claim.role[0].upper())
    out = []
    for rid, cells in sorted(letters.items()):
        resp = org.responsibilities[rid]
        accountable = [t for t, ls in cells.items() if "A" in ls]
        gap = not accountable or any(is_placeholder(a) for a in resp.accountable)
        out.append(RaciRow(rid, resp.description or resp.name or "",
                           {t: "".join(sorted(ls, key="ARCI".index)) for t, ls in cells.items()},
                           overlap=len(accountable) > 1, gap=gap and not accountable))
    return out


def _tree(org: Org) -> list[TreeNode]:
    nodes = {t: TreeNode(t, team.name or t, team.lead or "") for t, team in org.teams.items()}
    roots = []
    for tid, team in sorted(org.teams.items()):
        parent = team.parent
        if parent in nodes and parent != tid and not _cycles_to(org, tid):
            nodes[parent].children.append(nodes[tid])
        else:
            roots.append(nodes[tid])
    return roots


def _cycles_to(org: Org, start: str) -> bool:
    seen, team = set(), org.teams[start].parent
    while team in org.teams and team not in seen:
        if team == start:
            return True
        seen.add(team)
        team = org.teams[team].parent
    return False


def _okrs(org: Org) -> list[ObjectiveRow]:
    from orgspec.checks.okrs import verdict

    out = []
    for oid, obj in sorted(org.objectives.items()):
        krs = []
        for kr in obj.key_results:
            v = verdict(obj, kr)
            krs.append(KrRow(kr.id, kr.title, not v.missing, ", ".join(v.missing)))
        out.append(ObjectiveRow(oid, obj.title, obj.owner or "", obj.aligns_to or "", krs))
    return out


def _processes(org: Org) -> list[ProcessView]:
    from orgspec.graph_export import process_flowchart

    return [ProcessView(pid, proc.name or pid, process_flowchart(org, pid))
            for pid, proc in sorted(org.processes.items())]


def flatten(tree: list[TreeNode]) -> list[tuple[int, TreeNode]]:
    """(depth, node) in display order, walked iteratively: a 10,000-deep tree is fine."""
    out: list[tuple[int, TreeNode]] = []
    stack = [(0, node) for node in reversed(tree)]
    while stack:
        depth, node = stack.pop()
        out.append((depth, node))
        stack.extend((depth + 1, child) for child in reversed(node.children))
    return out
