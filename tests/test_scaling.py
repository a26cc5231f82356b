"""Near-linear stages on adversarial orgs, asserted as operation counts (not times): doubling
the input at most about doubles the work. Each test counts the operation a per-finding or
per-entity search would repeat, and each has a twin showing the count would grow
quadratically if the work were done the naive way, so the assertion can fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from orgspec.engine.anchors import Span
from orgspec.engine.lint import lint
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

    compared = _counting(monkeypatch, okrs, "_overlap")
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
