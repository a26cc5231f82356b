"""The handbook site on a deep tree (site34): a chain of teams (`parent: t{i-1}`) made the
site quadratic in its depth (2,000 teams: 38 s against 3.5 s for `check`): each team's
people below walked its whole subtree, each page listed the meetings of every team above
and drew up to 400 boxes of the chain. These tests count work and page sizes, not time."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from orgspec.engine.lint import lint_org
from orgspec.load.config import Config
from orgspec.site import SiteOptions
from orgspec.site.build import _people_below, site_files


def _chain(n: int, meetings: bool = True) -> str:
    """A chain of `n` teams, each with one person and (with `meetings`) a weekly meeting
    its own team attends."""
    lines = []
    for i in range(n):
        parent = f", parent: t{i - 1}" if i else ""
        lines.append(f"- {{kind: Team, id: t{i}, name: T{i}, lead: p{i}, members: [p{i}]"
                     f"{parent}}}")
        lines.append(f"- {{kind: Person, id: p{i}, name: P{i}}}")
        if meetings:
            lines.append(f"- {{kind: Meeting, id: m{i}, name: M{i}, cadence: 每周一 10:00, "
                         f"owner: p{i}, attendees: [t{i}]}}")
    return "\n".join(lines) + "\n"


def _site(folder: Path) -> dict[str, str]:
    result, org = lint_org([str(folder)], Config(lang="en"))
    return dict(site_files(result, org, SiteOptions(lang="en", git_dates=False)))


class _Counting(dict):  # type: ignore[type-arg]
    """A `children` map that counts its look-ups: the visits of a walk over the tree."""

    gets = 0

    def get(self, key: Any, default: Any = None) -> Any:
        _Counting.gets += 1
        return super().get(key, default)


def _naive(org: Any, children: dict[str, list[str]]) -> dict[str, int]:
    """The people below each team by walking its subtree (the quadratic walk of old)."""
    out = {}
    for tid in org.teams:
        people: set[str] = set()
        seen, stack = {tid}, [tid]
        while stack:
            team = org.teams[stack.pop()]
            people.update(team.members)
            if team.lead:
                people.add(team.lead)
            for child in children.get(team.id, ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        out[tid] = sum(p in org.people for p in people)
    return out


def _children(org: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tid, team in org.teams.items():
        if team.parent in org.teams and team.parent != tid:
            out.setdefault(team.parent, []).append(tid)
    return out


def test_people_below_visits_each_team_once_on_a_chain(write_org: Any) -> None:
    """2,000 teams in a chain: one look-up of each team's sub-teams (the walk of old made
    2,001,000); the counts are the chain's (the team at depth i holds 2,000 - i people)."""
    n = 2000
    folder = write_org({"org.yaml": _chain(n, meetings=False)})
    _, org = lint_org([str(folder)], Config())
    children = _Counting(_children(org))
    _Counting.gets = 0
    below = _people_below(org, children)
    assert _Counting.gets <= n
    assert [below[f"t{i}"] for i in (0, 1, 1000, n - 1)] == [n, n - 1, n - 1000, 1]


def test_people_below_reads_a_chain_below_a_cycle_once(write_org: Any) -> None:
    """A cycle of two with a chain of 2,000 teams below it: each team's sub-teams looked up
    once (each team below a cycle walked its whole subtree: 2,001,000 visits); the teams on
    the cycle count the cycle once and the chain."""
    n = 2000
    text = _chain(n, meetings=False).replace("lead: p0, members: [p0]",
                                             "lead: p0, members: [p0], parent: c1")
    text += ("- {kind: Team, id: c1, lead: q1, members: [q1], parent: c2}\n"
             "- {kind: Team, id: c2, lead: q2, members: [q2, p5], parent: c1}\n"
             "- {kind: Person, id: q1}\n- {kind: Person, id: q2}\n")
    folder = write_org({"org.yaml": text})
    _, org = lint_org([str(folder)], Config())
    children = _Counting(_children(org))
    _Counting.gets = 0
    below = _people_below(org, children)
    assert _Counting.gets <= n + 2
    assert [below[t] for t in ("c1", "c2", "t0", "t1", f"t{n - 1}")] == [n + 2, n + 2, n,
                                                                       n - 1, 1]


