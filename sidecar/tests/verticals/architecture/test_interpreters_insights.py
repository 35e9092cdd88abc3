"""The LLM insights interpreter's contract: output model, pattern resolution, and projection of the engine's quote
verification — a verbatim quote is verified, an invented one ends needs_review. Layer: vertical."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb
from pydantic import ValidationError

from sidecar.engine.evidence import verify_evidence
from sidecar.verticals.architecture.feeds.parse import parse_feed
from sidecar.verticals.architecture.interpreters.insights import (
    EVIDENCE_PATHS,
    Insights,
    PatternIndex,
    instructions,
    project,
    reduce_insights,
)

REAL_FEED = Path("/work/shared/data/feeds/architecture-weekly.rss").read_bytes()
CATALOG = [
    {"slug": "saga-pattern", "name": "Saga Pattern", "aliases": ["Compensating Transaction"]},
    {"slug": "cqrs-event-sourcing", "name": "CQRS / Event Sourcing", "aliases": []},
    {"slug": "event-driven-architecture", "name": "Event-Driven Architecture", "aliases": ["EDA"]},
]
ARTICLE = next(
    i for i in parse_feed(REAL_FEED, None, "https://x.test/feed").items if i.title.startswith("Anti-patterns")
)
REAL_QUOTE = "We should watch out for Passive-Agressive Events. So events that should be commands."
INVENTED = "Event-Driven Architecture should never be used by any team under any circumstances."
PAYLOAD: dict[str, Any] = {
    "patterns": [{"pattern": "Event-Driven Architecture", "stance": "warns_against", "evidence": [REAL_QUOTE]}],
    "claims": [
        {"statement": "Events that are really commands are an anti-pattern", "pattern": "EDA",
         "stance": "warns_against", "evidence": REAL_QUOTE},
        {"statement": "EDA is always wrong", "pattern": "event driven architecture", "stance": "warns_against",
         "evidence": INVENTED},
    ],
    "trade_offs": [{"statement": "Loose coupling for producers only", "pattern": "Sagas",
                    "evidence": "Event-Driven Architectures enable loose couplings, but only for producers."}],
}  # fmt: skip


def test_prompt_file_demands_verbatim_quotes_and_distrusts_the_article() -> None:
    text = instructions()
    assert "verbatim" in text and "untrusted" in text
    for stance in ("recommends", "warns_against", "compares", "explains"):
        assert stance in text


def test_output_model_rejects_unknown_stances_and_extra_keys() -> None:
    Insights.model_validate(PAYLOAD)
    with pytest.raises(ValidationError):
        Insights.model_validate({"patterns": [{"pattern": "Saga", "stance": "loves", "evidence": ["x"]}]})
    with pytest.raises(ValidationError):
        Insights.model_validate({"claims": [], "summary": "free text"})


@pytest.mark.parametrize(
    ("named", "slug"),
    [("Saga", "saga-pattern"), ("Sagas", "saga-pattern"), ("saga-pattern", "saga-pattern"),
     ("Compensating Transaction", "saga-pattern"), ("Event Sourcing", "cqrs-event-sourcing"),
     ("CQRS", "cqrs-event-sourcing"),
     ("event-driven architecture", "event-driven-architecture"), ("Blockchain", None), (None, None)],
)  # fmt: skip
def test_pattern_index_resolves_names_the_model_uses(named: str | None, slug: str | None) -> None:
    assert PatternIndex(CATALOG).slug(named) == slug


def test_engine_verification_marks_the_invented_quote_for_review() -> None:
    evidence = [m.as_json() for m in verify_evidence(PAYLOAD, EVIDENCE_PATHS, ARTICLE.text)]
    shaped = project(PAYLOAD, evidence, PatternIndex(CATALOG))
    assert [(c["kind"], c["match"]) for c in shaped["claims"]] == [
        ("claim", "exact"),
        ("claim", "none"),
        ("trade_off", "fuzzy"),
    ]
    verified = shaped["claims"][0]
    assert ARTICLE.text[verified["start"] : verified["end"]] == REAL_QUOTE
    assert shaped["patterns"] == [{
        "pattern_slug": "event-driven-architecture", "stance": "warns_against",
        "evidence": [{"quote": REAL_QUOTE, "start": verified["start"], "end": verified["end"], "match": "exact",
                      "score": 1.0}],
    }]  # fmt: skip


@pytest.mark.db
async def test_reducer_stores_verified_and_needs_review_claims(db_conninfo: str) -> None:
    with psycopg.connect(db_conninfo, autocommit=True) as conn:
        conn.execute("select tests.personas()")
        conn.execute("select tests.ensure_envelope()")
        for row in CATALOG:
            conn.execute(
                """insert into architecture.patterns (slug, name, category, complexity, team_size, summary,
                   also_known_as, when_to_use, when_not_to_use, key_components, pros, cons, overview, content_hash)
                   values (%s, %s, 'x', 3, 'any', 's', %s, '{a}', '{b}', '[]', '[]', '[]', 'o', 'h')""",
                (row["slug"], row["name"], row["aliases"]),
            )
    with psycopg.connect(db_conninfo) as conn:
        conn.execute("select tests.authenticate_as('mia', 'acme')")
        [(feed_id,)] = conn.execute(
            "select (api.architecture_feed_subscribe('https://x.test/feed')).feed_id"
        ).fetchall()
        conn.commit()
    item = {
        "item_key": ARTICLE.item_key, "key_source": "guid", "guid": ARTICLE.guid, "link": ARTICLE.link,
        "title": ARTICLE.title, "html": ARTICLE.html, "text": ARTICLE.text, "content_hash": ARTICLE.content_hash,
    }  # fmt: skip
    sidecar = await AsyncConnection.connect(db_conninfo)
    await sidecar.execute("set role sidecar")
    await sidecar.execute("select architecture.feed_record_fetch_v1(%s, %s)", (feed_id, Jsonb(
        {"kind": "ok", "http_status": 200, "items": [item]})))  # fmt: skip
    await sidecar.commit()
    await sidecar.close()

    evidence = [m.as_json() for m in verify_evidence(PAYLOAD, EVIDENCE_PATHS, ARTICLE.text)]
    member = await AsyncConnection.connect(db_conninfo)
    await member.execute("select tests.authenticate_as('mia', 'acme')")
    [(article_id, tenant_id)] = await (await member.execute(
        "select id, tenant_id from architecture.articles where feed_id = %s", (feed_id,))).fetchall()  # fmt: skip
    args = (PAYLOAD, evidence, str(tenant_id))
    result = await reduce_insights(member, str(article_id), ARTICLE.content_hash, None, *args)
    assert result == {"links": 1, "claims": 3, "flags": 0}
    stale = await reduce_insights(member, str(article_id), "0" * 64, None, *args)
    assert stale is None
    claims_sql = "select statement, verification, match from api.architecture_article_claims order by ord"
    rows = await (await member.execute(claims_sql)).fetchall()
    assert rows == [
        ("Events that are really commands are an anti-pattern", "verified", "exact"),
        ("EDA is always wrong", "needs_review", "none"),
        ("Loose coupling for producers only", "needs_review", "fuzzy"),
    ]
    warnings = await (await member.execute("select pattern_slug from api.architecture_pattern_warnings")).fetchall()
    assert warnings == [("event-driven-architecture",)]
    await member.rollback()
    await member.close()
