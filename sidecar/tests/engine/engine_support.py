"""Engine test support: test interpreters, SQL registration, acting as a member, draining the queue in-process.

Layer: engine (tests). Imported by the engine tests and their conftest (a unique module name on sys.path).
"""

from __future__ import annotations

import json
import os
from typing import Any

import psycopg
from pydantic import BaseModel

from sidecar.chassis.jobs.app import jobs_app
from sidecar.chassis.jobs.middleware import principal_middleware
from sidecar.chassis.jobs.runtime import Runtime
from sidecar.engine.registry import CaptureInput, Interpreter

SECRET = "engine-test-secret-0123456789abcdef0123"


class Words(BaseModel):
    """Deterministic test interpreter output: word count and the first sentence as evidence."""

    count: int
    summary: str
    evidence: list[str]


class Claim(BaseModel):
    text: str
    evidence: str


class Claims(BaseModel):
    """LLM test interpreter output: claims each backed by a verbatim quote."""

    summary: str
    claims: list[Claim]


def derive_words(capture: CaptureInput, _: Any) -> dict[str, Any]:
    first = capture.content.split(".")[0].strip()
    return {"count": len(capture.content.split()), "summary": first[:40], "evidence": [first]}


WORDS = Interpreter(kind="test.words", version="1", output=Words, derive=derive_words, evidence_paths=("evidence",))
WORDS_V2 = Interpreter(
    kind="test.words", version="2", output=Words,
    derive=lambda c, _: {**derive_words(c, None), "summary": "v2 " + derive_words(c, None)["summary"]},
    evidence_paths=("evidence",),
)  # fmt: skip
CLAIMS = Interpreter(
    kind="test.claims", version="1", output=Claims, instructions="List the claims of the text with evidence.",
    evidence_paths=("claims[].evidence",), max_output_tokens=256,
)  # fmt: skip


def register_sql(conn: psycopg.Connection, it: Interpreter) -> None:
    conn.execute(
        "select engine.register_interpreter(%s, %s, %s::jsonb, %s, %s)",
        (it.kind, it.version, json.dumps(it.output_schema), it.model_label, it.prompt_hash),
    )


def sidecar_conninfo(db: str) -> str:
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=sidecar dbname={db}"


async def drain(runtime: Runtime, queues: list[str] | None = None) -> None:
    """Run every runnable job, in this process, until the queues are empty."""
    await jobs_app.run_worker_async(
        queues=queues, wait=False, concurrency=2, worker_middleware=[principal_middleware],
        install_signal_handlers=False, listen_notify=False,
    )  # fmt: skip


def claims(admin: psycopg.Connection, sub: str, tenant: str | None) -> dict[str, Any]:
    return admin.execute("select tests.claims(%s, %s)", (sub, tenant)).fetchone()[0]


def as_member(admin: psycopg.Connection, sub: str, tenant: str) -> None:
    """Start a transaction on `admin` acting as the member (role + claims + pre_request), like PostgREST."""
    admin.execute("begin")
    admin.execute("select tests.authenticate_as(%s, %s)", (sub, tenant))


def capture(admin: psycopg.Connection, sub: str, tenant: str, kind: str, content: str) -> dict[str, Any]:
    """api.create_capture as the member, committed."""
    as_member(admin, sub, tenant)
    try:
        row = admin.execute("select api.create_capture('test', %s, %s)", (kind, content)).fetchone()[0]
        admin.execute("commit")
    except Exception:
        admin.execute("rollback")
        raise
    return row


def derivation(admin: psycopg.Connection, derivation_id: str) -> dict[str, Any]:
    row = admin.execute("select to_jsonb(d) from engine.derivations as d where d.id = %s", (derivation_id,)).fetchone()
    return row[0]


def job_status(admin: psycopg.Connection, job_id: int) -> tuple[str, int]:
    return admin.execute(
        "select status::text, attempts from procrastinate.procrastinate_jobs where id = %s", (job_id,)
    ).fetchone()
