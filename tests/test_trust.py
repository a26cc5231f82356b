"""Findings people can trust (issue 12), through the Python API: one mistake gives one
finding, fingerprints survive renames and repetition, suppressions sit where people write
them, the hook judges what is committed, and every CI consumer gets paths it can map."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli

from orgspec.ci import baseline
from orgspec.ci.diff import compare, lint_at, lint_staged
from orgspec.engine.lint import focus, lint, lint_org
from orgspec.engine.registry import registry
from orgspec.findings import Finding, LintResult, Location, Severity
from orgspec.load import loader as loader_module
from orgspec.load.config import Config, Selector, load_config
from orgspec.load.loader import load_files
from orgspec.model.models import MODELS
from orgspec.reporters import get
from orgspec.run import CiEnv

TODAY = dt.date(2026, 11, 22)


def codes(result: LintResult) -> list[tuple[str, str, int]]:
    return [(f.code, Path(f.location.file).name, f.location.line) for f in result.findings]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
                   cwd=cwd, check=True, capture_output=True)


def repo(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A git repository holding `files`, committed."""
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, files)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


# 1. One mistake gives one finding -----------------------------------------------------------

def test_an_unknown_field_gives_only_sc001(tmp_path: Path) -> None:
    write(tmp_path, {"org.yaml": (
        "- {kind: Person, id: bob}\n"
        "- {kind: Team, id: support, lead: bob, members: [bob], responsibilities: [tickets],"
        " missoin: Answer customers}\n"
        "- {kind: Responsibility, id: tickets, accountable: support}\n")})
    result = lint([str(tmp_path)], today=TODAY)
    assert [(f.code, f.location.line, f.location.col, f.hint) for f in result.findings] == [
        ("SC001", 2, 85, "did you mean `mission`?")]


def test_a_misindented_role_gives_no_false_gap(tmp_path: Path) -> None:
    write(tmp_path, {"org.yaml": (
        "- kind: Team\n  id: support\n  members: [bob]\n  lead: bob\n"
        "  responsibilities:\n    - ref: tickets\n  role: accountable\n"
        "- {kind: Person, id: bob}\n"
        "- {kind: Responsibility, id: tickets, accountable: support}\n")})
    assert codes(lint([str(tmp_path)], today=TODAY)) == [("SC001", "org.yaml", 7)]


def test_a_bad_charter_role_does_not_become_an_overlap(tmp_path: Path) -> None:
    write(tmp_path, {"org.yaml": (
        "- {kind: Person, id: p}\n"
        "- {kind: Team, id: a, lead: p, members: [p], responsibilities: [d]}\n"
        "- kind: Team\n  id: b\n  lead: p\n  members: [p]\n  responsibilities:\n"
        "    - {ref: d, role: ownr}\n"
        "- {kind: Responsibility, id: d}\n")})
    # the dropped role would default to accountable: the overlap it suggests is held back
    assert codes(lint([str(tmp_path)], today=TODAY)) == [("SC003", "org.yaml", 8)]


OKR = """\
- {kind: Team, id: t, lead: bob, members: [bob], responsibilities: [d]}
- {kind: Person, id: bob}
- {kind: Responsibility, id: d}
- kind: Objective
  id: o
  owner: t
  title: Happier customers
  period: PERIOD
  key_results:
    - id: a
      title: 提升用户满意度
    - id: b
      title: NPS from 30 to 40
      due: DUE
"""


def test_a_bad_date_keeps_the_sibling_key_results_findings(tmp_path: Path) -> None:
    write(tmp_path, {"o.yaml": OKR.replace("PERIOD", "2026-Q1").replace("DUE", "2026-02-30")})
    assert codes(lint([str(tmp_path)], today=TODAY)) == [
        ("OK004", "o.yaml", 11), ("SC003", "o.yaml", 14)]


def test_a_bad_period_holds_back_only_what_reads_the_period(tmp_path: Path) -> None:
    text = OKR.replace("PERIOD", "2026Q1").replace("      due: DUE\n", "      direction: decrease\n"
                                                    "      baseline: 30\n      target: 40\n")
    write(tmp_path, {"o.yaml": text})
    # OK008 (direction against values) does not read the period: it stays; OK003 (no time
    # bound: the period is unknown) is held back
    assert codes(lint([str(tmp_path)], today=TODAY)) == [
        ("SC003", "o.yaml", 8), ("OK004", "o.yaml", 11), ("OK008", "o.yaml", 14)]


