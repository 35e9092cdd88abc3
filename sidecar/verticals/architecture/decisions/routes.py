"""HTTP endpoints for ADR Markdown: export one record or a zip of all, import files (JSON or upload).
Layer: vertical (architecture). Handlers run on `user_tx`, the chassis plugin's transaction opened as the caller,
so grants, RLS and chassis.can() decide what each caller may read or import.
"""

from __future__ import annotations

import zipfile
from typing import Any
from uuid import UUID

from litestar import Controller, Response, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.exceptions import ClientException, NotFoundException
from litestar.params import FromPath, JSONBody, MultipartBody
from psycopg import AsyncConnection

from sidecar.verticals.architecture.decisions import service
from sidecar.verticals.architecture.decisions.schemas import ImportReport, ImportRequest


class DecisionsController(Controller):
    """`/architecture/decisions`: MADR 4 export and multi-format import."""

    path = "/architecture/decisions"
    tags = ["architecture"]

    @get("/{decision_id:uuid}/markdown")
    async def export_markdown(
        self, decision_id: FromPath[UUID], user_tx: NamedDependency[AsyncConnection[Any]]
    ) -> Response[str]:
        """One record as MADR 4 Markdown with YAML front matter."""
        try:
            name, text = await service.export_one(user_tx, decision_id)
        except service.NotFoundError as error:
            raise NotFoundException(detail=str(error)) from error
        return Response(
            text,
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @get("/export.zip")
    async def export_archive(self, user_tx: NamedDependency[AsyncConnection[Any]]) -> Response[bytes]:
        """Every record of the tenant under docs/decisions/, with index.md."""
        return Response(
            await service.export_zip(user_tx),
            media_type="application/zip",
            headers={"Content-Disposition": 'attachment; filename="decisions.zip"'},
        )

    @post("/import", status_code=200)
    async def import_json(
        self, data: JSONBody[ImportRequest], user_tx: NamedDependency[AsyncConnection[Any]]
    ) -> ImportReport:
        """Import files given as {files: [{path, content}]}; one report entry per file."""
        return await service.import_files(user_tx, [(f.path, f.content) for f in data.files])

    @post("/import/upload", status_code=200)
    async def import_upload(
        self,
        data: MultipartBody[list[UploadFile]],
        user_tx: NamedDependency[AsyncConnection[Any]],
    ) -> ImportReport:
        """Import uploaded `.md` files and/or `.zip` archives of them."""
        files: list[tuple[str, str]] = []
        for upload in data:
            content = await upload.read()
            try:
                if upload.filename.lower().endswith(".zip"):
                    files.extend(service.files_from_zip(content))
                else:
                    files.append((upload.filename, content.decode("utf-8-sig")))
            except (zipfile.BadZipFile, UnicodeDecodeError) as error:
                raise ClientException(detail=f"{upload.filename}: {error}") from error
        return await service.import_files(user_tx, files)
