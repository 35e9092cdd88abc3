"""Per-request transaction settings (the GUCs PostgREST sets with one set_config statement), in its order.

Layer: postgrest_compat. The Stance sidecar reuses `transaction_settings` so both apply identical GUCs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from http.cookies import CookieError, SimpleCookie
from typing import Any

from postgrest_compat.config import Config

_COMPACT = {"separators": (",", ":"), "ensure_ascii": False}


def search_path(config: Config, schema: str) -> str:
    """`"api", "extensions"`: the selected schema then db-extra-search-path, double-quoted."""
    names = [schema, *[s for s in config.extra_search_path]]
    return ", ".join('"' + n.replace('"', '""') + '"' for n in names)


def claims_json(claims: Mapping[str, Any], role: str) -> str:
    """The claims with `role` inserted (PostgREST sends {"role": anon} without a JWT)."""
    data = dict(claims)
    data.setdefault("role", role)
    if not claims:
        data = {"role": role}
    return json.dumps(data, **_COMPACT)


def headers_json(headers: Iterable[tuple[str, str]]) -> str:
    """Lower-cased header names, Cookie left out, the last duplicate wins."""
    out: dict[str, str] = {}
    for name, value in headers:
        low = name.lower()
        if low != "cookie":
            out[low] = value
    return json.dumps(out, **_COMPACT)


def parse_cookies(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in headers:
        if name.lower() != "cookie":
            continue
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(value)
        except CookieError:
            for part in value.split(";"):
                k, sep, v = part.strip().partition("=")
                if sep and k:
                    out[k] = v
            continue
        for k, morsel in jar.items():
            out[k] = morsel.value
    return out


def transaction_settings(
    config: Config,
    *,
    role: str,
    claims: Mapping[str, Any],
    method: str,
    path: str,
    headers: Iterable[tuple[str, str]],
    cookies: Mapping[str, str] | None = None,
    schema: str,
    role_settings: Sequence[tuple[str, str]] = (),
    timezone: str | None = None,
    function_settings: Sequence[tuple[str, str]] = (),
) -> list[tuple[str, str]]:
    """set_config(key, value, true) pairs in PostgREST's order (search_path, role settings, role, claims,
    method, path, headers, cookies, timezone, hoisted function settings, app.settings.*)."""
    header_list = list(headers)
    if cookies is None:
        cookies = parse_cookies(header_list)
    out: list[tuple[str, str]] = [("search_path", search_path(config, schema))]
    out.extend(role_settings)
    out.append(("role", role))
    out.append(("request.jwt.claims", claims_json(claims, role)))
    out.append(("request.method", method))
    out.append(("request.path", path))
    out.append(("request.headers", headers_json(header_list)))
    out.append(("request.cookies", json.dumps(dict(cookies), **_COMPACT)))
    if timezone is not None:
        out.append(("timezone", timezone))
    out.extend(function_settings)
    out.extend(sorted(config.app_settings.items()))
    return out
