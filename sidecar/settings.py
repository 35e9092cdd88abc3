"""Sidecar settings: one frozen dataclass from SIDECAR_* (and PostgREST's PGRST_*) environment. Layer: core.

The database URL and postgrest.conf path also accept the STANCE_* names scripts/run exports; the login role is
`sidecar` (libpq PG* variables fill in host and port).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _int(env: str, default: int) -> int:
    raw = os.environ.get(env, "").strip()
    return int(raw) if raw else default


def _float(env: str, default: float) -> float:
    raw = os.environ.get(env, "").strip()
    return float(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    """Process-wide configuration of the sidecar and the worker."""

    database_url: str
    postgrest_conf: str
    verticals: tuple[str, ...]
    verticals_explicit: bool
    max_body_bytes: int
    pool_min: int
    pool_max: int
    host: str
    port: int
    log_level: str
    worker_concurrency: int
    worker_queues: tuple[str, ...]
    llm_slots: int
    job_max_attempts: int
    stalled_after_seconds: float
    heartbeat_seconds: float
    idempotency_ttl_hours: int
    job_retention_hours: int


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read the environment once (tests call `get_settings.cache_clear()` after changing it)."""
    raw_verticals = os.environ.get("SIDECAR_VERTICALS")
    verticals = tuple(v.strip() for v in (raw_verticals or "architecture").split(",") if v.strip())
    queues = os.environ.get("SIDECAR_WORKER_QUEUES", "")
    return Settings(
        database_url=os.environ.get("SIDECAR_DATABASE_URL")
        or os.environ.get("STANCE_DATABASE_URL")
        or "user=sidecar dbname=stance",
        postgrest_conf=os.environ.get("SIDECAR_POSTGREST_CONF")
        or os.environ.get("STANCE_POSTGREST_CONF")
        or str(REPO_ROOT / "postgrest.conf"),
        verticals=verticals,
        verticals_explicit=raw_verticals is not None,
        max_body_bytes=_int("SIDECAR_MAX_BODY_BYTES", 1_048_576),
        pool_min=_int("SIDECAR_POOL_MIN", 1),
        pool_max=_int("SIDECAR_POOL_MAX", 10),
        host=os.environ.get("SIDECAR_HOST", "127.0.0.1"),
        port=_int("SIDECAR_PORT", 3001),
        log_level=os.environ.get("SIDECAR_LOG_LEVEL", "INFO"),
        worker_concurrency=_int("SIDECAR_WORKER_CONCURRENCY", 4),
        worker_queues=tuple(q.strip() for q in queues.split(",") if q.strip()),
        llm_slots=_int("SIDECAR_LLM_SLOTS", 4),
        job_max_attempts=_int("SIDECAR_JOB_MAX_ATTEMPTS", 5),
        stalled_after_seconds=_float("SIDECAR_STALLED_AFTER_SECONDS", 30.0),
        heartbeat_seconds=_float("SIDECAR_HEARTBEAT_SECONDS", 10.0),
        idempotency_ttl_hours=_int("SIDECAR_IDEMPOTENCY_TTL_HOURS", 24),
        job_retention_hours=_int("SIDECAR_JOB_RETENTION_HOURS", 168),
    )
