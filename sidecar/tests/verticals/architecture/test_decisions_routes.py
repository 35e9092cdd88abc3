"""ADR Markdown endpoints over HTTP: zip upload, zip and single-record export, 404s, bad uploads.
Layer: vertical (architecture) tests. `user_tx` is provided here the way the chassis plugin does it — a transaction
opened as the caller (impersonated exactly as PostgREST does, via tests.authenticate_as) — committed on success.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from litestar import Litestar, Request
from litestar.di import Provide
from litestar.testing import AsyncTestClient
from psycopg import AsyncConnection

from sidecar.verticals.architecture.decisions.parser import parse
from sidecar.verticals.architecture.decisions.routes import DecisionsController

pytestmark = pytest.mark.db

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select tests.create_tenant('hooli', 'hank')")
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

    app = Litestar(route_handlers=[DecisionsController], dependencies={"user_tx": Provide(user_tx)})
    async with AsyncTestClient(app=app) as test_client:
        yield test_client


def _fixture_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(FIXTURES.glob("*.md")):
            archive.writestr(f"docs/adr/{path.name}", path.read_text())
        archive.writestr("docs/adr/README.md", "# Decisions\n")
    return buffer.getvalue()


async def test_upload_zip_then_export_zip_and_one_record(client: AsyncTestClient[Litestar]) -> None:
    hank = {"x-test-as": "hank@hooli"}
    uploaded = await client.post(
        "/architecture/decisions/import/upload",
        files={"adrs": ("adrs.zip", _fixture_zip(), "application/zip")},
        headers=hank,
    )
    assert uploaded.status_code == 200, uploaded.text
    report = uploaded.json()["files"]
    assert len(report) == 7 and {f["action"] for f in report} == {"created"}
    kafka = next(f for f in report if f["path"].endswith("0004-use-kafka-for-domain-events.md"))
    assert (kafka["number"], kafka["ref"], kafka["source_format"]) == (4, "ADR-0004", "madr3")

    exported = await client.get("/architecture/decisions/export.zip", headers=hank)
    assert exported.status_code == 200
    assert exported.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(exported.content)).namelist()
    assert "docs/decisions/index.md" in names and len(names) == 8

    one = await client.get(f"/architecture/decisions/{kafka['id']}/markdown", headers=hank)
    assert one.status_code == 200
    assert one.headers["content-type"].startswith("text/markdown")
    assert one.headers["content-disposition"] == 'attachment; filename="0004-use-kafka-for-domain-events.md"'
    assert parse(one.text).document["outcome"]["chosen_option"] == "Kafka"

    again = await client.post(
        "/architecture/decisions/import",
        json={"files": [{"path": "0004-use-kafka-for-domain-events.md", "content": one.text}]},
        headers=hank,
    )
    assert again.status_code == 200
    assert again.json()["files"][0]["action"] == "unchanged"


async def test_records_of_another_tenant_and_unknown_ids_are_404(client: AsyncTestClient[Litestar]) -> None:
    created = await client.post(
        "/architecture/decisions/import",
        json={"files": [{"path": "0001-private.md", "content": "# 1. Private\n\n## Status\n\nAccepted\n"}]},
        headers={"x-test-as": "olivia@acme"},
    )
    assert created.status_code == 200
    record_id = created.json()["files"][0]["id"]
    stranger = await client.get(f"/architecture/decisions/{record_id}/markdown", headers={"x-test-as": "gary@globex"})
    assert stranger.status_code == 404
    unknown = await client.get(f"/architecture/decisions/{uuid.uuid4()}/markdown", headers={"x-test-as": "olivia@acme"})
    assert unknown.status_code == 404


async def test_a_broken_upload_is_a_400_naming_the_file(client: AsyncTestClient[Litestar]) -> None:
    response = await client.post(
        "/architecture/decisions/import/upload",
        files={"adrs": ("broken.zip", b"not a zip", "application/zip")},
        headers={"x-test-as": "hank@hooli"},
    )
    assert response.status_code == 400
    assert "broken.zip" in response.json()["detail"]
