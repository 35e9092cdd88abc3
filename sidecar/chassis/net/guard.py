"""Address policy for outbound requests: which resolved IPs a fetch may connect to. Layer: chassis.

Refuses every address that is not globally routable (loopback, RFC 1918, link-local and cloud metadata,
CGNAT, ULA, multicast, reserved, unspecified, IPv4-mapped forms of those), unless an explicit allow-list
entry (network, optionally one port) admits it — tests use that for their local servers.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

# Named explicitly (besides `is_global`) so the intent survives library changes.
_ALWAYS_BLOCKED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
        "ff00::/8",
    )
)


@dataclass(frozen=True)
class AllowEntry:
    """One allow-list entry: a network and, optionally, the only port allowed on it."""

    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    port: int | None = None

    def admits(self, ip: IPAddress, port: int) -> bool:
        """True when `ip:port` falls under this entry."""
        return ip.version == self.network.version and ip in self.network and self.port in (None, port)

    @classmethod
    def parse(cls, text: str) -> AllowEntry:
        """Parse `10.0.0.0/8`, `127.0.0.1:8080` or `[::1]:8080`."""
        text = text.strip()
        port: int | None = None
        if text.startswith("["):
            host, _, rest = text[1:].partition("]")
            if rest.startswith(":"):
                port = int(rest[1:])
            text = host
        elif text.count(":") == 1:
            text, port_text = text.split(":")
            port = int(port_text)
        return cls(ipaddress.ip_network(text, strict=False), port)


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Resolve `host` with the system resolver, every address family, deduplicated in order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in seen:
            seen.append(ip)
    return seen


def _unwrap(ip: IPAddress) -> IPAddress:
    """IPv4-mapped / 6to4-embedded IPv6 addresses are judged by the IPv4 address they carry."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
    return ip


def is_public(ip: IPAddress) -> bool:
    """True when `ip` is globally routable and in no blocked range."""
    ip = _unwrap(ip)
    if any(ip.version == n.version and ip in n for n in _ALWAYS_BLOCKED):
        return False
    return ip.is_global


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses an outbound fetch may connect to; `resolver` is injectable for tests."""

    allow: Sequence[AllowEntry] = ()
    resolver: Resolver = field(default=system_resolver, compare=False)

    def permits(self, ip: IPAddress, port: int) -> bool:
        """True when the policy lets a connection reach `ip:port`."""
        return is_public(ip) or any(entry.admits(_unwrap(ip), port) or entry.admits(ip, port) for entry in self.allow)

    @classmethod
    def allowing(cls, *entries: str, resolver: Resolver | None = None) -> AddressPolicy:
        """A policy that also admits the given entries (`127.0.0.1:8080`, `10.1.0.0/16`)."""
        parsed = tuple(AllowEntry.parse(e) for e in entries)
        return cls(parsed) if resolver is None else cls(parsed, resolver)


def policy_from_env(variable: str = "SIDECAR_NET_ALLOW") -> AddressPolicy:
    """The default policy: nothing private, plus comma-separated allow-list entries from the environment."""
    raw = os.environ.get(variable, "")
    return AddressPolicy.allowing(*(part for part in raw.split(",") if part.strip()))
