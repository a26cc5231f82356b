"""Scoring "not measurable" detection (OK003 + OK004) on the labelled key results.

Development sets (tuned on): `key_results.tsv` + `key_results_structured.yaml` (zh/en),
`key_results_order.tsv` (word order) and `key_results_release.tsv` (releases, numbers that
are not targets; zh-Hans/zh-Hant/en). Frozen blind sets (never tuned on):
`key_results_blind.tsv`, `key_results_blind2.tsv` (word order) and `key_results_blind3.tsv`.
New-user trial A: `key_results_trial_dev.tsv` (tuned on) and `key_results_blind4.tsv`
(held out), scored on "not measurable", on the finding kind of every row and on the baseline
and target the report and the site read from the sentence.
Values (English unit noun phrases, Chinese numerals): `key_results_units_dev.tsv` (tuned on)
and `key_results_blind5.tsv` (held out).
New-user trial B: `key_results_trial2_dev.tsv` (tuned on) and `key_results_blind6.tsv`; trial
C (arrows, the direction in a word beside them): `key_results_trial3_dev.tsv` (tuned on) and
`key_results_blind7.tsv` (held out), scored on the OK007-OK010 codes, the values shown and
the progress (not capped at 100).
User trial 28 (fiscal years in a key result, an activity beside a target):
`key_results_trial28_dev.tsv` (tuned on), scored as trial A's sets.
User trial 33 (years, dates, quarters: ROC years, quarters as deadlines, fiscal years and
versions in `target`): `key_results_trial33a_dev.tsv` (tuned on), scored on "not measurable",
the OK003-OK010 codes and the values shown.
User trial 33b (halves, fractions, thresholds as targets; `上线X后` as a time clause; verbs of
change without a target): `key_results_trial33b_dev.tsv` (tuned on), scored as trial A's sets.
Held out from both: `key_results_blind9.tsv` (scored as trial A's sets) and
`key_results_blind9_codes.tsv` (as trial B's), written by a helper who read no code and
committed before either change.
okr35 (a year-like number as a target with no from part, `增加到 2030`; the end of a fiscal
year with 前 as a deadline, `2027财年底前`): `key_results_blind10.tsv`, held out, scored as
trial 33a's set.
small36 (deadlines written in words: `by end of 2026`, `by the end of Q3 2027`, `by FY2027
year-end`, `by mid-2027`, their Chinese forms, and negatives: versions, `end of life`):
`key_results_deadline_dev.tsv` (tuned on) and `key_results_blind11.tsv` (held out, frozen
first), scored as trial 33a's sets plus the deadline shown alone (`due`).
Run `python tests/okr_eval.py --blind --blind2 --blind3 --order --release --trial --blind4
--units --blind5 --trial2 --blind6 --trial3 --blind7 --blind8 --trial28 --trial33a --trial33b
--blind9 --blind10 --deadline --blind11`
to print the tables of docs/okrs.md (`--help` for each option).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from orgspec.checks.okrs import is_vague
from orgspec.model.models import KeyResult, Objective
from orgspec.model.okr import stated_baseline, stated_target, verdict
from orgspec.text.measurable import activity_verb

DATA = Path(__file__).resolve().parent / "data"
Item = tuple[bool, str, Objective, KeyResult]


def _item(label: str, lang: str, period: str, kr: dict[str, Any]) -> Item:
    obj = Objective(kind="Objective", id="o", title="t", period=_period(period))
    return (label == "n", lang,
            obj, KeyResult.model_validate({k: str(v) for k, v in kr.items()}))


def _period(column: str) -> str | None:
    """An objective's period from a set's `period` column: y = 2026-Q1, n = none, else the
    period as written (`2026-Q4`, trial 33a)."""
    return "2026-Q1" if column == "y" else None if column == "n" else column


def labelled() -> list[Item]:
    """(is not measurable, language, objective, key result) for the development corpus."""
    items: list[dict[str, Any]] = []
    for line in (DATA / "key_results.tsv").read_text("utf-8").splitlines()[4:]:
        label, lang, period, title = line.split("\t")
        items.append({"label": label, "lang": lang, "period": period,
                      "kr": {"id": "kr", "title": title}})
    items += yaml.safe_load((DATA / "key_results_structured.yaml").read_text("utf-8"))
    return [_item(i["label"], i["lang"], i["period"], i["kr"]) for i in items]


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (DATA / name).read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    names = lines[0].split("\t")
    return [dict(zip(names, line.split("\t"), strict=True)) for line in lines[1:]]


def _blind_item(row: dict[str, str]) -> Item:
    kr = {"id": "kr", **{k: row[k] for k in ("title", "metric", "baseline", "target", "due")
                         if row[k]}}
    return _item(row["label"], row["lang"], row["period"], kr)


def blind() -> list[Item]:
    """The frozen blind set, same shape; languages zh-Hans, zh-Hant and en."""
    return [_blind_item(row) for row in _rows("key_results_blind.tsv")]


def blind2() -> list[Item]:
    """The second frozen blind set (word order), same shape as `blind`."""
    return [_blind_item(row) for row in _rows("key_results_blind2.tsv")]


def blind3() -> list[Item]:
    """The third frozen blind set (releases, numbers that are not targets, target forms)."""
    return [_blind_item(row) for row in _rows("key_results_blind3.tsv")]


Kinded = tuple[str, str, str, Objective, KeyResult]


def word_order(name: str = "key_results_blind2.tsv") -> list[Kinded]:
    """(expected kind, form, language, objective, key result) for the not-measurable rows
    with a word-order form: kind is vague (OK004), activity (OK005) or no-target (OK003)."""
    return [(row["kind"], row["form"], row["lang"], *_blind_item(row)[2:])
            for row in _rows(name) if row["label"] == "n" and row["form"]]


def kind_of(obj: Objective, kr: KeyResult) -> str:
    """Which of OK004 (vague), OK005 (activity), OK003 alone (no-target) a key result gets,
    in that order of precedence, or "measurable" when none does."""
    v = verdict(obj, kr)
    if is_vague(v):
        return "vague"
    if not kr.metric and activity_verb(kr.title, v):
        return "activity"
    return "no-target" if v.missing else "measurable"


def kind_accuracy(items: list[Kinded], lang: str | None = None) -> tuple[int, int]:
    """(right, total) of `kind_of` against the labelled kind."""
    picked = [(k, obj, kr) for k, _, lg, obj, kr in items if lang in (None, lg)]
    return sum(kind_of(obj, kr) == k for k, obj, kr in picked), len(picked)


def kind_row(name: str, items: list[Kinded], lang: str | None = None) -> str:
    """One Markdown table row: | set | right/total | accuracy |."""
    right, total = kind_accuracy(items, lang)
    return f"| {name} | {right}/{total} | {right / total:.3f} |"


def kind_rows() -> list[str]:
    """The word-order table of docs/okrs.md: the dev set, then blind2, per language."""
    out = []
    for name, items in (("dev word order", word_order("key_results_order.tsv")),
                        ("blind2 word order", word_order())):
        out += [kind_row(f"{name} {lang or 'all'}", items, lang)
                for lang in (None, "zh-Hans", "zh-Hant", "en")]
    return out


def order_dev() -> list[Item]:
    """The word-order development rows (key_results_order.tsv), for P/R like the others."""
    return [_blind_item(row) for row in _rows("key_results_order.tsv")]


def release_dev() -> list[Item]:
    """The release/number/metric-name development rows (key_results_release.tsv)."""
    return [_blind_item(row) for row in _rows("key_results_release.tsv")]


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


def _table(name: str, items: list[Item]) -> list[str]:
    """The P/R rows of one set: all, then per language (zh-Hans, zh-Hant, en)."""
    return [row(f"{name} {lang or 'all'}", confusion(lang, items))
            for lang in (None, "zh-Hans", "zh-Hant", "en")]


def release_rows() -> list[str]:
    """The release development set's tables in docs/okrs.md: P/R, then the kinds."""
    rel = word_order("key_results_release.tsv")
    return _table("release", release_dev()) + [
        kind_row(f"dev release kind {lang or 'all'}", rel, lang)
        for lang in (None, "zh-Hans", "zh-Hant", "en")]


