"""Optimistic concurrency through the sidecar: a handler's write in `user_tx` sees the request's If-Match header (as
`request.headers`, the way PostgREST sets it) and a stale version answers 409 PT409 naming the current version.

Layer: chassis (tests). The route under test is a test plugin renaming the caller's tenant through api.my_tenants.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import psycopg
import pytest
from litestar import patch
from litestar.config.app import AppConfig
from litestar.plugins import InitPluginProtocol
from litestar.testing import AsyncTestClient
from psycopg import AsyncConnection

from postgrest_compat.testing import mint_jwt
from sidecar.app import create_app
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]
SECRET = "sidecar-versioning-secret-0123456789abcdef"


@patch("/tests/tenant")
async def rename_tenant(data: dict[str, Any], user_tx: AsyncConnection) -> dict[str, Any]:
    """Rename the caller's tenant; a `version` in the body is written as given (the trigger checks it)."""
    cur = await user_tx.execute(
        "update api.my_tenants set name = %s, version = coalesce(%s, version)"
        " where id = chassis.current_tenant_id() returning version",
        (data["name"], data.get("version")),
    )
    row = await cur.fetchone()
    assert row is not None
    return {"version": row[0]}


class RenamePlugin(InitPluginProtocol):
    def on_app_init(self, app_config: AppConfig) -> AppConfig:
        app_config.route_handlers.append(rename_tenant)
        return app_config


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> Iterator[str]:
    name = clone_database("sidever")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select tests.personas()")
    yield name


@pytest.fixture(scope="module")
async def client(db: str) -> AsyncIterator[AsyncTestClient]:
    saved = os.environ.get("PGRST_JWT_SECRET")
    os.environ["PGRST_JWT_SECRET"] = SECRET
    settings = dataclasses.replace(
        get_settings(),
        database_url=f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}",
        verticals=(), verticals_explicit=True,
    )  # fmt: skip
    async with AsyncTestClient(app=create_app(settings, extra_plugins=(RenamePlugin(),))) as c:
        yield c
    if saved is None:
        os.environ.pop("PGRST_JWT_SECRET", None)
    else:
        os.environ["PGRST_JWT_SECRET"] = saved


def auth(db: str, admin_conninfo: str, sub: str, tenant: str) -> dict[str, str]:
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={db}")) as conn:
        claims = conn.execute("select tests.claims(%s, %s)", (sub, tenant)).fetchone()[0]
    return {"Authorization": f"Bearer {mint_jwt(SECRET, claims)}"}


async def test_if_match_and_body_versions_are_checked_through_the_sidecar(
    client: AsyncTestClient, db: str, admin_conninfo: str
) -> None:
    owner = auth(db, admin_conninfo, "gary", "globex")
    first = await client.patch("/tests/tenant", json={"name": "Globex One"}, headers=owner)
    assert first.status_code == 200, first.text
    current = first.json()["version"]

    matching = {**owner, "If-Match": f'"{current}"'}
    fresh = await client.patch("/tests/tenant", json={"name": "Globex Two"}, headers=matching)
    assert fresh.status_code == 200, fresh.text
    assert fresh.json()["version"] == current + 1

    stale = await client.patch("/tests/tenant", json={"name": "Lost"}, headers={**owner, "If-Match": f'W/"{current}"'})
    assert stale.status_code == 409, stale.text
    assert stale.json() == {
        "code": "PT409",
        "message": f"stale version: current version is {current + 1}",
        "details": f"If-Match carried version {current}",
        "hint": "reload the row and retry with its current version",
    }

    body = await client.patch("/tests/tenant", json={"name": "Lost", "version": current}, headers=owner)
    assert body.status_code == 409, body.text
    assert body.json()["message"] == f"stale version: current version is {current + 1}"

    garbage = await client.patch("/tests/tenant", json={"name": "Lost"}, headers={**owner, "If-Match": "yesterday"})
    assert garbage.status_code == 400, garbage.text
    assert garbage.json()["code"] == "PT400"

    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={db}")) as conn:
        name = conn.execute("select name from chassis.tenants where slug = 'globex'").fetchone()[0]
    assert name == "Globex Two", "refused writes rolled back"
