"""Forged or stale principals fail closed at every entry point: the queue tables, enqueue_job, the worker's
re-check (deactivated user, removed member, forged or missing principal). Layer: engine (tests) — chassis jobs.
"""

from __future__ import annotations

import json

import psycopg
import pytest
from engine_support import capture, derivation, drain, job_status

from sidecar.db import PrincipalRefused, as_principal

pytestmark = pytest.mark.db
TEXT = "A principal is re-checked before any work happens. Always."


def as_operator(admin: psycopg.Connection, sql: str, params: tuple = ()) -> None:
    admin.execute("begin")
    admin.execute("select tests.as_operator()")
    admin.execute(sql, params)
    admin.execute("commit")


def test_queue_tables_are_closed_to_api_roles(admin_db: psycopg.Connection) -> None:
    for role in ("authenticated", "anon"):
        admin_db.execute("begin")
        admin_db.execute(f"set local role {role}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin_db.execute(
                "insert into procrastinate.procrastinate_jobs (queue_name, task_name, args)"
                " values ('llm', 'derivations__run', '{}')"
            )
        admin_db.execute("rollback")
        admin_db.execute("begin")
        admin_db.execute(f"set local role {role}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin_db.execute("select procrastinate.procrastinate_defer_jobs_v1(array[]::text[])")
        admin_db.execute("rollback")


def test_enqueue_refuses_without_claims_or_with_mismatched_claims(admin_db: psycopg.Connection) -> None:
    admin_db.execute("begin")
    admin_db.execute("set local role authenticated")
    with pytest.raises(psycopg.Error) as err:
        admin_db.execute("select chassis.enqueue_job('derivations__run', '{}')")
    assert err.value.sqlstate == "PT401"
    admin_db.execute("rollback")
    # Claims swapped after pre_request: the envelope's user is not the claims' subject.
    admin_db.execute("begin")
    admin_db.execute("select tests.authenticate_as('olivia', 'acme')")
    admin_db.execute("select set_config('request.jwt.claims', tests.claims('gary', 'globex')::text, true)")
    with pytest.raises(psycopg.Error) as err:
        admin_db.execute("select chassis.enqueue_job('derivations__run', '{}')")
    assert err.value.sqlstate == "PT401"
    admin_db.execute("rollback")
    admin_db.execute("begin")
    admin_db.execute("select tests.authenticate_as('olivia', 'acme')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        admin_db.execute("select chassis.enqueue_job('not_registered__task', '{}')")
    admin_db.execute("rollback")


def test_enqueue_stamps_the_principal_and_ignores_forged_args(admin_db: psycopg.Connection) -> None:
    admin_db.execute("begin")
    admin_db.execute("select tests.authenticate_as('mia', 'acme')")
    forged = {"derivation_id": "x", "principal": {"tenant_id": "00000000-0000-0000-0000-000000000000", "sub": "gary"}}
    job_id = admin_db.execute("select chassis.enqueue_job('derivations__run', %s::jsonb)", (json.dumps(forged),))
    job_id = job_id.fetchone()[0]
    admin_db.execute("rollback")  # rolled back with the business transaction: no job
    assert (
        admin_db.execute("select count(*) from procrastinate.procrastinate_jobs where id = %s", (job_id,)).fetchone()[0]
        == 0
    )
    admin_db.execute("begin")
    admin_db.execute("select tests.authenticate_as('mia', 'acme')")
    job_id = admin_db.execute(
        "select chassis.enqueue_job('derivations__run', %s::jsonb)", (json.dumps(forged),)
    ).fetchone()[0]
    admin_db.execute("commit")
    principal = admin_db.execute(
        "select args->'principal' from procrastinate.procrastinate_jobs where id = %s", (job_id,)
    ).fetchone()[0]
    assert principal["tenant_id"] == str(admin_db.execute("select tests.tenant_id('acme')").fetchone()[0])
    assert principal["claims"]["sub"] == "mia" and principal["user_id"]
    admin_db.execute("delete from procrastinate.procrastinate_jobs where id = %s", (job_id,))


async def test_deactivated_user_job_fails_closed_without_retry(runtime, admin_db) -> None:
    admin_db.execute("select tests.add_member('acme', 'walt', 'member')")
    made = capture(admin_db, "walt", "acme", "test.words", TEXT + " walt")
    as_operator(admin_db, "update chassis.users set status = 'deactivated' where subject = 'walt'")
    await drain(runtime)
    assert job_status(admin_db, made["job_id"]) == ("failed", 1)
    assert derivation(admin_db, made["derivation_id"])["status"] == "queued"


async def test_removed_member_job_fails_closed(runtime, admin_db) -> None:
    admin_db.execute("select tests.add_member('acme', 'rita', 'member')")
    made = capture(admin_db, "rita", "acme", "test.words", TEXT + " rita")
    as_operator(
        admin_db,
        "delete from chassis.memberships where user_id = tests.user_id('rita') and tenant_id = tests.tenant_id('acme')",
    )
    await drain(runtime)
    assert job_status(admin_db, made["job_id"]) == ("failed", 1)
    assert derivation(admin_db, made["derivation_id"])["status"] == "queued"


async def test_forged_jobs_fail_closed(runtime, admin_db) -> None:
    acme = str(admin_db.execute("select tests.tenant_id('acme')").fetchone()[0])
    gary = admin_db.execute("select tests.claims('gary', 'globex')").fetchone()[0]
    forged_principal = {"tenant_id": acme, "role": "authenticated", "claims": {**gary, "tenant_id": acme}}
    ids = []
    for args in ({"derivation_id": "00000000-0000-0000-0000-000000000001"},
                 {"derivation_id": "00000000-0000-0000-0000-000000000002", "principal": forged_principal}):  # fmt: skip
        ids.append(admin_db.execute(
            "insert into procrastinate.procrastinate_jobs (queue_name, task_name, args) values ('llm',"
            " 'derivations__run', %s::jsonb) returning id", (json.dumps(args),),
        ).fetchone()[0])  # fmt: skip
    await drain(runtime)
    assert [job_status(admin_db, i) for i in ids] == [("failed", 1), ("failed", 1)]


async def test_as_principal_refuses_other_roles_and_foreign_tenants(runtime, admin_db) -> None:
    acme = str(admin_db.execute("select tests.tenant_id('acme')").fetchone()[0])
    olivia = admin_db.execute("select tests.claims('olivia', 'acme')").fetchone()[0]
    with pytest.raises(PrincipalRefused):
        async with as_principal(runtime.pool, runtime.config, {"tenant_id": acme, "role": "app_owner",
                                                               "claims": olivia}, 1):  # fmt: skip
            pass
    gary = admin_db.execute("select tests.claims('gary', 'globex')").fetchone()[0]
    with pytest.raises(PrincipalRefused, match="not a member"):
        async with as_principal(runtime.pool, runtime.config, {"tenant_id": acme, "role": "authenticated",
                                                               "claims": {**gary, "tenant_id": acme}}, 2):  # fmt: skip
            pass
    async with as_principal(runtime.pool, runtime.config, {"tenant_id": acme, "role": "authenticated",
                                                           "claims": olivia}, 3) as conn:  # fmt: skip
        row = await (await conn.execute("select current_user, chassis.envelope()")).fetchone()
    assert row[0] == "authenticated" and row[1]["via"] == "worker" and row[1]["job_id"] == "3"
