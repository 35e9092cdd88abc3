"""The `architecture.pattern_mentions` interpreter: deterministic, offline, needs only the catalog. Layer: vertical.

`interpret()` is the pure function (text + catalog terms → mentions with verbatim evidence and offsets); the engine
runs it per capture (registration.py) and the reducer projects it through `architecture.project_mentions_v1`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

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
