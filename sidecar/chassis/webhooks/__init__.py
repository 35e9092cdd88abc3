"""Outbound webhooks: Standard Webhooks signing and the delivery job's work. Layer: chassis."""

from __future__ import annotations
