"""POST /architecture/catalog/imports over HTTP: tenant imports, refusals, malformed exports, guarded URLs.

Layer: vertical (architecture) tests. `user_tx` is provided the way the chassis plugin does it — a transaction opened
as the caller (impersonated exactly as PostgREST does, via tests.authenticate_as) — committed on success; errors go
through the sidecar's PostgREST-shaped exception handlers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from litestar import Litestar, Request
from litestar.di import Provide
from litestar.testing import AsyncTestClient
from psycopg import AsyncConnection

from sidecar.errors import EXCEPTION_HANDLERS
from sidecar.verticals.architecture.plugin import ArchitecturePlugin

pytestmark = pytest.mark.db

EXPORT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "layra-patterns.md"
ONE = EXPORT.read_text().split(" --- ")[3]


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return db_conninfo


@pytest.fixture
async def client(seeded_db: str) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async def user_tx(request: Request[Any, Any, Any]) -> AsyncIterator[AsyncConnection[Any]]:
        sub, tenant = request.headers["x-test-as"].split("@")
        conn = await AsyncConnection.connect(seeded_db)
        try:
            await conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
            yield conn
            await conn.commit()
        finally:
            await conn.close()

    app = Litestar(
        plugins=[ArchitecturePlugin()],
        dependencies={"user_tx": Provide(user_tx)},
        exception_handlers=EXCEPTION_HANDLERS,
    )
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


async def test_tenant_admin_imports_a_private_pattern(client: AsyncTestClient[Litestar]) -> None:
    response = await client.post(
        "/architecture/catalog/imports", json={"content": ONE}, headers={"x-test-as": "adam@acme"}
    )
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["scope"], report["counts"]["created"], report["source"]) == ("tenant", 1, "upload")
    assert report["declared_count"] is None
    again = await client.post(
        "/architecture/catalog/imports", json={"content": ONE}, headers={"x-test-as": "adam@acme"}
    )
    assert again.json()["counts"]["unchanged"] == 1


@pytest.mark.parametrize(
    ("who", "body", "message"),
    [
        ("mia@acme", {"content": ONE}, "only tenant owners and admins import private patterns"),
        ("olivia@acme", {"content": ONE, "scope": "global"}, "only operators import the global catalog"),
    ],
)
async def test_imports_are_refused_with_403(
    client: AsyncTestClient[Litestar], who: str, body: Any, message: str
) -> None:
    response = await client.post("/architecture/catalog/imports", json=body, headers={"x-test-as": who})
    assert response.status_code == 403
    assert response.json()["message"] == message


async def test_malformed_export_is_a_400_naming_pattern_and_section(client: AsyncTestClient[Litestar]) -> None:
    broken = ONE.replace("### Pros - [high]", "### Pros - [urgent]", 1)
    response = await client.post(
        "/architecture/catalog/imports", json={"content": broken}, headers={"x-test-as": "adam@acme"}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "PT400"
    assert body["details"]["pattern"] == "Batch Processing"
    assert body["details"]["section"] == "Pros"
    assert "[urgent]" in body["message"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"url": "http://127.0.0.1:9/export.md"}, "cannot fetch the export"),
        ({"url": "file:///etc/passwd"}, "url must be http or https"),
        ({"content": "x", "url": "https://example.org/x.md"}, "exactly one of content or url"),
        ({"content": "# Not an export"}, "no pattern found"),
    ],
)
async def test_bad_sources_are_400(client: AsyncTestClient[Litestar], body: Any, fragment: str) -> None:
    response = await client.post("/architecture/catalog/imports", json=body, headers={"x-test-as": "adam@acme"})
    assert response.status_code == 400
    assert fragment in response.json()["message"]
