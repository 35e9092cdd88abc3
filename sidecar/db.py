"""Database access for the sidecar and the worker: the pool, transactions as a user / as the sidecar / as a job's
principal, and the queries.sql loader. Layer: core.

Every user transaction sets exactly the role and GUCs PostgREST sets (postgrest_compat.context) and runs the same
db-pre-request function, so RLS and grants stay the only authority.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, LiteralString, cast

import psycopg
from psycopg import AsyncConnection, sql
from psycopg_pool import AsyncConnectionPool

from postgrest_compat.config import Config
from postgrest_compat.context import transaction_settings
from sidecar import logs

API_SCHEMA = "api"
# The one role a job may act as: the worker's login role (sidecar) can only switch to its member roles anyway.
JOB_ROLES = frozenset({"authenticated"})


class PrincipalRefused(Exception):
    """The principal stamped into a job is no longer allowed (user deactivated/removed, tenant suspended, forged)."""


@dataclass(frozen=True)
class RequestMeta:
    """What PostgREST would expose of the HTTP request: method, path and headers (lower-cased names)."""

    method: str = "POST"
    path: str = "/"
    headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)


async def open_pool(conninfo: str, *, min_size: int = 1, max_size: int = 10) -> AsyncConnectionPool:
    """An open pool of autocommit connections (transactions are explicit); procrastinate's unqualified names
    resolve through the session search_path. Autocommit is set per connection, not in `kwargs`: procrastinate's
    LISTEN connection reuses `kwargs` and passes autocommit itself."""

    async def configure(conn: AsyncConnection) -> None:
        await conn.set_autocommit(True)

    pool = AsyncConnectionPool(
        conninfo,
        min_size=min_size,
        max_size=max_size,
        kwargs={"options": "-c search_path=procrastinate,public"},
        configure=configure,
        open=False,
    )
    await pool.open(wait=True, timeout=30)
    return pool


async def _apply(conn: AsyncConnection, settings: Iterable[tuple[str, str]]) -> None:
    pairs = list(settings)
    if not pairs:
        return
    placeholders = sql.SQL(", ").join(sql.SQL("set_config(%s, %s, true)") for _ in pairs)
    params: list[str] = [v for pair in pairs for v in pair]
    await conn.execute(sql.SQL("select {}").format(placeholders), params)


async def _pre_request(conn: AsyncConnection, config: Config) -> None:
    name = config.get("db-pre-request")
    if name:
        await conn.execute(sql.SQL("select {}()").format(sql.Identifier(*str(name).split("."))))


def _with_request_id(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out = [(k.lower(), v) for k, v in headers]
    rid = logs.current("request_id")
    if rid and not any(k == "x-request-id" for k, _ in out):
        out.append(("x-request-id", str(rid)))
    return out


@asynccontextmanager
async def as_user(
    pool: AsyncConnectionPool,
    config: Config,
    *,
    role: str,
    claims: Mapping[str, Any],
    request: RequestMeta,
) -> AsyncIterator[AsyncConnection]:
    """A transaction exactly as PostgREST would run it for this JWT: role + GUCs, then db-pre-request."""
    async with pool.connection() as conn, conn.transaction():
        await _apply(
            conn,
            transaction_settings(
                config,
                role=role,
                claims=claims,
                method=request.method,
                path=request.path,
                headers=_with_request_id(request.headers),
                schema=API_SCHEMA,
            ),
        )
        await _pre_request(conn, config)
        yield conn


@asynccontextmanager
async def as_sidecar(pool: AsyncConnectionPool, config: Config) -> AsyncIterator[AsyncConnection]:
    """A transaction as the sidecar role itself (no user): an envelope with via = sidecar and no principal."""
    async with pool.connection() as conn, conn.transaction():
        await _apply(
            conn,
            [
                ("search_path", f'"{API_SCHEMA}", "extensions"'),
                ("request.jwt.claims", ""),
                ("request.headers", json.dumps(dict(_with_request_id([])))),
            ],
        )
        await _pre_request(conn, config)
        yield conn


def principal_settings(config: Config, principal: Mapping[str, Any], job_id: int) -> list[tuple[str, str]]:
    """The GUCs a job's transaction sets: the stamped claims as PostgREST would set them, the tenant as a header,
    and the worker hints pre_request reads (stance.via_hint, stance.job_id)."""
    role = principal.get("role")
    claims = principal.get("claims")
    tenant = principal.get("tenant_id")
    if role not in JOB_ROLES or not isinstance(claims, Mapping) or not claims.get("sub") or not tenant:
        raise PrincipalRefused(f"job {job_id} carries no usable principal")
    headers = [("x-tenant-id", str(tenant)), ("x-request-id", str(principal.get("request_id") or f"job-{job_id}"))]
    settings = [("stance.via_hint", "worker"), ("stance.job_id", str(job_id))]
    settings += transaction_settings(
        config,
        role=str(role),
        claims=claims,
        method="POST",
        path=f"/jobs/{job_id}",
        headers=headers,
        schema=API_SCHEMA,
    )
    return settings


@asynccontextmanager
async def as_principal(
    pool: AsyncConnectionPool, config: Config, principal: Mapping[str, Any], job_id: int
) -> AsyncIterator[AsyncConnection]:
    """A transaction as the job's principal; pre_request re-checks user active, membership and tenant status.

    Raises:
        PrincipalRefused: the principal is missing, malformed or no longer allowed (fail closed, no retry).
    """
    settings = principal_settings(config, principal, job_id)
    async with pool.connection() as conn, conn.transaction():
        await _apply(conn, settings)
        try:
            async with conn.transaction():
                await _pre_request(conn, config)
        except psycopg.Error as exc:
            if exc.sqlstate in ("PT401", "PT403"):
                raise PrincipalRefused(f"job {job_id}: {exc.diag.message_primary}") from exc
            raise
        envelope_tenant = (await (await conn.execute("select chassis.current_tenant_id()::text")).fetchone())[0]
        if envelope_tenant != str(principal.get("tenant_id")):
            raise PrincipalRefused(f"job {job_id}: tenant of the principal could not be re-established")
        yield conn


_QUERY_NAME = re.compile(r"^-- ([a-z_][a-z0-9_]*) --\s*$", re.MULTILINE)


@cache
def queries(package: str) -> dict[str, LiteralString]:
    """Named statements of `<package>/queries.sql`, split on `-- name --` lines (comments after a name stay)."""
    text = resources.files(package).joinpath("queries.sql").read_text(encoding="utf-8")
    parts = _QUERY_NAME.split(text)
    out: dict[str, LiteralString] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        out[name] = cast(LiteralString, body.strip())
    return out
