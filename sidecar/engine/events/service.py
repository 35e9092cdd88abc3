"""The progress stream: replay events after Last-Event-ID, then follow NOTIFY engine_events. Layer: engine.

Reads happen in short transactions as the user (RLS decides what is visible); waiting happens on the process's
shared LISTEN connection (EventHub) holding no transaction. A comment line every `heartbeat` seconds keeps proxies
from closing the stream (and re-reads, should a notification ever be missed).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

from litestar.response.sse import ServerSentEventMessage
from psycopg_pool import AsyncConnectionPool

from postgrest_compat.config import Config
from sidecar.db import RequestMeta, as_user, queries
from sidecar.engine.events.hub import EventHub

Q = queries("sidecar.engine.events")


async def fetch_after(
    pool: AsyncConnectionPool, config: Config, tx: Mapping[str, Any], after: int, limit: int = 200
) -> list[tuple[Any, ...]]:
    async with as_user(pool, config, **tx) as conn:
        return await (await conn.execute(Q["events_after"], {"after": after, "limit": limit})).fetchall()


async def check_stream(pool: AsyncConnectionPool, config: Config, tx: Mapping[str, Any]) -> str:
    """The tenant id of the stream (raises the PostgREST-shaped error if the caller may not have one)."""
    async with as_user(pool, config, **tx) as conn:
        return (await (await conn.execute(Q["require_tenant"])).fetchone())[0]


def _message(row: tuple[Any, ...]) -> ServerSentEventMessage:
    event_id, event, capture_id, derivation_id, status, data, created_at = row
    body = {"capture_id": capture_id, "derivation_id": derivation_id, "status": status, "data": data,
            "at": created_at.isoformat()}  # fmt: skip
    return ServerSentEventMessage(data=json.dumps(body), event=event, id=str(event_id))


async def stream(
    pool: AsyncConnectionPool,
    config: Config,
    *,
    hub: EventHub,
    role: str,
    claims: Mapping[str, Any],
    request: RequestMeta,
    tenant_id: str,
    last_event_id: int,
    heartbeat: float = 15.0,
) -> AsyncIterator[ServerSentEventMessage]:
    """Events after `last_event_id`, then live ones, until the client disconnects."""
    tx = {"role": role, "claims": claims, "request": request}
    last = last_event_id
    await hub.ensure_started()
    with hub.subscribe(tenant_id) as wake:
        while True:
            wake.clear()
            rows = await fetch_after(pool, config, tx, last)
            for row in rows:
                last = row[0]
                yield _message(row)
            if rows:
                continue
            try:
                await asyncio.wait_for(wake.wait(), timeout=heartbeat)
            except TimeoutError:
                yield ServerSentEventMessage(comment="keep-alive")
