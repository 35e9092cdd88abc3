"""Chassis job machinery without a worker: the global LLM-call cap (advisory-lock slots shared by every pool,
i.e. every process) and the retry policy (backoff, attempt limit, refusals and deferrals). Layer: chassis (tests).
"""

from __future__ import annotations

import asyncio
import os

import pytest
from procrastinate.jobs import Job

from sidecar.chassis.jobs.app import JobRetry, PermanentJobError, RetryLater
from sidecar.chassis.jobs.semaphore import llm_slot
from sidecar.db import PrincipalRefused, open_pool

pytestmark = pytest.mark.db


async def test_llm_slots_cap_concurrency_across_pools(clone_database) -> None:
    db = clone_database("slots")
    conninfo = f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}"
    pools = [await open_pool(conninfo, min_size=1, max_size=6) for _ in range(2)]
    active = 0
    peak = 0
    slots_seen: set[int] = set()

    async def call(pool) -> None:
        nonlocal active, peak
        async with llm_slot(pool, 2, poll_seconds=0.01) as slot:
            slots_seen.add(slot)
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.1)
            active -= 1

    try:
        await asyncio.gather(*(call(pools[i % 2]) for i in range(8)))
    finally:
        for pool in pools:
            await pool.close()
    assert peak == 2 and slots_seen == {0, 1}


def job(attempts: int) -> Job:
    return Job(id=1, queue="llm", lock=None, queueing_lock=None, task_name="x__y", attempts=attempts)


def test_retry_policy() -> None:
    policy = JobRetry(max_attempts=3)
    first = policy.get_retry_decision(exception=RuntimeError("boom"), job=job(0))
    second = policy.get_retry_decision(exception=RuntimeError("boom"), job=job(1))
    assert first is not None and second is not None and second.retry_at > first.retry_at
    assert policy.get_retry_decision(exception=RuntimeError("boom"), job=job(2)) is None  # third run was the last
    assert policy.get_retry_decision(exception=PrincipalRefused("gone"), job=job(0)) is None
    assert policy.get_retry_decision(exception=PermanentJobError("bad"), job=job(0)) is None
    assert policy.get_retry_decision(exception=RetryLater("paused", 60), job=job(7)) is not None


async def test_prune_keeps_failed_and_recent_jobs(clone_database) -> None:
    from sidecar.chassis.jobs.app import jobs_app
    from sidecar.chassis.jobs.maintenance import jobs__prune_finished

    db = clone_database("prune")
    conninfo = f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}"
    pool = await open_pool(conninfo, min_size=1, max_size=2)
    try:
        async with pool.connection() as conn:
            for status, age in (("succeeded", "30 days"), ("failed", "30 days"), ("succeeded", "1 hour")):
                cur = await conn.execute(
                    "insert into procrastinate_jobs (queue_name, task_name, status) values ('default', 'x__y', %s)"
                    " returning id", (status,),
                )  # fmt: skip
                job_id = (await cur.fetchone())[0]
                await conn.execute(
                    "insert into procrastinate_events (job_id, type, at) values (%s, %s, now() - %s::interval)",
                    (job_id, status, age),
                )
        async with jobs_app.open_async(pool):
            await jobs__prune_finished.func(None, timestamp=0)
        async with pool.connection() as conn:
            rows = await (await conn.execute("select status::text from procrastinate_jobs order by id")).fetchall()
    finally:
        await pool.close()
    assert [r[0] for r in rows] == ["failed", "succeeded"]
