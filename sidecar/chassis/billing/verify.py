"""Stripe webhook signature verification on the raw body, with the official `stripe` library. Layer: chassis."""

from __future__ import annotations

import json
from typing import Any

import stripe


class SignatureError(Exception):
    """The request does not carry a valid Stripe signature for this body (or the body is not an event)."""


def verify_stripe_event(payload: bytes, signature: str | None, secret: str, tolerance: int) -> dict[str, Any]:
    """Return the event as a dict when `signature` (the Stripe-Signature header) signs `payload` within tolerance.

    Raises:
        SignatureError: missing header, no secret configured, wrong or expired signature, or not a JSON event.
    """
    if not secret:
        raise SignatureError("the Stripe webhook secret is not configured (SIDECAR_STRIPE_WEBHOOK_SECRET)")
    if not signature:
        raise SignatureError("missing Stripe-Signature header")
    try:
        stripe.Webhook.construct_event(payload, signature, secret, tolerance=tolerance)
    except stripe.SignatureVerificationError as exc:
        raise SignatureError(f"invalid Stripe signature: {exc.user_message or exc}") from exc
    except ValueError as exc:
        raise SignatureError(f"the body is not a JSON event: {exc}") from exc
    event = json.loads(payload)
    if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
        raise SignatureError("the body is not a Stripe event (no id or type)")
    return event
