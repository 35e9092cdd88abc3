"""Interpreters the architecture vertical registers with the engine (mentions, insights). Layer: vertical."""

from __future__ import annotations
