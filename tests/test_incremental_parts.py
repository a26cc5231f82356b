"""A changed file's entities written as they were, at the same positions, keep their
entity-local findings (`incremental._Parts`, `FileFindings.parts`): only the others are
run, and the findings are those of a run without the cache."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from orgspec.engine import incremental
from orgspec.engine.lint import check_cached, lint_org, load_org
from orgspec.findings import Finding, Issue, Location, Related
from orgspec.load.cache import Cache
from orgspec.load.config import Config

TODAY = dt.date(2026, 11, 30)
OKRS = "okrs/2026-q1.yaml"
GROWTH, ENGAGEMENT = "objective:company-2026-growth", "objective:ops-2026q1-engagement"
SATISFACTION, STABILITY = "objective:cs-2026q1-satisfaction", "objective:tech-2026q1-stability"
EVERY = {GROWTH, ENGAGEMENT, SATISFACTION, STABILITY}


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the e-commerce example, checked through the kept org and `run_local`."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    out = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", out)
    return out


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location, f.message, f.entity, f.related, f.hint, f.severity)
            for f in findings]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


class Runs:
    """Checks of `org` on one cache folder, each compared with a run without the cache;
    `run` gives the node keys the entity-local rules were run on (those of `_only`)."""

    def __init__(self, org: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.org = org
        self.folder = folder
        self.ran: list[set[str]] = []
        real = incremental._only

        def only(org: Any, entities: list[Any]) -> Any:
            self.ran.append({key for key, _, _ in entities})
            return real(org, entities)

        monkeypatch.setattr(incremental, "_only", only)

    def run(self) -> set[str] | None:
        """The keys the local rules were run on (None: not on a part of the org)."""
        self.ran.clear()
        got = check_cached([str(self.org)], Config(), Cache(str(self.folder)), TODAY)
        plain = lint_org([str(self.org)], Config(), TODAY)[0]
        assert _findings(got.findings) == _findings(plain.findings)
        self.last = got.findings
        return set().union(*self.ran) if self.ran else None


def _ready(org: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Runs:
    """`Runs` whose kept entry of `OKRS` keeps each objective's findings apart."""
    runs = Runs(org, folder, monkeypatch)
    runs.run()  # the first run stores its result only
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert runs.run() is None  # every file's entry made: the whole org run
    okrs = org / OKRS
    _edit(okrs, "baseline: 50亿元", "baseline: 51亿元")
    assert runs.run() == EVERY  # the file's entry made from a run of its entities
    _edit(okrs, "baseline: 51亿元", "baseline: 52亿元")
    assert runs.run() == {GROWTH}  # from now on per entity
    return runs


