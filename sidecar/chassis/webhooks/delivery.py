"""Outbound webhook delivery: one signed attempt per job, through the SSRF-guarded fetch. Layer: chassis.

The delivery job (`webhook_deliveries__send`, queue `webhooks`) calls `send_delivery`. State lives in SQL:
chassis.webhook_delivery_start_v1 hands out a due delivery under a lease (no row: nothing to do, so duplicate jobs
are harmless; a leased or later-scheduled delivery: RetryLater, so a crashed attempt is retried after its lease).
chassis.webhook_delivery_finish_v1 records the attempt and decides delivered / retrying (a new job after
exponential backoff with jitter) / dead. Requests are signed Standard-Webhooks style with the endpoint's secret:
headers webhook-id (stable across retries), webhook-timestamp, webhook-signature (v1,<base64 HMAC>).
Redirects are not followed (a 3xx is a failed attempt).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime

from psycopg import AsyncConnection
from standardwebhooks.webhooks import Webhook

from sidecar.chassis import metrics
from sidecar.chassis.jobs.app import RetryLater
from sidecar.chassis.net import AddressPolicy, FetchError, fetch

Connect = Callable[[], AbstractAsyncContextManager[AsyncConnection]]
USER_AGENT = "Stance-Webhooks/1"


def signed_headers(secret: str, message_id: str, body: str, at: datetime) -> dict[str, str]:
    """The Standard Webhooks headers for one request body."""
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
    }


async def send_delivery(connect: Connect, delivery_id: str, policy: AddressPolicy, timeout: float = 10.0) -> str | None:
    """Make one attempt of a delivery; returns delivered, retrying, dead, or None when there is nothing to send.

    Raises:
        RetryLater: the delivery is in flight but leased by another attempt or scheduled later.
    """
    async with connect() as conn:
        cur = await conn.execute(
            "select message_id, url, secret, body, wait_seconds from chassis.webhook_delivery_start_v1(%s)",
            (delivery_id,),
        )
        row = await cur.fetchone()
    if row is None:
        return None
    message_id, url, secret, body, wait_seconds = row
    if wait_seconds:
        raise RetryLater(f"delivery {delivery_id} is leased or scheduled later", seconds=wait_seconds)
    payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    headers = signed_headers(secret, message_id, payload, datetime.now(UTC))
    started = time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        result = await fetch(
            url,
            policy=policy,
            method="POST",
            content=payload.encode(),
            headers=headers,
            max_redirects=0,
            max_bytes=64 * 1024,
            total_timeout=timeout,
            user_agent=USER_AGENT,
        )
        status = result.status
        if not 200 <= status < 300:
            error = f"HTTP {status}: {result.body[:200].decode('utf-8', 'replace')}"
    except FetchError as exc:
        error = f"{exc.__class__.__name__}: {exc}"
    duration_ms = int((time.perf_counter() - started) * 1000)
    async with connect() as conn:
        cur = await conn.execute(
            "select chassis.webhook_delivery_finish_v1(%s, %s, %s, %s)", (delivery_id, status, error, duration_ms)
        )
        outcome = await cur.fetchone()
    assert outcome is not None
    metrics.count_webhook(str(outcome[0]))
    return str(outcome[0])
