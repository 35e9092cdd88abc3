"""The real worker end to end: a subscription's first fetch job, articles handed to the engine per tenant, the
deterministic interpreter and the LLM interpreter through the engine's stub model (an invented quote is sent
back, a near quote ends needs_review, a persistent invention fails), projections, and the review flag of an
accepted decision relying on a pattern the article warns against. Layer: vertical."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import psycopg
import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from sidecar.chassis.auth import load_postgrest_config
from sidecar.chassis.jobs.app import jobs_app
from sidecar.chassis.jobs.middleware import principal_middleware
from sidecar.chassis.jobs.runtime import Runtime, get_runtime, set_runtime
from sidecar.chassis.net.testing import Reply, ScriptedServer
from sidecar.db import open_pool
from sidecar.engine.llm.factory import reset_engine, use_engine
from sidecar.engine.llm.pydantic_engine import PydanticAIEngine
from sidecar.settings import get_settings
from sidecar.verticals.architecture.feeds.tasks import defer_due_fetches

pytestmark = [pytest.mark.db, pytest.mark.http, pytest.mark.llm]

LEDGER = (
    "We moved the ledger to event sourcing last year. Event sourcing gave us a complete audit trail of every "
    "change. Sagas made our failure handling hard to follow, so we are removing them."
)
OTHER = "A short note about modular monoliths. Modules talk through explicit public interfaces only."
FEED = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Stub weekly</title>
<item><guid>ledger</guid><link>https://stub.example.test/ledger</link><title>Ledger notes</title>
<description>&lt;p&gt;{LEDGER}&lt;/p&gt;</description></item>
<item><guid>modules</guid><link>https://stub.example.test/modules</link><title>Modules</title>
<description>&lt;p&gt;{OTHER}&lt;/p&gt;</description></item></channel></rss>""".encode()
PATTERNS = [("cqrs-event-sourcing", "CQRS / Event Sourcing", []), ("saga-pattern", "Saga Pattern", []),
            ("modular-monolith", "Modular Monolith", [])]  # fmt: skip
VERBATIM = "Sagas made our failure handling hard to follow, so we are removing them."
INVENTED = "Sagas corrupted data in every production system we ever built."
NEAR = "Sagas made our failure handling hard to follow, so we are removing it."


def stub_model(calls: list[str]) -> FunctionModel:
    """The engine's LLM double: answers per article; invents a quote and, when told, mends it (or not)."""

    def respond(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        prompt = json.dumps([m.parts[0].content for m in messages if hasattr(m.parts[0], "content")][:1])
        retried = any(isinstance(m, ModelResponse) for m in messages)  # our earlier answer was sent back
        calls.append(("retry:" if retried else "first:") + ("ledger" if "ledger" in prompt else "modules"))
        if "ledger" in prompt:
            payload = {
                "patterns": [
                    {"pattern": "Event Sourcing", "stance": "recommends",
                     "evidence": ["Event sourcing gave us a complete audit trail of every change."]},
                    {"pattern": "Sagas", "stance": "warns_against", "evidence": [VERBATIM]},
                ],
                "claims": [
                    {"statement": "Sagas obscure failure handling", "pattern": "Saga", "stance": "warns_against",
                     "evidence": VERBATIM},
                    {"statement": "Sagas corrupt data", "pattern": "Saga", "stance": "warns_against",
                     "evidence": NEAR if retried else INVENTED},
                ],
                "trade_offs": [],
            }  # fmt: skip
        else:
            payload = {"patterns": [{"pattern": "Modular Monolith", "stance": "explains",
                                     "evidence": ["Modular monoliths are the best architecture ever invented."]}],
                       "claims": [], "trade_offs": []}  # fmt: skip
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, payload)])

    return FunctionModel(respond)


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        srv.routes["/stub.rss"] = lambda seen: Reply(200, {"Content-Type": "application/rss+xml"}, FEED)
        yield srv


