"""A warm check whose files did not change answers from the cache: it imports no YAML
parser, no TOML reader, no models, and compiles none of orgspec's patterns at import (each
of these was paid by every such run, ~40 ms of its ~150 ms at 500 teams)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import EXAMPLES

# what the run must not import: PyYAML and orgspec's YAML modules (nothing is parsed, and
# the parser's name for the cache key is found without PyYAML: `load.parsername`), tomllib
# (no pyproject.toml above the org), the models and the graph
NOT_IMPORTED = ("yaml", "orgspec.load.yamlevents", "orgspec.load.yamlhints", "tomllib",
                "pydantic", "networkx")

PROBE = """
import os, re, sys
real_exit = os._exit

def report(code):
    mods = [m for m in sys.modules if m.startswith("orgspec")]
    compiled = sorted(f"{m}.{k}" for m in mods for k, v in vars(sys.modules[m]).items()
                      if isinstance(v, re.Pattern))
    heavy = [m for m in NOT_IMPORTED if m in sys.modules]
    print("PROBE", heavy, compiled, file=sys.stderr)
    real_exit(code)

os._exit = report
sys.argv = ["orgspec", *ARGS]
from orgspec.entry import main
main()
"""


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    code = PROBE.replace("NOT_IMPORTED", repr(NOT_IMPORTED)).replace("ARGS", repr(args))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=cwd, check=False)


def test_a_warm_unchanged_check_imports_no_parser_and_compiles_no_pattern(
        tmp_path: Path) -> None:
    org = tmp_path / "org"
    shutil.copytree(EXAMPLES / "ecommerce", org)
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    args = ["check", "org", "--format", "json"]
    cold = _run(args, env, tmp_path)
    assert "PROBE ['yaml', 'orgspec.load.yamlevents', 'orgspec.load.yamlhints'" in cold.stderr
    time.sleep(1)  # the state the cold run's child writes
    warm = _run(args, env, tmp_path)
    assert warm.stdout == cold.stdout and '"findings"' in warm.stdout
    assert [line for line in warm.stderr.splitlines() if line.startswith("PROBE")] == \
        ["PROBE [] []"]


def test_a_raci_re_check_keeps_the_lexicon_without_reading_it_first(tmp_path: Path) -> None:
    """A full re-check whose rules need no lexicon (one duty's `consulted` changed: OW007
    keeps its findings; the duty's own team added, which the kept state does not answer,
    `engine.raciedit`) neither imports the glossary nor reads `lexicon.yaml` before its
    output; the lexicon the prose path reads is still kept, once the output is out."""
    org = tmp_path / "org"
    subprocess.run([sys.executable, str(Path(__file__).parents[1] / "benchmarks" / "generate.py"),
                    "--teams", "12", "--out", str(tmp_path / "gen")], check=True,
                   capture_output=True)
    shutil.copytree(tmp_path / "gen" / "teams", org)
    cache = tmp_path / "cache"
    env = {**os.environ, "ORGSPEC_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    args = ["check", "org", "--format", "json"]
    victim = sorted(org.glob("*.yaml"))[6]
    for step in ("", "# a\n", "# b\n"):  # the first edit's run stores every file's entry
        with victim.open("a", encoding="utf-8") as handle:
            handle.write(step)
        subprocess.run([sys.executable, "-m", "orgspec", *args], env=env, cwd=tmp_path,
                       capture_output=True, check=False)
        time.sleep(1)  # the state the run's child writes
    for folder in cache.iterdir():  # kept again by the re-check below
        shutil.rmtree(folder / "lexicon", ignore_errors=True)
    text = victim.read_text("utf-8")
    assert "consulted: [" in text
    assert "accountable: team-00006\n" in text.split("consulted: [", 1)[0]
    victim.write_text(text.replace("consulted: [", "consulted: [team-00006, ", 1), "utf-8")
    code = PROBE.replace("NOT_IMPORTED", repr(("orgspec.text.glossary",))) \
        .replace("ARGS", repr(args))
    raci = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=tmp_path, check=False)
    fresh = subprocess.run([sys.executable, "-m", "orgspec", *args, "--no-cache"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, check=False)
    assert raci.stdout == fresh.stdout and '"findings"' in raci.stdout
    probe = [line for line in raci.stderr.splitlines() if line.startswith("PROBE")]
    assert len(probe) == 1 and probe[0].startswith("PROBE [] ")  # patterns: not asked here
    time.sleep(1)
    assert any((folder / "lexicon").is_dir() and any((folder / "lexicon").rglob("*"))
               for folder in cache.iterdir() if folder.is_dir())
