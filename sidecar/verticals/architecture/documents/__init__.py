"""Pasted or uploaded documents (Markdown, HTML, text) as articles and engine captures. Layer: vertical."""

from __future__ import annotations
