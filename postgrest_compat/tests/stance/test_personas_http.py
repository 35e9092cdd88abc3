"""Stance's chassis api through postgrest-compat with the repository's postgrest.conf (PGRST_* overrides): each
persona sees over HTTP exactly what sql/tests/chassis/api_views.test.sql and api_anon.test.sql assert in SQL.

Layer: postgrest_compat (tests) over Stance's schema. Personas from tests.personas(): acme — olivia owner, adam
admin, mia member, victor viewer; globex — gary owner (the stranger to acme); anon has no JWT.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from postgrest_compat.testing import mint_jwt, running_server

pytestmark = [pytest.mark.db, pytest.mark.http]

ROOT = Path(__file__).resolve().parents[3]
SECRET = "stance-personas-http-secret-0123456789"
ISSUER = "https://dev.stance.local"
ACME_EMAILS = sorted(f"{s}@example.test" for s in ("olivia", "adam", "mia", "victor", "dora"))


@pytest.fixture(scope="module")
def ids(clone_database, admin_conninfo: str) -> dict[str, str]:
    """A template clone with the personas and one invitation per team (as api_views.test.sql arranges)."""
    name = clone_database("personas")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('tests', 'persona http fixtures')")
        conn.execute("select tests.personas()")
        rows = conn.execute(
            "select 'db', %s union all select slug::text, id::text from chassis.tenants"
            " union all select 'user:' || subject, id::text from chassis.users"
            " union all select 'personal:olivia', tests.personal_tenant_id('olivia')::text",
            (name,),
        ).fetchall()
    return dict(rows)


@pytest.fixture(scope="module")
def api(ids: dict[str, str]) -> Iterator[httpx.Client]:
    uri = f"postgresql://authenticator@/{ids['db']}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"
    env = {"PGRST_DB_URI": uri, "PGRST_JWT_SECRET": SECRET}
    with running_server(str(ROOT / "postgrest.conf"), env) as url, httpx.Client(base_url=url, timeout=10) as client:
        for sub, slug, role in (("olivia", "acme", "member"), ("gary", "globex", "viewer")):
            r = client.post("/rpc/invite", json={"role": role}, headers=as_(ids, sub, slug))
            assert r.status_code == 200, r.text
        yield client


def as_(ids: dict[str, str], sub: str, slug: str | None = None) -> dict[str, str]:
    """Authorization for the claims tests.claims(sub, slug) builds."""
    claims = {
        "role": "authenticated",
        "iss": ISSUER,
        "sub": sub,
        "aud": "stance",
        "email": f"{sub}@example.test",
        "name": sub.title(),
        "exp": int(time.time()) + 600,
    }
    if slug:
        claims["tenant_id"] = ids[slug]
    return {"Authorization": f"Bearer {mint_jwt(SECRET, claims)}"}


def get(api: httpx.Client, path: str, headers: dict[str, str], **params: str) -> list[dict]:
    r = api.get(path, params=params, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def test_owner(api, ids) -> None:
    h = as_(ids, "olivia", "acme")
    assert get(api, "/me", h, select="id,current_tenant_role") == [
        {"id": ids["user:olivia"], "current_tenant_role": "owner"}
    ]
    mine = get(api, "/my_tenants", h, select="id,role,is_current")
    assert sorted((t["id"], t["role"], t["is_current"]) for t in mine) == sorted(
        [(ids["personal:olivia"], "owner", False), (ids["acme"], "owner", True)]
    )
    members = get(api, "/members", h, select="email,role")
    assert sorted(m["email"] for m in members) == ACME_EMAILS
    assert {m["email"]: m["role"] for m in members}["adam@example.test"] == "admin"
    assert [(i["tenant_id"], i["role"]) for i in get(api, "/invitations", h)] == [(ids["acme"], "member")]
    assert get(api, "/members", h, tenant_id=f"eq.{ids['globex']}") == []


def test_admin(api, ids) -> None:
    h = as_(ids, "adam", "acme")
    assert get(api, "/me", h, select="current_tenant_role") == [{"current_tenant_role": "admin"}]
    r = api.get("/invitations", headers={**h, "Prefer": "count=exact"}, params={"select": "id"})
    assert r.headers["content-range"] == "0-0/1"
    assert len(get(api, "/members", h)) == 5


def test_member(api, ids) -> None:
    h = as_(ids, "mia", "acme")
    assert len(get(api, "/members", h)) == 5
    assert get(api, "/invitations", h) == []
    assert get(api, "/my_tenants", h, select="slug", kind="eq.team") == [{"slug": "acme"}]


def test_viewer(api, ids) -> None:
    h = as_(ids, "victor", "acme")
    assert get(api, "/invitations", h) == []
    assert len(get(api, "/members", h)) == 5


def test_stranger(api, ids) -> None:
    h = as_(ids, "gary", "globex")
    assert get(api, "/members", h, select="email") == [{"email": "gary@example.test"}]
    assert get(api, "/invitations", h, select="tenant_id") == [{"tenant_id": ids["globex"]}]
    assert get(api, "/my_tenants", h, slug="eq.acme") == []
    r = api.patch(
        "/my_tenants",
        params={"id": f"eq.{ids['acme']}"},
        json={"name": "Pwned"},
        headers={**h, "Prefer": "return=representation"},
    )
    assert r.status_code == 200 and r.json() == []


def test_stranger_forging_a_tenant_claim_is_refused(api, ids) -> None:
    r = api.get("/members", headers=as_(ids, "gary", "acme"))
    assert r.status_code == 403 and r.json()["code"] == "PT403"
    assert r.json()["message"] == f"not a member of tenant {ids['acme']}"


def test_no_tenant_selected(api, ids) -> None:
    h = as_(ids, "mia")
    assert get(api, "/members", h) == []
    assert get(api, "/me", h, select="subject") == [{"subject": "mia"}]


def test_tenant_writes_by_role(api, ids) -> None:
    rollback = {"Prefer": "return=representation,tx=rollback"}
    acme = {"id": f"eq.{ids['acme']}", "select": "name"}
    r = api.patch(
        "/my_tenants", params=acme, json={"name": "Acme Corp"}, headers={**as_(ids, "olivia", "acme"), **rollback}
    )
    assert r.status_code == 200 and r.json() == [{"name": "Acme Corp"}]
    r = api.patch(
        "/my_tenants", params=acme, json={"slug": "acme2"}, headers={**as_(ids, "olivia", "acme"), **rollback}
    )
    assert r.status_code == 403 and r.json()["code"] == "42501"
    for sub in ("mia", "victor"):
        r = api.patch("/my_tenants", params=acme, json={"name": "Mine"}, headers={**as_(ids, sub, "acme"), **rollback})
        assert r.status_code == 200 and r.json() == [], sub


@pytest.mark.parametrize("path", ["/me", "/my_tenants", "/members", "/invitations"])
def test_anon_reads_nothing(api, path) -> None:
    r = api.get(path)
    assert r.status_code == 401 and r.json()["code"] == "42501"
    assert r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        ("sign_in", {}),
        ("create_team", {"name": "Anon", "slug": "anon-team"}),
        ("invite", {"role": "member"}),
        ("accept_invitation", {"token": "inv_x"}),
        ("leave_tenant", {}),
    ],
)
def test_anon_calls_no_rpc(api, fn, args) -> None:
    r = api.post(f"/rpc/{fn}", json=args)
    assert r.status_code == 401 and r.json()["code"] == "42501", r.text


@pytest.mark.parametrize(
    ("sub", "slug", "role", "status", "code", "message"),
    [
        ("adam", "acme", "owner", 403, "PT403", "only owners can invite owners"),
        ("mia", "acme", "member", 403, "PT403", "only owners and admins can invite"),
        ("victor", "acme", "viewer", 403, "PT403", "only owners and admins can invite"),
        ("mia", None, "member", 400, "PT400", "no tenant selected"),
        ("olivia", "acme", "boss", 400, "PT400", "unknown role boss"),
    ],
)
def test_invite_refusals_as_pgtap_says(api, ids, sub, slug, role, status, code, message) -> None:
    r = api.post("/rpc/invite", json={"role": role}, headers={**as_(ids, sub, slug), "Prefer": "tx=rollback"})
    assert r.status_code == status and r.json()["code"] == code and r.json()["message"] == message, r.text
