"""architecture_search over the real imported catalog: known queries land on the expected patterns. Layer: vertical."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import AsyncConnection

from sidecar.verticals.architecture.catalog.service import import_text

pytestmark = pytest.mark.db

EXPORT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "layra-patterns.md"


async def _import(conninfo: str) -> None:
    async with await AsyncConnection.connect(conninfo) as conn:
        await conn.execute("set role operator")
        await conn.execute("select chassis.operator_session('pytest', 'search test')")
        await import_text(conn, EXPORT.read_text(), scope="global", source="test")
        await conn.commit()


@pytest.fixture(scope="module")
def catalog_db(db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    asyncio.run(_import(db_conninfo))
    return db_conninfo


def _search(conninfo: str, q: str, **filters: Any) -> dict[str, Any]:
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as('mia', 'acme')")
        names = ", ".join(f"{k} => %({k})s" for k in filters)
        sql = f"select api.architecture_search(%(q)s{', ' + names if names else ''})"
        row = conn.execute(sql, {"q": q, **filters}).fetchone()
    assert row is not None
    return row[0]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("circuit breaker", "circuit-breaker"),
        ("saga", "saga-pattern"),
        ("pub/sub", "publish-subscribe"),
        ("retrieval augmented generation", "rag-architecture"),
        ("outbox", "change-data-capture"),
        ("ports and adapters", "hexagonal-architecture"),
        ("hexagonl", "hexagonal-architecture"),
        ("modular monolith", "modular-monolith"),
        ('"event sourcing"', "cqrs-event-sourcing"),
        ("sharding", "data-partitioning"),
    ],
)
def test_known_queries_rank_the_expected_pattern_first(catalog_db: str, query: str, first: str) -> None:
    result = _search(catalog_db, query)
    assert result["hits"][0]["slug"] == first, [h["slug"] for h in result["hits"][:5]]


def test_snippets_are_highlighted_and_facets_cover_the_catalog(catalog_db: str) -> None:
    result = _search(catalog_db, "idempotent retries")
    assert result["total"] >= 3
    assert all("<mark>" in hit["snippet"] for hit in result["hits"] if hit["matched_by"] == "text")
    categories = {f["value"] for f in _search(catalog_db, "architecture")["facets"]["category"]}
    assert categories == {"ai", "application", "data", "integration", "system"}
    ai_only = _search(catalog_db, "architecture", category="ai")
    assert {hit["category"] for hit in ai_only["hits"]} == {"ai"}
    assert {f["value"] for f in ai_only["facets"]["category"]} == categories
