"""One sticky merge-request note with the Markdown report on GitLab, kept up to date.

GitLab's counterpart of `orgspec.ci.prcomment`: the note is found by the same hidden marker
line among the merge request's notes, then updated in place (PUT) or created once (POST),
through GitLab's REST API v4 (Notes API, `projects/:id/merge_requests/:iid/notes`) with
urllib. Sources, all set by GitLab CI in a merge-request pipeline: CI_API_V4_URL,
CI_PROJECT_ID, CI_MERGE_REQUEST_IID; the token (sent as `PRIVATE-TOKEN`) from
ORGSPEC_GITLAB_TOKEN, else GITLAB_TOKEN: a project or personal access token with the `api`
scope, kept as a masked CI/CD variable (the job's own CI_JOB_TOKEN cannot write notes).
Unlike the GitHub path, a missing variable or token is an error in a GitLab CI job: the user
asked for the note. Outside one (no GITLAB_CI) a missing token is a note (`Skipped`): the
command was tried by hand.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Mapping
from typing import Any

from orgspec.ci.prcomment import MARKER
from orgspec.ci.restapi import CommentError, Skipped, call
from orgspec.i18n import M, say

PER_PAGE = 100
MAX_PAGES = 50  # 5,000 notes: a merge request with more is not worth scanning
# GitLab refuses a note longer than 1,000,000 characters (Note validates `note` with
# Gitlab::Database::MAX_TEXT_SIZE_LIMIT, gitlab-foss commit 5af535d9)
LIMIT = 1_000_000
TOKEN_VARIABLES = ("ORGSPEC_GITLAB_TOKEN", "GITLAB_TOKEN")


def note_text(body: str, lang: str = "en", limit: int = LIMIT) -> str:
    """The note: the marker line, then `body`; one longer than `limit` characters is cut
    where no Markdown construct is left open (`render.truncate_markdown`: whole lines, open
    fences and `<details>` closed) and says so in `lang`."""
    text = f"{MARKER}\n{body}"
    if len(text) <= limit:
        return text
    from orgspec.report.render import truncate_markdown

    note = say(M("… (truncated: the full report is in the job's artifacts)"), lang)
    return truncate_markdown(text, limit, note)

def sticky_note(body: str, *, token: str, api_url: str, project: str, iid: int,
                lang: str = "en") -> str:
    """Create or update the one orgspec note on merge request `iid` of `project` (its id or
    its path, `group/name`); `lang`: the language of the note on a report cut to GitLab's
    limit. Returns "created", "updated" or "unchanged". Raises CommentError (its message an
    `M`)."""
    text = note_text(body, lang)
    base = (f"{api_url.rstrip('/')}/projects/{urllib.parse.quote(project, safe='')}"
            f"/merge_requests/{iid}/notes")
    found = _find(base, token)
    if found is None:
        _call("POST", base, token, {"body": text})
        return "created"
    if found.get("body") == text:
        return "unchanged"
    _call("PUT", f"{base}/{int(found['id'])}", token, {"body": text})
    return "updated"


def _find(base: str, token: str) -> dict[str, Any] | None:
    for page in range(1, MAX_PAGES + 1):
        batch = _call("GET", f"{base}?sort=asc&order_by=created_at&per_page={PER_PAGE}"
                             f"&page={page}", token)
        if not isinstance(batch, list):
            raise CommentError(M("unexpected answer from the GitLab notes API"))
        for note in batch:
            if isinstance(note, dict) and not note.get("system") \
                    and isinstance(note.get("body"), str) and note["body"].startswith(MARKER):
                return note
        if len(batch) < PER_PAGE:
            return None
    return None


def _call(method: str, url: str, token: str, payload: dict[str, Any] | None = None) -> Any:
    return call(method, url, {"PRIVATE-TOKEN": token, "Accept": "application/json"}, payload,
                api="GitLab", denied=M(" (the token needs the `api` scope and a role that may "
                                       "comment on the merge request)"))


def from_env(body: str, env: Mapping[str, str] | None = None, lang: str = "en") -> str:
    """Post or update the note as GitLab CI's environment says; what happened, as one line
    (an `M`; a `Skipped` for no token outside GitLab CI). `lang`: as for `sticky_note`.
    Raises CommentError for a variable or token that is missing in a GitLab CI job."""
    env = os.environ if env is None else env
    # blanks around a token (a variable read from a file keeps its newline) are no part of it
    token = next((env[name].strip() for name in TOKEN_VARIABLES if env.get(name, "").strip()),
                 "")
    if not token and env.get("GITLAB_CI") != "true":  # tried out by hand: nothing to post
        return Skipped.of(M("no merge-request note posted: no GitLab token (set "
                            "ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN to an access token with "
                            "the `api` scope; the note is posted from a GitLab CI "
                            "merge-request job)"))
    for name in ("CI_API_V4_URL", "CI_PROJECT_ID"):
        if not env.get(name):
            raise CommentError(M("{name} is not set: the GitLab merge-request note is posted "
                                 "from a GitLab CI job", name=name))
    iid = env.get("CI_MERGE_REQUEST_IID", "")
    if not (iid.isascii() and iid.isdigit()):
        raise CommentError(M("CI_MERGE_REQUEST_IID is not set: not a merge-request pipeline "
                             "(run the job with `rules: - if: $CI_PIPELINE_SOURCE == "
                             "\"merge_request_event\"`)"))
    if not token:
        raise CommentError(M("no GitLab token: set ORGSPEC_GITLAB_TOKEN or GITLAB_TOKEN, a "
                             "masked CI/CD variable holding an access token with the `api` "
                             "scope"))
    project, number = env["CI_PROJECT_ID"], int(iid)
    where = f"{env.get('CI_PROJECT_PATH') or project}!{number}"
    done = sticky_note(body, token=token, api_url=env["CI_API_V4_URL"], project=project,
                       iid=number, lang=lang)
    said = {"created": M("created the orgspec note on {mr}", mr=where),
            "updated": M("updated the orgspec note on {mr}", mr=where)}
    return said.get(done) or M("the orgspec note on {mr} is already up to date", mr=where)
