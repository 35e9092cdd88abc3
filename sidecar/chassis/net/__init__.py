"""Outbound HTTP for the sidecar: an SSRF-guarded, size- and time-capped async fetch. Layer: chassis."""

from __future__ import annotations

from sidecar.chassis.net.errors import (
    BlockedAddress,
    BodyTooLarge,
    FetchError,
    FetchTimeout,
    RedirectLoop,
    TooManyRedirects,
    UnsupportedScheme,
)
from sidecar.chassis.net.fetch import FetchResult, Hop, fetch
from sidecar.chassis.net.guard import AddressPolicy, policy_from_env

__all__ = [
    "AddressPolicy",
    "BlockedAddress",
    "BodyTooLarge",
    "FetchError",
    "FetchResult",
    "FetchTimeout",
    "Hop",
    "RedirectLoop",
    "TooManyRedirects",
    "UnsupportedScheme",
    "fetch",
    "policy_from_env",
]
