"""The engine's port to language models: what a run returns, independent of the library behind it.

Layer: engine. One `ResponseUsage` per model response (success or not) becomes one usage-ledger row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from sidecar.engine.registry import Interpreter

# Returns the problems of an output (e.g. evidence quotes not found in the text); any problem → retry with feedback.
Grounding = Callable[[BaseModel], list[str]]


@dataclass(frozen=True)
class ResponseUsage:
    outcome: str  # ok | invalid_output | error | timeout
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    latency_ms: int = 0
    model: str | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LLMRun:
    """The outcome of one interpreter run: the validated output, or the error; every response's usage."""

    output: BaseModel | None
    responses: list[ResponseUsage] = field(default_factory=list)
    error: str | None = None
    error_kind: str | None = None  # invalid_output (permanent) | transport | timeout (retry the job)


class LLMEngine(Protocol):
    provider: str
    model_name: str
    endpoint: str | None
    output_retries: int

    async def run(self, interpreter: Interpreter, text: str, grounding: Grounding) -> LLMRun: ...
