"""Fuzz sessions: run generated inputs, count them, and save each new crash site minimised."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

from tests.fuzz.adopt import generate_import, run_import
from tests.fuzz.harness import (
    GRAPH_FORMATS,
    PARSERS,
    Crash,
    Files,
    digest,
    quick_input,
    run_input,
)
from tests.fuzz.minimise import minimise, replay, same_site
from tests.fuzz.mutate import generate


def options_for(seed: int, index: int) -> dict[str, str]:
    """The parser, graph format and report language of input `index`: fixed by the index."""
    return {"parser": PARSERS[index % 2], "graph_format": GRAPH_FORMATS[index % 5],
            "lang": ("zh", "en")[index // 2 % 2]}


class Session:
    """Counts inputs and crash sites; saves each new site's minimised input."""

    def __init__(self, out: Path, seed: int, minimise_budget: int) -> None:
        self.out, self.seed, self.budget = out, seed, minimise_budget
        self.inputs = 0
        self.quick = 0  # of which through `lint` only
        self.imports = 0  # of which importer inputs
        self.sites: dict[str, int] = {}
        self.started = time.time()
        self.cpu = time.process_time()

    def record(self, files: Files, crash: Crash, how: str, options: dict[str, str]) -> None:
        """`options` are run_input's, or {"import": SOURCE} for an importer's input."""
        first = crash.site not in self.sites
        self.sites[crash.site] = self.sites.get(crash.site, 0) + 1
        if not first:
            return
        print(f"NEW CRASH SITE: {crash.site} ({how})", flush=True)
        small = minimise(files, same_site(crash.site, **options), self.budget)
        folder = self.out / re.sub(r"[^A-Za-z0-9_.-]+", "-", crash.site)[:80]
        (folder / "input").mkdir(parents=True, exist_ok=True)
        for rel, data in small.items():
            target = folder / "input" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        again = replay(small, options).crash or crash
        (folder / "crash.txt").write_text(
            f"site: {crash.site}\nfound by: {how}\noptions: {json.dumps(options)}\n"
            f"input digest: {digest(small)}\nreplay: python -m tests.fuzz --replay {folder}\n\n"
            f"{again.detail}\n", "utf-8")
        (folder / "options.json").write_text(json.dumps(options), "utf-8")

    def stats(self) -> dict[str, object]:
        return {"seed": self.seed, "inputs": self.inputs, "lint_only": self.quick,
                "imports": self.imports,
                "wall_hours": round((time.time() - self.started) / 3600, 3),
                "cpu_hours": round((time.process_time() - self.cpu) / 3600, 3),
                "sites": self.sites}


QUICK_PER_ROUND = 100  # cheap lint-only inputs per byte round, beside one full-surface input


def byte_round(session: Session, index: int) -> None:
    """Input `index` through the whole surface, then inputs QUICK_PER_ROUND * index + j
    (j < QUICK_PER_ROUND) of the quick tier through `lint` alone."""
    options = options_for(session.seed, index)
    files = generate(session.seed, index)
    crash = run_input(files, **options).crash
    session.inputs += 1
    if crash:
        session.record(files, crash, f"bytes --seed {session.seed} --index {index}", options)
    for j in range(QUICK_PER_ROUND):
        quick_round(session, QUICK_PER_ROUND * index + j)


IMPORTS_PER_ROUND = 4  # one of each importer source (roster CSV and XLSX, Backstage, CODEOWNERS)


def import_round(session: Session, index: int) -> None:
    """Importer inputs IMPORTS_PER_ROUND * index + j through `import`, a re-import and
    `check` of what it wrote."""
    for j in range(IMPORTS_PER_ROUND):
        i = IMPORTS_PER_ROUND * index + j
        source, files = generate_import(session.seed, i)
        crash = run_import(source, files).crash
        session.inputs += 1
        session.imports += 1
        if crash:
            session.record(files, crash, f"import --seed {session.seed} --index {i}",
                           {"import": source})


def quick_round(session: Session, index: int) -> None:
    options = options_for(session.seed, index)
    files = generate(session.seed, -1 - index)  # negative indices: the quick tier's inputs
    crash = quick_input(files, options["parser"])
    session.inputs += 1
    session.quick += 1
    if crash:
        session.record(files, crash, f"quick --seed {session.seed} --index {index}", options)


def structural_round(session: Session, index: int, examples: int = 25,
                     quick: bool = False) -> None:
    """One Hypothesis run of `examples` inputs, seeded by (seed, index, quick), through the
    whole surface or (`quick`) through `lint` alone. A crash at a site not met before ends
    it; the byte minimiser then shrinks it (Hypothesis's own shrinking would re-run the
    whole surface thousands of times)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from tests.fuzz.strategies import orgs

    options = options_for(session.seed, index)
    last: dict[str, Files] = {}
    first: list[Crash] = []

    tag = ":quick" if quick else ""
    @hseed(random.Random(f"{session.seed}:{index}{tag}").getrandbits(64))
    @settings(max_examples=examples, database=None, deadline=None, print_blob=False,
              report_multiple_bugs=False, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(orgs)
    def prop(files: Files) -> None:
        session.inputs += 1
        session.quick += quick
        crash = quick_input(files, options["parser"]) if quick else \
            run_input(files, **options).crash
        if crash is None:
            return
        if crash.site in session.sites:
            session.sites[crash.site] += 1
            return
        last["files"] = files
        first.append(crash)
        raise AssertionError(crash.site)

    try:
        prop()
        return
    except Exception:  # AssertionError, or Hypothesis's FlakyFailure when the replay passed
        if "files" not in last:
            raise
    files = last["files"]
    crash = (quick_input(files, options["parser"]) if quick else run_input(files, **options).crash
             ) or first[0]
    kind = "structural-quick" if quick else "structural"
    session.record(files, crash, f"{kind} --seed {session.seed} --index {index}", options)