def blind3_rows() -> list[str]:
    """The third blind set's tables in docs/okrs.md: P/R, then the kinds (aggregates only)."""
    kinds = word_order("key_results_blind3.tsv")
    return _table("blind3", blind3()) + [
        kind_row(f"blind3 kind {lang or 'all'}", kinds, lang)
        for lang in (None, "zh-Hans", "zh-Hant", "en")]


def blind4() -> list[Item]:
    """New-user trial A's held-out set (key_results_blind4.tsv), same shape as `blind`."""
    return [_blind_item(row) for row in _rows("key_results_blind4.tsv")]


def kinded(name: str) -> list[Kinded]:
    """(expected kind, form, language, objective, key result) for every row of a set that
    labels the kind of each row, measurable ones too (key_results_trial_dev.tsv,
    key_results_blind4.tsv)."""
    return [(row["kind"], row["form"], row["lang"], *_blind_item(row)[2:])
            for row in _rows(name)]


def value_accuracy(name: str, lang: str | None = None) -> tuple[int, int]:
    """(right, total) of the baselines and targets read from the sentence (`stated_baseline`,
    `stated_target`) against the labelled `shown_baseline` / `shown_target` ("-" = none)."""
    right = total = 0
    for row in _rows(name):
        if lang not in (None, row["lang"]):
            continue
        obj, kr = _blind_item(row)[2:]
        said = verdict(obj, kr)
        for column, shown in (("shown_baseline", stated_baseline(kr.title, kr.baseline, said)),
                              ("shown_target", stated_target(kr.title, kr.target, said))):
            if row[column]:
                total += 1
                right += shown == ("" if row[column] == "-" else row[column])
    return right, total


