"""The procrastinate App, the `task()` decorator every layer uses, and the retry policy. Layer: chassis.

Retries back off exponentially (capped at one hour) up to SIDECAR_JOB_MAX_ATTEMPTS, then the job stays `failed`
(shown as `dead` in api.jobs). A refused principal fails at once, without retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import procrastinate
from procrastinate.jobs import Job
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from sidecar.db import PrincipalRefused
from sidecar.settings import get_settings

QUEUES = ("llm", "feeds", "webhooks", "email", "default")
jobs_app = procrastinate.App(connector=procrastinate.PsycopgConnector())
SYSTEM_TASKS: set[str] = set()


class PermanentJobError(Exception):
    """A failure that retrying cannot fix (bad input): the job fails without retry."""


class RetryLater(Exception):
    """Not now (e.g. the tenant's LLM calls are paused): retry after `seconds`, outside the attempt limit."""

    def __init__(self, message: str, seconds: int = 300) -> None:
        super().__init__(message)
        self.seconds = seconds


MAX_DEFERRALS = 1000


class JobRetry(BaseRetryStrategy):
    """Exponential backoff: 2, 4, 8 … seconds (capped at 3600) until the attempt limit; never for refusals."""

    def __init__(self, max_attempts: int | None = None, base_seconds: int = 2) -> None:
        self.max_attempts = max_attempts
        self.base_seconds = base_seconds

    def is_last_attempt(self, job: Job) -> bool:
        return job.attempts + 1 >= (self.max_attempts or get_settings().job_max_attempts)

    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if isinstance(exception, PrincipalRefused | PermanentJobError):
            return None
        if isinstance(exception, RetryLater):
            return RetryDecision(retry_in={"seconds": exception.seconds}) if job.attempts < MAX_DEFERRALS else None
        if self.is_last_attempt(job):
            return None
        return RetryDecision(retry_in={"seconds": min(3600, self.base_seconds ** (job.attempts + 1))})


def task(
    name: str, *, queue: str, system: bool = False, max_attempts: int | None = None
) -> Callable[[Callable[..., Any]], Any]:
    """Declare a job handler named like the job (`<table>__<verb>`); it is called as `fn(context, **args)`.

    `system` tasks (maintenance, periodic) run without a principal; every other task refuses to start without one.
    The SQL side must allow-list the same name: `select chassis.register_task('<name>', '<queue>')`.
    """
    if queue not in QUEUES:
        raise ValueError(f"unknown queue {queue!r}")
    if system:
        SYSTEM_TASKS.add(name)
    return jobs_app.task(name=name, queue=queue, retry=JobRetry(max_attempts), pass_context=True)
