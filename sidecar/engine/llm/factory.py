"""Which LLM engine the worker uses: the configured provider, a test's injected engine, or none. Layer: engine."""

from __future__ import annotations

from sidecar.engine.llm.port import LLMEngine
from sidecar.engine.llm.settings import llm_settings

_override: list[LLMEngine | None] = []


def use_engine(engine: LLMEngine | None) -> None:
    """Force an engine (tests, benchmarks); `reset_engine()` goes back to configuration."""
    _override[:] = [engine]


def reset_engine() -> None:
    _override.clear()


def get_engine() -> LLMEngine | None:
    """The injected engine, else one built from SIDECAR_LLM_* settings, else None (no LLM configured)."""
    if _override:
        return _override[0]
    settings = llm_settings()
    if not settings.configured:
        return None
    from sidecar.engine.llm.pydantic_engine import PydanticAIEngine

    return PydanticAIEngine.from_settings(settings)
