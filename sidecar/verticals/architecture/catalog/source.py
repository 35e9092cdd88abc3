"""Reading a Layra export from a file path or an http(s) URL, with a size cap and an SSRF guard. Layer: vertical.

The HTTP route only ever fetches public addresses (`public_only=True`); the operator CLI may read any URL it is given.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx

MAX_BYTES = 15 * 1024 * 1024
TIMEOUT = httpx.Timeout(20.0)


class SourceError(ValueError):
    """The export could not be read (missing file, HTTP error, forbidden address, too large, not UTF-8)."""


def is_url(location: str) -> bool:
    """True for http(s) URLs; everything else is treated as a file path."""
    return urlsplit(location).scheme in ("http", "https")


def _decode(data: bytes, location: str) -> str:
    if len(data) > MAX_BYTES:
        raise SourceError(f"{location}: larger than {MAX_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{location}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def _check_public(url: str) -> None:
    """Refuse URLs whose host resolves to loopback, private, link-local, reserved or CGNAT addresses."""
    host = urlsplit(url).hostname
    if not host:
        raise SourceError(f"{url}: no host")
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise SourceError(f"{url}: cannot resolve {host}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global or addr in ipaddress.ip_network("100.64.0.0/10"):
            raise SourceError(f"{url}: {host} resolves to a non-public address ({addr})")


def read_export(location: str, *, public_only: bool = False) -> str:
    """Read the export text from a path or URL (blocking)."""
    if not is_url(location):
        path = Path(location)
        if not path.is_file():
            raise SourceError(f"{location}: no such file")
        return _decode(path.read_bytes(), location)
    if public_only:
        _check_public(location)
    try:
        with httpx.Client(timeout=TIMEOUT, follow_redirects=not public_only) as client:
            response = client.get(location)
    except httpx.HTTPError as exc:
        raise SourceError(f"{location}: {exc}") from exc
    if response.status_code != 200:
        raise SourceError(f"{location}: HTTP {response.status_code}")
    return _decode(response.content, location)


async def read_export_async(location: str, *, public_only: bool = False) -> str:
    """`read_export` off the event loop."""
    return await asyncio.to_thread(read_export, location, public_only=public_only)
