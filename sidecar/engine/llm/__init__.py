"""The LLM layer: provider configuration, a project-owned port, and the one pydantic-ai adapter. Layer: engine."""

from __future__ import annotations