def test_people_below_counts_each_person_once(write_org: Any) -> None:
    """Against the walk of old, on random trees with people in several teams (a lead of
    one team member of another, in one subtree or two), unknown members, a parent cycle
    with teams below it and a team that is its own parent."""
    rng = random.Random(34)
    for _ in range(5):
        lines = []
        for i in range(60):
            parent = f"t{rng.randrange(i)}" if i and rng.random() < 0.9 else ""
            if i in (57, 58):  # a cycle of two, with t59 and what is below it below it
                parent = "t58" if i == 57 else "t57"
            if i == 59:
                parent = "t57"
            if i in (50, 51, 52):  # a cycle of three under a tree, with a tree below it
                parent = {50: "t52", 51: "t50", 52: "t51"}[i]
            if i in (53, 54, 55):
                parent = f"t{rng.choice((50, 51, 52, 53, 59))}" if i != 53 else "t51"
            if i == 56:
                parent = "t56"
            members = sorted({f"p{rng.randrange(40)}" for _ in range(rng.randrange(4))} |
                             ({"ghost"} if rng.random() < 0.1 else set()))
            lead = f", lead: p{rng.randrange(40)}" if rng.random() < 0.7 else ""
            lines.append(f"- {{kind: Team, id: t{i}, members: [{', '.join(members)}]{lead}"
                         + (f", parent: {parent}" if parent else "") + "}")
        lines += [f"- {{kind: Person, id: p{i}}}" for i in range(40)]
        folder = write_org({"org.yaml": "\n".join(lines) + "\n"})
        _, org = lint_org([str(folder)], Config())
        children = _children(org)
        assert _people_below(org, children) == _naive(org, children)


def _largest(files: dict[str, str], folder: str) -> int:
    return max(len(text.encode()) for path, text in files.items()
               if path.startswith(folder + "/") and not path.endswith("index.html"))


def test_pages_do_not_grow_with_the_depth(write_org: Any, tmp_path: Path) -> None:
    """A team's and a person's page at the foot of a chain of 60 and of 120 teams are
    about one size (ids one digit longer): the teams above are counted, not listed; the
    subtree diagram stops at its depth limit. Of old both grew with the depth (the site of
    120 teams was four times that of 60 less its fixed part)."""
    small = _site(write_org({"org.yaml": _chain(60)}))
    big_folder = tmp_path / "big"
    big_folder.mkdir()
    (big_folder / "org.yaml").write_text(_chain(120), "utf-8")
    big = _site(big_folder)
    for folder in ("teams", "people"):
        assert _largest(big, folder) <= _largest(small, folder) * 1.05, folder
    html = sum(len(t.encode()) for p, t in big.items() if p.endswith(".html")) / \
        sum(len(t.encode()) for p, t in small.items() if p.endswith(".html"))
    assert html < 2.3


def test_meetings_above_are_counted_by_team(write_org: Any) -> None:
    """The person at the foot of a chain of 9 teams: their own team's meeting listed; the
    five nearest teams above named with their one meeting, or counted (T6 attends two),
    linked to that team's meetings; the three further teams said in one line linking to
    the farthest listed team's meetings, where the list goes on. The heading counts what
    is listed, and says there are more."""
    extra = "- {kind: Meeting, id: mx, name: MX, cadence: 每周五, attendees: [t6]}\n"
    files = _site(write_org({"org.yaml": _chain(9) + extra}))
    page = files["people/p8.html"]
    part = page.split('<section id="meetings">')[1].split("</section>")[0]
    assert "<h2>Meetings (7+)</h2>" in part
    items = [(re.findall(r'href="([^"]+)"', i)[0], re.sub(r"<[^>]+>", "", i))
             for i in re.findall(r"<li>(.*?)</li>", part)]
    assert items == [
        ("../meetings/m8.html", "M8 · chairs"),
        ("../meetings/m7.html", "M7 (through T7, a team above)"),
        ("../teams/t6.html#meetings", "2 meetings (through T6, a team above)"),
        *((f"../meetings/m{i}.html", f"M{i} (through T{i}, a team above)")
          for i in range(5, 2, -1)),
        ("../teams/t3.html#meetings", "… and the meetings of 3 more teams above: see T3")]
    team = files["teams/t8.html"].split('<section id="meetings">')[1].split("</section>")[0]
    assert "<h2>Meetings (7+)</h2>" in team
    assert team.count("<li>") == 6  # five teams above and the line for the rest
    # the linked team's page lists its own meeting, then the teams above it
    t3 = files["teams/t3.html"].split('<section id="meetings">')[1].split("</section>")[0]
    assert "../meetings/m3.html" in t3
    assert [re.sub(r"<[^>]+>", "", i) for i in re.findall(r"<li>(.*?)</li>", t3)] == [
        f"M{i} (through T{i}, a team above)" for i in (2, 1, 0)]
