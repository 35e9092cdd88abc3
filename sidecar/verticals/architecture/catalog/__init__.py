"""Pattern catalog: Layra export parser, slugs, sources and import service. Layer: vertical (architecture)."""

from __future__ import annotations
