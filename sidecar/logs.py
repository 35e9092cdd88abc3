"""JSON log lines carrying request id, tenant, user (id and JWT subject) and job id of the context. Layer: core."""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FIELDS = ("request_id", "tenant_id", "user_id", "user_sub", "job_id")
_context: contextvars.ContextVar[dict[str, Any]] = contextvars.ContextVar("sidecar_log_context", default={})  # noqa: B039


@contextmanager
def log_context(**values: Any) -> Iterator[None]:
    """Add fields to every log line emitted inside the block (nested blocks merge)."""
    merged = {**_context.get(), **{k: v for k, v in values.items() if v is not None}}
    token = _context.set(merged)
    try:
        yield
    finally:
        _context.reset(token)


def bind(**values: Any) -> None:
    """Add fields to the current context (for values learnt mid-request, such as the tenant)."""
    _context.set({**_context.get(), **{k: v for k, v in values.items() if v is not None}})


def current(field: str) -> Any:
    return _context.get().get(field)


def _redact_principal(message: str) -> str:
    """Replace every `principal={...}` (balanced braces) with `principal=<redacted>`."""
    out, pos = [], 0
    while (start := message.find("principal={", pos)) >= 0:
        depth, i = 0, start + len("principal=")
        while i < len(message):
            depth += {"{": 1, "}": -1}.get(message[i], 0)
            i += 1
            if depth == 0:
                break
        out.append(message[pos:start] + "principal=<redacted>")
        pos = i
    return "".join(out) + message[pos:]


class RedactPrincipal(logging.Filter):
    """procrastinate logs each job's call string with its kwargs: keep the stamped principal (claims) out of logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "principal=" in message:
            record.msg, record.args = _redact_principal(message), ()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, context fields, exception text."""

    def format(self, record: logging.LogRecord) -> str:
        ctx = _context.get()
        line: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for field in FIELDS:
            line[field] = ctx.get(field)
        extra = getattr(record, "data", None)
        if isinstance(extra, dict):
            line.update(extra)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def configure(level: str = "INFO") -> None:
    """Route the root logger (and uvicorn's, procrastinate's) through the JSON formatter on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactPrincipal())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "procrastinate"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
