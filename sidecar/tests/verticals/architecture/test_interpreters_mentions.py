"""The deterministic pattern-mention finder on the real feed and on tricky wording. Layer: vertical."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidecar.verticals.architecture.feeds.parse import parse_feed
from sidecar.verticals.architecture.interpreters.mentions import MentionFinder, PatternTerms, sentence_spans

REAL_FEED = Path("/work/shared/data/feeds/architecture-weekly.rss")
PATTERNS = [
    PatternTerms("cqrs-event-sourcing", "CQRS / Event Sourcing", ("Command Query Responsibility Segregation",)),
    PatternTerms("event-driven-architecture", "Event-Driven Architecture", ("EDA", "Event-Based Architecture")),
    PatternTerms("saga-pattern", "Saga Pattern", ("Compensating Transaction",)),
    PatternTerms("circuit-breaker", "Circuit Breaker", ("Fault Tolerance Pattern",)),
    PatternTerms("hexagonal-architecture", "Hexagonal Architecture", ("Ports and Adapters",)),
    PatternTerms("rag-architecture", "RAG Architecture", ("Retrieval-Augmented Generation", "RAG")),
    PatternTerms("layered-n-tier", "Layered / N-Tier", ("Layered Architecture",)),
]


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(PATTERNS)


def test_real_feed_mentions_have_verbatim_sentence_evidence(finder: MentionFinder) -> None:
    items = parse_feed(REAL_FEED.read_bytes(), None, "https://www.architecture-weekly.com/feed").items
    found = {item.title: finder.find(item.text) for item in items}
    total = 0
    for item in items:
        for mention in found[item.title]:
            for quote in mention.evidence:
                assert item.text[quote.start : quote.end] == quote.quote
                assert quote.matched in quote.quote
            total += mention.count
    assert total >= 30
    slugs = {m.pattern_slug for m in found["Architecture Weekly is 5 years old! 🎉"]}
    assert {"cqrs-event-sourcing", "saga-pattern", "event-driven-architecture"} <= slugs
    passive = {m.pattern_slug: m for m in found["Anti-patterns in event modelling - Passive-Aggressive Events"]}
    assert passive["event-driven-architecture"].evidence[0].quote == (
        "I already warned you in past not to let Event-Driven Architecture buzzwords fool us."
    )


@pytest.mark.parametrize(
    ("text", "slug", "matched"),
    [
        ("We introduced circuit-breakers last year.", "circuit-breaker", "circuit-breakers"),
        ("The Circuit Breaker's state flips.", "circuit-breaker", "Circuit Breaker's"),
        ("Two sagas coordinate it.", "saga-pattern", "sagas"),
        ("An event-sourced model works.", "cqrs-event-sourcing", "event-sourced"),
        ("We use event sourcing here.", "cqrs-event-sourcing", "event sourcing"),
        ("It is EDA all the way.", "event-driven-architecture", "EDA"),
        ("Think in ports and adapters.", "hexagonal-architecture", "ports and adapters"),
        ("Plain RAG helps.", "rag-architecture", "RAG"),
        ("Event Driven Architectures scale.", "event-driven-architecture", "Event Driven Architectures"),
    ],
)
def test_case_and_inflection_tolerant(finder: MentionFinder, text: str, slug: str, matched: str) -> None:
    mentions = {m.pattern_slug: m for m in finder.find(text)}
    assert mentions[slug].evidence[0].matched == matched
    assert mentions[slug].evidence[0].quote == text


@pytest.mark.parametrize(
    "text",
    [
        "The rag was wet.",
        "A sagacious choice.",
        "Layered cake recipes.",
        "We are stable, tolerant of faults.",
        "Prefix-EDA-suffix is a token.",
    ],
)
def test_no_false_positives_on_lookalikes(finder: MentionFinder, text: str) -> None:
    assert finder.find(text) == []


def test_evidence_is_the_sentence_and_counts_every_occurrence(finder: MentionFinder) -> None:
    text = "Intro line.\nWe adopted CQRS. Later, CQRS and event sourcing bit us! The end."
    (mention,) = finder.find(text)
    assert mention.count == 3
    assert [q.quote for q in mention.evidence] == ["We adopted CQRS.", "Later, CQRS and event sourcing bit us!"]


def test_sentence_spans_trim_and_split_on_lines() -> None:
    text = "  One. Two?\n\nThree"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One.", "Two?", "Three"]
