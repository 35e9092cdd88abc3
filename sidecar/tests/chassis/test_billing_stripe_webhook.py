"""Stripe webhook endpoint over HTTP against the real schema: signatures, redelivery, order, tenant mapping.

Layer: chassis (tests). Stripe itself is the external edge: the test signs bodies the way Stripe does
(`t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`), and the official library verifies them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest
from litestar import Litestar
from litestar.di import Provide
from litestar.testing import AsyncTestClient

from sidecar.chassis.billing.routes import StripeWebhookController
from sidecar.chassis.billing.settings import get_billing_settings

pytestmark = pytest.mark.db
SECRET = "whsec_test_secret"


def sign(body: bytes, at: int | None = None, secret: str = SECRET) -> str:
    t = int(time.time()) if at is None else at
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def sub_event(event_id: str, created: int, price: str, tenant_id: str) -> bytes:
    return json.dumps({
        "id": event_id,
        "object": "event",
        "type": "customer.subscription.updated",
        "created": created,
        "data": {"object": {
            "id": f"sub_{tenant_id[:8]}", "object": "subscription", "customer": f"cus_{tenant_id[:8]}",
            "status": "active",
            "current_period_end": created + 86400, "metadata": {"tenant_id": tenant_id},
            "items": {"data": [{"price": {"id": price}}]},
        }},
    }).encode()  # fmt: skip


@pytest.fixture(scope="module")
def tenants(db_conninfo: str) -> dict[str, str]:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_plan('free', 'Free', true)")
        conn.execute("select chassis.register_plan('pro', 'Pro', false, 'price_pro')")
        conn.execute("select chassis.register_plan('team', 'Team', false, 'price_team')")
        rows = conn.execute("select slug::text, id::text from chassis.tenants where kind = 'team'").fetchall()
    return dict(rows)


@pytest.fixture(scope="module")
def tenant_id(tenants: dict[str, str]) -> str:
    """acme: the tenant of the ordering tests."""
    return tenants["acme"]


@pytest.fixture
async def client(db_conninfo: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[AsyncTestClient[Litestar]]:
    monkeypatch.setenv("SIDECAR_STRIPE_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("SIDECAR_STRIPE_TOLERANCE_SECONDS", "300")
    get_billing_settings.cache_clear()
    sidecar_conninfo = db_conninfo.replace("user=postgres", "user=sidecar")

    async def sidecar_tx() -> AsyncIterator[psycopg.AsyncConnection]:
        async with await psycopg.AsyncConnection.connect(sidecar_conninfo) as conn, conn.transaction():
            yield conn

    app = Litestar([StripeWebhookController], dependencies={"sidecar_tx": Provide(sidecar_tx)})
    async with AsyncTestClient(app) as c:
        yield c
    get_billing_settings.cache_clear()


def plan_of(db_conninfo: str, tenant_id: str) -> str:
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute("select chassis.tenant_plan_id(%s)", (tenant_id,)).fetchone()
    assert row is not None
    return str(row[0])


async def post(client: AsyncTestClient[Litestar], body: bytes, signature: str | None) -> Any:
    headers = {"content-type": "application/json"}
    if signature is not None:
        headers["stripe-signature"] = signature
    return await client.post("/billing/stripe/webhook", content=body, headers=headers)


async def test_valid_signature_applies_the_event(client, tenants, db_conninfo) -> None:
    assert plan_of(db_conninfo, tenants["globex"]) == "free"
    body = sub_event("evt_valid", int(time.time()), "price_pro", tenants["globex"])
    r = await post(client, body, sign(body))
    assert r.status_code == 200, r.text
    assert r.json() == {"event_id": "evt_valid", "outcome": "applied"}
    assert plan_of(db_conninfo, tenants["globex"]) == "pro"


async def test_tampered_body_is_rejected_with_a_postgrest_error(client, tenant_id, db_conninfo) -> None:
    body = sub_event("evt_tampered", int(time.time()), "price_pro", tenant_id)
    signature = sign(body)
    tampered = body.replace(b"price_pro", b"price_team")
    r = await post(client, tampered, signature)
    assert r.status_code == 400
    assert set(r.json()) == {"code", "message", "details", "hint"}
    assert r.json()["code"] == "PT400"
    assert r.json()["message"].startswith("invalid Stripe signature")
    with psycopg.connect(db_conninfo) as conn:
        assert conn.execute("select 1 from chassis.billing_events where event_id = 'evt_tampered'").fetchone() is None


async def test_expired_timestamp_is_rejected(client, tenant_id) -> None:
    body = sub_event("evt_old", int(time.time()), "price_pro", tenant_id)
    r = await post(client, body, sign(body, at=int(time.time()) - 301))
    assert r.status_code == 400
    assert "Timestamp outside the tolerance zone" in r.json()["message"]


async def test_missing_signature_is_rejected(client, tenant_id) -> None:
    body = sub_event("evt_unsigned", int(time.time()), "price_pro", tenant_id)
    r = await post(client, body, None)
    assert r.status_code == 400
    assert r.json()["message"] == "missing Stripe-Signature header"


async def test_signature_with_another_secret_is_rejected(client, tenant_id) -> None:
    body = sub_event("evt_other", int(time.time()), "price_pro", tenant_id)
    r = await post(client, body, sign(body, secret="whsec_someone_else"))
    assert r.status_code == 400


async def test_redelivery_is_acknowledged_without_side_effects(client, tenant_id, db_conninfo) -> None:
    created = int(time.time()) + 10
    body = sub_event("evt_redelivered", created, "price_team", tenant_id)
    first = await post(client, body, sign(body))
    assert first.status_code == 200, first.text
    assert first.json()["outcome"] == "applied"
    again = await post(client, body, sign(body))
    assert again.status_code == 200
    assert again.json()["outcome"] == "duplicate"
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute("select count(*) from chassis.billing_events where event_id = 'evt_redelivered'").fetchone()
    assert row == (1,)


async def test_out_of_order_event_never_overwrites_newer_state(client, tenant_id, db_conninfo) -> None:
    newer = sub_event("evt_newer", int(time.time()) + 20, "price_team", tenant_id)
    older = sub_event("evt_older", int(time.time()) + 15, "price_pro", tenant_id)
    assert (await post(client, newer, sign(newer))).json()["outcome"] == "applied"
    assert (await post(client, older, sign(older))).json()["outcome"] == "stale"
    assert plan_of(db_conninfo, tenant_id) == "team"


async def test_unknown_tenant_is_recorded_and_acknowledged(client, db_conninfo) -> None:
    body = sub_event("evt_stranger", int(time.time()), "price_pro", "00000000-0000-0000-0000-000000000001")
    r = await post(client, body, sign(body))
    assert r.status_code == 200
    assert r.json()["outcome"] == "unknown_tenant"
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute("select outcome from chassis.billing_events where event_id = 'evt_stranger'").fetchone()
    assert row == ("unknown_tenant",)


def test_secret_is_required_to_verify(monkeypatch: pytest.MonkeyPatch) -> None:
    from sidecar.chassis.billing.verify import SignatureError, verify_stripe_event

    with pytest.raises(SignatureError, match="not configured"):
        verify_stripe_event(b"{}", "t=1,v1=00", "", 300)
