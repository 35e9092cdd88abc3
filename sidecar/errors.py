"""Exception handlers answering in PostgREST's error shape; SQL errors go through postgrest_compat's one
SQLSTATE → HTTP mapping. Layer: core."""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from litestar import Request, Response
from litestar.exceptions import HTTPException

from postgrest_compat.errors import ApiError, pg_error_response

log = logging.getLogger("sidecar.errors")


def _authenticated(request: Request[Any, Any, Any]) -> bool:
    return bool(request.scope.get("state", {}).get("authenticated", False))


def _response(status: int, body: dict[str, Any], headers: list[tuple[str, str]]) -> Response[Any]:
    return Response(body, status_code=status, headers=dict(headers), media_type="application/json")


def psycopg_error_handler(request: Request[Any, Any, Any], exc: psycopg.Error) -> Response[Any]:
    """A database error → the status, body and headers PostgREST would send for it."""
    if exc.sqlstate is None:
        log.error("database unavailable: %s", exc)
        return _response(503, {"code": "PGRST000", "message": "Database connection error", "details": None,
                               "hint": None}, [])  # fmt: skip
    diag = exc.diag
    status, body, headers = pg_error_response(
        exc.sqlstate, diag.message_primary or str(exc), diag.message_detail, diag.message_hint,
        authenticated=_authenticated(request),
    )  # fmt: skip
    if status >= 500:
        log.error("database error %s: %s", exc.sqlstate, diag.message_primary)
    return _response(status, body, headers)


def api_error_handler(_: Request[Any, Any, Any], exc: ApiError) -> Response[Any]:
    """A PostgREST-shaped error raised by sidecar code (JWT problems, idempotency conflicts)."""
    return _response(exc.status, exc.body(), exc.response_headers())


def http_exception_handler(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Litestar's own errors (404 route, 405, 413 body too large, validation) in the same shape, code PT<status>."""
    details = exc.extra if exc.extra else None
    body = {"code": f"PT{exc.status_code}", "message": str(exc.detail), "details": details, "hint": None}
    return _response(exc.status_code, body, list((exc.headers or {}).items()))


EXCEPTION_HANDLERS: dict[Any, Any] = {
    psycopg.Error: psycopg_error_handler,
    ApiError: api_error_handler,
    HTTPException: http_exception_handler,
}
