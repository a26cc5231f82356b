"""Run one fuzz input (a few org files) through the whole public surface and check the property.

The property: no exception escapes, every command exits 0 or 1, every finding points into
its file, the same input gives the same output twice, and a baseline written from a run
makes the same run pass. Everything runs through the CLI
(in-process, `--debug` so a crash keeps its traceback), so the harness does not depend on
where modules live inside the package.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from orgspec.cli import main

Files = dict[str, bytes]  # relative path -> content



def _choices(command: str, option: str = "fmt") -> tuple[str, ...]:
    """The choices of a command's option, read from the CLI itself (new formats join in)."""
    for param in main.commands[command].params:  # type: ignore[attr-defined]
        if param.name == option:
            return tuple(c for c in param.type.choices if c != "auto")
    raise LookupError(f"`{command}` has no option {option!r}")


# Every --format of `check`, json first: the others go through `--report`.
CHECK_FORMATS = ("json", *(f for f in _choices("check") if f != "json"))
GRAPH_FORMATS = _choices("graph")
PARSERS = ("c", "pure")
PACKAGE = str(Path(__file__).resolve().parents[2] / "orgspec")


@dataclass(frozen=True)
class Crash:
    """A violation of the property: `site` names it (the same bug gives the same site)."""

    site: str
    detail: str


@dataclass
class Outcome:
    """What one input did: the crash, if any, and how many CLI runs it took."""

    crash: Crash | None = None
    runs: int = 0
    codes: list[int] = field(default_factory=list)


def _site(exc: BaseException, tb: list[traceback.FrameSummary]) -> str:
    """The exception type and the innermost orgspec frame (file and function, not line)."""
    for frame in reversed(tb):
        if frame.filename.startswith(PACKAGE):
            rel = os.path.relpath(frame.filename, os.path.dirname(PACKAGE))
            return f"{type(exc).__name__} in {rel}:{frame.name}"
    return f"{type(exc).__name__} outside orgspec"


def write_files(folder: Path, files: Files) -> None:
    for rel, data in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class _Run:
    """One CLI invocation's exit code and the files it wrote, or the crash it caused.

    `usage_ok`: exit 2 is a right answer too (an unknown id for `show`, a source file an
    importer cannot read), when stderr is one clear `orgspec: error:` line (in any of the
    run's languages) that is not a
    template's or an internal error."""

    def __init__(self, args: list[str], env: dict[str, str], usage_ok: bool = False) -> None:
        result = CliRunner().invoke(main, ["--debug", *args], env=env, catch_exceptions=True)
        self.code = result.exit_code
        self.output = result.output
        self.crash: Crash | None = None
        if self.code == 130:  # the CLI's answer to Ctrl-C or SIGTERM: the fuzz run stops
            raise KeyboardInterrupt
        exc = result.exception
        if exc is not None and not isinstance(exc, SystemExit):
            tb = traceback.extract_tb(exc.__traceback__)
            text = "".join(traceback.format_exception(exc))
            self.crash = Crash(_site(exc, tb), text[-4000:])
        elif self.code == 2 and usage_ok and _one_clear_line(result.stderr):
            pass
        elif self.code not in (0, 1):
            self.crash = Crash(f"exit {self.code} from `{args[0]}`", self.output[-2000:])


def _only_load_failures(report: bytes) -> bool:
    """Whether every finding a JSON report shows says that a file could not be loaded (an
    input finding, or RF003): what a baseline never hides (`orgspec.ci.baseline`)."""
    import json

    return all(f["code"] == "RF003" or f["code"].startswith("IN")
               for f in json.loads(report)["findings"])


def _one_clear_line(stderr: str) -> bool:
    lines = stderr.splitlines()
    prefixes = ("orgspec: error: ", "orgspec: 错误：", "orgspec: 錯誤：")  # `show` speaks the org's
    return (len(lines) == 1 and lines[0].startswith(prefixes)
            and not any(w in lines[0] for w in ("template", "internal error", "Traceback")))


