"""The chat message: the report's summary as one message for WeCom (企业微信), DingTalk (钉钉),
Feishu/Lark and Slack, from the view model.

Plain chat Markdown only (bold, `- ` items, code spans, one link): no HTML, tables, Mermaid
or footnotes, which those apps show as raw text. It is cut to a byte budget, whole lines at
a time, so it never ends inside a character or a Markdown construct. The apps' limits
(researched 2026-12): WeCom group robot `markdown.content` 4,096 bytes UTF-8 (errcode 40058
past it; its `text.content` 2,048); DingTalk custom robot request body 20,000 bytes; Feishu/
Lark custom robot request body 20 KB; Slack `text` truncated past 40,000 characters, a
section block's text 3,000 characters. CHAT_LIMIT fits every one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from orgspec.escape import chat_code, chat_inline, chat_with_code
from orgspec.i18n import M, P, plural_template
from orgspec.paths import http_url
from orgspec.report.errors import ReportError
from orgspec.report.labels import COUNTS
from orgspec.report.view import FindingRow, ReportView, TeamHealth

CHAT_LIMIT = 4_000  # bytes of UTF-8: under WeCom's 4,096, the smallest of the four apps
MIN_BYTES = 500
ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}
TEAMS_SHOWN = 5  # the lowest-scoring teams in the health section
CHANGES_SHOWN = 20  # the org diff's lines at most, then `… and N more changes`
NAME_LEN = 40  # characters of a name (a team's) before it is cut with `…`
MESSAGE_LEN = 200  # characters of a finding's message
_RANK = {"error": 0, "warning": 1, "info": 2}
# what `quote` keeps of a `--link` URL: nothing that ends a Markdown link or starts markup
_URL_SAFE = ":/?#=&%-._~+,;!$'@"


@dataclass
class _Budget:
    """Lines of the message and their size in bytes (each line with its newline)."""

    limit: int
    lines: list[str] = field(default_factory=list)
    used: int = 0

    @staticmethod
    def size(lines: Iterable[str]) -> int:
        return sum(len(line.encode("utf-8")) + 1 for line in lines)

    def fits(self, lines: list[str], reserve: int = 0) -> bool:
        return self.used + self.size(lines) + reserve <= self.limit

    def add(self, lines: list[str]) -> None:
        self.lines += lines
        self.used += self.size(lines)


def chat_link(url: str) -> str:
    """`url` percent-encoded for a chat Markdown link: spaces, parentheses, brackets, angle
    brackets, backticks and `*` encoded. Raises ReportError (an `M`) unless it is an
    http(s) URL."""
    if not http_url(url, blanks=True) or len(url) > 2000:
        raise ReportError(M("--link takes an http(s) URL of at most 2,000 characters, not "
                            "{url!r}", url=url[:200]))
    return quote(url, safe=_URL_SAFE)


def render_chat(view: ReportView, max_bytes: int = CHAT_LIMIT, link: str | None = None) -> str:
    """The chat message in `view.lang`: title, counts by severity, the lowest-scoring teams
    by name, with `--diff` the first changes to the org, the most severe findings grouped
    by team (each with `file:line`), `… and N more` when some are left out, and the full
    report's `link` (a URL) when given. At most `max_bytes` bytes of UTF-8; raises ReportError when
    the title, counts and pointer alone do not fit."""
    lab = view.labels
    new = "new_" if view.diff_ref else ""  # with `--diff`: the counts are of new findings
    # a blank line between paragraphs: a chat app joins two lines of one paragraph
    head = [f"**{chat_inline(lab['title'])}**", "",
            " · ".join(f"{ICONS[sev]} {_count(new + key, view.counts[sev], view.lang)}"
                       for sev, key in (("error", "errors"), ("warning", "warnings"),
                                        ("info", "infos")))
            + f" · {_count('files', view.files, view.lang)}"
            + f" · {_count('entities', view.entities, view.lang)}"]
    head += [line for line in ("", f"⚠️ {chat_inline(view.incomplete)}") if view.incomplete]
    # the counts without the report's word on its team health: the message's scores only
    # the findings it lists (`attribute`)
    head += [line for line in ("", _with_ref(view.chat_diff_counts, view.diff_ref))
             if view.chat_diff_counts]
    head += [line for line in ("", chat_inline(view.chat_baselined)) if view.chat_baselined]
    # the full report's link; no command without one: a chat reader runs none
    foot = ["", f"[{chat_inline(lab['chat_full'])}]({chat_link(link)})"] if link else []
    ranked = sorted(view.rows, key=lambda r: _RANK.get(r.severity, 3))
    more = ["", _more(len(ranked), view.lang)] if ranked else []
    budget = _Budget(max_bytes)
    reserve = budget.size(foot) + budget.size(more)
    if not budget.fits(head, reserve):
        raise ReportError(M("--max-bytes {n} is too small: the title, counts and link alone "
                            "take {need} bytes", n=max_bytes, need=budget.size(head) + reserve))
    budget.add(head)
    if not ranked:
        budget.add(["", chat_inline(lab["none_beyond"] if view.baselined else lab["none_new"]
                                       if view.diff_counts else lab["none"])])
    by_team = attribute(ranked)
    _health(budget, view, by_team, reserve)
    _changes(budget, view, reserve)
    shown = _findings(budget, view, ranked, by_team, reserve)
    if shown < len(ranked):
        budget.add(["", _more(len(ranked) - shown, view.lang)])
    budget.add(foot)
    return "".join(line + "\n" for line in budget.lines)


def _with_ref(text: str, ref: str) -> str:
    """`text` (`Since HEAD~7: …`) for a chat line, the revision `ref` it names kept as
    written in a code span (`chat_inline` would turn `~` into `～`)."""
    at = text.find(ref) if ref and "`" not in ref else -1
    if at < 0:
        return chat_inline(text)
    return chat_inline(text[:at]) + chat_code(ref) + chat_inline(text[at + len(ref):])


def _count(key: str, n: int, lang: str) -> str:
    return plural_template(P(COUNTS[key].singular, COUNTS[key].plural, n=n), lang) \
        .replace("{n}", str(n))


def _more(n: int, lang: str) -> str:
    return _count("more_findings", n, lang)


def attribute(ranked: list[FindingRow]) -> dict[str, list[FindingRow]]:
    """The one attribution of the chat message: team id ("" for none) -> the findings it
    answers for (`FindingRow.team`, the first team a finding involves), in `ranked` order,
    teams in the order of their most severe finding. The health lines count these and the
    findings section lists these, so a team's counts are the items under it (trial 27:
    `技术部：94 分（2 个警告）` over one warning, the other counted by involvement and listed
    under another team)."""
    out: dict[str, list[FindingRow]] = {}
    for row in ranked:
        out.setdefault(row.team, []).append(row)
    return out


def _health(budget: _Budget, view: ReportView, by_team: dict[str, list[FindingRow]],
            reserve: int) -> None:
    """The lowest-scoring teams of `by_team` (`attribute`), each scored on the findings
    listed under it, under the section's heading: at most TEAMS_SHOWN, in at most a third
    of the room left (the findings are worth more)."""
    health = []
    for team, rows in by_team.items():
        if team:
            sev = [r.severity for r in rows]
            health.append(TeamHealth(team, view.team_names.get(team, team), sev.count("error"),
                                     sev.count("warning"), sev.count("info")))
    health.sort(key=lambda h: (h.score, view.team_place(h.team), h.team))
    lines = [_score(h, view) for h in health[:TEAMS_SHOWN] if h.score < 100]
    block = ["", f"**{chat_inline(view.labels['chat_health'])}**"]
    room = budget.used + (budget.limit - budget.used - reserve) // 3
    for line in lines:
        if budget.used + budget.size([*block, line]) > room:
            break
        budget.add([*block, line])
        block = []


def _changes(budget: _Budget, view: ReportView, reserve: int) -> None:
    """The org diff's changes to the org (who moved, teams added, renamed), under the
    report's heading for them: at most CHANGES_SHOWN, in at most half the room left (the
    findings follow), then how many more the full report has."""
    if not view.org_changes:
        return
    block = ["", f"**{chat_inline(view.labels['diff'])}**"]
    room = budget.used + (budget.limit - budget.used - reserve) // 2
    lines = [f"- {chat_inline(change, MESSAGE_LEN)}" for change in view.org_changes]
    shown = 0
    for line in lines[:CHANGES_SHOWN]:
        more = ["", _count("more_changes", len(lines) - shown - 1, view.lang)]
        if budget.used + budget.size([*block, line, *more]) > room:
            break
        budget.add([*block, line])
        block, shown = [], shown + 1
    if shown and shown < len(lines):  # a paragraph of its own, not part of the last item
        budget.add(["", _count("more_changes", len(lines) - shown, view.lang)])


def _score(h: TeamHealth, view: ReportView) -> str:
    counts = [_count(key, n, view.lang) for key, n in
              (("errors", h.errors), ("warnings", h.warnings), ("infos", h.infos)) if n]
    return "- " + view.labels["chat_score"].format(
        team=chat_inline(h.name, NAME_LEN), score=h.score,
        counts=view.labels["list_sep"].join(counts))


def _findings(budget: _Budget, view: ReportView, ranked: list[FindingRow],
              by_team: dict[str, list[FindingRow]], reserve: int) -> int:
    """The most severe findings that fit, grouped as `attribute` groups them (teams in the
    order of their most severe finding, the findings of no team last); how many."""
    heading = ["", f"**{chat_inline(view.labels['chat_findings'])}**"]
    groups: dict[str, list[str]] = {}
    cost = budget.size(heading)
    team_of = {id(row): team for team, rows in by_team.items() for row in rows}
    for shown, row in enumerate(ranked):
        line, team = _line(row), team_of[id(row)]
        new_team = team not in groups
        extra = budget.size([line] + (["", _team(team, view)] if new_team else []))
        if budget.used + cost + extra + reserve > budget.limit:
            return _emit(budget, heading, groups, view, shown)
        groups.setdefault(team, []).append(line)
        cost += extra
    return _emit(budget, heading, groups, view, len(ranked))


def _emit(budget: _Budget, heading: list[str], groups: dict[str, list[str]],
          view: ReportView, shown: int) -> int:
    if not groups:
        return shown
    budget.add(heading)
    for team in sorted(groups, key=lambda t: t == ""):  # stable: no team last
        budget.add(["", _team(team, view), *groups[team]])
    return shown


def _team(team: str, view: ReportView) -> str:
    name = view.team_names.get(team, team) if team else view.labels["chat_no_team"]
    return f"**{chat_inline(name, NAME_LEN)}**"


def _line(row: FindingRow) -> str:
    where = f"{row.file}:{row.line}" if row.file else row.where
    return (f"- {ICONS.get(row.severity, '')} {row.code} "
            f"{chat_with_code(row.message, MESSAGE_LEN)} {chat_code(where)}")
