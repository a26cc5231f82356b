"""Near-linear stages on adversarial orgs, asserted as operation counts (not times): doubling
the input at most about doubles the work. Each test counts the operation a per-finding or
per-entity search would repeat, and each has a twin showing the count would grow
quadratically if the work were done the naive way, so the assertion can fail."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from orgspec.engine.anchors import Span
from orgspec.engine.lint import lint, load_org
from orgspec.load.config import Config, Selector


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count calls to `owner.name` (a function or method), calling through."""
    calls = [0]
    real: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _write(folder: Path, text: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org.yaml").write_text(text, "utf-8")
    return [str(folder)]


def _process_without_owners(steps: int) -> str:
    body = "\n".join(f"  - id: s{i}" for i in range(steps))
    return f"kind: Process\nid: p\nowner: a\nsteps:\n{body}\n---\nkind: Team\nid: a\n"


def _placing_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    holds = _counting(monkeypatch, Span, "holds")
    work = []
    for n in (400, 800):
        holds[0] = 0
        result = lint(_write(tmp_path / str(n), _process_without_owners(n)),
                      Config(select=[Selector("PR001", "test")]))
        assert len(result.findings) == n
        assert len({f.fingerprint for f in result.findings}) == n
        work.append(holds[0])
    return work


def test_a_finding_on_each_of_many_steps_finds_its_step_by_bisection(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fingerprints and suppressions place each finding in its key result, step or charter
    item: a process of N unowned steps gives N findings, each placed in O(log N)."""
    work = _placing_work(tmp_path, monkeypatch)
    assert work[1] <= 3 * work[0], work
    assert work[1] <= 4 * 800, work  # a few span tests per finding, not one per step


def test_searching_every_step_per_finding_would_grow_quadratically(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The twin of the test above: with a list search of the parts, the count quadruples."""
    def linear(self: Span, pos: tuple[int, int]) -> Span | None:
        return next((p for p in self.parts if p.holds(pos)), None)

    monkeypatch.setattr(Span, "part_at", linear)
    work = _placing_work(tmp_path, monkeypatch)
    assert work[1] > 3 * work[0], work


def test_an_unknown_next_lists_a_bounded_number_of_steps(tmp_path: Path) -> None:
    """The hint of each unknown `next` names at most 20 steps, so N such findings in an
    N-step process cost O(N) text, not O(N^2)."""
    steps = "\n".join(f"  - {{id: step{i:03d}, owner: a, next: [zz-qq-{i}]}}" for i in range(60))
    text = f"kind: Process\nid: p\nowner: a\nsteps:\n{steps}\n---\nkind: Team\nid: a\n"
    result = lint(_write(tmp_path, text), Config(select=[Selector("RF001", "test")]))
    assert len(result.findings) == 60
    shown = ", ".join(f"step{i:03d}" for i in range(20))
    assert {f.hint for f in result.findings} == {f"steps of 'p': {shown} (+40 more)"}


def _chain_with_disjoint_periods(n: int) -> str:
    """`n` teams in one parent chain, each with one objective aligned to nothing, every
    period a different year: no objective above one shares its period."""
    out = []
    for i in range(n):
        parent = f"\n  parent: t{i - 1}" if i else ""
        out.append(f"- kind: Team\n  id: t{i}{parent}\n"
                   f"- kind: Objective\n  id: o{i}\n  title: Grow {i}\n  owner: t{i}\n"
                   f"  period: '{1000 + i}'\n")
    return "".join(out)


def _periods_compared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Periods compared by OK013 alone (called directly, in this process) on chains of 400
    and 800 teams."""
    from orgspec.checks import okrs
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.lint import load_org

    compared = _counting(monkeypatch, okrs, "_can_align")
    work = []
    for n in (400, 800):
        org = load_org(_write(tmp_path / str(n), _chain_with_disjoint_periods(n))).org
        compared[0] = 0
        assert list(okrs.orphan_objective(RuleContext(Shared(org)))) == []  # none shares
        work.append(compared[0])
    return work


def test_orphan_objectives_compare_a_bounded_number_of_periods_up_a_deep_chain(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """OK013 looks at the nearest MAX_ABOVE objectives above each one (1,000; 100 here, so
    that small chains are deeper than the bound), not at every objective up to the root."""
    from orgspec.checks import okrs

    monkeypatch.setattr(okrs, "MAX_ABOVE", 100)
    work = _periods_compared(tmp_path, monkeypatch)
    assert work[1] <= 3 * work[0], work


def test_walking_to_the_root_for_every_objective_would_grow_quadratically(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.checks import okrs

    monkeypatch.setattr(okrs, "MAX_ABOVE", 10**9)
    work = _periods_compared(tmp_path, monkeypatch)
    assert work[1] > 3 * work[0], work


def test_an_overlapping_objective_beyond_the_nearest_ones_is_still_named(
        tmp_path: Path) -> None:
    """Within the bound, behaviour is unchanged: the nearest overlapping objective above is
    named however many teams lie between."""
    text = _chain_with_disjoint_periods(50).replace("period: '1000'", "period: '1049'")
    result = lint(_write(tmp_path, text), Config(select=[Selector("OK013", "test")]))
    assert [(f.code, f.entity) for f in result.findings] == [("OK013", "objective:o49")]
    assert "'o0'" in result.findings[0].message


def test_the_anchor_index_walks_the_origins_once_and_a_view_keeps_to_its_entities() -> None:
    """Anchors index an org by one pass over its origins (no key built or looked up per
    entity); a view holding fewer entities than origins (the incremental check's) is indexed
    by its tables, so its anchors know only its own entities - both as before."""
    from dataclasses import replace

    from orgspec.engine import anchors as anchors_module
    from orgspec.engine.anchors import Anchors
    from orgspec.engine.lint import load_org

    org = load_org(["examples/ecommerce"], Config()).org
    built = [0]
    real = anchors_module.node_key

    def counted(kind: str, ident: str) -> str:
        built[0] += 1
        return real(kind, ident)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(anchors_module, "node_key", counted)
        whole = Anchors(org)
        assert built[0] == 0
        keep = dict(list(org.teams.items())[:1])
        view = Anchors(replace(org, teams=keep, people={}, responsibilities={},
                               objectives={}, processes={}, positions={}, meetings={}))
        assert built[0] == 1
    by_key = {k for keys in whole._pending.values() for k in keys}
    assert by_key == set(org.origins)
    assert {k for keys in view._pending.values() for k in keys} == {f"team:{t}" for t in keep}
    for file in list(whole._pending):
        spans = whole._file(file)
        assert spans and all(s.file == file for s in spans)


def _chain_of_meeting_teams(depth: int, leaves: int) -> str:
    """A chain of `depth` teams, `leaves` teams under its last one, every team meeting its
    parent in a weekly meeting it attends as a team, and one duty per pair of neighbouring
    leaves (accountable and responsible): MT004 judges one pair of leaves per duty, MT005
    asks for every team's meetings."""
    docs = ["kind: Team\nid: c0"]
    docs += [f"kind: Team\nid: c{i}\nparent: c{i - 1}" for i in range(1, depth)]
    docs += [f"kind: Team\nid: l{j}\nparent: c{depth - 1}" for j in range(leaves)]
    docs += [f"kind: Meeting\nid: m{i}\ncadence: weekly\nowner: c{i}\nattendees: [c{i - 1}]"
             for i in range(1, depth)]
    docs += [f"kind: Meeting\nid: ml{j}\ncadence: weekly\nowner: l{j}\n"
             f"attendees: [c{depth - 1}]" for j in range(leaves)]
    docs += [f"kind: Responsibility\nid: d{j}\naccountable: l{j}\nresponsible: [l{j + 1}]"
             for j in range(leaves - 1)]
    return "\n---\n".join(docs) + "\n"


def _old_meetings_of(self: Any, team: str) -> set[str]:
    """Presence.meetings_of before it kept each team's set: a union over every marked
    ancestor, per question."""
    own: set[str] = self.team_meetings.get(team, set())
    if self.tree is None:
        return own
    above = [self.team_attends[t] for t in self.tree.marked_above(team)]
    return own.union(*above) if above else own


def _ancestor_meetings_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            depth: int, leaves: int) -> tuple[int, int]:
    """(reads of the meetings teams attend as teams, marked teams) while MT005 runs (it
    asks for the meetings of every team)."""
    from orgspec.checks import meetings
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.lint import load_org

    class Counted(dict[str, set[str]]):
        reads = 0

        def __getitem__(self, key: str) -> set[str]:
            Counted.reads += 1
            return super().__getitem__(key)

        def get(self, key: str, default: Any = None) -> Any:
            Counted.reads += 1
            return super().get(key, default)

    real = meetings.presence

    def counting(org: Any, tree: Any = None) -> Any:
        where = real(org, tree)
        where.team_attends = Counted(where.team_attends)
        return where

    monkeypatch.setattr(meetings, "presence", counting)
    org = load_org(_write(tmp_path, _chain_of_meeting_teams(depth, leaves))).org
    found = list(meetings.team_without_meeting(RuleContext(Shared(org))))
    assert found == []  # every team meets in its own and its parent's meetings
    return Counted.reads, depth + leaves


def test_a_team_pair_reads_each_ancestors_meetings_once_per_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MT005 asks for the meetings of every team; the meetings a team takes part in
    through the teams above it are kept per marked team (built from the one above), so
    each marked team's own are read about once, not once per question per descendant."""
    reads, marked = _ancestor_meetings_read(tmp_path, monkeypatch, 30, 200)
    assert reads <= 2 * marked, (reads, marked)


def test_a_union_over_every_ancestor_per_question_would_read_depth_times_more(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The twin of the test above: the old per-question union reads every ancestor's
    meetings for each of the ~400 questions (~30 each)."""
    from orgspec.model.positions import Presence

    monkeypatch.setattr(Presence, "meetings_of", _old_meetings_of)
    reads, marked = _ancestor_meetings_read(tmp_path, monkeypatch, 30, 200)
    assert reads > 10 * marked, (reads, marked)


def _pair_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, depth: int,
               leaves: int) -> int:
    """MT004's work on the pairs of `_chain_of_meeting_teams(depth, leaves)`: pairs judged
    plus the meetings in the sets it is handed to compare (`Presence.meetings_of`,
    `parts_of`)."""
    from orgspec.checks import meetings
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.model.positions import Presence

    work = [0]
    for name in ("meetings_of", "parts_of"):
        real = getattr(Presence, name)

        def sized(self: Any, team: str, real: Any = real) -> Any:
            got = real(self, team)
            work[0] += sum(map(len, got)) if isinstance(got, tuple) else len(got)
            return got

        monkeypatch.setattr(Presence, name, sized)
    judged = _counting(monkeypatch, meetings._Teams, "closed")
    org = load_org(_write(tmp_path / f"{depth}-{leaves}",
                          _chain_of_meeting_teams(depth, leaves))).org
    assert list(meetings.coordination_gap(RuleContext(Shared(org)))) == []
    assert judged[0] == leaves - 1  # one pair per duty
    return work[0] + judged[0]


def test_a_team_pair_under_one_top_team_costs_the_same_at_any_depth(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twice the leaves at twice the depth: twice the pairs, and no more work per pair.
    Every pair of leaves meets through the chain's top team (it attends a meeting as a
    team), which MT004 finds per team once, not by comparing the pair's meeting sets (each
    holds every meeting attended as a team above: the depth of the org)."""
    small = _pair_work(tmp_path, monkeypatch, 30, 200)
    large = _pair_work(tmp_path, monkeypatch, 60, 400)
    assert large <= 2.2 * small, (small, large)


def test_comparing_each_pairs_meeting_sets_would_grow_with_the_depth_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The twin of the test above: judging a pair by its teams' meeting sets (as
    `Presence.share` does, MT004 before the top team) reads ~2 x depth meetings per pair:
    4x the work for twice the leaves at twice the depth."""
    from orgspec.checks import meetings

    def by_sets(self: Any, code: int) -> bool:
        a, b = self.names[code >> 32], self.names[code & 0xFFFFFFFF]
        return self.where.share(a, b) or self.where.nested(a, b)

    monkeypatch.setattr(meetings._Teams, "closed", by_sets)
    small = _pair_work(tmp_path, monkeypatch, 30, 200)
    large = _pair_work(tmp_path, monkeypatch, 60, 400)
    assert large > 3.5 * small, (small, large)


@pytest.mark.parametrize("depth", [5, 70])  # 70: beyond MAX_LINE, walked as before
def test_kept_meeting_sets_equal_the_union_over_the_ancestors(tmp_path: Path,
                                                             depth: int) -> None:
    from orgspec.engine.lint import load_org
    from orgspec.model.positions import presence

    text = _chain_of_meeting_teams(depth, 6) + (  # and a parent cycle outside the tree
        "---\nkind: Team\nid: x\nparent: y\n---\nkind: Team\nid: y\nparent: x\n"
        "---\nkind: Meeting\nid: mx\ncadence: weekly\nowner: x\nattendees: [l0, y]\n")
    for folder, org in ((tmp_path, load_org(_write(tmp_path, text)).org),
                        (None, load_org(["examples/ecommerce"]).org)):
        where, old = presence(org), presence(org)
        for team in reversed(list(org.teams)):
            assert where.meetings_of(team) == _old_meetings_of(old, team), (folder, team)


def test_holders_on_their_teams_need_no_list_of_unresolved_references(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RO002 lists the teams that name a person other than by id (every team reference
    of the org, checked) only when some holder is on none of its position's teams, and
    then once, indexed by person (it was built for every run and scanned whole for each
    such holder)."""
    from orgspec.checks import positions
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.lint import load_org

    listed = _counting(monkeypatch, positions, "meant")
    people = "\n---\n".join(f"kind: Person\nid: p{i}\nname: P{i}" for i in range(6))
    for n, (holders, found) in enumerate((("[p0, p1]", 0), ("[p0, p1, p4, p5]", 2))):
        text = (f"{people}\n---\nkind: Team\nid: a\nmembers: [p0, p1]\n---\nkind: Team\n"
                f"id: b\nmembers: [p2, P5]\n---\nkind: Role\nid: r\nteam: a\n"
                f"holders: {holders}\n")
        listed[0] = 0
        org = load_org(_write(tmp_path / str(n), text), Config()).org
        got = list(positions.holder_outside_team(RuleContext(Shared(org))))
        assert [f.message.split(" holds")[0] for f in got] == ["'p4'", "'p5'"][:found]
        assert listed[0] == min(found, 1)


def _one_group_of(n: int) -> str:
    teams = "".join(f"- kind: Team\n  id: t{i}\n  responsibilities: [d{i}]\n" for i in range(n))
    duties = "".join(f"- kind: Responsibility\n  id: d{i}\n  description: 处理用户投诉与建议\n"
                     for i in range(n))
    return teams + duties


@pytest.mark.parametrize("n", [30, 60])
def test_the_text_lines_of_a_group_do_not_grow_with_the_group(tmp_path: Path, n: int) -> None:
    # n duties of n teams written alike are one OW007 finding; the terminal shows 3 related
    # lines, the places of the other 7 that the other formats list on one line, and a count
    # of the other n - 11, as they count them (it showed all 20 listed; then 3 and a count)
    from orgspec import reporters
    from orgspec.findings import LISTED_RELATED
    from orgspec.reporters.text import SHOWN_RELATED

    result = lint(_write(tmp_path, _one_group_of(n)),
                  Config(select=[Selector("OW007", "test")], lang="en"))
    (group,) = result.findings
    assert (len(group.related), group.related_more) == (20, n - 21)
    text = reporters.render("text", result).splitlines()
    assert sum(line.startswith("    related: ") for line in text) == SHOWN_RELATED + 2 == 5
    assert text[1 + SHOWN_RELATED] == "    related: also " + ", ".join(
        r.location.short() for r in group.related[SHOWN_RELATED:LISTED_RELATED])
    assert text[2 + SHOWN_RELATED] == f"    related: … and {n - 1 - LISTED_RELATED} more"
    assert [r.location.short() for r in group.related[:SHOWN_RELATED]] == \
        [line.split(": ")[1] for line in text[1:1 + SHOWN_RELATED]]


@pytest.mark.parametrize("n", [30, 60])
def test_every_format_lists_the_same_related_locations_of_a_group(tmp_path: Path,
                                                                  n: int) -> None:
    # the machine formats and the reports list the first LISTED_RELATED members and count
    # the rest, so a finding's size does not grow with its group
    from orgspec import reporters
    from orgspec.findings import LISTED_RELATED
    from orgspec.report.view import build_view

    root = _write(tmp_path, _one_group_of(n))
    config = Config(select=[Selector("OW007", "test")], lang="en")
    result = lint(root, config)
    (group,) = result.findings
    first = [r.location for r in group.related[:LISTED_RELATED]]
    more = n - 1 - LISTED_RELATED
    (record,) = json.loads(reporters.render("json", result))["findings"]
    assert [(r["file"], r["line"], r["column"]) for r in record["related"]] == \
        [(loc.file, loc.line, loc.col) for loc in first]
    assert record["related_more"] == more
    assert json.loads(reporters.render("json-lines", result))["related_more"] == more
    (sarif,) = json.loads(reporters.render("sarif", result))["runs"][0]["results"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in sarif["relatedLocations"]] \
        == [loc.line for loc in first]
    assert sarif["properties"]["relatedMore"] == more
    # the places listed before the count, as relatedLocations has them: never the count
    # alone (trial 33a: code scanning showed "… and 2 more" with nothing before it)
    places = ", ".join(
        f"{unquote(r['physicalLocation']['artifactLocation']['uri'])}:"
        f"{r['physicalLocation']['region']['startLine']}:"
        f"{r['physicalLocation']['region']['startColumn']}" for r in sarif["relatedLocations"])
    assert f"\nrelated: {places} … and {more} more\n" in sarif["message"]["text"]
    github = reporters.render("github", result)
    assert github.count("%0Arelated: ") == LISTED_RELATED + 1
    assert f"%0Arelated: … and {more} more" in github
    (row,) = build_view(result, load_org(root, config).org, "zh").rows
    assert [r.split(": ")[0] for r in row.related[:-1]] == [loc.short() for loc in first]
    assert row.related[-1] == f"……另有 {more} 处"


def test_one_related_location_more_than_shown_is_shown_not_counted(tmp_path: Path) -> None:
    from orgspec import reporters
    from orgspec.reporters.text import SHOWN_RELATED

    result = lint(_write(tmp_path, _one_group_of(SHOWN_RELATED + 2)),
                  Config(select=[Selector("OW007", "test")], lang="en"))
    text = reporters.render("text", result)
    assert text.count("    related: ") == SHOWN_RELATED + 1 and "related: …" not in text


@pytest.mark.parametrize(("related", "more", "listed", "counted"), [
    (10, 0, 10, 0), (11, 0, 11, 0), (12, 0, 10, 2), (11, 3, 10, 4), (5, 7, 5, 7), (0, 0, 0, 0)])
def test_a_finding_lists_at_most_ten_related_locations_and_counts_the_rest(
        related: int, more: int, listed: int, counted: int) -> None:
    # one more than the limit is listed, not counted as `… and 1 more`; what the check
    # itself left out (`related_more`) is always counted
    from orgspec.findings import Finding, Location, Related, Severity

    f = Finding("OW007", "near-duplicate-duties", Severity.WARNING, "m", Location("a.yaml"),
                related=tuple(Related(Location("a.yaml", i + 2), f"r{i}") for i in range(related)),
                related_more=more)
    shown, left = f.listed_related()
    assert (len(shown), left) == (listed, counted)
    assert shown == f.related[:listed]
    record = f.to_record()
    assert (len(record["related"]), record["related_more"]) == (listed, counted)  # type: ignore[arg-type]


class _CountedList(list):  # type: ignore[type-arg]
    """A list that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self) -> Any:
        type(self).walks += 1
        return super().__iter__()


def _stray_steps(n: int) -> str:
    # n processes, each with a step nothing leads to: n PR003 findings
    return "".join(f"kind: Process\nid: p{i}\nowner: a\nsteps:\n  - {{id: s, owner: a}}\n"
                   f"  - {{id: stray, owner: a}}\n---\n" for i in range(n)) + "kind: Team\nid: a\n"


def _view_walks(tmp_path: Path, naive: bool, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from orgspec.report import view

    if naive:  # every process reads every finding, as it did
        real = view.unreachable_steps
        monkeypatch.setattr(view, "unreachable_steps",
                            lambda org, pid, findings, spots=None: real(org, pid, findings))
    walks = []
    for n in (40, 80):
        root = _write(tmp_path / str(n), _stray_steps(n))
        config = Config(select=[Selector("PR003", "test")], lang="en")
        result = lint(root, config)
        assert [f.code for f in result.findings] == ["PR003"] * n
        org = load_org(root, config).org
        result.findings = _CountedList(result.findings)
        _CountedList.walks = 0
        built = view.build_view(result, org, "en")
        assert sum("step-unreachable" in s.kind for p in built.processes for s in p.steps) == n
        walks.append(_CountedList.walks)
    return walks


def test_the_report_reads_the_findings_a_fixed_number_of_times_for_any_process_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the flowcharts mark the steps PR003 names: the findings are indexed once for all
    # processes (5,000 processes x 10,000 findings took 18 s of a 5,000-team report)
    small, large = _view_walks(tmp_path, False, monkeypatch)
    assert large == small, (small, large)


def test_reading_the_findings_per_process_would_grow_with_the_processes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _view_walks(tmp_path, True, monkeypatch)
    assert large >= small + 40, (small, large)


def _ratios_per_word(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """difflib ratios computed for 20 unknown ids among 5,000 and 10,000 dense ids
    (`n00007`...): each word's candidates (`n00007`, `n01007`, ... `n09007`, one per
    digit that makes an id) double with the ids."""
    import difflib

    from orgspec.text.suggest import Suggester

    ratios = _counting(monkeypatch, difflib.SequenceMatcher, "ratio")
    words = [f"n{i:04d}" for i in range(7, 1000, 50)]  # a digit dropped
    work = []
    for n in (5000, 10_000):
        ratios[0] = 0
        got = Suggester([f"n{i:05d}" for i in range(n)]).close_many(words)
        assert got["n0007"] == ("n04007" if n == 5000 else "n09007")
        work.append(ratios[0])
    return work


def test_a_did_you_mean_ranks_a_bounded_number_of_candidates_in_a_denser_org(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """RF001 and hold back's did-you-mean: the candidates of an unknown id grow with the
    org when its ids are dense (employee numbers); the best five by difflib's ratio are
    found computing about five ratios, not one per candidate."""
    work = _ratios_per_word(monkeypatch)
    assert work[1] <= work[0] + 20, work
    assert work[1] <= 20 * 8, work


def test_ranking_every_candidate_would_grow_with_the_density(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The twin of the test above: difflib's get_close_matches over every candidate."""
    import difflib

    import orgspec.text.suggest as suggest

    monkeypatch.setattr(suggest, "best_matches", lambda word, pool, n, cutoff:
                        difflib.get_close_matches(word, list(pool), n=n, cutoff=cutoff))
    work = _ratios_per_word(monkeypatch)
    assert work[1] > 1.6 * work[0], work
