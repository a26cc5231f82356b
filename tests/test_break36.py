"""Break36: hostile org files, git states and configs; each test failed before its fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import json_findings

from orgspec.findings import Finding, Location, Severity


def _team_finding(code: str, team: str) -> Finding:
    return Finding(code, code.lower(), Severity.WARNING, f"{code} on {team}",
                   Location("org.yaml", 1, 1), entity=f"team:{team}")


def test_many_empty_teams_are_said_in_time_linear_in_their_number() -> None:
    """An org of 20,000 empty teams (HI006 and HI005 on each): each HI006 said what else its
    team lacks by testing the union of two 20,000-team sets made anew per finding, so
    `orgspec check` of such a file (800 kB, under every limit) took 65 s, 9 s at 10,000."""
    from orgspec.engine.emptyteam import empty_behind

    n = 20_000
    findings = [_team_finding(c, f"t{i}") for i in range(n) for c in ("HI006", "HI005")]
    start = time.process_time()
    kept, held = empty_behind(findings)
    took = time.process_time() - start
    assert (len(kept), len(held)) == (n, n)
    assert "no lead" in kept[-1].message
    assert took < 2.0, f"{took:.1f} s CPU for {n} empty teams"


def test_a_field_with_an_empty_name_is_said_as_one(write_org) -> None:
    """`'': 1` on a team was 'unknown field `entity`' (the empty name fell back to the word
    for a whole entity), naming a field nobody wrote."""
    from conftest import where

    folder = write_org({"org.yaml": "- kind: Team\n  id: t1\n  name: X\n  lead: p\n"
                                    "  members: [p]\n  '': 1\n  ' ': 2\n"
                                    "- {kind: Person, id: p, name: P}\n"})
    findings = [f for f in json_findings(folder) if f["code"] != "OW006"]  # no duty
    assert where(findings) == [("SC001", "org.yaml", 6, 3), ("SC001", "org.yaml", 7, 3)]
    assert [f["message"] for f in findings] == ["a field with no name (`'':`)",
                                                "a field with no name (`' ':`)"]
    assert "entity" not in findings[0]["hint"]


def test_a_file_saved_with_lone_cr_line_ends_is_one_finding(write_org) -> None:
    """A file whose every line ends in a lone CR (as classic Mac OS saved text) is one
    mistake; it was one IN003 per line ('a carriage return without a line feed', 20 of
    them for a 60-line file, each 'hiding text'). Now one IN003 at the first line end that
    says the file's line ends; a lone CR inside a file of LF lines stays its own finding."""
    folder = write_org({"org.yaml": "- kind: Team\r  id: t1\r  name: X\r  lead: p\r"
                                    "- {kind: Person, id: p, name: P}\r",
                        "b.yaml": "- kind: Person\n  id: q\r  name: Q\n"})
    findings = json_findings(folder)
    assert [(f["code"], Path(f["file"]).name, f["line"], f["column"], f["message"])
            for f in findings] == [
        ("IN003", "b.yaml", 2, 8, "file contains a carriage return without a line feed"),
        ("IN003", "org.yaml", 1, 13, "file's lines end with a carriage return alone "
                                     "(as classic Mac OS saved text), not a line feed")]
    assert findings[1]["hint"] == "save it with LF line ends (or CRLF, as Windows does)"


@pytest.mark.parametrize("parser", ["c", "pure"])
@pytest.mark.parametrize(("written", "col"), [("K", 3), ('"K"', 3), ("{K: 1}", 13)])
def test_a_key_too_long_for_yaml_is_said_as_a_key_too_long(write_org, monkeypatch,
                                                            parser: str, written: str,
                                                            col: int) -> None:
    """A key of 1,030 characters (YAML reads a key of at most 1,024 on one line) was IN001
    'this line has no `:` after its text', on a line with its `:`; a key of 300 is IN008
    'a key of 300 characters exceeds the limit of 256'. The longer key now says the same."""
    from conftest import where

    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    key = "k" * 1030
    line = f"  {written.replace('K', key)}: 1\n" if "{" not in written else \
        f"  members: {written.replace('K', key)}\n"
    folder = write_org({"org.yaml": "- kind: Team\n  id: t1\n  name: X\n" + line})
    findings = json_findings(folder)
    assert where(findings) == [("IN008", "org.yaml", 4, col)]
    assert findings[0]["message"] == "a key of 1030 characters exceeds the limit of 256"


