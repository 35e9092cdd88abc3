"""Vertical test settings: real model requests are disallowed for every architecture test (the LLM interpreter runs
through pydantic-ai's FunctionModel only), whether or not the engine suite is collected too; the feed tests' local
server and sidecar connection. Layer: vertical (tests).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pydantic_ai.models
import pytest
from psycopg import AsyncConnection

from sidecar.chassis.net.testing import ScriptedServer

pydantic_ai.models.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A local HTTP server with scripted replies (feeds, redirects, stalls)."""
    with ScriptedServer() as srv:
        yield srv


@pytest.fixture
async def sidecar(world: str) -> AsyncIterator[AsyncConnection[Any]]:
    """A connection acting as the `sidecar` role on the module's `world` database."""
    conn = await AsyncConnection.connect(world)
    await conn.execute("set role sidecar")
    await conn.commit()
    yield conn
    await conn.close()
