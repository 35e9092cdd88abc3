"""A global cap on concurrent LLM calls across every worker process: N advisory-lock slots. Layer: chassis.

Each call holds one session-level advisory lock (key space `llm_slots`, slot 0..N-1) on a pooled connection for
the duration of the call; a killed worker's locks vanish with its connections, so slots never leak.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from psycopg_pool import AsyncConnectionPool

LOCK_SPACE = 0x11A5


@asynccontextmanager
async def llm_slot(pool: AsyncConnectionPool, slots: int, *, poll_seconds: float = 0.05) -> AsyncIterator[int]:
    """Wait for a free slot, hold it while the block runs, release it. Yields the slot number."""
    if slots < 1:
        raise ValueError("at least one LLM slot is needed")
    async with pool.connection() as conn:
        while True:
            for slot in range(slots):
                cur = await conn.execute("select pg_try_advisory_lock(%s, %s)", (LOCK_SPACE, slot))
                if (await cur.fetchone())[0]:
                    try:
                        yield slot
                    finally:
                        await conn.execute("select pg_advisory_unlock(%s, %s)", (LOCK_SPACE, slot))
                    return
            await asyncio.sleep(poll_seconds)
