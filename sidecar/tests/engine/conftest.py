"""Engine test fixtures: a cloned database with personas and test interpreters, a sidecar-role pool, the job
runtime. Model requests are disallowed globally. Layer: engine (tests).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pydantic_ai.models
import pytest
from engine_support import CLAIMS, SECRET, WORDS, WORDS_V2, register_sql, sidecar_conninfo

from postgrest_compat.config import load_config
from sidecar.chassis.jobs.app import jobs_app
from sidecar.chassis.jobs.runtime import Runtime, set_runtime
from sidecar.chassis.jobs.worker import import_task_modules
from sidecar.db import open_pool
from sidecar.engine import registry
from sidecar.engine.llm.factory import reset_engine
from sidecar.settings import get_settings

pydantic_ai.models.ALLOW_MODEL_REQUESTS = False
ROOT = Path(__file__).resolve().parents[3]
os.environ.setdefault("PGRST_JWT_SECRET", SECRET)


@pytest.fixture(scope="module")
def engine_db(clone_database, admin_conninfo: str) -> str:
    """A fresh database: personas, the test interpreters (v1 only; tests register v2 when they need it)."""
    name = clone_database("eng")
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={name}"), autocommit=True) as conn:
        conn.execute("select chassis.operator_session('tests', 'engine fixtures')")
        conn.execute("select tests.personas()")
        for it in (WORDS, CLAIMS):
            register_sql(conn, it)
    return name


@pytest.fixture(scope="module")
def admin_db(engine_db: str, admin_conninfo: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(admin_conninfo.replace("dbname=postgres", f"dbname={engine_db}"), autocommit=True) as conn:
        yield conn


@pytest.fixture(autouse=True, scope="session")
def interpreters() -> Iterator[None]:
    for it in (WORDS, WORDS_V2, CLAIMS):
        registry.register(it)
    import_task_modules(get_settings())
    yield
    reset_engine()


@pytest.fixture(scope="module")
async def runtime(engine_db: str) -> AsyncIterator[Runtime]:
    pool = await open_pool(sidecar_conninfo(engine_db), min_size=1, max_size=8)
    rt = Runtime(pool=pool, config=load_config(str(ROOT / "postgrest.conf"), os.environ), settings=get_settings())
    set_runtime(rt)
    # procrastinate ignores open_async(pool) while it holds a pool another module handed it: start and end clean.
    connector: Any = jobs_app.connector
    connector._async_pool, connector._pool_externally_set = None, False
    async with jobs_app.open_async(pool):
        yield rt
    connector._async_pool, connector._pool_externally_set = None, False
    set_runtime(None)
    await pool.close()
