"""`Idempotency-Key` for POST endpoints: replay the stored response, 422 on reuse with another body, 409 while the
first request is in flight. Keys are stored per tenant in chassis.idempotency_keys, as the caller (RLS), and
expire after SIDECAR_IDEMPOTENCY_TTL_HOURS. Layer: chassis.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from litestar import Request
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from postgrest_compat.errors import ApiError
from sidecar.chassis.auth import principal_of, request_meta
from sidecar.db import as_user

HEADER = b"idempotency-key"
EXPIRE = """
delete from chassis.idempotency_keys
where tenant_id = chassis.current_tenant_id() and key = %(key)s and created_at < now() - make_interval(hours => %(ttl)s)
"""
RESERVE = """
insert into chassis.idempotency_keys (tenant_id, key, user_id, method, path, request_hash)
values (chassis.require_tenant(), %(key)s, chassis.require_user(), %(method)s, %(path)s, %(hash)s)
on conflict do nothing
returning key
"""
EXISTING = """
select request_hash, state, status, response
from chassis.idempotency_keys
where tenant_id = chassis.current_tenant_id() and key = %(key)s
"""
FINISH = """
update chassis.idempotency_keys set state = 'done', status = %(status)s, response = %(response)s
where tenant_id = chassis.current_tenant_id() and key = %(key)s
"""
RELEASE = "delete from chassis.idempotency_keys where tenant_id = chassis.current_tenant_id() and key = %(key)s"


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)
        elif message["type"] == "http.disconnect":
            return b"".join(chunks)


def _replay_receive(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def idempotency_middleware(app: ASGIApp) -> ASGIApp:
    """Wrap POSTs that carry Idempotency-Key; everything else passes through untouched."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers") or []) if scope["type"] == "http" else {}
        raw_key = headers.get(HEADER)
        if scope["type"] != "http" or scope.get("method") != "POST" or raw_key is None:
            await app(scope, receive, send)
            return
        key = raw_key.decode("latin-1").strip()
        if not key or len(key) > 255:
            raise ApiError(400, "PT400", "Idempotency-Key must be 1 to 255 characters")
        body = await _read_body(receive)
        limit = scope["litestar_app"].request_max_body_size
        if limit is not None and len(body) > limit:
            raise ApiError(413, "PT413", "Request Entity Too Large", f"the body exceeds {limit} bytes")
        request: Request[Any, Any, Any] = Request(scope)
        principal = principal_of(request)
        state = scope["litestar_app"].state
        meta = request_meta(request)
        digest = hashlib.sha256(scope["path"].encode() + b"\n" + body).hexdigest()
        ttl = state.settings.idempotency_ttl_hours
        params = {"key": key, "method": "POST", "path": scope["path"], "hash": digest, "ttl": ttl}
        tx = {"role": principal.role, "claims": principal.claims, "request": meta}
        async with as_user(state.pool, state.pgrst_config, **tx) as conn:
            await conn.execute(EXPIRE, params)
            reserved = await (await conn.execute(RESERVE, params)).fetchone()
            existing = None if reserved else await (await conn.execute(EXISTING, params)).fetchone()
        if existing is not None:
            request_hash, row_state, status, stored = existing
            if row_state != "done":
                raise ApiError(409, "PT409", "a request with this Idempotency-Key is still in progress",
                               hint="retry later")  # fmt: skip
            if request_hash != digest:
                raise ApiError(422, "PT422", "Idempotency-Key was already used with a different request",
                               hint="use a new key for a new request")  # fmt: skip
            replay_headers = [(k.encode(), v.encode()) for k, v in stored["headers"]]
            replay_headers.append((b"idempotent-replayed", b"true"))
            await send({"type": "http.response.start", "status": status, "headers": replay_headers})
            await send({"type": "http.response.body", "body": stored["body"].encode(), "more_body": False})
            return

        captured: dict[str, Any] = {"status": 500, "headers": [], "body": []}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.lower() in (b"content-type", b"location")
                ]
            elif message["type"] == "http.response.body":
                captured["body"].append(message.get("body", b""))
            await send(message)

        try:
            await app(scope, _replay_receive(body), capture)
        finally:
            async with as_user(state.pool, state.pgrst_config, **tx) as conn:
                if captured["status"] >= 500:
                    await conn.execute(RELEASE, params)
                else:
                    response = {"headers": captured["headers"], "body": b"".join(captured["body"]).decode()}
                    await conn.execute(FINISH, {**params, "status": captured["status"],
                                                "response": json.dumps(response)})  # fmt: skip

    return middleware
