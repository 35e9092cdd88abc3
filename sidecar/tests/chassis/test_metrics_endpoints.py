"""/metrics on the sidecar and on the worker expose the named series, with live queue gauges from SQL.

Layer: chassis (tests).
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import psycopg
import pytest
from litestar import Litestar, get
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol
from litestar.testing import AsyncTestClient

from sidecar.chassis import metrics
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]

SERIES = (
    "stance_http_requests_total",
    "stance_http_request_errors_total",
    "stance_http_request_duration_seconds",
    "stance_queue_depth",
    "stance_queue_oldest_age_seconds",
    "stance_job_duration_seconds",
    "stance_llm_call_duration_seconds",
    "stance_llm_tokens_total",
    "stance_llm_cost_microusd_total",
    "stance_webhook_deliveries_total",
    "stance_emails_total",
)


@get("/tests/boom/{n:int}")
async def boom(n: int) -> None:
    """A handler that fails, for the error counter."""
    raise RuntimeError(f"boom {n}")


class BoomPlugin(InitPluginProtocol):
    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.append(boom)
        return app_config


def value(text: str, sample: str) -> float:
    """The value of one exposed sample line (`name{labels}`), or fail."""
    match = re.search(rf"^{re.escape(sample)} (\S+)$", text, re.MULTILINE)
    assert match, f"{sample} not exposed"
    return float(match.group(1))


@pytest.fixture(scope="module")
def queued(db_conninfo: str) -> str:
    """One waiting job on the default queue, enqueued the only way there is (a request transaction)."""
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_task('tests_things__run', 'default')")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        conn.execute("select chassis.enqueue_job('tests_things__run', '{}')")
    return db_conninfo


@pytest.fixture
def sidecar_env(queued: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS", "PGRST_JWT_SECRET")}
    os.environ["SIDECAR_DATABASE_URL"] = queued.replace("user=postgres", "user=sidecar")
    os.environ["SIDECAR_VERTICALS"] = ""
    os.environ.setdefault("PGRST_JWT_SECRET", "x" * 48)
    get_settings.cache_clear()
    yield
    for key, old in saved.items():
        if old is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = old
    get_settings.cache_clear()


async def test_sidecar_metrics_expose_every_series(sidecar_env) -> None:
    from sidecar.app import create_app

    metrics.observe_llm_call("tests-model", 1.5, 100, 20, 350)
    metrics.count_webhook("delivered")
    app: Litestar = create_app(extra_plugins=(BoomPlugin(),))
    async with AsyncTestClient(app) as client:
        before = await client.get("/metrics")
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/tests/boom/7")).status_code == 500
        r = await client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    for name in SERIES:
        assert f"# HELP {name} " in r.text, f"{name} missing"
    route = 'method="GET",route="/healthz",status="200"'
    assert value(r.text, f"stance_http_requests_total{{{route}}}") == 1 + (
        value(before.text, f"stance_http_requests_total{{{route}}}") if route in before.text else 0
    )
    boom = 'method="GET",route="/tests/boom/{n}"'
    assert value(r.text, f'stance_http_requests_total{{{boom},status="500"}}') >= 1, "labelled by template, not path"
    assert value(r.text, f"stance_http_request_errors_total{{{boom}}}") >= 1
    assert value(r.text, f"stance_http_request_duration_seconds_count{{{boom}}}") >= 1
    assert value(r.text, 'stance_queue_depth{queue="default",status="todo"}') == 1
    assert value(r.text, 'stance_queue_oldest_age_seconds{queue="default"}') >= 0
    assert value(r.text, 'stance_llm_tokens_total{direction="input",model="tests-model"}') >= 100
    assert value(r.text, 'stance_llm_cost_microusd_total{model="tests-model"}') >= 350
    assert value(r.text, 'stance_webhook_deliveries_total{outcome="delivered"}') >= 1


async def test_worker_metrics_server(queued: str) -> None:
    conninfo = queued.replace("user=postgres", "user=sidecar")

    @asynccontextmanager
    async def connect() -> AsyncIterator[psycopg.AsyncConnection]:
        async with await psycopg.AsyncConnection.connect(conninfo) as conn, conn.transaction():
            yield conn

    metrics.observe_job("tests_things__run", "succeeded", 0.2)
    server = await metrics.serve_worker_metrics(connect)
    port = server.sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            r = await client.get("/metrics")
            missing = await client.get("/elsewhere")
    finally:
        server.close()
        await server.wait_closed()
    assert r.status_code == 200
    assert value(r.text, 'stance_queue_depth{queue="default",status="todo"}') == 1
    assert value(r.text, 'stance_job_duration_seconds_count{outcome="succeeded",task="tests_things__run"}') >= 1
    assert missing.status_code == 404
