"""The one module that imports pydantic-ai: models per provider, structured output with bounded retries on
invalid output (grounding problems fed back as ModelRetry), per-response usage. Layer: engine.

Transport retries (429/5xx) stay inside the provider SDK clients (`max_retries`), apart from validation retries.
Tests inject pydantic-ai's `FunctionModel`/`TestModel` through `PydanticAIEngine(model=...)`, or point
`SIDECAR_LLM_BASE_URL` at a local OpenAI-compatible stub so the real HTTP client path runs.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
from anthropic import AsyncAnthropic
from openai import AsyncOpenAI
from pydantic import BaseModel
from pydantic_ai import Agent, ModelRetry, RunContext, UnexpectedModelBehavior, capture_run_messages
from pydantic_ai.exceptions import ModelAPIError, ModelHTTPError, UsageLimitExceeded
from pydantic_ai.messages import ModelMessage, ModelResponse
from pydantic_ai.models import Model
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.output import NativeOutput, PromptedOutput, ToolOutput
from pydantic_ai.providers.anthropic import AnthropicProvider
from pydantic_ai.providers.openai import OpenAIProvider
from pydantic_ai.providers.openai_compatible import OpenAICompatibleProvider
from pydantic_ai.usage import UsageLimits

from sidecar.engine.llm.port import Grounding, LLMEngine, LLMRun, ResponseUsage
from sidecar.engine.llm.settings import LLMSettings
from sidecar.engine.registry import Interpreter

PROMPT = "Interpret the source text below. Quote evidence verbatim from it.\n\n<source>\n{text}\n</source>"


def build_model(settings: LLMSettings) -> Model:
    """The pydantic-ai model for the configured provider (timeouts and transport retries on the SDK client)."""
    if settings.provider == "anthropic":
        client = AsyncAnthropic(
            api_key=settings.api_key, base_url=settings.base_url, timeout=settings.timeout_s,
            max_retries=settings.transport_retries,
        )  # fmt: skip
        return AnthropicModel(settings.model, provider=AnthropicProvider(anthropic_client=client))
    client = AsyncOpenAI(
        api_key=settings.api_key or "not-needed", base_url=settings.base_url, timeout=settings.timeout_s,
        max_retries=settings.transport_retries,
    )  # fmt: skip
    if settings.provider == "openai-compatible":
        provider: Any = OpenAICompatibleProvider(name="openai-compatible", openai_client=client)
    else:
        provider = OpenAIProvider(openai_client=client)
    return OpenAIChatModel(settings.model, provider=provider)


def _output_type(mode: str, model: type[BaseModel]) -> Any:
    if mode == "native":
        return NativeOutput(model)
    if mode == "prompted":
        return PromptedOutput(model)
    return ToolOutput(model)


def _usage(responses: list[ModelResponse], final_outcome: str, latencies: list[int]) -> list[ResponseUsage]:
    out: list[ResponseUsage] = []
    for n, resp in enumerate(responses):
        u = resp.usage
        outcome = final_outcome if n == len(responses) - 1 else "invalid_output"
        out.append(
            ResponseUsage(
                outcome=outcome, input_tokens=u.input_tokens, output_tokens=u.output_tokens,
                cache_read_tokens=u.cache_read_tokens, cache_write_tokens=u.cache_write_tokens,
                latency_ms=latencies[n] if n < len(latencies) else 0, model=resp.model_name,
            )
        )  # fmt: skip
    return out


class PydanticAIEngine(LLMEngine):
    """Runs interpreters on one model; `provider`/`model_name` are what the usage ledger and prices key on."""

    def __init__(
        self,
        model: Model,
        *,
        provider: str,
        model_name: str,
        endpoint: str | None = None,
        output_mode: str = "tool",
        output_retries: int = 2,
        timeout_s: float = 60.0,
        stream: bool = False,
    ) -> None:
        self.model = model
        self.provider = provider
        self.model_name = model_name
        self.endpoint = endpoint
        self.output_mode = output_mode
        self.output_retries = output_retries
        self.timeout_s = timeout_s
        self.stream = stream

    @classmethod
    def from_settings(cls, settings: LLMSettings) -> PydanticAIEngine:
        return cls(
            build_model(settings), provider=settings.provider or "none", model_name=settings.model,
            endpoint=settings.base_url, output_mode=settings.output_mode, output_retries=settings.output_retries,
            timeout_s=settings.timeout_s, stream=settings.stream,
        )  # fmt: skip

    def _agent(self, interpreter: Interpreter, grounding: Grounding) -> Agent[None, Any]:
        agent: Agent[None, Any] = Agent(
            output_type=_output_type(self.output_mode, interpreter.output),
            instructions=interpreter.instructions,
            retries=self.output_retries,
        )

        @agent.output_validator
        def grounded(ctx: RunContext[None], output: Any) -> Any:
            if ctx.partial_output:
                return output
            problems = grounding(output)
            if problems:
                raise ModelRetry("Fix these problems and answer again:\n- " + "\n- ".join(problems))
            return output

        return agent

    async def _execute(self, agent: Agent[None, Any], prompt: str, settings: dict[str, Any]) -> Any:
        limits = UsageLimits(request_limit=self.output_retries + 1)
        if self.stream:
            async with agent.run_stream(prompt, model=self.model, usage_limits=limits, model_settings=settings) as res:
                return await res.get_output()
        result = await agent.run(prompt, model=self.model, usage_limits=limits, model_settings=settings)
        return result.output

    async def run(self, interpreter: Interpreter, text: str, grounding: Grounding) -> LLMRun:
        """One interpreter run; never raises for model misbehaviour or transport failure (see LLMRun.error_kind)."""
        agent = self._agent(interpreter, grounding)
        settings: dict[str, Any] = {"max_tokens": interpreter.max_output_tokens, "timeout": self.timeout_s}
        started = time.perf_counter()
        output: Any = None
        error: str | None = None
        kind: str | None = None
        outcome = "ok"
        with capture_run_messages() as messages:
            try:
                output = await asyncio.wait_for(
                    self._execute(agent, PROMPT.format(text=text), settings),
                    timeout=self.timeout_s * (self.output_retries + 1),
                )
            except (UnexpectedModelBehavior, UsageLimitExceeded) as exc:
                error, kind, outcome = str(exc), "invalid_output", "invalid_output"
            except (TimeoutError, httpx.TimeoutException) as exc:
                error, kind, outcome = f"model call timed out: {exc}", "timeout", "timeout"
            except (ModelHTTPError, ModelAPIError, httpx.HTTPError) as exc:
                error, kind, outcome = f"model call failed: {exc}", "transport", "error"
        responses = _responses(messages)
        elapsed = int((time.perf_counter() - started) * 1000)
        per = [elapsed // max(1, len(responses))] * len(responses)
        return LLMRun(output=output, responses=_usage(responses, outcome, per), error=error, error_kind=kind)


def _responses(messages: list[ModelMessage]) -> list[ModelResponse]:
    return [m for m in messages if isinstance(m, ModelResponse)]
