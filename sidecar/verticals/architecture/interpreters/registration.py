"""Registers the vertical's interpreters with the engine: `architecture.pattern_mentions` (deterministic) and
`architecture.insights` (LLM), each with a reducer projecting finished derivations into the vertical's tables.
Layer: vertical. Imported by the worker (through `sidecar.verticals.architecture.tasks`) and by the plugin; the
SQL twin is sql/schemas/verticals/architecture/insights_91_interpreters.sql (a test keeps them identical).
"""

from __future__ import annotations

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


def _article(capture: CaptureInput) -> tuple[str, str] | None:
    article_id, content_hash = capture.metadata.get("article_id"), capture.metadata.get("content_hash")
    return (str(article_id), str(content_hash)) if article_id and content_hash else None


async def reduce_mentions(
    conn: AsyncConnection[Any], capture: CaptureInput, derivation_id: str, payload: dict[str, Any]
) -> None:
    """Project mentions into architecture.article_patterns (ignored when the article changed meanwhile)."""
    article = _article(capture)
    if article is None:
        return
    await conn.execute(
        "select architecture.project_mentions_v1(%s, %s, %s, %s)",
        (article[0], article[1], Jsonb(payload.get("mentions", [])), derivation_id),
    )


async def reduce_llm_insights(
    conn: AsyncConnection[Any], capture: CaptureInput, derivation_id: str, payload: dict[str, Any]
) -> None:
    """Project insights with the engine's stored verdict for every quote (engine.derivations.evidence)."""
    article = _article(capture)
    if article is None:
        return
    evidence = await _scalar(conn, "select d.evidence from engine.derivations as d where d.id = %s", derivation_id)
    await insights.reduce_insights(
        conn, article[0], article[1], derivation_id, payload, evidence or [], capture.tenant_id
    )


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
