"""Feed fetching against a server that stalls: the fetch gives up at its timeout, records the error for the tenant
and backs off, never raising or hanging the worker. Layer: vertical."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

import psycopg
import pytest
from psycopg import AsyncConnection

from sidecar.chassis.net import AddressPolicy
from sidecar.chassis.net.testing import Reply, ScriptedServer
from sidecar.verticals.architecture.feeds.fetcher import FetchSettings, fetch_feed

pytestmark = [pytest.mark.db, pytest.mark.http]

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Late</title></channel></rss>"


@pytest.fixture(scope="module")
def world(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return db_conninfo


def short_timeouts(server: ScriptedServer) -> FetchSettings:
    return FetchSettings(policy=AddressPolicy.allowing(f"127.0.0.1:{server.port}"), read_timeout=0.3, total_timeout=0.8)


def subscribe(conninfo: str, url: str) -> UUID:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as('mia', 'acme')")
        row = conn.execute("select (api.architecture_feed_subscribe(%s)).feed_id", (url,)).fetchone()
        assert row is not None
        return row[0]


def status(conninfo: str, feed_id: UUID) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as('mia', 'acme')")
        return conn.execute(
            """select error_count, last_error_code, last_error is not null,
                      next_check_at > now() + interval '90 minutes'
               from api.architecture_feed_subscriptions where feed_id = %s""",
            (feed_id,),
        ).fetchall()


async def test_a_stalled_server_times_out_and_the_error_is_recorded(
    world: str, server: ScriptedServer, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/late.rss"] = lambda seen: Reply(200, {"Content-Type": "application/rss+xml"}, FEED, delay=3.0)
    settings = short_timeouts(server)
    feed_id = subscribe(world, server.url("/late.rss"))
    started = time.monotonic()
    report = await fetch_feed(sidecar, feed_id, settings)
    assert time.monotonic() - started < 2.5
    assert (report.kind, report.error_code, report.articles) == ("error", "timeout", ())
    assert status(world, feed_id) == [(1, "timeout", True, True)]


async def test_a_prompt_server_within_the_timeout_is_fetched(
    world: str, server: ScriptedServer, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/prompt.rss"] = lambda seen: Reply(200, {"Content-Type": "application/rss+xml"}, FEED, delay=0.1)
    settings = short_timeouts(server)
    feed_id = subscribe(world, server.url("/prompt.rss"))
    report = await fetch_feed(sidecar, feed_id, settings)
    assert (report.kind, report.error_code) == ("ok", None)
    assert status(world, feed_id)[0][:2] == (0, None)