def _org_with_people_in_a_submodule(tmp_path: Path) -> Path:
    """A repository whose org keeps its people in a git submodule (`org/people`, shared
    with other repositories): the team's lead is one of them, and one of them (q) is on no
    team (HI007)."""
    from conftest import git

    people = tmp_path / "people"
    people.mkdir()
    (people / "people.yaml").write_text("- {kind: Person, id: p, name: P}\n"
                                        "- {kind: Person, id: q, name: Q}\n", "utf-8")
    git(people, "init", "-q")
    git(people, "add", "-A")
    git(people, "commit", "-qm", "people")
    repo = tmp_path / "repo"
    (repo / "org").mkdir(parents=True)
    (repo / "org" / "org.yaml").write_text(
        "# the teams\n- {kind: Team, id: t, name: T, lead: p, members: [p],"
        " responsibilities: [d]}\n- {kind: Responsibility, id: d, name: D, accountable: t}\n",
        "utf-8")
    git(repo, "init", "-q")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(people),
        "org/people")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "org")
    return repo


def test_diff_reads_the_orgs_submodule_at_the_base_as_in_the_working_tree(
        tmp_path: Path) -> None:
    """`git archive` leaves a submodule's files out, so the base of `--diff HEAD` on an
    unchanged tree lacked the people the submodule holds: 'org diff against HEAD: 1 new
    finding, 1 fixed' (q's HI007 new, the RF001 on the lead fixed), nothing having changed.
    The submodule is now read at the commit the base records."""
    from conftest import run_cli

    repo = _org_with_people_in_a_submodule(tmp_path)
    run = run_cli("--lang", "en", "check", "--diff", "HEAD", "--no-cache", cwd=repo)
    assert "org diff against HEAD: 0 new findings, 0 fixed" in run.stdout + run.stderr
    assert run.code == 0


def test_staged_reads_the_orgs_submodule_as_the_index_records_it(tmp_path: Path) -> None:
    """`--staged` with an unstaged edit (a comment) read the index with `git
    checkout-index`, which leaves a submodule out: RF001 'unknown Person p' (exit 1),
    where with nothing unstaged the same index gave no error. Now the submodule is read at
    the commit the index records."""
    from conftest import run_cli

    repo = _org_with_people_in_a_submodule(tmp_path)
    org = repo / "org" / "org.yaml"
    org.write_text(org.read_text("utf-8").replace("# the teams", "# our teams"), "utf-8")
    run = run_cli("--lang", "en", "check", "--staged", "--no-cache", "--format", "json",
                  cwd=repo)
    assert [(f["code"], f["file"], f["line"]) for f in run.json()["findings"]] == [
        ("HI007", "org/people/people.yaml", 2)]
    assert run.code == 0


@pytest.mark.parametrize(("pack", "said"), [
    ("org", "rule pack 'org' is a folder, not a file"),
    ("/dev/null", "rule pack '/dev/null' is not a regular file (a FIFO, device or socket)"),
    ("fifo", "rule pack 'fifo' is not a regular file (a FIFO, device or socket)"),
    ("nope.yaml", "rule pack 'nope.yaml' not found")])
