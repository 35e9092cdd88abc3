"""create_app(): the Litestar sidecar — ChassisPlugin, EnginePlugin, then the vertical plugins named in
SIDECAR_VERTICALS (default "architecture"), imported by name. Layer: core.

A vertical is `sidecar.verticals.<name>.plugin` exposing `plugin` (an InitPluginProtocol instance). When the
environment does not name verticals, a missing default vertical is skipped (the vertical is deletable); a vertical
named explicitly must exist.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.plugins import InitPluginProtocol

from sidecar.chassis.plugin import ChassisPlugin
from sidecar.engine.plugin import EnginePlugin
from sidecar.settings import Settings, get_settings

log = logging.getLogger("sidecar.app")


def vertical_plugins(settings: Settings) -> list[InitPluginProtocol]:
    """Import each named vertical's plugin; skip missing ones only when the names came from the default."""
    plugins: list[InitPluginProtocol] = []
    for name in settings.verticals:
        module_name = f"sidecar.verticals.{name}.plugin"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if settings.verticals_explicit or exc.name not in (module_name, f"sidecar.verticals.{name}"):
                raise
            log.info("vertical %s not installed; starting without it", name)
            continue
        plugins.append(module.plugin)
    return plugins


def create_app(settings: Settings | None = None, *, extra_plugins: tuple[Any, ...] = ()) -> Litestar:
    """The sidecar application (plugins register routes, dependencies, middleware and the lifespan)."""
    settings = settings or get_settings()
    return Litestar(
        plugins=[ChassisPlugin(settings), EnginePlugin(), *vertical_plugins(settings), *extra_plugins],
        openapi_config=OpenAPIConfig(title="Stance sidecar", version="0.1.0", path="/schema"),
        request_max_body_size=settings.max_body_bytes,
        logging_config=None,  # sidecar.logs.configure() owns logging: one JSON line per record
    )
