"""Record why a job run failed (chassis.job_errors, shown by ops.failed_jobs). Layer: chassis.

procrastinate keeps no error text; the worker middleware calls `record_job_error` when a task raises. Recording
never masks the task's own exception: a database error here is logged and swallowed.
"""

from __future__ import annotations

import logging

import psycopg

from sidecar.chassis.jobs.runtime import get_runtime
from sidecar.db import as_sidecar

log = logging.getLogger("sidecar.jobs")


async def record_job_error(job_id: int, task: str, attempt: int, exc: BaseException) -> None:
    """Store `<ExceptionType>: <message>` for this run of the job, as the sidecar role."""
    runtime = get_runtime()
    try:
        async with as_sidecar(runtime.pool, runtime.config) as conn:
            await conn.execute(
                "select chassis.record_job_error_v1(%s, %s, %s, %s)",
                (job_id, task, attempt, f"{exc.__class__.__name__}: {exc}"),
            )
    except psycopg.Error:
        log.exception("could not record the error of job %s", job_id)
