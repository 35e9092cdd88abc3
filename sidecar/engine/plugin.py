"""EnginePlugin: the engine's HTTP routes (captures, progress stream). Layer: engine.

Add an engine feature's controller with one line in CONTROLLERS; interpreters go in `sidecar.engine.registry`.
"""

from __future__ import annotations

from typing import Any

from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol

from sidecar.engine.captures.routes import CapturesController
from sidecar.engine.events.routes import EventsController

CONTROLLERS: list[Any] = [
    CapturesController,
    EventsController,
]


class EnginePlugin(InitPluginProtocol):
    """Registers the engine's controllers."""

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(CONTROLLERS)
        return app_config
