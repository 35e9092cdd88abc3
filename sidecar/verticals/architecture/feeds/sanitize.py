"""Allow-list HTML sanitising (nh3) and the plain text kept for search and interpretation. Layer: vertical.

Sanitising runs last: relative URLs are resolved against the item link by the sanitiser itself, only
http/https/mailto survive, script/style/noscript lose their content, links get rel="noopener noreferrer" and
links and images `referrerpolicy="no-referrer"`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3

_TAGS = frozenset(nh3.ALLOWED_TAGS) - {"map", "area"}
_ATTRIBUTES = {
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    "time": {"datetime"},
    "code": {"class"},
}
_DROP_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"})
_SCHEMES = frozenset({"http", "https", "mailto"})
# One added attribute per tag: nh3 emits several in an unstable order, which would break content hashes.
_SET = {"a": {"referrerpolicy": "no-referrer"}, "img": {"referrerpolicy": "no-referrer"}}

_BLOCK = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
        "table", "hr", "figure", "figcaption", "section", "article", "header", "footer", "dd", "dt", "details",
        "summary",
    }
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def sanitize_html(fragment: str, base_url: str | None = None) -> str:
    """Clean untrusted HTML with an allow-list; relative links resolve against `base_url` or are dropped."""
    relative: str | tuple[str, str] = ("rewrite_with_base", base_url) if base_url else "deny"
    return nh3.clean(
        fragment.replace("\x00", ""),
        tags=set(_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(_SCHEMES),
        link_rel="noopener noreferrer",
        set_tag_attribute_values=_SET,
        url_relative=relative,
        strip_comments=True,
    )


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Readable plain text of (already sanitised) HTML: block elements become line breaks, spaces collapse."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def plain_to_html(text: str) -> str:
    """Escape plain text into paragraphs (used for text/plain feed content and pasted text)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
