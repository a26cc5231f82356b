"""The entity-local rules' findings of every file kept as one entry (`incremental.LocalBundle`):
read back as one, never stale, a miss on any doubt."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

from orgspec.engine.lint import check_cached, lint_org
from orgspec.findings import Finding
from orgspec.load.cache import Cache
from orgspec.load.config import Config, RuleSetting

TODAY = dt.date(2026, 11, 30)
OKRS = "okrs/2026-q1.yaml"
FEW_KRS = Config(rules={"OK002": RuleSetting("test", options={"max": 1})})


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the e-commerce example, checked through the kept org and `run_local`
    (not answered from the warm state, not linted as a small org), in one process."""
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")
    monkeypatch.setenv("ORGSPEC_WARM_PATCH", "0")
    out = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", out)
    return out


def _findings(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.location, f.message, f.entity, f.related, f.hint, f.severity)
            for f in findings]


class Runs:
    """Checks of `paths` on one cache folder, each compared with a run without the cache."""

    def __init__(self, folder: Path, paths: list[str]) -> None:
        self.folder = folder
        self.paths = paths
        self.puts: list[str] = []

    def run(self, config: Config = Config(), today: dt.date = TODAY,  # noqa: B008
            ) -> dict[tuple[str, bool], int]:
        """The local findings' reads of one check (kind, hit) -> count; the puts in
        `self.puts`."""
        cache = Cache(str(self.folder))
        real = cache.put

        def put(kind: str, key: bytes, value: object) -> None:
            self.puts.append(kind)
            real(kind, key, value)

        cache.put = put  # type: ignore[method-assign]
        self.puts.clear()
        got = check_cached(self.paths, config, cache, today)
        plain = lint_org(self.paths, config, today)[0]
        assert _findings(got.findings) == _findings(plain.findings)
        return {k: n for k, n in cache.by_kind.items() if k[0] in ("local", "locals")}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _bundle(folder: Path) -> Path:
    (found,) = [p for p in folder.rglob("*") if p.is_file() and p.parent.parent.name == "locals"]
    return found


def _primed(org: Path, folder: Path) -> Runs:
    """`Runs` on `org` whose cache holds every file's local findings and their bundle."""
    runs = Runs(folder, [str(org)])
    runs.run()  # the first run stores its result only
    _edit(org / OKRS, "owner: operations", "owner: company")
    files = len(list(org.rglob("*.yaml")))
    assert runs.run() == {("locals", False): 1, ("local", False): files}
    assert runs.puts.count("locals") == 1 and runs.puts.count("local") == files
    return runs


