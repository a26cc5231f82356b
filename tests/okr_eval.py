"""Scoring "not measurable" detection (OK003 + OK004) on the labelled key results.

Two sets: the development corpus (`key_results.tsv` + `key_results_structured.yaml`, zh/en,
tuned on) and the frozen blind set (`key_results_blind.tsv`, zh-Hans/zh-Hant/en, never tuned
on). Run `python tests/okr_eval.py` to print both tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from orgspec.model.models import KeyResult, Objective
from orgspec.model.okr import verdict

DATA = Path(__file__).resolve().parent / "data"
Item = tuple[bool, str, Objective, KeyResult]


def _item(label: str, lang: str, period: str, kr: dict[str, Any]) -> Item:
    obj = Objective(kind="Objective", id="o", title="t",
                    period="2026-Q1" if period == "y" else None)
    return (label == "n", lang,
            obj, KeyResult.model_validate({k: str(v) for k, v in kr.items()}))


def labelled() -> list[Item]:
    """(is not measurable, language, objective, key result) for the development corpus."""
    items: list[dict[str, Any]] = []
    for line in (DATA / "key_results.tsv").read_text("utf-8").splitlines()[4:]:
        label, lang, period, title = line.split("\t")
        items.append({"label": label, "lang": lang, "period": period,
                      "kr": {"id": "kr", "title": title}})
    items += yaml.safe_load((DATA / "key_results_structured.yaml").read_text("utf-8"))
    return [_item(i["label"], i["lang"], i["period"], i["kr"]) for i in items]


def blind() -> list[Item]:
    """The frozen blind set, same shape; languages zh-Hans, zh-Hant and en."""
    out = []
    lines = [line for line in (DATA / "key_results_blind.tsv").read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    names = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(names, line.split("\t"), strict=True))
        kr = {"id": "kr", **{k: row[k] for k in ("title", "metric", "baseline", "target", "due")
                             if row[k]}}
        out.append(_item(row["label"], row["lang"], row["period"], kr))
    return out


def confusion(lang: str | None = None, items: list[Item] | None = None) -> dict[str, int]:
    """tp/fp/fn/tn of predicting "not measurable", optionally for one language."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for not_measurable, language, obj, kr in labelled() if items is None else items:
        if lang and language != lang:
            continue
        flagged = bool(verdict(obj, kr).missing)
        key = ("t" if flagged == not_measurable else "f") + ("p" if flagged else "n")
        counts[key] += 1
    return counts


def row(name: str, c: dict[str, int]) -> str:
    """One Markdown table row: | set | TP | FP | FN | TN | precision | recall |."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return f"| {name} | {c['tp']} | {c['fp']} | {c['fn']} | {c['tn']} | {p:.3f} | {r:.3f} |"


def errors(items: list[Item]) -> list[str]:
    """The misjudged items, for reading (not for tuning on the blind set)."""
    out = []
    for not_measurable, lang, obj, kr in items:
        if bool(verdict(obj, kr).missing) != not_measurable:
            out.append(f"{'FN' if not_measurable else 'FP'} {lang} {kr.title!r} "
                       f"target={kr.target!r} metric={kr.metric!r}")
    return out


if __name__ == "__main__":
    import sys

    print(row("all", confusion()))
    for lang in ("zh", "en"):
        print(row(lang, confusion(lang)))
    if "--blind" in sys.argv:  # measure only; never tune on it
        b = blind()
        print(row("blind all", confusion(None, b)))
        for lang in ("zh-Hans", "zh-Hant", "en"):
            print(row(f"blind {lang}", confusion(lang, b)))
    if "-v" in sys.argv:
        print("\n".join(errors(labelled())))