def test_an_edit_that_changes_the_edited_entitys_finding_runs_it_alone(
        org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _ready(org, tmp_path / "cache", monkeypatch)
    assert not [f for f in runs.last if f.code == "OK011"]
    _edit(org / OKRS, "owner: customer-service", "owner: TBD")
    assert runs.run() == {SATISFACTION}  # the other three objectives' rules not run
    assert [f.entity for f in runs.last if f.code == "OK011"] == [SATISFACTION]
    assert [f.entity for f in runs.last if f.code == "OK004"] == [ENGAGEMENT]  # kept
    _edit(org / OKRS, "owner: TBD", "owner: tech")
    assert runs.run() == {SATISFACTION}
    assert not [f for f in runs.last if f.code == "OK011"]


def test_a_line_inserted_above_other_entities_runs_them_again(
        org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _ready(org, tmp_path / "cache", monkeypatch)
    # a comment: the first objective's data as it was, every objective's lines moved
    _edit(org / OKRS, "key_results:\n", "key_results:\n  # 注释\n")
    assert runs.run() == EVERY
    (ok004,) = [f for f in runs.last if f.code == "OK004"]
    assert ok004.location.line == 27  # one line down, found again


def test_an_edit_that_moves_the_edited_entitys_lines_keeps_those_above(
        org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _ready(org, tmp_path / "cache", monkeypatch)
    _edit(org / OKRS, "    target: 4.6/5\n", "    target: 4.6/5\n    unit: 分\n")
    assert runs.run() == {SATISFACTION, STABILITY}  # the edited one and the one below
    (ok003,) = [f for f in runs.last if f.code == "OK003"]
    assert ok003.location.line == 88
    # an edit of the one below: the edited one as it now is, kept
    _edit(org / OKRS, "title: 大促期间平台稳定运行", "title: 大促期间平台持续稳定运行")
    assert runs.run() == {STABILITY}


def test_an_edit_of_another_file_than_the_kept_entrys_runs_the_file(
        org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _ready(org, tmp_path / "cache", monkeypatch)
    _edit(org / "teams/teams.yaml", "name: 改", "name: 再改")
    ran = runs.run()
    assert ran is not None and not ran & EVERY  # the OKRs file's entry read back whole


def _parts() -> tuple[incremental._Parts, Path]:
    org = load_org([str(EXAMPLES / "ecommerce")], Config()).org
    file = next(f for f in org.files if f.endswith(OKRS))
    keys = incremental._keys_of(org)[file]
    return incremental._Parts(org, file, keys, frozenset()), Path(file)


def _at(file: Path, line: int) -> Location:
    return Location(str(file), line, 5, line, 9)


def test_a_finding_pointing_into_another_entity_is_not_kept_apart() -> None:
    parts, file = _parts()
    assert parts.units is not None
    own = Issue("m", _at(file, 4), GROWTH)
    into = Issue("m", _at(file, 22), ENGAGEMENT, related=(Related(_at(file, 4), "r"),))
    got = parts.of([own, into])
    assert got is not None and set(got) == EVERY - {ENGAGEMENT}
    other_file = Issue("m", _at(file, 22), ENGAGEMENT,
                       related=(Related(_at(file.with_name("x.yaml"), 4), "r"),))
    assert set(parts.of([other_file]) or ()) == EVERY - {ENGAGEMENT}
    # on the line its document ends on (where a span that ends with it ends), the last
    # document's reaching past the last line
    at_end = [Issue("m", _at(file, 43), ENGAGEMENT), Issue("m", _at(file, 88), STABILITY)]
    assert set(parts.of(at_end) or ()) == {GROWTH, SATISFACTION}
    assert set(parts.of([Issue("m", _at(file, 87), STABILITY)]) or ()) == EVERY
    assert parts.of([Issue("m", _at(file, 4), "team:operations")]) is None  # not its


def test_a_doubt_about_the_merge_is_none() -> None:
    parts, file = _parts()
    kept = [Issue("m", _at(file, 22), ENGAGEMENT, code="OK004")]
    before = incremental.FileFindings(frozenset(parts.keys), kept,
                                      parts=parts.of(kept))
    reuse = incremental._Reuse(before, parts)
    assert reuse.same == EVERY
    assert reuse.merged([Issue("m", _at(file, 22), ENGAGEMENT, code="OK011")]) is None
    reuse.same = EVERY - {GROWTH, STABILITY}
    fresh = [Issue("m", _at(file, 80), STABILITY, code="OK004"),
             Issue("m", _at(file, 4), GROWTH, code="OK004")]
    assert reuse.merged(fresh) is None  # not in the order of the entities
    got = reuse.merged(fresh[::-1])
    assert got is not None and [i.entity for i in got] == [GROWTH, ENGAGEMENT, STABILITY]
    assert reuse.merged([Issue("m", _at(file, 4), "team:operations", code="OK004")]) is None


def test_a_list_of_block_entities_splits_at_each_item() -> None:
    org = load_org([str(EXAMPLES / "ecommerce")], Config()).org
    file = next(f for f in org.files if f.endswith("teams/teams.yaml"))
    keys = incremental._keys_of(org)[file]
    parts = incremental._Parts(org, file, keys, frozenset())
    assert parts.units is not None and len(parts.units) == len(keys) > 1
    # an item ends where the next begins: its lines end on the line before
    lines = sorted({(first, last) for first, last, _ in parts.units.values()})
    assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(lines))
