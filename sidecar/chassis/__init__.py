"""The chassis layer of the sidecar: auth, request context, idempotency, health, jobs, billing, email, webhooks.

Layer: chassis.
"""

from __future__ import annotations
