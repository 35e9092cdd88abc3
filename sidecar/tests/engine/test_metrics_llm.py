"""An LLM derivation records the chassis metrics series: latency, tokens both ways and cost per model.
Layer: chassis (tests, using the engine's pipeline fixtures)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from engine_support import capture, derivation, drain
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from sidecar.chassis.metrics import REGISTRY
from sidecar.engine.llm.factory import reset_engine, use_engine
from sidecar.engine.llm.pydantic_engine import PydanticAIEngine

pytestmark = [pytest.mark.db, pytest.mark.llm]
TEXT = "The team measured a latency of 42 ms at the 99th percentile."
OUTPUT = {"summary": "latency", "claims": [{"text": "p99", "evidence": "a latency of 42 ms at the 99th percentile"}]}


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_llm_call_is_measured(runtime, admin_db) -> None:
    def respond(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, json.dumps(OUTPUT))])

    model: Any = FunctionModel(respond)
    reset_engine()
    use_engine(PydanticAIEngine(model, provider="test", model_name="metrics-model", output_retries=0))
    try:
        before = {
            "calls": sample("stance_llm_call_duration_seconds_count", model="metrics-model"),
            "in": sample("stance_llm_tokens_total", model="metrics-model", direction="input"),
            "cost": sample("stance_llm_cost_microusd_total", model="metrics-model"),
        }
        made = capture(admin_db, "olivia", "acme", "test.claims", TEXT)
        await drain(runtime)
        d = derivation(admin_db, made["derivation_id"])
        assert d["status"] == "done", d["error"]
    finally:
        reset_engine()
    assert sample("stance_llm_call_duration_seconds_count", model="metrics-model") == before["calls"] + 1
    assert sample("stance_llm_tokens_total", model="metrics-model", direction="input") > before["in"]
    assert sample("stance_llm_cost_microusd_total", model="metrics-model") == before["cost"] + d["cost_micro_usd"]
