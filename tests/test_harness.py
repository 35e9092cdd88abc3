"""The test harness itself: the template database is loaded and clones are independent. Layer: tooling."""

from __future__ import annotations

import psycopg


def test_module_database_has_every_layer(db_conninfo: str) -> None:
    with psycopg.connect(db_conninfo) as conn:
        rows = conn.execute(
            "select nspname from pg_namespace where nspname in ('chassis','engine','architecture','api') order by 1"
        ).fetchall()
    assert [r[0] for r in rows] == ["api", "architecture", "chassis", "engine"]


def test_clones_are_independent(clone_database) -> None:
    first, second = clone_database("a"), clone_database("b")
    with psycopg.connect(f"dbname={first}", autocommit=True) as conn:
        conn.execute("create table public.only_in_first (x int)")
    with psycopg.connect(f"dbname={second}") as conn:
        assert conn.execute("select to_regclass('public.only_in_first')").fetchone() == (None,)
