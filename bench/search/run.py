"""Search benchmark: p50/p95 of api.architecture_search over 10,000 synthetic documents plus the real catalog,
against a plain ILIKE scan as the baseline, in the same run. Layer: vertical (architecture) tooling.

Run through `make bench-search` (a throwaway cluster from scripts/with-tmp-db).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import AsyncConnection

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sidecar.verticals.architecture.catalog.service import import_text  # noqa: E402

EXPORT = ROOT.parent / "shared" / "data" / "layra-patterns.md"
DOCS = 10_000
ROUNDS = 5
QUERIES = [
    "saga", "circuit breaker", "event sourcing", "outbox", "retrieval augmented generation", "microservise",
    "modular monolith", '"service mesh"', "cache -redis", "idempotent retries", "vector database", "sharding",
    "schema evolution", "guardrails", "kafka or pulsar", "tenant isolation", "stream processing", "hexagonl",
    "consensus", "api gateway",
]  # fmt: skip
BASELINE = """
select d.source, d.ref_id, d.title from architecture.search_documents as d
where d.title ilike %(p)s or d.aliases ilike %(p)s or d.summary ilike %(p)s or d.body ilike %(p)s
order by (d.title ilike %(p)s) desc, d.title limit 20
"""


def admin(dbname: str) -> str:
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=postgres dbname={dbname}"


async def import_catalog(conninfo: str) -> None:
    async with await AsyncConnection.connect(conninfo) as conn:
        await conn.execute("set role operator")
        await conn.execute("select chassis.operator_session('bench', 'search benchmark')")
        await import_text(conn, EXPORT.read_text(), scope="global", source=str(EXPORT))
        await conn.commit()


def synthetic_rows(vocabulary: list[str], tenants: list[str]) -> list[tuple[object, ...]]:
    rng = random.Random(42)
    rows = []
    for i in range(DOCS):
        words = lambda n: " ".join(rng.choices(vocabulary, k=n))  # noqa: E731
        rows.append((
            "bench", f"doc-{i}", rng.choice(tenants) if i % 2 else None, words(rng.randint(3, 7)).title(),
            words(3), words(25), words(rng.randint(150, 450)), rng.choice(["ai", "data", "system", "integration"]),
            rng.randint(1, 5), rng.choice(["small", "medium", "large"]),
        ))  # fmt: skip
    return rows


def seed(conninfo: str) -> None:
    text = EXPORT.read_text()
    vocabulary = [w.lower() for w in re.findall(r"[A-Za-z][a-z]{3,}", text)]
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select architecture.register_search_source('bench', 'Benchmark documents')")
        tenants = [r[0] for r in conn.execute("select id from chassis.tenants where slug in ('acme', 'globex')")]
        columns = "source, ref_id, tenant_id, title, aliases, summary, body, category, complexity, team_size"
        with conn.cursor() as cur, cur.copy(f"copy architecture.search_documents ({columns}) from stdin") as copy:
            for row in synthetic_rows(vocabulary, tenants):
                copy.write_row(row)
        conn.execute("vacuum analyze architecture.search_documents")


def measure(conninfo: str, sql: str, params_for) -> list[float]:
    timings = []
    with psycopg.connect(conninfo) as conn:
        conn.execute("select tests.authenticate_as('mia', 'acme')")
        for q in QUERIES:  # warm-up
            conn.execute(sql, params_for(q)).fetchall()
        for _ in range(ROUNDS):
            for q in QUERIES:
                start = time.perf_counter()
                conn.execute(sql, params_for(q)).fetchall()
                timings.append((time.perf_counter() - start) * 1000)
        conn.rollback()
    return timings


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    db = f"bench_search_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin("postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{db}" template "{os.environ["STANCE_TEMPLATE_DB"]}"')
    try:
        asyncio.run(import_catalog(admin(db)))
        seed(admin(db))
        with psycopg.connect(admin(db)) as conn:
            total = conn.execute("select count(*) from architecture.search_documents").fetchone()[0]
        runs = {
            "architecture_search (FTS + trigram, ranked, snippets, facets)": measure(
                admin(db), "select api.architecture_search(%(q)s)", lambda q: {"q": q}
            ),
            "baseline: ILIKE scan (title/aliases/summary/body), top 20": measure(
                admin(db), BASELINE, lambda q: {"p": f"%{q.strip(chr(34)).split()[0]}%"}
            ),
        }
    finally:
        with psycopg.connect(admin("postgres"), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{db}" with (force)')
    print(
        f"\nsearch benchmark: {total} documents ({DOCS} synthetic + catalog), {len(QUERIES)} queries x {ROUNDS} rounds"
    )
    print(f"{'method':<64} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
    for name, t in runs.items():
        print(f"{name:<64} {len(t):>5} {pct(t, 50):>8.2f} {pct(t, 95):>8.2f} {statistics.fmean(t):>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
