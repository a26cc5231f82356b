"""GitLab end to end (trial 7): the README's merge-request pipeline run as copied, the Code
Quality report with --diff, a shallow clone's missing base, `init --ci`, the merge-request
note against a fake GitLab API on 127.0.0.1, and the site's link style and branch."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from conftest import EXAMPLES, REPO, git, run_cli
from fakeapi import JSONHandler, serving

from orgspec.ci.mrnote import LIMIT, from_env, note_text, sticky_note
from orgspec.ci.prcomment import MARKER, CommentError

TOKEN = "glpat-test-token"
OLD_TEAM = "- kind: Team\n  id: empty-team\n  name: Empty\n  parent: platform\n"  # 1 warning
NEW_TEAM = "- kind: Team\n  id: ghost\n  name: Ghost\n  parent: platform\n  lead: nobody\n"


# --- a fake GitLab notes API ------------------------------------------------------------------

class FakeGitLab:
    """The notes of merge requests of one project, and every request seen."""

    def __init__(self) -> None:
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, str]] = []
        self.next_id = 500

    def add(self, iid: int, body: str, system: bool = False) -> None:
        self.next_id += 1
        self.notes.setdefault(iid, []).append({"id": self.next_id, "body": body,
                                               "system": system})


@contextlib.contextmanager
def fake_gitlab(project: str = "42") -> Iterator[tuple[FakeGitLab, str]]:
    """A fake GitLab API v4 on 127.0.0.1: (what it holds, its CI_API_V4_URL)."""
    fake = FakeGitLab()

    class Handler(JSONHandler):
        def _route(self) -> tuple[int, int | None, dict[str, list[str]]] | None:
            fake.requests.append((self.command, self.path))
            if self.headers.get("PRIVATE-TOKEN") != TOKEN:
                self._answer(401, {"message": "401 Unauthorized"})
                return None
            url = urlparse(self.path)
            parts = url.path.strip("/").split("/")  # api/v4/projects/P/merge_requests/I/notes
            if parts[:3] != ["api", "v4", "projects"] or parts[3] != project \
                    or parts[4] != "merge_requests" or parts[6] != "notes":
                self._answer(404, {"message": "404 Not found"})
                return None
            return int(parts[5]), int(parts[7]) if len(parts) > 7 else None, parse_qs(url.query)

        def do_GET(self) -> None:
            routed = self._route()
            if routed is None:
                return
            iid, _, query = routed
            per_page, page = int(query["per_page"][0]), int(query["page"][0])
            assert query["sort"] == ["asc"]
            self._answer(200, fake.notes.get(iid, [])[(page - 1) * per_page: page * per_page])

        def do_POST(self) -> None:
            routed = self._route()
            if routed is None:
                return
            fake.add(routed[0], self._body())
            self._answer(201, fake.notes[routed[0]][-1])

        def do_PUT(self) -> None:
            routed = self._route()
            if routed is None:
                return
            for note in fake.notes.get(routed[0], []):
                if note["id"] == routed[1]:
                    note["body"] = self._body()
                    self._answer(200, note)
                    return
            self._answer(404, {"message": "404 Not found"})

    with serving(Handler) as url:
        yield fake, f"{url}/api/v4"


@pytest.fixture
def api() -> Iterator[tuple[FakeGitLab, str]]:
    with fake_gitlab() as served:
        yield served


def ci_env(url: str, **more: str) -> dict[str, str]:
    return {"GITLAB_CI": "true", "CI_API_V4_URL": url, "CI_PROJECT_ID": "42",
            "CI_PROJECT_PATH": "ops/org", "CI_MERGE_REQUEST_IID": "7", **more}


# --- the merge-request note -------------------------------------------------------------------

def test_note_is_created_once_then_updated_in_place(api) -> None:
    fake, url = api
    for i in range(120):  # the marker note must be found past the first page
        fake.add(7, f"review note {i}")
    fake.add(7, MARKER + " a system note that quotes the marker", system=True)
    said = [sticky_note(f"report {v}", token=TOKEN, api_url=url, project="42", iid=7)
            for v in (1, 2, 2)]
    assert said == ["created", "updated", "unchanged"]
    ours = [n for n in fake.notes[7] if n["body"].startswith(MARKER) and not n["system"]]
    assert [n["body"] for n in ours] == [f"{MARKER}\nreport 2"]
    methods = [m for m, _ in fake.requests]
    assert (methods.count("POST"), methods.count("PUT")) == (1, 1)


def test_a_project_path_is_one_url_segment() -> None:
    with fake_gitlab(project="ops%2Forg") as (fake, url):
        assert sticky_note("r", token=TOKEN, api_url=url, project="ops/org", iid=3) \
            == "created"
        assert fake.notes[3][0]["body"] == f"{MARKER}\nr"


def test_a_long_report_is_cut_at_a_whole_line() -> None:
    rows = "".join(f"| row {i} | 客服部 |\n" for i in range(80_000))
    text = note_text(rows)
    assert len(text) <= LIMIT and len(f"{MARKER}\n{rows}") > LIMIT
    kept, _ = text.split("\n\n… (truncated", 1)
    assert kept.splitlines()[-1].startswith("| row ") and kept.endswith(" | 客服部 |")
    assert rows.startswith(kept[len(MARKER) + 1:] + "\n")
    assert note_text("short") == f"{MARKER}\nshort"
    said = note_text("line one\nline two\n" * 10, "zh", limit=120)
    assert len(said) <= 120
    assert said == (f"{MARKER}\n" + "line one\nline two\n" * 3 + "line one"
                    "\n\n…（已截断：完整报告在作业的产物（artifacts）中）\n")



def test_a_cut_inside_a_code_block_closes_it() -> None:
    body = "## 流程\n\n```mermaid\n" + "".join(f"  s{i} --> s{i + 1}\n" for i in range(50))
    said = note_text(body + "```\n", limit=300)
    assert len(said) <= 300
    kept = said.split("\n\n… (truncated", 1)[0]
    assert kept.endswith("\n```") and kept.count("```") == 2

def test_from_env_says_what_it_did_and_what_is_missing(api) -> None:
    fake, url = api
    env = ci_env(url, GITLAB_TOKEN=TOKEN)
    assert from_env("r1", env) == "created the orgspec note on ops/org!7"
    assert from_env("r1", {**env, "GITLAB_TOKEN": "",
                           "ORGSPEC_GITLAB_TOKEN": TOKEN}) == \
        "the orgspec note on ops/org!7 is already up to date"
    seen = len(fake.requests)
    cases = {"CI_API_V4_URL": "CI_API_V4_URL is not set: the GitLab merge-request note is "
                              "posted from a GitLab CI job",
             "CI_MERGE_REQUEST_IID": "CI_MERGE_REQUEST_IID is not set: not a merge-request "
                                     "pipeline (run the job with `rules: - if: "
                                     "$CI_PIPELINE_SOURCE == \"merge_request_event\"`)",
             "GITLAB_TOKEN": "no GitLab token: set ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN, a "
                             "masked CI/CD variable holding an access token with the `api` "
                             "scope"}
    for name, message in cases.items():
        with pytest.raises(CommentError) as caught:
            from_env("r", {**env, name: ""})
        assert str(caught.value) == message
    assert len(fake.requests) == seen  # nothing sent


def test_api_refusal_is_one_line_without_the_token(api) -> None:
    _, url = api
    with pytest.raises(CommentError) as caught:
        sticky_note("x", token="wrong", api_url=url, project="42", iid=1)
    assert str(caught.value) == ("GitLab API GET answered 401 Unauthorized (the token needs "
                                 "the `api` scope and a role that may comment on the merge "
                                 "request)")
    with pytest.raises(CommentError, match="refusing to send the token"):
        sticky_note("x", token=TOKEN, api_url="http://git.example.com/api/v4", project="1",
                    iid=1)


def test_pr_comment_picks_gitlab_inside_gitlab_ci(api, tmp_path: Path) -> None:
    fake, url = api
    report = tmp_path / "r.md"
    report.write_text("# 组织报告\n", "utf-8")
    done = run_cli("pr-comment", str(report), "--isolated",
                   env=ci_env(url, GITLAB_TOKEN=TOKEN))
    assert (done.code, done.stdout) == (0, "已在 ops/org!7 上创建 orgspec 评论\n")
    assert fake.notes[7][0]["body"] == f"{MARKER}\n# 组织报告\n"
    missing = run_cli("pr-comment", str(report), "--isolated", "--lang", "zh",
                      env=ci_env(url, GITLAB_TOKEN="", ORGSPEC_GITLAB_TOKEN=""))
    assert (missing.code, missing.stdout) == (2, "")
    assert missing.stderr == ("orgspec: 错误：没有 GitLab 令牌：请设置 ORGSPEC_GITLAB_TOKEN 或 "
                              "GITLAB_TOKEN，一个设为掩码（masked）的 CI/CD 变量，值为具有 `api` "
                              "权限范围的访问令牌\n")
    # --platform github outside a pull request: GitHub's path, which does nothing
    github = run_cli("pr-comment", str(report), "--isolated", "--lang", "en",
                     "--platform", "github", env={"GITHUB_TOKEN": ""})
    assert (github.code, github.stdout) == (0, "")
    assert github.stderr.startswith("note: no pull-request comment posted: GITHUB_TOKEN is not "
                                    "set (")


# --- a shallow clone without the base ---------------------------------------------------------

def _origin_and_mr(tmp_path: Path) -> tuple[Path, Path]:
    """A bare `origin` whose `master` has an org with 1 warning (an empty team), and a branch
    `mr` that adds a team with an unknown lead (a new error); the MR as GitLab checks it out
    by default: a shallow clone of that branch only. Returns (origin, checkout)."""
    work = tmp_path / "work"
    (work / "org").mkdir(parents=True)
    (work / "org" / "org.yaml").write_text(
        (EXAMPLES / "minimal" / "org.yaml").read_text("utf-8") + OLD_TEAM, "utf-8")
    git(work, "init", "-q", "-b", "master")
    git(work, "add", ".")
    git(work, "commit", "-qm", "org")
    git(work, "checkout", "-qb", "mr")
    with (work / "org" / "org.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_TEAM)
    git(work, "commit", "-qam", "ghost team")
    git(work, "checkout", "-q", "master")  # the bare clone's HEAD: the default branch
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(origin))
    checkout = tmp_path / "mr"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "mr",
        f"file://{origin}", str(checkout))
    return origin, checkout


@pytest.mark.parametrize("lang, said", [
    ("en", "orgspec: error: git has no revision 'origin/master': this clone is shallow (a CI "
           "checkout of the last commits only); fetch the history with `git fetch "
           "--unshallow`, or set `GIT_DEPTH: 0` in GitLab CI, `fetch-depth: 0` in GitHub "
           "Actions\n"),
    ("zh", "orgspec: 错误：git 中没有版本 'origin/master'：这是一个浅克隆"
           "（CI 只检出了最近的提交）；请用 `git fetch --unshallow` 取得历史，"
           "或在 GitLab CI 中设置 `GIT_DEPTH: 0`、在 "
           "GitHub Actions 中设置 `fetch-depth: 0`\n"),
])
def test_a_shallow_clone_without_the_base_says_how_to_fetch_it(tmp_path: Path, lang: str,
                                                               said: str) -> None:
    _, checkout = _origin_and_mr(tmp_path)
    done = run_cli("check", "org", "--isolated", "--lang", lang, "--diff", "origin/master",
                   cwd=checkout)
    assert (done.code, done.stdout, done.stderr) == (2, "", said)
    deep = tmp_path / "deep"
    git(tmp_path, "clone", "-q", str(tmp_path / "work"), str(deep))
    done = run_cli("check", "org", "--isolated", "--diff", "nope", cwd=deep)
    assert done.stderr == "orgspec: error: git has no revision 'nope' (a branch, tag or commit)\n"


# --- the Code Quality report with --diff ------------------------------------------------------

def test_code_quality_report_lists_every_finding_while_the_diff_decides(tmp_path: Path) -> None:
    _, checkout = _origin_and_mr(tmp_path)
    git(checkout, "fetch", "-q", "origin", "+refs/heads/master:refs/remotes/origin/master")
    whole = run_cli("check", "org", "--isolated", "--format", "gitlab", cwd=checkout).json()
    # each empty team is one HI006 (`engine.emptyteam`)
    assert sorted(i["check_name"] for i in whole) == ["HI006", "HI006", "RF001"]
    done = run_cli("check", "org", "--isolated", "--diff", "origin/master", "--format",
                   "gitlab", "--report", "gitlab=cq.json", "--report", "json=new.json",
                   cwd=checkout)
    assert done.code == 1  # the new RF001 (an error) fails
    assert json.loads(done.stdout) == whole
    assert json.loads((checkout / "cq.json").read_text("utf-8")) == whole
    new = json.loads((checkout / "new.json").read_text("utf-8"))["findings"]
    assert sorted(f["code"] for f in new) == ["HI006", "RF001"]


def test_sarif_lists_every_finding_while_the_diff_decides(tmp_path: Path) -> None:
    """GitHub code scanning takes each upload as its branch's whole state and compares a pull
    request's with the base branch's: narrowed to the new findings, SARIF would close the
    base branch's alerts as fixed (trial 34b)."""
    _, checkout = _origin_and_mr(tmp_path)
    git(checkout, "fetch", "-q", "origin", "+refs/heads/master:refs/remotes/origin/master")

    def codes(sarif: dict[str, Any]) -> list[str]:
        return sorted(r["ruleId"] for r in sarif["runs"][0]["results"])

    whole = run_cli("check", "org", "--isolated", "--format", "sarif", cwd=checkout).json()
    assert codes(whole) == ["HI006", "HI006", "RF001"]
    done = run_cli("check", "org", "--isolated", "--diff", "origin/master", "--format",
                   "sarif", "--report", "sarif=cs.sarif", cwd=checkout)
    assert done.code == 1  # the new RF001 (an error) fails
    assert codes(json.loads(done.stdout)) == codes(whole)
    assert codes(json.loads((checkout / "cs.sarif").read_text("utf-8"))) == codes(whole)


