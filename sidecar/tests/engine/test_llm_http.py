"""The real OpenAI client path against a local OpenAI-compatible stub: structured output (tool and native modes),
retries on broken JSON, per-response usage, streaming, HTTP errors. No database. Layer: engine (tests).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from engine_support import CLAIMS
from llm_stub import openai_stub
from pydantic_ai.models import override_allow_model_requests

from sidecar.engine.llm.pydantic_engine import PydanticAIEngine
from sidecar.engine.llm.settings import llm_settings

pytestmark = [pytest.mark.http, pytest.mark.llm]
TEXT = "The cache cut the median latency to 12 ms after the rollout in March."
GOOD = {"summary": "cache", "claims": [{"text": "faster", "evidence": "cut the median latency to 12 ms"}]}


@pytest.fixture
def allow() -> Iterator[None]:
    with override_allow_model_requests(True):
        yield


def engine_for(base_url: str, monkeypatch: pytest.MonkeyPatch, **env: str) -> PydanticAIEngine:
    monkeypatch.setenv("SIDECAR_LLM_PROVIDER", "openai-compatible")
    monkeypatch.setenv("SIDECAR_LLM_BASE_URL", base_url)
    monkeypatch.setenv("SIDECAR_LLM_MODEL", "stub-model")
    monkeypatch.setenv("SIDECAR_LLM_TRANSPORT_RETRIES", "0")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return PydanticAIEngine.from_settings(llm_settings())


def no_problems(_: object) -> list[str]:
    return []


async def test_tool_output_and_usage(allow, monkeypatch) -> None:
    with openai_stub([GOOD]) as (url, state):
        run = await engine_for(url, monkeypatch).run(CLAIMS, TEXT, no_problems)
    assert run.error is None and run.output.claims[0].evidence == GOOD["claims"][0]["evidence"]
    req = state.requests[0]
    assert req["model"] == "stub-model" and req["tools"][0]["type"] == "function"
    assert TEXT in str(req["messages"]) and req["max_completion_tokens"] == CLAIMS.max_output_tokens
    assert len(run.responses) == 1
    usage = run.responses[0]
    assert usage.outcome == "ok" and usage.input_tokens == len(json.dumps(req["messages"])) // 4
    assert usage.output_tokens > 0


async def test_broken_json_is_retried_with_feedback(allow, monkeypatch) -> None:
    with openai_stub(['{"summary": "cache", "claims": [', GOOD]) as (url, state):
        run = await engine_for(url, monkeypatch).run(CLAIMS, TEXT, no_problems)
    assert run.error is None and len(state.requests) == 2
    assert [r.outcome for r in run.responses] == ["invalid_output", "ok"]
    assert len(state.requests[1]["messages"]) > len(state.requests[0]["messages"])


async def test_grounding_failures_exhaust_bounded_retries(allow, monkeypatch) -> None:
    with openai_stub([GOOD]) as (url, state):
        run = await engine_for(url, monkeypatch, SIDECAR_LLM_OUTPUT_RETRIES="1").run(
            CLAIMS, TEXT, lambda _: ["evidence not in the text"]
        )
    assert run.output is None and run.error_kind == "invalid_output" and len(state.requests) == 2
    assert "evidence not in the text" in str(state.requests[1]["messages"])
    assert [r.outcome for r in run.responses] == ["invalid_output", "invalid_output"]


async def test_streaming_with_usage(allow, monkeypatch) -> None:
    with openai_stub([GOOD]) as (url, state):
        run = await engine_for(url, monkeypatch, SIDECAR_LLM_STREAM="1").run(CLAIMS, TEXT, no_problems)
    assert state.requests[0]["stream"] is True
    assert state.requests[0]["stream_options"] == {"include_usage": True}
    assert run.error is None and run.output.summary == "cache"
    assert run.responses[0].input_tokens > 0 and run.responses[0].output_tokens > 0


async def test_native_mode_sends_json_schema(allow, monkeypatch) -> None:
    with openai_stub([GOOD]) as (url, state):
        run = await engine_for(url, monkeypatch, SIDECAR_LLM_OUTPUT_MODE="native").run(CLAIMS, TEXT, no_problems)
    assert run.error is None
    assert state.requests[0]["response_format"]["type"] == "json_schema" and "tools" not in state.requests[0]


async def test_http_errors_are_transport_failures(allow, monkeypatch) -> None:
    with openai_stub([500]) as (url, _):
        run = await engine_for(url, monkeypatch).run(CLAIMS, TEXT, no_problems)
    assert run.output is None and run.error_kind == "transport"


async def test_requests_are_refused_when_disallowed(monkeypatch) -> None:
    with openai_stub([GOOD]) as (url, state):
        with pytest.raises(RuntimeError, match="ALLOW_MODEL_REQUESTS"):
            await engine_for(url, monkeypatch).run(CLAIMS, TEXT, no_problems)
    assert state.requests == []


def test_providers_by_configuration(monkeypatch) -> None:
    from sidecar.engine.llm.factory import get_engine, reset_engine

    reset_engine()
    monkeypatch.delenv("SIDECAR_LLM_PROVIDER", raising=False)
    assert get_engine() is None
    monkeypatch.setenv("SIDECAR_LLM_PROVIDER", "anthropic")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    monkeypatch.setenv("SIDECAR_LLM_MODEL", "claude-sonnet-4-5")
    anthropic = get_engine()
    assert type(anthropic.model).__name__ == "AnthropicModel" and anthropic.provider == "anthropic"
    monkeypatch.setenv("SIDECAR_LLM_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    monkeypatch.setenv("SIDECAR_LLM_MODEL", "gpt-4o-mini")
    openai = get_engine()
    assert type(openai.model).__name__ == "OpenAIChatModel" and openai.model_name == "gpt-4o-mini"
    monkeypatch.setenv("SIDECAR_LLM_PROVIDER", "litellm")
    with pytest.raises(ValueError, match="SIDECAR_LLM_PROVIDER"):
        get_engine()
