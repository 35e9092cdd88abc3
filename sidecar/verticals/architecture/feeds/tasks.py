"""Feed jobs on the `feeds` queue: `feeds__schedule` (every minute, defers a fetch per due feed) and
`feeds__fetch` (one polite fetch, then the new or edited articles go to the engine per tenant), and
`feed_subscriptions__interpret` (a late subscriber's copies of already fetched articles). Layer: vertical.

Both are system tasks: feeds are global, so the fetch runs as the sidecar itself; a subscription's first fetch
is enqueued by SQL (architecture.feed_subscribe) and carries the subscriber's principal, which the chassis
middleware re-checks. Handing articles to the engine runs as a member of each tenant (feed_principal_v1).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from uuid import UUID

from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.job_context import JobContext

from sidecar.chassis.jobs.app import jobs_app, task
from sidecar.chassis.jobs.runtime import Runtime, as_job, get_runtime
from sidecar.db import PrincipalRefused, as_principal
from sidecar.verticals.architecture.feeds.fetcher import FetchReport, FetchSettings, fetch_feed
from sidecar.verticals.architecture.interpreters.requests import request_interpretations

log = logging.getLogger("sidecar.architecture")
FETCH_TASK = "feeds__fetch"
SCHEDULE_BATCH = 50
UNINTERPRETED = "select id from api.architecture_articles where feed_id = %s and not interpreted order by received_at"


async def hand_to_engine(runtime: Runtime, report: FetchReport, job_id: int) -> dict[str, int]:
    """Request interpretation of the report's new/edited articles, tenant by tenant; returns captures per tenant."""
    by_tenant: dict[str, list[str]] = defaultdict(list)
    for article in report.articles:
        by_tenant[str(article["tenant_id"])].append(str(article["article_id"]))
    requested: dict[str, int] = {}
    for tenant_id, article_ids in by_tenant.items():
        async with runtime.pool.connection() as conn:
            row = await (
                await conn.execute("select architecture.feed_principal_v1(%s, %s)", (tenant_id, report.feed_id))
            ).fetchone()
        principal = row[0] if row else None
        if principal is None:
            log.warning("feed %s: tenant %s has no member to act as; articles wait", report.feed_id, tenant_id)
            continue
        try:
            async with as_principal(runtime.pool, runtime.config, principal, job_id) as conn:
                answers = await request_interpretations(conn, article_ids)
        except PrincipalRefused as exc:
            log.warning("feed %s: tenant %s refused: %s", report.feed_id, tenant_id, exc)
            continue
        requested[tenant_id] = len(answers)
    return requested


@task(FETCH_TASK, queue="feeds", system=True)
async def feeds__fetch(context: JobContext, *, feed_id: str) -> str:
    """Fetch one feed (idempotent: a repeated fetch is a conditional GET) and hand changes to the engine."""
    runtime = get_runtime()
    async with runtime.pool.connection() as conn:
        report = await fetch_feed(conn, UUID(feed_id), FetchSettings())
    await hand_to_engine(runtime, report, int(context.job.id or 0))
    return report.kind


@task("feed_subscriptions__interpret", queue="feeds")
async def feed_subscriptions__interpret(context: JobContext, *, feed_id: str) -> int:
    """A tenant subscribed to a feed fetched before: hand it the feed's articles it has not interpreted yet."""
    async with as_job() as conn:
        rows = await (await conn.execute(UNINTERPRETED, (feed_id,))).fetchall()
        answers = await request_interpretations(conn, [str(r[0]) for r in rows])
    return len(answers)


async def defer_due_fetches(runtime: Runtime, batch: int = SCHEDULE_BATCH) -> list[str]:
    """Lease due feeds and defer one fetch job each (a fetch already waiting for the feed is kept)."""
    async with runtime.pool.connection() as conn:
        rows = await (await conn.execute("select architecture.feeds_due_v1(%s)", (batch,))).fetchall()
        await conn.commit()
    deferred: list[str] = []
    for (feed_id,) in rows:
        try:
            await jobs_app.configure_task(FETCH_TASK, queueing_lock=f"{FETCH_TASK}:{feed_id}").defer_async(
                feed_id=str(feed_id)
            )
            deferred.append(str(feed_id))
        except AlreadyEnqueued:
            continue
    return deferred


@jobs_app.periodic(cron="* * * * *", periodic_id="feeds_schedule")
@task("feeds__schedule", queue="feeds", system=True)
async def feeds__schedule(context: JobContext, timestamp: int) -> int:
    """Every minute: defer fetches of the feeds whose next check is due."""
    return len(await defer_due_fetches(get_runtime()))


__all__ = ["defer_due_fetches", "feed_subscriptions__interpret", "feeds__fetch", "feeds__schedule", "hand_to_engine"]
