"""Rule metadata, read from the declarative `rules/*.yaml` packs; the framework stamps from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from orgspec.findings import Severity
from orgspec.resources import data_dir

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # rule packs are trusted package data


@dataclass(frozen=True)
class RuleMeta:
    """What a rule is: stable code, kebab-case name, family, default severity and its why."""

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    rationale: str


@lru_cache(maxsize=1)
def registry() -> dict[str, RuleMeta]:
    """Every built-in rule by code, in code order."""
    rules: dict[str, RuleMeta] = {}
    for pack in sorted(data_dir("rules").glob("*.yaml")):
        doc: dict[str, Any] = yaml.load(pack.read_text("utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
        for item in doc["rules"]:
            meta = RuleMeta(item["code"], item["name"], doc["family"],
                            Severity.parse(item["severity"]), item["summary"], item["rationale"])
            rules[meta.code] = meta
    return dict(sorted(rules.items()))


def rule(code: str) -> RuleMeta:
    """The metadata of one rule; an unknown code is a programming error."""
    return registry()[code]
