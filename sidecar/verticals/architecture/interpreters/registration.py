"""Registers the vertical's interpreters with the engine: `architecture.pattern_mentions` (deterministic) and
`architecture.insights` (LLM), each with a reducer projecting finished derivations into the vertical's tables.
Layer: vertical. Imported by the worker (through `sidecar.verticals.architecture.tasks`) and by the plugin; the
SQL twin is sql/schemas/verticals/architecture/insights_91_interpreters.sql (a test keeps them identical).
"""

from __future__ import annotations

import hashlib
from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field

from sidecar.engine import registry
from sidecar.engine.registry import CaptureInput, Interpreter
from sidecar.verticals.architecture.interpreters import insights, pattern_mentions


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MentionQuote(_Model):
    """One evidence sentence, verbatim, with its offsets in the article text."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    matched: str


class Mention(_Model):
    """One catalog pattern found in the article."""

    pattern_slug: str
    name: str
    count: int = Field(ge=1)
    evidence: list[MentionQuote]


class Mentions(_Model):
    """Output of `architecture.pattern_mentions`."""

    mentions: list[Mention]


async def _scalar(conn: AsyncConnection[Any], sql: str, *args: Any) -> Any:
    row = await (await conn.execute(sql, args)).fetchone()
    return row[0] if row else None


async def load_terms(conn: AsyncConnection[Any], capture: CaptureInput) -> list[Any]:
    """The catalog as the capture's tenant sees it (global patterns plus its own)."""
    rows = await _scalar(conn, "select architecture.pattern_terms_v1(%s)", capture.tenant_id)
    return list(rows or [])


def derive_mentions(capture: CaptureInput, terms: list[Any]) -> dict[str, Any]:
    """Deterministic: find catalog patterns in the capture text."""
    return pattern_mentions.interpret(capture.content, pattern_mentions.terms_from_rows(terms))


TARGETS = """
select a.id::text, a.content_hash from architecture.articles as a
left join architecture.feed_items as i on i.id = a.feed_item_id
where coalesce(a.text_sha256, i.text_sha256) = %s
"""


async def targets(conn: AsyncConnection[Any], capture: CaptureInput) -> list[tuple[str, str]]:
    """Every visible article of the tenant whose current text is this capture's text (the article it was created
    for, and any other article carrying the same text: a cross-posted item, a pasted copy)."""
    digest = hashlib.sha256(capture.content.encode("utf-8")).hexdigest()
    rows = await (await conn.execute(TARGETS, (digest,))).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


async def project(
    conn: AsyncConnection[Any], kind: str, derivation_id: str | None, payload: dict[str, Any], tenant_id: str,
    articles: list[tuple[str, str]],
) -> None:  # fmt: skip
    """Project one finished derivation of `kind` into the given (article id, content hash) pairs."""
    if kind == pattern_mentions.KIND:
        for article_id, content_hash in articles:
            await conn.execute(
                "select architecture.project_mentions_v1(%s, %s, %s, %s)",
                (article_id, content_hash, Jsonb(payload.get("mentions", [])), derivation_id),
            )
    elif kind == insights.KIND:
        evidence = await _scalar(conn, "select d.evidence from engine.derivations as d where d.id = %s", derivation_id)
        for article_id, content_hash in articles:
            await insights.reduce_insights(
                conn, article_id, content_hash, derivation_id, payload, evidence or [], tenant_id
            )


async def reduce_mentions(
    conn: AsyncConnection[Any], capture: CaptureInput, derivation_id: str, payload: dict[str, Any]
) -> None:
    """Project mentions into architecture.article_patterns (articles changed meanwhile are left alone)."""
    await project(conn, pattern_mentions.KIND, derivation_id, payload, capture.tenant_id, await targets(conn, capture))


async def reduce_llm_insights(
    conn: AsyncConnection[Any], capture: CaptureInput, derivation_id: str, payload: dict[str, Any]
) -> None:
    """Project insights with the engine's stored verdict for every quote (engine.derivations.evidence)."""
    await project(conn, insights.KIND, derivation_id, payload, capture.tenant_id, await targets(conn, capture))


MENTIONS = Interpreter(
    kind=pattern_mentions.KIND,
    version=pattern_mentions.VERSION,
    output=Mentions,
    derive=derive_mentions,
    load=load_terms,
    evidence_paths=("mentions[].evidence[].quote",),
    reducer=reduce_mentions,
)
INSIGHTS = Interpreter(
    kind=insights.KIND,
    version=insights.VERSION,
    output=insights.Insights,
    instructions=insights.instructions(),
    evidence_paths=insights.EVIDENCE_PATHS,
    reducer=reduce_llm_insights,
    max_output_tokens=4096,
)
INTERPRETERS = (MENTIONS, INSIGHTS)
for _interpreter in INTERPRETERS:
    registry.register(_interpreter)
