"""One polite fetch of one feed: conditional GET, classification, parsing, recording. Layer: vertical.

The network and the parser run outside any transaction; one call of `architecture.feed_record_fetch_v1` then
stores the outcome atomically (entries, fan-out to subscribers, validators, schedule, back-off, redirects).
The connection acts as the sidecar itself: feeds are global, written only through definer functions.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from sidecar.chassis.net import AddressPolicy, FetchError, FetchResult, fetch, policy_from_env
from sidecar.verticals.architecture.feeds.parse import FeedParseError, ParsedFeed, parse_feed
from sidecar.verticals.architecture.feeds.schedule import SchedulePolicy, next_check, validators_usable

log = logging.getLogger("sidecar.architecture")
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
)
PERMANENT = frozenset({301, 308})


@dataclass(frozen=True)
class FetchSettings:
    """Limits and schedule of the feed fetcher (`SIDECAR_NET_ALLOW` feeds the address allow-list)."""

    policy: AddressPolicy = field(default_factory=policy_from_env)
    max_bytes: int = 15 * 1024 * 1024
    total_timeout: float = 20.0
    read_timeout: float = 15.0
    max_redirects: int = 5
    schedule: SchedulePolicy = field(default_factory=SchedulePolicy)


@dataclass(frozen=True)
class FetchReport:
    """What one fetch did: outcome kind, HTTP status, item counts and the articles to (re-)interpret."""

    feed_id: UUID
    kind: str
    http_status: int | None = None
    error_code: str | None = None
    items: Mapping[str, int] = field(default_factory=dict)
    articles: tuple[Mapping[str, str], ...] = ()
    url: str | None = None


def _permanent_target(result: FetchResult) -> str | None:
    """Where a chain of permanent redirects from the stored URL leads (a later temporary hop ends the chain)."""
    target = None
    for hop in result.hops:
        if hop.status not in PERMANENT:
            break
        target = hop.location
    return target


def _validators(headers: Mapping[str, str], *, replace: bool) -> dict[str, str | None]:
    """Validators to store: verbatim from the response; on 200 a missing one clears the stale stored one."""
    if not validators_usable(headers):
        return {"etag": None, "last_modified": None} if replace else {}
    found: dict[str, str | None] = {}
    for header, key in (("etag", "etag"), ("last-modified", "last_modified")):
        if header in headers or replace:
            found[key] = headers.get(header)
    return found


def _item_json(feed: ParsedFeed) -> list[dict[str, Any]]:
    return [
        {
            "item_key": i.item_key, "key_source": i.key_source, "guid": i.guid, "link": i.link, "title": i.title,
            "author": i.author, "published_at": i.published_at.isoformat() if i.published_at else None,
            "tags": list(i.tags), "html": i.html, "text": i.text, "content_hash": i.content_hash,
        }
        for i in feed.items
    ]  # fmt: skip


def classify(result: FetchResult, state: Mapping[str, Any], now: datetime, schedule: SchedulePolicy) -> dict[str, Any]:
    """Turn one HTTP response into the outcome document `feed_record_fetch_v1` stores."""
    headers = {k.lower(): v for k, v in result.headers.items()}
    status = result.status
    base: dict[str, Any] = {"http_status": status, "permanent_redirect": _permanent_target(result)}
    ttl = state.get("ttl_minutes")

    def error(code: str, message: str) -> dict[str, Any]:
        when = next_check(now, headers, ttl_minutes=ttl, error_count=int(state["error_count"]) + 1, policy=schedule)
        return {**base, "kind": "error", "error_code": code, "error": message, "next_check_at": when.isoformat()}

    if status == 304:
        when = next_check(now, headers, ttl_minutes=ttl, policy=schedule)
        validators = _validators(headers, replace=False)
        return {**base, "kind": "not_modified", "next_check_at": when.isoformat(), **validators}
    if status == 410:
        return {**base, "kind": "gone"}
    if status == 403 and headers.get("cf-mitigated", "").lower() == "challenge":
        return error("challenge", "the host answered with a bot challenge (HTTP 403, cf-mitigated: challenge)")
    if status in (429, 503):
        return error("rate_limited" if status == 429 else "unavailable", f"HTTP {status}; retrying after the delay")
    if not 200 <= status < 300:
        return error(f"http_{status}", f"HTTP {status}")
    try:
        feed = parse_feed(result.body, headers.get("content-type"), result.url, now=now)
    except FeedParseError as exc:
        return error(exc.code, str(exc)[:500])
    validators = _validators(headers, replace=True)
    if not any(validators.values()):  # etiquette: a publisher we cannot ask conditionally is polled at most daily
        schedule = replace(schedule, base=schedule.ceiling)
    when = next_check(now, headers, ttl_minutes=feed.ttl_minutes, policy=schedule)
    return {
        **base,
        "kind": "ok",
        "next_check_at": when.isoformat(),
        **validators,
        "feed": {
            "title": feed.title,
            "site_url": feed.site_url,
            "language": feed.language,
            "ttl_minutes": feed.ttl_minutes,
            "key_policy": feed.key_policy,
        },
        "items": _item_json(feed),
    }


async def _record(conn: AsyncConnection[Any], feed_id: UUID, outcome: dict[str, Any]) -> dict[str, Any]:
    cur = await conn.execute("select architecture.feed_record_fetch_v1(%s, %s)", (feed_id, Jsonb(outcome)))
    recorded = (await cur.fetchone() or [None])[0] or {}
    await conn.commit()
    return json.loads(recorded) if isinstance(recorded, str) else recorded


async def fetch_feed(
    conn: AsyncConnection[Any],
    feed_id: UUID,
    settings: FetchSettings | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> FetchReport:
    """Fetch one feed and record the outcome; never raises for network, HTTP or parse problems."""
    settings = settings or FetchSettings()
    row = await (await conn.execute("select architecture.feed_state_v1(%s)", (feed_id,))).fetchone()
    await conn.commit()
    state = row[0] if row else None
    if not state or state["status"] != "active":
        return FetchReport(feed_id, "skipped")
    headers = {"accept": ACCEPT}
    if state.get("etag"):
        headers["if-none-match"] = state["etag"]
    if state.get("last_modified"):
        headers["if-modified-since"] = state["last_modified"]
    now = clock()
    try:
        result = await fetch(
            state["url"],
            policy=settings.policy,
            headers=headers,
            max_bytes=settings.max_bytes,
            max_redirects=settings.max_redirects,
            read_timeout=settings.read_timeout,
            total_timeout=settings.total_timeout,
        )
    except FetchError as exc:
        when = next_check(now, {}, error_count=int(state["error_count"]) + 1, policy=settings.schedule)
        outcome: dict[str, Any] = {
            "kind": "error", "error_code": exc.code, "error": str(exc)[:500], "next_check_at": when.isoformat(),
        }  # fmt: skip
    else:
        outcome = classify(result, state, now, settings.schedule)
    try:
        recorded = await _record(conn, feed_id, outcome)
    except psycopg.Error as exc:  # content the database refuses must not wedge the feed: record it as an error
        await conn.rollback()
        log.warning("feed %s: storing the fetch failed: %s", feed_id, exc.diag.message_primary)
        when = next_check(now, {}, error_count=int(state["error_count"]) + 1, policy=settings.schedule)
        message = f"could not store the fetched feed: {exc.diag.message_primary}"[:500]
        outcome = {"kind": "error", "http_status": outcome.get("http_status"), "error_code": "store_failed",
                   "error": message, "next_check_at": when.isoformat()}  # fmt: skip
        recorded = await _record(conn, feed_id, outcome)
    return FetchReport(
        feed_id=feed_id,
        kind=outcome["kind"],
        http_status=outcome.get("http_status"),
        error_code=outcome.get("error_code"),
        items=recorded.get("items") or {},
        articles=tuple(recorded.get("articles") or ()),
        url=recorded.get("url"),
    )
