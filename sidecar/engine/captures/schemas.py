"""DTOs of the captures endpoints. Layer: engine."""

from __future__ import annotations

from typing import Any

import msgspec


class CaptureIn(msgspec.Struct, forbid_unknown_fields=True):
    """A raw input to interpret: where it came from, which interpreter kind, the text, free metadata."""

    kind: str
    content: str
    source: str = "api"
    metadata: dict[str, Any] = msgspec.field(default_factory=dict)


class CaptureAccepted(msgspec.Struct):
    """202 body: poll `status_url` (PostgREST view) or follow the SSE stream."""

    capture_id: str
    derivation_id: str | None
    job_id: int | None
    deduplicated: bool
    status: str
    status_url: str
