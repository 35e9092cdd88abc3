"""The sidecar's JSON access log for engine endpoints: each request's line carries its request id and the actor
(user and tenant resolved by pre_request), and a refused request names no actor. Layer: engine (tests)."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import os
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from engine_support import SECRET
from litestar.testing import AsyncTestClient

from postgrest_compat.testing import mint_jwt
from sidecar import logs
from sidecar.app import create_app
from sidecar.settings import get_settings

pytestmark = [pytest.mark.db, pytest.mark.http]


@pytest.fixture
def access_lines() -> Iterator[io.StringIO]:
    """The access logger's records, formatted by the sidecar's own JSON formatter as they are emitted."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("sidecar.access")
    saved = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield out
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def lines(out: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


async def test_access_lines_carry_request_id_and_actor(
    engine_db: str, admin_db: psycopg.Connection, access_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGRST_JWT_SECRET", SECRET)
    settings = dataclasses.replace(
        get_settings(),
        database_url=f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={engine_db}",
        verticals=(), verticals_explicit=True,
    )  # fmt: skip
    claims = admin_db.execute("select tests.claims('mia', 'acme')").fetchone()[0]
    mia, acme = admin_db.execute("select tests.user_id('mia')::text, tests.tenant_id('acme')::text").fetchone()
    body = {"kind": "test.words", "content": "Access logs name the actor.", "source": "log-test", "metadata": {}}
    async with AsyncTestClient(app=create_app(settings)) as client:
        made = await client.post(
            "/captures", json=body, headers={"Authorization": f"Bearer {mint_jwt(SECRET, claims)}",
                                             "X-Request-Id": "log-req-1"},
        )  # fmt: skip
        refused = await client.post("/captures", json=body, headers={"X-Request-Id": "log-req-2"})
    assert (made.status_code, refused.status_code) == (202, 401)
    by_id = {line["request_id"]: line for line in lines(access_lines)}
    ok = by_id["log-req-1"]
    assert (ok["logger"], ok["msg"], ok["status"]) == ("sidecar.access", "POST /captures", 202)
    assert (ok["user_id"], ok["user_sub"], ok["tenant_id"]) == (mia, claims["sub"], acme)
    assert isinstance(ok["ms"], float)
    anon = by_id["log-req-2"]
    assert (anon["status"], anon["user_id"], anon["user_sub"], anon["tenant_id"]) == (401, None, None, None)
