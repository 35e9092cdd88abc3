"""ChassisPlugin: the sidecar's base — pool + JWT lifespan, dependencies, error shape, request id, idempotency,
health and the chassis controllers. Layer: chassis. Add a chassis feature's controller with one line in CONTROLLERS.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from litestar import Litestar
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol

from postgrest_compat.jwt import JwtVerifier
from sidecar.chassis.auth import load_postgrest_config
from sidecar.chassis.billing.plan_routes import PlanController
from sidecar.chassis.billing.routes import StripeWebhookController
from sidecar.chassis.deps import DEPENDENCIES
from sidecar.chassis.health import healthz, readyz
from sidecar.chassis.idempotency import idempotency_middleware
from sidecar.chassis.metrics import MetricsController, metrics_middleware
from sidecar.chassis.middleware import request_id_middleware
from sidecar.db import open_pool
from sidecar.errors import EXCEPTION_HANDLERS
from sidecar.settings import Settings

CONTROLLERS: list[Any] = [
    healthz,
    readyz,
    StripeWebhookController,
    PlanController,
    MetricsController,
]


class ChassisPlugin(InitPluginProtocol):
    """Registers what every layer's handlers rely on."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @asynccontextmanager
    async def lifespan(self, app: Litestar) -> AsyncIterator[None]:
        config = load_postgrest_config(self.settings.postgrest_conf)
        app.state.pgrst_config = config
        app.state.jwt = JwtVerifier(config)
        app.state.settings = self.settings
        app.state.pool = await open_pool(
            self.settings.database_url, min_size=self.settings.pool_min, max_size=self.settings.pool_max
        )
        try:
            yield
        finally:
            await app.state.pool.close()

    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.extend(CONTROLLERS)
        app_config.dependencies.update(DEPENDENCIES)
        app_config.exception_handlers.update(EXCEPTION_HANDLERS)
        app_config.middleware[:0] = [metrics_middleware, request_id_middleware, idempotency_middleware]
        app_config.lifespan.insert(0, self.lifespan)
        return app_config