def test_a_rule_pack_that_is_no_file_says_what_it_is(tmp_path: Path, pack: str,
                                                      said: str) -> None:
    """`rule-packs: [org]` (the org's folder) and `/dev/null` were 'rule pack ... not
    found', of a path that is there."""
    import os

    from conftest import run_cli

    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text("- {kind: Person, id: p, name: P}\n", "utf-8")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / ".orgspec.yaml").write_text(f"rule-packs: [{pack}]\n", "utf-8")
    run = run_cli("--lang", "en", "check", "--no-cache", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == f"orgspec: error: {tmp_path / '.orgspec.yaml'}:1:14: {said}\n"


def test_a_baseline_that_is_a_folder_is_said_to_be_one(tmp_path: Path) -> None:
    """`baseline: org` in the config (a folder) was 'it is not a regular file (a FIFO,
    device or socket)'; `--baseline org` says 'a folder, not a file'."""
    from conftest import run_cli

    (tmp_path / "org").mkdir()
    (tmp_path / "org" / "o.yaml").write_text("- {kind: Person, id: p, name: P}\n", "utf-8")
    (tmp_path / ".orgspec.yaml").write_text("baseline: org\n", "utf-8")
    run = run_cli("--lang", "en", "check", "--no-cache", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "orgspec: error: cannot read baseline 'org': it is a folder, " \
                         "not a file\n"


@pytest.mark.parametrize("args", [(), ("-o", "found.json"), ("-o", "found.yaml")])
def test_checking_the_whole_disk_says_so_with_the_cache_on(tmp_path: Path, args) -> None:
    """`orgspec check /` with the cache on (the default) said 'will not keep the cache in
    ...: it lies in the org folder '/' ... set `cache-dir` to a folder outside the org',
    and with `-o found.yaml` 'will not write ... it lies in the org folder': no folder is
    outside '/', and neither was the mistake. As with --no-cache, it is now 'will
    not walk the whole file system'."""
    from conftest import run_cli

    run = run_cli("--lang", "en", "check", "/", *args, cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "orgspec: error: /: will not walk the whole file system; name the " \
                         "org's folder (or set `root` in .orgspec.yaml)\n"
    assert not (tmp_path / "found.json").exists() and not (tmp_path / "found.yaml").exists()


def test_checking_the_home_folder_says_so_with_the_cache_in_it(tmp_path: Path,
                                                               monkeypatch) -> None:
    """The user cache is in the home folder (~/.cache/orgspec): `orgspec check ~` said the
    cache lay in the org folder."""
    from conftest import run_cli

    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ORGSPEC_CACHE_DIR", str(home / ".cache" / "orgspec"))
    run = run_cli("--lang", "en", "check", str(home), cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == f"orgspec: error: {home}: will not walk the whole home folder; " \
                         "name the org's folder (or set `root` in .orgspec.yaml)\n"


def _pr_number_within(env: dict[str, str], seconds: float = 10) -> list[object]:
    """`pr_number(env)` run in a thread: [its answer], or [] when it has not returned."""
    import threading

    from orgspec.ci.prcomment import pr_number

    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append(pr_number(env)), daemon=True)
    worker.start()
    worker.join(seconds)
    return got


def test_an_event_path_that_is_a_fifo_is_no_pull_request(tmp_path: Path) -> None:
    """GITHUB_EVENT_PATH naming a FIFO hung `orgspec pr-comment` for ever (open waits for
    a writer)."""
    import os

    os.mkfifo(tmp_path / "event")
    assert _pr_number_within({"GITHUB_EVENT_PATH": str(tmp_path / "event")}) == [None]


@pytest.mark.parametrize(("event", "number"), [
    ("[" * 100_000 + "]" * 100_000, None),
    ('{"pull_request": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001, None),
    ('{"pull_request": {"number": true}}', None),
    ('{"pull_request": {"number": -1}}', None),
    ('{"pull_request": {"number": 0}}', None),
    ('{"pull_request": {"number": 12}}', 12)])
def test_an_event_payload_that_is_no_pull_request_is_none(tmp_path: Path, event: str,
                                                          number: int | None) -> None:
    """A payload nested 100,000 deep was an internal error (RecursionError in json); a
    number `true` was pull request #1 and -1 a pull request, both commented on."""
    path = tmp_path / "event.json"
    path.write_text(event, "utf-8")
    assert _pr_number_within({"GITHUB_EVENT_PATH": str(path)}) == [number]


def test_an_import_manifest_nested_too_deep_is_no_manifest(tmp_path: Path) -> None:
    """An `.orgspec-import.json` in the import's folder nested 100,000 deep was an internal
    error (RecursionError in json): now 'not an orgspec import manifest', as any other
    manifest that cannot be read, and nothing is written."""
    from conftest import run_cli

    from orgspec.adopt.write import MANIFEST

    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text('{"files": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    roster = tmp_path / "r.csv"
    roster.write_text("name,team\nAda,Core\n", "utf-8")
    run = run_cli("--lang", "en", "import", "roster", str(roster), "-o", str(out))
    assert run.code == 2
    assert run.stderr == f"orgspec: error: {out / MANIFEST}: not an orgspec import " \
                         "manifest; move it away or import into another folder\n"
    assert [p.name for p in out.iterdir()] == [MANIFEST]


def test_an_api_answer_nested_too_deep_is_one_error_line() -> None:
    """A GitHub or GitLab API (or a proxy before it) answering JSON nested 100,000 deep was
    an internal error (RecursionError in json), where other answers that are not JSON are
    'the GitHub API answered with something other than JSON'."""
    from fakeapi import JSONHandler, serving

    from orgspec.ci.restapi import CommentError, call

    class Deep(JSONHandler):
        def do_GET(self) -> None:
            data = b"[" * 100_000 + b"]" * 100_000
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    with serving(Deep) as base, pytest.raises(CommentError) as caught:
        call("GET", f"{base}/repos/o/r/issues/1/comments", {"Authorization": "Bearer t"},
             api="GitHub")
    assert str(caught.value.args[0]) == "the GitHub API answered with something other than JSON"


@pytest.mark.parametrize("parser", ["c", "pure"])
def test_an_escape_past_the_last_code_point_is_a_syntax_finding_under_either_parser(
        write_org, monkeypatch, parser: str) -> None:
    """`name: "\\U0011FFFF"` (past U+10FFFF): libyaml says it is an invalid escape; the pure
    parser (ORGSPEC_YAML_PARSER=pure, or PyYAML without libyaml) raised ValueError from
    chr(), an internal error (exit 2). Now the same IN001 under either."""
    from conftest import where

    monkeypatch.setenv("ORGSPEC_YAML_PARSER", parser)
    folder = write_org({"org.yaml": '- kind: Team\n  id: t1\n  name: "\\U0011FFFF"\n'})
    findings = json_findings(folder)
    assert where(findings) == [("IN001", "org.yaml", 3, 12)]
    assert findings[0]["message"] == "YAML syntax error: while reading a quoted value: a " \
                                     "broken `\\` escape in a double-quoted value"
