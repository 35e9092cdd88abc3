"""HTTP: POST /billing/stripe/webhook — verified Stripe events into the ledger. Layer: chassis.

Answers 400 in PostgREST's error shape without a valid signature, 200 with the outcome otherwise (a duplicate or
stale event is acknowledged, so Stripe stops retrying it). Needs the `sidecar_tx` dependency: a transaction as the
sidecar role itself (no user: the signature is the authentication).
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, post
from psycopg import AsyncConnection

from postgrest_compat.errors import ApiError
from sidecar.chassis.billing.service import apply_event
from sidecar.chassis.billing.settings import get_billing_settings
from sidecar.chassis.billing.verify import SignatureError, verify_stripe_event


class StripeWebhookController(Controller):
    """Receives Stripe's webhook deliveries."""

    path = "/billing/stripe"
    tags = ["billing"]

    @post("/webhook", status_code=200)
    async def receive(self, request: Request[Any, Any, Any], sidecar_tx: AsyncConnection) -> Response[Any]:
        """Verify the signature on the raw body, then record and apply the event."""
        settings = get_billing_settings()
        payload = await request.body()
        try:
            event = verify_stripe_event(
                payload,
                request.headers.get("stripe-signature"),
                settings.stripe_webhook_secret,
                settings.stripe_tolerance_seconds,
            )
        except SignatureError as exc:
            hint = "send the raw body with the Stripe-Signature header Stripe made"
            err = ApiError(400, "PT400", str(exc), hint=hint)
            return Response(err.body(), status_code=400)
        outcome = await apply_event(sidecar_tx, "stripe", event)
        return Response({"event_id": event["id"], "outcome": outcome}, status_code=200)
