"""Verticals: one Litestar plugin per product vertical, loaded by name from SIDECAR_VERTICALS. Layer: vertical."""

from __future__ import annotations
