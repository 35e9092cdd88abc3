"""Worker task `email_messages__send` (queue email): render and send one queued message. Layer: chassis.

Runs under the job's principal (`as_job`); the adapter comes from SIDECAR_EMAIL_ADAPTER (console by default).
Retries and the dead state live in SQL (chassis.email_message_finish_v1).
"""

from __future__ import annotations

from functools import cache

from procrastinate.job_context import JobContext

from sidecar.chassis.email.port import EmailSender
from sidecar.chassis.email.service import send_queued_email
from sidecar.chassis.email.settings import sender_from_env
from sidecar.chassis.jobs.app import task
from sidecar.chassis.jobs.runtime import as_job


@cache
def _sender() -> EmailSender:
    return sender_from_env()


@task("email_messages__send", queue="email")
async def email_messages__send(context: JobContext, message_id: str) -> str | None:
    """Send the message if it is still queued; returns its new status (None when there was nothing to do)."""
    return await send_queued_email(as_job, _sender(), message_id)
