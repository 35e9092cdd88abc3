"""Parser of the Layra pattern export (`llms-full.txt` shape), with or without real newlines. Layer: vertical.

The export is Markdown: `# Name` + a `**Category:** … | **Complexity:** n/5 | **Team Size:** …` line, a `> summary`,
`**Also known as:**`, then fixed `##`/`###` sections; patterns are separated by `---`. Copies found in the wild have
their newlines collapsed into spaces, so every boundary here is matched on whitespace, and list items are split on
`- ` at line starts when newlines exist, else on ` - `. Anything malformed raises `CatalogFormatError` naming the
pattern and the section.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from sidecar.verticals.architecture.catalog.models import (
    CatalogWarning,
    DecisionEntry,
    KeyComponent,
    ParsedExport,
    Pattern,
    RealWorldExample,
    Reference,
    RelatedLink,
    TechStack,
    TradeOff,
)
from sidecar.verticals.architecture.catalog.slugs import SlugIndex, slugify


class CatalogFormatError(ValueError):
    """A malformed export; `pattern` and `section` say where (None when the problem is outside any pattern)."""

    def __init__(self, message: str, *, pattern: str | None = None, section: str | None = None) -> None:
        self.message = message
        self.pattern = pattern
        self.section = section
        where = ", ".join(
            part
            for part in (f"pattern {pattern!r}" if pattern else "", f"section {section!r}" if section else "")
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class _Section:
    title: str
    level: int
    required: bool


SECTIONS: tuple[_Section, ...] = (
    _Section("When to Use", 2, True),
    _Section("When NOT to Use", 2, True),
    _Section("Key Components", 2, True),
    _Section("Trade-offs", 2, True),
    _Section("Pros", 3, True),
    _Section("Cons", 3, True),
    _Section("Tech Stack Examples", 2, False),
    _Section("Real-World Examples", 2, False),
    _Section("Decision Matrix", 2, False),
    _Section("References", 2, False),
    _Section("Overview", 2, True),
    _Section("Related Patterns", 2, False),
)
_ORDER = {s.title: i for i, s in enumerate(SECTIONS)}

_PATTERN_HEADING = re.compile(r"(?:^|(?<=\s))# (?P<name>[^\n#]+?)\s+\*\*Category:\*\*")
_SECTION_HEADING = re.compile(
    r"(?:^|(?<=\s))(?P<hashes>#{2,3}) (?P<title>" + "|".join(re.escape(s.title) for s in SECTIONS) + r")(?=\s|$)"
)
_FENCE = re.compile(r"```.*?(?:```|$)", re.S)
_SEPARATOR = re.compile(r"\s*---\s*$")
_BOLD_ITEM = re.compile(r"^\*\*(?P<label>.+?):\*\*\s*(?P<text>.*)$", re.S)
_WEIGHTED_ITEM = re.compile(r"^\[(?P<weight>[^\]]*)\]\s*(?P<text>.*)$", re.S)
_LINK_ITEM = re.compile(r"^\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]+)\)$")
_REFERENCE = re.compile(r"^(?P<body>.+?)(?:\s+\((?P<year>\d{4})\))?(?:\s+\((?P<kind>[a-z][a-z -]*)\))?$", re.S)
_TEAM = re.compile(r"^(?P<label>.+?)\s*\((?P<min>\d+)(?:\s*-\s*(?P<max>\d+))?(?P<plus>\+)?\s+engineers?\b[^)]*\)$")
_ORG_PRODUCT = re.compile(r"^(?P<org>.+?)\s*\((?P<product>[^()]+)\)$")


def _squash(text: str) -> str:
    return " ".join(text.split())


def parse_export(text: str, *, known: Mapping[str, Iterable[str]] | None = None) -> ParsedExport:
    """Parse a whole export; related links resolve against its own patterns plus `known` (slug → name, aliases).

    Raises:
        CatalogFormatError: the text is not a Layra export or one of its patterns is malformed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    headings = list(_PATTERN_HEADING.finditer(_mask_fences(text)))
    if not headings:
        raise CatalogFormatError("no pattern found: expected '# Name' followed by '**Category:** …'")
    title, generated, declared = _preamble(text[: headings[0].start()])
    warnings: list[CatalogWarning] = []
    patterns: list[Pattern] = []
    seen: dict[str, str] = {}
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        chunk = _SEPARATOR.sub("", text[heading.start() : end])
        pattern = _parse_pattern(_squash(heading.group("name")), chunk)
        if pattern.slug in seen:
            raise CatalogFormatError(
                f"duplicate slug {pattern.slug!r} (also used by {seen[pattern.slug]!r})",
                pattern=pattern.name,
                section="header",
            )
        seen[pattern.slug] = pattern.name
        patterns.append(pattern)
    if declared is not None and declared != len(patterns):
        warnings.append(
            CatalogWarning(
                pattern=None,
                section="preamble",
                message=f"the export declares {declared} patterns but contains {len(patterns)}",
            )
        )
    resolved, link_warnings = resolve_links(patterns, known or {})
    return ParsedExport(
        title=title,
        generated=generated,
        declared_count=declared,
        patterns=tuple(resolved),
        warnings=(*warnings, *link_warnings),
    )


