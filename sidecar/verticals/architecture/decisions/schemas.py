"""Request and response shapes of the ADR import/export endpoints. Layer: vertical (architecture)."""

from __future__ import annotations

import msgspec


class MarkdownFile(msgspec.Struct, frozen=True):
    """One file to import: its path (the name gives the number, e.g. `0007-use-kafka.md`) and its text."""

    path: str
    content: str


class ImportRequest(msgspec.Struct, frozen=True):
    """Files to import in one transaction."""

    files: list[MarkdownFile]


class FileReport(msgspec.Struct):
    """What happened to one file: created | updated | unchanged | failed, and everything that did not map."""

    path: str
    action: str
    id: str | None = None
    number: int | None = None
    ref: str | None = None
    source_format: str | None = None
    renumbered_from: int | None = None
    links_added: int = 0
    warnings: list[str] = msgspec.field(default_factory=list)
    problems: list[str] = msgspec.field(default_factory=list)


class ImportReport(msgspec.Struct):
    """One report per file: unreadable files first, then refused ones, then the imported ones in import order."""

    files: list[FileReport]
