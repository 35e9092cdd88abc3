"""`POST /architecture/documents`: paste (JSON) or upload (multipart) a Markdown, HTML or text document.
Layer: vertical. Handlers run on `user_tx` (the caller's transaction): SQL decides who may add documents.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from litestar import Controller, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.exceptions import ClientException
from litestar.params import JSONBody, MultipartBody
from psycopg import AsyncConnection

from sidecar.verticals.architecture.documents import service
from sidecar.verticals.architecture.documents.schemas import DocumentIn, DocumentOut
from sidecar.verticals.architecture.feeds.decode import decode_body


class DocumentsController(Controller):
    """`/architecture/documents`: documents become articles and engine captures."""

    path = "/architecture/documents"
    tags = ["architecture"]

    @post("/", status_code=201)
    async def paste(self, data: JSONBody[DocumentIn], user_tx: NamedDependency[AsyncConnection[Any]]) -> DocumentOut:
        """Store pasted content; the same text pasted again returns the existing article (created: false)."""
        try:
            return await service.create_document(user_tx, data)
        except service.DocumentError as error:
            raise ClientException(detail=str(error)) from error

    @post("/upload", status_code=201)
    async def upload(
        self, data: MultipartBody[list[UploadFile]], user_tx: NamedDependency[AsyncConnection[Any]]
    ) -> list[DocumentOut]:
        """Store uploaded `.md`, `.html` or `.txt` files (encoding repaired), one article each."""
        out: list[DocumentOut] = []
        for upload in data:
            fmt = service.EXTENSIONS.get(PurePosixPath(upload.filename or "").suffix.lower())
            if fmt is None:
                raise ClientException(detail=f"{upload.filename}: only .md, .html and .txt files are accepted")
            text, _ = decode_body(await upload.read(), upload.content_type)
            try:
                out.append(await service.create_document(user_tx, DocumentIn(content=text, format=fmt)))
            except service.DocumentError as error:
                raise ClientException(detail=f"{upload.filename}: {error}") from error
        return out
