"""The architecture vertical (catalog, radar, search, advisor, feeds, ADRs). Layer: vertical."""

from __future__ import annotations