def test_an_undecodable_team_file_gives_no_false_person_findings(tmp_path: Path) -> None:
    write(tmp_path, {"teams.yaml": "kind: Team\nid: 客服\nname: 客服团队\nmembers: [bob]\n"
                                   .encode("gbk"),
                     "people.yaml": "kind: Person\nid: bob\n"})
    assert codes(lint([str(tmp_path)], today=TODAY)) == [
        ("IN002", "teams.yaml", 2)]


def test_a_tab_in_a_duty_file_gives_no_false_empty_charter(tmp_path: Path) -> None:
    write(tmp_path, {"teams.yaml": "kind: Team\nid: support\nlead: bob\nmembers: [bob]\n---\n"
                                   "kind: Person\nid: bob\n",
                     "duties.yaml": "kind: Responsibility\nid: tickets\naccountable:\tsupport\n"
                                    "\t- x\n"})
    assert codes(lint([str(tmp_path)], today=TODAY)) == [
        ("IN001", "duties.yaml", 4)]


def _examples() -> list[Path]:
    out = []
    for meta in registry().values():
        if meta.example == "yaml":
            out += [REPO / "rules" / "examples" / meta.name / f"{which}.yaml"
                    for which in ("bad", "good")]
    hostile = FIXTURES / "hostile"
    out += sorted(p for p in hostile.iterdir() if p.is_dir())
    return out


