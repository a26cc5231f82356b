"""Shared helpers: run the CLI (in-process with click's CliRunner, or in a subprocess where a
test needs a fresh interpreter), and lint a folder in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        return json.loads(self.stdout)


def git(repo: Path, *args: str) -> None:
    """Run `git ARGS` in `repo` as a fixed author and committer; raises on failure."""
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def committed_org(source: Path, repo: Path) -> Path:
    """`repo`, a new git repository whose one commit holds a copy of `source` as `org/`."""
    import shutil

    shutil.copytree(source, repo / "org")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "org")
    return repo


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 60, fresh: bool = False) -> Run:
    """Run `orgspec ARGS` in-process with click's CliRunner (the same `main`, exit code,
    stdout and stderr); `fresh=True` runs `python -m orgspec ARGS` in a new interpreter, for
    what only a real process shows (encodings of the real streams, start-up imports)."""
    if fresh:
        return run_cli_process(*args, cwd=cwd, env=env, timeout=timeout)
    from click.testing import CliRunner

    from orgspec.cli import main

    runner = CliRunner(env={"NO_COLOR": "1", **(env or {})})
    before = os.getcwd()
    os.chdir(cwd or REPO)
    try:
        result = runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(before)
    return Run(result.exit_code, result.stdout, result.stderr)


def json_findings(folder: Path, *args: str) -> list[dict[str, Any]]:
    """The findings of `orgspec check FOLDER ARGS` (isolated from any config above it, no
    cache, English), as its JSON lists them."""
    run = run_cli("check", str(folder), "--isolated", "--no-cache", "--format", "json",
                  "--lang", "en", *args, cwd=folder)
    findings: list[dict[str, Any]] = run.json()["findings"]
    return findings


def where(findings: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    """Each JSON finding as (code, file name, line, column)."""
    return [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in findings]


def where_and_text(org: Path, lang: str = "en") -> tuple[list[tuple[str, str, int, int]], str]:
    """`orgspec check ORG` (isolated, no cache, in `lang`): its JSON findings as `where`
    gives them, and its text output."""
    found = run_cli("check", str(org), "--isolated", "--no-cache", "--format", "json",
                    "--lang", lang).json()["findings"]
    text = run_cli("check", str(org), "--isolated", "--no-cache", "--lang", lang).stdout
    return where(found), text


def run_cli_process(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                    timeout: float = 60) -> Run:
    """Run `python -m orgspec ARGS` in a fresh interpreter, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "orgspec", *args], cwd=cwd or REPO,
                          capture_output=True, timeout=timeout, env=full_env, check=False)
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def write_org(tmp_path: Path):
    """Write {relative path: text} under a fresh folder and return the folder."""

    def write(files: dict[str, str | bytes]) -> Path:
        for rel, content in files.items():
            target = tmp_path / "org" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            target.write_bytes(data)
        return tmp_path / "org"

    return write


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """`text` equals tests/golden/NAME; ORGSPEC_UPDATE_GOLDEN=1 rewrites the file instead."""
    golden = GOLDEN / name
    if os.environ.get("ORGSPEC_UPDATE_GOLDEN"):
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8"), f"{name} differs; see tests/golden/README.md"


def site_of(tmp_path: Path, text: str) -> Path:
    """The handbook site of an org of one file, `o.yaml` holding `text`: its folder."""
    from orgspec.engine.lint import lint_org
    from orgspec.load.config import Config
    from orgspec.site import SiteOptions, build_site

    org = tmp_path / "org"
    org.mkdir()
    (org / "o.yaml").write_text(text, "utf-8")
    result, loaded = lint_org([str(org)], Config())
    site = tmp_path / "site"
    build_site(result, loaded, str(site), SiteOptions(git_dates=False))
    return site


@pytest.fixture
def hostile_org(tmp_path: Path) -> Path:
    """The hostile fixture plus what a committed file cannot carry portably: a file named
    `javascript:alert(1).yaml` and a 10,000-character description."""
    org = tmp_path / "hostile"
    org.mkdir()
    (org / "org.yaml").write_bytes((FIXTURES / "hostile-report" / "org.yaml").read_bytes())
    long = ("<script>alert(3)</script>" * 400)[:10_000]
    (org / "javascript:alert(1).yaml").write_text(
        "- kind: Responsibility\n  id: long\n"
        f"  description: \"{long}\"\n  accountable: TBD\n", "utf-8")
    return org


def pytest_configure(config: pytest.Config) -> None:
    """Pick the fuzz tests' rotating seed once, in the main process, so every xdist worker
    (which inherits the environment) uses the same one; ORGSPEC_FUZZ_SEED=N repeats a run."""
    if not hasattr(config, "workerinput") and not os.environ.get("ORGSPEC_FUZZ_SEED"):
        import time

        os.environ["ORGSPEC_FUZZ_SEED"] = str(int(time.time()))


def pytest_report_header(config: pytest.Config) -> str:
    return f"fuzz seed (rotating): ORGSPEC_FUZZ_SEED={os.environ.get('ORGSPEC_FUZZ_SEED')}"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets an empty cache folder of its own (the CLI caches by default), so no
    test reads what another wrote nor writes into the user's cache. The kept paths are
    taken on every org, however small (`lint.SMALL_ORG_BYTES`): the tests' orgs are small,
    and what they check is those paths' answers (tests/test_small_org.py unsets it)."""
    folder = tmp_path_factory.mktemp("orgspec-cache")
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(folder / "cache"))
    monkeypatch.setenv("ORGSPEC_SMALL_ORG_BYTES", "0")
    return folder / "cache"
