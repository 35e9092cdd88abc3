"""DTOs of the documents endpoint. Layer: vertical."""

from __future__ import annotations

from typing import Any, Literal

import msgspec

Format = Literal["markdown", "html", "text"]


class DocumentIn(msgspec.Struct, forbid_unknown_fields=True):
    """A pasted document: its content, its format, optionally a title and the URL it came from."""

    content: str
    format: Format = "markdown"
    title: str | None = None
    url: str | None = None


class DocumentOut(msgspec.Struct):
    """The stored article and what the engine was asked to do with it."""

    id: str
    created: bool
    title: str
    interpretations: list[dict[str, Any]]