def trial_rows(name: str, label: str) -> list[str]:
    """One set of trial A's tables in docs/okrs.md: P/R, the kind of every row, the values
    read from the sentence; all, then per language."""
    items = [_blind_item(row) for row in _rows(name)]
    kinds = kinded(name)
    out = _table(label, items)
    out += [kind_row(f"{label} kind {lang or 'all'}", kinds, lang)
            for lang in (None, "zh-Hans", "zh-Hant", "en")]
    for lang in (None, "zh-Hans", "zh-Hant", "en"):
        right, total = value_accuracy(name, lang)
        out.append(f"| {label} values {lang or 'all'} | {right}/{total} | "
                   f"{right / total if total else 0:.3f} |")
    return out


def blind9_rows() -> list[str]:
    """The tables of trial 33's held-out set (docs/okrs.md)."""
    return (trial_rows("key_results_blind9.tsv", "blind9")
            + trial2_rows("key_results_blind9_codes.tsv", "blind9 codes"))


def main(argv: list[str] | None = None) -> None:
    """Print the tables of docs/okrs.md; the development corpus always comes first."""
    import argparse

    parser = argparse.ArgumentParser(
        description="Precision and recall of 'not measurable' (OK003 or OK004) on the labelled "
                    "key results, as Markdown table rows, all and per language. Blind sets "
                    "print aggregates only: never tune on them.")
    parser.add_argument("--blind", action="store_true",
                        help="the first frozen blind set (key_results_blind.tsv)")
    parser.add_argument("--blind2", action="store_true",
                        help="the second frozen blind set (key_results_blind2.tsv)")
    parser.add_argument("--blind3", action="store_true",
                        help="the third frozen blind set (key_results_blind3.tsv), P/R and "
                             "the finding kind (OK004/OK005/OK003) of its not-measurable rows")
    parser.add_argument("--order", action="store_true",
                        help="the word-order development set, and the word-order kind tables "
                             "(development and blind2)")
    parser.add_argument("--release", action="store_true",
                        help="the release/number development set (key_results_release.tsv)")
    parser.add_argument("--trial", action="store_true",
                        help="new-user trial A's development set (key_results_trial_dev.tsv): "
                             "P/R, the kind of every row, the values read from the sentence")
    parser.add_argument("--blind4", action="store_true",
                        help="new-user trial A's held-out set (key_results_blind4.tsv), the "
                             "same tables (aggregates only)")
    parser.add_argument("--units", action="store_true",
                        help="the value development set (key_results_units_dev.tsv): unit "
                             "noun phrases, Chinese numerals, numerals in words")
    parser.add_argument("--blind5", action="store_true",
                        help="its held-out set (key_results_blind5.tsv), the same tables "
                             "(aggregates only)")
    parser.add_argument("--trial2", action="store_true",
                        help="new-user trial B's development set (key_results_trial2_dev.tsv): "
                             "OK007-OK010 codes, values and due date shown, progress")
    parser.add_argument("--blind6", action="store_true",
                        help="new-user trial B's held-out set (key_results_blind6.tsv), the "
                             "same tables (aggregates only)")
    parser.add_argument("--trial3", action="store_true",
                        help="new-user trial C's development set (key_results_trial3_dev.tsv): "
                             "arrows (5%%→8%%, 5%% -> 8%%, 5%%至8%%), versions, dates, fiscal "
                             "years and ranges that are not values; the same tables as --trial2")
    parser.add_argument("--blind7", action="store_true",
                        help="new-user trial C's held-out set (key_results_blind7.tsv), the "
                             "same tables (aggregates only)")
    parser.add_argument("--blind8", action="store_true",
                        help="the lone-一 held-out set (key_results_blind8.tsv): 一 and a "
                             "measure word, 一 inside a word, versions, fiscal years; P/R and "
                             "the kind of every row (aggregates only)")
    parser.add_argument("--trial28", action="store_true",
                        help="user trial 28's development set (key_results_trial28_dev.tsv): "
                             "fiscal years in a key result, an activity beside a target; the "
                             "same tables as --trial")
    parser.add_argument("--trial33a", action="store_true",
                        help="user trial 33's development set for years, dates and quarters "
                             "(key_results_trial33a_dev.tsv): P/R, the OK003-OK010 codes of "
                             "a lint run, the baseline, target and due shown")
    parser.add_argument("--blind9", action="store_true",
                        help="the held-out set of user trial 33 (key_results_blind9.tsv, "
                             "key_results_blind9_codes.tsv): the same tables as --trial and "
                             "--trial2")
    parser.add_argument("--trial33b", action="store_true",
                        help="user trial 33b's development set (key_results_trial33b_dev.tsv): "
                             "halves, fractions and thresholds as targets, a time clause "
                             "before an outcome, verbs of change without a target; the same "
                             "tables as --trial")
    parser.add_argument("--blind10", action="store_true",
                        help="okr35's held-out set (key_results_blind10.tsv): year-like "
                             "targets with no from part (增加到 2030), the end of a fiscal "
                             "year as a deadline (2027财年底前); the same tables as --trial33a "
                             "(aggregates only)")
    parser.add_argument("--deadline", action="store_true",
                        help="small36's development set for deadlines written in words "
                             "(key_results_deadline_dev.tsv): the same tables as --trial33a "
                             "and the deadline shown alone")
    parser.add_argument("--blind11", action="store_true",
                        help="small36's held-out set (key_results_blind11.tsv): by end of "
                             "2026, by mid-2027, by FY2027 year-end, versions, end of life; the "
                             "same tables as --deadline (aggregates only)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list the misjudged rows of the development sets (never a "
                             "blind set's)")
    args = parser.parse_args(argv)
    out = [row("all", confusion())] + [row(lang, confusion(lang)) for lang in ("zh", "en")]
    if args.blind:
        out += _table("blind", blind())
    if args.blind2:
        out += _table("blind2", blind2())
    if args.blind3:
        out += blind3_rows()
    if args.order:
        out += _table("order", order_dev()) + kind_rows()
    if args.release:
        out += release_rows()
    if args.trial:
        out += trial_rows("key_results_trial_dev.tsv", "trial dev")
    if args.blind4:
        out += trial_rows("key_results_blind4.tsv", "blind4")
    if args.units:
        out += trial_rows("key_results_units_dev.tsv", "units dev")
    if args.blind5:
        out += trial_rows("key_results_blind5.tsv", "blind5")
    if args.trial2:
        out += trial2_rows("key_results_trial2_dev.tsv", "trial2 dev")
    if args.blind6:
        out += trial2_rows("key_results_blind6.tsv", "blind6")
    if args.trial3:
        out += trial2_rows("key_results_trial3_dev.tsv", "trial3 dev")
    if args.blind7:
        out += trial2_rows("key_results_blind7.tsv", "blind7")
    if args.blind8:
        out += trial_rows("key_results_blind8.tsv", "blind8")
    if args.trial28:
        out += trial_rows("key_results_trial28_dev.tsv", "trial28 dev")
    if args.trial33a:
        out += trial33a_rows()
    if args.trial33b:
        out += trial_rows("key_results_trial33b_dev.tsv", "trial33b dev")
    if args.blind9:
        out += blind9_rows()
    if args.blind10:
        out += trial33a_rows("key_results_blind10.tsv", "blind10")
    if args.deadline:
        out += trial33a_rows("key_results_deadline_dev.tsv", "deadline dev") + \
            due_rows("key_results_deadline_dev.tsv", "deadline dev")
    if args.blind11:
        out += trial33a_rows("key_results_blind11.tsv", "blind11") + \
            due_rows("key_results_blind11.tsv", "blind11")
    if args.verbose:
        out += trial2_errors("key_results_deadline_dev.tsv", JUDGED33)
        out += trial2_errors("key_results_trial33a_dev.tsv", JUDGED33)
        out += trial2_errors("key_results_trial2_dev.tsv")
        out += trial2_errors("key_results_trial3_dev.tsv")
        out += errors(labelled() + order_dev() + release_dev())
        out += [f"KIND {lang} {kr.title!r}: {kind_of(obj, kr)} != {k}"
                for k, _, lang, obj, kr in (word_order("key_results_order.tsv")
                                            + word_order("key_results_release.tsv"))
                if kind_of(obj, kr) != k]
        trial = (kinded("key_results_trial_dev.tsv") + kinded("key_results_trial28_dev.tsv")
                 + kinded("key_results_trial33b_dev.tsv"))
        out += [f"TRIAL {lang} {kr.title!r}: {kind_of(obj, kr)} != {k}"
                for k, _, lang, obj, kr in trial if kind_of(obj, kr) != k]
        units = kinded("key_results_units_dev.tsv")
        out += [f"UNITS {lang} {kr.title!r}: {kind_of(obj, kr)} != {k}"
                for k, _, lang, obj, kr in units if kind_of(obj, kr) != k]
        for r in (_rows("key_results_trial_dev.tsv") + _rows("key_results_units_dev.tsv")
                  + _rows("key_results_trial33b_dev.tsv")):
            obj, kr = _blind_item(r)[2:]
            said = verdict(obj, kr)
            got = (stated_baseline(kr.title, kr.baseline, said),
                   stated_target(kr.title, kr.target, said))
            want = tuple("" if v == "-" else v for v in (r["shown_baseline"], r["shown_target"]))
            if any(w and w != g for w, g in zip(want, got, strict=True)):
                out.append(f"VALUES {r['lang']} {kr.title!r}: {got} != {want}")
    print("\n".join(out))


