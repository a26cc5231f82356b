"""Scoring near-duplicate detection on the labelled pair files in tests/data/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from orgspec.text.neardup import find_pairs

DATA = Path(__file__).resolve().parent / "data"
SETS = {"tuned": DATA / "duty_pairs.tsv", "heldout": DATA / "duty_pairs_heldout.tsv"}


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def read_pairs(path: Path) -> list[tuple[bool, str, str, str]]:
    """(is duplicate, language, a, b) for every labelled row."""
    rows = [line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(r[0] == "1", r[1], r[2], r[3]) for r in rows[1:]]


def evaluate(pairs: list[tuple[bool, str, str, str]], threshold: float) -> dict[str, Scores]:
    """Run the detector over all texts of the set (as one org, every text its own team)
    and score the labelled pairs, overall and per language."""
    texts = sorted({t for _, _, a, b in pairs for t in (a, b)})
    index = {t: i for i, t in enumerate(texts)}
    found = {(p.first, p.second) for p in find_pairs(texts, texts, threshold)}
    scores: dict[str, Scores] = {"all": Scores()}
    for dup, lang, a, b in pairs:
        i, j = sorted((index[a], index[b]))
        hit = (i, j) in found
        for key in ("all", lang):
            s = scores.setdefault(key, Scores())
            if hit and dup:
                s.tp += 1
            elif hit:
                s.fp += 1
            elif dup:
                s.fn += 1
            else:
                s.tn += 1
    return scores


BLIND = DATA / "duty_pairs_blind.tsv"
DEV = DATA / "duty_pairs_dev.tsv"  # tuned on; BLIND never is
Duty = tuple[str, str]  # (name, description); either may be ""


def read_duty_pairs(path: Path) -> list[tuple[bool, str, str, Duty, Duty]]:
    """(is duplicate, language, shape, duty a, duty b) for every row of a name+description
    pair file (duty_pairs_blind.tsv)."""
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(r[0] == "1", r[1], r[2], (r[3], r[4]), (r[5], r[6])) for r in rows[1:]]


def evaluate_duties(pairs: list[tuple[bool, str, str, Duty, Duty]], threshold: float,
                    by: str = "lang") -> dict[str, Scores]:
    """Like `evaluate`, for duties with a name and a description, as OW007 reads them;
    scores overall and per language (`by="lang"`) or per shape (`by="shape"`)."""
    from orgspec.text.neardup import find_duty_pairs

    duties = sorted({d for *_, a, b in pairs for d in (a, b)})
    index = {d: i for i, d in enumerate(duties)}
    found = {(p.first, p.second) for p in
             find_duty_pairs(duties, [str(i) for i in range(len(duties))], threshold)}
    scores: dict[str, Scores] = {"all": Scores()}
    for dup, lang, shape, a, b in pairs:
        i, j = sorted((index[a], index[b]))
        hit = (i, j) in found
        for key in ("all", lang if by == "lang" else shape):
            s = scores.setdefault(key, Scores())
            if hit and dup:
                s.tp += 1
            elif hit:
                s.fp += 1
            elif dup:
                s.fn += 1
            else:
                s.tn += 1
    return scores


BLIND2 = DATA / "duty_pairs_blind2.tsv"  # second blind set (issue 15, round 3); never tuned on
BLIND3 = DATA / "duty_pairs_blind3.tsv"  # third blind set (issue 15, round 4); never tuned on
DEV2 = DATA / "duty_pairs_dev2.tsv"  # second development set (round 4); tuned on
BLIND_TW = DATA / "duty_pairs_blind_tw.tsv"  # Taiwan's words (zh-Hant lists); never tuned on
DUTY_SETS = {"dev": DEV, "dev2": DEV2, "blind": BLIND, "blind2": BLIND2, "blind3": BLIND3,
             "blind-tw": BLIND_TW}


def report(threshold: float = 0.55) -> str:
    """A Markdown table per name+description set: TP, FP, FN, TN, P, R overall, per language
    and per shape (`python tests/neardup_eval.py`)."""
    lines = []
    for name, path in DUTY_SETS.items():
        pairs = read_duty_pairs(path)
        lines += [f"### {name} ({len(pairs)} pairs, threshold {threshold})", "",
                  "| group | TP | FP | FN | TN | precision | recall |",
                  "|---|---|---|---|---|---|---|"]
        by_lang = evaluate_duties(pairs, threshold)
        by_shape = evaluate_duties(pairs, threshold, by="shape")
        groups = [("all", by_lang["all"])]
        groups += sorted((k, v) for k, v in by_lang.items() if k != "all")
        groups += sorted((f"shape {k}", v) for k, v in by_shape.items() if k != "all")
        for key, s in groups:
            lines.append(f"| {key} | {s.tp} | {s.fp} | {s.fn} | {s.tn} | {s.precision:.3f} | "
                         f"{s.recall:.3f} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(report(float(sys.argv[1]) if len(sys.argv) > 1 else 0.55))
