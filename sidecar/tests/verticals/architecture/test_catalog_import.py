"""Catalog import into Postgres: the real export, idempotence, revisions, tenant-private imports. Layer: vertical."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import AsyncConnection

from sidecar.verticals.architecture.catalog.parser import CatalogFormatError, parse_export
from sidecar.verticals.architecture.catalog.service import import_export, import_text

pytestmark = pytest.mark.db

EXPORT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "layra-patterns.md"
RAW = EXPORT.read_text()
SECTIONS = (
    "also_known_as", "when_to_use", "when_not_to_use", "key_components", "pros", "cons", "tech_stacks",
    "real_world_examples", "decision_matrix", "references",
)  # fmt: skip


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return db_conninfo


async def _connect(conninfo: str) -> AsyncConnection[Any]:
    return await AsyncConnection.connect(conninfo)


@pytest.fixture(scope="module")
def first_import(seeded_db: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The real export imported once per database (each xdist worker clones its own): the tests that need the
    global catalog depend on this, so they pass however the module's tests are split across workers."""
    seen: list[tuple[str, str]] = []

    async def run() -> dict[str, Any]:
        conn = await _connect(seeded_db)
        await conn.execute("set role operator")
        await conn.execute("select chassis.operator_session('pytest', 'catalog import test')")
        report = await import_text(
            conn, RAW, scope="global", source=str(EXPORT), progress=lambda p, outcome: seen.append((p.slug, outcome))
        )
        await conn.commit()
        await conn.close()
        return report

    return asyncio.run(run()), seen


@pytest.fixture
async def operator(seeded_db: str) -> AsyncIterator[AsyncConnection[Any]]:
    conn = await _connect(seeded_db)
    await conn.execute("set role operator")
    await conn.execute("select chassis.operator_session('pytest', 'catalog import test')")
    await conn.commit()
    yield conn
    await conn.close()


async def _as_user(conninfo: str, sub: str, tenant: str) -> AsyncConnection[Any]:
    conn = await _connect(conninfo)
    await conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
    return conn


async def _scalar(conn: AsyncConnection[Any], sql: str, *args: Any) -> Any:
    row = await (await conn.execute(sql, args)).fetchone()
    assert row is not None
    return row[0]


async def test_real_export_imports_43_patterns_with_every_section(
    first_import: tuple[dict[str, Any], list[tuple[str, str]]], operator: AsyncConnection[Any]
) -> None:
    report, seen = first_import
    parsed = parse_export(RAW)
    assert len(seen) == 43 and {o for _, o in seen} == {"created"}
    assert report["counts"] == {
        "patterns": 43, "created": 43, "revised": 0, "unchanged": 0,
        "related_links": 210, "unresolved_links": 0, "dangling_links": 0,
    }  # fmt: skip
    for section in SECTIONS:
        assert report["sections"][section] == sum(len(getattr(p, section)) for p in parsed.patterns), section
    assert report["sections"]["overviews"] == 43
    assert report["declared_count"] == 43
    assert [w["message"] for w in report["warnings"]] == [
        "related pattern 'consensus-algorithms' resolved loosely (partial) to 'distributed-consensus'"
    ]
    assert await _scalar(operator, "select count(*) from architecture.patterns where tenant_id is null") == 43
    assert await _scalar(operator, "select count(*) from architecture.search_documents where source = 'pattern'") == 43


async def test_reimport_is_idempotent(first_import: Any, operator: AsyncConnection[Any]) -> None:
    report = await import_text(operator, RAW, scope="global", source="again")
    await operator.commit()
    assert (report["counts"]["unchanged"], report["counts"]["created"], report["counts"]["revised"]) == (43, 0, 0)
    assert await _scalar(operator, "select count(*) from architecture.pattern_revisions") == 43
    assert await _scalar(operator, "select max(revision) from architecture.patterns") == 1


async def test_changed_content_creates_a_revision_and_keeps_the_old_one(
    first_import: Any, operator: AsyncConnection[Any]
) -> None:
    edited = RAW.replace("- [high] Extensible through tools", "- [low] Extensible through tools", 1)
    report = await import_text(operator, edited, scope="global", source="edited")
    await operator.commit()
    assert (report["counts"]["revised"], report["counts"]["unchanged"]) == (1, 42)
    rows = await (
        await operator.execute(
            "select r.revision, r.content -> 'pros' -> 1 ->> 'weight' from architecture.pattern_revisions as r "
            "join architecture.patterns as p on p.id = r.pattern_id where p.slug = 'agent-orchestration' order by 1"
        )
    ).fetchall()
    assert rows == [(1, "high"), (2, "low")]
    current = await _scalar(
        operator, "select pros -> 1 ->> 'weight' from architecture.patterns where slug = 'agent-orchestration'"
    )
    assert current == "low"


async def test_malformed_export_writes_nothing(operator: AsyncConnection[Any]) -> None:
    before = await _scalar(operator, "select count(*) from architecture.catalog_imports")
    with pytest.raises(CatalogFormatError) as info:
        await import_text(operator, RAW.replace("### Cons", "### Konz", 1), scope="global", source="bad")
    assert (info.value.pattern, info.value.section) == ("Agent Orchestration", "Cons")
    await operator.rollback()
    assert await _scalar(operator, "select count(*) from architecture.catalog_imports") == before


async def test_tenant_admin_imports_private_patterns_resolved_against_the_catalog(
    first_import: Any, seeded_db: str
) -> None:
    custom = RAW.split(" --- ")[1].replace("# AI Feature Store", "# Acme Feature Store")
    adam = await _as_user(seeded_db, "adam", "acme")
    report = await import_text(adam, custom, scope="tenant", source="acme.md")
    await adam.commit()
    assert report["scope"] == "tenant"
    assert report["counts"]["created"] == 1
    assert report["counts"]["unresolved_links"] == 0
    await adam.close()

    gary = await _as_user(seeded_db, "gary", "globex")
    assert await _scalar(gary, "select count(*) from api.architecture_patterns where slug = 'acme-feature-store'") == 0
    assert await _scalar(gary, "select count(*) from api.architecture_patterns") == 43
    await gary.close()
    mia = await _as_user(seeded_db, "mia", "acme")
    assert await _scalar(mia, "select scope from api.architecture_patterns where slug = 'acme-feature-store'") == (
        "custom"
    )
    await mia.close()


@pytest.mark.parametrize(("sub", "tenant", "scope"), [("mia", "acme", "tenant"), ("olivia", "acme", "global")])
async def test_import_is_refused_to_members_and_global_imports_to_users(
    seeded_db: str, sub: str, tenant: str, scope: str
) -> None:
    conn = await _as_user(seeded_db, sub, tenant)
    with pytest.raises(psycopg.Error) as info:
        await import_export(conn, parse_export(RAW.split(" --- ")[2]), scope=scope, source="x")  # type: ignore[arg-type]
    assert info.value.sqlstate == "PT403"
    await conn.close()