def resolve_links(
    patterns: Iterable[Pattern], known: Mapping[str, Iterable[str]]
) -> tuple[list[Pattern], list[CatalogWarning]]:
    """Resolve related links and decision-matrix counterparts to catalog slugs; unresolved links become warnings."""
    patterns = list(patterns)
    catalog: dict[str, list[str]] = {slug: list(labels) for slug, labels in known.items()}
    for p in patterns:
        catalog[p.slug] = [p.name, *p.also_known_as]
    index = SlugIndex.build(catalog)
    warnings: list[CatalogWarning] = []
    out: list[Pattern] = []
    for p in patterns:
        related: list[RelatedLink] = []
        for link in p.related:
            slug, how = index.resolve(link.source_slug)
            if slug is None:
                warnings.append(
                    CatalogWarning(
                        pattern=p.name,
                        section="Related Patterns",
                        message=f"related pattern {link.source_slug!r} matches no catalog pattern",
                    )
                )
            elif slug == p.slug:
                warnings.append(
                    CatalogWarning(pattern=p.name, section="Related Patterns", message="the pattern relates to itself")
                )
            elif how == "partial":
                warnings.append(
                    CatalogWarning(
                        pattern=p.name,
                        section="Related Patterns",
                        message=f"related pattern {link.source_slug!r} resolved loosely ({how}) to {slug!r}",
                    )
                )
            related.append(link.model_copy(update={"slug": slug, "resolution": how}))
        matrix = [
            entry.model_copy(update={"versus_slug": index.resolve_exact(entry.versus)[0]})
            for entry in p.decision_matrix
        ]
        out.append(p.model_copy(update={"related": tuple(related), "decision_matrix": tuple(matrix)}))
    return out, warnings


def _mask_fences(text: str) -> str:
    """Blank out fenced code (keeping offsets) so `# comment` lines inside code never look like headings."""
    return _FENCE.sub(lambda m: " " * len(m.group(0)), text)


def _preamble(text: str) -> tuple[str, dt.date | None, int | None]:
    text = _squash(text)
    if not text.startswith("# "):
        return "", None, None
    title = text[2:].split(" > ", 1)[0].strip()
    generated = re.search(r"Generated (\d{4}-\d{2}-\d{2})", text)
    declared = re.search(r"(\d+) patterns?\b", text)
    return (
        title,
        dt.date.fromisoformat(generated.group(1)) if generated else None,
        int(declared.group(1)) if declared else None,
    )


