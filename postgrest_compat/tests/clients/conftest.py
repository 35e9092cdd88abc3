"""Fixtures for the official-client suites: their own fixture database and server. Layer: postgrest_compat (tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from postgrest_compat.tests.contract.harness import fixture_server


@pytest.fixture(scope="session")
def clients_server() -> Iterator[tuple[str, str]]:
    """(base_url, dbname) of a server only the Python client writes to."""
    with fixture_server("pgrst_pyclient") as pair:
        yield pair
