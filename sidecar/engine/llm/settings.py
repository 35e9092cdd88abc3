"""LLM provider configuration from SIDECAR_LLM_* environment; no provider → LLM interpreters are skipped.

Layer: engine. SIDECAR_LLM_PROVIDER: `openai` | `anthropic` | `openai-compatible` (any OpenAI-compatible base URL:
Ollama, vLLM, llama.cpp server) | unset/`none`. The API key is read from the variable named by
SIDECAR_LLM_API_KEY_ENV (default OPENAI_API_KEY / ANTHROPIC_API_KEY), never stored in settings files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

PROVIDERS = ("openai", "anthropic", "openai-compatible")
OUTPUT_MODES = ("tool", "native", "prompted")
_DEFAULT_KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "openai-compatible": "LLM_API_KEY"}


@dataclass(frozen=True)
class LLMSettings:
    provider: str | None
    model: str
    base_url: str | None
    api_key: str | None
    output_mode: str
    timeout_s: float
    output_retries: int
    transport_retries: int
    stream: bool

    @property
    def configured(self) -> bool:
        return self.provider is not None


def llm_settings() -> LLMSettings:
    """Read the environment (cheap; read per use so tests and operators can change it)."""
    provider = (os.environ.get("SIDECAR_LLM_PROVIDER") or "").strip().lower() or None
    if provider == "none":
        provider = None
    if provider is not None and provider not in PROVIDERS:
        raise ValueError(f"SIDECAR_LLM_PROVIDER must be one of {', '.join(PROVIDERS)} or none, not {provider!r}")
    mode = os.environ.get("SIDECAR_LLM_OUTPUT_MODE", "tool")
    if mode not in OUTPUT_MODES:
        raise ValueError(f"SIDECAR_LLM_OUTPUT_MODE must be one of {', '.join(OUTPUT_MODES)}")
    key_env = os.environ.get("SIDECAR_LLM_API_KEY_ENV") or _DEFAULT_KEY_ENV.get(provider or "", "")
    return LLMSettings(
        provider=provider,
        model=os.environ.get("SIDECAR_LLM_MODEL", "gpt-4o-mini"),
        base_url=os.environ.get("SIDECAR_LLM_BASE_URL") or None,
        api_key=os.environ.get(key_env) if key_env else None,
        output_mode=mode,
        timeout_s=float(os.environ.get("SIDECAR_LLM_TIMEOUT_S", "60")),
        output_retries=int(os.environ.get("SIDECAR_LLM_OUTPUT_RETRIES", "2")),
        transport_retries=int(os.environ.get("SIDECAR_LLM_TRANSPORT_RETRIES", "2")),
        stream=os.environ.get("SIDECAR_LLM_STREAM", "") in ("1", "true", "yes"),
    )
