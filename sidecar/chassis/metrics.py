"""Prometheus metrics for the sidecar and the worker: HTTP, queues, jobs, LLM calls, webhooks, email.

Layer: chassis. One registry (`REGISTRY`) per process. The sidecar mounts `MetricsController` (GET /metrics) and
`metrics_middleware`; the worker serves the same registry with `serve_worker_metrics(connect, host, port)`.
Queue gauges are refreshed from SQL (`chassis.queue_stats_v1()`) right before each scrape. Other layers record
through the helpers below (`observe_job`, `observe_llm_call`, `count_webhook`, `count_email`): series names
live here only.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from litestar import Controller, Response, get
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from psycopg import AsyncConnection

REGISTRY = CollectorRegistry(auto_describe=True)
Connect = Callable[[], AbstractAsyncContextManager[AsyncConnection]]

HTTP_REQUESTS = Counter(
    "stance_http_requests", "HTTP requests answered, by route template and status.",
    ["method", "route", "status"], registry=REGISTRY,
)  # fmt: skip
HTTP_ERRORS = Counter(
    "stance_http_request_errors", "HTTP requests answered with a 5xx status.", ["method", "route"], registry=REGISTRY
)
HTTP_LATENCY = Histogram(
    "stance_http_request_duration_seconds", "Time to answer an HTTP request.", ["method", "route"], registry=REGISTRY
)
QUEUE_DEPTH = Gauge("stance_queue_depth", "Jobs per queue and status.", ["queue", "status"], registry=REGISTRY)
QUEUE_AGE = Gauge(
    "stance_queue_oldest_age_seconds", "Age of the oldest waiting job per queue.", ["queue"], registry=REGISTRY
)
JOB_DURATION = Histogram(
    "stance_job_duration_seconds", "Job run time by task and outcome.", ["task", "outcome"], registry=REGISTRY,
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
)  # fmt: skip
LLM_LATENCY = Histogram(
    "stance_llm_call_duration_seconds", "Model call latency.", ["model"], registry=REGISTRY,
    buckets=(0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120),
)  # fmt: skip
LLM_TOKENS = Counter("stance_llm_tokens", "Model tokens by direction.", ["model", "direction"], registry=REGISTRY)
LLM_COST = Counter("stance_llm_cost_microusd", "Model spend in micro-USD.", ["model"], registry=REGISTRY)
WEBHOOK_DELIVERIES = Counter(
    "stance_webhook_deliveries", "Outbound webhook attempts by outcome.", ["outcome"], registry=REGISTRY
)
EMAILS = Counter("stance_emails", "Email send attempts by outcome.", ["outcome"], registry=REGISTRY)


def observe_job(task: str, outcome: str, seconds: float) -> None:
    """Record one finished job run (outcome: succeeded, failed, …)."""
    JOB_DURATION.labels(task, outcome).observe(seconds)


def observe_llm_call(model: str, seconds: float, input_tokens: int, output_tokens: int, cost_microusd: int) -> None:
    """Record one model call: latency, tokens both ways, cost."""
    LLM_LATENCY.labels(model).observe(seconds)
    LLM_TOKENS.labels(model, "input").inc(input_tokens)
    LLM_TOKENS.labels(model, "output").inc(output_tokens)
    LLM_COST.labels(model).inc(cost_microusd)


def count_webhook(outcome: str) -> None:
    """Record one outbound webhook attempt (delivered, retrying, dead)."""
    WEBHOOK_DELIVERIES.labels(outcome).inc()


def count_email(outcome: str) -> None:
    """Record one email send attempt (sent, retrying, dead)."""
    EMAILS.labels(outcome).inc()


async def refresh_queue_gauges(conn: AsyncConnection) -> None:
    """Set queue depth and age gauges from the database (one query)."""
    cur = await conn.execute("select queue, status, jobs, oldest_age_seconds from chassis.queue_stats_v1()")
    rows = await cur.fetchall()
    QUEUE_DEPTH.clear()
    QUEUE_AGE.clear()
    for queue, status, jobs, age in rows:
        QUEUE_DEPTH.labels(queue, status).set(jobs)
        if status == "todo":
            QUEUE_AGE.labels(queue).set(age or 0)


def render() -> bytes:
    """The registry in the Prometheus text format."""
    return generate_latest(REGISTRY)


class MetricsController(Controller):
    """GET /metrics on the sidecar; needs the `sidecar_tx` dependency for the queue gauges."""

    path = "/metrics"
    tags = ["observability"]
    include_in_schema = False

    @get("/")
    async def metrics(self, sidecar_tx: AsyncConnection) -> Response[bytes]:
        """Refresh queue gauges, then expose every series."""
        await refresh_queue_gauges(sidecar_tx)
        return Response(render(), media_type=CONTENT_TYPE_LATEST)


def metrics_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware counting requests, 5xx answers and latency per route template (never the raw path)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        try:
            await app(scope, receive, capture)
        finally:
            route = str(scope.get("path_template") or "unmatched")
            method = str(scope.get("method", "GET"))
            HTTP_REQUESTS.labels(method, route, str(status["code"])).inc()
            if status["code"] >= 500:
                HTTP_ERRORS.labels(method, route).inc()
            HTTP_LATENCY.labels(method, route).observe(time.perf_counter() - started)

    return middleware


async def serve_worker_metrics(connect: Connect, host: str = "127.0.0.1", port: int = 0) -> asyncio.Server:
    """Serve GET /metrics for the worker process on the running loop; queue gauges refreshed on each scrape.

    `connect` opens a transaction as the sidecar role. Returns the started server (its socket tells the port).
    """

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = await asyncio.wait_for(reader.readline(), 5)
            while (await asyncio.wait_for(reader.readline(), 5)) not in (b"\r\n", b"\n", b""):
                pass
            parts = request_line.decode("latin-1").split()
            if len(parts) >= 2 and parts[0] == "GET" and parts[1].split("?")[0] == "/metrics":
                async with connect() as conn:
                    await refresh_queue_gauges(conn)
                status, body, media = "200 OK", render(), CONTENT_TYPE_LATEST
            else:
                status, body, media = "404 Not Found", b"not found\n", "text/plain"
            head = (
                f"HTTP/1.1 {status}\r\nContent-Type: {media}\r\nContent-Length: {len(body)}\r\n"
                "Connection: close\r\n\r\n"
            )
            writer.write(head.encode("latin-1") + body)
            await writer.drain()
        finally:
            writer.close()

    return await asyncio.start_server(handle, host, port)
