"""Billing service: record a verified provider event and sync its object; the fake provider's events.

Layer: chassis. Every write goes through chassis.billing_apply_event_v1 (granted to the sidecar role only).
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb


async def apply_event(conn: AsyncConnection, provider: str, event: dict[str, Any]) -> str:
    """Record and apply one event; returns applied, duplicate, stale, ignored or unknown_tenant."""
    cur = await conn.execute("select chassis.billing_apply_event_v1(%s, %s)", (provider, Jsonb(event)))
    row = await cur.fetchone()
    assert row is not None
    return str(row[0])


def fake_subscription_event(tenant_id: str, plan_id: str, status: str = "active") -> dict[str, Any]:
    """A Stripe-shaped `customer.subscription.updated` event as the fake provider emits it (plan in metadata)."""
    now = time.time()
    return {
        "id": f"evt_fake_{uuid.uuid4().hex}",
        "object": "event",
        "type": "customer.subscription.updated",
        "created": now,
        "data": {
            "object": {
                "id": f"sub_fake_{tenant_id.replace('-', '')}",
                "object": "subscription",
                "customer": f"cus_fake_{tenant_id.replace('-', '')}",
                "status": status,
                "cancel_at_period_end": False,
                "current_period_end": int(now) + 30 * 86400,
                "metadata": {"tenant_id": tenant_id, "plan_id": plan_id},
                "items": {"data": []},
            }
        },
    }


async def fake_change_plan(conn: AsyncConnection, tenant_id: str, plan_id: str) -> str:
    """Move a tenant to a plan without Stripe (make run): the same ledger and sync path as real events."""
    return await apply_event(conn, "fake", fake_subscription_event(tenant_id, plan_id))
