"""Engine jobs: `derivations__run` (one derivation, idempotent) on the llm queue. Layer: engine.

The SQL side allow-lists the same name (sql/policies/engine/engine.sql) and enqueues it from api.create_capture
and api.rederive, inside the caller's transaction.
"""

from __future__ import annotations

from procrastinate.job_context import JobContext

from sidecar.chassis.jobs.app import JobRetry, task
from sidecar.engine.pipeline import run_derivation


@task("derivations__run", queue="llm")
async def derivations__run(context: JobContext, *, derivation_id: str) -> str:
    """Run (or re-run after a crash) one derivation; returns its final status."""
    retry = context.task.retry_strategy if context.task else None
    last = isinstance(retry, JobRetry) and retry.is_last_attempt(context.job)
    return await run_derivation(derivation_id, last_attempt=last)
