"""One derivation, end to end, as the job's principal: short read transaction → interpreter (a model call outside
any transaction, inside a global LLM slot, after an atomic budget reservation) → validate with the registered
model → verify evidence quotes → short idempotent write + the vertical's reducer → NOTIFY (by trigger).

Layer: engine. Delivery is at least once: a finished derivation is left alone; a retried one reuses its row.
"""

from __future__ import annotations

import inspect
import json
import logging
from typing import Any

import psycopg
from pydantic import BaseModel, ValidationError

from sidecar.chassis import metrics
from sidecar.chassis.jobs.app import PermanentJobError, RetryLater
from sidecar.chassis.jobs.runtime import as_job, get_runtime
from sidecar.chassis.jobs.semaphore import llm_slot
from sidecar.engine import registry
from sidecar.engine.evidence import QuoteMatch, verify_evidence
from sidecar.engine.llm.factory import get_engine
from sidecar.engine.llm.port import LLMEngine
from sidecar.engine.registry import CaptureInput, Interpreter

log = logging.getLogger("sidecar.engine")
NO_LLM = "skipped: no LLM is configured (set SIDECAR_LLM_PROVIDER); this interpreter needs a model"


class TransientModelError(Exception):
    """The model call failed in a way a later attempt may not (transport, timeout): the job is retried."""


async def _finish(derivation_id: str, status: str, *, payload: Any = None, evidence: list[QuoteMatch] | None = None,
                  usage: dict[str, Any] | None = None, cost: int = 0, error: str | None = None,
                  reducer_input: tuple[Interpreter, CaptureInput] | None = None) -> str:  # fmt: skip
    async with as_job() as conn:
        cur = await conn.execute(
            "select engine.derivation_finish_v1(%s, %s, %s::jsonb, %s::jsonb, %s::jsonb, %s, %s)",
            (derivation_id, status, json.dumps(payload) if payload is not None else None,
             json.dumps([e.as_json() for e in evidence or []]), json.dumps(usage or {}), cost, error),
        )  # fmt: skip
        stored = (await cur.fetchone())[0]
        if stored and reducer_input and reducer_input[0].reducer and status in ("done", "needs_review"):
            interpreter, capture = reducer_input
            await interpreter.reducer(conn, capture, derivation_id, payload)
    return status


async def fail_derivation(derivation_id: str, error: str) -> None:
    """Mark a derivation failed (the job's last attempt ended in an unexpected error)."""
    await _finish(derivation_id, "failed", error=error)


def _estimate_tokens(interpreter: Interpreter, text: str) -> tuple[int, int]:
    prompt_chars = len(text) + len(interpreter.instructions or "") + len(json.dumps(interpreter.output_schema))
    return prompt_chars // 3 + 64, interpreter.max_output_tokens


