"""Outbound webhooks end to end against a local receiver: signing, retry then success, dead after the limit,
replay, the SSRF guard, and what the tenant sees. Layer: chassis (tests)."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg
import pytest
from standardwebhooks.webhooks import Webhook

from sidecar.chassis.jobs.app import RetryLater
from sidecar.chassis.net import AddressPolicy
from sidecar.chassis.webhooks.delivery import send_delivery

pytestmark = [pytest.mark.db, pytest.mark.http]
EVENT = "tests.thing.happened"


class Receiver:
    """A local HTTP server answering POSTs from a per-path script of statuses (the last one repeats)."""

    def __init__(self) -> None:
        self.script: dict[str, list[int]] = {}
        self.received: list[tuple[str, dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                receiver.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                statuses = receiver.script.get(self.path, [404])
                status = statuses.pop(0) if len(statuses) > 1 else statuses[0]
                self.send_response(status)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.httpd.shutdown()
    r.httpd.server_close()


@pytest.fixture(scope="module")
def policy(receiver: Receiver) -> AddressPolicy:
    return AddressPolicy.allowing(f"127.0.0.1:{receiver.httpd.server_address[1]}")


@pytest.fixture(scope="module")
def setup_db(db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_event_type(%s, 'something happened')", (EVENT,))
        conn.execute("update chassis.webhook_policy set max_attempts = 3, base_delay = '0 seconds'")
    return db_conninfo


def as_user(conn: psycopg.Connection, sub: str, tenant: str | None) -> None:
    conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))


def create_endpoint(db: str, url: str) -> dict[str, Any]:
    """The owner registers the only endpoint of acme (earlier tests' endpoints are removed first)."""
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("delete from chassis.webhook_endpoints")
    with psycopg.connect(db) as conn:
        as_user(conn, "olivia", "acme")
        row = conn.execute("select api.create_webhook_endpoint(%s, array[%s])", (url, EVENT)).fetchone()
    assert row is not None
    return dict(row[0])


def emit(db: str, payload: dict[str, Any]) -> list[str]:
    """Emit an event as the owner, in one business transaction; returns the delivery ids it fanned out to."""
    with psycopg.connect(db) as conn:
        as_user(conn, "olivia", "acme")
        row = conn.execute("select chassis.emit_event(%s, %s)", (EVENT, json.dumps(payload))).fetchone()
        assert row is not None
        conn.execute("reset role")
        ids = conn.execute(
            "select id::text from chassis.webhook_deliveries where outbox_id = %s order by created_at", (row[0],)
        ).fetchall()
    return [i[0] for i in ids]


def worker_connect(db: str, sub: str = "olivia", tenant: str = "acme"):
    """Transactions as the worker opens them for a job: sidecar login, the job's principal, via worker."""
    conninfo = db.replace("user=postgres", "user=sidecar")

    @asynccontextmanager
    async def connect() -> AsyncIterator[psycopg.AsyncConnection]:
        async with await psycopg.AsyncConnection.connect(conninfo) as conn, conn.transaction():
            await conn.execute("select set_config('stance.via_hint', 'worker', true)")
            await conn.execute("select tests.authenticate_with(tests.claims(%s, %s))", (sub, tenant))
            yield conn

    return connect


def tenant_view(db: str, sub: str, tenant: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(db) as conn:
        as_user(conn, sub, tenant)
        return conn.execute(sql, params).fetchall()


async def test_failure_then_success_is_signed_and_visible(setup_db, receiver, policy) -> None:
    db = setup_db
    receiver.script["/flaky"] = [500, 200]
    endpoint = create_endpoint(db, receiver.url("/flaky"))
    assert endpoint["secret"].startswith("whsec_")
    [delivery] = emit(db, {"n": 1})
    connect = worker_connect(db)

    assert await send_delivery(connect, delivery, policy) == "retrying"
    assert await send_delivery(connect, delivery, policy) == "delivered"
    assert await send_delivery(connect, delivery, policy) is None, "a delivered delivery is not sent again"

    hits = [r for r in receiver.received if r[0] == "/flaky"]
    assert len(hits) == 2
    ids = {h[1]["webhook-id"] for h in hits}
    assert ids == {"msg_" + delivery.replace("-", "")}, "the message id is stable across retries"
    for _path, headers, body in hits:
        verified = Webhook(endpoint["secret"]).verify(body, headers)
        assert verified["type"] == EVENT
        assert verified["data"] == {"n": 1}
    tampered = dict(hits[0][1])
    with pytest.raises(Exception, match="No matching signature"):
        Webhook(endpoint["secret"]).verify(hits[0][2].replace(b'"n":1', b'"n":2'), tampered)

    attempts = tenant_view(
        db,
        "mia",
        "acme",
        "select attempt, status_code from api.webhook_attempts where delivery_id = %s order by attempt",
        (delivery,),
    )
    assert attempts == [(1, 500), (2, 200)], "members see every attempt"
    assert tenant_view(db, "gary", "globex", "select * from api.webhook_attempts") == [], "strangers see none"
    assert tenant_view(
        db, "olivia", "acme", "select status, attempt_count from api.webhook_deliveries where id = %s", (delivery,)
    ) == [("delivered", 2)]
    assert tenant_view(db, "olivia", "acme", "select * from api.webhook_endpoints where id = %s", (endpoint["id"],))
    with psycopg.connect(db) as conn:
        jobs = conn.execute(
            "select queue_name, args #>> '{principal,tenant_id}' = (select tests.tenant_id('acme'))::text"
            " from procrastinate.procrastinate_jobs where task_name = 'webhook_deliveries__send'"
            " and args ->> 'delivery_id' = %s and status = 'todo'",
            (delivery,),
        ).fetchall()
    # The retry collapsed into the waiting first job (same dedupe key); a running job would have been left alone.
    assert jobs == [("webhooks", True)], "one waiting job on the webhooks queue, stamped with acme's principal"
    with psycopg.connect(db) as conn:
        as_user(conn, "olivia", "acme")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("select secret from chassis.webhook_endpoints")


async def test_always_failing_endpoint_goes_dead_then_replays(setup_db, receiver, policy) -> None:
    db = setup_db
    receiver.script["/down"] = [503]
    create_endpoint(db, receiver.url("/down"))
    [delivery] = emit(db, {"n": 2})
    connect = worker_connect(db)
    outcomes = [await send_delivery(connect, delivery, policy) for _ in range(4)]
    assert outcomes == ["retrying", "retrying", "dead", None], "dead after max_attempts (3), then never sent"
    assert tenant_view(
        db, "olivia", "acme", "select status, last_status_code from api.webhook_deliveries where id = %s", (delivery,)
    ) == [("dead", 503)]

    with psycopg.connect(db) as conn:
        as_user(conn, "mia", "acme")
        with pytest.raises(psycopg.Error) as refused:
            conn.execute("select api.replay_webhook_delivery(%s)", (delivery,))
        assert refused.value.sqlstate == "PT403", "a member without chassis.webhooks.manage cannot replay"
    receiver.script["/down"] = [200]
    with psycopg.connect(db) as conn:
        as_user(conn, "olivia", "acme")
        conn.execute("select api.replay_webhook_delivery(%s)", (delivery,))
    assert await send_delivery(connect, delivery, policy) == "delivered"
    assert tenant_view(
        db,
        "olivia",
        "acme",
        "select status, replays, attempt_count from api.webhook_deliveries where id = %s",
        (delivery,),
    ) == [("delivered", 1, 1)]
    assert len(tenant_view(db, "olivia", "acme", "select 1 from api.webhook_attempts where delivery_id = %s",
                           (delivery,))) == 4  # fmt: skip


async def test_private_address_is_refused_by_the_ssrf_guard(setup_db) -> None:
    db = setup_db
    create_endpoint(db, "http://169.254.169.254/latest/meta-data")
    [delivery] = emit(db, {"n": 3})
    outcome = await send_delivery(worker_connect(db), delivery, AddressPolicy())
    assert outcome == "retrying"
    [(error,)] = tenant_view(db, "olivia", "acme", "select last_error from api.webhook_deliveries where id = %s",
                             (delivery,))  # fmt: skip
    assert error.startswith("BlockedAddress")


async def test_a_crashed_attempt_leaves_a_lease_and_the_job_retries_after_it(setup_db, receiver, policy) -> None:
    db = setup_db
    receiver.script["/after-crash"] = [200]
    create_endpoint(db, receiver.url("/after-crash"))
    [delivery] = emit(db, {"n": 4})
    connect = worker_connect(db)
    async with connect() as conn:  # an attempt started, then its worker was killed before finishing
        await conn.execute("select * from chassis.webhook_delivery_start_v1(%s)", (delivery,))
    with pytest.raises(RetryLater) as later:
        await send_delivery(connect, delivery, policy)
    assert 1 <= later.value.seconds <= 120, "the recovered job waits for the lease"
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("update chassis.webhook_deliveries set next_attempt_at = now() where id = %s", (delivery,))
    assert await send_delivery(connect, delivery, policy) == "delivered", "after the lease the delivery goes out"