def run_input(files: Files, parser: str = "c", graph_format: str = "json",
              lang: str = "zh") -> Outcome:
    """Check `files` against the property; the first violation is the outcome's crash."""
    out = Outcome()
    env = {"ORGSPEC_YAML_PARSER": parser, "NO_COLOR": "1", "GITHUB_ACTIONS": "",
           "SOURCE_DATE_EPOCH": "1790000000"}
    with tempfile.TemporaryDirectory(prefix="orgspec-fuzz-") as tmp:
        base = Path(tmp)
        org = base / "org"
        org.mkdir()
        write_files(org, files)
        outputs: list[dict[str, bytes]] = []
        for attempt in ("a", "b"):  # twice: the same input must give the same outputs
            outdir = base / attempt
            outdir.mkdir()
            summary = outdir / "summary.md"
            summary.touch()
            reports = [f"--report={fmt}={outdir / fmt}" for fmt in CHECK_FORMATS[1:]]
            run = _Run(["check", str(org), "--isolated", "--format", "json",
                        "-o", str(outdir / "json"), *reports],
                       {**env, "GITHUB_STEP_SUMMARY": str(summary)})
            out.runs += 1
            out.codes.append(run.code)
            if run.crash:
                out.crash = run.crash
                return out
            outputs.append({p.name: p.read_bytes() for p in sorted(outdir.iterdir())})
        first, second = outputs
        for name in first:
            if first[name] != second.get(name):
                out.crash = Crash(f"nondeterministic `{name}` output", name)
                return out
        if out.codes[0] != out.codes[1]:
            out.crash = Crash("nondeterministic exit code", str(out.codes))
            return out
        bad = _misplaced(org, first["json"])
        if bad:
            out.crash = Crash("finding outside its file", bad)
            return out
        baseline, left = base / "baseline.json", base / "left.json"
        for args in (["check", str(org), "--isolated", "--write-baseline", str(baseline)],
                     ["check", str(org), "--isolated", "--baseline", str(baseline),
                      "--format", "json", "-o", str(left)]):
            run = _Run(args, env)
            out.runs += 1
            if run.crash:
                out.crash = run.crash
                return out
            if ("--baseline" in args and run.code != 0
                    and not _only_load_failures(left.read_bytes())):
                # a file that fails to load is never baselined (its error fails every run)
                out.crash = Crash("a baseline of the run itself still fails",
                                  left.read_text(encoding="utf-8")[-2000:])
                return out
        if "site" in main.commands:  # the handbook site, twice: it must not change either
            trees = []
            for name in ("site-a", "site-b"):
                run = _Run(["site", str(org), "--isolated", "-o", str(base / name),
                            "--lang", lang], env)
                out.runs += 1
                if run.crash:
                    out.crash = run.crash
                    return out
                trees.append(_tree(base / name))
            if trees[0] != trees[1]:
                diff = sorted(k for k in trees[0].keys() | trees[1].keys()
                              if trees[0].get(k) != trees[1].get(k))
                out.crash = Crash("nondeterministic site", ", ".join(diff[:5]))
                return out
        graph = base / "graph.json"
        commands = [["report", str(org), "--isolated", "--format", "markdown", "--lang", lang],
                    ["report", str(org), "--isolated", "--format", "html"],
                    ["graph", str(org), "--format", "json", "-o", str(graph)],
                    ["graph", str(org), "--format", graph_format]]
        while commands:
            args = commands.pop(0)
            run = _Run(args, env)
            out.runs += 1
            if run.crash:
                out.crash = run.crash
                return out
            if args[-1] == str(graph):  # then a flowchart of the first processes
                commands += [["graph", str(org), "--format", "mermaid", "--process", name]
                             for name in _processes(graph)]
        crash = _lookups_and_exports(org, base, graph, env, lang, out)
        if crash:
            out.crash = crash
    return out


SHOW_KINDS = {"team": "team", "person": "person", "role": "role", "duty": "responsibility",
              "process": "process", "meeting": "meeting"}
QUERIES = ["客服", "團隊", "review", "a*(", ""]


