"""The evidence-quote ladder: exact, normalised, loose, elided segments verified with spans in the original
text; a typo or a changed number only fuzzy (needs_review); inventions not found. Layer: engine (tests)."""

from __future__ import annotations

import pytest

from sidecar.engine.evidence import quotes_at, verify_evidence, verify_quote

SOURCE = (
    "The team adopted an event log\u00a0for orders \u2014 it \u201cscales with de-\n mand\u201d today. "
    "Funding reached $12.5M in 2023, according to the filing."
)


@pytest.mark.parametrize(
    ("quote", "status", "method"),
    [
        ("adopted an event log", "verified", "exact"),
        ('adopted an event log for orders - it "scales with demand"', "verified", "normalized"),
        ("it scales with demand today", "verified", "loose"),
        ("The team adopted ... according to the filing", "verified", "segments"),
        ("The team adopted [...] reached $12.5M", "verified", "segments"),
        ("Funding reached $13.5M in 2023", "needs_review", "fuzzy"),
        ("Fundng reached $12.5M in 2023", "needs_review", "fuzzy"),
        ("The board rejected every proposal outright", "not_found", None),
        ("event log", "not_found", None),
    ],
)
def test_ladder(quote: str, status: str, method: str | None) -> None:
    m = verify_quote(quote, SOURCE)
    assert (m.status, m.method) == (status, method)
    assert m.verified == (status == "verified")
    if status != "not_found":
        assert 0 <= m.start < m.end <= len(SOURCE)


def test_spans_point_into_the_original_text() -> None:
    m = verify_quote('it "scales with demand" today', SOURCE)
    assert SOURCE[m.start : m.end] == "it \u201cscales with de-\n mand\u201d today"
    order = verify_quote("according to the filing ... The team adopted", SOURCE)
    assert order.status != "verified"  # segments must appear in order


def test_evidence_paths() -> None:
    data = {"claims": [{"evidence": "adopted an event log"}, {"evidence": "not in the source at all"}],
            "quotes": ["Funding reached $12.5M"]}  # fmt: skip
    assert list(quotes_at(data, "claims[].evidence")) == [
        ("claims.0.evidence", "adopted an event log"), ("claims.1.evidence", "not in the source at all"),
    ]  # fmt: skip
    checks = verify_evidence(data, ["claims[].evidence", "quotes"], SOURCE)
    assert [(c.path, c.status) for c in checks] == [
        ("claims.0.evidence", "verified"), ("claims.1.evidence", "not_found"), ("quotes.0", "verified"),
    ]  # fmt: skip
