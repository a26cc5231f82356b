"""CI integration: formats, annotation escaping, baselines, diff mode and pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, REPO, assert_golden, committed_org, git, run_cli

import orgspec
from orgspec.escape import gh_data, gh_property, md_inline
from orgspec.findings import Finding, LintResult, Location, Related, Severity
from orgspec.reporters import get

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def _result(findings: list[Finding]) -> LintResult:
    return LintResult(findings, files=["org/a.yaml", "org/b.yaml"], entity_count=3)


def _finding(code: str, file: str, line: int, message: str, entity: str = "") -> Finding:
    return Finding(code, "rule-name", Severity.ERROR, message, Location(file, line, 3),
                   entity=entity, fingerprint=f"{code}{line:04d}".lower())


def test_sarif_validates_against_the_schema() -> None:
    run = run_cli("check", "examples/ecommerce", "--format", "sarif")
    log = run.json()
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert {r["id"] for r in driver["rules"]} >= {"OW001", "PR001", "OK004"}
    assert driver["version"] == driver["semanticVersion"] == orgspec.__version__  # a trial
    assert all(r["partialFingerprints"]["orgspecFindingHash/v1"]
               for r in log["runs"][0]["results"])


@pytest.mark.parametrize("text", ["100%", "a\r\nb", "x:y,z", "%0A", "::error::x", "🙂,研发"])
def test_annotation_escaping_round_trips(text: str) -> None:
    def unescape(value: str) -> str:
        return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                .replace("%2C", ",").replace("%25", "%"))

    for escaped in (gh_data(text), gh_property(text)):
        assert "\r" not in escaped and "\n" not in escaped
        assert unescape(escaped) == text
    assert ":" not in gh_property(text) and "," not in gh_property(text)


def test_github_annotations_cannot_be_forged_and_are_capped() -> None:
    evil = "Ops\n::error file=README.md,line=1::Security check passed"
    findings = [_finding("OW001", "org/a.yaml", i + 1, evil) for i in range(25)]
    out = get("github")(_result(findings))
    lines = out.splitlines()
    assert len(lines) == 11 and all(line.startswith("::") for line in lines)
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert all("Ops⏎::error file=README.md" in line for line in lines[:10])
    assert lines[-1].startswith("::notice title=orgspec::15 more findings")


@pytest.mark.parametrize("fmt", ["gitlab", "junit"])
def test_golden_outputs(fmt: str) -> None:
    from orgspec.i18n import M

    named = M("duty {duty!r} has {count} accountable owners: {names}", duty="d", count=2,
              names=["cs", "ops"])
    findings = [_finding("OW001", "org/a.yaml", 3, 'duty "a" <b> & c', "responsibility:a"),
                _finding("OW001", "org/a.yaml", 9, 'duty "a" <b> & c', "responsibility:a"),
                _finding("PR001", "org/b.yaml", 4, "step 's' has no owner", "process:p"),
                _finding("OW001", "org/b.yaml", 7, named, "responsibility:d")]
    # JUnit's failure text carries the related and hint lines `check` shows (GitLab's test
    # report shows only it), ids named, escaped: ESC and U+202E as `\x1b` and `\u202e`
    hinted = M("have {team!r} list {duty!r} as `consulted` & <drop> its A", team="ops",
               duty="d")
    findings[3] = replace(findings[3], hint=hinted, related=(
        Related(Location("org/c.yaml", 2, 5), M("{team!r} is accountable here", team="ops")),
        Related(Location("org/\u202ec.yaml", 8, 1), "A <&> here\x1b[2J")))
    result = _result(findings)
    # ids said with their names, as `check` says them, escaped for JSON and XML
    result.names = {"d": '售后 "A" <b> & c', "cs": "客服部", "ops": "运营\x1b[31m部"}
    text = get(fmt)(result)
    assert_golden(f"{fmt}-ci.{'json' if fmt == 'gitlab' else 'xml'}", text)


def test_gitlab_fingerprints_and_junit_names_are_unique() -> None:
    result = run_cli("check", "examples/ecommerce", "--format", "gitlab").json()
    prints = [i["fingerprint"] for i in result]
    assert len(prints) == len(set(prints))
    xml = run_cli("check", "examples/ecommerce", "--format", "junit").stdout
    names = [line.split('name="')[1].split('"')[0] for line in xml.splitlines()
             if "<testcase " in line]
    assert len(names) == len(set(names))


def test_junit_suite_shape_puts_the_file_on_the_suite_only() -> None:
    findings = [_finding("OW001", "org/a.yaml", 3, "x", "responsibility:a")]
    default, suite = (get(fmt)(_result(findings)) for fmt in ("junit", "junit-suite"))
    assert '<testcase name="org.orgspec.OW001(responsibility:a)" classname="org/a" ' \
           'file="org/a.yaml" line="3" time="0">' in default
    assert '<testcase name="org.orgspec.OW001(responsibility:a)" classname="org/a" ' \
           'time="0">' in suite
    assert 'package="org.orgspec" file="org/a.yaml">' in suite
    assert "line 3, col" in suite  # the line stays in the failure text
    assert ' line="' not in suite and suite.count(' file="') == suite.count("<testsuite ")


def test_github_references_are_neutralised_in_markdown() -> None:
    text = md_inline("see GH-7, owner/repo#9, gh-12 and @octo/team; OGH-7 stays")
    assert text == ("see GH\u200b-7, owner/repo#\u200b9, gh\u200b-12 and "
                    "@\u200bocto/team; OGH-7 stays")


def test_markdown_is_inert_and_bounded() -> None:
    assert md_inline("a|b\n<img src=x> @team #12") == (
        "a\\|b \\<img src=x> @\u200bteam #\u200b12")
    findings = [_finding("OW001", "org/a.yaml", i + 1, "x" * 200) for i in range(1000)]
    text = get("markdown")(_result(findings), limit=5000)
    assert len(text) <= 5000 and "report truncated at 5,000 characters" in text


def test_step_summary_is_appended_in_github_actions(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", "utf-8")
    run = run_cli("check", "examples/ecommerce", "--format", "auto",
                  env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.stdout.startswith("::error ")
    text = summary.read_text("utf-8")
    assert text.startswith("previous step\n# 组织报告\n\n**4** 个错误 · **3** 个警告 · ")
    assert "## RACI 矩阵" in text  # the full report, not a findings list


@pytest.fixture
def two_commits(tmp_path: Path) -> Path:
    """A repo whose second commit adds a duty that a second team also claims."""
    repo = tmp_path / "repo"
    committed_org(EXAMPLES / "minimal", repo)
    with (repo / "org" / "org.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n- kind: Responsibility\n  id: status-page\n"
                     "  description: Keep the public status page current\n"
                     "  accountable: platform\n"
                     "\n- kind: Team\n  id: comms\n  parent: platform\n  lead: grace\n"
                     "  members: [grace]\n  responsibilities: [status-page]\n")
    git(repo, "commit", "-qam", "status page")
    return repo


def test_diff_fails_only_on_the_new_overlap(two_commits: Path) -> None:
    run = run_cli("check", "org", "--diff", "HEAD~1", "--format", "json",
                  "--report", "markdown=pr.md", cwd=two_commits)
    assert run.code == 1, run.stderr
    assert [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]] == [
        ("OW001", "org/org.yaml", 66)]  # `accountable: platform` of status-page
    assert "team added: comms" in run.stderr
    change = "duty added: status-page (accountable: comms, Platform (platform))"
    assert f"- {md_inline(change, 500)}" in (two_commits / "pr.md").read_text("utf-8")
    assert f"  {change}" in run.stderr  # --format json: the org diff is a note
    assert "accountable owner of duty" not in run.stderr  # status-page is new, not changed
    assert "overlap introduced: duty 'status-page' has 2 accountable owners" in run.stderr
    clean = run_cli("check", "org", "--diff", "HEAD", cwd=two_commits)
    assert clean.code == 0, "nothing is new against HEAD itself"



def test_diff_against_a_base_with_links_leaving_the_org(two_commits: Path) -> None:
    """A base commit holding a link to /etc/passwd (or ../..) made --diff an internal error
    (tarfile's data filter: AbsoluteLinkError). The base is read as the working tree is:
    the link is IN011 there too, so it is not new; a link loop is IN013, not IN012."""
    org = two_commits / "org"
    os.symlink("/etc/passwd", org / "pw.yaml")
    os.symlink("../../../../etc/passwd", org / "up.yaml")
    os.symlink("loop.yaml", org / "loop.yaml")
    git(two_commits, "add", ".")
    git(two_commits, "commit", "-qm", "links")
    (org / "extra.yaml").write_text("kind: Team\nid: extra\nid: again\n", "utf-8")

    run = run_cli("check", "org", "--diff", "HEAD", "--format", "json", "--select",
                  "input,RF", cwd=two_commits)

    assert run.code == 1, run.stderr
    assert [(f["code"], f["file"]) for f in run.json()["findings"]] == [
        ("IN004", "org/extra.yaml")]
    assert "internal error" not in run.stderr
    whole = run_cli("check", "org", "--format", "json", "--select", "input",
                    cwd=two_commits)
    assert [(f["code"], f["file"], f["message"]) for f in whole.json()["findings"]][1:] == [
        ("IN013", "org/loop.yaml", "cannot read file: Too many levels of symbolic links"),
        ("IN011", "org/pw.yaml", "symlink points outside the org root; not followed"),
        ("IN011", "org/up.yaml", "symlink points outside the org root; not followed")]

def test_baseline_of_old_findings_passes_an_unchanged_org(two_commits: Path) -> None:
    base = two_commits / "baseline.json"
    assert run_cli("check", "org", "--write-baseline", str(base), cwd=two_commits).code == 0
    run = run_cli("check", "org", "--baseline", str(base), cwd=two_commits)
    assert run.code == 0
    assert "1 known finding not shown, 0 stale entries" in run.stderr


def test_bad_baseline_and_bad_ref_are_usage_errors(two_commits: Path) -> None:
    (two_commits / "bad.json").write_text("[]", "utf-8")
    assert run_cli("check", "org", "--baseline", "bad.json", cwd=two_commits).code == 2
    run = run_cli("check", "org", "--diff", "no-such-ref", cwd=two_commits)
    assert run.code == 2 and run.stderr == (
        "orgspec: error: git has no revision 'no-such-ref' (a branch, tag or commit)\n")


@pytest.mark.slow
def test_real_pre_commit_runs_the_hook(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="needs the pre-commit package")
    hook_repo = tmp_path / "hook"
    shutil.copytree(REPO, hook_repo, ignore=shutil.ignore_patterns(
        ".git", "*.egg-info", "__pycache__", ".pytest_cache", "benchmarks"))
    git(hook_repo, "init", "-q")
    git(hook_repo, "add", ".")
    git(hook_repo, "commit", "-qm", "hook")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True,
                         text=True, check=True).stdout.strip()
    user = tmp_path / "user"
    shutil.copytree(EXAMPLES / "minimal", user / "org")
    org_yaml = (user / "org" / "org.yaml").read_text("utf-8")
    people = [line for line in org_yaml.splitlines(keepends=True) if "kind: Person" in line]
    (user / "org" / "org.yaml").write_text("".join(
        line for line in org_yaml.splitlines(keepends=True) if line not in people), "utf-8")
    (user / "org" / "people.yaml").write_text("".join(people), "utf-8")
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: orgspec\n",
        "utf-8")
    git(user, "init", "-q")
    git(user, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args],
                              cwd=user, capture_output=True, text=True, env=env, timeout=900)

    clean = pre_commit("--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    git(user, "commit", "-qm", "org")
    git(user, "rm", "-q", "org/people.yaml")  # a commit that only deletes a file
    deleted = pre_commit()  # what `git commit` runs: the staged changes
    assert deleted.returncode == 1, deleted.stdout + deleted.stderr
    assert "RF001 [error] unknown Person 'ada' in `lead`" in deleted.stdout, deleted.stdout
    git(user, "reset", "-q", "--hard")
    _assert_the_hook_fails_an_unowned_duty(user, pre_commit)


def _assert_the_hook_fails_an_unowned_duty(
        user: Path, pre_commit: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    """Stage a duty with no accountable owner in `user`'s org; the hook must fail on it."""
    with (user / "org" / "org.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n- kind: Responsibility\n  id: refunds\n  description: Refunds\n"
                     "  accountable: TBD\n  informed: [support]\n")
    git(user, "add", ".")
    broken = pre_commit("--all-files")
    assert broken.returncode == 1
    assert "OW002 [error] duty 'refunds' has no accountable owner (written as 'TBD')" \
        in broken.stdout


def _readme_local_hook() -> str:
    """The README's `repo: local` pre-commit config, as a user copies it."""
    text = (REPO / "README.md").read_text("utf-8")
    [block] = [b.split("```", 1)[0] for b in text.split("```yaml\n")[1:]
               if "repo: local" in b.split("```", 1)[0]]
    return block


def test_readme_local_hook_matches_the_published_hook() -> None:
    import yaml

    [local] = yaml.safe_load(_readme_local_hook())["repos"][0]["hooks"]
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    keys = ("id", "entry", "pass_filenames", "always_run", "require_serial")
    assert {k: local[k] for k in keys} == {k: hook[k] for k in keys}
    assert local["language"] == "system"  # runs the installed orgspec, fetches nothing


@pytest.mark.slow
def test_readme_local_hook_runs_without_fetching(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="needs the pre-commit package")
    user = tmp_path / "user"
    shutil.copytree(EXAMPLES / "minimal", user / "org")
    (user / ".pre-commit-config.yaml").write_text(_readme_local_hook(), "utf-8")
    git(user, "init", "-q")
    git(user, "add", ".")
    bindir = str(Path(sys.executable).parent)  # where this venv's `orgspec` lies
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", *args],
                              cwd=user, capture_output=True, text=True, env=env, timeout=300)

    clean = pre_commit("--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    _assert_the_hook_fails_an_unowned_duty(user, pre_commit)
    assert not (tmp_path / "cache" / "repo").exists() or not any(
        (tmp_path / "cache").glob("repo*/*"))  # nothing cloned


def test_action_is_composite_and_never_interpolates_inputs_into_scripts() -> None:
    import yaml

    action = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert "${{" not in step["run"], step["name"]
    [check] = [s for s in action["runs"]["steps"] if s["name"] == "Check the org"]
    assert "orgspec check --format github" in check["run"]


def test_pre_commit_hook_lints_the_whole_org() -> None:
    import yaml

    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert (hook["pass_filenames"], hook["require_serial"]) == (False, True)
    assert hook["always_run"] is True  # a commit that only deletes a file passes no file
    assert hook["entry"] == "orgspec check --staged"  # what is committed, not the tree


def test_text_output_in_actions_cannot_forge_commands(write_org) -> None:
    root = write_org({"t.yaml": 'kind: Team\nid: core\nlead: "##[error]forged ::x"\n'})
    run = run_cli("check", str(root), "--select", "RF", env={"GITHUB_ACTIONS": "true"})
    assert "##[" not in run.stdout and "##\u200b[error]" in run.stdout
    assert not any(line.lstrip().startswith("::") for line in run.stdout.splitlines())


def test_a_revision_is_checked_once(two_commits: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lint_at` checks the revision before asking git; the archive step used to check it
    again."""
    from orgspec.ci import diff

    seen: list[str] = []
    real = diff.check_ref

    def counted(ref: str) -> None:
        seen.append(ref)
        real(ref)

    monkeypatch.setattr(diff, "check_ref", counted)
    run = run_cli("check", "org", "--diff", "HEAD~1", cwd=two_commits)
    assert run.code == 1 and seen == ["HEAD~1"]
    bad = run_cli("check", "org", "--diff", "--output=x", cwd=two_commits)
    assert bad.code == 2 and not (two_commits / "x").exists()
    assert bad.stderr == ("orgspec: error: not a git revision: '--output=x' (a revision "
                          "cannot start with '-')\n")