def _parse_pattern(name: str, chunk: str) -> Pattern:
    """Split one pattern's text into header and sections, then type every section."""
    found: list[tuple[_Section, re.Match[str]]] = []
    for match in _SECTION_HEADING.finditer(_mask_fences(chunk)):
        section = SECTIONS[_ORDER[match.group("title")]]
        if len(match.group("hashes")) != section.level:
            raise CatalogFormatError(
                f"heading level {len(match.group('hashes'))} where {section.level} is expected",
                pattern=name,
                section=section.title,
            )
        if any(s.title == section.title for s, _ in found):
            raise CatalogFormatError("section appears twice", pattern=name, section=section.title)
        if found and _ORDER[found[-1][0].title] > _ORDER[section.title]:
            raise CatalogFormatError(
                f"section out of order (it comes after {found[-1][0].title!r})", pattern=name, section=section.title
            )
        found.append((section, match))
    titles = {s.title for s, _ in found}
    for section in SECTIONS:
        if section.required and section.title not in titles:
            raise CatalogFormatError("required section is missing", pattern=name, section=section.title)
    bodies: dict[str, str] = {}
    for i, (section, match) in enumerate(found):
        end = found[i + 1][1].start() if i + 1 < len(found) else len(chunk)
        bodies[section.title] = chunk[match.end() : end].strip()
    header = _parse_header(name, chunk[: found[0][1].start()])
    if bodies["Trade-offs"]:
        raise CatalogFormatError("text before '### Pros' would be lost", pattern=name, section="Trade-offs")
    if not bodies["Overview"]:
        raise CatalogFormatError("section is empty", pattern=name, section="Overview")

    def items(title: str, parse: Callable[[str], Any], required: bool = False) -> tuple[Any, ...]:
        raw = _list_items(bodies.get(title, ""), name, title)
        if required and not raw:
            raise CatalogFormatError("section is empty", pattern=name, section=title)
        out: list[Any] = []
        for n, item in enumerate(raw, 1):
            try:
                out.append(parse(item))
            except ValidationError as exc:
                raise CatalogFormatError(f"item {n}: {exc.errors()[0]['msg']}", pattern=name, section=title) from exc
            except ValueError as exc:
                raise CatalogFormatError(f"item {n}: {exc}", pattern=name, section=title) from exc
        return tuple(out)

    fields: dict[str, Any] = {
        **header,
        "when_to_use": items("When to Use", _plain, required=True),
        "when_not_to_use": items("When NOT to Use", _plain, required=True),
        "key_components": items("Key Components", _component, required=True),
        "pros": items("Pros", _trade_off, required=True),
        "cons": items("Cons", _trade_off, required=True),
        "tech_stacks": items("Tech Stack Examples", _stack),
        "real_world_examples": items("Real-World Examples", _example),
        "decision_matrix": items("Decision Matrix", _decision),
        "references": items("References", _reference),
        "overview": bodies["Overview"],
        "related": items("Related Patterns", _related),
    }
    try:
        return Pattern(**fields)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CatalogFormatError(
            f"{'.'.join(map(str, err['loc']))}: {err['msg']}", pattern=name, section="header"
        ) from exc


def _parse_header(name: str, header: str) -> dict[str, Any]:
    """`# Name **Category:** c | **Complexity:** n/5 | **Team Size:** t > summary **Also known as:** a, b`."""
    h = _squash(header)
    category = re.search(r"\*\*Category:\*\*\s*(?P<v>[^|]+?)\s*(?:\||$)", h)
    complexity = re.search(r"\*\*Complexity:\*\*\s*(?P<v>[^|]+?)\s*(?:\||$)", h)
    team = re.search(r"\*\*Team Size:\*\*\s*(?P<v>.+?)\s*(?=>|\*\*Also known as:\*\*|$)", h)
    summary = re.search(r"(?:^|\s)>\s*(?P<v>.+?)\s*(?=\*\*Also known as:\*\*|$)", h)
    aka = re.search(r"\*\*Also known as:\*\*\s*(?P<v>.*)$", h)
    for label, match in (("category", category), ("complexity", complexity), ("team size", team), ("summary", summary)):
        if match is None or not match.group("v").strip():
            raise CatalogFormatError(f"{label} is missing", pattern=name, section="header")
    assert category and complexity and team and summary
    level = re.fullmatch(r"([1-5])\s*/\s*5", complexity.group("v"))
    if level is None:
        raise CatalogFormatError(
            f"complexity must look like 'n/5' with n in 1..5, found {complexity.group('v')!r}",
            pattern=name,
            section="header",
        )
    team_text = team.group("v")
    bounds = _TEAM.match(team_text)
    low = int(bounds.group("min")) if bounds else None
    high = int(bounds.group("max")) if bounds and bounds.group("max") and not bounds.group("plus") else None
    return {
        "name": name,
        "slug": slugify(name),
        "category": category.group("v").strip().lower(),
        "complexity": int(level.group(1)),
        "team_size": team_text,
        "team_size_min": low,
        "team_size_max": high,
        "summary": summary.group("v"),
        "also_known_as": tuple(a.strip() for a in aka.group("v").split(",") if a.strip()) if aka else (),
    }


