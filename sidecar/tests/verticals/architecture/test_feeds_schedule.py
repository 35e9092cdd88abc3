"""Next-check computation: schedule, TTL, max-age, Expires, Retry-After, back-off. Layer: vertical."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sidecar.verticals.architecture.feeds.schedule import (
    SchedulePolicy,
    next_check,
    retry_after,
    validators_usable,
)

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
POLICY = SchedulePolicy()


def test_default_is_the_base_schedule() -> None:
    assert next_check(NOW, {}) == NOW + timedelta(hours=1)


@pytest.mark.parametrize(
    ("headers", "ttl", "expected"),
    [
        ({}, 180, timedelta(hours=3)),
        ({"cache-control": "public, max-age=7200"}, None, timedelta(hours=2)),
        ({"cache-control": "max-age=60"}, None, timedelta(hours=1)),
        ({"expires": "Fri, 01 May 2026 18:00:00 GMT"}, None, timedelta(hours=6)),
        ({"expires": "0"}, None, timedelta(hours=1)),
        ({"expires": "Thu, 01 Jan 2026 00:00:00 GMT"}, None, timedelta(hours=1)),
        ({"cache-control": "max-age=10800", "expires": "Fri, 01 May 2026 14:00:00 GMT"}, 30, timedelta(hours=3)),
        ({"cache-control": "max-age=999999"}, None, timedelta(hours=24)),
    ],
)
def test_longest_of_the_signals_wins_within_bounds(headers: dict[str, str], ttl: int | None, expected) -> None:
    assert next_check(NOW, headers, ttl_minutes=ttl) == NOW + expected


def test_retry_after_seconds_and_http_date() -> None:
    assert next_check(NOW, {"retry-after": "36000"}) == NOW + timedelta(hours=10)
    assert next_check(NOW, {"retry-after": "Sat, 02 May 2026 18:00:00 GMT"}) == NOW + timedelta(hours=30)


def test_retry_after_is_capped_at_two_days_and_garbage_ignored() -> None:
    assert retry_after("99999999", NOW, POLICY.retry_after_cap) == timedelta(days=2)
    assert retry_after("soon", NOW, POLICY.retry_after_cap) is None
    assert retry_after("Mon, 01 Jan 2024 00:00:00 GMT", NOW, POLICY.retry_after_cap) == timedelta(0)


def test_errors_back_off_exponentially_up_to_the_ceiling() -> None:
    waits = [next_check(NOW, {}, error_count=n) - NOW for n in range(7)]
    assert waits == [timedelta(hours=h) for h in (1, 2, 4, 8, 16, 24, 24)]


def test_expires_zero_invalidates_validators() -> None:
    assert not validators_usable({"expires": "0", "etag": '"x"'})
    assert validators_usable({"etag": '"x"'})
    assert validators_usable({"expires": "Fri, 01 May 2026 18:00:00 GMT"})