@pytest.fixture(scope="module")
async def worker_env(db_conninfo: str, server: ScriptedServer) -> AsyncIterator[None]:
    keys = ("SIDECAR_DATABASE_URL", "SIDECAR_VERTICALS", "SIDECAR_NET_ALLOW")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ["SIDECAR_DATABASE_URL"] = db_conninfo.replace("user=postgres", "user=sidecar")
    os.environ["SIDECAR_VERTICALS"] = "architecture"
    os.environ["SIDECAR_NET_ALLOW"] = f"127.0.0.1:{server.port}"
    get_settings.cache_clear()
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select tests.ensure_envelope()")
        for slug, name, aliases in PATTERNS:
            conn.execute(
                """insert into architecture.patterns (slug, name, category, complexity, team_size, summary,
                   also_known_as, when_to_use, when_not_to_use, key_components, pros, cons, overview, content_hash)
                   values (%s, %s, 'x', 3, 'any', 's', %s, '{a}', '{b}', '[]', '[]', '[]', 'o', 'h')""",
                (slug, name, aliases),
            )
    import sidecar.engine.tasks
    import sidecar.verticals.architecture.tasks  # noqa: F401

    settings = get_settings()
    pool = await open_pool(settings.database_url, min_size=1, max_size=6)
    set_runtime(Runtime(pool=pool, config=load_postgrest_config(settings.postgrest_conf), settings=settings))
    # procrastinate ignores open_async(pool) while it still holds a pool another test module passed in (and closed):
    # forget that one so this module's worker and defers use this module's pool.
    connector: Any = jobs_app.connector
    connector._async_pool, connector._pool_externally_set = None, False
    try:
        async with jobs_app.open_async(pool):
            yield
    finally:
        connector._async_pool, connector._pool_externally_set = None, False
        reset_engine()
        set_runtime(None)
        await pool.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()


async def run_queue(queue: str) -> None:
    await jobs_app.run_worker_async(
        queues=[queue], wait=False, concurrency=1, worker_middleware=[principal_middleware],
        install_signal_handlers=False, listen_notify=False,
    )  # fmt: skip


