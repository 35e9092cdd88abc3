"""ASGI middleware: request id (X-Request-Id in and out), JSON access log with actor and timing. Layer: chassis."""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from sidecar import logs

log = logging.getLogger("sidecar.access")


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Keep the caller's X-Request-Id (or mint one), echo it, put it in every log line and the envelope."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        rid = (headers.get(b"x-request-id") or b"").decode("latin-1")[:200] or str(uuid.uuid4())
        started = time.perf_counter()
        status: dict[str, Any] = {"code": None}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode("latin-1"))]
            await send(message)

        with logs.log_context(request_id=rid):
            try:
                await app(scope, receive, send_with_id)
            finally:
                log.info(
                    "%s %s", scope.get("method"), scope.get("path"),
                    extra={"data": {"status": status["code"],
                                    "ms": round((time.perf_counter() - started) * 1000, 1)}},
                )  # fmt: skip

    return middleware
