"""PostgREST error model: the SQLSTATE → HTTP mapping and PGRST error constructors. Layer: postgrest_compat.

The one place that maps SQL errors to HTTP; the Stance sidecar imports `pg_error_response`.
"""

from __future__ import annotations

import json
from difflib import get_close_matches
from typing import Any

Headers = list[tuple[str, str]]

PGRST_STATUS: dict[str, int] = {
    "PGRST000": 503, "PGRST001": 503, "PGRST002": 503, "PGRST003": 504,
    "PGRST100": 400, "PGRST101": 405, "PGRST102": 400, "PGRST103": 416, "PGRST104": 400, "PGRST105": 405,
    "PGRST106": 406, "PGRST107": 406, "PGRST108": 400, "PGRST111": 500, "PGRST112": 500, "PGRST114": 400,
    "PGRST115": 400, "PGRST116": 406, "PGRST117": 405, "PGRST118": 400, "PGRST120": 400, "PGRST121": 500,
    "PGRST122": 400, "PGRST123": 400, "PGRST124": 400, "PGRST125": 404, "PGRST126": 404, "PGRST127": 400,
    "PGRST128": 400, "PGRST200": 400, "PGRST201": 300, "PGRST202": 404, "PGRST203": 300, "PGRST204": 400,
    "PGRST205": 404, "PGRST300": 500, "PGRST301": 401, "PGRST302": 401, "PGRST303": 401, "PGRSTX00": 500,
}  # fmt: skip


class ApiError(Exception):
    """An error answered in PostgREST's shape: status, {code, message, details, hint} and extra headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Any = None,
        hint: str | None = None,
        headers: Headers | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.hint = hint
        self.headers = headers or []
        self.rollback_only = False

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "details": self.details, "hint": self.hint, "message": self.message}

    def response_headers(self) -> Headers:
        return [*self.headers, ("Proxy-Status", f"PostgREST; error={self.code}")]


def pgrst(code: str, message: str, details: Any = None, hint: str | None = None, headers: Headers | None = None):
    """A PGRSTxxx error with the status PostgREST's Error.hs gives it."""
    return ApiError(PGRST_STATUS.get(code, 500), code, message, details, hint, headers)


# --- named constructors used across the server ----------------------------------------------------------------


def parse_error(what: str, text: str, column: int, details: str) -> ApiError:
    return pgrst("PGRST100", f'"failed to parse {what} ({text})" (line 1, column {column})', details)


def invalid_body(message: str) -> ApiError:
    return pgrst("PGRST102", message)


def _bearer_invalid(message: str) -> list[tuple[str, str]]:
    desc = message.replace('"', '\\"')
    return [("WWW-Authenticate", f'Bearer error="invalid_token", error_description="{desc}"')]


def jwt_error(message: str) -> ApiError:
    return pgrst("PGRST301", message, headers=_bearer_invalid(message))


def jwt_claims_error(message: str) -> ApiError:
    return pgrst("PGRST303", message, headers=_bearer_invalid(message))


def anonymous_disabled() -> ApiError:
    return pgrst("PGRST302", "Anonymous access is disabled", headers=[("WWW-Authenticate", "Bearer")])


def not_found_table(schema: str, name: str, candidates=()) -> ApiError:
    close = get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    hint = f"Perhaps you meant the table '{schema}.{close[0]}'" if close else None
    return pgrst("PGRST205", f"Could not find the table '{schema}.{name}' in the schema cache", None, hint)


def unknown_column(column: str, table: str) -> ApiError:
    return pgrst("PGRST204", f"Could not find the '{column}' column of '{table}' in the schema cache")


def singular_error(n: int) -> ApiError:
    return pgrst("PGRST116", "Cannot coerce the result to a single JSON object", f"The result contains {n} rows")


def not_acceptable(media: str) -> ApiError:
    return pgrst("PGRST107", f"None of these media types are available: {media}")


# --- SQLSTATE → HTTP ------------------------------------------------------------------------------------------


def sqlstate_status(sqlstate: str, message: str = "", *, authenticated: bool) -> int:
    """PostgREST's mapSQLtoHTTP."""
    s = sqlstate or ""
    if s.startswith("PT"):
        return int(s[2:]) if s[2:].isdigit() and 100 <= int(s[2:]) <= 599 else 500
    exact = {
        "23503": 409, "23505": 409, "25006": 405, "P0001": 400, "42P01": 404, "42P17": 500, "53400": 500,
        "57P01": 503,
    }  # fmt: skip
    if s in exact:
        return exact[s]
    if s == "21000":
        return 400 if message.endswith("requires a WHERE clause") else 500
    if s == "22023":
        return 401 if message.startswith("role ") and message.endswith("does not exist") else 400
    if s == "42883":
        return 406 if message.startswith("function xmlagg(") else 404
    if s == "42501":
        return 403 if authenticated else 401
    prefix = s[:2]
    if prefix == "08":
        return 503
    if prefix == "53":
        return 503
    if prefix in {"09", "25", "2D", "38", "39", "3B", "40", "54", "55", "57", "58", "F0", "HV", "XX", "P0"}:
        return 500
    if prefix in {"0L", "0P", "28"}:
        return 403
    return 400


def pg_error_response(
    sqlstate: str, message: str, detail: str | None, hint: str | None, *, authenticated: bool
) -> tuple[int, dict[str, Any], Headers]:
    """Status, body {code, message, details, hint} and extra headers PostgREST sends for a database error."""
    err = pg_error(sqlstate, message, detail, hint, authenticated=authenticated)
    return err.status, err.body(), err.response_headers()


def pg_error(sqlstate: str, message: str, detail: str | None, hint: str | None, *, authenticated: bool) -> ApiError:
    if sqlstate == "PGRST":
        return _raised_pgrst(message, detail)
    status = sqlstate_status(sqlstate, message or "", authenticated=authenticated)
    headers: Headers = []
    if status == 401:
        headers.append(("WWW-Authenticate", "Bearer"))
    return ApiError(status, sqlstate, message, detail or None, hint or None, headers)


_MSG_HINT = (
    "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'."
)
_DET_HINT = "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'."


def _raised_pgrst(message: str, detail: str | None) -> ApiError:
    """`RAISE SQLSTATE 'PGRST'`: the message and detail carry JSON for full control of the response."""
    title = "Could not parse JSON in the \"RAISE SQLSTATE 'PGRST'\" error"
    try:
        body = json.loads(message)
        if not isinstance(body, dict) or "code" not in body or "message" not in body:
            raise ValueError
    except ValueError:
        return pgrst("PGRST121", title, f"Invalid JSON value for MESSAGE: '{message}'", _MSG_HINT)
    if detail is None:
        return pgrst("PGRST121", title, "DETAIL is missing in the RAISE statement", _DET_HINT)
    try:
        extra = json.loads(detail)
        if not isinstance(extra, dict) or not isinstance(extra.get("status"), int) or "headers" not in extra:
            raise ValueError
        headers = [(str(k), str(v)) for k, v in (extra["headers"] or {}).items()]
    except (ValueError, AttributeError):
        return pgrst("PGRST121", title, f"Invalid JSON value for DETAIL: '{detail}'", _DET_HINT)
    code = str(body["code"])
    return ApiError(extra["status"], code, body["message"], body.get("details"), body.get("hint"), headers)
