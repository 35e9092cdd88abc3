"""ArchitecturePlugin: the architecture vertical's HTTP routes. Layer: vertical (architecture).

Loaded by `sidecar.app` when SIDECAR_VERTICALS names `architecture` (the default). Add a feature's controller with
one line in CONTROLLERS.
"""

from __future__ import annotations

from typing import Any

from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol

from sidecar.verticals.architecture.catalog.routes import CatalogController
from sidecar.verticals.architecture.decisions.routes import DecisionsController
from sidecar.verticals.architecture.documents.routes import DocumentsController

CONTROLLERS: list[Any] = [
    CatalogController,
    DecisionsController,
    DocumentsController,
]


class ArchitecturePlugin(InitPluginProtocol):
    """Registers the vertical's controllers."""

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(CONTROLLERS)
        return app_config


plugin = ArchitecturePlugin()
