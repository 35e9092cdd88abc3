"""HTTP: POST /billing/plan — an owner moves the current tenant to another plan. Layer: chassis.

With the fake provider (make run) the change is applied at once through the same event ledger and guarded sync
as Stripe's webhooks. With Stripe, plans change in Stripe (Checkout / customer portal) and arrive by webhook, so
this answers 409.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, post
from psycopg import AsyncConnection

from postgrest_compat.errors import ApiError
from sidecar.chassis.billing.service import fake_change_plan
from sidecar.chassis.billing.settings import get_billing_settings
from sidecar.db import as_sidecar


class PlanChange(msgspec.Struct):
    """The plan to move to."""

    plan_id: str


class PlanController(Controller):
    """Plan changes for the caller's current tenant."""

    path = "/billing"
    tags = ["billing"]

    @post("/plan", status_code=200)
    async def change_plan(
        self, request: Request[Any, Any, Any], data: PlanChange, user_tx: AsyncConnection
    ) -> dict[str, str]:
        """Owners only (chassis.billing.manage); the tenant is the request's."""
        cur = await user_tx.execute("select chassis.require_tenant()::text, chassis.can('chassis.billing.manage')")
        row = await cur.fetchone()
        assert row is not None
        tenant_id, allowed = row
        if not allowed:
            raise ApiError(403, "PT403", "only owners can change the plan")
        if get_billing_settings().provider != "fake":
            raise ApiError(
                409, "PT409", "plans change in Stripe", hint="use Stripe Checkout or the customer portal; the change "
                "arrives by webhook"
            )  # fmt: skip
        async with as_sidecar(request.app.state.pool, request.app.state.pgrst_config) as conn:
            outcome = await fake_change_plan(conn, tenant_id, data.plan_id)
        return {"tenant_id": tenant_id, "plan_id": data.plan_id, "outcome": outcome}
