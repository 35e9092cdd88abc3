"""Capture commands: one RPC call inside the caller's transaction. Layer: engine."""

from __future__ import annotations

import json
from typing import Any

from psycopg import AsyncConnection

from sidecar.db import queries
from sidecar.engine.captures.schemas import CaptureAccepted, CaptureIn

Q = queries("sidecar.engine.captures")


async def create_capture(conn: AsyncConnection, data: CaptureIn) -> CaptureAccepted:
    """Store the capture and queue its derivation (the job is stamped with the caller's principal in SQL)."""
    params: dict[str, Any] = {
        "source": data.source, "kind": data.kind, "content": data.content, "metadata": json.dumps(data.metadata),
    }  # fmt: skip
    row = await (await conn.execute(Q["create_capture"], params)).fetchone()
    result = row[0]
    return CaptureAccepted(
        capture_id=result["capture_id"],
        derivation_id=result.get("derivation_id"),
        job_id=result.get("job_id"),
        deduplicated=bool(result.get("deduplicated")),
        status=result.get("status") or "queued",
        status_url=f"/derivations?capture_id=eq.{result['capture_id']}",
    )
