"""Feed ingestion for the architecture vertical: decode, parse, sanitise, identify, schedule, fetch. Layer: vertical."""

from __future__ import annotations