def _lookups_and_exports(org: Path, base: Path, graph: Path, env: dict[str, str], lang: str,
                         out: Outcome) -> Crash | None:
    """`who` and `show` on ids the org has (and one it lacks), and `export` as CSV (twice:
    the same tables) and as a workbook."""
    ids = _first_ids(graph)
    h = int(hashlib.sha256(str(sorted(ids.items())).encode()).hexdigest(), 16)
    queries = [ids.get("team", ""), QUERIES[h % len(QUERIES)]]
    commands: list[tuple[list[str], bool]] = [
        (["who", q, str(org), "--isolated", "--format", fmt], False)
        for q, fmt in zip(queries, ("text", "json"), strict=True)]
    for kind, node_kind in SHOW_KINDS.items():
        ident = ids.get(node_kind)
        if ident is not None:
            commands.append((["show", kind, ident, str(org), "--isolated", "--format",
                              ("text", "json")[h % 2]], False))
    commands.append((["show", "team", "没有-this", str(org), "--isolated"], True))
    csvs = []
    for name in ("csv-a", "csv-b"):
        commands.append((["export", str(org), "--isolated", "--format", "csv", "-o",
                          str(base / name), "--lang", lang], False))
        csvs.append(base / name)
    commands.append((["export", str(org), "--isolated", "--format", "xlsx", "-o",
                      str(base / "org.xlsx")], False))
    for args, usage_ok in commands:
        run = _Run(args, env, usage_ok)
        out.runs += 1
        if run.crash:
            return run.crash
    if all(c.is_dir() for c in csvs) and _tree(csvs[0]) != _tree(csvs[1]):
        return Crash("nondeterministic csv export", "")
    return None


def _first_ids(graph: Path) -> dict[str, str]:
    """The first entity id of each node kind in a `graph --format json` export."""
    if not graph.is_file():
        return {}
    first: dict[str, str] = {}
    for n in json.loads(graph.read_text("utf-8")).get("nodes", []):
        kind, _, ident = str(n.get("id", "")).partition(":")
        first.setdefault(kind, ident)
    return first


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _processes(graph: Path, most: int = 2) -> list[str]:
    """The first process ids in a `graph --format json` export (for `--process` flowcharts)."""
    if not graph.is_file():
        return []
    nodes = json.loads(graph.read_text("utf-8")).get("nodes", [])
    found = [str(n["id"]).partition(":")[2] for n in nodes if n.get("kind") == "process"]
    return found[:most]


def _misplaced(org: Path, report: bytes) -> str:
    """The first finding whose line or column lies outside its file, as text ('' if none)."""
    for f in json.loads(report)["findings"]:
        path = Path(f["file"])
        if not path.is_absolute():
            path = Path.cwd() / path
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
        lines = text.split("\n")
        if not 1 <= f["line"] <= len(lines) or not \
                1 <= f["column"] <= len(lines[f["line"] - 1]) + 1:
            return f"{f['code']} at {f['line']}:{f['column']} ({len(lines)} lines)"
    return ""


def digest(files: Files) -> str:
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + files[rel] + b"\0")
    return h.hexdigest()[:12]


def quick_input(files: Files, parser: str = "c") -> Crash | None:
    """The cheap tier: only `orgspec.lint` (the Python API), twice, on `files`. Loading and
    validation, where raw values are first typed, are most of what this reaches, at a
    fraction of `run_input`'s cost."""
    from orgspec import Config, lint

    old = os.environ.get("ORGSPEC_YAML_PARSER")
    os.environ["ORGSPEC_YAML_PARSER"] = parser
    try:
        with tempfile.TemporaryDirectory(prefix="orgspec-fuzz-") as tmp:
            org = Path(tmp)
            write_files(org, files)
            runs = []
            for _ in range(2):
                try:
                    result = lint([str(org)], Config(), today=None)
                except Exception as exc:
                    tb = traceback.extract_tb(exc.__traceback__)
                    text = "".join(traceback.format_exception(exc))
                    return Crash(_site(exc, tb), text[-4000:])
                runs.append([(f.code, f.location, f.message) for f in result.findings])
            if runs[0] != runs[1]:
                return Crash("nondeterministic findings", "")
            report = json.dumps({"findings": [
                {"code": c, "file": loc.file, "line": loc.line, "column": loc.col}
                for c, loc, _ in runs[0]]})
            bad = _misplaced(org, report.encode())
            return Crash("finding outside its file", bad) if bad else None
    finally:
        if old is None:
            os.environ.pop("ORGSPEC_YAML_PARSER", None)
        else:
            os.environ["ORGSPEC_YAML_PARSER"] = old
