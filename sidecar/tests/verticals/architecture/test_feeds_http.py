"""Feed subscriptions and articles over HTTP (postgrest-compat with the repo's postgrest.conf): status codes and
PostgREST-shaped errors as a frontend sees them. Layer: vertical."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import psycopg
import pytest

from postgrest_compat.testing import running_server
from sidecar.chassis import tokens

pytestmark = [pytest.mark.http, pytest.mark.db]

ROOT = Path(__file__).resolve().parents[4]
SECRET = "feeds-http-test-secret-0123456789abcdef0123"


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> str:
    name = clone_database("feedshttp")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return name


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[httpx.Client]:
    uri = f"postgresql://authenticator@/{db}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"
    with (
        running_server(str(ROOT / "postgrest.conf"), {"PGRST_DB_URI": uri, "PGRST_JWT_SECRET": SECRET}) as url,
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        yield client


def _auth(db: str, subject: str, tenant: str | None = None) -> dict[str, str]:
    with psycopg.connect(dbname=db) as conn:
        tenant_id = tokens.tenant_id_for(conn, tenant) if tenant else None
    identity = tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id)
    return {"Authorization": f"Bearer {tokens.mint_token(identity, secret=SECRET, ttl=timedelta(minutes=5))}"}


def test_member_subscribes_and_reads_the_status(api: httpx.Client, db: str) -> None:
    mia = _auth(db, "mia", "acme")
    created = api.post("/rpc/architecture_feed_subscribe", json={"url": "https://feeds.example.test/weekly"},
                       headers=mia)  # fmt: skip
    assert created.status_code == 200, created.text
    assert created.json()["status"] == "active"
    listed = api.get("/architecture_feed_subscriptions?select=url,error_count,last_error", headers=mia)
    assert listed.json() == [{"url": "https://feeds.example.test/weekly", "error_count": 0, "last_error": None}]
    assert api.get("/architecture_articles?select=id", headers=mia).json() == []


@pytest.mark.parametrize(
    ("who", "tenant", "body", "status", "code"),
    [
        ("victor", "acme", {"url": "https://feeds.example.test/v"}, 403, "PT403"),
        ("mia", "acme", {"url": "file:///etc/passwd"}, 400, "PT400"),
        ("nina", None, {"url": "https://feeds.example.test/n"}, 400, "PT400"),
    ],
)
def test_refusals_are_postgrest_shaped(
    api: httpx.Client, db: str, who: str, tenant: str | None, body: dict[str, str], status: int, code: str
) -> None:
    response = api.post("/rpc/architecture_feed_subscribe", json=body, headers=_auth(db, who, tenant))
    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    assert set(response.json()) >= {"code", "message", "details", "hint"}


def test_anonymous_is_refused(api: httpx.Client) -> None:
    assert api.get("/architecture_articles").status_code == 401
    assert api.post("/rpc/architecture_feed_subscribe", json={"url": "https://x.test/"}).status_code == 401


def test_other_tenant_cannot_unsubscribe(api: httpx.Client, db: str) -> None:
    mia = _auth(db, "mia", "acme")
    sub = api.post("/rpc/architecture_feed_subscribe", json={"url": "https://feeds.example.test/x"}, headers=mia)
    response = api.post("/rpc/architecture_feed_unsubscribe", json={"id": sub.json()["id"]},
                        headers=_auth(db, "gary", "globex"))  # fmt: skip
    assert (response.status_code, response.json()["code"]) == (404, "PT404")
