"""HTTP: GET /events — Server-Sent Events of the caller's tenant's engine progress. Layer: engine."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Litestar, Request, get
from litestar.response import ServerSentEvent

from sidecar.chassis.auth import principal_of, request_meta
from sidecar.engine.events.hub import EventHub
from sidecar.engine.events.service import check_stream, stream


def events_hub(app: Litestar) -> EventHub:
    """The process's shared listener (created on first use, closed by the EnginePlugin lifespan)."""
    hub = app.state.get("events_hub")
    if hub is None:
        hub = app.state.events_hub = EventHub(app.state.settings.database_url)
    return hub


def _last_event_id(request: Request[Any, Any, Any]) -> int:
    raw = request.headers.get("last-event-id") or request.query_params.get("last_event_id") or "0"
    return int(raw) if raw.isdigit() else 0


class EventsController(Controller):
    """The progress stream (command-then-poll's push half)."""

    path = "/events"
    tags = ["engine"]

    @get("/", media_type="text/event-stream")
    async def events(self, request: Request[Any, Any, Any]) -> ServerSentEvent:
        """Stream events after Last-Event-ID (header, or `last_event_id` query parameter), then live ones."""
        principal = principal_of(request)
        state = request.app.state
        meta = request_meta(request)
        tx = {"role": principal.role, "claims": principal.claims, "request": meta}
        tenant_id = await check_stream(state.pool, state.pgrst_config, tx)
        return ServerSentEvent(
            stream(
                state.pool, state.pgrst_config, hub=events_hub(request.app), role=principal.role,
                claims=principal.claims, request=meta, tenant_id=tenant_id, last_event_id=_last_event_id(request),
            )
        )  # fmt: skip
