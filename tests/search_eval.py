"""Score the site search on the fuzzy CJK sets (tests/data/site-search-fuzzy/) through the
real `search.js` in headless Chromium, from file://.

    python tests/search_eval.py            # both sets: dev (tuned on) and frozen (blind)

Per set: micro precision and recall of the pages returned against `expect`, hit@3 (queries
with an `expect` whose top 3 hold one of them), junk (pages of `never` returned, at any
rank) and negatives answered (queries with no `expect` that returned anything).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "site-search-fuzzy"
SETS = ("dev", "frozen")


@dataclass
class Score:
    """The figures of one set (see the module docstring)."""

    queries: int
    relevant: int
    returned: int
    correct: int
    hit3: int
    hit3_of: int
    junk: list[tuple[str, str]]
    negatives: list[str]
    missed: list[str]

    @property
    def precision(self) -> float:
        return self.correct / self.returned if self.returned else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.relevant if self.relevant else 1.0

    def line(self, name: str) -> str:
        return (f"{name}: {self.queries} queries, precision {self.precision:.3f} "
                f"({self.correct}/{self.returned}), recall {self.recall:.3f} "
                f"({self.correct}/{self.relevant}), hit@3 {self.hit3}/{self.hit3_of}, "
                f"junk {len(self.junk)} {self.junk}, negatives answered {self.negatives}, "
                f"no hit: {self.missed}")


def queries(name: str) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = json.loads(
        (DATA / f"fuzzy-{name}.json").read_text("utf-8"))["queries"]
    return got


def build(out: Path) -> None:
    """The site of the sets' org, in `out`."""
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    result, org = lint_org([str(DATA / "org.yaml")], Config())
    build_site(result, org, str(out), SiteOptions(git_dates=False))


def score(search: Any, rows: list[dict[str, Any]]) -> Score:
    """`search(query)` -> the pages returned, in rank order."""
    s = Score(len(rows), 0, 0, 0, 0, 0, [], [], [])
    for row in rows:
        got = search(row["q"])
        expect, never = set(row["expect"]), set(row["never"])
        s.relevant += len(expect)
        s.returned += len(got)
        s.correct += len(expect & set(got))
        s.junk += [(row["q"], page) for page in got if page in never]
        if not expect and got:
            s.negatives.append(row["q"])
        if expect:
            s.hit3_of += 1
            s.hit3 += bool(expect & set(got[:3]))
            if not expect & set(got):
                s.missed.append(row["q"])
    return s


def run(page: Any, base: str) -> dict[str, Score]:
    """Both sets' scores, searched on the page at `base` (a site's root URL)."""
    page.goto(base + "search.html")

    def search(q: str) -> list[str]:
        hits: list[dict[str, str]] = page.evaluate("q => window.orgspecSearch(q)", q)
        return [h["url"] for h in hits]

    return {name: score(search, queries(name)) for name in SETS}


def main() -> int:
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, FLAGS

    folder = Path(tempfile.mkdtemp(prefix="orgspec-search-eval-"))
    try:
        build(folder / "site")
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            scores = run(chromium.new_page(), (folder / "site").as_uri() + "/")
            chromium.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, s in scores.items():
        print(s.line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
