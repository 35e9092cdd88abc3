"""What running tasks need from the worker process: the pool, PostgREST's config, settings, the current job.

Layer: chassis. `as_job()` is the one way a task opens a business transaction: as the job's principal.
"""

from __future__ import annotations

import contextvars
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from postgrest_compat.config import Config
from sidecar.db import as_principal
from sidecar.settings import Settings


@dataclass(frozen=True)
class Runtime:
    pool: AsyncConnectionPool
    config: Config
    settings: Settings


@dataclass(frozen=True)
class CurrentJob:
    job_id: int
    task: str
    principal: Mapping[str, Any] | None


_runtime: Runtime | None = None
_current: contextvars.ContextVar[CurrentJob | None] = contextvars.ContextVar("current_job", default=None)


def set_runtime(runtime: Runtime | None) -> None:
    global _runtime
    _runtime = runtime


def get_runtime() -> Runtime:
    if _runtime is None:
        raise RuntimeError("the job runtime is not set: tasks run inside `python -m sidecar worker`")
    return _runtime


def current_job() -> CurrentJob:
    job = _current.get()
    if job is None:
        raise RuntimeError("no job is running in this context")
    return job


def enter_job(job: CurrentJob) -> contextvars.Token[CurrentJob | None]:
    return _current.set(job)


def leave_job(token: contextvars.Token[CurrentJob | None]) -> None:
    _current.reset(token)


@asynccontextmanager
async def as_job() -> AsyncIterator[AsyncConnection]:
    """A transaction as the running job's principal (re-checked by pre_request every time)."""
    runtime = get_runtime()
    job = current_job()
    async with as_principal(runtime.pool, runtime.config, job.principal or {}, job.job_id) as conn:
        yield conn