@pytest.mark.parametrize("path", _examples(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corrupting_one_unrelated_field_adds_exactly_one_finding(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(extends="strict")
    before = lint([str(path)], config, today=TODAY)
    entities = load_files([str(path)]).entities
    known = [i for i, e in enumerate(entities)
             if isinstance(e.kind, str) and e.kind in MODELS]  # else only IN010

    real = loader_module.load_bytes
    for index in known:
        seen = [0]  # entities parsed so far, across the files in order (serial: small orgs)

        def corrupted(*args: object, _i: int = index, seen: list[int] = seen,
                      **kwargs: object) -> object:
            raw = real(*args, **kwargs)  # type: ignore[arg-type]
            for ent in raw.entities:
                if seen[0] == _i:
                    table = ent.fmap.parsed.tables[id(ent.data)]
                    table.extend(table[:6])  # the new key where the first key is
                    ent.data["zz_unknown_field"] = "x"
                seen[0] += 1
            return raw

        monkeypatch.setattr(loader_module, "load_bytes", corrupted)
        after = lint([str(path)], config, today=TODAY)
        monkeypatch.undo()
        kept = [(f.code, f.location, f.message) for f in before.findings]
        now = [(f.code, f.location, f.message) for f in after.findings]
        extra = [f for f in now if f not in kept]
        assert [f for f in kept if f not in now] == [], f"entity {index}: findings lost"
        assert [c for c, _, _ in extra] == ["SC001"], f"entity {index}: {extra}"


# 2. Fingerprints ----------------------------------------------------------------------------

ORG = """\
- {kind: Team, id: a, lead: p, members: [p], responsibilities: [d]}
- {kind: Team, id: b, lead: p, members: [p], responsibilities: [d]}
- {kind: Person, id: p}
- {kind: Responsibility, id: d}
"""


def _diff(top: Path, ref: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    monkeypatch.chdir(top)
    config = Config()
    head, head_org = lint_org(["org"], config, TODAY)
    base, base_org = lint_at(ref, ["org"], config, lint_org)
    diff = compare(base, head, base_org, head_org)
    return len(diff.new), len(diff.fixed)


def test_a_renamed_file_keeps_its_findings(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    top = repo(tmp_path, {"org/org.yaml": ORG})
    git(top, "mv", "org/org.yaml", "org/teams.yaml")
    git(top, "commit", "-qm", "rename")
    assert _diff(top, "HEAD~1", monkeypatch) == (0, 0)


def test_repeated_findings_match_their_base(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    top = repo(tmp_path, {"org/org.yaml": "- {kind: Team, id: a, members: [nobody, nobody]}\n"})
    assert _diff(top, "HEAD", monkeypatch) == (0, 0)
    monkeypatch.chdir(top)
    fps = [f.fingerprint for f in lint(["org"], today=TODAY).findings]
    assert len(fps) == len(set(fps)) and len(fps) >= 2


def test_a_baselined_vague_key_result_does_not_hide_a_new_one(tmp_path: Path) -> None:
    one = ("- kind: Objective\n  id: o\n  title: Grow\n  period: 2026-Q1\n  key_results:\n"
           "    - {id: a, title: 提升用户满意度}\n")
    write(tmp_path, {"o.yaml": one})
    known = json.loads(baseline.dumps(lint([str(tmp_path)], today=TODAY)))["findings"]
    write(tmp_path, {"o.yaml": "# moved down\n" + one + "    - {id: b, title: 优化用户体验}\n"})
    result = lint([str(tmp_path)], today=TODAY)
    outcome = baseline.apply(result, known)
    assert [(f.code, f.location.line) for f in result.findings] == [("OK004", 8)]
    assert (outcome.known, outcome.stale) == (2, [])  # OK004 on `a`, OK011 on `o`


def test_a_version_1_baseline_asks_to_be_regenerated(tmp_path: Path) -> None:
    old = tmp_path / "b.json"
    old.write_text('{"version": 1, "findings": []}')
    with pytest.raises(baseline.BaselineError, match="regenerate"):
        baseline.read(str(old))


def test_the_configured_baseline_is_used(tmp_path: Path) -> None:
    write(tmp_path, {"org/t.yaml": "kind: Team\nid: core\nlead: nobody\n",
                     ".orgspec.yaml": "baseline: known.json\n"})
    assert load_config(str(tmp_path / ".orgspec.yaml")).baseline_path() == \
        str(tmp_path / "known.json")
    assert run_cli("check", "--write-baseline", "known.json", cwd=tmp_path).code == 0
    run = run_cli("check", cwd=tmp_path)
    assert run.code == 0 and "known findings not shown" in run.stderr


# 3. Suppressions ----------------------------------------------------------------------------

def test_the_readme_suppression_above_an_entity_covers_it(tmp_path: Path) -> None:
    write(tmp_path, {"org.yaml": (
        "- {kind: Team, id: a, lead: p, members: [p]}\n"
        "- {kind: Team, id: b, lead: p, members: [p]}\n"
        "- {kind: Person, id: p}\n"
        "# orgspec: ignore[responsibility-overlap] shared until the reorg\n"
        "- kind: Responsibility\n  id: d\n  description: x\n  name: d\n"
        "  accountable: [a, b]\n")})
    assert codes(lint([str(tmp_path)], today=TODAY)) == []


def test_a_suppression_above_a_key_result_covers_it_not_its_sibling(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text("family: acme\nrules:\n  - {code: ACME001, name: kr-has-owner, severity: "
                    "warning, summary: s, rationale: r, given: KeyResult, then: {field: owner,"
                    " function: defined}}\n")
    write(tmp_path / "org", {"o.yaml": (
        "- {kind: Team, id: t, lead: p, members: [p], responsibilities: [d]}\n"
        "- {kind: Person, id: p}\n- {kind: Responsibility, id: d}\n"
        "- kind: Objective\n  id: o\n  owner: t\n  title: Grow\n  period: 2026-Q1\n"
        "  key_results:\n    # orgspec: ignore[OK004, ACME001] agreed with the team\n"
        "    - id: a\n      title: 提升用户满意度\n"
        "    - id: b\n      title: 优化用户体验\n")})
    config = Config(rule_packs=[str(pack)], extend_select=[])
    config.extend_select = [Selector("ACME001", "test")]
    result = lint([str(tmp_path / "org")], config, today=TODAY)
    assert [(f.code, f.location.line) for f in result.findings] == [
        ("ACME001", 13), ("OK004", 14)]


# 4. Judge what is committed, and what was named -------------------------------------------

def test_staged_mode_reads_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    top = repo(tmp_path, {"org/org.yaml": "- {kind: Team, id: a, lead: p, members: [p]}\n"
                                          "- {kind: Person, id: p}\n",
                          ".gitignore": "scratch.yaml\n"})
    write(top, {"org/draft.yaml": "kind: Team\nid: b\nlead: ghost\n",
                "org/scratch.yaml": "kind: Tem\n"})
    monkeypatch.chdir(top)
    staged, _ = lint_staged(["org"], Config(), lint_org)
    assert [f.location.file for f in staged.findings] == ["org/org.yaml"]  # OW006 only
    walked = lint(["org"], today=TODAY)
    assert "org/scratch.yaml" not in walked.files and "org/draft.yaml" in walked.files
    everything = lint(["org"], Config(respect_gitignore=False), today=TODAY)
    assert "org/scratch.yaml" in everything.files
    write(top, {".gitignore": "scratch.yaml\nbuild/\n", "build/org/t.yaml": "kind: Tem\n"})
    assert lint(["build/org"], today=TODAY).files == ["build/org/t.yaml"]  # named on purpose


def test_the_hook_uses_staged_mode() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "entry: orgspec check --staged\n" in hooks


def test_checking_one_file_of_an_org_reports_only_its_findings(tmp_path: Path) -> None:
    write(tmp_path, {".orgspec.yaml": "root: org\n",
                     "org/teams.yaml": "kind: Team\nid: a\nlead: p\nmembers: [p]\n"
                                       "responsibilities: [d]\n",
                     "org/people.yaml": "kind: Person\nid: p\n---\nkind: Person\nid: q\n",
                     "org/duties.yaml": "kind: Responsibility\nid: d\n"})
    run = run_cli("check", "org/teams.yaml", "--format", "json", cwd=tmp_path)
    assert (run.code, run.json()["findings"]) == (0, [])
    run = run_cli("check", "org/people.yaml", "--format", "json", cwd=tmp_path)
    assert [(f["code"], f["line"]) for f in run.json()["findings"]] == [("HI007", 5)]
    whole = lint([str(tmp_path / "org")], today=TODAY)
    assert codes(focus(whole, [str(tmp_path / "org" / "people.yaml")])) == [
        ("HI007", "people.yaml", 5)]


# 5. Paths -----------------------------------------------------------------------------------

def _finding(file: str, severity: Severity = Severity.ERROR, line: int = 3) -> Finding:
    return Finding("OW001", "responsibility-overlap", severity, "m", Location(file, line, 1),
                   "responsibility:d", fingerprint=f"{file}{line}{severity}")


@pytest.mark.parametrize("env", ["", "CI_PROJECT_DIR", "GITHUB_WORKSPACE"])
def test_ci_paths_are_relative_to_the_project(env: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "org"
    sub.mkdir()
    for name in ("CI_PROJECT_DIR", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    if env:
        monkeypatch.setenv(env, str(tmp_path))
    monkeypatch.chdir(sub)
    result = LintResult([_finding("sub/p.yaml"), _finding(str(sub / "sub" / "q.yaml"))])
    root = CiEnv.from_environ(os.environ).project_root
    assert root == str(tmp_path)
    gitlab = [i["location"]["path"] for i in json.loads(get("gitlab")(result, project_root=root))]
    sarif = json.loads(get("sarif")(result, project_root=root))["runs"][0]["results"]
    github = get("github")(result, project_root=root)
    assert gitlab == ["org/sub/p.yaml", "org/sub/q.yaml"]
    assert sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  for r in sarif) == gitlab
    assert github.count("file=org/sub/") == 2


def test_report_links_are_relative_to_the_report(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    result = LintResult([_finding("org/a.yaml")])
    out = str(tmp_path / "other" / "dir" / "r.html")
    html = get("html")(result, output=out)
    assert 'href="../../org/a.yaml"' in html
    md = get("markdown")(result, output=str(tmp_path / "pr.md"))
    assert "(<org/a.yaml>)" in md


# 6. Consumer limits -------------------------------------------------------------------------

def test_sarif_keeps_the_errors_and_says_what_it_left_out() -> None:
    findings = [_finding("a.yaml", Severity.WARNING, i + 1) for i in range(5001)]
    findings += [_finding("z.yaml", Severity.ERROR, 1), _finding("z.yaml", Severity.ERROR, 2)]
    run = json.loads(get("sarif")(LintResult(findings)))["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert len(levels) == 5000 and levels[:2] == ["error", "error"]
    note = run["invocations"][0]["toolExecutionNotifications"][0]
    assert note["message"]["text"].startswith("3 of 5003 results left out")


def test_sarif_without_a_cap_has_no_notification() -> None:
    run = json.loads(get("sarif")(LintResult([_finding("a.yaml")])))["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_github_overflow_notice_fits_in_the_cap() -> None:
    findings = [_finding("a.yaml", Severity.INFO, i + 1) for i in range(25)]
    lines = get("github")(LintResult(findings)).splitlines()
    assert len(lines) == 10 and all(line.startswith("::notice ") for line in lines)
    assert lines[-1].startswith("::notice title=orgspec::16 more findings")


def test_html_makes_hidden_characters_visible() -> None:
    evil = "a\u202eb\x01c\x85d\ufffee\U0010ffff"
    finding = Finding("OW001", "responsibility-overlap", Severity.ERROR, evil,
                      Location("a.yaml", 1, 1))
    html = get("html")(LintResult([finding]))
    assert "a[U+202E]b[U+0001]c[U+0085]d[U+FFFE]e[U+10FFFF]" in html
    assert not any(c in html for c in "\u202e\x01\x85\ufffe\U0010ffff")


# 7. README snippets -------------------------------------------------------------------------

def test_readme_names_nothing_that_does_not_exist() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    assert "rev: v0.1.0" not in readme and "@v0.1.0" not in readme
    assert "pip install orgspec\n" not in readme
    assert 'python3 -m pip install "orgspec @ git+https://github.com/orgspec/orgspec"' in readme
