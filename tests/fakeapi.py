"""The plumbing of the fake REST APIs the comment tests post to (GitHub's issue comments,
GitLab's merge-request notes): a JSON request handler and a server on 127.0.0.1 for the
length of a `with` block."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class JSONHandler(BaseHTTPRequestHandler):
    """A quiet handler that answers JSON and reads a request's `body` field."""

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self, code: int, doc: Any) -> None:
        data = json.dumps(doc).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length", "0"))
        return str(json.loads(self.rfile.read(length))["body"])


@contextlib.contextmanager
def serving(handler: type[JSONHandler]) -> Iterator[str]:
    """`handler` served on 127.0.0.1 (a free port) until the block ends: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
