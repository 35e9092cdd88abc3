"""DTOs of the catalog import endpoint. Layer: vertical (architecture)."""

from __future__ import annotations

from typing import Literal

import msgspec


class CatalogImportIn(msgspec.Struct, forbid_unknown_fields=True):
    """An export to import: its text (`content`) or a public http(s) `url`, into the global catalog or the tenant."""

    scope: Literal["global", "tenant"] = "tenant"
    content: str | None = None
    url: str | None = None
