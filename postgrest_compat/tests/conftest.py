"""Fixtures for postgrest_compat tests: the fixture database and a running server. Layer: postgrest_compat (tests)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from postgrest_compat.testing import mint_jwt, running_server

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA_SQL = FIXTURES / "schema.sql"
CONF = FIXTURES / "postgrest.conf"
JWT_SECRET = "reallyreallyreallyreallyverysafe"


@pytest.fixture(scope="session")
def pgrst_db(admin_conninfo: str) -> Iterator[str]:
    """A database loaded with fixtures/schema.sql (session-wide); yields its name."""
    name = f"pgrst_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    host, port = os.environ["PGHOST"], os.environ["PGPORT"]
    with psycopg.connect(f"host={host} port={port} user=postgres dbname={name}", autocommit=True) as conn:
        conn.execute(SCHEMA_SQL.read_text())
    yield name
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def pgrst_db_uri(pgrst_db: str) -> str:
    return f"postgresql://authenticator@/{pgrst_db}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"


@pytest.fixture(scope="session")
def pgrst_url(pgrst_db_uri: str) -> Iterator[str]:
    """Base URL of a `postgrest-compat` serving the fixture schema."""
    with running_server(str(CONF), {"PGRST_DB_URI": pgrst_db_uri}) as url:
        yield url


@pytest.fixture(scope="session")
def token():
    """token(claims) → a JWT signed with the fixture secret; default role authenticated."""

    def make(claims: dict | None = None) -> str:
        return mint_jwt(JWT_SECRET, claims or {"role": "authenticated", "sub": "alice"})

    return make
