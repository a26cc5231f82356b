"""Scoring OK005's "activity, not outcome" (`text.measurable.activity_verb` on a key result
without a metric) as a detector: precision and recall of the `activity` kind.

Frozen held-out set (trial 19): `key_results_activity_blind.tsv`, written before any change
made for it; development set: `key_results_activity_dev.tsv` (tuned on). The earlier sets
that label each row's kind (word order, releases, trials A-C, units, the lone 一) are scored
the same way: a row is an activity when its kind is `activity`.

    python tests/activity_eval.py [--blind]      # this checkout; --blind adds the frozen set
    PYTHONPATH=/tmp/base python tests/activity_eval.py --blind  # another checkout, a before
"""

from __future__ import annotations

import argparse

from okr_eval import _blind_item, _rows

from orgspec.model.okr import verdict
from orgspec.text.measurable import activity_verb

DEV = "key_results_activity_dev.tsv"
BLIND = "key_results_activity_blind.tsv"
EARLIER = ("key_results_order.tsv", "key_results_blind2.tsv", "key_results_blind3.tsv",
           "key_results_release.tsv", "key_results_trial_dev.tsv", "key_results_blind4.tsv",
           "key_results_units_dev.tsv", "key_results_blind5.tsv", "key_results_trial2_dev.tsv",
           "key_results_blind6.tsv", "key_results_trial3_dev.tsv", "key_results_blind7.tsv",
           "key_results_blind8.tsv")


def scored(name: str, lang: str | None = None) -> list[tuple[bool, bool, str]]:
    """(labelled an activity, found one, title) for each row of set `name` with a kind."""
    out = []
    for row in _rows(name):
        if "kind" not in row or not row["kind"] or lang not in (None, row["lang"]):
            continue
        _, _, obj, kr = _blind_item(row)
        found = not kr.metric and activity_verb(kr.title, verdict(obj, kr)) is not None
        out.append((row["kind"] == "activity", found, kr.title))
    return out


def table_row(label: str, rows: list[tuple[bool, bool, str]]) -> str:
    tp = sum(a and f for a, f, _ in rows)
    fp = sum(f and not a for a, f, _ in rows)
    fn = sum(a and not f for a, f, _ in rows)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"| {label} | {len(rows)} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--blind", action="store_true", help="score the frozen set too")
    parser.add_argument("--errors", action="store_true", help="list the dev set's misses")
    args = parser.parse_args()
    print("| set | rows | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|---|")
    sets = [DEV, *([BLIND] if args.blind else [])]
    for name in sets:
        for lang in (None, "zh-Hans", "zh-Hant", "en"):
            print(table_row(f"{name.removeprefix('key_results_')} {lang or 'all'}",
                            scored(name, lang)))
    earlier = [r for name in EARLIER for r in scored(name)]
    print(table_row("earlier sets (13) all", earlier))
    if args.errors:
        for a, f, title in scored(DEV):
            if a != f:
                print(f"DEV {'FN' if a else 'FP'} {title!r}")


if __name__ == "__main__":
    main()
