"""SSRF-guarded async HTTP GET: pinned resolved IPs, checked on every redirect, capped in size and time.

Layer: chassis. Each hop resolves the host once, refuses it unless every resolved address is permitted by the
`AddressPolicy`, then connects to that very address (the URL is rewritten to the IP, `Host` and TLS SNI keep the
name), so a DNS answer that changes between check and connect (rebinding) cannot redirect the connection.
Redirects are followed by hand, so each new location goes through the same check.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from sidecar.chassis.net.errors import (
    BlockedAddress,
    BodyTooLarge,
    FetchError,
    FetchTimeout,
    RedirectLoop,
    TooManyRedirects,
    UnsupportedScheme,
)
from sidecar.chassis.net.guard import AddressPolicy, IPAddress

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_USER_AGENT = "Stance/0.1 (+https://stance.local/bot)"


@dataclass(frozen=True)
class Hop:
    """One redirect that was followed: where we were, the status, and where it sent us."""

    url: str
    status: int
    location: str


@dataclass(frozen=True)
class FetchResult:
    """The final response of a fetch (never a redirect) and the redirects that led to it."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    hops: tuple[Hop, ...]
    address: str


@dataclass(frozen=True)
class _Limits:
    max_bytes: int
    max_redirects: int
    method: str = "GET"
    content: bytes | None = None


async def _addresses(url: httpx.URL, port: int, policy: AddressPolicy) -> list[IPAddress]:
    host = url.host
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        found = await policy.resolver(host, port)
    except OSError as exc:
        raise FetchError(f"cannot resolve {host}: {exc}", url=str(url)) from exc
    if not found:
        raise FetchError(f"{host} has no address", url=str(url))
    return found


async def _pinned_request(
    client: httpx.AsyncClient, url: httpx.URL, headers: Mapping[str, str], policy: AddressPolicy, limits: _Limits
) -> tuple[httpx.Request, str]:
    if url.scheme not in ("http", "https"):
        raise UnsupportedScheme(f"scheme {url.scheme!r} is not allowed", url=str(url))
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = await _addresses(url, port, policy)
    refused = [ip for ip in addresses if not policy.permits(ip, port)]
    if refused:
        raise BlockedAddress(f"{url.host} resolves to forbidden address {refused[0]}", url=str(url))
    chosen = addresses[0]
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    request = client.build_request(
        limits.method,
        url.copy_with(host=str(chosen)),
        headers={**headers, "host": url.netloc.decode("ascii")},
        content=limits.content,
        extensions=extensions,
    )
    return request, str(chosen)


async def _read_capped(response: httpx.Response, url: httpx.URL, max_bytes: int) -> bytes:
    announced = response.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > max_bytes:
        raise BodyTooLarge(f"announced body of {announced} bytes exceeds {max_bytes}", url=str(url))
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge(f"body exceeds {max_bytes} bytes", url=str(url))
        chunks.append(chunk)
    return b"".join(chunks)


async def _follow(
    client: httpx.AsyncClient, start: httpx.URL, headers: Mapping[str, str], policy: AddressPolicy, limits: _Limits
) -> FetchResult:
    current = start
    visited: set[str] = set()
    hops: list[Hop] = []
    while True:
        if str(current) in visited:
            raise RedirectLoop(f"redirect loop back to {current}", url=str(start))
        visited.add(str(current))
        request, address = await _pinned_request(client, current, headers, policy, limits)
        response = await client.send(request, stream=True)
        try:
            location = response.headers.get("location")
            if response.status_code in REDIRECT_STATUSES and location:
                target = current.join(location)
                hops.append(Hop(str(current), response.status_code, str(target)))
                if len(hops) > limits.max_redirects:
                    raise TooManyRedirects(f"more than {limits.max_redirects} redirects", url=str(start))
                current = target
                continue
            body = await _read_capped(response, current, limits.max_bytes)
        finally:
            await response.aclose()
        return FetchResult(str(current), response.status_code, response.headers, body, tuple(hops), address)


async def fetch(
    url: str,
    *,
    policy: AddressPolicy,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = 15 * 1024 * 1024,
    max_redirects: int = 5,
    connect_timeout: float = 5.0,
    read_timeout: float = 15.0,
    total_timeout: float = 20.0,
    user_agent: str = DEFAULT_USER_AGENT,
    method: str = "GET",
    content: bytes | None = None,
) -> FetchResult:
    """GET (or `method`) `url` under `policy`; returns the final non-redirect response or raises a `FetchError`.

    Args:
        url: absolute http(s) URL.
        policy: which resolved addresses may be contacted (see `guard.AddressPolicy`).
        headers: extra request headers (conditional validators, Accept…); sent on every hop.
        max_bytes: cap on the decoded body; enforced on Content-Length and while streaming.
        max_redirects: redirects followed before giving up.
        connect_timeout: seconds to establish a connection.
        read_timeout: seconds between received bytes.
        total_timeout: seconds for the whole fetch, redirects included.
        user_agent: sent unless `headers` names one.
        method: HTTP method (outbound webhooks POST with `max_redirects=0`).
        content: request body, sent on every hop.
    """
    merged = {"user-agent": user_agent, **{k.lower(): v for k, v in (headers or {}).items()}}
    limits = _Limits(max_bytes=max_bytes, max_redirects=max_redirects, method=method, content=content)
    timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
    try:
        start = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", url=url) from exc
    try:
        async with (
            asyncio.timeout(total_timeout),
            httpx.AsyncClient(trust_env=False, follow_redirects=False, timeout=timeout) as client,
        ):
            return await _follow(client, start, merged, policy, limits)
    except TimeoutError as exc:
        raise FetchTimeout(f"no complete response within {total_timeout}s", url=url) from exc
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"timed out: {exc.__class__.__name__}", url=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{exc.__class__.__name__}: {exc}", url=url) from exc
