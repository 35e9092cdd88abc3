"""The in-memory shape of one ADR file: the SQL `document` plus identity, status and links. Layer: vertical."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["draft", "proposed", "accepted", "rejected", "withdrawn", "deprecated", "superseded"]
STATUSES: tuple[str, ...] = ("draft", "proposed", "accepted", "rejected", "withdrawn", "deprecated", "superseded")
SourceFormat = Literal["madr2", "madr3", "madr4", "nygard", "log4brains"]
Direction = Literal["outgoing", "incoming"]

# Record-to-record link kinds as stored (outgoing) and the front-matter keys for both directions.
RECORD_KINDS: tuple[str, ...] = ("supersedes", "amends", "extends", "relates_to", "depends_on", "conflicts_with")
SYMMETRIC_KINDS: frozenset[str] = frozenset({"relates_to", "conflicts_with"})
FRONT_MATTER_LINK_KEYS: dict[tuple[str, Direction], str] = {
    ("supersedes", "outgoing"): "supersedes",
    ("supersedes", "incoming"): "superseded-by",
    ("amends", "outgoing"): "amends",
    ("amends", "incoming"): "amended-by",
    ("extends", "outgoing"): "extends",
    ("extends", "incoming"): "extended-by",
    ("depends_on", "outgoing"): "depends-on",
    ("depends_on", "incoming"): "depended-on-by",
    ("relates_to", "outgoing"): "related",
    ("conflicts_with", "outgoing"): "conflicts-with",
}
LINK_KEY_TO_KIND: dict[str, tuple[str, Direction]] = {v: k for k, v in FRONT_MATTER_LINK_KEYS.items()}

_REF = re.compile(r"^(?:ADR[- ]?)?0*(\d+)$", re.IGNORECASE)


def ref(number: int) -> str:
    """Display id of an ADR number, as the server shows it (`ADR-0007`)."""
    return f"ADR-{number:04d}"


def parse_ref(value: object) -> int | None:
    """`ADR-0007`, `7`, `0007` → 7; anything else → None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    match = _REF.match(str(value).strip())
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


def empty_document(title: str) -> dict[str, Any]:
    """A document with every MADR field at its empty value (what the server stores by default)."""
    return {
        "title": title,
        "decision_makers": [],
        "consulted": [],
        "informed": [],
        "context": "",
        "decision_drivers": [],
        "options": [],
        "outcome": {"chosen_option": None, "justification": ""},
        "consequences": {"good": [], "bad": [], "neutral": []},
        "confirmation": "",
        "more_information": "",
        "tags": [],
        "template": "madr4",
        "implementation_status": "not_started",
        "extra_frontmatter": {},
        "extra_sections": [],
    }


@dataclass(frozen=True)
class Relation:
    """A link to another record by number; `incoming` means the other record holds it (superseded by 3)."""

    kind: str
    target_number: int
    direction: Direction = "outgoing"
    scope_note: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The shape api.architecture_decision_import_links() takes."""
        return {
            "kind": self.kind,
            "target_number": self.target_number,
            "direction": self.direction,
            "scope_note": self.scope_note,
        }


@dataclass
class DecisionFile:
    """One ADR as read from, or written to, a Markdown file."""

    document: dict[str, Any]
    status: str = "draft"
    number: int | None = None
    status_raw: str | None = None
    source_format: SourceFormat = "madr4"
    uid: str | None = None
    relations: list[Relation] = field(default_factory=list)
    pattern_refs: list[str] = field(default_factory=list)
    article_refs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The record's title."""
        return str(self.document["title"])
