"""The models' validators kept in the cache (`engine.validators`) validate as the ones a
process builds: every entity of the examples and fixtures (good and hostile) gives the same
model or the same errors through both; and `test_parts`' seeded replay, each check through
the cache taking the validators an earlier run kept (as a new process does) and each check
without the cache building its own, gives the same findings."""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_parts
from conftest import EXAMPLES, FIXTURES
from pydantic import BaseModel, ValidationError

from orgspec.load.loader import load_bytes
from orgspec.model import models
from orgspec.model.models import MODELS, clean_validator


def _fresh() -> None:
    """This process as a new one: no validator built or read back yet."""
    clean_validator.cache_clear()
    models.KEPT_VALIDATORS.clear()
    models.BUILT_VALIDATORS.clear()


@pytest.fixture(autouse=True)
def _fresh_validators() -> Iterator[None]:
    _fresh()
    yield
    _fresh()


def _entities() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted([*EXAMPLES.rglob("*.yaml"), *FIXTURES.rglob("*.yaml"),
                        *FIXTURES.rglob("*.yml")]):
        raw = load_bytes(str(path), path.read_bytes())
        for ent in raw.entities:
            kind = ent.data.get("kind") if isinstance(ent.data, dict) else None
            if isinstance(kind, str) and kind in MODELS:
                yield kind, ent.data


_WRONG = (5, 1.5, True, None, "", "x" * 10_001, "TBD", [], ["", "a"], {"en": 1}, [{"id": 3}])


def _variants(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """`data`, then each field in turn given each of a few wrong or odd values, and an
    unknown field: validation's errors and salvage paths."""
    yield data
    for key in data:
        if key != "kind":
            for wrong in _WRONG:
                yield {**data, key: wrong}
    yield {**data, "owner：": "x"}


def _outcome(validator: Any, data: dict[str, Any]) -> Any:
    try:
        obj = validator.validate_python(data)
    except ValidationError as exc:
        return [(e["type"], e["loc"], e["msg"], repr(e.get("input")), repr(e.get("ctx")))
                for e in exc.errors(include_url=False)]
    return _canon(obj)


def _canon(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return (type(value).__name__, [(k, _canon(v)) for k, v in value.__dict__.items()],
                sorted(value.__pydantic_fields_set__))
    if isinstance(value, list | tuple):
        return [_canon(v) for v in value]
    if isinstance(value, dict):
        return [(k, _canon(v)) for k, v in value.items()]
    return (type(value).__name__, value)


def test_a_kept_validator_validates_every_entity_as_the_built_one() -> None:
    built = {kind: clean_validator(model) for kind, model in MODELS.items()}
    kept = pickle.loads(pickle.dumps(built))
    seen: dict[str, int] = {}
    failed = 0
    for kind, written in _entities():
        for data in _variants(written):
            want = _outcome(built[kind], data)
            assert _outcome(kept[kind], data) == want, (kind, data)
            seen[kind] = seen.get(kind, 0) + 1
            failed += isinstance(want, list)
    # every model, on valid and invalid entities alike
    assert set(seen) == set(MODELS), seen
    assert failed > 1000 and sum(seen.values()) - failed > 1000, (failed, seen)


def test_seeded_edits_with_validators_read_back_equal_a_fresh_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGSPEC_PARALLEL", "0")
    real_cached, real_plain = test_parts.check_cached, test_parts.lint_org
    took: list[bool] = []

    def cached(*args: Any) -> Any:
        _fresh()  # as a new process: what it validates, with the validators read back
        result = real_cached(*args)
        took.append(bool(models.KEPT_VALIDATORS) and not models.BUILT_VALIDATORS)
        return result

    def plain(*args: Any) -> Any:
        _fresh()  # built here
        return real_plain(*args)

    monkeypatch.setattr(test_parts, "check_cached", cached)
    monkeypatch.setattr(test_parts, "lint_org", plain)
    rng = random.Random(18)
    wrong: list[tuple[str, str, str]] = []
    for org, count in test_parts.replay_orgs(tmp_path):
        wrong += test_parts._replay(org, tmp_path / "cache" / org.name, rng, count)[0]
    assert not wrong, wrong
    # the runs after the first that stored them validated with kept validators only
    assert sum(took) > 40, took
