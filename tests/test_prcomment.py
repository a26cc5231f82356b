"""The action's sticky pull-request comment, against a fake GitHub API on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from conftest import EXAMPLES, REPO
from fakeapi import JSONHandler, serving

from orgspec.ci.prcomment import MARKER, CommentError, from_env, sticky_comment

TOKEN = "ghs_test_token"


class FakeGitHub:
    """Issue comments of one repository, and every request seen."""

    def __init__(self) -> None:
        self.comments: dict[int, list[dict[str, Any]]] = {}
        self.requests: list[tuple[str, str]] = []
        self.next_id = 1000

    def add(self, number: int, body: str, user: str = "someone") -> None:
        self.next_id += 1
        self.comments.setdefault(number, []).append(
            {"id": self.next_id, "body": body, "user": {"login": user}})


@pytest.fixture
def api() -> Iterator[tuple[FakeGitHub, str]]:
    with fake_github() as served:
        yield served


@contextlib.contextmanager
def fake_github() -> Iterator[tuple[FakeGitHub, str]]:
    """A fake GitHub comments API on 127.0.0.1: (what it holds, its URL)."""
    fake = FakeGitHub()

    class Handler(JSONHandler):
        def _route(self) -> tuple[list[str], dict[str, list[str]]] | None:
            fake.requests.append((self.command, self.path))
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._answer(401, {"message": "Bad credentials"})
                return None
            url = urlparse(self.path)
            return url.path.strip("/").split("/"), parse_qs(url.query)

        def do_GET(self) -> None:
            routed = self._route()
            if routed is None:
                return
            parts, query = routed  # repos/o/r/issues/N/comments
            per_page, page = int(query["per_page"][0]), int(query["page"][0])
            items = fake.comments.get(int(parts[4]), [])
            self._answer(200, items[(page - 1) * per_page: page * per_page])

        def do_POST(self) -> None:
            routed = self._route()
            if routed is None:
                return
            fake.add(int(routed[0][4]), self._body(), "github-actions[bot]")
            self._answer(201, fake.comments[int(routed[0][4])][-1])

        def do_PATCH(self) -> None:
            routed = self._route()
            if routed is None:
                return
            ident = int(routed[0][5])  # repos/o/r/issues/comments/ID
            for items in fake.comments.values():
                for comment in items:
                    if comment["id"] == ident:
                        comment["body"] = self._body()
                        self._answer(200, comment)
                        return
            self._answer(404, {"message": "Not Found"})

    with serving(Handler) as url:
        yield fake, url


def test_creates_once_then_updates_in_place(api) -> None:
    fake, url = api
    for i in range(150):  # the marker comment must be found past the first page
        fake.add(7, f"review comment {i}")
    assert sticky_comment("report v1", token=TOKEN, repo="o/r", number=7, api_url=url) \
        == "created"
    assert sticky_comment("report v2", token=TOKEN, repo="o/r", number=7, api_url=url) \
        == "updated"
    assert sticky_comment("report v2", token=TOKEN, repo="o/r", number=7, api_url=url) \
        == "unchanged"
    ours = [c for c in fake.comments[7] if c["body"].startswith(MARKER)]
    assert [c["body"] for c in ours] == [f"{MARKER}\nreport v2"]
    assert len(fake.comments[7]) == 151
    assert [m for m, _ in fake.requests].count("POST") == 1
    assert [m for m, _ in fake.requests].count("PATCH") == 1


GH_NO_TOKEN = ("no pull-request comment posted: GITHUB_TOKEN is not set (set it to a token "
               "that may write pull-request comments; for a GitLab merge request, use "
               "--platform gitlab with ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN)")


def test_no_token_is_a_no_op(api, tmp_path: Path) -> None:
    fake, url = api
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}), "utf-8")
    env = {"GITHUB_REPOSITORY": "o/r", "GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": url}
    assert from_env("report", env) == GH_NO_TOKEN
    assert from_env("report", {**env, "GITHUB_TOKEN": TOKEN, "GITHUB_EVENT_PATH": ""}) == \
        "not a pull request: no comment"
    assert fake.requests == []


def test_api_refusal_is_one_line_without_the_token(api) -> None:
    _, url = api
    with pytest.raises(CommentError) as caught:
        sticky_comment("x", token="wrong", repo="o/r", number=1, api_url=url)
    assert str(caught.value) == ("GitHub API GET answered 401 Unauthorized (the workflow needs "
                                 "`permissions: pull-requests: write`)")
    with pytest.raises(CommentError, match="refusing to send the token"):
        sticky_comment("x", token=TOKEN, repo="o/r", number=1, api_url="http://example.com")


def _comment_step() -> dict[str, Any]:
    action = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    [step] = [s for s in action["runs"]["steps"] if s["name"] == "Comment on the pull request"]
    assert step["if"] == "${{ always() && inputs.comment == 'true' }}"
    assert step["env"]["GITHUB_TOKEN"] == "${{ inputs.token }}"
    assert action["inputs"]["comment"]["default"] == "false"  # opt-in
    assert action["inputs"]["token"]["default"] == "${{ github.token }}"
    return step


def _run_step(step: dict[str, Any], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """The check step (which writes the report the comment carries), then `step`."""
    bin_dir = str(Path(sys.executable).parent)  # where this venv's `orgspec` is
    full = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
            "RUNNER_TEMP": str(cwd), "ORGSPEC_PATHS": str(EXAMPLES / "minimal"),
            "ORGSPEC_COMMENT": "true", **env}
    action = yaml.safe_load((REPO / "action.yml").read_text("utf-8"))
    [check] = [s for s in action["runs"]["steps"] if s["name"] == "Check the org"]
    subprocess.run(["bash", "-e", "-c", check["run"]], env=full, cwd=cwd, capture_output=True,
                   text=True, timeout=120, check=False)
    return subprocess.run(["bash", "-e", "-c", step["run"]], env=full, cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_action_comment_step_is_a_no_op_without_token_and_updates_in_place(
        api, tmp_path: Path) -> None:
    fake, url = api
    step = _comment_step()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 42}}), "utf-8")
    env = {"GITHUB_REPOSITORY": "acme/org", "GITHUB_EVENT_PATH": str(event),
           "GITHUB_API_URL": url, "GITHUB_TOKEN": ""}
    done = _run_step(step, env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"note: {GH_NO_TOKEN}" in done.stderr
    assert fake.requests == []
    env["GITHUB_TOKEN"] = TOKEN
    first = _run_step(step, env, tmp_path)
    assert "created the orgspec comment on acme/org#42" in first.stdout, first.stderr
    second = _run_step(step, env, tmp_path)
    assert "the orgspec comment on acme/org#42 is already up to date" in second.stdout, \
        second.stderr
    [comment] = fake.comments[42]
    assert comment["body"].startswith(MARKER + "\n# Org report\n")
    # columns by name: Customer Support (A), then Platform (C)
    assert "| Support tickets (`support-tickets`) | A | C |" in comment["body"]
    comment["body"] = MARKER + "\nan older report"  # an earlier push
    third = _run_step(step, env, tmp_path)
    assert "updated the orgspec comment on acme/org#42" in third.stdout, third.stderr
    assert [c["id"] for c in fake.comments[42]] == [comment["id"]]  # in place, not a new one
    assert "| Support tickets (`support-tickets`) | A | C |" in fake.comments[42][0]["body"]


# A report longer than GitHub takes (LIMIT characters) is cut between whole lines, where no
# Markdown construct is left open, and closed (trial review: it was cut by characters).

NOTE = "\n_… (truncated: the full report is in the job summary)_\n"


def test_a_long_comment_is_cut_between_table_rows(api) -> None:
    from orgspec.ci.prcomment import LIMIT

    fake, url = api
    rows = "".join(f"| `person-{i}` | 第 {i} 位：王伟 |\n" for i in range(4000))
    body = "# 组织报告\n\n| id | 名字 |\n|---|---|\n" + rows + "\n## 后面\n"
    assert len(body) > LIMIT
    assert sticky_comment(body, token=TOKEN, repo="o/r", number=3, api_url=url) == "created"
    posted = fake.comments[3][0]["body"]
    assert len(posted) <= LIMIT and posted.startswith(MARKER + "\n# 组织报告")
    assert posted.endswith("|\n" + NOTE)
    table = posted[:-len(NOTE)].split("|---|---|\n", 1)[1]
    assert table == rows[:len(table)]  # whole rows, as written
    assert len(table) > LIMIT - 200  # and as many as fit


def test_a_code_span_over_two_lines_is_not_cut_inside() -> None:
    from orgspec.ci.prcomment import LIMIT, comment_text

    filler = "".join(f"- 第 {i} 项\n" for i in range(20_000))
    head = filler[:LIMIT - 300 - len(MARKER)]
    head = head[:head.rindex("\n") + 1] + "\n"
    para = "一段说明 `members: [wang-wei,\n" + "li-na]` 写在两行" + "。" * 400 + "\n"
    text = comment_text(head + para + "\n尾声\n")
    assert len(text) <= LIMIT
    assert text == f"{MARKER}\n{head}{NOTE}"  # the paragraph left out whole


def test_an_open_fence_and_details_are_closed_with_their_own_markers() -> None:
    from orgspec.ci.prcomment import LIMIT, comment_text

    code = "".join(f"line {i} ```not a fence``` \n" for i in range(5000))
    body = "<details><summary>图</summary>\n\n~~~~text\n" + code + "~~~~\n\n</details>\n"
    text = comment_text(body, "zh")
    assert len(text) <= LIMIT
    assert text.endswith(" \n~~~~\n</details>\n\n_…（已截断：完整报告见作业摘要）_\n")
    assert text.count("~~~~") == 2 and text.count("<details>") == text.count("</details>")


def test_a_comment_that_fits_is_sent_whole() -> None:
    from orgspec.ci.prcomment import LIMIT, comment_text

    body = "x" * (LIMIT - len(MARKER) - 1)
    assert comment_text(body) == f"{MARKER}\n{body}"
