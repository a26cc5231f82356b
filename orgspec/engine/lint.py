"""The Python API: `load_org` reads and validates; `lint` runs the enabled rules."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from orgspec.engine.anchors import Anchors, assign_fingerprints
from orgspec.engine.holdback import hold_back
from orgspec.engine.selection import Plan, make_plan
from orgspec.findings import (
    Finding,
    Issue,
    LintResult,
    Location,
    Related,
    sort_findings,
)
from orgspec.gcpause import gc_paused
from orgspec.i18n import M, choose, content_lang, say
from orgspec.load.config import Config
from orgspec.load.loader import load_files
from orgspec.model.org import Org

if TYPE_CHECKING:
    from concurrent.futures import Future


@dataclass
class Loaded:
    """A validated org and the input and schema problems met on the way."""

    org: Org
    issues: list[Issue]


def load_org(paths: list[str] | None = None, config: Config | None = None) -> Loaded:
    """Read, parse and validate the org under `paths` (default: the config's root)."""
    from orgspec.model.validate import build_org  # pydantic is imported only when needed

    config = config or Config()
    with gc_paused():
        raw = load_files(paths or [config.root_path()], config.include, config.exclude,
                         respect_gitignore=config.respect_gitignore)
        org, schema_issues = build_org(raw)
    return Loaded(org, raw.issues + schema_issues)


def lint(paths: list[str] | None = None, config: Config | None = None,
         today: dt.date | None = None) -> LintResult:
    """Load the org and run every enabled rule; the result holds sorted, stamped findings.

    Raises ConfigError when the config names unknown rules or bad options.
    """
    return lint_org(paths, config, today)[0]


def lint_org(paths: list[str] | None = None, config: Config | None = None,
             today: dt.date | None = None) -> tuple[LintResult, Org]:
    """`lint`, and the validated org it checked (for reports)."""
    config = config or Config()
    plan = make_plan(config)
    with gc_paused():
        loaded = load_org(paths, config)
        org = loaded.org
        issues = list(loaded.issues)
        issues.extend(run_rules(org, plan, today or dt.date.today()))
        issues.extend(_incomplete_note(org))
        root = config.root_path()
        anchors = Anchors(org)
        findings = [f for f in stamp(issues, plan) if not _ignored(f, plan, root)]
        findings = _suppress(findings, org, plan, today or dt.date.today(), root, anchors)
        findings = hold_back(findings, org, {c: m.reads for c, m in plan.rules.items()},
                             anchors)
        findings = assign_fingerprints(sort_findings(findings), anchors,
                                       org_root(paths or [root]))
        lang = run_lang(org, config)
        findings = [localize(f, lang) for f in findings]  # after the fingerprints: English
    return LintResult(findings, files=org.files, failed_files=sorted(org.failed),
                      entity_count=org.entity_count(),
                      rules={code: plan.rules[code] for code in plan.severity}, lang=lang), org


def run_lang(org: Org, config: Config) -> str:
    """The run's language: `lang` of the config (which `--lang` sets), else the content's,
    else the locale's."""
    return choose(config.lang, content_lang(org_texts(org)))


def org_texts(org: Org) -> Iterator[str]:
    """The names, descriptions and titles of teams, duties and objectives (what the
    content's language is judged by)."""
    for kind in ("Team", "Responsibility", "Objective"):
        for entity in org.table(kind).values():
            for attr in ("name", "description", "title"):
                yield str(getattr(entity, attr, "") or "")


def localize(f: Finding, lang: str) -> Finding:
    """`f` with its message, hint and related messages said in `lang`."""
    return replace(f, message=say(f.message, lang), hint=say(f.hint, lang),
                   related=tuple(Related(r.location, say(r.message, lang)) for r in f.related))


# From this many entities on, graph-free rules run in a second process beside the graph.
PARALLEL_MIN = 5000
_WORKER_STATE: dict[str, object] = {}


def run_rules(org: Org, plan: Plan, today: dt.date | None = None) -> Iterator[Issue]:
    """Run each enabled check (Python or declarative) once. On a large org and a machine
    with two cores, the graph-free ones run in a forked worker while this process builds
    the graph and runs the rest; the findings are the same either way."""
    from orgspec.engine.registry import GRAPH_FREE, load_checks

    load_checks()  # imports the check modules, which fills GRAPH_FREE
    today = today or dt.date.today()
    codes = list(plan.severity)
    remote = [c for c in codes if c in GRAPH_FREE or plan.rules[c].given is not None]
    future = _fork(org, plan, today, remote) if _parallel(org) and remote else None
    local = [c for c in codes if future is None or c not in remote]
    yield from _run_codes(org, plan, today, local)
    if future is not None:
        yield from future.result()


def _parallel(org: Org) -> bool:
    import os
    import sys

    return (sys.platform == "linux" and (os.cpu_count() or 1) > 1
            and os.environ.get("ORGSPEC_PARALLEL", "1") != "0"
            and org.entity_count() >= PARALLEL_MIN)


def _run_codes(org: Org, plan: Plan, today: dt.date, codes: list[str]) -> list[Issue]:
    from orgspec.engine.context import RuleContext, Shared
    from orgspec.engine.declarative import run_declarative
    from orgspec.engine.registry import load_checks

    checks, shared = load_checks(), Shared(org, today)
    out: list[Issue] = []
    for code in codes:
        meta = plan.rules[code]
        if meta.given is not None:
            out.extend(run_declarative(meta, shared))
        elif code in checks:
            out.extend(replace(issue, code=code)  # the framework stamps the code
                       for issue in checks[code](RuleContext(shared, plan.options[code])))
    return out


def _fork(org: Org, plan: Plan, today: dt.date, codes: list[str]) -> Future[list[Issue]] | None:
    """Start `codes` in a forked worker, which inherits the loaded org (no pickling)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORKER_STATE.update(org=org, plan=plan, today=today)
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        future = pool.submit(_worker, codes)
        pool.shutdown(wait=False)
        return future
    except OSError:
        return None  # no process to spare: run everything here


def _worker(codes: list[str]) -> list[Issue]:
    state = _WORKER_STATE
    return _run_codes(state["org"], state["plan"], state["today"], codes)  # type: ignore[arg-type]


def stamp(issues: Iterable[Issue], plan: Plan) -> Iterator[Finding]:
    """Turn issues of enabled rules into findings; the plan, not the check, gives name and
    severity."""

    for issue in issues:
        severity = plan.severity.get(issue.code)
        if severity is None:
            continue
        meta = plan.rules[issue.code]
        yield Finding(issue.code, meta.name, severity, issue.message, issue.location,
                      issue.entity, issue.related, issue.hint)


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def _ignored(f: Finding, plan: Plan, root: str) -> bool:

    if not plan.per_file:
        return False
    return plan.ignored_in(f.code, f.location.file) or \
        plan.ignored_in(f.code, _relative(f.location.file, root))


def org_root(paths: list[str]) -> str:
    """The folder that holds every path linted: fingerprints name files relative to it, so
    the org checked out elsewhere (the base of --diff, the index) gives the same ones."""
    folders = [p if os.path.isdir(p) else os.path.dirname(p) or "." for p in paths]
    try:
        return os.path.commonpath([os.path.abspath(f) for f in folders])
    except ValueError:  # different drives
        return os.path.abspath(folders[0])


def focus(result: LintResult, files: list[str]) -> LintResult:
    """Keep the findings located in `files` (what an editor on save or a per-file workflow
    asks for): the org was linted whole, so cross-file checks stay right."""
    wanted = {os.path.realpath(f) for f in files}
    result.findings = [f for f in result.findings
                       if os.path.realpath(f.location.file) in wanted]
    return result


def _suppress(findings: list[Finding], org: Org, plan: Plan, today: dt.date,
              root: str, anchors: Anchors) -> list[Finding]:
    from orgspec.load.suppress import Suppressor

    if not org.directives:
        return findings
    names = {m.name: c for c, m in plan.rules.items()}
    sup = Suppressor(org.directives, names, today, anchors.first_lines)
    kept = [f for f in findings if f.code.startswith("SU") or not sup.suppressed(f)]
    extra = sup.leftovers(set(plan.rules), set(plan.severity))
    kept.extend(f for f in stamp(extra, plan) if not _ignored(f, plan, root))
    return kept


def _incomplete_note(org: Org) -> Iterator[Issue]:
    if org.failed:
        first = sorted(org.failed)[0]
        n = len(org.failed)
        text = M("{n} files could not be loaded; cross-file checks are incomplete", n=n) \
            if n > 1 else M("1 file could not be loaded; cross-file checks are incomplete")
        yield Issue(text, Location(first), code="RF003")

