"""The `architecture.pattern_mentions` interpreter: deterministic, offline, needs only the catalog. Layer: vertical.

`interpret()` is the pure function (text + catalog terms → mentions with verbatim evidence and offsets);
`run_pattern_mentions()` reads an article's stored text, interprets it and projects the result into
`architecture.article_patterns` through `architecture.project_mentions_v1` (sidecar connection).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from uuid import UUID

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from sidecar.verticals.architecture.interpreters.mentions import MentionFinder, PatternTerms

KIND = "architecture.pattern_mentions"
VERSION = "1"
OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["mentions"],
    "properties": {
        "mentions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["pattern_slug", "count", "evidence"],
                "properties": {
                    "pattern_slug": {"type": "string"},
                    "name": {"type": "string"},
                    "count": {"type": "integer", "minimum": 1},
                    "evidence": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["quote", "start", "end"],
                            "properties": {
                                "quote": {"type": "string"},
                                "start": {"type": "integer"},
                                "end": {"type": "integer"},
                                "matched": {"type": "string"},
                            },
                        },
                    },
                },
            },
        }
    },
}


def terms_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[PatternTerms]:
    """Catalog rows `{slug, name, aliases}` (architecture.pattern_terms_v1) → finder input."""
    return [PatternTerms(r["slug"], r["name"], tuple(r.get("aliases") or ())) for r in rows]


def interpret(text: str, patterns: Iterable[PatternTerms]) -> dict[str, Any]:
    """Pattern mentions of `text`, as the derivation payload."""
    return {
        "mentions": [
            {
                "pattern_slug": m.pattern_slug,
                "name": m.name,
                "count": m.count,
                "evidence": [
                    {"quote": q.quote, "start": q.start, "end": q.end, "matched": q.matched} for q in m.evidence
                ],
            }
            for m in MentionFinder(patterns).find(text)
        ]
    }


async def _scalar(conn: AsyncConnection[Any], sql: str, *args: Any) -> Any:
    row = await (await conn.execute(sql, args)).fetchone()
    return row[0] if row else None


async def run_pattern_mentions(conn: AsyncConnection[Any], article_id: UUID) -> int:
    """Interpret one article and project the mentions; returns links written (-1: the article changed meanwhile)."""
    source = await _scalar(conn, "select architecture.article_source_v1(%s)", article_id)
    if source is None:
        return 0
    rows = await _scalar(conn, "select architecture.pattern_terms_v1(%s)", source["tenant_id"])
    payload = interpret(source["text"] or "", terms_from_rows(rows or []))
    written = await _scalar(
        conn,
        "select architecture.project_mentions_v1(%s, %s, %s)",
        article_id,
        source["content_hash"],
        Jsonb(payload["mentions"]),
    )
    await conn.commit()
    return int(written)
