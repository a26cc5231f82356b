"""Scoring "not measurable" detection (OK003 + OK004) on the labelled key results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from orgspec.model.models import KeyResult, Objective
from orgspec.model.okr import verdict

DATA = Path(__file__).resolve().parent / "data"


def labelled() -> list[tuple[bool, str, Objective, KeyResult]]:
    """(is not measurable, language, objective, key result) for every labelled item."""
    items: list[dict[str, Any]] = []
    for line in (DATA / "key_results.tsv").read_text("utf-8").splitlines()[4:]:
        label, lang, period, title = line.split("\t")
        items.append({"label": label, "lang": lang, "period": period,
                      "kr": {"id": "kr", "title": title}})
    items += yaml.safe_load((DATA / "key_results_structured.yaml").read_text("utf-8"))
    out = []
    for item in items:
        kr = KeyResult.model_validate({k: str(v) for k, v in item["kr"].items()})
        obj = Objective(kind="Objective", id="o", title="t",
                        period="2026-Q1" if item["period"] == "y" else None)
        out.append((item["label"] == "n", item["lang"], obj, kr))
    return out


def confusion(lang: str | None = None) -> dict[str, int]:
    """tp/fp/fn/tn of predicting "not measurable", optionally for one language."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for not_measurable, language, obj, kr in labelled():
        if lang and language != lang:
            continue
        flagged = bool(verdict(obj, kr).missing)
        key = ("t" if flagged == not_measurable else "f") + ("p" if flagged else "n")
        counts[key] += 1
    return counts
