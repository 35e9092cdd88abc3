"""When to check a feed next: the longest of schedule, <ttl>, max-age, Expires and Retry-After. Layer: vertical.

`next_check = max(clamp(max(base × 2^errors, ttl, max-age, Expires), floor, ceiling), Retry-After)`, with
Retry-After (seconds or HTTP-date) capped at two days and the error back-off capped at the ceiling.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class SchedulePolicy:
    """Bounds of the polling schedule."""

    base: timedelta = timedelta(hours=1)
    floor: timedelta = timedelta(minutes=15)
    ceiling: timedelta = timedelta(hours=24)
    retry_after_cap: timedelta = timedelta(days=2)


def _http_date(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else None


def retry_after(value: str | None, now: datetime, cap: timedelta) -> timedelta | None:
    """`Retry-After` as a delay (seconds or HTTP-date), capped; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        delay = timedelta(seconds=int(value))
    else:
        when = _http_date(value)
        if when is None:
            return None
        delay = when - now
    return min(max(delay, timedelta(0)), cap)


def max_age(cache_control: str | None) -> timedelta | None:
    """`Cache-Control: max-age` as a delay."""
    found = _MAX_AGE.search(cache_control or "")
    return timedelta(seconds=int(found.group(1))) if found else None


def expires_in(value: str | None, now: datetime) -> timedelta | None:
    """`Expires` as a delay; `0`, invalid and past dates count as absent."""
    when = _http_date(value or "")
    return when - now if when and when > now else None


def validators_usable(headers: Mapping[str, str]) -> bool:
    """RFC 9111: a response carrying `Expires: 0` (or another invalid date) gives no reusable validators."""
    value = headers.get("expires")
    return value is None or _http_date(value) is not None


def next_check(
    now: datetime,
    headers: Mapping[str, str],
    *,
    ttl_minutes: int | None = None,
    error_count: int = 0,
    policy: SchedulePolicy | None = None,
) -> datetime:
    """The next time the feed may be fetched."""
    policy = policy or SchedulePolicy()
    waits = [policy.base * (2 ** min(error_count, 16))]
    if ttl_minutes:
        waits.append(timedelta(minutes=ttl_minutes))
    for extra in (max_age(headers.get("cache-control")), expires_in(headers.get("expires"), now)):
        if extra is not None:
            waits.append(extra)
    wait = min(max(max(waits), policy.floor), policy.ceiling)
    asked = retry_after(headers.get("retry-after"), now, policy.retry_after_cap)
    return now + max(wait, asked or timedelta(0))