# --- the README's GitLab CI, as copied --------------------------------------------------------

def _gitlab_ci() -> dict[str, Any]:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("### GitLab CI\n", 1)[1].split("\n### ", 1)[0]
    [block] = re.findall(r"```yaml\n(.*?)```", section, re.S)
    jobs: dict[str, Any] = yaml.safe_load(block)
    return jobs


def _run_lines(lines: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a job's script lines as the GitLab runner does (one shell, stop at the first that
    fails), with this venv's `orgspec` first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    full = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
            "NO_COLOR": "1", **env}
    return subprocess.run(["bash", "-e", "-c", "\n".join(lines)], env=full, cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def test_readme_gitlab_ci_is_a_merge_request_pipeline() -> None:
    jobs = _gitlab_ci()
    base, mr, branch = jobs[".orgspec"], jobs["orgspec-mr"], jobs["orgspec"]
    assert mr["extends"] == branch["extends"] == ".orgspec"
    assert mr["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert branch["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert mr["variables"] == {"GIT_DEPTH": 0}
    assert base["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json",
                                            "junit": "orgspec-junit.xml"}
    assert base["artifacts"]["paths"] == ["orgspec-report.md"]
    assert base["artifacts"]["when"] == "always"
    assert base["before_script"] == [
        'pip install "orgspec @ git+https://github.com/orgspec/orgspec"']
    help_text = run_cli("check", "--help").stdout
    for line in mr["script"] + branch["script"]:
        for flag in re.findall(r" (--[a-z-]+)", line):
            assert flag in help_text, flag


@pytest.mark.slow
def test_readme_gitlab_ci_runs_as_copied(tmp_path: Path) -> None:
    jobs = _gitlab_ci()
    origin, checkout = _origin_and_mr(tmp_path)
    with fake_gitlab() as (fake, url):
        env = {**ci_env(url, GITLAB_TOKEN=TOKEN), "CI_PIPELINE_SOURCE": "merge_request_event",
               "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "master", "CI_PROJECT_DIR": str(checkout)}
        mr = jobs["orgspec-mr"]
        done = _run_lines(mr["script"], env, checkout)
        assert done.returncode == 1, done.stderr  # the new error fails the job
        assert "RF001" in done.stdout and "empty-team" not in done.stdout  # only the new
        report = (checkout / "orgspec-report.md").read_text("utf-8")
        assert "origin/master" in report and "ghost" in report
        quality = json.loads((checkout / "gl-code-quality-report.json").read_text("utf-8"))
        assert len(quality) == 3  # every finding: GitLab compares with master's report
        assert {i["location"]["path"] for i in quality} == {"org/org.yaml"}
        assert "<testsuite" in (checkout / "orgspec-junit.xml").read_text("utf-8")
        after = _run_lines(mr["after_script"], env, checkout)
        assert after.returncode == 0, after.stderr
        assert after.stdout == "created the orgspec note on ops/org!7\n"
        assert fake.notes[7][0]["body"] == f"{MARKER}\n{report}"
    # the default branch's job: the report merge requests are compared with
    main = tmp_path / "main"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(main))
    done = _run_lines(jobs["orgspec"]["script"], {"CI_PROJECT_DIR": str(main)}, main)
    assert done.returncode == 0, done.stderr
    quality = json.loads((main / "gl-code-quality-report.json").read_text("utf-8"))
    assert sorted(i["check_name"] for i in quality) == ["HI006"]


def test_readme_gitlab_pages_names_the_default_branch() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    pages = readme.split("GitLab Pages:\n", 1)[1]
    [block] = re.findall(r"```yaml\n(.*?)```", pages, re.S)[:1]
    [command] = [c for c in yaml.safe_load(block)["pages"]["script"] if "orgspec site" in c]
    assert '--repo-branch "$CI_DEFAULT_BRANCH"' in command
    assert '--repo-url "$CI_PROJECT_URL"' in command


# --- init --ci --------------------------------------------------------------------------------

def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_ci_gitlab_writes_the_readme_jobs(tmp_path: Path, lang: str) -> None:
    done = run_cli("init", str(tmp_path / "repo"), "--lang", lang, "--ci", "gitlab")
    assert done.code == 0, done.stderr
    repo = tmp_path / "repo"
    assert _files(repo) == [".gitignore", ".gitlab-ci.yml", ".orgspec.yaml",
                            ".pre-commit-config.yaml", "org/org.yaml"]
    assert yaml.safe_load((repo / ".gitlab-ci.yml").read_text("utf-8")) == _gitlab_ci()


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
def test_init_ci_gitlab_sets_the_sites_link_style(tmp_path: Path, lang: str) -> None:
    """A self-hosted GitLab's name need not say gitlab: the config init writes for GitLab
    says `repo-kind: gitlab`, so the handbook site links to GitLab's `/-/blob/` pages; for
    GitHub (and no CI) the style stays guessed from the URL, the line left commented."""
    from orgspec.load.config import load_config
    from orgspec.site.model import repo_links

    url = "https://git.kuajing-sz.com/ops/org"
    for ci, kind, link in (("gitlab", "gitlab", f"{url}/-/blob/main/org/org.yaml#L7"),
                           ("github", None, f"{url}/blob/main/org/org.yaml#L7"),
                           ("none", None, f"{url}/blob/main/org/org.yaml#L7")):
        repo = tmp_path / ci
        assert run_cli("init", str(repo), "--lang", lang, "--ci", ci).code == 0
        text = (repo / ".orgspec.yaml").read_text("utf-8")
        config = load_config(str(repo / ".orgspec.yaml"))
        assert config.repo_kind == kind, text
        assert repo_links(url, "main", "org/org.yaml", 7, config.repo_kind or "")[0] == link
        said = [line for line in text.splitlines() if "repo-kind:" in line]
        assert len(said) == 1 and said[0].startswith("repo-kind: gitlab  " if kind else "# ")
        assert said[0].index("# ", 2) == text.splitlines()[1].index("# ")  # one column
    # the other lines as GitHub's
    assert [line for line in (tmp_path / "gitlab" / ".orgspec.yaml").read_text("utf-8")
            .splitlines() if "repo-kind" not in line] == \
        [line for line in (tmp_path / "github" / ".orgspec.yaml").read_text("utf-8")
         .splitlines() if "repo-kind" not in line]


def test_init_beside_an_own_gitlab_ci_writes_an_include_file(tmp_path: Path) -> None:
    own = "stages: [build, test]\nbuild:\n  script: [make]\n"
    (tmp_path / ".gitlab-ci.yml").write_text(own, "utf-8")
    done = run_cli("init", ".", cwd=tmp_path)  # detected: no --ci
    assert done.code == 0, done.stderr
    assert (tmp_path / ".gitlab-ci.yml").read_text("utf-8") == own  # untouched
    assert _files(tmp_path) == [".gitignore", ".gitlab-ci.yml", ".gitlab/orgspec.yml",
                                ".orgspec.yaml", ".pre-commit-config.yaml", "org/org.yaml"]
    assert yaml.safe_load((tmp_path / ".gitlab" / "orgspec.yml").read_text("utf-8")) == \
        _gitlab_ci()
    assert ("./.gitlab-ci.yml exists and was left as it is: add `include: [{local: "
            ".gitlab/orgspec.yml}]` to it (or that item to its `include:` list) to run "
            "orgspec's jobs\n") in done.stderr
    # the line to add works: the include names the file init wrote
    include = re.search(r"`include: (\[.*?\])`", done.stderr)
    assert include is not None
    [item] = yaml.safe_load(include[1])
    assert (tmp_path / item["local"]).is_file()


def test_init_ci_github_and_none(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "a"), "--ci", "none").code == 0
    assert _files(tmp_path / "a") == [".gitignore", ".orgspec.yaml", ".pre-commit-config.yaml",
                                      "org/org.yaml"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".gitlab-ci.yml").write_text("x: 1\n", "utf-8")
    assert run_cli("init", str(tmp_path / "b"), "--ci", "github").code == 0
    assert ".github/workflows/orgspec.yml" in _files(tmp_path / "b")
    assert ".gitlab/orgspec.yml" not in _files(tmp_path / "b")
    assert run_cli("init", str(tmp_path / "c")).code == 0  # no .gitlab-ci.yml: GitHub
    assert ".github/workflows/orgspec.yml" in _files(tmp_path / "c")


# --- the site's links -------------------------------------------------------------------------

def test_repo_links_in_each_style() -> None:
    from orgspec.site.model import repo_links

    url = "https://git.kuajing-sz.com/ops/org"
    assert repo_links(url, "master", "org/t.yaml", 30, "gitlab") == (
        f"{url}/-/blob/master/org/t.yaml#L30", f"{url}/-/edit/master/org/t.yaml")
    assert repo_links(url, "master", "org/t.yaml", 30, "gitea") == (
        f"{url}/src/branch/master/org/t.yaml#L30", f"{url}/_edit/master/org/t.yaml")
    assert repo_links(url, "master", "org/t.yaml", 30) == (  # no hint in the host: GitHub
        f"{url}/blob/master/org/t.yaml#L30", f"{url}/edit/master/org/t.yaml")


def test_repo_kind_from_gitlab_ci_and_branch_from_origin_head(tmp_path: Path) -> None:
    from orgspec.run import default_branch, repo_kind_in

    url = "https://git.kuajing-sz.com/ops/org"
    assert repo_kind_in(url, {"CI_SERVER_URL": "https://git.kuajing-sz.com"}) == "gitlab"
    assert repo_kind_in(url, {"CI_SERVER_URL": "https://gitlab.other.cn"}) == "github"
    assert repo_kind_in("https://gitlab.example.com/a/b", {}) == "gitlab"
    assert default_branch({"CI_DEFAULT_BRANCH": "develop"}, str(tmp_path)) == "develop"
    _origin_and_mr(tmp_path)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(clone))
    assert default_branch({}, str(clone / "org")) == "master"  # clone set origin/HEAD
    assert default_branch({}, str(tmp_path)) == "main"  # not a repository


