"""Layra export parser: the real 43-pattern file, newline variants, resolution, precise errors. Layer: vertical."""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from sidecar.verticals.architecture.catalog.parser import CatalogFormatError, parse_export
from sidecar.verticals.architecture.catalog.source import SourceError, read_export

EXPORT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "layra-patterns.md"
RAW = EXPORT.read_text()

# Each parsed field and the heading that opens it in the source; counted independently of the parser below.
SECTION_FIELDS = {
    "when_to_use": "## When to Use",
    "when_not_to_use": "## When NOT to Use",
    "key_components": "## Key Components",
    "pros": "### Pros",
    "cons": "### Cons",
    "tech_stacks": "## Tech Stack Examples",
    "real_world_examples": "## Real-World Examples",
    "decision_matrix": "## Decision Matrix",
    "references": "## References",
    "related": "## Related Patterns",
}
NEXT_HEADING = re.compile(r" #{2,3} [A-Z]| --- |$")


def _source_counts(chunk: str) -> dict[str, int]:
    """Count list items per section straight from the collapsed text: one ` - ` per item after the heading."""
    counts = {}
    for field, heading in SECTION_FIELDS.items():
        start = chunk.index(heading + " ") + len(heading)
        end = NEXT_HEADING.search(chunk, start).start()
        body = chunk[start:end]
        marker = {"pros": " - [", "cons": " - [", "related": " - ["}.get(field, " - **")
        if field in ("when_to_use", "when_not_to_use", "references"):
            marker = " - "
        counts[field] = body.count(marker)
    return counts


def _with_newlines(text: str) -> str:
    """Re-create the Markdown the export was generated from: headings, list items and separators on their own lines."""
    text = re.sub(r" (#{1,3}) (?=[A-Z])", r"\n\n\1 ", text)
    text = re.sub(r" (\*\*Category:\*\*)", r"\n\n\1", text)
    text = re.sub(r" > ", r"\n\n> ", text)
    text = re.sub(r" (\*\*Also known as:\*\*)", r"\n\n\1", text)
    text = re.sub(r" - (?=\S)", "\n- ", text)
    return text.replace(" --- ", "\n\n---\n\n")


@pytest.fixture(scope="module")
def export():
    return parse_export(RAW)


def test_real_export_has_exactly_43_patterns_in_file_order(export) -> None:
    assert export.declared_count == 43
    assert len(export.patterns) == 43
    assert export.generated.isoformat() == "2026-03-06"
    assert export.patterns[0].name == "Agent Orchestration"
    assert export.patterns[-1].name == "Vertical Slice Architecture"
    assert len({p.slug for p in export.patterns}) == 43


def test_every_section_count_matches_the_source(export) -> None:
    chunks = RAW.split(" --- ")
    assert len(chunks) == 43
    for chunk, pattern in zip(chunks, export.patterns, strict=True):
        assert f"# {pattern.name} **Category:**" in chunk
        parsed = {field: len(getattr(pattern, field)) for field in SECTION_FIELDS}
        assert parsed == _source_counts(chunk), pattern.name


def test_no_section_is_lost_in_the_real_export(export) -> None:
    for p in export.patterns:
        assert p.summary and p.overview and p.also_known_as, p.name
        for field in SECTION_FIELDS:
            assert getattr(p, field), (p.name, field)
    total = sum(len(p.pros) + len(p.cons) for p in export.patterns)
    assert total == len(re.findall(r"- \[(?:high|medium|low)\] ", RAW))
    overviews = [c.split(" ## Overview ", 1)[1].split(" ## Related Patterns ", 1)[0] for c in RAW.split(" --- ")]
    assert [p.overview for p in export.patterns] == overviews


def test_header_fields_are_typed(export) -> None:
    by_slug = {p.slug: p for p in export.patterns}
    agent = by_slug["agent-orchestration"]
    assert (agent.category, agent.complexity, agent.team_size_min, agent.team_size_max) == ("ai", 4, 2, None)
    assert agent.also_known_as == ("AI Agent Pattern", "LLM Agent Architecture", "Tool-Using Agent")
    assert agent.summary.startswith("Uses an LLM as a reasoning engine")
    assert agent.key_components[0].name == "Agent Core (Reasoning Loop)"
    assert agent.pros[0].weight == "high"
    assert agent.references[0].kind == "paper"
    assert agent.references[3].year == 2025
    assert agent.real_world_examples[0].organization == "Anthropic"
    assert agent.real_world_examples[0].product == "Claude Computer Use"
    assert by_slug["cqrs-event-sourcing"].category == "system"
    assert (by_slug["monolith"].complexity, by_slug["service-mesh"].team_size_min) == (1, 10)
    bounded = [p for p in export.patterns if p.team_size_max]
    assert {(p.team_size_min, p.team_size_max) for p in bounded} == {(3, 30), (1, 15)}


def test_code_fences_in_an_overview_do_not_split_the_pattern(export) -> None:
    vsa = export.patterns[-1]
    assert "# Layered (traditional) # Vertical Slice" in vsa.overview
    assert vsa.overview.endswith("designed to eliminate.")


