"""Feed decoding, parsing, identity and sanitising on the real feed and hostile inputs. Layer: vertical."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sidecar.verticals.architecture.feeds.decode import decode_body
from sidecar.verticals.architecture.feeds.parse import FeedParseError, parse_feed
from sidecar.verticals.architecture.feeds.sanitize import html_to_text, sanitize_html

REAL_FEED = Path("/work/shared/data/feeds/architecture-weekly.rss")
BASE = "https://feeds.example.test/feed"


def rss(items: str, channel: str = "", prolog: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return f"{prolog}<rss version='2.0'><channel><title>T</title>{channel}{items}</channel></rss>".encode()


def test_real_feed_parses_into_twenty_sanitised_items() -> None:
    feed = parse_feed(REAL_FEED.read_bytes(), "application/rss+xml; charset=utf-8", BASE)
    assert (feed.title, feed.key_policy, len(feed.items)) == ("Architecture Weekly", "guid", 20)
    assert len({i.item_key for i in feed.items}) == 20
    assert all(i.key_source == "guid" and i.published_at and i.text and i.title for i in feed.items)
    assert all("<script" not in i.html and "onclick" not in i.html for i in feed.items)
    first = feed.items[0]
    assert first.title == "Vibing, Harness and OODA loop"
    assert first.published_at == datetime(2026, 4, 27, 5, 27, 27, tzinfo=UTC)


def test_parsing_is_deterministic() -> None:
    a = parse_feed(REAL_FEED.read_bytes(), None, BASE)
    b = parse_feed(REAL_FEED.read_bytes(), None, BASE)
    assert [(i.item_key, i.content_hash) for i in a.items] == [(i.item_key, i.content_hash) for i in b.items]


def test_identity_falls_back_from_guid_to_link_to_content_hash() -> None:
    body = rss(
        "<item><guid>g-1</guid><link>https://a.test/1</link><title>A</title></item>"
        "<item><link>https://a.test/2</link><title>B</title></item>"
        "<item><title>C</title><description>only text</description></item>"
    )
    feed = parse_feed(body, None, BASE)
    # two of three entries lack a GUID: more than 5% → the feed degrades to link identity
    assert feed.key_policy == "link"
    assert [i.key_source for i in feed.items] == ["link", "link", "hash"]


def test_guid_identity_disambiguates_a_reused_guid() -> None:
    items = "".join(
        f"<item><guid>g-{n}</guid><link>https://a.test/{n}</link><title>{n}</title></item>" for n in range(30)
    )
    items += "<item><guid>g-0</guid><link>https://a.test/dup</link><title>dup</title></item>"
    feed = parse_feed(rss(items), None, BASE)
    assert feed.key_policy == "guid"
    assert len({i.item_key for i in feed.items}) == 31


def test_edit_changes_only_that_items_content_hash() -> None:
    before = rss("<item><guid>1</guid><title>A</title><description>one</description></item>"
                 "<item><guid>2</guid><title>B</title><description>two</description></item>")  # fmt: skip
    after = before.replace(b"two", b"two, edited")
    a, b = parse_feed(before, None, BASE).items, parse_feed(after, None, BASE).items
    assert [x.item_key for x in a] == [x.item_key for x in b]
    assert a[0].content_hash == b[0].content_hash
    assert a[1].content_hash != b[1].content_hash


def test_scripts_styles_and_javascript_links_are_removed() -> None:
    hostile = (
        "<p onclick='steal()'>Read <a href='javascript:alert(1)'>this</a> and <a href='/rel'>that</a>"
        "<script>document.cookie</script><style>body{display:none}</style>"
        "<img src='x.png' onerror='boom()'><iframe src='https://evil.test'></iframe></p>"
    )
    body = rss(f"<item><guid>1</guid><link>https://a.test/p/1</link><title>x</title>"
               f"<description><![CDATA[{hostile}]]></description></item>")  # fmt: skip
    item = parse_feed(body, None, BASE).items[0]
    for needle in ("script", "cookie", "onclick", "onerror", "javascript:", "iframe", "display:none"):
        assert needle not in item.html
    assert 'href="https://feeds.example.test/rel"' in item.html  # relative to the feed, as feedparser resolves
    assert 'rel="noopener noreferrer"' in item.html
    assert item.text == "Read this and that"


def test_sanitizer_drops_unsafe_schemes_and_keeps_mailto() -> None:
    html = sanitize_html(
        '<a href="mailto:a@b.test">m</a><a href="data:text/html,x">d</a><a href="vbscript:x">v</a>', None
    )
    assert 'href="mailto:a@b.test"' in html
    assert "data:" not in html and "vbscript" not in html


def test_text_keeps_paragraph_breaks_and_entities() -> None:
    assert html_to_text("<p>A&amp;B&nbsp;c</p><ul><li>one</li><li>two</li></ul>") == "A&B c\n\none\n\ntwo"


def test_wrong_declared_encoding_is_repaired() -> None:
    body = rss("<item><guid>1</guid><title>Café crème</title></item>").decode().encode("windows-1252")
    assert parse_feed(body, "application/xml; charset=utf-8", BASE).items[0].title == "Café crème"


def test_latin1_prolog_is_honoured_and_nul_is_stripped() -> None:
    body = rss("<item><guid>1</guid><title>Zoë\x00 naïve</title></item>",
               prolog='<?xml version="1.0" encoding="ISO-8859-1"?>').decode().encode("latin-1")  # fmt: skip
    assert parse_feed(body, None, BASE).items[0].title == "Zoë naïve"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Привет мир, это тест кодировки для русского текста", "cp1251"), ("Zoë über straße", "latin-1")],
)
def test_undeclared_encodings_are_detected(text: str, encoding: str) -> None:
    assert decode_body(f"<rss><title>{text}</title></rss>".encode(encoding))[0] == f"<rss><title>{text}</title></rss>"


def test_valid_utf8_wins_over_a_wrong_charset_header() -> None:
    text, encoding = decode_body("Grüße".encode(), "text/xml; charset=iso-8859-1")
    assert (text, encoding) == ("Grüße", "utf-8")


@pytest.mark.parametrize("body", [b"", b"   \n", b"<html><body>not a feed</body></html>", b"\x00\x01\x02garbage"])
def test_non_feeds_raise_a_parse_error(body: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(body, None, BASE)


def test_broken_xml_is_read_leniently() -> None:
    body = rss("<item><guid>1</guid><title>Unclosed <b>bold</title></item><item><guid>2</guid><title>ok")
    titles = [i.title for i in parse_feed(body, None, BASE).items]
    assert titles[0].startswith("Unclosed")


def test_json_feed_is_sniffed() -> None:
    body = json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "J",
        "items": [{"id": "j1", "url": "https://j.test/1", "title": "First", "content_html": "<p>Hi</p>"}],
    }).encode()  # fmt: skip
    feed = parse_feed(body, "application/feed+json", BASE)
    assert [(i.title, i.text, i.key_source) for i in feed.items] == [("First", "Hi", "guid")]


def test_far_future_dates_are_clamped_and_bad_dates_are_null() -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    body = rss("<item><guid>1</guid><title>f</title><pubDate>Mon, 01 Jan 2091 00:00:00 GMT</pubDate></item>"
               "<item><guid>2</guid><title>b</title><pubDate>the day after tomorrow</pubDate></item>")  # fmt: skip
    items = parse_feed(body, None, BASE, now=now).items
    assert (items[0].published_at, items[1].published_at) == (now, None)


def test_ttl_is_read_from_the_channel() -> None:
    assert parse_feed(rss("", channel="<ttl>90</ttl>"), None, BASE).ttl_minutes == 90


def test_item_links_must_be_http() -> None:
    body = rss("<item><guid>1</guid><title>a</title><link>javascript:alert(1)</link></item>"
               "<item><guid>2</guid><title>b</title><link>/p/relative</link></item>")  # fmt: skip
    assert [i.link for i in parse_feed(body, None, BASE).items] == [None, "https://feeds.example.test/p/relative"]