def test_site_links_follow_gitlab_ci_and_the_default_branch(tmp_path: Path) -> None:
    _origin_and_mr(tmp_path)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), str(clone))
    url = "https://git.kuajing-sz.com/ops/org"
    env = {"CI_SERVER_URL": "https://git.kuajing-sz.com"}
    done = run_cli("site", "org", "-o", "out", "--isolated", "--repo-url", url, cwd=clone,
                   env=env)
    assert done.code == 0, done.stderr
    page = (clone / "out" / "teams" / "platform.html").read_text("utf-8")
    assert f'href="{url}/-/edit/master/org/org.yaml"' in page
    (clone / ".orgspec.yaml").write_text(f"root: org\nrepo-url: {url}\nrepo-kind: gitea\n"
                                         "repo-branch: release\n", "utf-8")
    assert run_cli("site", "org", "-o", "out", cwd=clone, env=env).code == 0
    page = (clone / "out" / "teams" / "platform.html").read_text("utf-8")
    assert f'href="{url}/_edit/release/org/org.yaml"' in page
    (clone / ".orgspec.yaml").write_text("repo-kind: bitbucket\n", "utf-8")
    bad = run_cli("site", "org", "-o", "out", cwd=clone, env=env)
    assert bad.code == 2 and bad.stderr.endswith(
        ".orgspec.yaml:1:12: repo-kind must be one of github, gitlab, gitea, not 'bitbucket'\n")
    shutil.rmtree(clone / "out")
