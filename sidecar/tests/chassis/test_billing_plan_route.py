"""POST /billing/plan on the real sidecar app: owners change plans through the fake provider's ledger path;
others are refused. Layer: chassis (tests)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from litestar.testing import AsyncTestClient

from sidecar.chassis import tokens
from sidecar.chassis.billing.settings import get_billing_settings
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]
SECRET = "plan-route-test-secret-0123456789abcdef"
ENV = ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS", "PGRST_JWT_SECRET", "SIDECAR_BILLING_PROVIDER")


@pytest.fixture(scope="module")
def seeded(db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_plan('free', 'Free', true)")
        conn.execute("select chassis.register_plan('pro', 'Pro')")
    return db_conninfo


@pytest.fixture
async def client(seeded: str) -> AsyncIterator[AsyncTestClient[Any]]:
    from sidecar.app import create_app

    saved = {k: os.environ.get(k) for k in ENV}
    os.environ.update({
        "SIDECAR_DATABASE_URL": seeded.replace("user=postgres", "user=sidecar"),
        "SIDECAR_VERTICALS": "",
        "PGRST_JWT_SECRET": SECRET,
        "SIDECAR_BILLING_PROVIDER": "fake",
    })  # fmt: skip
    get_settings.cache_clear()
    get_billing_settings.cache_clear()
    try:
        async with AsyncTestClient(create_app()) as c:
            yield c
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old
        get_settings.cache_clear()
        get_billing_settings.cache_clear()


def auth(db: str, subject: str, slug: str) -> dict[str, str]:
    with psycopg.connect(db) as conn:
        tenant_id = tokens.tenant_id_for(conn, slug)
    token = tokens.mint_token(
        tokens.Identity(subject, f"{subject}@example.test", subject.title(), tenant_id),
        secret=SECRET,
        ttl=timedelta(minutes=5),
    )
    return {"Authorization": f"Bearer {token}"}


def plan_of(db: str, slug: str) -> str:
    with psycopg.connect(db) as conn:
        row = conn.execute("select chassis.tenant_plan_id(tests.tenant_id(%s))", (slug,)).fetchone()
    assert row is not None
    return str(row[0])


async def test_owner_changes_the_plan(client, seeded) -> None:
    r = await client.post("/billing/plan", json={"plan_id": "pro"}, headers=auth(seeded, "gary", "globex"))
    assert r.status_code == 200, r.text
    assert r.json()["outcome"] == "applied"
    assert plan_of(seeded, "globex") == "pro"


async def test_admin_and_member_are_refused(client, seeded) -> None:
    for subject in ("adam", "mia"):
        r = await client.post("/billing/plan", json={"plan_id": "pro"}, headers=auth(seeded, subject, "acme"))
        assert r.status_code == 403
        assert r.json()["message"] == "only owners can change the plan"
    assert plan_of(seeded, "acme") == "free"


async def test_unknown_plan_is_422(client, seeded) -> None:
    r = await client.post("/billing/plan", json={"plan_id": "platinum"}, headers=auth(seeded, "olivia", "acme"))
    assert r.status_code == 422
    assert "no plan matches" in r.json()["message"]


async def test_with_stripe_plans_change_in_stripe(client, seeded) -> None:
    os.environ["SIDECAR_BILLING_PROVIDER"] = "stripe"
    get_billing_settings.cache_clear()
    r = await client.post("/billing/plan", json={"plan_id": "pro"}, headers=auth(seeded, "olivia", "acme"))
    assert r.status_code == 409
    assert r.json()["code"] == "PT409"
