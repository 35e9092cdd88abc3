"""The chassis over HTTP (postgrest-compat with the repo's postgrest.conf): pre_request errors, 409s, sign-in.
Layer: chassis."""

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

pytestmark = pytest.mark.http

ROOT = Path(__file__).resolve().parents[3]
SECRET = "chassis-http-test-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> str:
    name = clone_database("http")
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


def _tenant_id(db: str, slug: str) -> str:
    with psycopg.connect(dbname=db) as conn:
        return tokens.tenant_id_for(conn, slug)


def _auth(subject: str, tenant_id: str | None = None, **extra: str) -> dict[str, str]:
    token = tokens.mint_token(
        tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id),
        secret=SECRET,
        ttl=timedelta(minutes=5),
    )
    return {"Authorization": f"Bearer {token}", **extra}


def test_member_reads_me_and_members(api: httpx.Client, db: str) -> None:
    acme = _tenant_id(db, "acme")
    me = api.get("/me", headers=_auth("mia", acme))
    assert me.status_code == 200, me.text
    assert me.json()[0]["subject"] == "mia"
    assert me.json()[0]["current_tenant_role"] == "member"
    members = api.get("/members", headers=_auth("mia", acme))
    assert sorted(m["email"] for m in members.json()) == [
        f"{s}@example.test" for s in ("adam", "dora", "mia", "olivia", "victor")
    ]


def test_x_tenant_id_header_selects_the_tenant(api: httpx.Client, db: str) -> None:
    resp = api.get("/me", headers=_auth("adam", None, **{"X-Tenant-Id": _tenant_id(db, "acme")}))
    assert resp.json()[0]["current_tenant_role"] == "admin"


@pytest.mark.parametrize(
    ("subject", "slug", "status", "message"),
    [
        ("gary", "acme", 403, "not a member of tenant {tenant}"),
        ("mia", "umbrella", 403, "tenant umbrella is suspended"),
        ("dora", "acme", 403, "user is deactivated"),
        ("zoe", "acme", 403, "unknown user cannot select a tenant"),
    ],
)
def test_pre_request_refuses_with_precise_errors(
    api: httpx.Client, db: str, subject: str, slug: str, status: int, message: str
) -> None:
    tenant = _tenant_id(db, slug)
    resp = api.get("/me", headers=_auth(subject, tenant))
    assert resp.status_code == status, resp.text
    assert resp.json()["message"] == message.format(tenant=tenant)
    assert resp.json()["code"] == f"PT{status}"


def test_anonymous_is_denied_the_chassis_views(api: httpx.Client) -> None:
    resp = api.get("/me")
    assert resp.status_code == 401, resp.text
    assert resp.json()["code"] == "42501"


def test_stale_if_match_is_a_409_naming_the_current_version(api: httpx.Client, db: str) -> None:
    globex = _tenant_id(db, "globex")
    owner = _auth("gary", globex)
    current = api.get(f"/my_tenants?id=eq.{globex}&select=version", headers=owner).json()[0]["version"]
    ok = api.patch(
        f"/my_tenants?id=eq.{globex}",
        json={"name": "Globex Corp"},
        headers={**owner, "If-Match": f'"{current}"', "Prefer": "return=representation"},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()[0]["version"] == current + 1
    stale = api.patch(
        f"/my_tenants?id=eq.{globex}", json={"name": "Stale"}, headers={**owner, "If-Match": str(current)}
    )
    assert stale.status_code == 409, stale.text
    assert stale.json()["message"] == f"stale version: current version is {current + 1}"
    body = api.patch(f"/my_tenants?id=eq.{globex}", json={"name": "Stale", "version": current}, headers=owner)
    assert body.status_code == 409, body.text


def test_sign_in_bootstraps_a_new_user_once(api: httpx.Client) -> None:
    first = api.post("/rpc/sign_in", headers=_auth("newcomer"))
    assert first.status_code == 200, first.text
    assert first.json()["created"] is True
    again = api.post("/rpc/sign_in", headers=_auth("newcomer"))
    assert again.status_code == 200, again.text
    assert again.json()["created"] is False
    assert again.json()["personal_tenant_id"] == first.json()["personal_tenant_id"]


def test_viewer_cannot_invite(api: httpx.Client, db: str) -> None:
    resp = api.post("/rpc/invite", json={"role": "member"}, headers=_auth("victor", _tenant_id(db, "acme")))
    assert resp.status_code == 403, resp.text
    assert resp.json()["message"] == "only owners and admins can invite"
