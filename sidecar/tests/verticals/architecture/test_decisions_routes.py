"""ADR Markdown endpoints on the real sidecar app (chassis JWT auth, `user_tx` as the caller, PostgREST-shaped
errors): zip upload, zip and single-record export, per-file refusals, 404s, bad uploads.
Layer: vertical (architecture) tests.
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from litestar.testing import AsyncTestClient

from sidecar.chassis import tokens
from sidecar.settings import get_settings
from sidecar.verticals.architecture.decisions.parser import parse

pytestmark = [pytest.mark.db, pytest.mark.http]

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"
SECRET = "decisions-routes-test-secret-0123456789abcdef"
ENV = ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS", "PGRST_JWT_SECRET")


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select tests.create_tenant('hooli', 'hank')")
    return db_conninfo


@pytest.fixture
async def client(seeded_db: str) -> AsyncIterator[AsyncTestClient[Any]]:
    from sidecar.app import create_app

    saved = {k: os.environ.get(k) for k in ENV}
    os.environ.update({
        "SIDECAR_DATABASE_URL": seeded_db.replace("user=postgres", "user=sidecar"),
        "SIDECAR_VERTICALS": "architecture",
        "PGRST_JWT_SECRET": SECRET,
    })  # fmt: skip
    get_settings.cache_clear()
    try:
        async with AsyncTestClient(create_app()) as test_client:
            yield test_client
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        get_settings.cache_clear()


def _auth(db: str, who: str) -> dict[str, str]:
    subject, slug = who.split("@")
    with psycopg.connect(db) as conn:
        tenant_id = tokens.tenant_id_for(conn, slug)
    identity = tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id)
    return {"Authorization": f"Bearer {tokens.mint_token(identity, secret=SECRET, ttl=timedelta(minutes=5))}"}


def _fixture_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(FIXTURES.glob("*.md")):
            archive.writestr(f"docs/adr/{path.name}", path.read_text())
        archive.writestr("docs/adr/README.md", "# Decisions\n")
    return buffer.getvalue()


async def test_upload_zip_then_export_zip_and_one_record(client: AsyncTestClient[Any], seeded_db: str) -> None:
    hank = _auth(seeded_db, "hank@hooli")
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


async def test_records_of_another_tenant_and_unknown_ids_are_404(client: AsyncTestClient[Any], seeded_db: str) -> None:
    created = await client.post(
        "/architecture/decisions/import",
        json={"files": [{"path": "0001-private.md", "content": "# 1. Private\n\n## Status\n\nAccepted\n"}]},
        headers=_auth(seeded_db, "olivia@acme"),
    )
    assert created.status_code == 200
    record_id = created.json()["files"][0]["id"]
    url = f"/architecture/decisions/{record_id}/markdown"
    stranger = await client.get(url, headers=_auth(seeded_db, "gary@globex"))
    assert stranger.status_code == 404
    unknown_url = f"/architecture/decisions/{uuid.uuid4()}/markdown"
    unknown = await client.get(unknown_url, headers=_auth(seeded_db, "olivia@acme"))
    assert unknown.status_code == 404


async def test_a_broken_upload_is_a_400_naming_the_file(client: AsyncTestClient[Any], seeded_db: str) -> None:
    response = await client.post(
        "/architecture/decisions/import/upload",
        files={"adrs": ("broken.zip", b"not a zip", "application/zip")},
        headers=_auth(seeded_db, "hank@hooli"),
    )
    assert response.status_code == 400
    assert "broken.zip" in response.json()["message"]


async def test_a_viewer_is_refused_per_file_and_anonymous_callers_get_401(
    client: AsyncTestClient[Any], seeded_db: str
) -> None:
    sample = FIXTURES / "0001-record-architecture-decisions.md"
    body = {"files": [{"path": sample.name, "content": sample.read_text()}]}
    viewer = await client.post("/architecture/decisions/import", json=body, headers=_auth(seeded_db, "victor@acme"))
    assert viewer.status_code == 200
    assert viewer.json()["files"][0]["action"] == "failed"
    assert viewer.json()["files"][0]["problems"] == [
        "importing a accepted record needs the architecture.decision.decide action"
    ]
    anonymous = await client.get("/architecture/decisions/export.zip")
    assert anonymous.status_code == 401
