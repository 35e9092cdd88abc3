"""A scripted local HTTP server for tests of outbound HTTP from any layer. Layer: chassis (test support).

Routes map a path to a function returning a `Reply`; every request is recorded. The body may be bytes or an
iterator of chunks (streamed without Content-Length, close-delimited), so tests can serve endless bodies
without allocating them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    """What a route answers: status, headers, and bytes or an iterable of chunks; `delay` seconds before it."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    delay: float = 0.0


Route = Callable[[Seen], Reply]


def endless(chunk: bytes = b"x" * 65536, total: int | None = None) -> Iterator[bytes]:
    """Yield `chunk` forever, or until `total` bytes were produced."""
    sent = 0
    while total is None or sent < total:
        yield chunk
        sent += len(chunk)


class ScriptedServer:
    """`with ScriptedServer() as srv: srv.routes['/doc'] = lambda seen: Reply(body=b'...')`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen = Seen("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                server.seen.append(seen)
                route = server.routes.get(self.path.split("?", 1)[0])
                reply = route(seen) if route else Reply(404, body=b"not found")
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    return

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if isinstance(reply.body, bytes):
                    if "content-length" not in {k.lower() for k in reply.headers}:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                    return
                self.end_headers()
                for chunk in reply.body:
                    self.wfile.write(chunk)

            def log_message(self, format: str, *args: object) -> None:
                return

        self._httpd = ThreadingHTTPServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def port(self) -> int:
        """The ephemeral port the server listens on."""
        return int(self._httpd.server_address[1])

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return str(self._httpd.server_address[0])

    def url(self, path: str) -> str:
        """Absolute URL of `path` on this server."""
        return f"http://{self.host}:{self.port}{path}"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