def as_user(conninfo: str, sub: str, tenant: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
        return conn.execute(sql, args).fetchall()


async def test_subscription_to_verified_insights_through_the_worker(
    db_conninfo: str, server: ScriptedServer, worker_env: None
) -> None:
    calls: list[str] = []
    use_engine(PydanticAIEngine(stub_model(calls), provider="openai", model_name="gpt-4o-mini", output_retries=1))
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('adam', 'acme')")
        imported = """select api.architecture_decision_import('{"title": "Sagas"}', status => 'accepted') ->> 'id'"""
        adr = conn.execute(imported).fetchone()[0]
        conn.execute("select api.architecture_decision_link(%s, 'relies_on', pattern_id => "
                     "(select id from architecture.patterns where slug = 'saga-pattern'))", (adr,))  # fmt: skip
        conn.execute("select api.architecture_feed_subscribe(%s)", (server.url("/stub.rss"),))
    await run_queue("feeds")
    assert [s.path for s in server.seen] == ["/stub.rss"]
    captures = as_user(db_conninfo, "mia", "acme", "select kind, source from engine.captures order by kind")
    assert captures == [("architecture.pattern_mentions", "feed"), ("architecture.pattern_mentions", "feed")]
    await run_queue("llm")

    derivations = dict(as_user(db_conninfo, "mia", "acme", """
        select c.metadata ->> 'title' || ' ' || d.kind, d.status from engine.derivations as d
        join engine.captures as c on c.id = d.capture_id"""))  # fmt: skip
    assert derivations == {
        "Ledger notes architecture.pattern_mentions": "done",
        "Ledger notes architecture.insights": "needs_review",
        "Modules architecture.pattern_mentions": "done",
        "Modules architecture.insights": "failed",
    }
    assert sorted(calls) == ["first:ledger", "first:modules", "retry:ledger", "retry:modules"]
    claims = as_user(
        db_conninfo,
        "mia",
        "acme",
        """
        select statement, quote, verification, match from api.architecture_article_claims order by ord""",
    )
    assert claims == [
        ("Sagas obscure failure handling", VERBATIM, "verified", "exact"),
        ("Sagas corrupt data", NEAR, "needs_review", "fuzzy"),
    ]
    links = as_user(db_conninfo, "mia", "acme", """
        select a.title, p.pattern_slug, p.source, p.stance, p.verified from api.architecture_article_patterns as p
        join api.architecture_articles as a on a.id = p.article_id order by 1, 2, 3""")  # fmt: skip
    assert links == [
        ("Ledger notes", "cqrs-event-sourcing", "insights", "recommends", True),
        ("Ledger notes", "cqrs-event-sourcing", "mentions", "mentions", True),
        ("Ledger notes", "saga-pattern", "insights", "warns_against", True),
        ("Ledger notes", "saga-pattern", "mentions", "mentions", True),
        ("Modules", "modular-monolith", "mentions", "mentions", True),
    ]
    flags = as_user(
        db_conninfo, "adam", "acme", "select evidence ->> 'quote' from api.architecture_decision_review_flags"
    )
    assert flags == [(VERBATIM,)]
    assert as_user(db_conninfo, "mia", "acme", "select bool_and(interpreted) from api.architecture_articles") == [
        (True,)
    ]


async def test_scheduler_defers_due_feeds_and_the_refetch_is_conditional(
    db_conninfo: str, server: ScriptedServer, worker_env: None
) -> None:
    def conditional(seen: Any) -> Reply:
        if seen.headers.get("if-none-match") == '"s1"':
            return Reply(304, {"ETag": '"s1"'})
        return Reply(200, {"Content-Type": "application/rss+xml", "ETag": '"s1"'}, FEED)

    server.routes["/scheduled.rss"] = conditional
    url = server.url("/scheduled.rss")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('gary', 'globex')")
        conn.execute("select api.architecture_feed_subscribe(%s)", (url,))
    await run_queue("feeds")
    runtime = get_runtime()
    assert await defer_due_fetches(runtime) == []  # just fetched: not due
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("update architecture.feeds set next_check_at = now() - interval '1 second' where url = %s", (url,))
        before = conn.execute("select count(*), max(xmin::text) from architecture.feed_items").fetchone()
    assert len(await defer_due_fetches(runtime)) == 1
    assert await defer_due_fetches(runtime) == []  # leased: not deferred twice
    await run_queue("feeds")
    seen = [s.headers.get("if-none-match") for s in server.seen if s.path == "/scheduled.rss"]
    assert seen == [None, '"s1"']
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        after = conn.execute("select count(*), max(xmin::text) from architecture.feed_items").fetchone()
        status = conn.execute("select last_http_status from architecture.feeds where url = %s", (url,)).fetchone()
    assert (after, status) == (before, (304,))
    articles = as_user(db_conninfo, "gary", "globex", "select count(*) from api.architecture_articles")
    assert articles == [(2,)]


async def test_a_late_subscriber_gets_the_fetched_articles_interpreted_without_a_refetch(
    db_conninfo: str, server: ScriptedServer, worker_env: None
) -> None:
    use_engine(None)  # no LLM configured: the deterministic interpreter still runs, insights are skipped
    server.routes["/late.rss"] = lambda seen: Reply(200, {"Content-Type": "application/rss+xml"}, FEED)
    url = server.url("/late.rss")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        conn.execute("select api.architecture_feed_subscribe(%s)", (url,))
    await run_queue("feeds")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('gary', 'globex')")
        conn.execute("select api.architecture_feed_subscribe(%s)", (url,))
    await run_queue("feeds")
    await run_queue("llm")
    assert [s.path for s in server.seen].count("/late.rss") == 1
    sql = """select a.title, p.pattern_slug from api.architecture_article_patterns as p
             join api.architecture_articles as a on a.id = p.article_id
             where p.source = 'mentions'
               and a.feed_id = (select feed_id from api.architecture_feed_subscriptions where url = %s) order by 1, 2"""
    expected = [
        ("Ledger notes", "cqrs-event-sourcing"),
        ("Ledger notes", "saga-pattern"),
        ("Modules", "modular-monolith"),
    ]
    assert as_user(db_conninfo, "gary", "globex", sql, url) == expected
    assert as_user(db_conninfo, "olivia", "acme", sql, url) == expected
    skipped = as_user(db_conninfo, "gary", "globex", "select distinct status from engine.derivations "
                      "where kind = 'architecture.insights'")  # fmt: skip
    assert skipped == [("skipped",)]
    # The same items cross-posted in another feed of acme: the finished derivations of that text are reused at once.
    server.routes["/late-copy.rss"] = lambda seen: Reply(200, {"Content-Type": "application/rss+xml"}, FEED)
    copy = server.url("/late-copy.rss")
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('olivia', 'acme')")
        conn.execute("select api.architecture_feed_subscribe(%s)", (copy,))
    await run_queue("feeds")
    assert as_user(db_conninfo, "olivia", "acme", sql, copy) == expected
