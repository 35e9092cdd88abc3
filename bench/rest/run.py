"""`make bench-rest`: postgrest-compat under 50 concurrent clients from a separate load-generator process, against
the same SQL issued directly with psycopg (baseline: one pipelined round trip per transaction, as many processes as
server workers, the same connection count), for three scenarios; prints req/s, p50, p99 and the ratio.

Layer: bench. Runs inside scripts/with-tmp-db. Env: BENCH_REST_SECONDS (default 8), BENCH_REST_CONCURRENCY (50),
BENCH_REST_WORKERS (server workers, default 2), BENCH_REST_POOL (db-pool, default 10), BENCH_REST_HTTP (granian
or uvicorn, default granian).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.rest.scenarios import SUB, TITLES  # noqa: E402
from postgrest_compat.testing import mint_jwt, running_server  # noqa: E402

SECRET = "bench-rest-secret-bench-rest-secret-0123"
SECONDS = os.environ.get("BENCH_REST_SECONDS", "8")
CONCURRENCY = os.environ.get("BENCH_REST_CONCURRENCY", "50")
WORKERS = int(os.environ.get("BENCH_REST_WORKERS", "2"))
POOL = os.environ.get("BENCH_REST_POOL", "10")
HTTP_SERVER = os.environ.get("BENCH_REST_HTTP", "granian")  # postgrest-compat's POSTGREST_COMPAT_HTTP


def conninfo(dbname: str, user: str = "postgres") -> str:
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user={user} dbname={dbname}"


def loadgen(procs: int, *args: str) -> dict:
    """Run `procs` load-generator processes in parallel (concurrency split between them); merge their results."""
    mode, scenario, target, extra, seconds, concurrency = args
    share = [int(concurrency) // procs + (i < int(concurrency) % procs) for i in range(procs)]
    with tempfile.TemporaryDirectory() as tmp:
        outs = [Path(tmp) / f"{i}.json" for i in range(procs)]
        running = [
            subprocess.Popen(
                [sys.executable, "-m", "bench.rest.loadgen", mode, scenario, target, extra, seconds, str(n), str(out)],
                cwd=ROOT,
            )
            for n, out in zip(share, outs, strict=True)
        ]
        for proc in running:
            if proc.wait() != 0:
                raise RuntimeError(f"load generator failed: {proc.args}")
        parts = [json.loads(out.read_text()) for out in outs]
    latencies = sorted(x for part in parts for x in part["latencies"])

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {
        "rps": len(latencies) / max(part["elapsed"] for part in parts),
        "p50": pct(0.50),
        "p99": pct(0.99),
        "errors": sum(part["errors"] for part in parts),
        "error_sample": [e for part in parts for e in part["error_sample"]][:3],
    }


def main() -> None:
    db = f"bench_rest_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo("postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{db}"')
    try:
        with psycopg.connect(conninfo(db), autocommit=True) as conn:
            conn.execute((Path(__file__).parent / "schema.sql").read_text())
        run(db)
    finally:
        with psycopg.connect(conninfo("postgres"), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{db}" with (force)')


def run(db: str) -> None:
    uri = f"postgresql://authenticator@/{db}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"
    jwt = mint_jwt(SECRET, {"role": "authenticated", "sub": SUB})
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as conf:
        conf.write(
            f'db-uri = "{uri}"\ndb-schemas = "api"\ndb-anon-role = "anon"\ndb-pool = {POOL}\n'
            f'jwt-secret = "{SECRET}"\nserver-host = "127.0.0.1"\nserver-port = 3000\n'
        )
    rows = []
    try:
        with running_server(conf.name, {"POSTGREST_COMPAT_HTTP": HTTP_SERVER}, workers=WORKERS) as url:
            host_port = url.removeprefix("http://")
            for scenario in ("get", "list", "post"):
                http = loadgen(1, "http", scenario, host_port, jwt, SECONDS, CONCURRENCY)
                # baseline: as many Python processes as server workers, the same number of connections in total
                pool = str(max(1, int(POOL) // WORKERS))
                sql = loadgen(WORKERS, "sql", scenario, conninfo(db, "authenticator"), pool, SECONDS, CONCURRENCY)
                rows.append((scenario, http, sql))
    finally:
        os.unlink(conf.name)
    print_table(rows)


def print_table(rows: list[tuple[str, dict, dict]]) -> None:
    print(
        f"\nbench-rest: {CONCURRENCY} concurrent clients, {SECONDS}s per run, {HTTP_SERVER} workers={WORKERS}, "
        f"db-pool={POOL}, {os.cpu_count()} CPUs (load generator, server and PostgreSQL share them)\n"
    )
    header = ("scenario", "compat req/s", "p50 ms", "p99 ms", "errors", "psycopg req/s", "p50 ms", "p99 ms", "ratio")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for scenario, http, sql in rows:
        ratio = http["rps"] / sql["rps"] if sql["rps"] else float("nan")
        cells = (
            TITLES[scenario],
            f"{http['rps']:,.0f}",
            f"{http['p50']:.1f}",
            f"{http['p99']:.1f}",
            str(http["errors"] + sql["errors"]),
            f"{sql['rps']:,.0f}",
            f"{sql['p50']:.1f}",
            f"{sql['p99']:.1f}",
            f"{ratio:.2f}",
        )
        print("| " + " | ".join(cells) + " |")
        for result in (http, sql):
            if result["errors"]:
                print(f"  errors in {scenario}: {result['error_sample']}")
    print("\nratio = compat req/s ÷ psycopg req/s. Target (issue 3): ≥ 2,000 req/s for the single-row GET.")


if __name__ == "__main__":
    main()
