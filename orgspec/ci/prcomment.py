"""One sticky pull-request comment with the Markdown report, kept up to date on each push.

The comment is found by a hidden marker line, then updated in place (PATCH) or created once
(POST), through GitHub's REST API with urllib (no dependency). Without a token, or outside a
pull request, it does nothing and says why (a note: `restapi.Skipped`). Sources:
GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL and the event payload at GITHUB_EVENT_PATH
(`pull_request.number`); ORGSPEC_PR_NUMBER overrides the number.
"""

from __future__ import annotations

import json
import os
import stat
import urllib.parse
from collections.abc import Mapping
from typing import Any

from orgspec.ci.restapi import CommentError, Skipped, call
from orgspec.i18n import M

MARKER = "<!-- orgspec-report -->"
PER_PAGE = 100
MAX_PAGES = 50  # 5,000 comments: a PR with more is not worth scanning
LIMIT = 65_536  # GitHub refuses longer comment bodies


def sticky_comment(body: str, *, token: str, repo: str, number: int,
                   api_url: str = "https://api.github.com", lang: str = "en") -> str:
    """Create or update the one orgspec comment on PR `number` of `repo` ("owner/name").
    A body longer than GitHub takes (`LIMIT` characters with the marker) is cut between
    whole lines, its open code block and `<details>` closed, with a note said in `lang`
    (`comment_text`).

    Returns "created", "updated" or "unchanged". Raises CommentError (its message an `M`)."""
    text = comment_text(body, lang)
    base = f"{api_url.rstrip('/')}/repos/{urllib.parse.quote(repo, safe='/')}"
    found = _find(base, number, token)
    if found is None:
        _call("POST", f"{base}/issues/{number}/comments", token, {"body": text})
        return "created"
    if found.get("body") == text:
        return "unchanged"
    _call("PATCH", f"{base}/issues/comments/{int(found['id'])}", token, {"body": text})
    return "updated"


def comment_text(body: str, lang: str = "en") -> str:
    """The comment's text: `MARKER`, then `body` (Markdown), at most `LIMIT` characters:
    when longer, cut where no Markdown construct is left open (`render.truncate_markdown`)
    with a note in `lang` that the full report is in the job summary."""
    text = f"{MARKER}\n{body}"
    if len(text) <= LIMIT:
        return text
    from orgspec.i18n import say
    from orgspec.report.render import truncate_markdown

    note = say(M("_… (truncated: the full report is in the job summary)_"), lang)
    return truncate_markdown(text, LIMIT, note)


def _find(base: str, number: int, token: str) -> dict[str, Any] | None:
    for page in range(1, MAX_PAGES + 1):
        batch = _call("GET", f"{base}/issues/{number}/comments?per_page={PER_PAGE}&page={page}",
                      token)
        if not isinstance(batch, list):
            raise CommentError(M("unexpected answer from the comments API"))
        for comment in batch:
            if isinstance(comment, dict) and isinstance(comment.get("body"), str) \
                    and comment["body"].startswith(MARKER):
                return comment
        if len(batch) < PER_PAGE:
            return None
    return None


def _call(method: str, url: str, token: str, payload: dict[str, Any] | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
               "X-GitHub-Api-Version": "2022-11-28"}
    return call(method, url, headers, payload, api="GitHub",
                denied=M(" (the workflow needs `permissions: pull-requests: write`)"))


def pr_number(env: Mapping[str, str]) -> int | None:
    """The pull request of this workflow run, or None."""
    written = env.get("ORGSPEC_PR_NUMBER", "")
    if written.isascii() and written.isdigit():
        return int(env["ORGSPEC_PR_NUMBER"])
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        event = json.loads(_event_bytes(path))
    except (OSError, ValueError, RecursionError):  # RecursionError: nested 100,000 deep
        return None
    number = (event.get("pull_request") or {}).get("number") if isinstance(event, dict) else None
    # not `true` (an int to Python: #1), nor 0 or -1
    return number if type(number) is int and number > 0 else None


_MOST_EVENT_BYTES = 64 << 20  # GitHub caps a webhook's payload at 25 MB


def _event_bytes(path: str) -> bytes:
    """The event payload at `path`: a regular file (a FIFO would block the open and the
    read for ever) of at most `_MOST_EVENT_BYTES`. Raises OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        data = handle.read(_MOST_EVENT_BYTES + 1)
    if len(data) > _MOST_EVENT_BYTES:
        raise OSError(f"{path}: larger than {_MOST_EVENT_BYTES} bytes")
    return data


def from_env(body: str, env: Mapping[str, str] | None = None, lang: str = "en") -> str:
    """Post or update the comment as the environment says; what happened, as one line (an
    `M`, said in the run's language by the caller; a `Skipped` when nothing was posted:
    no token, or not a pull request). `lang`: the language of the note on a
    comment cut to GitHub's limit."""
    env = os.environ if env is None else env
    token, repo = env.get("GITHUB_TOKEN", "").strip(), env.get("GITHUB_REPOSITORY", "")
    if not token:
        return Skipped.of(M("no pull-request comment posted: GITHUB_TOKEN is not set (set it "
                            "to a token that may write pull-request comments; for a GitLab "
                            "merge request, use --platform gitlab with ORGSPEC_GITLAB_TOKEN "
                            "or GITLAB_TOKEN)"))
    number = pr_number(env)
    if number is None or "/" not in repo:
        return Skipped.of(M("not a pull request: no comment"))
    done = sticky_comment(body, token=token, repo=repo, number=number,
                          api_url=env.get("GITHUB_API_URL") or "https://api.github.com",
                          lang=lang)
    said = {"created": M("created the orgspec comment on {repo}#{number}", repo=repo,
                         number=number),
            "updated": M("updated the orgspec comment on {repo}#{number}", repo=repo,
                         number=number)}
    return said.get(done) or M("the orgspec comment on {repo}#{number} is already up to date",
                               repo=repo, number=number)
