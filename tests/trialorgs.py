"""What the trial tests share: the live-commerce org of trial 19 (a base file whose team
is accountable for a duty, a new team's file that claims it too), and MT002's hints with
the cadences whose hint says how often was read but no time (trials 9 and 19)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

BASE = """\
- {kind: Team, id: tech, name: 技术部, lead: lin-yu, members: [lin-yu, guo-qiang], \
responsibilities: [live-stability]}
- {kind: Person, id: lin-yu, name: 林宇}
- {kind: Person, id: guo-qiang, name: 郭强}
- {kind: Responsibility, id: live-stability, name: 直播稳定性, accountable: tech}
"""
# BASE with line 1's closing `}` missing: a YAML syntax error
BROKEN_BASE = BASE.replace("[live-stability]}\n", "[live-stability]\n", 1)
NEW_TEAM = """\
- {kind: Team, id: live-center, name: 直播中台, parent: tech, lead: guo-qiang, \
members: [guo-qiang], responsibilities: [live-stability]}
"""

# (cadence, lang, MT002's hint): how often is read, the rest names no time (the README's
# own example)
NO_TIME_HINTS = [
    ("每天开播前", "zh", "'开播前' 没有说明几点：写明几点开始，例如 每天 13:30"),
    ("每天開播前", "zh-Hant", "'開播前' 沒有說明幾點：寫明幾點開始，例如 每天 13:30"),
    ("every day before we go live", "en",
     "'before we go live' names no time of day: write when it starts, e.g. every day 13:30"),
]


def mt002_hints(org: Path, lang: str) -> list[tuple[str, str, int, int, str]]:
    """MT002's findings in `org` said in `lang`: (code, file name, line, column, hint)."""
    run = run_cli("check", str(org), "--isolated", "--no-cache", "--select", "MT002",
                  "--format", "json", "--lang", lang)
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"], f["hint"])
            for f in run.json()["findings"]]
