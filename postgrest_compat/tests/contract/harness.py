"""Fresh fixture database + running postgrest-compat for the black-box suites. Layer: postgrest_compat (tests).

Each suite (contract, clients, js, security) gets its own database loaded from fixtures/schema.sql and its own
server, so writes in one suite never change what another suite reads.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import psycopg

from postgrest_compat.testing import mint_jwt, running_server

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA_SQL = FIXTURES / "schema.sql"
CONF = FIXTURES / "postgrest.conf"
JWT_SECRET = "reallyreallyreallyreallyverysafe"


def admin_conninfo(dbname: str = "postgres") -> str:
    """Superuser conninfo on the throwaway cluster (scripts/with-tmp-db exports PGHOST/PGPORT)."""
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=postgres dbname={dbname}"


@contextlib.contextmanager
def fixture_database(prefix: str) -> Iterator[str]:
    """Create a database with the fixture schema loaded as superuser; drop it afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    try:
        with psycopg.connect(admin_conninfo(name), autocommit=True) as conn:
            conn.execute(SCHEMA_SQL.read_text())
        yield name
    finally:
        with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')


def db_uri(dbname: str) -> str:
    """The authenticator's db-uri over the cluster's unix socket."""
    return f"postgresql://authenticator@/{dbname}?host={os.environ['PGHOST']}&port={os.environ['PGPORT']}"


@contextlib.contextmanager
def fixture_server(prefix: str, env: Mapping[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """Yield (base_url, dbname): a fresh fixture database served by postgrest-compat with fixtures/postgrest.conf."""
    with (
        fixture_database(prefix) as name,
        running_server(str(CONF), {"PGRST_DB_URI": db_uri(name), **(env or {})}) as url,
    ):
        yield url, name


def token(claims: Mapping[str, object] | None = None, *, secret: str = JWT_SECRET, **kw: object) -> str:
    """A JWT signed with the fixture secret (default: role authenticated, sub alice)."""
    return mint_jwt(secret, dict(claims or {"role": "authenticated", "sub": "alice"}), **kw)


def bearer(claims: Mapping[str, object] | None = None) -> dict[str, str]:
    """Authorization header for `token(claims)`."""
    return {"Authorization": f"Bearer {token(claims)}"}
