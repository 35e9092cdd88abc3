"""`/healthz` (the process answers) and `/readyz` (the database and the job schema answer). Layer: chassis."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get


@get("/healthz", tags=["ops"], sync_to_thread=False)
def healthz() -> dict[str, str]:
    """Liveness: no dependencies checked."""
    return {"status": "ok"}


@get("/readyz", tags=["ops"])
async def readyz(request: Request[Any, Any, Any]) -> Response[dict[str, str]]:
    """Readiness: a pooled connection answers and the job queue tables are present."""
    try:
        async with request.app.state.pool.connection(timeout=2) as conn:
            await conn.execute("select 1 from procrastinate.procrastinate_jobs limit 0")
    except Exception as exc:  # any failure means not ready; the reason goes into the body
        return Response({"status": "unavailable", "reason": type(exc).__name__}, status_code=503)
    return Response({"status": "ready"}, status_code=200)
