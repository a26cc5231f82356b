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

from tests.fuzz.harness import quick_input, run_input
from tests.fuzz.mutate import CORPUS, generate
from tests.fuzz.runner import Session, options_for, structural_round

FIXED_SEED = 20261130
ROTATING_SEED = int(os.environ.get("ORGSPEC_FUZZ_SEED") or time.time())
SEEDS = [pytest.param(FIXED_SEED, id="fixed"), pytest.param(ROTATING_SEED, id="rotating")]
BYTE_INPUTS = 24
STRUCTURAL_INPUTS = 12
QUICK_INPUTS = 300  # through `lint` alone, ~20 times cheaper

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

    monkeypatch.setattr(validate, "build_org", broken)
    crash = quick_input({"org.yaml": b"kind: Person\nid: ada\n"})
    assert crash is not None and crash.site.startswith("TypeError in orgspec/"), crash
