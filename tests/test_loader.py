"""The loader: sql/load.sql gives identical catalogs in empty databases and reloads in one cluster. Layer: tooling."""

from __future__ import annotations

import re
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(db: str) -> None:
    done = subprocess.run([str(ROOT / "scripts" / "load-sql"), db], capture_output=True, text=True)
    assert done.returncode == 0, f"load-sql {db} exited {done.returncode}:\n{done.stderr}"


def _schema(db: str) -> str:
    dump = subprocess.run(
        ["pg_dump", "--schema-only", "--no-owner", "--restrict-key=stance", "-d", db],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return re.sub(r"^--.*\n", "", dump, flags=re.MULTILINE)


@pytest.fixture
def databases(admin_conninfo: str):
    names = [f"loader_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    yield names
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        for name in names:
            conn.execute(f'drop database if exists "{name}" with (force)')


def test_two_empty_databases_get_identical_catalogs(databases: list[str]) -> None:
    first, second = databases
    _load(first)
    _load(second)
    first_schema = _schema(first)
    assert "create table chassis.users" in first_schema.lower()
    assert first_schema == _schema(second)


def test_reloading_the_same_database_in_a_loaded_cluster_is_identical(databases: list[str]) -> None:
    # The template database is already loaded in this cluster, so roles exist: roles.sql must be idempotent.
    first, _ = databases
    _load(first)
    before = _schema(first)
    _load(first)
    assert _schema(first) == before
