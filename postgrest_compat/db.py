"""Connection pool and the per-request transaction: BEGIN, one set_config statement, pre-request, main
statement and COMMIT sent in one pipeline. Layer: postgrest_compat.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import pq
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from postgrest_compat.errors import ApiError, pg_error, pgrst
from postgrest_compat.sql.filters import ident

log = logging.getLogger("postgrest_compat")


@dataclass
class TxRequest:
    read_only: bool
    settings: list[tuple[str, str]]
    main_sql: str
    params: dict
    authenticated: bool
    explain_sql: str | None = None
    commit_now: bool = True  # False: caller decides with finish()


def pre_request_sql(name: str | None) -> str | None:
    if not name:
        return None
    parts = [p.strip('"') for p in name.split(".")]
    return "SELECT " + ".".join(ident(p) for p in parts) + "()"


async def _configure(conn: psycopg.AsyncConnection) -> None:
    conn.prepare_threshold = 0
    conn.prepared_max = 512


class Database:
    def __init__(self, conninfo: str, size: int, acquire_timeout: float, pre_request: str | None) -> None:
        self.conninfo = conninfo
        self.pool = AsyncConnectionPool(
            conninfo,
            min_size=size,
            max_size=size,
            kwargs={"autocommit": True},
            configure=_configure,
            open=False,
            timeout=acquire_timeout,
            max_lifetime=1800,
            max_idle=30,
        )
        self.pre_request = pre_request_sql(pre_request)

    async def open(self) -> None:
        await self.pool.open(wait=False)

    async def close(self) -> None:
        await self.pool.close()

    async def run(self, tx: TxRequest, check=None) -> tuple[Any, float | None]:
        """Run the transaction; `check(row)` may raise an ApiError after the main statement (rolls back)."""
        try:
            async with self.pool.connection() as conn:
                return await self._run(conn, tx, check)
        except PoolTimeout:
            raise pgrst("PGRST003", "Timed out acquiring connection from connection pool.") from None
        except psycopg.OperationalError as exc:
            raise pgrst("PGRST001", "Database client error. Retrying the connection.", str(exc)) from None

    async def _run(self, conn: psycopg.AsyncConnection, tx: TxRequest, check) -> tuple[Any, float | None]:
        begin = "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY" if tx.read_only else "BEGIN"
        set_sql = "SELECT " + ", ".join("set_config(%s, %s, true)" for _ in tx.settings)
        flat: list[str] = [v for kv in tx.settings for v in kv]
        explain_cur = None
        try:
            async with conn.pipeline():
                await conn.execute(begin, prepare=True)
                await conn.execute(set_sql, flat, prepare=True)
                if self.pre_request:
                    await conn.execute(self.pre_request, prepare=True)
                if tx.explain_sql:
                    explain_cur = await conn.execute("EXPLAIN (FORMAT JSON) " + tx.explain_sql, tx.params)
                cur = await conn.execute(tx.main_sql, tx.params)
                if tx.commit_now and check is None:
                    await conn.execute("COMMIT", prepare=True)
            row = await cur.fetchone()
            planned = None
            if explain_cur is not None:
                plan = (await explain_cur.fetchone())[0]
                planned = float(plan[0]["Plan"]["Plan Rows"])
        except psycopg.Error as exc:
            await self._rollback(conn)
            if isinstance(exc, psycopg.OperationalError) and conn.closed:
                raise
            diag = exc.diag
            raise pg_error(diag.sqlstate or "XX000", diag.message_primary or str(exc), diag.message_detail,
                           diag.message_hint, authenticated=tx.authenticated) from None  # fmt: skip
        if check is not None or not tx.commit_now:
            try:
                if check is not None:
                    check(row, planned)
            except ApiError:
                await self._rollback(conn)
                raise
            await self.finish(conn, tx.commit_now)
        return row, planned

    async def finish(self, conn: psycopg.AsyncConnection, commit: bool) -> None:
        try:
            if commit:
                await conn.execute("COMMIT")
            else:
                await conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
                await conn.execute("ROLLBACK")
        except psycopg.Error as exc:
            await self._rollback(conn)
            diag = exc.diag
            raise pg_error(diag.sqlstate or "XX000", diag.message_primary or str(exc), diag.message_detail,
                           diag.message_hint, authenticated=True) from None  # fmt: skip

    async def _rollback(self, conn: psycopg.AsyncConnection) -> None:
        if conn.closed:
            return
        if conn.info.transaction_status != pq.TransactionStatus.IDLE:
            try:
                await conn.execute("ROLLBACK")
            except psycopg.Error:
                log.warning("rollback failed")


async def listen(conninfo: str, channel: str, on_message) -> None:
    """LISTEN on `db-channel`, reconnecting with backoff; `on_message(payload)` for each NOTIFY."""
    delay = 1.0
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
                await conn.execute(f"LISTEN {ident(channel)}")
                delay = 1.0
                async for note in conn.notifies():
                    await on_message(note.payload)
        except (psycopg.Error, OSError) as exc:
            log.warning("listener: %s; retrying in %.0fs", exc, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, 32)
