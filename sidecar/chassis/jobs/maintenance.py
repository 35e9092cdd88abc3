"""System jobs: recovery of jobs stalled by a killed worker, pruning of old finished jobs (periodic). Layer: chassis.

procrastinate marks a job `doing` with its worker id; a worker that dies stops sending heartbeats. Jobs of workers
silent for longer than SIDECAR_STALLED_AFTER_SECONDS are put back to `todo` (their attempt counted), so another
worker runs them; tasks are idempotent, so a partly done attempt is harmless.
"""

from __future__ import annotations

import logging

from procrastinate.job_context import JobContext

from sidecar.chassis.jobs.app import jobs_app, task
from sidecar.settings import get_settings

log = logging.getLogger("sidecar.jobs")
RECOVER_TASK = "jobs__recover_stalled"
PRUNE_TASK = "jobs__prune_finished"


async def recover_stalled(seconds_since_heartbeat: float) -> list[int]:
    """Retry every job whose worker has been silent that long; returns their ids."""
    manager = jobs_app.job_manager
    stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=seconds_since_heartbeat))
    ids: list[int] = []
    for job in stalled:
        if job.task_name == RECOVER_TASK:
            continue
        await manager.retry_job(job)
        ids.append(int(job.id or 0))
    if ids:
        log.warning("recovered stalled jobs %s", ids)
    return ids


@jobs_app.periodic(cron="* * * * *", periodic_id="recover")
@task(RECOVER_TASK, queue="default", system=True)
async def jobs__recover_stalled(context: JobContext, timestamp: int) -> int:
    """Every minute: recover stalled jobs."""
    return len(await recover_stalled(get_settings().stalled_after_seconds))


@jobs_app.periodic(cron="17 3 * * *", periodic_id="prune")
@task(PRUNE_TASK, queue="default", system=True)
async def jobs__prune_finished(context: JobContext, timestamp: int) -> None:
    """Daily: delete succeeded and cancelled jobs older than SIDECAR_JOB_RETENTION_HOURS (failed ones stay for
    inspection)."""
    await jobs_app.job_manager.delete_old_jobs(
        nb_hours=get_settings().job_retention_hours, include_cancelled=True, include_aborted=True
    )