async def _call_model(engine: LLMEngine, interpreter: Interpreter, capture: CaptureInput, derivation_id: str,
                      attempt: int) -> tuple[BaseModel | None, dict[str, Any], int, str | None]:  # fmt: skip
    """Reserve → ledger row → model call (no transaction held) → ledger + settle. Returns output, usage, cost,
    error (a permanent error message; transient failures raise)."""
    runs = engine.output_retries + 1
    est_in, est_out = _estimate_tokens(interpreter, capture.content)
    async with as_job() as conn:
        cur = await conn.execute(
            "select engine.budget_reserve_v1(%s, %s, %s, %s, %s)",
            (derivation_id, engine.provider, engine.model_name, est_in * runs, est_out * runs),
        )
        reservation = (await cur.fetchone())[0]
        if reservation.get("paused"):
            await conn.execute("select engine.derivation_defer_v1(%s, %s)", (derivation_id, reservation["message"]))
        else:
            cur = await conn.execute(
                "select engine.llm_call_start_v1(%s, %s, %s, %s, %s)",
                (derivation_id, attempt, engine.provider, engine.model_name, engine.endpoint),
            )
            call_id = (await cur.fetchone())[0]
    if reservation.get("paused"):
        raise RetryLater(reservation["message"])  # after the commit: the trip is recorded

    def grounding(output: BaseModel) -> list[str]:
        checks = verify_evidence(output.model_dump(mode="json"), interpreter.evidence_paths, capture.content)
        return [
            f"evidence {m.path!r} is not in the source text: {m.quote!r}" for m in checks if m.status == "not_found"
        ]

    runtime = get_runtime()
    async with llm_slot(runtime.pool, runtime.settings.llm_slots):
        run = await engine.run(interpreter, capture.content, grounding)
    async with as_job() as conn:
        cur = await conn.execute(
            "select engine.llm_call_finish_v1(%s, %s::jsonb)",
            (call_id, json.dumps([r.as_json() for r in run.responses])),
        )
        cost = int((await cur.fetchone())[0])
        await conn.execute("select engine.budget_settle_v1(%s, %s)", (reservation["reservation_id"], cost))
    usage = {
        "requests": len(run.responses),
        "input_tokens": sum(r.input_tokens for r in run.responses),
        "output_tokens": sum(r.output_tokens for r in run.responses),
        "provider": engine.provider,
        "model": engine.model_name,
        "price_version": reservation.get("price_version"),
    }
    metrics.observe_llm_call(
        engine.model_name,
        sum(r.latency_ms for r in run.responses) / 1000,
        usage["input_tokens"],
        usage["output_tokens"],
        cost,
    )
    if run.error_kind in ("transport", "timeout"):
        raise TransientModelError(run.error or "model call failed")
    return run.output, usage, cost, run.error


async def run_derivation(derivation_id: str, *, last_attempt: bool = False) -> str:
    """Run one derivation; returns its final status (or raises for a retry)."""
    async with as_job() as conn:
        cur = await conn.execute("select engine.derivation_start_v1(%s)", (derivation_id,))
        info = (await cur.fetchone())[0]
        if info["finished"]:
            return info["status"]
        interpreter = registry.get(info["kind"], info["version"])
        capture = CaptureInput(**info["capture"])
        if interpreter is None:
            error = f"interpreter {info['kind']} version {info['version']} is not installed in this worker"
            loaded = None
        else:
            error = None
            loaded = await interpreter.load(conn, capture) if interpreter.load else None
    if interpreter is None:
        return await _finish(derivation_id, "failed", error=error)

    usage: dict[str, Any] = {}
    cost = 0
    try:
        if interpreter.deterministic:
            raw = interpreter.derive(capture, loaded)  # type: ignore[misc]
            raw = await raw if inspect.isawaitable(raw) else raw
            output: BaseModel | None = (
                raw if isinstance(raw, interpreter.output) else interpreter.output.model_validate(raw)
            )
        else:
            engine = get_engine()
            if engine is None:
                return await _finish(derivation_id, "skipped", error=NO_LLM)
            try:
                output, usage, cost, error = await _call_model(engine, interpreter, capture, derivation_id,
                                                               int(info["attempts"]))  # fmt: skip
            except psycopg.Error as exc:
                if exc.sqlstate == "PT402":
                    return await _finish(derivation_id, "failed", error=exc.diag.message_primary)
                raise
            if output is None:
                return await _finish(derivation_id, "failed", usage=usage, cost=cost, error=error)
            output = interpreter.output.model_validate(output.model_dump())
    except ValidationError as exc:
        return await _finish(derivation_id, "failed", usage=usage, cost=cost, error=f"invalid output: {exc}")
    except TransientModelError as exc:
        if last_attempt:
            return await _finish(derivation_id, "failed", usage=usage, cost=cost, error=str(exc))
        raise

    payload = output.model_dump(mode="json")
    evidence = verify_evidence(payload, interpreter.evidence_paths, capture.content)
    status = "done" if all(m.verified for m in evidence) else "needs_review"
    log.info("derivation %s %s", derivation_id, status, extra={"data": {"kind": interpreter.kind, "cost": cost}})
    return await _finish(derivation_id, status, payload=payload, evidence=evidence, usage=usage, cost=cost,
                         reducer_input=(interpreter, capture))  # fmt: skip


__all__ = ["NO_LLM", "PermanentJobError", "TransientModelError", "fail_derivation", "run_derivation"]
