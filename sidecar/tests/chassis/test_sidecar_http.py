"""The sidecar over HTTP: JWT + pre_request as PostgREST does them, PostgREST-shaped errors, Idempotency-Key,
body limit, health, OpenAPI, request ids and JSON logs; one real-socket test (uvicorn) streaming SSE with
Last-Event-ID. Layer: chassis (tests) — with the engine's /captures and /events as the endpoints under test.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from litestar import Litestar
from litestar.testing import AsyncTestClient

from postgrest_compat.testing import mint_jwt
from sidecar import logs
from sidecar.app import create_app
from sidecar.settings import Settings, get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]
SECRET = "sidecar-http-test-secret-0123456789abcdef"
SCHEMA = {"type": "object"}


@pytest.fixture(scope="module")
def db(clone_database, admin_conninfo: str) -> Iterator[str]:
    name = clone_database("side")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('tests', 'sidecar http fixtures')")
        conn.execute("select tests.personas()")
        conn.execute("select engine.register_interpreter('test.plain', '1', %s::jsonb, 'deterministic')",
                     (json.dumps(SCHEMA),))  # fmt: skip
        conn.execute("select engine.register_interpreter('test.model', '1', %s::jsonb, 'llm')", (json.dumps(SCHEMA),))
    yield name


@pytest.fixture(scope="module")
def admin(db: str, admin_conninfo: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={db}"), autocommit=True) as conn:
        yield conn


@pytest.fixture(scope="module")
def settings(db: str) -> Settings:
    os.environ["PGRST_JWT_SECRET"] = SECRET
    return dataclasses.replace(
        get_settings(),
        database_url=f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}",
        verticals=(), verticals_explicit=True, max_body_bytes=4096,
    )  # fmt: skip


@pytest.fixture(scope="module")
def app(settings: Settings) -> Litestar:
    return create_app(settings)


@pytest.fixture(scope="module")
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=app) as c:
        yield c


def token(admin: psycopg.Connection, sub: str, tenant: str | None = None) -> dict[str, str]:
    claims = admin.execute("select tests.claims(%s, %s)", (sub, tenant)).fetchone()[0]
    return {"Authorization": f"Bearer {mint_jwt(SECRET, claims)}"}


def body(content: str, kind: str = "test.plain") -> dict[str, Any]:
    return {"kind": kind, "content": content, "source": "http-test", "metadata": {"n": 1}}


async def test_post_captures_is_202_with_status_url(client: AsyncTestClient, admin) -> None:
    resp = await client.post("/captures", json=body("Command then poll."), headers=token(admin, "olivia", "acme"))
    assert resp.status_code == 202, resp.text
    data = resp.json()
    assert data["job_id"] and data["derivation_id"] and data["status"] == "queued"
    assert data["status_url"] == f"/derivations?capture_id=eq.{data['capture_id']}"
    assert resp.headers["location"] == data["status_url"] and resp.headers["x-request-id"]
    row = admin.execute("select tenant_id = tests.tenant_id('acme'), source from engine.captures where id = %s",
                        (data["capture_id"],)).fetchone()  # fmt: skip
    assert row == (True, "http-test")


async def test_errors_are_postgrest_shaped(client: AsyncTestClient, admin) -> None:
    anon = await client.post("/captures", json=body("anon"))
    assert anon.status_code == 401 and anon.json()["code"] == "42501"
    assert anon.headers["www-authenticate"] == "Bearer"
    bad = await client.post("/captures", json=body("bad"), headers={"Authorization": "Bearer not.a.jwt"})
    assert bad.status_code == 401 and bad.json()["code"] == "PGRST301"
    # Naming another tenant's id (header) as a non-member: pre_request refuses.
    other = admin.execute("select tests.tenant_id('globex')::text").fetchone()[0]
    foreign = await client.post(
        "/captures", json=body("foreign"), headers={**token(admin, "olivia"), "x-tenant-id": other}
    )
    assert foreign.status_code == 403 and foreign.json()["message"] == f"not a member of tenant {other}"
    viewer = await client.post("/captures", json=body("viewer"), headers=token(admin, "victor", "acme"))
    assert viewer.status_code == 403 and viewer.json()["code"] == "42501"
    unknown = await client.post("/captures", json=body("x", kind="test.nothing"), headers=token(admin, "mia", "acme"))
    assert unknown.status_code == 400 and set(unknown.json()) == {"code", "message", "details", "hint"}
    suspended = await client.post("/captures", json=body("s"), headers=token(admin, "suzy", "umbrella"))
    assert suspended.status_code == 403 and "suspended" in suspended.json()["message"]
    invalid = await client.post("/captures", json={"content": "no kind"}, headers=token(admin, "mia", "acme"))
    assert invalid.status_code == 400 and invalid.json()["code"] == "PT400"


async def test_over_budget_llm_capture_is_402(client: AsyncTestClient, admin) -> None:
    admin.execute("insert into engine.budgets (tenant_id, limit_micro_usd) values (tests.tenant_id('globex'), 0)")
    resp = await client.post(
        "/captures", json=body("pay me", kind="test.model"), headers=token(admin, "gary", "globex")
    )
    assert resp.status_code == 402 and resp.json()["code"] == "PT402"
    assert "resets on" in resp.json()["message"]
    n = admin.execute("select count(*) from engine.captures where tenant_id = tests.tenant_id('globex')").fetchone()[0]
    assert n == 0


async def test_idempotency_key_replays_and_refuses_reuse(client: AsyncTestClient, admin) -> None:
    headers = {**token(admin, "mia", "acme"), "Idempotency-Key": "key-1"}
    first = await client.post("/captures", json=body("Exactly once."), headers=headers)
    again = await client.post("/captures", json=body("Exactly once."), headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    jobs = admin.execute(
        "select count(*) from procrastinate.procrastinate_jobs where args->>'derivation_id' = %s",
        (first.json()["derivation_id"],),
    ).fetchone()[0]
    assert jobs == 1
    reuse = await client.post("/captures", json=body("Something else."), headers=headers)
    assert reuse.status_code == 422 and reuse.json()["code"] == "PT422"
    # Keys are per tenant: the same key in another tenant is a new request.
    globex = {**token(admin, "gary", "globex"), "Idempotency-Key": "key-1"}
    other = await client.post("/captures", json=body("Exactly once."), headers=globex)
    assert other.status_code == 202 and "idempotent-replayed" not in other.headers


async def test_body_limit_is_413(client: AsyncTestClient, admin) -> None:
    resp = await client.post("/captures", json=body("x" * 5000), headers=token(admin, "mia", "acme"))
    assert resp.status_code == 413 and set(resp.json()) == {"code", "message", "details", "hint"}
    keyed = await client.post("/captures", json=body("x" * 5000),
                              headers={**token(admin, "mia", "acme"), "Idempotency-Key": "big"})  # fmt: skip
    assert keyed.status_code == 413


async def test_health_ready_openapi(client: AsyncTestClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}
    spec = (await client.get("/schema/openapi.json")).json()
    assert "/captures" in spec["paths"] and "/events" in spec["paths"]


def test_log_lines_are_json_with_context(caplog: pytest.LogCaptureFixture) -> None:
    formatter = logs.JsonFormatter()
    with logs.log_context(request_id="r-1", tenant_id="t-1", user_id="u-1", job_id=7):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("world",), None)
        line = json.loads(formatter.format(record))
    assert line["msg"] == "hello world" and line["request_id"] == "r-1" and line["job_id"] == 7
    assert line["tenant_id"] == "t-1" and line["user_id"] == "u-1"


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_real_socket_sse_resumes_from_last_event_id(settings: Settings, admin) -> None:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None, lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(200):
            if server.started:
                break
            await asyncio.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            made = (await http.post("/captures", json=body("Streamed progress."),
                                    headers=token(admin, "adam", "acme"))).json()  # fmt: skip
            await http.post("/captures", json=body("Another tenant."), headers=token(admin, "gary", "globex"))
            seen: list[dict[str, Any]] = []
            ids: list[int] = []
            async with http.stream("GET", "/events", headers={**token(admin, "adam", "acme"),
                                                              "Last-Event-ID": "0"}) as stream:  # fmt: skip
                assert stream.headers["content-type"].startswith("text/event-stream")
                async for line in stream.aiter_lines():
                    if line.startswith("id:"):
                        ids.append(int(line[3:].strip()))
                    if line.startswith("data:"):
                        seen.append(json.loads(line[5:]))
                        if seen[-1]["capture_id"] == made["capture_id"]:
                            break
            assert seen and all(e["capture_id"] != "" for e in seen)
            rows = admin.execute("select id::text from engine.captures where tenant_id = tests.tenant_id('acme')")
            acme_captures = {r[0] for r in rows.fetchall()}
            assert {e["capture_id"] for e in seen} <= acme_captures
            # Resume after the last id: only newer events arrive (a live one, from a new capture).
            async with http.stream("GET", "/events", headers={**token(admin, "adam", "acme"),
                                                              "Last-Event-ID": str(ids[-1])}) as stream:  # fmt: skip
                newer = (await http.post("/captures", json=body("Live event."),
                                         headers=token(admin, "adam", "acme"))).json()  # fmt: skip
                async for line in stream.aiter_lines():
                    if line.startswith("id:"):
                        assert int(line[3:].strip()) > ids[-1]
                    if line.startswith("data:"):
                        assert json.loads(line[5:])["capture_id"] == newer["capture_id"]
                        break
            no_tenant = await http.get("/events", headers=token(admin, "nina"))
            assert no_tenant.status_code == 400 and no_tenant.json()["code"] == "PT400"
    finally:
        server.should_exit = True
        await task


async def test_idempotency_in_flight_and_expiry(client: AsyncTestClient, admin) -> None:
    headers = {**token(admin, "adam", "acme"), "Idempotency-Key": "slow-1"}
    admin.execute(
        "insert into chassis.idempotency_keys (tenant_id, key, user_id, method, path, request_hash)"
        " values (tests.tenant_id('acme'), 'slow-1', tests.user_id('adam'), 'POST', '/captures', 'x')"
    )
    busy = await client.post("/captures", json=body("In flight."), headers=headers)
    assert busy.status_code == 409 and busy.json()["code"] == "PT409"
    admin.execute("update chassis.idempotency_keys set created_at = now() - interval '2 days' where key = 'slow-1'")
    fresh = await client.post("/captures", json=body("In flight."), headers=headers)
    assert fresh.status_code == 202 and "idempotent-replayed" not in fresh.headers


def test_job_principals_are_redacted_from_logs() -> None:
    record = logging.LogRecord(
        "procrastinate.worker", logging.INFO, __file__, 1, "Job %s started",
        ("derivations__run[3](principal={'role': 'authenticated', 'claims': {'sub': 'olivia', 'email': 'o@x'}}, n=1)",),
        None,
    )  # fmt: skip
    logs.RedactPrincipal().filter(record)
    assert record.getMessage() == "Job derivations__run[3](principal=<redacted>, n=1) started"
