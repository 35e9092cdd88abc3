"""Crash safety: a worker killed with SIGKILL in the middle of a model call → the stalled job is recovered and
retried by another worker, exactly one derivation results, and the usage ledger shows both attempts.
Layer: engine (tests) — real worker subprocesses, the real OpenAI client against the local stub.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from engine_support import SECRET, capture, derivation, job_status, sidecar_conninfo
from llm_stub import openai_stub

from sidecar.chassis.jobs.maintenance import recover_stalled

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.llm]
HERE = Path(__file__).resolve().parent
TEXT = "The worker died in the middle of this call. The retry must not duplicate anything."
GOOD = {"summary": "crash", "claims": [{"text": "retry", "evidence": "The retry must not duplicate anything"}]}


def start_worker(db: str, base_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SIDECAR_DATABASE_URL": sidecar_conninfo(db),
        "PGRST_JWT_SECRET": SECRET,
        "SIDECAR_VERTICALS": "",
        "SIDECAR_LLM_PROVIDER": "openai-compatible",
        "SIDECAR_LLM_BASE_URL": base_url,
        "SIDECAR_LLM_MODEL": "stub-model",
        "SIDECAR_HEARTBEAT_SECONDS": "0.5",
        "SIDECAR_STALLED_AFTER_SECONDS": "2",
        "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parents[2])]),
    }
    out = log.open("ab")
    return subprocess.Popen(
        [sys.executable, str(HERE / "worker_main.py"), "--queues", "llm", "--concurrency", "1"],
        env=env, stdout=out, stderr=out,
    )  # fmt: skip


def tail(log: Path) -> str:
    return log.read_text()[-4000:]


async def wait_for(predicate, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out; worker log:\n" + tail(log))
        await asyncio.sleep(0.1)


async def test_sigkill_mid_call_recovers_with_one_derivation(runtime, engine_db, admin_db, tmp_path: Path) -> None:
    made = capture(admin_db, "olivia", "acme", "test.claims", TEXT)
    log = tmp_path / "worker.log"
    with openai_stub([GOOD], delay=3.0) as (url, state):
        first = start_worker(engine_db, url, log)
        try:
            await wait_for(lambda: len(state.requests) == 1, log)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        assert job_status(admin_db, made["job_id"])[0] == "doing"
        started = admin_db.execute(
            "select attempt, outcome from engine.llm_calls where derivation_id = %s", (made["derivation_id"],)
        ).fetchall()
        assert started == [(1, "started")]

        await asyncio.sleep(2.5)  # the killed worker's heartbeat is now stale
        assert await recover_stalled(2) == [made["job_id"]]
        assert job_status(admin_db, made["job_id"])[0] == "todo"

        second = start_worker(engine_db, url, log)
        try:
            await wait_for(
                lambda: derivation(admin_db, made["derivation_id"])["status"] not in ("queued", "running"), log
            )
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(15)
    d = derivation(admin_db, made["derivation_id"])
    assert d["status"] == "done", (d["error"], tail(log))
    assert d["attempts"] == 2
    assert (
        admin_db.execute(
            "select count(*) from engine.derivations where capture_id = %s", (made["capture_id"],)
        ).fetchone()[0]
        == 1
    )
    ledger = admin_db.execute(
        "select attempt, outcome from engine.llm_calls where derivation_id = %s order by id", (made["derivation_id"],)
    ).fetchall()
    assert ledger == [(1, "started"), (2, "ok")]
    assert job_status(admin_db, made["job_id"]) == ("succeeded", 2)
    assert len(state.requests) == 2
