"""Every code the source raises has metadata; the metadata is complete and unique."""

from __future__ import annotations

import re

from conftest import REPO

from orgspec.engine.registry import registry

CODE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME = re.compile(r"^[a-z]+(-[a-z]+)*$")


def test_metadata_is_complete_and_unique() -> None:
    rules = registry()
    names = [r.name for r in rules.values()]
    assert len(names) == len(set(names))
    for code, meta in rules.items():
        assert CODE.match(code) and meta.code == code
        assert NAME.match(meta.name), meta.name
        assert meta.summary.strip() and meta.rationale.strip()
        assert meta.summary.endswith(".")


def test_every_raised_code_is_registered() -> None:
    source = "\n".join(p.read_text("utf-8") for p in (REPO / "orgspec").rglob("*.py"))
    raised = set(re.findall(r'"([A-Z]{2}\d{3})"', source))
    assert raised, "the pattern must find codes"
    assert raised <= set(registry()), raised - set(registry())


def test_family_prefixes_are_consistent() -> None:
    prefixes: dict[str, str] = {}
    for meta in registry().values():
        assert prefixes.setdefault(meta.family, meta.code[:2]) == meta.code[:2]
