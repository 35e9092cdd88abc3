"""Engine jobs: `derivations__run` (one derivation, idempotent) on the llm queue. Layer: engine.

The SQL side allow-lists the same name (sql/policies/engine/engine.sql) and enqueues it from api.create_capture
and api.rederive, inside the caller's transaction.
"""

from __future__ import annotations

from procrastinate.job_context import JobContext

from sidecar.chassis.jobs.app import JobRetry, RetryLater, task
from sidecar.db import PrincipalRefused
from sidecar.engine.pipeline import fail_derivation, run_derivation


@task("derivations__run", queue="llm")
async def derivations__run(context: JobContext, *, derivation_id: str) -> str:
    """Run (or re-run after a crash) one derivation; returns its final status. If the last attempt fails
    unexpectedly, the derivation is marked failed too, so it never stays `running`."""
    retry = context.task.retry_strategy if context.task else None
    last = isinstance(retry, JobRetry) and retry.is_last_attempt(context.job)
    try:
        return await run_derivation(derivation_id, last_attempt=last)
    except (RetryLater, PrincipalRefused):
        raise
    except Exception as exc:
        if last:
            await fail_derivation(derivation_id, f"{type(exc).__name__}: {exc}")
        raise
