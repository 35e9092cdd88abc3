"""HTTP: POST /architecture/catalog/imports → 201 with the import report. Layer: vertical (architecture).

Runs in the caller's transaction (`user_tx`): SQL decides who may import what (tenant owners and admins their
private patterns; the global catalog only through the `operator` role, i.e. `stance catalog import`). A malformed
export is a 400 naming the pattern and the section; URLs are fetched through the chassis SSRF guard.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, post
from psycopg import AsyncConnection

from postgrest_compat.errors import ApiError
from sidecar.chassis.net import FetchError, fetch, policy_from_env
from sidecar.verticals.architecture.catalog.parser import CatalogFormatError
from sidecar.verticals.architecture.catalog.schemas import CatalogImportIn
from sidecar.verticals.architecture.catalog.service import import_text
from sidecar.verticals.architecture.catalog.source import MAX_BYTES, SourceError, is_url


async def _text_of(data: CatalogImportIn) -> tuple[str, str]:
    """The export text and a label for the report's `source`."""
    if (data.content is None) == (data.url is None):
        raise ApiError(400, "PT400", "send exactly one of content or url")
    if data.content is not None:
        return data.content, "upload"
    assert data.url is not None
    if not is_url(data.url):
        raise ApiError(400, "PT400", "url must be http or https", details=data.url)
    try:
        result = await fetch(data.url, policy=policy_from_env(), max_bytes=MAX_BYTES)
    except FetchError as exc:
        raise ApiError(400, "PT400", f"cannot fetch the export: {exc}", details=data.url) from exc
    if result.status != 200:
        raise ApiError(400, "PT400", f"cannot fetch the export: HTTP {result.status}", details=data.url)
    try:
        return result.body.decode("utf-8-sig"), data.url
    except UnicodeDecodeError as exc:
        raise SourceError(f"{data.url}: not UTF-8") from exc


class CatalogController(Controller):
    """Import pattern exports into the catalog."""

    path = "/architecture/catalog"
    tags = ["architecture"]

    @post("/imports", status_code=201)
    async def create_import(self, data: CatalogImportIn, user_tx: AsyncConnection) -> dict[str, Any]:
        """Parse and import an export in one transaction; the body is the import report (counts, warnings)."""
        try:
            text, source = await _text_of(data)
            return await import_text(user_tx, text, scope=data.scope, source=source)
        except SourceError as exc:
            raise ApiError(400, "PT400", str(exc)) from exc
        except CatalogFormatError as exc:
            raise ApiError(
                400,
                "PT400",
                f"malformed export: {exc}",
                details={"pattern": exc.pattern, "section": exc.section, "problem": exc.message},
                hint="the Layra export format: '# Name', '**Category:** …', then the ## sections in order",
            ) from exc
