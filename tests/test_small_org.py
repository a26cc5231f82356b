"""A small org's re-check lints as `--no-cache` does (`lint.SMALL_ORG_BYTES`): no per-file
entry, kept org or warm state is written or read, and its findings are a full run's."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from orgspec.engine import lint
from orgspec.engine.lint import check_cached, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config

TODAY = dt.date(2026, 11, 30)


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location, f.message, f.entity, f.related, f.hint, f.fingerprint,
             f.severity) for f in findings]


def _kinds(cache: Cache) -> set[str]:
    """The kinds of entry (folders) this orgspec wrote in `cache`."""
    return {p.name for p in Path(cache.own).iterdir() if p.is_dir()}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _edits(org: Path) -> list[tuple[str, Path, str, str]]:
    """A description reworded, a RACI changed, a comment added: each a one-line edit."""
    duties = org / "responsibilities" / "operations.yaml"
    text = duties.read_text("utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("description:"))
    return [("reworded", duties, line, line.replace("description: ", "description: 新 ", 1)),
            ("raci", duties, "consulted: [", "consulted: [product, "),
            ("comment", duties, "\n", "\n# a comment\n")]


@pytest.mark.parametrize("small", [True, False])
def test_small_org_takes_the_plain_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        small: bool) -> None:
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org)
    size = sum(p.stat().st_size for p in org.rglob("*.yaml"))
    # the threshold is the org's size in bytes (the edits add fewer than 100)
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", str(size + 100 if small else size))
    paths, config = [str(org)], Config()
    cache = Cache(str(tmp_path / "cache"))
    cold = check_cached(paths, config, cache, TODAY)
    assert _findings(cold.findings) == _findings(lint_org(paths, config, TODAY)[0].findings)
    for name, path, old, new in _edits(org):
        _replace(path, old, new)
        got = check_cached(paths, config, cache, TODAY)
        want = lint_org(paths, config, TODAY)[0]
        assert got.findings, name  # the example has findings: the comparison can fail
        assert _findings(got.findings) == _findings(want.findings), name
    kept = _kinds(cache) - {"result", "summary", "same"}
    if small:  # nothing but the results and what finds one again after a comment
        assert kept == set()
    else:  # the kept paths' entries: every file's check, its rules' findings, ...
        assert {"file", "local"} <= kept


def test_default_threshold_covers_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped example (45 KB, 12 files) is small, the 50-team benchmark org is not:
    the threshold is between (see `SMALL_ORG_BYTES`' comment for the measurements)."""
    monkeypatch.delenv("ORGSPEC_SMALL_ORG_BYTES")
    size = sum(p.stat().st_size for p in (EXAMPLES / "ecommerce").rglob("*.yaml"))
    assert size < lint.SMALL_ORG_BYTES < 340_000


def test_threshold_counts_only_readable_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.load.loader import RawFile

    def inputs(*files: bytes | RawFile) -> lint.Inputs:
        return lint.Inputs([(None, f) for f in files], [], {}, "", [], [])  # type: ignore

    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "10")
    assert lint._small(inputs(b"12345", b"1234"))
    assert not lint._small(inputs(b"12345", b"12345"))
    assert lint._small(inputs(b"123456789", RawFile("x.yaml", failed="")))
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")  # every org takes the kept paths
    assert not lint._small(inputs())
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "x")  # not a number: the default
    assert lint._small(inputs(b"1" * (lint.SMALL_ORG_BYTES - 1)))
    assert not lint._small(inputs(b"1" * lint.SMALL_ORG_BYTES))
    assert os.environ["ORGSPEC_SMALL_ORG_BYTES"] == "x"
