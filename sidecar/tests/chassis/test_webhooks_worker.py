"""The real worker runs the chassis edge tasks: an event emitted in a business transaction reaches a local
receiver signed, and a queued invitation email goes out through the console adapter. Layer: chassis (tests)."""

from __future__ import annotations

import importlib
import json
import logging
import os
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg
import pytest

from sidecar import logs
from sidecar.chassis.auth import load_postgrest_config
from sidecar.chassis.jobs.app import jobs_app
from sidecar.chassis.jobs.middleware import principal_middleware
from sidecar.chassis.jobs.runtime import Runtime, set_runtime
from sidecar.db import open_pool
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]
EVENT = "tests.thing.happened"


@pytest.fixture(scope="module")
def receiver() -> Iterator[list[dict[str, str]]]:
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            seen.append({k.lower(): v for k, v in self.headers.items()})
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
    seen.append({"port": str(httpd.server_address[1])})
    yield seen
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
async def worker_env(db_conninfo: str) -> AsyncIterator[None]:
    """One worker runtime (pool, config) for the module; procrastinate keeps the first pool it is opened with."""
    saved = {k: os.environ.get(k) for k in ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS")}
    os.environ["SIDECAR_DATABASE_URL"] = db_conninfo.replace("user=postgres", "user=sidecar")
    os.environ["SIDECAR_VERTICALS"] = ""
    get_settings.cache_clear()
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_event_type(%s, 'something happened')", (EVENT,))
    settings = get_settings()
    for module in ("sidecar.chassis.webhooks.tasks", "sidecar.chassis.email.tasks"):
        importlib.import_module(module)
    pool = await open_pool(settings.database_url, min_size=1, max_size=4)
    set_runtime(Runtime(pool=pool, config=load_postgrest_config(settings.postgrest_conf), settings=settings))
    # procrastinate ignores open_async(pool) while it holds a pool another module handed it: start and end clean.
    connector: Any = jobs_app.connector
    connector._async_pool, connector._pool_externally_set = None, False
    try:
        async with jobs_app.open_async(pool):
            yield
    finally:
        connector._async_pool, connector._pool_externally_set = None, False
        set_runtime(None)
        await pool.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()


async def run_queue(queue: str) -> None:
    """Run the worker on one queue until it is empty (jobs scheduled later stay)."""
    await jobs_app.run_worker_async(
        queues=[queue],
        wait=False,
        concurrency=1,
        worker_middleware=[principal_middleware],
        install_signal_handlers=False,
    )


async def test_worker_delivers_an_emitted_event(db_conninfo, receiver, worker_env, monkeypatch) -> None:
    port = receiver[0]["port"]
    monkeypatch.setenv("SIDECAR_NET_ALLOW", f"127.0.0.1:{port}")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        conn.execute("select api.create_webhook_endpoint(%s, array[%s])", (f"http://127.0.0.1:{port}/hook", EVENT))
        conn.execute("select chassis.emit_event(%s, %s)", (EVENT, json.dumps({"n": 7})))
    await run_queue("webhooks")
    assert len(receiver) == 2
    assert receiver[1]["webhook-id"].startswith("msg_")
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute("select status, attempt_count, last_status_code from chassis.webhook_deliveries").fetchone()
        job = conn.execute(
            "select status::text from procrastinate.procrastinate_jobs where task_name = 'webhook_deliveries__send'"
        ).fetchone()
    assert row == ("delivered", 1, 204)
    assert job == ("succeeded",)


class JsonLines(logging.Handler):
    """Formats each record with the sidecar's JSON formatter at emit time (inside the job's log context)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logs.JsonFormatter())
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


async def test_worker_sends_the_invitation_email(db_conninfo, worker_env, caplog) -> None:
    caplog.set_level(logging.INFO, logger="stance.email")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        token = conn.execute("select api.invite('member', 'newbie@example.test') ->> 'token'").fetchone()
    json_lines = JsonLines()
    logging.getLogger("stance.email").addHandler(json_lines)
    try:
        await run_queue("email")
    finally:
        logging.getLogger("stance.email").removeHandler(json_lines)
    with psycopg.connect(db_conninfo) as conn:
        job_id, user_id, tenant_id = conn.execute(
            "select (select max(id) from procrastinate.procrastinate_jobs where task_name = 'email_messages__send'),"
            " tests.user_id('olivia')::text, tests.tenant_id('acme')::text"
        ).fetchone()
    line = json_lines.lines[-1]
    assert (line["job_id"], line["user_id"], line["tenant_id"]) == (job_id, user_id, tenant_id), line
    with psycopg.connect(db_conninfo) as conn:
        row = conn.execute(
            "select status from chassis.email_messages where to_address = 'newbie@example.test'"
        ).fetchone()
    assert row == ("sent",)
    logged = [r.data for r in caplog.records if r.name == "stance.email"]
    assert logged and logged[-1]["email"]["to"] == "newbie@example.test"
    assert token is not None and f"token={token[0]}" in logged[-1]["email"]["text"]
