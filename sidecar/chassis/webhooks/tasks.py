"""Worker task `webhook_deliveries__send` (queue webhooks): one signed attempt of one delivery. Layer: chassis.

Runs under the job's principal (`as_job`); the retry schedule and the dead state live in SQL
(chassis.webhook_delivery_finish_v1), so the task itself succeeds whatever the receiver answered.
"""

from __future__ import annotations

from procrastinate.job_context import JobContext

from sidecar.chassis.jobs.app import task
from sidecar.chassis.jobs.runtime import as_job
from sidecar.chassis.net import policy_from_env
from sidecar.chassis.webhooks.delivery import send_delivery


@task("webhook_deliveries__send", queue="webhooks")
async def webhook_deliveries__send(context: JobContext, delivery_id: str) -> str | None:
    """Send the delivery if it is due; returns its new status (None when there was nothing to do)."""
    return await send_delivery(as_job, delivery_id, policy_from_env())
