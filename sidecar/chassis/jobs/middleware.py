"""Worker middleware: re-establish the job's principal before any work, fail closed if it is gone. Layer: chassis.

Pops `principal` from the job's kwargs (the task never sees it), opens one `as_principal()` transaction so
pre_request re-checks user active / still a member / tenant active, then runs the task with the principal in a
ContextVar (for `as_job()`) and in every log line. A failing run is timed and its error recorded (ops.failed_jobs).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from procrastinate.job_context import JobContext

from sidecar import logs
from sidecar.chassis import metrics
from sidecar.chassis.job_errors import record_job_error
from sidecar.chassis.jobs.app import SYSTEM_TASKS
from sidecar.chassis.jobs.runtime import CurrentJob, enter_job, get_runtime, leave_job
from sidecar.db import PrincipalRefused, as_principal

log = logging.getLogger("sidecar.jobs")


async def principal_middleware(call_next: Any, context: JobContext, worker: Any) -> Any:
    job = context.job
    principal = job.task_kwargs.pop("principal", None)
    job_id = int(job.id or 0)
    request_id = principal.get("request_id") if isinstance(principal, dict) else None
    with logs.log_context(job_id=job_id, request_id=request_id):
        if principal is None and job.task_name not in SYSTEM_TASKS:
            log.warning("job %s (%s) has no principal: refused", job_id, job.task_name)
            raise PrincipalRefused(f"job {job_id} has no principal")
        if principal is not None:
            runtime = get_runtime()
            try:
                async with as_principal(runtime.pool, runtime.config, principal, job_id):
                    pass
            except PrincipalRefused as exc:
                log.warning("job %s refused: %s", job_id, exc)
                raise
            logs.bind(tenant_id=principal.get("tenant_id"), user_id=principal.get("user_id"))
        token = enter_job(CurrentJob(job_id=job_id, task=job.task_name, principal=principal))
        started = time.perf_counter()
        try:
            result = await call_next()
        except Exception as exc:
            metrics.observe_job(job.task_name, "failed", time.perf_counter() - started)
            await record_job_error(job_id, job.task_name, job.attempts + 1, exc)
            raise
        finally:
            leave_job(token)
        metrics.observe_job(job.task_name, "succeeded", time.perf_counter() - started)
        return result
