"""Guarded fetch against a real local HTTP server: redirects, SSRF refusals, caps, timeouts. Layer: chassis."""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator

import pytest

from sidecar.chassis.net import (
    AddressPolicy,
    BlockedAddress,
    BodyTooLarge,
    FetchError,
    FetchTimeout,
    RedirectLoop,
    TooManyRedirects,
    UnsupportedScheme,
    fetch,
)
from sidecar.chassis.net.guard import IPAddress
from sidecar.chassis.net.testing import Reply, ScriptedServer, endless

pytestmark = pytest.mark.http


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv


@pytest.fixture
def policy(server: ScriptedServer) -> AddressPolicy:
    return AddressPolicy.allowing(f"127.0.0.1:{server.port}")


async def test_fetch_returns_body_headers_and_sends_validators(server: ScriptedServer, policy: AddressPolicy) -> None:
    server.routes["/a"] = lambda seen: Reply(200, {"ETag": '"v1"'}, b"hello")
    result = await fetch(server.url("/a"), policy=policy, headers={"If-None-Match": '"v0"'})
    assert (result.status, result.body, result.headers["etag"]) == (200, b"hello", '"v1"')
    assert result.hops == ()
    assert server.seen[0].headers["if-none-match"] == '"v0"'
    assert server.seen[0].headers["host"] == f"127.0.0.1:{server.port}"
    assert "stance" in server.seen[0].headers["user-agent"].lower()


async def test_local_server_is_refused_without_allow_list(server: ScriptedServer) -> None:
    server.routes["/a"] = lambda seen: Reply(200, body=b"secret")
    with pytest.raises(BlockedAddress):
        await fetch(server.url("/a"), policy=AddressPolicy())
    assert server.seen == []


async def test_redirects_are_followed_and_recorded(server: ScriptedServer, policy: AddressPolicy) -> None:
    server.routes["/old"] = lambda seen: Reply(301, {"Location": "/mid"})
    server.routes["/mid"] = lambda seen: Reply(302, {"Location": server.url("/new")})
    server.routes["/new"] = lambda seen: Reply(200, body=b"moved")
    result = await fetch(server.url("/old"), policy=policy)
    assert result.body == b"moved"
    assert result.url == server.url("/new")
    assert [(h.status, h.location) for h in result.hops] == [(301, server.url("/mid")), (302, server.url("/new"))]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:1/x",
        "http://10.0.0.5/latest",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:80/",
        "http://100.64.1.1/",
        "http://localhost/",
    ],
)
async def test_redirect_to_private_address_is_refused(
    server: ScriptedServer, policy: AddressPolicy, target: str
) -> None:
    server.routes["/go"] = lambda seen: Reply(302, {"Location": target})
    with pytest.raises(BlockedAddress):
        await fetch(server.url("/go"), policy=policy)
    assert [s.path for s in server.seen] == ["/go"]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"])
async def test_redirect_to_other_scheme_is_refused(server: ScriptedServer, policy: AddressPolicy, target: str) -> None:
    server.routes["/go"] = lambda seen: Reply(302, {"Location": target})
    with pytest.raises(UnsupportedScheme):
        await fetch(server.url("/go"), policy=policy)


async def test_redirect_loop_is_detected(server: ScriptedServer, policy: AddressPolicy) -> None:
    server.routes["/a"] = lambda seen: Reply(302, {"Location": "/b"})
    server.routes["/b"] = lambda seen: Reply(302, {"Location": "/a"})
    with pytest.raises(RedirectLoop):
        await fetch(server.url("/a"), policy=policy)
    assert len(server.seen) == 2


async def test_redirect_chain_longer_than_limit_fails(server: ScriptedServer, policy: AddressPolicy) -> None:
    for n in range(10):
        server.routes[f"/r{n}"] = lambda seen, n=n: Reply(307, {"Location": f"/r{n + 1}"})
    with pytest.raises(TooManyRedirects):
        await fetch(server.url("/r0"), policy=policy, max_redirects=3)
    assert len(server.seen) == 4


async def test_endless_body_is_aborted_at_the_cap_without_reading_it(
    server: ScriptedServer, policy: AddressPolicy
) -> None:
    server.routes["/big"] = lambda seen: Reply(200, body=endless(total=50 * 1024 * 1024))
    started = time.monotonic()
    with pytest.raises(BodyTooLarge):
        await fetch(server.url("/big"), policy=policy, max_bytes=1024 * 1024)
    assert time.monotonic() - started < 5


async def test_announced_oversized_body_is_refused_before_reading(
    server: ScriptedServer, policy: AddressPolicy
) -> None:
    server.routes["/big"] = lambda seen: Reply(200, {"Content-Length": str(50 * 1024 * 1024)}, endless(total=65536))
    with pytest.raises(BodyTooLarge, match="announced"):
        await fetch(server.url("/big"), policy=policy, max_bytes=1024 * 1024)


async def test_slow_server_times_out(server: ScriptedServer, policy: AddressPolicy) -> None:
    server.routes["/slow"] = lambda seen: Reply(200, body=b"late", delay=2.0)
    with pytest.raises(FetchTimeout):
        await fetch(server.url("/slow"), policy=policy, read_timeout=0.3, total_timeout=1.0)


async def test_connection_refused_is_a_fetch_error() -> None:
    policy = AddressPolicy.allowing("127.0.0.1:1")
    with pytest.raises(FetchError) as info:
        await fetch("http://127.0.0.1:1/", policy=policy)
    assert info.value.code == "fetch_failed"


async def test_connection_goes_to_the_address_that_was_checked(server: ScriptedServer) -> None:
    """DNS rebinding: the resolver answers once; the connection must use that answer, not a fresh lookup."""
    answers: list[list[IPAddress]] = [[ipaddress.ip_address("127.0.0.1")], [ipaddress.ip_address("10.0.0.1")]]
    calls: list[str] = []

    async def resolver(host: str, port: int) -> list[IPAddress]:
        calls.append(host)
        return answers[len(calls) - 1]

    server.routes["/a"] = lambda seen: Reply(200, body=b"pinned")
    policy = AddressPolicy.allowing(f"127.0.0.1:{server.port}", resolver=resolver)
    result = await fetch(f"http://service.example.test:{server.port}/a", policy=policy)
    assert (result.body, result.address, calls) == (b"pinned", "127.0.0.1", ["service.example.test"])
    assert server.seen[0].headers["host"] == f"service.example.test:{server.port}"


async def test_name_resolving_to_any_private_address_is_refused(server: ScriptedServer) -> None:
    async def resolver(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("169.254.169.254")]

    with pytest.raises(BlockedAddress, match=r"169\.254\.169\.254"):
        await fetch("http://mixed.example.test/", policy=AddressPolicy(resolver=resolver))


async def test_unsupported_scheme_is_refused() -> None:
    with pytest.raises(UnsupportedScheme):
        await fetch("file:///etc/passwd", policy=AddressPolicy())
