"""Billing edge: Stripe webhook verification, fake provider, sync via chassis SQL. Layer: chassis."""

from __future__ import annotations
