"""Progress events over SSE: the caller's tenant's engine events, resumable with Last-Event-ID. Layer: engine."""

from __future__ import annotations
