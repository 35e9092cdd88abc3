"""ADR Markdown import/export without a database: every format, tolerance, reporting, lossless round trip.
Layer: vertical (architecture) tests.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidecar.verticals.architecture.decisions.model import DecisionFile, Relation, empty_document
from sidecar.verticals.architecture.decisions.parser import parse
from sidecar.verticals.architecture.decisions.renderer import file_name, render, zip_all

FIXTURES = Path(__file__).parent / "fixtures" / "decisions"
SAMPLES = sorted(FIXTURES.glob("*.md"))


def load(name: str) -> DecisionFile:
    return parse((FIXTURES / name).read_text(), name)


def identity(decision: DecisionFile) -> tuple[object, ...]:
    return (
        decision.document,
        decision.status,
        decision.status_raw,
        decision.number,
        decision.relations,
        decision.pattern_refs,
        decision.article_refs,
        decision.uid,
    )


def test_adr_tools_nygard_file_maps_number_date_status_and_sections():
    decision = load("0001-record-architecture-decisions.md")
    assert decision.source_format == "nygard"
    assert (decision.number, decision.title, decision.status) == (1, "Record architecture decisions", "accepted")
    assert decision.document["date"] == "2016-02-12"
    assert decision.document["context"] == "We need to record the architectural decisions made on this project."
    assert decision.document["outcome"]["chosen_option"] is None
    assert decision.document["outcome"]["justification"].startswith("We will use Architecture Decision Records")
    assert decision.document["consequences"]["neutral"][0].startswith("See Michael Nygard's article")
    assert decision.document["template"] == "nygard"


def test_superceded_misspelling_and_link_lines_become_status_and_relations():
    decision = load("0002-use-rabbitmq-for-events.md")
    assert decision.status == "superseded"
    assert decision.relations == [
        Relation("amends", 3, "incoming"),
        Relation("supersedes", 4, "incoming"),
    ]
    assert decision.document["consequences"]["good"] == ["the ops team already runs RabbitMQ."]
    assert decision.document["consequences"]["bad"] == ["replaying old events is not possible."]


@pytest.mark.parametrize("spelling", ["Superceded", "superseded", "SUPERSEDED", "Superceded by ADR-0009"])
def test_superseded_is_recognised_in_any_spelling_and_case(spelling: str):
    decision = parse(f"# 4. Old choice\n\n## Status\n\n{spelling}\n", "0004-old-choice.md")
    assert decision.status == "superseded"
    assert decision.status_raw is None


def test_nygard_status_notes_that_are_not_links_are_kept_and_reported():
    decision = load("0003-dead-letter-queues-for-poison-messages.md")
    assert decision.relations == [Relation("amends", 2, "outgoing")]
    assert decision.document["extra_frontmatter"]["status-notes"] == ["Reviewed by the platform guild on 2017-05-22"]
    assert any("status-notes" in w for w in decision.warnings)


def test_madr3_front_matter_options_outcome_consequences_and_links():
    decision = load("0004-use-kafka-for-domain-events.md")
    doc = decision.document
    assert decision.source_format == "madr3"
    assert decision.number == 4
    assert doc["decision_makers"] == ["Alice Martin", "Bob Chen"]
    assert doc["consulted"] == ["Data platform team"]
    assert doc["informed"] == ["All backend teams"]
    assert [o["title"] for o in doc["options"]] == ["Kafka", "RabbitMQ streams", "Keep RabbitMQ and archive to S3"]
    kafka = doc["options"][0]
    assert kafka["description"] == "Managed by the data platform team."
    assert kafka["neutral"] == ["partitions must be sized up front."]
    assert kafka["cons"] == ["consumer groups are new to most teams."]
    assert doc["outcome"]["chosen_option"] == "Kafka"
    assert doc["outcome"]["justification"].endswith("the data platform team already runs it.")
    assert doc["confirmation"].startswith("The migration checklist")
    assert decision.relations == [Relation("supersedes", 2, "outgoing")]
    assert decision.warnings == []


def test_madr2_header_fields_positive_negative_consequences_and_unmapped_link_reported():
    decision = load("0005-use-markdown-architectural-decision-records.md")
    doc = decision.document
    assert (decision.source_format, decision.status, doc["date"]) == ("madr2", "accepted", "2017-12-18")
    assert doc["decision_makers"] == ["Oliver Kopp", "Stefan Kapferer"]
    assert doc["extra_frontmatter"]["technical-story"] == "[description | ticket/issue URL]"
    assert doc["outcome"]["chosen_option"] == "[MADR](https://adr.github.io/madr/) 2.1.2"
    assert doc["consequences"] == {
        "good": ["Design documentation is easier to find."],
        "bad": ["Writing an ADR takes a few minutes."],
        "neutral": [],
    }
    assert doc["options"][1]["pros"] == ["it is simple."]
    assert any("Refined by" in w for w in decision.warnings)


def test_log4brains_file_has_no_number_keeps_tags_and_reports_unknown_section():
    decision = load("20200925-use-log4brains-to-manage-the-adrs.md")
    assert decision.source_format == "log4brains"
    assert decision.number is None
    assert decision.status == "superseded"
    assert decision.relations == []
    assert any("20201012-adopt-structurizr" in w for w in decision.warnings)
    assert decision.document["tags"] == ["dev-tools", "doc"]
    assert decision.document["extra_sections"] == [
        {"heading": "Rollout", "body": "One repository at a time, starting with the platform repository."}
    ]
    assert any("Rollout" in w for w in decision.warnings)


def test_unknown_status_is_kept_raw_as_draft_and_unknown_front_matter_survives():
    decision = load("0007-event-sourcing-for-orders.md")
    assert (decision.status, decision.status_raw) == ("draft", "in review")
    assert decision.document["extra_frontmatter"] == {"ticket": "ORD-1432", "reviewers": [{"name": "Sam", "round": 2}]}
    assert any("in review" in w for w in decision.warnings)
    options = {o["title"]: o for o in decision.document["options"]}
    assert options["Event sourcing"]["pros"] == []
    assert options["Audit table"]["description"] == "A trigger-maintained history table."


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_import_export_import_is_lossless(path: Path):
    first = parse(path.read_text(), path.name)
    exported = render(first)
    second = parse(exported, file_name(first.number, first.title) if first.number else path.name)
    assert identity(second) == identity(first)
    assert render(second) == exported


def test_export_writes_madr4_front_matter_with_several_superseders_and_scope_notes():
    doc = empty_document("Use gRPC internally")
    doc["date"] = "2025-01-02"
    decision = DecisionFile(
        document=doc,
        status="superseded",
        number=12,
        uid="0b7c0d7e-1111-4222-8333-944455556666",
        relations=[
            Relation("supersedes", 14, "incoming"),
            Relation("supersedes", 15, "incoming", "decisions 1–3 only"),
        ],
        pattern_refs=["microservices"],
    )
    text = render(decision)
    assert text.startswith("---\nid: ADR-0012\nuid: 0b7c0d7e-1111-4222-8333-944455556666\n")
    assert "superseded-by:\n- ADR-0014\n- id: ADR-0015\n  note: decisions 1–3 only\n" in text
    assert "relies-on:\n- microservices\n" in text
    assert identity(parse(text, "0012-use-grpc-internally.md")) == identity(decision)


def test_multiline_list_items_survive_the_round_trip():
    doc = empty_document("Cache reads")
    doc["decision_drivers"] = ["latency under 50 ms\nat the 99th percentile", "cost"]
    doc["consequences"]["bad"] = ["stale reads:\n\nup to 30 s after a write"]
    decision = DecisionFile(document=doc, status="proposed", number=3)
    assert identity(parse(render(decision))) == identity(decision)


def test_zip_holds_every_record_and_an_index():
    records = [load(p.name) for p in SAMPLES if p.name[0] == "0"]
    archive = zipfile.ZipFile(io.BytesIO(zip_all(records)))
    names = set(archive.namelist())
    assert "docs/decisions/index.md" in names
    assert "docs/decisions/0004-use-kafka-for-domain-events.md" in names
    assert len(names) == len(records) + 1
    index = archive.read("docs/decisions/index.md").decode()
    assert "* [ADR-0002](0002-use-rabbitmq-for-domain-events.md) Use RabbitMQ for domain events — superseded" in index


@pytest.mark.parametrize(
    ("text", "message"),
    [("just some text\n", "no title"), ("---\nstatus: [unclosed\n---\n# T\n", "not valid YAML")],
)
def test_unreadable_files_raise_a_precise_error(text: str, message: str):
    with pytest.raises(ValueError, match=message):
        parse(text, "x.md")


def test_option_titles_with_quotes_and_an_unknown_choice():
    text = (
        '# Pick a name\n\n## Considered Options\n\n* The "fast" path\n* Plan B\n\n'
        '## Decision Outcome\n\nChosen option: "The "fast" path", because it is fast.\n'
    )
    decision = parse(text, "0001-pick-a-name.md")
    assert decision.document["outcome"] == {"chosen_option": 'The "fast" path', "justification": "it is fast."}
    unknown = parse(text.replace('"The "fast" path", because', '"Plan C", because'), "0001-pick-a-name.md")
    assert unknown.document["outcome"]["chosen_option"] is None
    assert unknown.document["outcome"]["justification"] == 'Chosen option: "Plan C", because it is fast.'
    assert any("not one of the considered options" in w for w in unknown.warnings)
    assert identity(parse(render(unknown))) == identity(unknown)


# Markdown punctuation included (bullets, quotes, colons, brackets); "#" is not: a "## " line inside a section's
# text starts a new section by design.
_WORD = st.text(alphabet='abcxyzXYZ019"*-:,.()[]', min_size=1, max_size=8)
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_TEXT = st.lists(_PARAGRAPH, min_size=0, max_size=3).map("\n\n".join)
_ITEMS = st.lists(_PARAGRAPH, max_size=4)


@st.composite
def _decisions(draw: st.DrawFn) -> DecisionFile:
    titles = draw(st.lists(_LINE, max_size=4, unique=True))
    doc = empty_document(draw(_LINE))
    doc["date"] = draw(st.dates()).isoformat()
    doc["decision_makers"] = draw(st.lists(_LINE, max_size=3))
    doc["tags"] = draw(st.lists(_WORD, max_size=3))
    doc["context"] = draw(_TEXT)
    doc["decision_drivers"] = draw(_ITEMS)
    doc["options"] = [
        {
            "title": title,
            "description": draw(_TEXT),
            "pros": draw(_ITEMS),
            "neutral": draw(_ITEMS),
            "cons": draw(_ITEMS),
        }
        for title in titles
    ]
    doc["outcome"] = {
        "chosen_option": draw(st.sampled_from(titles)) if titles and draw(st.booleans()) else None,
        "justification": draw(_TEXT),
    }
    doc["consequences"] = {"good": draw(_ITEMS), "bad": draw(_ITEMS), "neutral": draw(_ITEMS)}
    doc["confirmation"] = draw(_TEXT)
    doc["more_information"] = draw(_TEXT)
    doc["extra_frontmatter"] = draw(st.dictionaries(_WORD.map(lambda w: "x-" + w.lower()), _LINE, max_size=2))
    relations = sorted(
        {
            Relation(kind, number, direction)
            for kind, number, direction in draw(
                st.lists(
                    st.tuples(
                        st.sampled_from(["supersedes", "amends", "extends", "depends_on"]),
                        st.integers(1, 9999),
                        st.sampled_from(["outgoing", "incoming"]),
                    ),
                    max_size=4,
                )
            )
        },
        key=lambda r: (r.kind, r.direction, r.target_number),
    )
    return DecisionFile(
        document=doc,
        status=draw(st.sampled_from(["draft", "proposed", "accepted", "rejected", "superseded"])),
        number=draw(st.integers(1, 9999)),
        relations=relations,
    )


@settings(max_examples=100, deadline=None)
@given(_decisions())
def test_any_record_survives_export_then_import(decision: DecisionFile):
    assert identity(parse(render(decision))) == identity(decision)


def test_file_names_are_ascii_slugs_like_the_server_slug():
    assert file_name(7, "Use Café-style caching (v2)!") == "0007-use-caf-style-caching-v2.md"
    assert file_name(12, "¿¡") == "0012-decision.md"
