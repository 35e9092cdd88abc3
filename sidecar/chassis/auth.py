"""JWT verification exactly as PostgREST does it (same postgrest.conf + PGRST_* env), per request. Layer: chassis."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from litestar import Request

from postgrest_compat.config import Config, load_config
from postgrest_compat.jwt import JwtVerifier, authenticate
from sidecar import logs
from sidecar.db import RequestMeta


@dataclass(frozen=True)
class Principal:
    """The caller as PostgREST sees it: the role to switch to, the verified claims, whether a token was sent."""

    role: str
    claims: dict[str, Any]
    authenticated: bool


def load_postgrest_config(path: str) -> Config:
    """postgrest.conf + PGRST_* environment, parsed by the compatible server's own loader."""
    return load_config(path, os.environ)


def request_meta(request: Request[Any, Any, Any]) -> RequestMeta:
    """Method, path and headers of a Litestar request, for the request.* GUCs."""
    return RequestMeta(method=request.method, path=request.url.path, headers=tuple(request.headers.items()))


def principal_of(request: Request[Any, Any, Any]) -> Principal:
    """Verify the bearer token (anon without one); raises PostgREST's PGRST301/302/303 ApiErrors."""
    cached = request.scope.get("state", {}).get("principal")
    if isinstance(cached, Principal):
        return cached
    verifier: JwtVerifier = request.app.state.jwt
    role, claims, has_token = authenticate(verifier, request.headers.get("authorization"))
    principal = Principal(role=role, claims=claims, authenticated=has_token and role != verifier.config.anon_role)
    state = request.scope.setdefault("state", {})
    state["principal"] = principal
    state["authenticated"] = principal.authenticated
    logs.bind(user_sub=claims.get("sub"), tenant_id=claims.get("tenant_id") or request.headers.get("x-tenant-id"))
    return principal
