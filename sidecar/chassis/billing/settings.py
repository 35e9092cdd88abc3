"""Billing settings from SIDECAR_BILLING_* / SIDECAR_STRIPE_* environment variables. Layer: chassis."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class BillingSettings:
    """provider: `fake` (local, default) or `stripe`; the Stripe endpoint needs the signing secret."""

    provider: str = "fake"
    stripe_webhook_secret: str = ""
    stripe_tolerance_seconds: int = 300


@cache
def get_billing_settings() -> BillingSettings:
    """Read once per process."""
    provider = os.environ.get("SIDECAR_BILLING_PROVIDER", "fake")
    if provider not in ("fake", "stripe"):
        raise ValueError(f"SIDECAR_BILLING_PROVIDER must be fake or stripe, not {provider!r}")
    return BillingSettings(
        provider=provider,
        stripe_webhook_secret=os.environ.get("SIDECAR_STRIPE_WEBHOOK_SECRET", ""),
        stripe_tolerance_seconds=int(os.environ.get("SIDECAR_STRIPE_TOLERANCE_SECONDS", "300")),
    )
