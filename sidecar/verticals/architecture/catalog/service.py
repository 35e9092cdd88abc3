"""Catalog import service: parse an export and write it through the vertical's SQL, as the caller. Layer: vertical.

Operators import the global catalog (`scope="global"`, on a connection in the `operator` role with an operator
session); tenant owners and admins import private patterns (`scope="tenant"`, on a connection opened as the user).
Who may do what is decided by SQL (grants, RLS, `chassis.can`), never here. The whole run is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from psycopg import AsyncConnection
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from sidecar.db import queries
from sidecar.verticals.architecture.catalog.models import ParsedExport, Pattern
from sidecar.verticals.architecture.catalog.parser import parse_export

Scope = Literal["global", "tenant"]
Progress = Callable[[Pattern, str], None]

Q = queries("sidecar.verticals.architecture.catalog")


async def known_patterns(conn: AsyncConnection[Any]) -> dict[str, list[str]]:
    """Slug → [name, *aliases] of every pattern the caller can see (targets for related links)."""
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(Q["known_patterns"])
        return {row["slug"]: [row["name"], *row["also_known_as"]] for row in await cur.fetchall()}


async def parse_for_import(conn: AsyncConnection[Any], text: str, scope: Scope) -> ParsedExport:
    """Parse with related links resolved against the export and, for tenant imports, the visible catalog."""
    return parse_export(text, known=await known_patterns(conn) if scope == "tenant" else None)


async def import_export(
    conn: AsyncConnection[Any],
    export: ParsedExport,
    *,
    scope: Scope,
    source: str,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Import every pattern of `export` in one run and return the SQL report (counts, sections, warnings)."""
    warnings = [w.model_dump(mode="json") for w in export.warnings]
    async with conn.cursor(row_factory=dict_row) as cur:
        await cur.execute(
            Q["import_begin"],
            {
                "scope": scope,
                "source": source,
                "title": export.title,
                "declared": export.declared_count,
                "warnings": Jsonb(warnings),
            },
        )
        row = await cur.fetchone()
        assert row is not None
        import_id = row["id"]
        for pattern in export.patterns:
            payload = Jsonb(pattern.model_dump(mode="json"))
            await cur.execute(Q["import_pattern"], {"import_id": import_id, "pattern": payload})
            result = await cur.fetchone()
            assert result is not None
            if progress is not None:
                progress(pattern, result["result"]["outcome"])
        await cur.execute(Q["import_finish"], {"import_id": import_id})
        report = await cur.fetchone()
        assert report is not None
        return report["report"]


async def import_text(
    conn: AsyncConnection[Any], text: str, *, scope: Scope, source: str, progress: Progress | None = None
) -> dict[str, Any]:
    """Parse `text` (raises CatalogFormatError before writing anything) and import it."""
    export = await parse_for_import(conn, text, scope)
    return await import_export(conn, export, scope=scope, source=source, progress=progress)
