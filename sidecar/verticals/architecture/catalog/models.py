"""Typed records of one parsed Layra pattern export (the catalog's import format). Layer: vertical (architecture)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Weight = Literal["high", "medium", "low"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KeyComponent(_Frozen):
    """One `- **Name:** description` line of "Key Components"."""

    name: str = Field(min_length=1)
    description: str = Field(min_length=1)


class TradeOff(_Frozen):
    """One `- [weight] text` line under "Pros" or "Cons"."""

    weight: Weight
    text: str = Field(min_length=1)


class TechStack(_Frozen):
    """One `- **Label:** tools` line of "Tech Stack Examples"."""

    label: str = Field(min_length=1)
    text: str = Field(min_length=1)


class RealWorldExample(_Frozen):
    """One `- **Organization (Product):** text` line of "Real-World Examples"."""

    organization: str = Field(min_length=1)
    product: str | None = None
    text: str = Field(min_length=1)


class DecisionEntry(_Frozen):
    """One `- **vs Other:** text` line of "Decision Matrix"; `versus_slug` is set when Other is a catalog pattern."""

    versus: str = Field(min_length=1)
    versus_slug: str | None = None
    text: str = Field(min_length=1)


class Reference(_Frozen):
    """One line of "References": `Title by Authors (year) (kind)`; `text` keeps the line verbatim."""

    text: str = Field(min_length=1)
    title: str
    authors: str | None = None
    year: int | None = None
    kind: str | None = None


class RelatedLink(_Frozen):
    """One `- [label](url)` line of "Related Patterns"; `slug` is the catalog slug it resolved to, if any."""

    label: str = Field(min_length=1)
    url: str
    source_slug: str = Field(min_length=1)
    slug: str | None = None
    resolution: Literal["exact", "alias", "tokens", "partial", "unresolved"] = "unresolved"


class Pattern(_Frozen):
    """Every section of one pattern, typed. `content_hash` identifies a revision of the content."""

    name: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    category: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    complexity: int = Field(ge=1, le=5)
    team_size: str = Field(min_length=1)
    team_size_min: int | None = Field(default=None, ge=1)
    team_size_max: int | None = Field(default=None, ge=1)
    summary: str = Field(min_length=1)
    also_known_as: tuple[str, ...] = ()
    when_to_use: tuple[str, ...]
    when_not_to_use: tuple[str, ...]
    key_components: tuple[KeyComponent, ...]
    pros: tuple[TradeOff, ...]
    cons: tuple[TradeOff, ...]
    tech_stacks: tuple[TechStack, ...] = ()
    real_world_examples: tuple[RealWorldExample, ...] = ()
    decision_matrix: tuple[DecisionEntry, ...] = ()
    references: tuple[Reference, ...] = ()
    overview: str = Field(min_length=1)
    related: tuple[RelatedLink, ...] = ()

    @property
    def content_hash(self) -> str:
        """sha256 over the canonical JSON of every section: equal hashes mean an unchanged pattern."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()


class CatalogWarning(_Frozen):
    """Something the import tolerated but an operator should read (e.g. an unresolved related pattern)."""

    pattern: str | None
    section: str | None
    message: str


class ParsedExport(_Frozen):
    """A whole export: its preamble, the patterns in file order and the parser's warnings."""

    title: str
    generated: dt.date | None = None
    declared_count: int | None = None
    patterns: tuple[Pattern, ...]
    warnings: tuple[CatalogWarning, ...] = ()
