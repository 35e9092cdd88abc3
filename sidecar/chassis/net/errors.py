"""Errors raised by the guarded fetch; each carries a stable `code` callers record. Layer: chassis."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch that produced no usable response."""

    code = "fetch_failed"

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class UnsupportedScheme(FetchError):
    """Only http and https URLs may be fetched."""

    code = "unsupported_scheme"


class BlockedAddress(FetchError):
    """The host resolves to an address the policy forbids (private, loopback, link-local, metadata…)."""

    code = "blocked_address"


class BodyTooLarge(FetchError):
    """The response body exceeds the configured cap (announced or while streaming)."""

    code = "body_too_large"


class TooManyRedirects(FetchError):
    """More redirects than allowed."""

    code = "too_many_redirects"


class RedirectLoop(FetchError):
    """A redirect pointed back at a URL already visited in this fetch."""

    code = "redirect_loop"


class FetchTimeout(FetchError):
    """Connect, read or overall deadline exceeded."""

    code = "timeout"
