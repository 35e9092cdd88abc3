"""EnginePlugin: the engine's HTTP routes (captures, progress stream). Layer: engine.

Add an engine feature's controller with one line in CONTROLLERS; interpreters go in `sidecar.engine.registry`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol

from sidecar.engine.captures.routes import CapturesController
from sidecar.engine.events.routes import EventsController

CONTROLLERS: list[Any] = [
    CapturesController,
    EventsController,
]


class EnginePlugin(InitPluginProtocol):
    """Registers the engine's controllers; closes the shared events listener on shutdown."""

    @asynccontextmanager
    async def lifespan(self, app: Litestar) -> AsyncIterator[None]:
        try:
            yield
        finally:
            hub = app.state.get("events_hub")
            if hub is not None:
                await hub.close()

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(CONTROLLERS)
        app_config.lifespan.append(self.lifespan)
        return app_config
