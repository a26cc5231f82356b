"""orgspec.jsontext writes exactly what json.dumps(..., indent=N) writes, errors included."""

from __future__ import annotations

import json
import math
import random
from collections import OrderedDict
from enum import IntEnum
from pathlib import Path
from typing import Any

import pytest

from orgspec import jsontext
from orgspec.engine.lint import lint
from orgspec.load.config import Config, Selector
from orgspec.reporters import render

REPO = Path(__file__).resolve().parent.parent
HOSTILE = ["", "plain", "中文 退款", "臺灣 繁體", "quote \" back \\ slash", "\n\r\t\b\f",
           "\x00\x01\x1b[31m\x7f", "\u202e bidi \u2066\u2069", "\u2028\u2029", "emoji 😀",
           "\ud800 lone surrogate", "é combining e\u0301", "</script>", "'single'"]


def _standard(obj: Any, indent: int) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=indent)


def _random_tree(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice([*HOSTILE, 0, -1, 2**70, 1.5, -0.0, 1e300, 3.0e-9, True, False,
                           None, rng.randint(-10**6, 10**6)])
    size = rng.choice([0, 1, 2, 5])
    if roll < 0.75:
        return {rng.choice(HOSTILE) + str(i): _random_tree(rng, depth + 1) for i in range(size)}
    items = [_random_tree(rng, depth + 1) for _ in range(size)]
    return items if rng.random() < 0.7 else tuple(items)


@pytest.mark.parametrize("indent", [0, 1, 2, 4])
def test_random_trees_match_the_standard_library(indent: int) -> None:
    rng = random.Random(20261201)
    for _ in range(400):
        tree = _random_tree(rng, 0)
        assert jsontext.dumps(tree, indent) == _standard(tree, indent)


class Level(IntEnum):
    LOW = 1


@pytest.mark.parametrize("unusual", [
    {1: "int key"}, {None: 1, True: 2, 1.5: 3}, OrderedDict(a=1), [Level.LOW],
    {"s": type("S", (str,), {})("sub"), type("K", (str,), {})("key"): 1},
    [1, {"deep": [True, None]}], {"f": type("F", (float,), {})(2.5)},
])
def test_subclasses_and_odd_keys_are_written_as_the_standard_library_writes_them(
        unusual: Any) -> None:
    assert jsontext.dumps(unusual, 2) == _standard(unusual, 2)


class _EqualToAll(str):
    """A key that says it equals every string (and hashes as one it has met)."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("code")


def test_keys_met_again_are_written_as_the_first_time() -> None:
    """Each distinct key's text is made once (`_KEYS`); a key met in many records, a key
    spelled differently each time, and a str subclass that claims to equal a key already
    met are all written as the standard library writes them."""
    records = [{"code": f"C{i}", "\u202e键": i, f"k\n{i}": None} for i in range(50)]
    odd = {_EqualToAll("other"): 2}
    for doc in (records, odd, [*records, odd]):
        assert jsontext.dumps(doc, 2) == _standard(doc, 2)
    assert '"other": 2' in jsontext.dumps(odd, 2)


@pytest.mark.parametrize("bad", [[math.nan], {"x": math.inf}, [-math.inf]])
def test_nan_and_infinity_raise_as_the_standard_library_does(bad: Any) -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        jsontext.dumps(bad, 2)


def test_unserialisable_and_circular_values_raise_as_the_standard_library_does() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"x": {1, 2}}, 1)
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        jsontext.dumps(loop, 1)


def _no_fallback(*args: Any, **kwargs: Any) -> str:
    raise AssertionError("jsontext handed a report to json.dumps")


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_reports_of_every_example_match_the_standard_library(
        fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # every rule on every example: the reporters' documents, written both ways
    every = Config(select=[Selector("ALL", "test")])
    for example in sorted(p for p in (REPO / "examples").iterdir() if p.is_dir()):
        result = lint([str(example)], every)
        with monkeypatch.context() as patch:  # the fast path writes every report itself
            patch.setattr(jsontext.json, "dumps", _no_fallback)
            fast = render(fmt, result, project_root=str(REPO))
        monkeypatch.setattr(jsontext, "dumps", _standard)
        assert fast == render(fmt, result, project_root=str(REPO)), example.name
        monkeypatch.undo()
