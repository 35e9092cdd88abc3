"""The `architecture.insights` interpreter (LLM): patterns with a stance, claims and trade-offs, each backed by
verbatim evidence the engine verifies before anything is shown as verified. Layer: vertical.

The output models are what the model must produce; `reduce_insights` projects a finished derivation into
`architecture.article_patterns` / `architecture.article_claims` using the engine's verification of every quote
(a quote the engine could not find, or found only fuzzily, ends `needs_review`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Literal

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb
from pydantic import BaseModel, ConfigDict, Field

KIND = "architecture.insights"
VERSION = "1"
_VERIFIED_METHODS = frozenset({"exact", "loose", "segments"})
Stance = Literal["recommends", "warns_against", "compares", "explains"]
EVIDENCE_PATHS = ("patterns[].evidence[]", "claims[].evidence", "trade_offs[].evidence")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PatternStance(_Model):
    """A pattern the article discusses, its stance towards it, and verbatim evidence."""

    pattern: str = Field(min_length=2, max_length=120)
    stance: Stance
    evidence: list[str] = Field(min_length=1, max_length=3)


class Claim(_Model):
    """A substantive claim with one verbatim evidence quote."""

    statement: str = Field(min_length=3, max_length=600)
    pattern: str | None = None
    stance: Stance | None = None
    evidence: str = Field(min_length=1, max_length=1200)


class TradeOff(_Model):
    """A cost or benefit the article names, with one verbatim evidence quote."""

    statement: str = Field(min_length=3, max_length=600)
    pattern: str | None = None
    evidence: str = Field(min_length=1, max_length=1200)


class Insights(_Model):
    """Everything the LLM interpreter reports for one article."""

    patterns: list[PatternStance] = Field(default_factory=list, max_length=30)
    claims: list[Claim] = Field(default_factory=list, max_length=40)
    trade_offs: list[TradeOff] = Field(default_factory=list, max_length=40)


def instructions() -> str:
    """The prompt file shipped with the vertical."""
    return resources.files("sidecar.verticals.architecture.prompts").joinpath("insights.md").read_text("utf-8")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


class PatternIndex:
    """Resolves a pattern as the model named it (slug, name, alias, with or without "pattern") to a slug."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self._by_key: dict[str, str] = {}
        for row in rows:
            for label in (row["slug"], row["name"], *(row.get("aliases") or ()), *row["name"].split(" / ")):
                for variant in (label, re.sub(r"\s+(pattern|patterns|architecture)$", "", label, flags=re.I)):
                    self._by_key.setdefault(_key(variant), row["slug"])

    def slug(self, named: str | None) -> str | None:
        if not named:
            return None
        key = _key(named)
        return self._by_key.get(key) or self._by_key.get(key.rstrip("s")) or self._by_key.get(key + "s")


def _canonical(path: str) -> str:
    """`claims[2].evidence` and `claims.2.evidence` name the same quote."""
    return re.sub(r"\[(\d+)\]", r".\1", path)


def _quote(evidence: Mapping[str, Mapping[str, Any]], path: str, quote: str) -> dict[str, Any]:
    """One quote with the engine's verdict: verified (exact | normalised | loose | segments), fuzzy or none."""
    found = evidence.get(path) or {}
    status, method = found.get("status"), str(found.get("method") or "")
    if status == "verified":
        match = "normalised" if method == "normalized" else method if method in _VERIFIED_METHODS else "exact"
    elif status == "needs_review":
        match = "fuzzy"
    else:
        match = "none"
    return {"quote": quote, "start": found.get("start"), "end": found.get("end"), "match": match,
            "score": found.get("score")}  # fmt: skip


def project(payload: Mapping[str, Any], evidence: Iterable[Mapping[str, Any]], index: PatternIndex) -> dict[str, Any]:
    """Shape a derivation (payload + the engine's per-quote verification) for `architecture.project_insights_v1`."""
    by_path = {_canonical(str(e.get("path"))): e for e in evidence}
    data = Insights.model_validate(payload)
    patterns = []
    for i, p in enumerate(data.patterns):
        quotes = [_quote(by_path, f"patterns.{i}.evidence.{j}", q) for j, q in enumerate(p.evidence)]
        patterns.append({"pattern_slug": index.slug(p.pattern), "stance": p.stance, "evidence": quotes})
    claims = []
    for i, c in enumerate(data.claims):
        q = _quote(by_path, f"claims.{i}.evidence", c.evidence)
        claims.append({"kind": "claim", "statement": c.statement, "pattern_slug": index.slug(c.pattern),
                       "stance": c.stance, **q})  # fmt: skip
    for i, t in enumerate(data.trade_offs):
        q = _quote(by_path, f"trade_offs.{i}.evidence", t.evidence)
        claims.append({"kind": "trade_off", "statement": t.statement, "pattern_slug": index.slug(t.pattern),
                       "stance": None, **q})  # fmt: skip
    return {"patterns": [p for p in patterns if p["pattern_slug"]], "claims": claims}


async def reduce_insights(
    conn: AsyncConnection[Any], article_id: str, content_hash: str, derivation_id: str | None,
    payload: Mapping[str, Any], evidence: Iterable[Mapping[str, Any]], tenant_id: str,
) -> dict[str, Any] | None:  # fmt: skip
    """Project one finished derivation; None when the article changed since (a newer derivation will follow)."""
    rows = await (await conn.execute("select architecture.pattern_terms_v1(%s)", (tenant_id,))).fetchone()
    shaped = project(payload, evidence, PatternIndex(rows[0] if rows else []))
    cur = await conn.execute(
        "select architecture.project_insights_v1(%s, %s, %s, %s)",
        (article_id, content_hash, Jsonb(shaped), derivation_id),
    )
    row = await cur.fetchone()
    return row[0] if row else None
