"""The derivation pipeline against the real schema, jobs drained in-process: deterministic and LLM interpreters
(pydantic-ai FunctionModel), evidence grounding, idempotency, no-LLM skip, budgets, breaker, corrections and
re-derivation. Layer: engine (tests).
"""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest
from engine_support import (
    WORDS_V2,
    Words,
    as_member,
    capture,
    derivation,
    derive_words,
    drain,
    job_status,
    register_sql,
)
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from sidecar.engine import registry
from sidecar.engine.llm.factory import reset_engine, use_engine
from sidecar.engine.llm.pydantic_engine import PydanticAIEngine
from sidecar.engine.pipeline import NO_LLM
from sidecar.engine.registry import Interpreter

pytestmark = [pytest.mark.db, pytest.mark.llm]

TEXT = (
    "Stance keeps every earlier derivation. The team measured a latency of 42 ms at the 99th percentile. "
    "Corrections always win over machine output."
)


def scripted(outputs: list[dict[str, Any]], calls: list[int]) -> FunctionModel:
    """A model answering each request with the next scripted tool-call output."""

    def respond(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        calls.append(1)
        args = outputs[min(len(calls), len(outputs)) - 1]
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, json.dumps(args))])

    return FunctionModel(respond)


def engine(outputs: list[dict[str, Any]], calls: list[int]) -> PydanticAIEngine:
    return PydanticAIEngine(scripted(outputs, calls), provider="test", model_name="function", output_retries=2)


def claims_output(evidence: str) -> dict[str, Any]:
    return {"summary": "latency", "claims": [{"text": "p99 latency", "evidence": evidence}]}


GOOD = claims_output("measured a latency of 42 ms at the 99th percentile")
INVENTED = claims_output("a latency of 17 ms was reported by users")
TYPO = claims_output("measured a latency of 43 ms at the 99th percentile")


@pytest.fixture(autouse=True)
def _no_engine():
    reset_engine()
    yield
    reset_engine()


async def test_deterministic_derivation_runs_and_notifies(runtime, admin_db: psycopg.Connection) -> None:
    made = capture(admin_db, "olivia", "acme", "test.words", TEXT)
    assert made["status"] == "queued" and made["job_id"]
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "done"
    assert d["payload"]["count"] == len(TEXT.split())
    assert d["evidence"][0]["status"] == "verified" and d["evidence"][0]["method"] == "exact"
    assert job_status(admin_db, made["job_id"]) == ("succeeded", 1)
    events = admin_db.execute(
        "select status from engine.events where derivation_id = %s order by id", (made["derivation_id"],)
    ).fetchall()
    assert [e[0] for e in events] == ["queued", "running", "done"]


async def test_duplicate_content_is_deduplicated_and_rerun_is_idempotent(runtime, admin_db) -> None:
    text = "Deduplication keys on the content hash of each tenant. Nothing else."
    first = capture(admin_db, "olivia", "acme", "test.words", text)
    again = capture(admin_db, "adam", "acme", "test.words", text)
    assert again["capture_id"] == first["capture_id"] and again["deduplicated"] is True
    assert again["derivation_id"] == first["derivation_id"]
    other = capture(admin_db, "gary", "globex", "test.words", text)
    assert other["capture_id"] != first["capture_id"] and other["deduplicated"] is False
    await drain(runtime)
    # A second delivery of the same job (at-least-once) changes nothing.
    admin_db.execute("update procrastinate.procrastinate_jobs set status = 'todo' where id = %s", (first["job_id"],))
    await drain(runtime)
    n = admin_db.execute(
        "select count(*) from engine.derivations where capture_id = %s", (first["capture_id"],)
    ).fetchone()[0]
    assert n == 1
    assert derivation(admin_db, first["derivation_id"])["attempts"] == 1


async def test_llm_interpreter_is_skipped_without_a_model(runtime, admin_db) -> None:
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT + " (skip)")
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "skipped" and d["error"] == NO_LLM
    # Once a model is configured, re-deriving re-queues the skipped derivation (same row, same version).
    use_engine(engine([GOOD], []))
    as_member(admin_db, "olivia", "acme")
    result = admin_db.execute("select api.rederive('test.claims')").fetchone()[0]
    admin_db.execute("commit")
    assert result["queued"] >= 1 and result["remaining"] == 0
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "done" and d["error"] is None


