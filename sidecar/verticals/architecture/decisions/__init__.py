"""Architecture decision records: Markdown import/export and HTTP endpoints. Layer: vertical (architecture)."""

from __future__ import annotations
