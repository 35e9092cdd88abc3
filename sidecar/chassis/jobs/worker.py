"""`python -m sidecar worker`: open the pool, import every task module, run procrastinate's worker with the
principal middleware. Layer: chassis. Add a layer's task module with one line in TASK_MODULES; a vertical's
`sidecar.verticals.<name>.tasks` is imported when the vertical is enabled.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Sequence
from functools import partial

from sidecar.chassis.auth import load_postgrest_config
from sidecar.chassis.jobs.app import jobs_app
from sidecar.chassis.jobs.middleware import principal_middleware
from sidecar.chassis.jobs.runtime import Runtime, set_runtime
from sidecar.chassis.metrics import serve_worker_metrics
from sidecar.db import as_sidecar, open_pool
from sidecar.settings import Settings

log = logging.getLogger("sidecar.worker")

TASK_MODULES: list[str] = [
    "sidecar.chassis.jobs.maintenance",
    "sidecar.engine.tasks",
    "sidecar.chassis.webhooks.tasks",
    "sidecar.chassis.email.tasks",
]


def import_task_modules(settings: Settings) -> list[str]:
    """Import the chassis/engine task modules and each enabled vertical's `tasks` module (if it has one)."""
    loaded: list[str] = []
    for name in TASK_MODULES:
        importlib.import_module(name)
        loaded.append(name)
    for vertical in settings.verticals:
        module_name = f"sidecar.verticals.{vertical}.tasks"
        try:
            importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name not in (module_name, f"sidecar.verticals.{vertical}"):
                raise
            continue
        loaded.append(module_name)
    return loaded


async def run_worker(settings: Settings, *, queues: Sequence[str] = (), concurrency: int | None = None) -> None:
    """Run until SIGINT/SIGTERM (procrastinate's handlers stop it gracefully)."""
    import_task_modules(settings)
    concurrency = concurrency or settings.worker_concurrency
    pool = await open_pool(settings.database_url, min_size=1, max_size=concurrency * 2 + settings.llm_slots + 3)
    config = load_postgrest_config(settings.postgrest_conf)
    set_runtime(Runtime(pool=pool, config=config, settings=settings))
    metrics_server = await serve_worker_metrics(
        partial(as_sidecar, pool, config), settings.host, int(os.environ.get("SIDECAR_WORKER_METRICS_PORT", "0"))
    )
    log.info("worker metrics on %s", metrics_server.sockets[0].getsockname())
    try:
        async with jobs_app.open_async(pool):
            log.info("worker starting", extra={"data": {"queues": list(queues) or "all", "concurrency": concurrency}})
            await jobs_app.run_worker_async(
                queues=list(queues) or None,
                concurrency=concurrency,
                worker_middleware=[principal_middleware],
                update_heartbeat_interval=settings.heartbeat_seconds,
                stalled_worker_timeout=settings.stalled_after_seconds,
                listen_notify=True,
            )
    finally:
        metrics_server.close()
        set_runtime(None)
        await pool.close()
