"""The email send job's work: read the queued message, render its template, send, record. Layer: chassis.

Idempotent: a message already sent (or dead) yields no row from chassis.email_message_start_v1 and nothing is sent.
`connect` opens a transaction as the sidecar role.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from psycopg import AsyncConnection

from sidecar.chassis import metrics
from sidecar.chassis.email.port import EmailSender, OutgoingEmail
from sidecar.chassis.email.settings import app_url
from sidecar.chassis.email.templates import TemplateError, render

Connect = Callable[[], AbstractAsyncContextManager[AsyncConnection]]


async def send_queued_email(connect: Connect, sender: EmailSender, message_id: str) -> str | None:
    """Send one queued message; returns its new status (sent, retrying, dead) or None when nothing was due."""
    async with connect() as conn:
        cur = await conn.execute("select kind, to_address, data from chassis.email_message_start_v1(%s)", (message_id,))
        row = await cur.fetchone()
    if row is None:
        return None
    kind, to_address, data = row
    error: str | None = None
    permanent = False
    try:
        subject, text = render(kind, {"app_url": app_url(), **data})
        await sender.send(OutgoingEmail(to=to_address, subject=subject, text=text, message_id=message_id))
    except TemplateError as exc:
        error, permanent = f"template: {exc}", True
    except OSError as exc:
        error = f"{exc.__class__.__name__}: {exc}"
    async with connect() as conn:
        cur = await conn.execute("select chassis.email_message_finish_v1(%s, %s, %s)", (message_id, error, permanent))
        status = await cur.fetchone()
    assert status is not None
    metrics.count_email(str(status[0]))
    return str(status[0])