async def test_llm_grounded_output_with_usage_and_cost(runtime, admin_db) -> None:
    calls: list[int] = []
    use_engine(engine([GOOD], calls))
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT + " (good)")
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "done", d["error"]
    assert d["evidence"][0]["path"] == "claims.0.evidence" and d["evidence"][0]["status"] == "verified"
    assert len(calls) == 1
    rows = admin_db.execute(
        "select outcome, input_tokens > 0, cost_micro_usd, price_version is not null from engine.llm_calls"
        " where derivation_id = %s", (made["derivation_id"],),
    ).fetchall()  # fmt: skip
    assert len(rows) == 1 and rows[0][0] == "ok" and rows[0][1] and rows[0][3]
    assert d["cost_micro_usd"] == rows[0][2] > 0
    budget = admin_db.execute(
        "select spent_micro_usd, reserved_micro_usd from engine.budgets where tenant_id = tests.tenant_id('acme')"
    ).fetchone()
    assert budget[0] >= rows[0][2] and budget[1] == 0


async def test_hallucinated_quote_is_retried_until_grounded(runtime, admin_db) -> None:
    calls: list[int] = []
    use_engine(engine([INVENTED, GOOD], calls))
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT + " (retry)")
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "done" and len(calls) == 2
    outcomes = admin_db.execute(
        "select outcome from engine.llm_calls where derivation_id = %s order by id", (made["derivation_id"],)
    ).fetchall()
    assert [o[0] for o in outcomes] == ["invalid_output", "ok"]


async def test_exhausted_retries_fail_and_are_billed(runtime, admin_db) -> None:
    calls: list[int] = []
    use_engine(engine([INVENTED], calls))
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT + " (exhausted)")
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "failed" and "retries" in d["error"]
    assert len(calls) == 3
    billed = admin_db.execute(
        "select count(*), sum(cost_micro_usd) from engine.llm_calls where derivation_id = %s",
        (made["derivation_id"],),
    ).fetchone()
    assert billed[0] == 3 and billed[1] > 0 and d["cost_micro_usd"] == billed[1]


async def test_fuzzy_quote_is_needs_review_never_verified(runtime, admin_db) -> None:
    calls: list[int] = []
    use_engine(engine([TYPO], calls))
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT + " (typo)")
    await drain(runtime)
    assert derivation(admin_db, made["derivation_id"])["status"] == "needs_review"
    as_member(admin_db, "mia", "acme")
    rows = admin_db.execute(
        "select status, method, verified from api.derivation_evidence where derivation_id = %s",
        (made["derivation_id"],),
    ).fetchall()
    admin_db.execute("rollback")
    assert rows == [("needs_review", "fuzzy", False)]


async def test_budget_exhausted_refuses_with_402_and_makes_no_call(runtime, admin_db) -> None:
    calls: list[int] = []
    use_engine(engine([GOOD], calls))
    gid = admin_db.execute("select tests.tenant_id('globex')").fetchone()[0]
    admin_db.execute(
        "insert into engine.budgets (tenant_id, limit_micro_usd) values (%s, 1000) on conflict (tenant_id)"
        " do update set limit_micro_usd = 1000", (gid,),
    )  # fmt: skip
    # Queued while there was room: the worker's reservation is refused, the derivation fails, no model call.
    made = capture(admin_db, "gary", "globex", "test.claims", TEXT + " (budget)")
    await drain(runtime)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "failed" and "budget exhausted" in d["error"] and calls == []
    admin_db.execute("update engine.budgets set spent_micro_usd = 1000 where tenant_id = %s", (gid,))
    with pytest.raises(psycopg.Error) as err:
        capture(admin_db, "gary", "globex", "test.claims", TEXT + " (budget 2)")
    assert err.value.sqlstate == "PT402"
    assert "resets on" in err.value.diag.message_primary
    assert calls == []
    # Deterministic interpreters are not metered.
    assert capture(admin_db, "gary", "globex", "test.words", TEXT + " (free)")["status"] == "queued"


