"""Hand articles to the engine: one capture of the article's current text per interpreter kind, created as a
member of the article's tenant (so grants, budget checks and the job principal are the tenant's). Layer: vertical.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from sidecar.verticals.architecture.interpreters import insights, pattern_mentions, registration

log = logging.getLogger("sidecar.architecture")
KINDS = (pattern_mentions.KIND, insights.KIND)
ARTICLE = "select text, title, url, content_hash, kind from api.architecture_articles where id = %s"
CAPTURE = "select api.create_capture(%s, %s, %s, %s)"
FINISHED = ("done", "needs_review")
DERIVATION = "select d.payload, d.tenant_id::text from engine.derivations as d where d.id = %s"


async def _project_finished(
    conn: AsyncConnection[Any], answer: dict[str, Any], article_id: str, content_hash: str
) -> None:
    """The same text was interpreted before (another article of the tenant): reuse that derivation for this one."""
    row = await (await conn.execute(DERIVATION, (answer["derivation_id"],))).fetchone()
    if row and row[0] is not None:
        await registration.project(
            conn, answer["kind"], str(answer["derivation_id"]), row[0], row[1], [(article_id, content_hash)]
        )


async def request_interpretations(
    conn: AsyncConnection[Any], article_ids: Iterable[str], kinds: Iterable[str] = KINDS
) -> dict[str, list[dict[str, Any]]]:
    """Create captures (and thereby derivation jobs) for each article; returns per article the engine's answers.

    Runs inside the caller's transaction as a tenant member; an interpreter the tenant cannot run (no budget,
    not registered) is skipped for that article and reported as {"kind", "error"}, the rest still go ahead.
    """
    results: dict[str, list[dict[str, Any]]] = {}
    for article_id in article_ids:
        row = await (await conn.execute(ARTICLE, (article_id,))).fetchone()
        if row is None or not (row[0] or "").strip():
            continue
        text, title, url, content_hash, source = row
        metadata = {"article_id": str(article_id), "content_hash": content_hash, "title": title, "url": url}
        answers: list[dict[str, Any]] = []
        for kind in kinds:
            try:
                async with conn.transaction():
                    got = await (await conn.execute(CAPTURE, (source, kind, text, Jsonb(metadata)))).fetchone()
                    answer = {"kind": kind, **(got[0] if got else {})}
                    if answer.get("deduplicated") and answer.get("status") in FINISHED:
                        await _project_finished(conn, answer, str(article_id), content_hash)
                answers.append(answer)
            except psycopg.Error as exc:
                log.warning("article %s: %s not requested: %s", article_id, kind, exc.diag.message_primary)
                answers.append({"kind": kind, "error": exc.diag.message_primary, "sqlstate": exc.sqlstate})
        results[str(article_id)] = answers
    return results
