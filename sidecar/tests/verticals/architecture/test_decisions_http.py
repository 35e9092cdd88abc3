"""ADRs through PostgREST (postgrest-compat with the repo's postgrest.conf): 409 on stale PATCH with If-Match and on a
stale version in an RPC body, 422/403 bodies for refused moves, tenant isolation. Layer: vertical (architecture).
"""

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
SECRET = "decisions-http-test-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> str:
    name = clone_database("adrhttp")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('tests', 'http fixtures')")
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


def _auth(db: str, subject: str, slug: str) -> dict[str, str]:
    with psycopg.connect(dbname=db) as conn:
        tenant = tokens.tenant_id_for(conn, slug)
    identity = tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant)
    token = tokens.mint_token(identity, secret=SECRET, ttl=timedelta(minutes=5))
    return {"Authorization": f"Bearer {token}"}


def test_stale_writes_get_409_through_postgrest(api: httpx.Client, db: str) -> None:
    mia = _auth(db, "mia", "acme")
    created = api.post("/rpc/architecture_decision_create", json={"title": "Use Postgres"}, headers=mia)
    assert created.status_code == 200, created.text
    record = created.json()
    assert (record["ref"], record["status"], record["version"]) == ("ADR-0001", "draft", 1)

    path = f"/architecture_decisions?id=eq.{record['id']}"
    representation = {"Prefer": "return=representation"}
    fresh = api.patch(path, json={"context": "first"}, headers={**mia, "If-Match": '"1"', **representation})
    assert fresh.status_code == 200, fresh.text
    assert fresh.json()[0]["version"] == 2
    stale = api.patch(path, json={"context": "lost update"}, headers={**mia, "If-Match": '"1"'})
    assert stale.status_code == 409
    assert stale.json()["code"] == "PT409"
    assert stale.json()["message"] == "stale version: current version is 2"

    body = {"id": record["id"], "document": {"context": "stale"}, "version": 1}
    stale_rpc = api.post("/rpc/architecture_decision_update", json=body, headers=mia)
    assert stale_rpc.status_code == 409
    assert api.get(path, headers=mia).json()[0]["context"] == "first"


def test_refused_moves_are_422_and_403_with_precise_bodies(api: httpx.Client, db: str) -> None:
    mia = _auth(db, "mia", "acme")
    record = api.post("/rpc/architecture_decision_create", json={"title": "Use feature flags"}, headers=mia).json()
    move = {"id": record["id"], "status": "accepted"}
    refused = api.post("/rpc/architecture_decision_transition", json=move, headers=mia)
    assert refused.status_code == 422
    assert refused.json()["message"] == f"{record['ref']} cannot move from draft to accepted"
    assert refused.json()["details"] == "allowed from draft: proposed, withdrawn"

    proposed = api.post(
        "/rpc/architecture_decision_transition", json={**move, "status": "proposed", "reason": "ready"}, headers=mia
    )
    assert proposed.json()["status"] == "proposed"
    forbidden = api.post("/rpc/architecture_decision_transition", json=move, headers=mia)
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] == "PT403"
    accepted = api.post("/rpc/architecture_decision_transition", json=move, headers=_auth(db, "adam", "acme"))
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"


def test_other_tenants_and_anonymous_callers_see_nothing(api: httpx.Client, db: str) -> None:
    mia = _auth(db, "mia", "acme")
    record = api.post("/rpc/architecture_decision_create", json={"title": "Private to acme"}, headers=mia).json()
    gary = _auth(db, "gary", "globex")
    assert api.get(f"/architecture_decisions?id=eq.{record['id']}", headers=gary).json() == []
    missing = api.post("/rpc/architecture_decision_update", json={"id": record["id"], "document": {}}, headers=gary)
    assert missing.status_code == 404
    anonymous = api.get("/architecture_decisions")
    assert anonymous.status_code == 401
