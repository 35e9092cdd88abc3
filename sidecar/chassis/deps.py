"""Litestar dependencies of every layer's handlers: the principal, a transaction as the user, as the sidecar.

Layer: chassis. `user_tx` is the handlers' default: RLS decides; `sidecar_tx` is for unauthenticated edges whose
authentication is a signature (webhooks from providers).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from litestar import Request
from litestar.di import Provide
from psycopg import AsyncConnection

from sidecar import logs
from sidecar.chassis.auth import Principal, principal_of, request_meta
from sidecar.db import as_sidecar, as_user


async def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    return principal_of(request)


async def provide_user_tx(request: Request[Any, Any, Any]) -> AsyncIterator[AsyncConnection]:
    """A transaction as the caller (role + GUCs + pre_request); commits after the handler, rolls back on error."""
    principal = principal_of(request)
    state = request.app.state
    async with as_user(
        state.pool, state.pgrst_config, role=principal.role, claims=principal.claims, request=request_meta(request)
    ) as conn:
        row = await (await conn.execute("select chassis.current_user_id(), chassis.current_tenant_id()")).fetchone()
        logs.bind(user_id=row[0] and str(row[0]), tenant_id=row[1] and str(row[1]))
        yield conn


async def provide_sidecar_tx(request: Request[Any, Any, Any]) -> AsyncIterator[AsyncConnection]:
    """A transaction as the sidecar role itself, with an envelope but no user."""
    async with as_sidecar(request.app.state.pool, request.app.state.pgrst_config) as conn:
        yield conn


DEPENDENCIES: dict[str, Provide] = {
    "principal": Provide(provide_principal),
    "user_tx": Provide(provide_user_tx),
    "sidecar_tx": Provide(provide_sidecar_tx),
}
