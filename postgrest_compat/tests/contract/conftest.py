"""Fixtures for the HTTP contract suite: its own fixture database and server. Layer: postgrest_compat (tests)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import psycopg
import pytest

from postgrest_compat.tests.contract.harness import admin_conninfo, bearer, fixture_server


@pytest.fixture(scope="session")
def contract_server() -> Iterator[tuple[str, str]]:
    """(base_url, dbname) of the contract suite's server."""
    with fixture_server("pgrst_contract") as pair:
        yield pair


@pytest.fixture(scope="session")
def http(contract_server) -> Iterator[httpx.Client]:
    """An httpx client bound to the contract server, signed in as role authenticated (sub alice)."""
    with httpx.Client(base_url=contract_server[0], timeout=15, headers=bearer()) as client:
        yield client


@pytest.fixture(scope="session")
def anon(contract_server) -> Iterator[httpx.Client]:
    """An httpx client without a JWT (the anon role)."""
    with httpx.Client(base_url=contract_server[0], timeout=15) as client:
        yield client


@pytest.fixture
def sql(contract_server):
    """sql(query, params) → rows, run as superuser in the contract database (arrange/inspect state)."""

    def run(query: str, params: tuple | None = None) -> list[tuple]:
        with psycopg.connect(admin_conninfo(contract_server[1]), autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else []

    return run


@pytest.fixture
def forget_writes(sql) -> Iterator[None]:
    """Delete the rows a writing test committed (ids >= 1000 by convention) so reads elsewhere stay stable."""
    yield
    sql("delete from api.projects where id >= 1000")
    sql("delete from api.clients where id >= 1000")
