"""Documents → articles: Markdown is rendered (raw HTML disabled), every format is sanitised with the feed
sanitiser, plain text is kept for search and quotes; a new document is handed to the engine. Layer: vertical.
Runs on the caller's transaction, so RLS and chassis.can() decide who may add documents.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from psycopg import AsyncConnection

from sidecar.verticals.architecture.documents.schemas import DocumentIn, DocumentOut, Format
from sidecar.verticals.architecture.feeds.decode import clean_text
from sidecar.verticals.architecture.feeds.sanitize import html_to_text, plain_to_html, sanitize_html
from sidecar.verticals.architecture.interpreters.requests import request_interpretations

MAX_CHARS = 1_000_000
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
EXTENSIONS: dict[str, Format] = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                                 ".txt": "text", ".text": "text"}  # fmt: skip


class DocumentError(ValueError):
    """The document cannot be stored (empty, too large, unknown format)."""


def render(content: str, fmt: Format, base_url: str | None = None) -> tuple[str, str]:
    """(sanitised html, plain text) of a document."""
    content = clean_text(content)
    if fmt == "markdown":
        html = _MARKDOWN.render(content)
    elif fmt == "html":
        html = content
    else:
        html = plain_to_html(content)
    safe = sanitize_html(html, base_url)
    return safe, html_to_text(safe)


def title_of(doc: DocumentIn, text: str) -> str:
    """The given title, else the first Markdown heading, else the first line."""
    if doc.title and doc.title.strip():
        return doc.title.strip()[:300]
    heading = _HEADING.search(doc.content) if doc.format == "markdown" else None
    first = heading.group(1) if heading else next((line for line in text.splitlines() if line.strip()), "Untitled")
    return first.strip()[:300]


async def create_document(conn: AsyncConnection[Any], doc: DocumentIn) -> DocumentOut:
    """Store the document as an article (deduplicated by normalised text) and request its interpretation."""
    if len(doc.content) > MAX_CHARS:
        raise DocumentError(f"document is larger than {MAX_CHARS} characters")
    html, text = render(doc.content, doc.format, doc.url)
    if not text.strip():
        raise DocumentError("the document has no text")
    title = title_of(doc, text)
    cur = await conn.execute(
        "select architecture.document_create_v1(%s, %s, %s, %s, %s)", (title, doc.format, html, text, doc.url)
    )
    row = await cur.fetchone()
    stored = row[0] if row else {}
    interpretations: list[dict[str, Any]] = []
    if stored.get("created"):
        interpretations = (await request_interpretations(conn, [stored["id"]])).get(str(stored["id"]), [])
    return DocumentOut(id=str(stored["id"]), created=bool(stored.get("created")), title=title,
                       interpretations=interpretations)  # fmt: skip
