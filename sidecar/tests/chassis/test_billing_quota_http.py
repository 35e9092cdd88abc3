"""Quota gates over HTTP at the boundary — last allowed, first refused — through postgrest-compat (PostgREST's
request model) and through the sidecar (user_tx): 402 with the limit message, 429 with Retry-After.
Layer: chassis (tests)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from litestar import post
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol
from litestar.testing import AsyncTestClient
from psycopg import AsyncConnection

from postgrest_compat.testing import running_server
from sidecar.chassis import tokens
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]
ROOT = Path(__file__).resolve().parents[3]
SECRET = "quota-http-test-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> str:
    """A database whose free plan allows 2 widgets a month and 3 pings an hour, with metered RPCs in api."""
    name = clone_database("quota")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_counter('tests.widgets', 'widgets made', 'month')")
        conn.execute("select chassis.register_counter('tests.pings', 'pings sent', 'day')")
        conn.execute("select chassis.register_plan('free', 'Free', true)")
        conn.execute("select chassis.set_plan_limit('free', 'tests.widgets', 2)")
        conn.execute("select chassis.set_plan_limit('free', 'tests.pings', null, 3, '1 hour')")
        conn.execute("set role app_owner")
        for fn, counter in (("tests_make_widget", "tests.widgets"), ("tests_ping", "tests.pings")):
            conn.execute(
                f"create function api.{fn}() returns bigint language sql volatile"
                f" as $$ select chassis.meter('{counter}') $$"
            )
            conn.execute(f"grant execute on function api.{fn}() to authenticated")
    return name


def auth(db: str, subject: str, slug: str) -> dict[str, str]:
    with psycopg.connect(dbname=db) as conn:
        tenant_id = tokens.tenant_id_for(conn, slug)
    token = tokens.mint_token(
        tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id),
        secret=SECRET,
        ttl=timedelta(minutes=5),
    )
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[httpx.Client]:
    uri = f"postgresql://authenticator@/{db}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"
    with (
        running_server(str(ROOT / "postgrest.conf"), {"PGRST_DB_URI": uri, "PGRST_JWT_SECRET": SECRET}) as url,
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        yield client


def test_postgrest_plan_limit_last_allowed_then_402(api: httpx.Client, db: str) -> None:
    headers = auth(db, "olivia", "acme")
    assert api.post("/rpc/tests_make_widget", headers=headers).json() == 1
    last = api.post("/rpc/tests_make_widget", headers=headers)
    assert last.status_code == 200 and last.json() == 2, "the last allowed call passes"
    refused = api.post("/rpc/tests_make_widget", headers=headers)
    assert refused.status_code == 402
    body = refused.json()
    assert body["code"] == "PT402"
    assert body["message"].startswith("plan limit reached for tests.widgets: 2 per month on plan free; used 2; resets")
    other = api.post("/rpc/tests_make_widget", headers=auth(db, "gary", "globex"))
    assert other.status_code == 200, "another tenant has its own count"


def test_postgrest_rate_limit_last_allowed_then_429_with_retry_after(api: httpx.Client, db: str) -> None:
    headers = auth(db, "adam", "acme")
    for n in (1, 2, 3):
        assert api.post("/rpc/tests_ping", headers=headers).json() == n
    refused = api.post("/rpc/tests_ping", headers=headers)
    assert refused.status_code == 429
    assert refused.json()["code"] == "PT429"
    assert "rate limit reached for tests.pings: 3 per 01:00:00 on plan free; used 3" in refused.json()["message"]
    assert 1 <= int(refused.headers["retry-after"]) <= 3600


@post("/tests/pings", status_code=200)
async def sidecar_ping(user_tx: AsyncConnection) -> dict[str, Any]:
    """A sidecar action metered in its own transaction, as layers write them."""
    row = await (await user_tx.execute("select chassis.meter('tests.pings')")).fetchone()
    return {"used": row[0] if row else None}


class MeteredPlugin(InitPluginProtocol):
    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.append(sidecar_ping)
        return app_config


@pytest.fixture
async def sidecar(db: str) -> AsyncIterator[AsyncTestClient[Any]]:
    from sidecar.app import create_app

    saved = {k: os.environ.get(k) for k in ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS", "PGRST_JWT_SECRET")}
    os.environ.update({
        "SIDECAR_DATABASE_URL": f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}",
        "SIDECAR_VERTICALS": "",
        "PGRST_JWT_SECRET": SECRET,
    })  # fmt: skip
    get_settings.cache_clear()
    try:
        async with AsyncTestClient(create_app(extra_plugins=(MeteredPlugin(),))) as client:
            yield client
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        get_settings.cache_clear()


async def test_sidecar_rate_limit_at_the_boundary(sidecar: AsyncTestClient[Any], db: str) -> None:
    headers = auth(db, "mia", "acme")
    with psycopg.connect(dbname=db) as conn:
        row = conn.execute(
            "select coalesce(max(used), 0) from chassis.usage_rates where tenant_id = tests.tenant_id('acme')"
        ).fetchone()
    already = int(row[0]) if row else 0
    for n in range(already + 1, 4):
        r = await sidecar.post("/tests/pings", headers=headers)
        assert r.status_code == 200, r.text
        assert r.json() == {"used": n}
    refused = await sidecar.post("/tests/pings", headers=headers)
    assert refused.status_code == 429
    assert refused.json()["code"] == "PT429"
    assert set(refused.json()) == {"code", "message", "details", "hint"}
    assert 1 <= int(refused.headers["retry-after"]) <= 3600


async def test_sidecar_plan_limit_is_402(sidecar: AsyncTestClient[Any], db: str) -> None:
    with psycopg.connect(dbname=db, autocommit=True) as conn:
        conn.execute("select chassis.set_plan_limit('free', 'tests.pings', 0)")
    try:
        refused = await sidecar.post("/tests/pings", headers=auth(db, "victor", "acme"))
    finally:
        with psycopg.connect(dbname=db, autocommit=True) as conn:
            conn.execute("select chassis.set_plan_limit('free', 'tests.pings', null, 3, '1 hour')")
    assert refused.status_code == 402
    assert refused.json()["code"] == "PT402"
    assert refused.json()["message"].startswith("plan limit reached for tests.pings: 0 per day on plan free; used ")
