"""Shared pytest fixtures: the throwaway cluster (scripts/with-tmp-db) and per-module clones. Layer: tooling."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest


def _admin_conninfo(dbname: str = "postgres") -> str:
    host = os.environ.get("PGHOST")
    if not host:
        pytest.exit("PGHOST is not set: run tests through `make test` (scripts/with-tmp-db)", returncode=2)
    return f"host={host} port={os.environ['PGPORT']} user=postgres dbname={dbname}"


@pytest.fixture(scope="session")
def admin_conninfo() -> str:
    """Superuser connection string to the `postgres` database of the test cluster."""
    return _admin_conninfo()


@pytest.fixture(scope="session")
def clone_database() -> Iterator[object]:
    """Factory: clone the loaded template (schema + pgTAP + helpers) into a fresh database; returns its name."""
    created: list[str] = []

    def make(prefix: str = "t", template: str | None = None) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        tmpl = template or os.environ["STANCE_TEMPLATE_DB"]
        with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'create database "{name}" template "{tmpl}"')
        created.append(name)
        return name

    yield make
    with psycopg.connect(_admin_conninfo(), autocommit=True) as conn:
        for name in created:
            conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="module")
def module_db(clone_database) -> str:
    """A database cloned from the template, private to one test module."""
    return clone_database("m")


@pytest.fixture(scope="module")
def db_conninfo(module_db: str) -> str:
    """Superuser connection string to this module's database."""
    return _admin_conninfo(module_db)
