"""Render an ADR as MADR 4 Markdown with YAML front matter, and a set of ADRs as a zip with an index.
Layer: vertical (architecture). The parser reads everything written here back to the same DecisionFile.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

from sidecar.verticals.architecture.decisions.model import FRONT_MATTER_LINK_KEYS, DecisionFile, Relation, ref


def file_name(number: int, title: str, slug: str | None = None) -> str:
    """`NNNN-title-with-dashes.md`, as MADR names files under docs/decisions (ASCII, like the view's `slug`)."""
    text = slug or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "decision"
    return f"{number:04d}-{text}.md"


def _bullets(items: Iterable[str], prefix: str = "") -> list[str]:
    lines: list[str] = []
    for item in items:
        first, *rest = item.split("\n")
        lines.append(f"* {prefix}{first}")
        lines.extend(f"  {line}" if line else "" for line in rest)
    return lines


def _link_entries(relations: Sequence[Relation]) -> list[Any]:
    return [
        {"id": ref(r.target_number), "note": r.scope_note} if r.scope_note else ref(r.target_number)
        for r in sorted(relations, key=lambda r: r.target_number)
    ]


def front_matter(decision: DecisionFile) -> dict[str, Any]:
    """The YAML front matter: MADR 4 keys, MADR #217 identity keys, links, then unknown keys kept from import."""
    doc = decision.document
    meta: dict[str, Any] = {}
    if decision.number is not None:
        meta["id"] = ref(decision.number)
    if decision.uid:
        meta["uid"] = decision.uid
    meta["title"] = doc["title"]
    meta["status"] = decision.status
    if decision.status_raw:
        meta["status-raw"] = decision.status_raw
    if doc.get("date"):
        meta["date"] = str(doc["date"])
    meta["decision-makers"] = list(doc.get("decision_makers", []))
    meta["consulted"] = list(doc.get("consulted", []))
    meta["informed"] = list(doc.get("informed", []))
    meta["tags"] = list(doc.get("tags", []))
    if doc.get("template", "madr4") != "madr4":
        meta["template"] = doc["template"]
    if doc.get("implementation_status", "not_started") != "not_started":
        meta["implementation-status"] = doc["implementation_status"]
    for (kind, direction), key in FRONT_MATTER_LINK_KEYS.items():
        chosen = [r for r in decision.relations if r.kind == kind and r.direction == direction]
        if chosen:
            meta[key] = _link_entries(chosen)
    if decision.pattern_refs:
        meta["relies-on"] = list(decision.pattern_refs)
    if decision.article_refs:
        meta["cites"] = list(decision.article_refs)
    for key, value in (doc.get("extra_frontmatter") or {}).items():
        meta.setdefault(key, value)
    return meta


def _outcome(doc: dict[str, Any]) -> str:
    outcome = doc.get("outcome") or {}
    chosen, justification = outcome.get("chosen_option"), (outcome.get("justification") or "").strip()
    if not chosen:
        return justification
    return f'Chosen option: "{chosen}", because {justification}' if justification else f'Chosen option: "{chosen}"'


def render(decision: DecisionFile) -> str:
    """One record as a MADR 4 file (sections in MADR order, empty ones left out)."""
    doc = decision.document
    meta = yaml.safe_dump(front_matter(decision), sort_keys=False, allow_unicode=True).rstrip()
    out: list[str] = ["---", meta, "---"]
    out += ["", f"# {doc['title']}"]

    def section(heading: str, body: list[str] | str) -> None:
        lines = body.strip().split("\n") if isinstance(body, str) else body
        if lines and any(line.strip() for line in lines):
            out.extend(["", heading, "", *lines])

    extra = doc.get("extra_sections") or []
    for extra_section in extra:
        if not extra_section.get("heading"):
            out.extend(["", extra_section.get("body", "").strip()])
    section("## Context and Problem Statement", doc.get("context", ""))
    section("## Decision Drivers", _bullets(doc.get("decision_drivers", [])))
    options = doc.get("options") or []
    section("## Considered Options", _bullets(o["title"] for o in options))
    consequences = doc.get("consequences") or {}
    consequence_lines = (
        _bullets(consequences.get("good", []), "Good, because ")
        + _bullets(consequences.get("bad", []), "Bad, because ")
        + _bullets(consequences.get("neutral", []), "Neutral, because ")
    )
    outcome = _outcome(doc)
    if outcome or consequence_lines or (doc.get("confirmation") or "").strip():
        out.extend(["", "## Decision Outcome"])
        if outcome:
            out.extend(["", *outcome.split("\n")])
        section("### Consequences", consequence_lines)
        section("### Confirmation", doc.get("confirmation", ""))
    detailed = [o for o in options if o.get("description") or o.get("pros") or o.get("neutral") or o.get("cons")]
    if detailed:
        out.extend(["", "## Pros and Cons of the Options"])
        for option in detailed:
            body = [*option.get("description", "").strip().split("\n")] if option.get("description") else []
            if body and (option.get("pros") or option.get("neutral") or option.get("cons")):
                body.append("")
            body += (
                _bullets(option.get("pros", []), "Good, because ")
                + _bullets(option.get("neutral", []), "Neutral, because ")
                + _bullets(option.get("cons", []), "Bad, because ")
            )
            out.extend(["", f"### {option['title']}", "", *body])
    section("## More Information", doc.get("more_information", ""))
    for extra_section in extra:
        if extra_section.get("heading"):
            out.extend(["", f"## {extra_section['heading']}", ""])
            if extra_section.get("body", "").strip():
                out.extend(extra_section["body"].strip().split("\n"))
    return "\n".join(out).rstrip() + "\n"


def index(decisions: Sequence[DecisionFile]) -> str:
    """`index.md`: one line per record with its status, linking to its file."""
    lines = ["# Architecture Decision Records", ""]
    for decision in sorted(decisions, key=lambda d: d.number or 0):
        number = decision.number or 0
        name = file_name(number, decision.title)
        lines.append(f"* [{ref(number)}]({name}) {decision.title} — {decision.status}")
    return "\n".join(lines) + "\n"


def zip_all(decisions: Sequence[DecisionFile], folder: str = "docs/decisions") -> bytes:
    """Every record as `<folder>/NNNN-title.md` plus `<folder>/index.md`, zipped."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for decision in decisions:
            archive.writestr(f"{folder}/{file_name(decision.number or 0, decision.title)}", render(decision))
        archive.writestr(f"{folder}/index.md", index(decisions))
    return buffer.getvalue()
