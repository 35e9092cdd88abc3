"""One LISTEN connection per sidecar process for every SSE client: NOTIFY engine_events {id, tenant_id} wakes the
streams of that tenant. Layer: engine. Started on the first subscription; if its connection drops, streams still
progress on their heartbeat re-reads and the next subscription restarts it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Iterator

import psycopg

log = logging.getLogger("sidecar.engine.events")
CHANNEL = "engine_events"


class EventHub:
    """Fan-out of engine_events notifications to per-tenant subscribers (asyncio.Events)."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self._subscribers: dict[str, set[asyncio.Event]] = {}
        self._task: asyncio.Task[None] | None = None
        self._conn: psycopg.AsyncConnection | None = None
        self._ready = asyncio.Lock()

    async def ensure_started(self) -> None:
        async with self._ready:
            if self._task is not None and not self._task.done():
                return
            self._conn = await psycopg.AsyncConnection.connect(self.conninfo, autocommit=True)
            await self._conn.execute(f"listen {CHANNEL}")
            self._task = asyncio.create_task(self._run(self._conn))

    async def _run(self, conn: psycopg.AsyncConnection) -> None:
        try:
            async for note in conn.notifies():
                tenant = json.loads(note.payload).get("tenant_id")
                for wake in self._subscribers.get(tenant, ()):
                    wake.set()
        except psycopg.OperationalError as exc:
            log.warning("engine events listener stopped: %s", exc)

    @contextlib.contextmanager
    def subscribe(self, tenant_id: str) -> Iterator[asyncio.Event]:
        wake = asyncio.Event()
        self._subscribers.setdefault(tenant_id, set()).add(wake)
        try:
            yield wake
        finally:
            self._subscribers[tenant_id].discard(wake)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._conn is not None:
            await self._conn.close()
