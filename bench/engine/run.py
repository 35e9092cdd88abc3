"""`make bench-engine`: derivations/s end to end (capture RPC → job → pipeline → stored derivation) with a
zero-latency deterministic interpreter and with an LLM stub sleeping 2 s at concurrency 20, against no-op jobs
(raw procrastinate, and principal-stamped through chassis.enqueue_job) as the baseline, in one run.
Layer: engine (bench). Runs inside scripts/with-tmp-db; the worker runs in this process.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import sys
import time
import uuid
from pathlib import Path

import psycopg
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "sidecar" / "tests" / "engine")]

from llm_stub import openai_stub  # noqa: E402
from procrastinate.job_context import JobContext  # noqa: E402
from pydantic_ai.models import override_allow_model_requests  # noqa: E402

from postgrest_compat.config import load_config  # noqa: E402
from sidecar.chassis.jobs.app import jobs_app, task  # noqa: E402
from sidecar.chassis.jobs.middleware import principal_middleware  # noqa: E402
from sidecar.chassis.jobs.runtime import Runtime, set_runtime  # noqa: E402
from sidecar.chassis.jobs.worker import import_task_modules  # noqa: E402
from sidecar.db import open_pool  # noqa: E402
from sidecar.engine import registry  # noqa: E402
from sidecar.engine.llm.factory import use_engine  # noqa: E402
from sidecar.engine.llm.pydantic_engine import PydanticAIEngine  # noqa: E402
from sidecar.engine.llm.settings import llm_settings  # noqa: E402
from sidecar.engine.registry import CaptureInput, Interpreter  # noqa: E402
from sidecar.settings import get_settings  # noqa: E402

N_FAST = int(os.environ.get("BENCH_N", "400"))
N_SLOW = int(os.environ.get("BENCH_N_SLOW", "60"))
CONCURRENCY = 20
STUB_DELAY = 2.0


class Echo(BaseModel):
    words: int
    evidence: list[str]


def echo(capture: CaptureInput, _: object) -> dict[str, object]:
    return {"words": len(capture.content.split()), "evidence": [capture.content[:20]]}


FAST = Interpreter(kind="bench.fast", version="1", output=Echo, derive=echo, evidence_paths=("evidence",))
SLOW = Interpreter(kind="bench.slow", version="1", output=Echo, instructions="Count words.", max_output_tokens=64)


@task("bench__noop", queue="default")
async def bench__noop(context: JobContext) -> None:
    """Principal-stamped no-op (the chassis baseline)."""


@task("bench__raw", queue="default", system=True)
async def bench__raw(context: JobContext) -> None:
    """Raw procrastinate no-op (no principal: the library baseline)."""


def conninfo(db: str, user: str) -> str:
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user={user} dbname={db}"


def setup_database() -> str:
    db = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo("postgres", "postgres"), autocommit=True) as conn:
        conn.execute(f'create database "{db}" template "{os.environ["STANCE_TEMPLATE_DB"]}"')
    with psycopg.connect(conninfo(db, "postgres"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('bench', 'engine benchmark')")
        conn.execute("select tests.personas()")
        conn.execute("select chassis.register_task('bench__noop', 'default')")
        for it in (FAST, SLOW):
            args = (it.kind, it.version, json.dumps(it.output_schema), it.model_label, it.prompt_hash)
            conn.execute("select engine.register_interpreter(%s, %s, %s::jsonb, %s, %s)", args)
    return db


def enqueue(db: str, sql: str, n: int, label: str) -> float:
    """n separate business transactions as a member, each creating one job; returns seconds."""
    started = time.perf_counter()
    with psycopg.connect(conninfo(db, "postgres"), autocommit=True) as conn:
        for i in range(n):
            with conn.transaction():
                conn.execute("select tests.authenticate_as('mia', 'acme')")
                conn.execute(sql, (f"{label} capture {i}: some words to derive from, numbered {i}.",))
    return time.perf_counter() - started


async def drain(concurrency: int) -> float:
    started = time.perf_counter()
    await jobs_app.run_worker_async(
        wait=False, concurrency=concurrency, worker_middleware=[principal_middleware],
        install_signal_handlers=False, listen_notify=False, fetch_job_polling_interval=0.05,
    )  # fmt: skip
    return time.perf_counter() - started


def count(db: str, sql: str, kind: str) -> int:
    with psycopg.connect(conninfo(db, "postgres")) as conn:
        return conn.execute(sql, (kind,)).fetchone()[0]


async def main() -> None:
    for it in (FAST, SLOW):
        registry.register(it)
    import_task_modules(dataclasses.replace(get_settings(), verticals=()))
    db = setup_database()
    os.environ.setdefault("PGRST_JWT_SECRET", "bench-secret-0123456789abcdef0123456789")
    settings = dataclasses.replace(get_settings(), llm_slots=CONCURRENCY)
    pool = await open_pool(conninfo(db, "sidecar"), min_size=4, max_size=CONCURRENCY * 2 + 6)
    set_runtime(Runtime(pool=pool, config=load_config(str(ROOT / "postgrest.conf"), os.environ), settings=settings))
    rows: list[tuple[str, int, float, float]] = []
    async with jobs_app.open_async(pool):
        t0 = time.perf_counter()
        for _ in range(N_FAST):
            await bench__raw.defer_async()
        enq = time.perf_counter() - t0
        rows.append(("no-op job, raw procrastinate (baseline)", N_FAST, enq, await drain(4)))

        enq = enqueue(
            db, "select chassis.enqueue_job('bench__noop', jsonb_build_object('n', %s::text))", N_FAST, "noop"
        )
        rows.append(("no-op job via chassis.enqueue_job + principal re-check", N_FAST, enq, await drain(4)))

        enq = enqueue(db, "select api.create_capture('bench', 'bench.fast', %s)", N_FAST, "fast")
        rows.append(("derivation, deterministic zero-latency interpreter", N_FAST, enq, await drain(4)))
        done_sql = "select count(*) from engine.derivations where kind = %s and status = 'done'"
        assert count(db, done_sql, "bench.fast") == N_FAST

        os.environ.update(
            SIDECAR_LLM_PROVIDER="openai-compatible", SIDECAR_LLM_MODEL="stub", SIDECAR_LLM_OUTPUT_RETRIES="0"
        )
        with (
            openai_stub([{"words": 3, "evidence": []}], delay=STUB_DELAY) as (url, state),
            override_allow_model_requests(True),
        ):
            os.environ["SIDECAR_LLM_BASE_URL"] = url
            use_engine(PydanticAIEngine.from_settings(llm_settings()))
            enq = enqueue(db, "select api.create_capture('bench', 'bench.slow', %s)", N_SLOW, "slow")
            rows.append((f"derivation, LLM stub sleeping {STUB_DELAY:g} s, concurrency {CONCURRENCY}", N_SLOW, enq,
                         await drain(CONCURRENCY)))  # fmt: skip
        done = count(db, done_sql, "bench.slow")
        assert done == N_SLOW == len(state.requests), (done, len(state.requests))
    set_runtime(None)
    await pool.close()

    print(f"\nengine benchmark — {os.cpu_count()} CPUs shared; each enqueue is its own business transaction\n")
    header = f"{'workload':<58} {'n':>5} {'enqueue/s':>10} {'process/s':>10} {'end-to-end/s':>13}"
    print(header)
    print("-" * len(header))
    for name, n, enq, proc in rows:
        print(f"{name:<58} {n:>5} {n / enq:>10.1f} {n / proc:>10.1f} {n / (enq + proc):>13.1f}")
    ideal = CONCURRENCY / STUB_DELAY
    slow = rows[-1]
    rate = slow[1] / slow[3]
    print(f"\nLLM stub: ideal {ideal:.1f}/s at concurrency {CONCURRENCY} (each call {STUB_DELAY:g} s); "
          f"processing reached {rate:.1f}/s = {100 * rate / ideal:.0f} % of ideal.")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
