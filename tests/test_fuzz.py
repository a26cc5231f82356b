"""The standing fuzzing guard, bounded for CI: mangled inputs never give an internal error.

Each test runs a fixed seed and a rotating one (ORGSPEC_FUZZ_SEED, set from the clock by
conftest.py and printed in pytest's header); a failure prints the command that replays the
exact input. The long
run is `python -m tests.fuzz --hours 1` (docs/fuzzing.md).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.fuzz.adopt import SOURCES, generate_import, run_import
from tests.fuzz.harness import quick_input, run_input
from tests.fuzz.mutate import CORPUS, generate
from tests.fuzz.runner import Session, options_for, structural_round

FIXED_SEED = 20261130
ROTATING_SEED = int(os.environ.get("ORGSPEC_FUZZ_SEED") or time.time())
SEEDS = [pytest.param(FIXED_SEED, id="fixed"), pytest.param(ROTATING_SEED, id="rotating")]
BYTE_INPUTS = 24
STRUCTURAL_INPUTS = 12
QUICK_INPUTS = 300  # through `lint` alone, ~20 times cheaper
IMPORT_INPUTS = 8  # two of each importer source

@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_examples_never_crash(seed: int) -> None:
    for index in range(BYTE_INPUTS):
        crash = run_input(generate(seed, index), **options_for(seed, index)).crash
        assert crash is None, (f"{crash.site} (seed {seed}, input {index})\nreplay: "
                               f"python -m tests.fuzz --kind bytes --seed {seed} "
                               f"--index {index}\n{crash.detail}")


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_examples_never_crash_lint(seed: int) -> None:
    for index in range(QUICK_INPUTS):
        crash = quick_input(generate(seed, -1 - index), options_for(seed, index)["parser"])
        assert crash is None, (f"{crash.site} (seed {seed}, input {index})\nreplay: "
                               f"python -m tests.fuzz --kind quick --seed {seed} "
                               f"--index {index}\n{crash.detail}")


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_orgs_never_crash(seed: int, tmp_path: Path) -> None:
    session = Session(tmp_path, seed, minimise_budget=40)
    structural_round(session, 0, examples=STRUCTURAL_INPUTS)
    saved = "\n".join(p.read_text("utf-8") for p in tmp_path.glob("*/crash.txt"))
    assert not session.sites, f"seed {seed}: {session.sites}\n{saved}"


def test_same_seed_gives_the_same_input() -> None:
    assert generate(123, 7) == generate(123, 7)
    assert generate(123, 7) != generate(123, 8)
    assert len(CORPUS) > 50, "the corpus is every example org and every rule example"


def test_the_harness_catches_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard can fail: a crash inside the pipeline is reported with its site."""
    def broken(*args: object, **kwargs: object) -> str:
        raise KeyError("boom")

    monkeypatch.setattr("orgspec.reporters.sarif.render", broken)
    crash = run_input({"org.yaml": b"kind: Person\nid: ada\n"}).crash
    assert crash is not None
    assert crash.site.startswith("KeyError in orgspec/"), crash.site


def test_the_quick_tier_catches_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgspec.model import validate

    def broken(*args: object, **kwargs: object) -> object:
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr(validate, "check_file", broken)  # every file is validated there
    crash = quick_input({"org.yaml": b"kind: Person\nid: ada\n"})
    assert crash is not None and crash.site.startswith("TypeError in orgspec/"), crash


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_import_sources_never_crash(seed: int) -> None:
    for index in range(IMPORT_INPUTS):
        source, files = generate_import(seed, index)
        crash = run_import(source, files).crash
        assert crash is None, (f"{crash.site} (seed {seed}, import {index})\nreplay: "
                               f"python -m tests.fuzz --kind import --seed {seed} "
                               f"--index {index}\n{crash.detail}")


def test_import_inputs_cover_every_source_and_repeat() -> None:
    sources = [generate_import(9, i)[0] for i in range(len(SOURCES))]
    assert sorted(set(sources)) == ["backstage", "codeowners", "roster"]
    assert generate_import(9, 1) == generate_import(9, 1)  # an XLSX too: same bytes
    assert generate_import(9, 1)[1] != generate_import(9, 5)[1]


def test_the_import_harness_catches_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise KeyError("boom")

    monkeypatch.setattr("orgspec.adopt.codeowners.import_codeowners", broken)
    crash = run_import("codeowners", {"CODEOWNERS": b"* @acme/x\n"}).crash
    assert crash is not None and crash.site == "KeyError in orgspec/adopt/importer.py:import_org"


def test_the_import_harness_rejects_what_check_rejects(monkeypatch: pytest.MonkeyPatch) -> None:
    """An import whose files `check` finds broken (the class the fuzzer found: a name over
    200 characters) is a crash; an unreadable source is one clear error line, not one."""
    monkeypatch.setattr("orgspec.adopt.draft.Draft.fit", lambda self: None)
    crash = run_import("codeowners", {"CODEOWNERS": b"* @" + b"x" * 300 + b"/y\n"}).crash
    assert crash is not None and crash.site == "imported org has SC003", crash
    assert run_import("codeowners", {"CODEOWNERS": b"\xff\xfe* @a\n"}).codes == [2]
    assert run_import("codeowners", {"CODEOWNERS": b"\xff\xfe* @a\n"}).crash is None


def test_a_template_error_line_is_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 2 is a right answer for `show` of an unknown id, never for a template's error."""
    from orgspec.report import lookup

    def broken(*args: object, **kwargs: object) -> object:
        raise lookup.NotFound("template site/team.html.j2: boom")

    monkeypatch.setattr(lookup, "show", broken)
    crash = run_input({"org.yaml": b"kind: Person\nid: ada\n"}).crash
    assert crash is not None and crash.site == "exit 2 from `show`", crash


def test_a_manager_cell_longer_than_any_id_is_not_kept() -> None:
    # the rotating seed of one CI run: a roster's 200-character manager cell was kept as
    # written, so the imported org failed its own check (SC003 on `manager`)
    source, files = generate_import(1796430767, 1)
    assert run_import(source, files).crash is None
