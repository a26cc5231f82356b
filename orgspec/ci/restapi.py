"""One JSON request to a code host's REST API (GitHub, GitLab) with urllib: the token is sent
only over https (or to this machine, for tests), and every failure is one CommentError line
that never quotes the token."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from orgspec.i18n import M

TIMEOUT = 30.0  # seconds per request


class CommentError(Exception):
    """The API refused or could not be reached: one line, without the token."""


def call(method: str, url: str, headers: dict[str, str], payload: dict[str, Any] | None = None,
         *, api: str, denied: str = "") -> Any:
    """`method` `url` with `headers` (the token among them) and `payload` as JSON; the answer
    parsed from JSON (None when empty). `api` names the host in errors ("GitHub"); `denied`
    is the hint added to a 401, 403 or 404 (what the token lacks). Raises CommentError."""
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise CommentError(M("refusing to send the token to {host!r} over http",
                             host=url.split('/')[2]))
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    headers = {"User-Agent": "orgspec", **headers,
               **({"Content-Type": "application/json"} if data is not None else {})}
    request = urllib.request.Request(url, data=data, method=method,  # noqa: S310 - checked
                                     headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310 - checked
            raw = answer.read()
    except urllib.error.HTTPError as exc:
        hint = denied if exc.code in (401, 403, 404) else ""
        raise CommentError(M("{api} API {method} answered {status} {reason}{hint}", api=api,
                             method=method, status=exc.code, reason=exc.reason, hint=hint)) \
            from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CommentError(M("cannot reach the {api} API: {reason}", api=api,
                             reason=str(reason))) from None
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except ValueError:
        raise CommentError(M("the {api} API answered with something other than JSON",
                             api=api)) from None