# New-user trial B: key results written only as a sentence, judged like the same values in
# fields. Codes come from a real `lint` run, so a checkout from before the change scores too.
JUDGED = ("OK007", "OK008", "OK009", "OK010")


_FIELDS = ("metric", "baseline", "target", "due", "current")  # a key result's fields a row may give


def _trial2_org(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [{"kind": "Team", "id": "t", "name": "T", "lead": "p",
                                   "members": ["p"]},
                                  {"kind": "Person", "id": "p", "name": "P"}]
    for i, r in enumerate(rows):
        kr: dict[str, Any] = {"id": "kr", "title": r["title"],
                              **{k: r[k] for k in _FIELDS if r.get(k)}}
        obj: dict[str, Any] = {"kind": "Objective", "id": f"o{i}", "title": "t", "owner": "t",
                               "key_results": [kr]}
        if _period(r["period"]):
            obj["period"] = _period(r["period"])
        docs.append(obj)
    return docs


def trial2_codes(name: str, judged: tuple[str, ...] = JUDGED) -> list[str]:
    """Each row's codes among `judged` (OK007-OK010) from a lint run, comma-joined, "-" for
    none."""
    import tempfile

    from orgspec import lint

    rows = _rows(name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "org.yaml"
        path.write_text(yaml.safe_dump(_trial2_org(rows), allow_unicode=True), "utf-8")
        result = lint([str(path)])
    got: dict[str, set[str]] = {}
    for f in result.findings:
        if f.code in judged:
            got.setdefault(f.entity.rpartition(":")[2], set()).add(f.code)
    return [",".join(sorted(got.get(f"o{i}", ()))) or "-" for i in range(len(rows))]


def trial2_shown(name: str) -> list[tuple[str, str, str, str]]:
    """Each row's (baseline, target, due, progress) as check, site and export show them."""
    from orgspec.model import okr

    out = []
    for r in _rows(name):
        obj = Objective(kind="Objective", id="o", title="t", period=_period(r["period"]))
        kr = KeyResult.model_validate({"id": "kr", "title": r["title"],
                                       **{k: r[k] for k in _FIELDS if r.get(k)}})
        if hasattr(okr, "key_result_values"):
            v = okr.key_result_values(obj, kr)
            shown = (v.baseline, v.target, v.due.isoformat() if v.due else "",
                     "" if v.progress is None else str(v.progress))
        else:  # before trial B: the sentence's values, the `due` field, progress from fields
            from orgspec.site.model import _progress

            said = verdict(obj, kr).target
            progress = _progress(kr)
            shown = (stated_baseline(kr.title, kr.baseline, said),
                     stated_target(kr.title, kr.target, said),
                     kr.due.isoformat() if kr.due else "",
                     "" if progress is None else str(progress))
        out.append(shown)
    return out


def trial2_scores(name: str, lang: str | None = None,
                  judged: tuple[str, ...] = JUDGED) -> dict[str, tuple[int, int]]:
    """part -> (right, total): codes (the set of `judged` codes of each row: OK007-OK010),
    values (baseline, target, due), progress (not for a set without that column)."""
    rows = _rows(name)
    codes, shown = trial2_codes(name, judged), trial2_shown(name)
    out = {"codes": (0, 0), "values": (0, 0), "progress": (0, 0)}
    if rows and "progress" not in rows[0]:
        del out["progress"]
    for r, code, (base, target, due, progress) in zip(rows, codes, shown, strict=True):
        if lang not in (None, r["lang"]):
            continue
        parts = (("codes", r["codes"], code),
                 ("values", r["shown_baseline"], base), ("values", r["shown_target"], target),
                 ("values", r["shown_due"], due), ("progress", r.get("progress"), progress))
        for part, want, got in parts:
            # not scored: `*` (trial C: a range whose target is a reading), or no such column
            if want == "*" or part not in out:
                continue
            ok, total = out[part]
            out[part] = (ok + (("" if want == "-" else want) == ("" if got == "-" else got)),
                         total + 1)
    return out


def trial2_rows(name: str, label: str, judged: tuple[str, ...] = JUDGED) -> list[str]:
    """Trial B's table rows in docs/okrs.md: | set part lang | right/total | accuracy |."""
    out = []
    for lang in (None, "zh-Hans", "zh-Hant", "en"):
        for part, (right, total) in trial2_scores(name, lang, judged).items():
            out.append(f"| {label} {part} {lang or 'all'} | {right}/{total} | "
                       f"{right / total if total else 0:.3f} |")
    return out


def trial2_errors(name: str, judged: tuple[str, ...] = JUDGED) -> list[str]:
    """The misjudged rows of trial B's development set (never the held-out set's)."""
    out = []
    rows = _rows(name)
    for r, code, shown in zip(rows, trial2_codes(name, judged), trial2_shown(name),
                              strict=True):
        want = (r["codes"], r["shown_baseline"], r["shown_target"], r["shown_due"],
                r.get("progress", "*"))
        got = (code, *shown)
        if any(w != "*" and ("" if w == "-" else w) != ("" if g == "-" else g)
               for w, g in zip(want, got, strict=True)):
            out.append(f"TRIAL2 {r['lang']} {r['title']!r}: {got} != {want}")
    return out


# User trial 33 (years, dates and quarters): OK003-OK006 too, since a ROC year read as a
# target hides OK003 and a fiscal year in `target` is OK006's.
JUDGED33 = ("OK003", "OK004", "OK005", "OK006", "OK007", "OK008", "OK009", "OK010")


def trial33a_rows(name: str = "key_results_trial33a_dev.tsv",
                  label: str = "trial33a dev") -> list[str]:
    """User trial 33a's tables in docs/okrs.md: "not measurable" P/R, then the OK003-OK010
    codes of a lint run and the values shown (baseline, target, due), all and per language."""
    return _table(label, [_blind_item(r) for r in _rows(name)]) + \
        trial2_rows(name, label, JUDGED33)


def due_rows(name: str, label: str) -> list[str]:
    """The deadline shown alone (the `shown_due` column), all and per language: | set due
    lang | right/total | accuracy |; and how many rows with no deadline got one."""
    rows, shown = _rows(name), trial2_shown(name)
    out = []
    for lang in (None, "zh-Hans", "zh-Hant", "en"):
        pairs = [(r["shown_due"], due or "-") for r, (_, _, due, _) in
                 zip(rows, shown, strict=True) if lang in (None, r["lang"])
                 and r["shown_due"] != "*"]
        right = sum(want == got for want, got in pairs)
        false = sum(want == "-" and got != "-" for want, got in pairs)
        out.append(f"| {label} due {lang or 'all'} | {right}/{len(pairs)} | "
                   f"{right / len(pairs) if pairs else 0:.3f} | {false} dated wrongly |")
    return out


if __name__ == "__main__":
    main()
