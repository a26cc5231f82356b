"""One JSON request to a code host's REST API (GitHub, GitLab) with urllib: the token is sent
only over https (or to this machine, for tests, never through a proxy), a redirect is followed
only for a GET to the same scheme, host and port (urllib's default forwards the token to any
host, and turns a redirected POST into a GET that "succeeds"), and every failure is one
CommentError line that never quotes the token."""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from orgspec.i18n import M

TIMEOUT = 30.0  # seconds per request
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")  # this machine: plain http allowed (tests)
# what an HTTP header value can carry: printable ASCII (a token is never anything else)
_HEADER_VALUE = re.compile(r"[\x20-\x7e]*")


class CommentError(Exception):
    """The API refused or could not be reached: one line, without the token."""


class Skipped(M):
    """Why nothing was posted, where that is no failure (no token outside CI, not a pull
    request): the CLI says it as a note, exit 0. `Skipped.of(M(...))`."""

    @classmethod
    def of(cls, message: M) -> Skipped:
        return cls(message.template, **message.values)


def call(method: str, url: str, headers: dict[str, str], payload: dict[str, Any] | None = None,
         *, api: str, denied: str = "") -> Any:
    """`method` `url` with `headers` (the token among them) and `payload` as JSON; the answer
    parsed from JSON (None when empty). `api` names the host in errors ("GitHub"); `denied`
    is the hint added to a 401, 403 or 404 (what the token lacks). Raises CommentError."""
    _check_url(url, api)
    if not all(_HEADER_VALUE.fullmatch(value) for value in headers.values()):
        raise CommentError(M("the token holds a line break or a character outside ASCII, which "
                             "HTTP cannot carry: check the CI/CD variable that holds it"))
    data = json.dumps(payload).encode("utf-8") if payload is not None else None
    headers = {"User-Agent": "orgspec", **headers,
               **({"Content-Type": "application/json"} if data is not None else {})}
    request = urllib.request.Request(url, data=data, method=method,  # noqa: S310 - checked
                                     headers=headers)
    try:
        with _opener(url, api).open(request, timeout=TIMEOUT) as answer:
            raw = answer.read()
    except urllib.error.HTTPError as exc:
        hint = denied if exc.code in (401, 403, 404) else ""
        raise CommentError(M("{api} API {method} answered {status} {reason}{hint}", api=api,
                             method=method, status=exc.code, reason=exc.reason, hint=hint)) \
            from None
    except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        raise CommentError(M("cannot reach the {api} API: {reason}", api=api,
                             reason=str(reason))) from None
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except (ValueError, RecursionError):  # RecursionError: nested 100,000 deep
        raise CommentError(M("the {api} API answered with something other than JSON",
                             api=api)) from None


def _opener(url: str, api: str) -> urllib.request.OpenerDirector:
    """urllib's opener with `_SameOrigin` redirects; with no proxy for this machine (an
    `http_proxy` would otherwise receive the token in the clear)."""
    local = urllib.parse.urlsplit(url).hostname in LOCAL_HOSTS
    handlers: list[urllib.request.BaseHandler] = [_SameOrigin(api)]
    if local:
        handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    return parts.scheme.lower(), parts.hostname, port


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only for a GET to the URL's own scheme, host and port (GitHub's
    301 for a renamed repository); any other is one CommentError naming where it led."""

    def __init__(self, api: str) -> None:
        self.api = api

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if req.get_method() != "GET" or _origin(newurl) != _origin(req.full_url):
            host = urllib.parse.urlsplit(newurl).hostname or newurl
            raise CommentError(M("the {api} API answered {method} with a redirect ({status}) "
                                 "to {host!r}: not followed, so the token goes nowhere else; "
                                 "set the API URL to where it leads", api=self.api,
                                 method=req.get_method(), status=code, host=host))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check_url(url: str, api: str) -> None:
    """Raise CommentError unless `url` is an https URL, or an http one of this machine
    (`LOCAL_HOSTS`, by the host the URL names: not `localhost.example.com`, nor
    `localhost@example.com`, whose host is example.com), with nothing HTTP cannot send."""
    try:
        parts = urllib.parse.urlsplit(url)
        scheme, host = parts.scheme, parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError:
        scheme, host = "", None
    if scheme not in ("http", "https") or not host or not _HEADER_VALUE.fullmatch(url) or \
            " " in url:
        raise CommentError(M("{url!r} is not an http(s) URL of the {api} API", url=url,
                             api=api))
    if scheme == "http" and host not in LOCAL_HOSTS:
        raise CommentError(M("refusing to send the token to {host!r} over http", host=host))
