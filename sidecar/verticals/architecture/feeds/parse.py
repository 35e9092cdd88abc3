"""Feed parsing (feedparser, non-strict) into sanitised items with stable identities. Layer: vertical.

Identity within a feed (vertical notes §4.4): GUID / atom:id, then link, then a hash of title and text; a GUID
reused inside one document is disambiguated by link or position; when more than 5% of entries have a blank or
repeated GUID the whole feed degrades to link identity. `content_hash` covers link, title, author, sanitised
HTML and tags, so an edited item is detected and only that item is re-interpreted.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from sidecar.verticals.architecture.feeds.decode import as_utf8_xml, clean_text, decode_body
from sidecar.verticals.architecture.feeds.sanitize import html_to_text, plain_to_html, sanitize_html

DEGRADE_THRESHOLD = 0.05
_HTTP_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)
FUTURE_SLACK = timedelta(days=1)


class FeedParseError(Exception):
    """The body is not a feed feedparser can read (recorded as the feed's last error)."""

    code = "parse_error"


@dataclass(frozen=True)
class ParsedItem:
    """One entry, sanitised and identified."""

    item_key: str
    key_source: str
    guid: str | None
    link: str | None
    title: str
    author: str | None
    published_at: datetime | None
    html: str
    text: str
    tags: tuple[str, ...]
    content_hash: str


@dataclass(frozen=True)
class ParsedFeed:
    """Channel metadata plus its items in document order."""

    title: str | None
    site_url: str | None
    ttl_minutes: int | None
    language: str | None
    key_policy: str
    encoding: str
    items: tuple[ParsedItem, ...]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _date(entry: Any, now: datetime) -> datetime | None:
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")  # no feedparser aliasing
    if not parsed:
        return None
    value = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return min(value, now) if value > now + FUTURE_SLACK else value


def _content(entry: Any, base: str | None) -> str:
    blocks = entry.get("content") or []
    chosen = max(blocks, key=lambda b: len(b.get("value", "")), default=None)
    if chosen is None and entry.get("summary"):
        chosen = {"value": entry["summary"], "type": entry.get("summary_detail", {}).get("type", "text/html")}
    if chosen is None:
        return ""
    value = clean_text(chosen.get("value", ""))
    if chosen.get("type") == "text/plain":
        value = plain_to_html(value)
    return sanitize_html(value, base)


def _ttl(feed: Any) -> int | None:
    raw = str(feed.get("ttl", "")).strip()
    return int(raw) if raw.isdigit() else None


def _policy(entries: list[Any]) -> str:
    guids = [str(e.get("id") or "").strip() for e in entries]
    counts = Counter(g for g in guids if g)
    bad = guids.count("") + sum(n - 1 for n in counts.values())
    return "link" if entries and bad / len(entries) > DEGRADE_THRESHOLD else "guid"


def _identity(guid: str | None, link: str | None, title: str, text: str, policy: str, used: set[str], pos: int):
    if policy == "guid" and guid:
        raw, source = f"guid:{guid}", "guid"
        if raw in used:
            raw = f"guid:{guid}|{link or pos}"
    elif link:
        raw, source = f"link:{link}", "link"
        if raw in used:
            raw = f"link:{link}|{pos}"
    else:
        raw, source = f"hash:{_sha256(title + chr(0) + text)}", "hash"
    used.add(raw)
    return _sha256(raw), source


def _json_date(value: object) -> time.struct_time | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(UTC).timetuple()
    except ValueError:
        return None


def _json_feed(text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """JSON Feed 1.0/1.1 mapped onto the entry keys feedparser produces (feedparser 6.0 reads XML only)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise FeedParseError(f"not a feed: invalid JSON ({exc})") from exc
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise FeedParseError("not a feed: JSON without a JSON Feed version")
    entries = []
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        html, plain = item.get("content_html"), item.get("content_text") or item.get("summary")
        content = [{"value": html, "type": "text/html"}] if html else [{"value": plain or "", "type": "text/plain"}]
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        entries.append({
            "id": item.get("id"), "link": item.get("url") or item.get("external_url"), "title": item.get("title") or "",
            "content": content, "author": ", ".join(str(a.get("name")) for a in authors if isinstance(a, dict)),
            "published_parsed": _json_date(item.get("date_published") or item.get("date_modified")),
            "tags": [{"term": str(t)} for t in item.get("tags") or []],
        })  # fmt: skip
    feed = {"title": data.get("title") or "", "link": data.get("home_page_url"), "language": data.get("language")}
    return feed, entries


def _xml_feed(text: str, base_url: str) -> tuple[Any, list[Any]]:
    data = feedparser.parse(
        as_utf8_xml(text),
        response_headers={"content-type": "application/xml; charset=utf-8", "content-location": base_url},
        sanitize_html=False,
        resolve_relative_uris=True,
    )
    if not data.entries and not data.get("version"):
        raise FeedParseError(f"not a feed: {data.get('bozo_exception') or 'no feed root element'}")
    return data.feed, list(data.entries)


def parse_feed(body: bytes, content_type: str | None, base_url: str, now: datetime | None = None) -> ParsedFeed:
    """Parse a fetched body; raises `FeedParseError` when nothing feed-like can be read."""
    now = now or datetime.now(UTC)
    if not body.strip():
        raise FeedParseError("empty body")
    text, encoding = decode_body(body, content_type)
    is_json = text.lstrip()[:1] in ("{", "[")
    feed, entries = _json_feed(text) if is_json else _xml_feed(text, base_url)
    policy = _policy(entries)
    used: set[str] = set()
    items = []
    for pos, entry in enumerate(entries):
        link = (entry.get("link") or "").strip()
        link = link if _HTTP_URL.match(link) and len(link) <= 2048 else None
        guid = str(entry.get("id") or "").strip() or None
        html = _content(entry, link or base_url)
        plain = html_to_text(html)
        title = clean_text(entry.get("title", "")).strip()
        author = clean_text(entry.get("author", "")).strip() or None
        tags = tuple(sorted({t.get("term", "") for t in entry.get("tags", []) if t.get("term")}))
        key, source = _identity(guid, link, title, plain, policy, used, pos)
        digest = _sha256(json.dumps([link, title, author, html, tags], ensure_ascii=False))
        items.append(ParsedItem(key, source, guid, link, title, author, _date(entry, now), html, plain, tags, digest))
    return ParsedFeed(
        title=clean_text(feed.get("title", "")).strip() or None,
        site_url=feed.get("link") or None,
        ttl_minutes=_ttl(feed),
        language=feed.get("language") or None,
        key_policy=policy,
        encoding=encoding,
        items=tuple(items),
    )
