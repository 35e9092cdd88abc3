"""HTTP: POST /captures → 202 with capture id, job id and a status URL (command-then-poll). Layer: engine."""

from __future__ import annotations

from litestar import Controller, Response, post
from litestar.di import NamedDependency
from litestar.params import JSONBody
from psycopg import AsyncConnection

from sidecar.engine.captures.schemas import CaptureAccepted, CaptureIn
from sidecar.engine.captures.service import create_capture


class CapturesController(Controller):
    """Accept raw input for interpretation."""

    path = "/captures"
    tags = ["engine"]

    @post("/", status_code=202)
    async def create(
        self, data: JSONBody[CaptureIn], user_tx: NamedDependency[AsyncConnection]
    ) -> Response[CaptureAccepted]:
        """Store a capture (deduplicated per tenant by content hash) and queue its derivation."""
        accepted = await create_capture(user_tx, data)
        return Response(accepted, status_code=202, headers={"Location": accepted.status_url})
