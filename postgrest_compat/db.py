"""Connection pool and the per-request transaction: BEGIN, one set_config statement, pre-request, main
statement and COMMIT sent as one libpq pipeline (one round trip), every statement prepared per connection with
untyped text parameters. Layer: postgrest_compat.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections import deque
from dataclasses import dataclass
from typing import Any

import orjson
import psycopg
from psycopg import pq
from psycopg.generators import pipeline_communicate
from psycopg.pq import DiagnosticField, ExecStatus
from psycopg.waiting import Wait
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from postgrest_compat.errors import ApiError, pg_error, pgrst
from postgrest_compat.sql.filters import ident

log = logging.getLogger("postgrest_compat")
MAX_PREPARED = 2000


@dataclass
class TxRequest:
    read_only: bool
    settings: list[tuple[str, str]]
    main_sql: str
    params: list
    authenticated: bool
    explain_sql: str | None = None
    commit_now: bool = True  # False: roll back at the end (db-tx-end / Prefer: tx=rollback)


def pre_request_sql(name: str | None) -> str | None:
    if not name:
        return None
    parts = [p.strip('"') for p in name.split(".")]
    return "SELECT " + ".".join(ident(p) for p in parts) + "()"


_SET_SQL: dict[int, bytes] = {}


def _set_sql(n: int) -> bytes:
    sql = _SET_SQL.get(n)
    if sql is None:
        sql = _SET_SQL[n] = ("SELECT " + ", ".join(f"set_config(${2 * i + 1}, ${2 * i + 2}, true)"
                                                   for i in range(n))).encode()  # fmt: skip
    return sql


def _enc(values) -> list[bytes | None]:
    return [None if v is None else (v if isinstance(v, bytes) else str(v).encode()) for v in values]


def _collect(pgconn: Any):
    """Generator: read results until PIPELINE_SYNC; returns the list of result groups."""
    groups: list[list[Any]] = []
    cur: list[Any] = []
    while True:
        while pgconn.is_busy():
            yield Wait.R
            pgconn.consume_input()
        res = pgconn.get_result()
        if res is None:
            groups.append(cur)
            cur = []
            continue
        if res.status == ExecStatus.PIPELINE_SYNC:
            return groups
        cur.append(res)


class _PError(Exception):
    def __init__(self, res: Any) -> None:
        super().__init__("pipeline error")

        def field(f: DiagnosticField) -> str | None:
            v = res.error_field(f)
            return v.decode("utf-8", "replace") if v is not None else None

        self.sqlstate = field(DiagnosticField.SQLSTATE) or "XX000"
        self.message = field(DiagnosticField.MESSAGE_PRIMARY) or ""
        self.detail = field(DiagnosticField.MESSAGE_DETAIL)
        self.hint = field(DiagnosticField.MESSAGE_HINT)


class _ConnState:
    def __init__(self) -> None:
        self.prepared: dict[bytes, bytes] = {}
        self.counter = 0
        self.stale = False


async def pipeline(
    conn: psycopg.AsyncConnection, states: Any, statements: list[tuple[bytes, list]], *, prepare: bool = True
) -> list:
    """Run `statements` [(sql, params)] in one round trip; return the last result of each. Raises _PError."""
    pgconn = conn.pgconn
    state = states.get(conn)
    if state is None:
        state = states[conn] = _ConnState()
    commands: deque = deque()
    kinds: list[tuple[str, bytes]] = []
    if len(state.prepared) > MAX_PREPARED or state.stale:
        state.stale = False
        commands.append(lambda: pgconn.send_query_params(b"DEALLOCATE ALL", None))
        kinds.append(("dealloc", b""))
        state.prepared.clear()
    for sql, params in statements:
        if not prepare:  # db-prepared-statements = false (PgBouncer in transaction mode)
            values = _enc(params)
            commands.append(lambda s=sql, v=values: pgconn.send_query_params(s, v))
            kinds.append(("exec", sql))
            continue
        name = state.prepared.get(sql)
        if name is None:
            state.counter += 1
            name = f"pgrst_{state.counter}".encode()
            state.prepared[sql] = name
            commands.append(lambda n=name, s=sql: pgconn.send_prepare(n, s, None))
            kinds.append(("prepare", sql))
        values = _enc(params)
        commands.append(lambda n=name, v=values: pgconn.send_query_prepared(n, v, None))
        kinds.append(("exec", sql))
    commands.append(pgconn.pipeline_sync)
    pgconn.enter_pipeline_mode()
    try:
        fetched = await conn.wait(pipeline_communicate(pgconn, commands))
        synced = bool(fetched) and fetched[-1][0].status == ExecStatus.PIPELINE_SYNC
        groups = [g for g in fetched if not (g and g[0].status == ExecStatus.PIPELINE_SYNC)]
        if not synced:
            groups += await conn.wait(_collect(pgconn))
    finally:
        if pgconn.status == pq.ConnStatus.OK:
            pgconn.exit_pipeline_mode()
    out = []
    error = None
    for (kind, sql), group in zip(kinds, groups, strict=False):
        last = group[-1] if group else None
        if kind == "prepare" and (last is None or last.status != ExecStatus.COMMAND_OK):
            state.prepared.pop(sql, None)  # failed or skipped after an earlier error: prepare again next time
        if last is not None and last.status == ExecStatus.FATAL_ERROR and error is None:
            error = _PError(last)
        if kind == "exec":
            out.append(last)
    if error is not None:
        raise error
    return out


def _row(res: Any) -> tuple:
    """(total, page_total, body, response_headers, response_status, location, inserted) of the main statement."""
    v = [res.get_value(0, i) for i in range(7)]
    return (None if v[0] is None else int(v[0]), int(v[1] or 0), v[2], v[3], v[4], v[5], int(v[6] or 0))


class Database:
    def __init__(
        self, conninfo: str, size: int, acquire_timeout: float, pre_request: str | None, *, prepare: bool = True
    ) -> None:
        self.prepare = prepare
        self.conninfo = conninfo
        self.pool = AsyncConnectionPool(
            conninfo,
            min_size=size,
            max_size=size,
            kwargs={"autocommit": True},
            open=False,
            timeout=acquire_timeout,
            max_lifetime=1800,
            max_idle=30,
        )
        self.pre_request = pre_request_sql(pre_request)
        self.pre_bytes = self.pre_request.encode() if self.pre_request else None
        self.states: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    async def open(self) -> None:
        await self.pool.open(wait=False)

    async def close(self) -> None:
        await self.pool.close()

    async def run(self, tx: TxRequest, check=None) -> tuple[Any, float | None]:
        """Run the transaction; `check(row, planned)` may raise an ApiError after the main statement (rolls back)."""
        # a read on a connection the server dropped is safe to retry (every pooled connection may be stale)
        attempts = self.pool.max_size + 1 if tx.read_only else 1
        try:
            for attempt in range(attempts):
                try:
                    async with self.pool.connection() as conn:
                        return await self._run(conn, tx, check)
                except psycopg.OperationalError:
                    if attempt + 1 == attempts:
                        raise
            raise AssertionError("unreachable")
        except PoolTimeout:
            if not await self._reachable():
                raise pgrst("PGRST000", "Database connection error. Retrying the connection.",
                            headers=[("Retry-After", "1")]) from None  # fmt: skip
            raise pgrst("PGRST003", "Timed out acquiring connection from connection pool.") from None
        except psycopg.OperationalError as exc:
            raise pgrst("PGRST001", "Database client error. Retrying the connection.", str(exc)) from None

    async def _reachable(self) -> bool:
        try:
            conn = await psycopg.AsyncConnection.connect(self.conninfo, connect_timeout=2)
        except psycopg.Error:
            return False
        await conn.close()
        return True

    async def _run(self, conn: psycopg.AsyncConnection, tx: TxRequest, check) -> tuple[Any, float | None]:
        begin = b"BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY" if tx.read_only else b"BEGIN"
        stmts: list[tuple[bytes, list]] = [
            (begin, []),
            (_set_sql(len(tx.settings)), [v for kv in tx.settings for v in kv]),
        ]
        if self.pre_bytes:
            stmts.append((self.pre_bytes, []))
        if tx.explain_sql:
            stmts.append((("EXPLAIN (FORMAT JSON) " + tx.explain_sql).encode(), tx.params))
        stmts.append((tx.main_sql.encode(), tx.params))
        finish_now = tx.commit_now and check is None
        if finish_now:
            stmts.append((b"COMMIT", []))
        try:
            results = await pipeline(conn, self.states, stmts, prepare=self.prepare)
        except _PError as err:
            await self._rollback(conn)
            raise pg_error(err.sqlstate, err.message, err.detail, err.hint, authenticated=tx.authenticated) from None
        except BaseException:
            await conn.close()  # interrupted mid-pipeline: the pool discards the connection
            raise
        main_res = results[-2] if finish_now else results[-1]
        row = _row(main_res)
        planned = None
        if tx.explain_sql:
            plan_res = results[-3] if finish_now else results[-2]
            planned = float(orjson.loads(plan_res.get_value(0, 0))[0]["Plan"]["Plan Rows"])
        if not finish_now:
            try:
                if check is not None:
                    check(row, planned)
            except ApiError:
                await self._rollback(conn)
                raise
            await self._finish(conn, tx.commit_now, tx.authenticated)
        return row, planned

    async def _finish(self, conn: psycopg.AsyncConnection, commit: bool, authenticated: bool) -> None:
        stmts = [(b"COMMIT", [])] if commit else [(b"SET CONSTRAINTS ALL IMMEDIATE", []), (b"ROLLBACK", [])]
        try:
            await pipeline(conn, self.states, stmts)
        except _PError as err:
            await self._rollback(conn)
            raise pg_error(err.sqlstate, err.message, err.detail, err.hint, authenticated=authenticated) from None

    async def _rollback(self, conn: psycopg.AsyncConnection) -> None:
        if conn.closed:
            return
        if conn.pgconn.transaction_status != pq.TransactionStatus.IDLE:
            try:
                await pipeline(conn, self.states, [(b"ROLLBACK", [])])
            except (_PError, psycopg.Error):
                log.warning("rollback failed")

    def forget_prepared(self) -> None:
        """After a schema reload: prepared statements are re-created lazily (result types may have changed)."""
        for state in list(self.states.values()):
            state.stale = True


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
