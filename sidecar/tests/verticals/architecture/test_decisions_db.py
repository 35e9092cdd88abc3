"""ADRs against Postgres: numbering under concurrent creation, and Markdown import → export → import through the
database without loss. Layer: vertical (architecture) tests.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import AsyncConnection

from sidecar.verticals.architecture.decisions.parser import parse
from sidecar.verticals.architecture.decisions.service import export_one, export_zip, files_from_zip, import_files

pytestmark = pytest.mark.db

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"


@pytest.fixture(scope="module")
def seeded_db(module_db: str, db_conninfo: str) -> str:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
    return db_conninfo


async def _as_user(conninfo: str, sub: str, tenant: str) -> AsyncConnection[Any]:
    conn = await AsyncConnection.connect(conninfo)
    await conn.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))
    return conn


async def _numbers(conninfo: str, sub: str, tenant: str) -> list[int]:
    conn = await _as_user(conninfo, sub, tenant)
    rows = await (await conn.execute("select number from api.architecture_decisions order by number")).fetchall()
    await conn.close()
    return [r[0] for r in rows]


async def test_concurrent_creates_get_gap_free_unique_numbers_per_tenant(seeded_db: str) -> None:
    start = asyncio.Event()

    async def create(sub: str, tenant: str, title: str, *, roll_back: bool = False) -> int:
        conn = await _as_user(seeded_db, sub, tenant)
        try:
            await start.wait()
            cur = await conn.execute("select number from api.architecture_decision_create(%s)", (title,))
            row = await cur.fetchone()
            assert row is not None
            await conn.execute("select pg_sleep(0.02)")  # hold the counter lock so creators really overlap
            await (conn.rollback() if roll_back else conn.commit())
            return int(row[0])
        finally:
            await conn.close()

    tasks = [asyncio.create_task(create("mia", "acme", f"Parallel {i}", roll_back=i == 7)) for i in range(21)]
    tasks += [asyncio.create_task(create("gary", "globex", f"Globex {i}")) for i in range(5)]
    await asyncio.sleep(0.2)
    start.set()
    await asyncio.gather(*tasks)
    assert await _numbers(seeded_db, "mia", "acme") == list(range(1, 21))
    assert await _numbers(seeded_db, "gary", "globex") == list(range(1, 6))


async def test_markdown_import_export_import_through_the_database_is_a_no_op(seeded_db: str) -> None:
    samples = [(f"docs/adr/{p.name}", p.read_text()) for p in sorted(FIXTURES.glob("*.md"))]
    with psycopg.connect(seeded_db, autocommit=True) as admin:
        admin.execute("select tests.create_tenant('initech', 'ivan')")
    conn = await _as_user(seeded_db, "ivan", "initech")
    first = await import_files(conn, samples)
    await conn.commit()
    by_name = {Path(f.path).name: f for f in first.files}
    assert {f.action for f in first.files} == {"created"}
    assert by_name["0004-use-kafka-for-domain-events.md"].source_format == "madr3"
    assert [f.number for f in first.files] == [1, 2, 3, 4, 5, 7, 8]  # numbers kept; Log4brains gets the next one
    assert any("Refined by" in w for w in by_name["0005-use-markdown-architectural-decision-records.md"].warnings)
    assert any("Rollout" in w for w in by_name["20200925-use-log4brains-to-manage-the-adrs.md"].warnings)

    await conn.execute("select tests.authenticate_as('ivan', 'initech')")
    rabbit = by_name["0002-use-rabbitmq-for-events.md"]
    labels = await (
        await conn.execute(
            "select label, other_number from api.architecture_decision_relations where decision_id = %s order by 1",
            (rabbit.id,),
        )
    ).fetchall()
    assert labels == [
        ("amended_by", by_name["0003-dead-letter-queues-for-poison-messages.md"].number),
        ("superseded_by", by_name["0004-use-kafka-for-domain-events.md"].number),
    ]
    exported = await export_zip(conn)
    versions = dict(await (await conn.execute("select id, version from api.architecture_decisions")).fetchall())
    await conn.commit()

    archive_files = files_from_zip(exported)
    assert len(archive_files) == len(samples)
    await conn.execute("select tests.authenticate_as('ivan', 'initech')")
    second = await import_files(conn, archive_files)
    assert {f.action for f in second.files} == {"unchanged"}
    assert sum(f.links_added for f in second.files) == 0
    assert dict(await (await conn.execute("select id, version from api.architecture_decisions")).fetchall()) == versions
    assert _zip_contents(await export_zip(conn)) == _zip_contents(exported)
    name, text = await export_one(conn, rabbit.id)
    assert name == f"{rabbit.number:04d}-use-rabbitmq-for-domain-events.md"
    assert parse(text).status == "superseded"
    await conn.rollback()
    await conn.close()


def _zip_contents(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


async def test_refused_files_are_reported_and_the_others_imported(seeded_db: str) -> None:
    conn = await _as_user(seeded_db, "mia", "acme")
    accepted = FIXTURES / "0004-use-kafka-for-domain-events.md"
    draft = "# A member's draft\n\n## Context and Problem Statement\n\nStill thinking.\n"
    files = [(accepted.name, accepted.read_text()), ("draft.md", draft), ("x.md", "no title")]
    report = await import_files(conn, files)
    outcome = {f.path: (f.action, f.problems) for f in report.files}
    assert outcome["x.md"] == ("failed", ["no title: expected a '# Title' line or a title in the front matter"])
    assert outcome[accepted.name] == (
        "failed",
        ["importing a accepted record needs the architecture.decision.decide action"],
    )
    assert outcome["draft.md"][0] == "created"
    await conn.rollback()
    await conn.close()