def _list_items(body: str, pattern: str, section: str) -> list[str]:
    """Split a Markdown bullet list: on line-start `- ` when the text has newlines, else on ` - `."""
    body = body.strip()
    if not body:
        return []
    if not body.startswith("- "):
        raise CatalogFormatError(f"expected a '- ' list item, found {body[:40]!r}", pattern=pattern, section=section)
    if "\n" in body:
        parts = re.split(r"\n[ \t]*- ", "\n" + body)[1:]
    else:
        parts = body[2:].split(" - ")
    return [_squash(p) for p in parts if p.strip()]


def _plain(item: str) -> str:
    return item


def _bold(item: str) -> tuple[str, str]:
    match = _BOLD_ITEM.match(item)
    if match is None or not match.group("text").strip():
        raise ValueError(f"expected '**Label:** text', found {item[:60]!r}")
    return match.group("label").strip(), match.group("text").strip()


def _component(item: str) -> KeyComponent:
    label, text = _bold(item)
    return KeyComponent(name=label, description=text)


def _stack(item: str) -> TechStack:
    label, text = _bold(item)
    return TechStack(label=label, text=text)


def _example(item: str) -> RealWorldExample:
    label, text = _bold(item)
    match = _ORG_PRODUCT.match(label)
    if match:
        return RealWorldExample(organization=match.group("org"), product=match.group("product"), text=text)
    return RealWorldExample(organization=label, text=text)


def _decision(item: str) -> DecisionEntry:
    label, text = _bold(item)
    if not label.lower().startswith("vs "):
        raise ValueError(f"expected '**vs Other pattern:** text', found {item[:60]!r}")
    return DecisionEntry(versus=label[3:].strip(), text=text)


def _trade_off(item: str) -> TradeOff:
    match = _WEIGHTED_ITEM.match(item)
    if match is None:
        raise ValueError(f"expected '[high|medium|low] text', found {item[:60]!r}")
    weight = match.group("weight").strip().lower()
    if weight not in ("high", "medium", "low"):
        raise ValueError(f"weight must be [high|medium|low], found [{match.group('weight')}]")
    if not match.group("text").strip():
        raise ValueError("trade-off text is empty")
    return TradeOff(weight=weight, text=match.group("text").strip())  # type: ignore[arg-type]


def _reference(item: str) -> Reference:
    match = _REFERENCE.match(item)
    assert match is not None  # the pattern accepts any non-empty text
    body = match.group("body").strip()
    title, sep, authors = body.rpartition(" by ")
    return Reference(
        text=item,
        title=title.strip() if sep else body,
        authors=authors.strip() if sep else None,
        year=int(match.group("year")) if match.group("year") else None,
        kind=match.group("kind"),
    )


def _related(item: str) -> RelatedLink:
    match = _LINK_ITEM.match(item)
    if match is None:
        raise ValueError(f"expected '[label](url)', found {item[:60]!r}")
    url = match.group("url")
    source = re.sub(r"\.(md|html?)$", "", url.rstrip("/").rsplit("/", 1)[-1])
    return RelatedLink(label=match.group("label"), url=url, source_slug=source or slugify(match.group("label")))