async def test_breaker_trips_pauses_and_resets(runtime, admin_db) -> None:
    admin_db.execute("select tests.create_tenant('breakerco', 'bob')")
    tid = admin_db.execute("select tests.tenant_id('breakerco')").fetchone()[0]
    # Today's spend is far above the (floored) trailing average: the next reservation trips the breaker.
    admin_db.execute(
        "insert into engine.llm_calls (tenant_id, provider, model, outcome, cost_micro_usd)"
        " values (%s, 'test', 'function', 'ok', 5000000)", (tid,),
    )  # fmt: skip
    calls: list[int] = []
    use_engine(engine([GOOD], calls))
    made = capture(admin_db, "bob", "breakerco", "test.claims", TEXT + " (breaker)")
    await drain(runtime)
    assert calls == []
    assert job_status(admin_db, made["job_id"])[0] == "todo"  # deferred, not failed
    paused = derivation(admin_db, made["derivation_id"])
    assert paused["status"] == "queued" and "circuit breaker" in paused["error"]
    trips = admin_db.execute("select reset_at from engine.breaker_trips where tenant_id = %s", (tid,)).fetchall()
    assert trips == [(None,)]
    assert admin_db.execute(
        "select breaker_open_at is not null from engine.budgets where tenant_id = %s", (tid,)
    ).fetchone()[0]
    admin_db.execute("begin")
    admin_db.execute("select tests.as_operator()")
    admin_db.execute("select engine.reset_breaker(%s, 'reviewed the spike')", (tid,))
    admin_db.execute("commit")
    admin_db.execute(
        "update procrastinate.procrastinate_jobs set scheduled_at = now() where id = %s", (made["job_id"],)
    )
    await drain(runtime)
    assert derivation(admin_db, made["derivation_id"])["status"] == "done" and len(calls) == 1
    assert admin_db.execute("select reset_by from engine.breaker_trips where tenant_id = %s", (tid,)).fetchone()[0]


async def test_corrections_survive_rederivation(runtime, admin_db) -> None:
    text = "Corrections are kept forever. A second sentence follows here."
    made = capture(admin_db, "olivia", "acme", "test.words", text)
    await drain(runtime)
    as_member(admin_db, "mia", "acme")
    admin_db.execute(
        "select api.correct_derivation(%s, 'test.words', 'summary', '\"fixed by hand\"')", (made["capture_id"],)
    )
    admin_db.execute("commit")
    register_sql(admin_db, WORDS_V2)
    as_member(admin_db, "olivia", "acme")
    result = admin_db.execute("select api.rederive('test.words', null, 1)").fetchone()[0]
    admin_db.execute("commit")
    assert result["version"] == "2" and result["queued"] == 1
    while result["remaining"]:
        as_member(admin_db, "olivia", "acme")
        result = admin_db.execute("select api.rederive('test.words', null, 50)").fetchone()[0]
        admin_db.execute("commit")
    await drain(runtime)
    as_member(admin_db, "mia", "acme")
    shown = admin_db.execute(
        "select interpreter_version, value, corrected_paths from api.derived_values where capture_id = %s",
        (made["capture_id"],),
    ).fetchone()
    versions = admin_db.execute(
        "select interpreter_version, status from api.derivations where capture_id = %s order by 1",
        (made["capture_id"],),
    ).fetchall()
    progress = admin_db.execute(
        "select total, done from api.rederivation_progress where kind = 'test.words' and interpreter_version = '2'"
    ).fetchone()
    admin_db.execute("rollback")
    assert shown[0] == "2" and shown[1]["summary"] == "fixed by hand" and shown[2] == ["summary"]
    assert shown[1]["count"] == len(text.split())
    assert versions == [("1", "done"), ("2", "done")]
    assert progress[0] == progress[1] >= 1


async def test_reducer_runs_once_as_the_principal(runtime, admin_db) -> None:
    seen: list[tuple[str, str, int]] = []

    async def reducer(conn, capture, derivation_id, payload) -> None:
        row = await (await conn.execute("select current_user, chassis.envelope() ->> 'via'")).fetchone()
        seen.append((row[0], row[1], payload["count"]))

    reduced = Interpreter(kind="test.reduced", version="1", output=Words, derive=derive_words,
                          evidence_paths=("evidence",), reducer=reducer)  # fmt: skip
    register_sql(admin_db, reduced)
    registry.register(reduced)
    try:
        made = capture(admin_db, "adam", "acme", "test.reduced", "Reducers project derivations. Exactly once.")
        await drain(runtime)
        admin_db.execute("update procrastinate.procrastinate_jobs set status = 'todo' where id = %s", (made["job_id"],))
        await drain(runtime)
    finally:
        registry.unregister("test.reduced", "1")
    assert seen == [("authenticated", "worker", 5)]


async def test_unexpected_error_on_the_last_attempt_fails_the_derivation(runtime, admin_db) -> None:
    def broken_derive(capture, _):
        raise RuntimeError("interpreter bug")

    broken = Interpreter(kind="test.broken", version="1", output=Words, derive=broken_derive)
    register_sql(admin_db, broken)
    registry.register(broken)
    try:
        made = capture(admin_db, "adam", "acme", "test.broken", "This interpreter always crashes. Sadly.")
        admin_db.execute("update procrastinate.procrastinate_jobs set attempts = 4 where id = %s", (made["job_id"],))
        await drain(runtime)
    finally:
        registry.unregister("test.broken", "1")
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "failed" and d["error"] == "RuntimeError: interpreter bug"
    assert job_status(admin_db, made["job_id"]) == ("failed", 5)