def test_the_local_findings_are_read_back_as_one_entry(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    okrs = org / OKRS
    before = okrs.read_text("utf-8")
    # a change of the file's local findings (an objective nobody owns: OK011): the bundle
    # read once, the changed file's own entry looked up (a miss) and its findings made
    _edit(okrs, "owner: company\nperiod: 2026-Q1", "owner: TBD\nperiod: 2026-Q1")
    assert runs.run() == {("locals", True): 1, ("local", False): 1}
    assert runs.puts.count("locals") == 1 and runs.puts.count("local") == 1
    # back as it was, and another file changed: the bundle holds the first as changed,
    # its own entry as it was
    okrs.write_text(before, "utf-8")
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert runs.run() == {("locals", True): 1, ("local", True): 1, ("local", False): 1}
    _edit(org / "teams/teams.yaml", "name: 改", "name: 再改")
    assert runs.run() == {("locals", True): 1, ("local", False): 1}


def test_a_file_changed_since_the_bundle_is_checked_again(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    before = _findings(lint_org([str(org)], Config(), TODAY)[0].findings)
    _edit(org / OKRS, "owner: company\nperiod: 2026-Q1", "owner: TBD\nperiod: 2026-Q1")
    runs.run()  # equal to the run without the cache, whose findings changed:
    assert _findings(lint_org([str(org)], Config(), TODAY)[0].findings) != before


def test_other_options_of_the_local_rules_read_another_bundle(org: Path,
                                                              tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    files = len(list(org.rglob("*.yaml")))
    # OK002 (entity-local) with a lower limit finds what the bundle of the default lacks
    assert runs.run(FEW_KRS) == {("locals", False): 1, ("local", False): files}
    assert any(f.code == "OK002" for f in lint_org([str(org)], FEW_KRS, TODAY)[0].findings)
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert runs.run() == {("locals", True): 1, ("local", False): 1}  # each kept under
    assert runs.run(FEW_KRS) == {("locals", True): 1, ("local", False): 1}  # its settings


def test_a_whole_org_rules_options_keep_the_bundle(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    written = _bundle(tmp_path / "cache").stat().st_mtime_ns
    other = Config(rules={"OW007": RuleSetting("test", options={"threshold": 0.3})})
    assert runs.run(other) == {("locals", True): 1}
    assert "locals" not in runs.puts and "local" not in runs.puts
    assert _bundle(tmp_path / "cache").stat().st_mtime_ns == written


def test_another_date_reads_another_bundle(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    files = len(list(org.rglob("*.yaml")))
    later = TODAY + dt.timedelta(days=1)
    assert runs.run(today=later) == {("locals", False): 1, ("local", False): files}
    assert runs.run(today=later) == {}  # its stored result
    assert runs.run() == {}


def test_a_renamed_file_is_named_by_its_new_name(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    files = len(list(org.rglob("*.yaml")))
    (org / OKRS).rename(org / "okrs/2026-first.yaml")
    # another list of files: another bundle; the other files' own entries read back
    assert runs.run(FEW_KRS) == {("locals", False): 1, ("local", False): files}
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert runs.run(FEW_KRS) == {("locals", True): 1, ("local", False): 1}
    found = lint_org([str(org)], FEW_KRS, TODAY)[0].findings
    assert {f.location.file for f in found if f.code == "OK002"} \
        == {str(org / "okrs/2026-first.yaml")}


def test_files_given_in_another_order_are_the_same_files(org: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    paths = [str(org / "okrs"), str(org / "teams"), str(org / "responsibilities"),
             str(org / "positions")]
    runs = Runs(folder, paths)
    runs.run()
    _edit(org / OKRS, "owner: operations", "owner: company")
    runs.run()
    # the files are taken in the order of their names, whatever order the targets are in
    turned = Runs(folder, paths[::-1])
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert turned.run() == {("locals", True): 1, ("local", False): 1}


def test_files_whose_contents_swapped_are_checked_again(org: Path, tmp_path: Path) -> None:
    runs = _primed(org, tmp_path / "cache")
    first, second = org / "responsibilities/product.yaml", org / "responsibilities/tech.yaml"
    one, other = first.read_bytes(), second.read_bytes()
    first.write_bytes(other)
    second.write_bytes(one)
    # each file's content is in the bundle, under the other's name: neither is taken
    assert runs.run() == {("locals", True): 1, ("local", False): 2}


@pytest.mark.parametrize("damage", ["truncated", "foreign", "garbage"])
def test_a_damaged_bundle_is_a_miss(org: Path, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "cache"
    runs = _primed(org, folder)
    files = len(list(org.rglob("*.yaml")))
    bundle = _bundle(folder)
    data = bundle.read_bytes()
    if damage == "truncated":
        bundle.write_bytes(data[:len(data) // 2])
    elif damage == "foreign":  # another entry's valid content under the bundle's name
        (summaries,) = [p for p in folder.rglob("*")
                        if p.is_file() and p.parent.parent.name == "summaries"]
        bundle.write_bytes(summaries.read_bytes())
    else:
        bundle.write_bytes(bytes(255 - b for b in data))
    _edit(org / "teams/teams.yaml", "name:", "name: 改")
    assert runs.run() == {("locals", False): 1, ("local", True): files - 1,
                          ("local", False): 1}
    assert runs.run() == {}  # its stored result
    _edit(org / "teams/teams.yaml", "name: 改", "name: 再改")
    assert runs.run() == {("locals", True): 1, ("local", False): 1}