def test_related_links_resolve_to_catalog_slugs(export) -> None:
    by_slug = {p.slug: p for p in export.patterns}
    slugs = set(by_slug)
    for p in export.patterns:
        for link in p.related:
            assert link.slug in slugs, (p.name, link.source_slug)
    resolved = {link.source_slug: link.slug for p in export.patterns for link in p.related}
    assert resolved["pub-sub"] == "publish-subscribe"
    assert resolved["saga"] == "saga-pattern"
    assert resolved["prompt-management"] == "prompt-template-management"
    assert resolved["consensus-algorithms"] == "distributed-consensus"
    assert [w.message for w in export.warnings] == [
        "related pattern 'consensus-algorithms' resolved loosely (partial) to 'distributed-consensus'"
    ]
    matrix = {d.versus: d.versus_slug for p in export.patterns for d in p.decision_matrix}
    assert matrix["RAG"] == "rag-architecture"
    assert matrix["Event Sourcing"] == "cqrs-event-sourcing"
    assert matrix["Static Workflow / Chain"] is None


def test_real_newlines_parse_to_the_same_catalog(export) -> None:
    text = _with_newlines(RAW)
    assert text.count("\n") > 3000
    again = parse_export(text)
    assert len(again.patterns) == 43
    for a, b in zip(export.patterns, again.patterns, strict=True):
        left = a.model_dump(exclude={"overview"})
        right = b.model_dump(exclude={"overview"})
        assert left == right, a.name
        assert " ".join(a.overview.split()) == " ".join(b.overview.replace("\n- ", " - ").split())


def test_content_hash_is_stable_and_changes_with_content(export) -> None:
    again = parse_export(RAW)
    assert [p.content_hash for p in again.patterns] == [p.content_hash for p in export.patterns]
    edited = parse_export(RAW.replace("- [high] Extensible through tools", "- [low] Extensible through tools"))
    changed = [
        a.slug for a, b in zip(export.patterns, edited.patterns, strict=True) if a.content_hash != b.content_hash
    ]
    assert changed == ["agent-orchestration"]


def test_unresolvable_related_link_is_a_warning_not_an_error() -> None:
    text = RAW.replace("[saga](https://layra4.dev/patterns/saga.md)", "[nope](https://layra4.dev/patterns/nope.md)", 1)
    parsed = parse_export(text)
    unresolved = [w for w in parsed.warnings if "nope" in w.message]
    assert len(unresolved) == 1
    assert unresolved[0].section == "Related Patterns"
    assert unresolved[0].pattern == "API Gateway"


def test_known_patterns_resolve_links_of_a_partial_export() -> None:
    one = RAW.split(" --- ")[0]
    alone = parse_export(one)
    assert alone.warnings[0].message == "the export declares 43 patterns but contains 1"
    assert len([w for w in alone.warnings if w.section == "Related Patterns"]) == 4
    with_known = parse_export(one, known={"rag-architecture": ["RAG Architecture"], "tool-use-function-calling": []})
    assert {link.source_slug: link.slug for link in with_known.patterns[0].related}["rag-architecture"] == (
        "rag-architecture"
    )
    assert len([w for w in with_known.warnings if w.section == "Related Patterns"]) == 2


@pytest.mark.parametrize(
    ("old", "new", "pattern", "section", "message"),
    [
        (
            " ## Key Components - **Closed State:**",
            " - **Closed State:**",
            "Circuit Breaker",
            "Key Components",
            "missing",
        ),
        ("- [medium] Can self-correct", "- [hgih] Can self-correct", "Agent Orchestration", "Pros", "[hgih]"),
        (
            "**Complexity:** 2/5 | **Team Size:** Small to Large (2+",
            "**Complexity:** 7/5 | **Team Size:** Small to Large (2+",
            "API Gateway",
            "header",
            "n/5",
        ),
        (
            "## Decision Matrix - **vs RAG Architecture:**",
            "## Decision Matrix - RAG Architecture:",
            "Agent Orchestration",
            "Decision Matrix",
            "expected",
        ),
        (
            "## Overview Agent Orchestration is",
            "## References - x (paper) ## Overview Agent Orchestration is",
            "Agent Orchestration",
            "References",
            "twice",
        ),
        (
            "- **Tool Registry:** A catalog",
            "- Tool Registry: A catalog",
            "Agent Orchestration",
            "Key Components",
            "item 2",
        ),
    ],
)
def test_malformed_export_names_pattern_and_section(old, new, pattern, section, message) -> None:
    assert old in RAW
    with pytest.raises(CatalogFormatError) as info:
        parse_export(RAW.replace(old, new, 1))
    assert (info.value.pattern, info.value.section) == (pattern, section)
    assert message in str(info.value)
    assert f"pattern {pattern!r}, section {section!r}" in str(info.value)


def test_text_that_is_not_an_export_is_rejected() -> None:
    with pytest.raises(CatalogFormatError, match="no pattern found"):
        parse_export("# Just a document\n\nNothing to see.")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "export.md").write_text(RAW)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_export_reads_from_a_url_and_from_a_path(served: str) -> None:
    assert read_export(f"{served}/export.md") == RAW
    assert read_export(str(EXPORT)) == RAW
    with pytest.raises(SourceError, match="HTTP 404"):
        read_export(f"{served}/missing.md")
    with pytest.raises(SourceError, match="non-public address"):
        read_export(f"{served}/export.md", public_only=True)
    with pytest.raises(SourceError, match="no such file"):
        read_export("/nonexistent/export.md")
