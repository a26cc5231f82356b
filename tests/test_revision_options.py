"""A revision option (`check --diff`, `report --diff`, `site --since`) that no git revision
can be is one error line, exit 2, nothing written: empty, blank, or read as an option. Said in
the run's language (the org's, once read: tests/test_safety.py), as the findings are."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, run_cli

BAD = [("", "it is empty"), ("   ", "it holds only blanks"), ("\t", "it holds only blanks"),
       ("-", "a revision cannot start with '-'"),
       ("-x", "a revision cannot start with '-'"),
       ("--output=x", "a revision cannot start with '-'")]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rev") / "repo"
    shutil.copytree(REPO / "examples" / "minimal", root / "org")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.email=a@b", "-c", "user.name=n",
                                               "commit", "-qm", "one"]):
        subprocess.run(["git", *args], cwd=root, check=True)
    return root


@pytest.mark.parametrize(("ref", "why"), BAD)
@pytest.mark.parametrize("command", [("check", "org", "--no-cache", "--diff"),
                                     ("report", "org", "--diff"),
                                     ("site", "org", "-o", "out", "--since")])
def test_a_revision_no_git_revision_can_be_is_one_error_line(repo: Path, command: tuple[str, ...],
                                                              ref: str, why: str) -> None:
    """`check --diff ""` ran as if no --diff were given (exit 1 on every finding, no org diff);
    a blank one said git had no revision '   '."""
    done = run_cli(*command, ref, "--lang", "en", "--isolated", cwd=repo)
    assert (done.code, done.stdout) == (2, ""), done.stdout
    assert done.stderr == f"orgspec: error: not a git revision: {ref!r} ({why})\n"
    assert not (repo / "x").exists() and not (repo / "out").exists()


def test_the_error_is_said_in_the_run_s_language(repo: Path) -> None:
    done = run_cli("check", "org", "--diff", "", "--lang", "zh", "--isolated", cwd=repo)
    assert done.stderr == "orgspec: 错误：不是 git 修订：''（它是空的）\n"
    done = run_cli("check", "org", "--diff", " ", "--lang", "zh-Hant", "--isolated", cwd=repo)
    assert done.code == 2 and done.stderr.count("\n") == 1 and "' '" in done.stderr
